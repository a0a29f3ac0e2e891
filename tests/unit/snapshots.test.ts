import { describe, expect, it } from 'vitest';
import { buildDashboard, DashboardInput } from '../../src/core/dashboard';
import { Profile, ProgramConfig, RosterMember } from '../../src/core/format';
import { ProgramState } from '../../src/core/program';
import {
	buildSnapshot, neededSnapshots, Snapshot, SnapshotListing, snapshotDayOf, snapshotTableTitle, snapshotTitle, snapshotWikitable,
	TableLabels, trendBetween, trustListing,
} from '../../src/core/snapshot';
import { describeIssue, validate } from '../../src/core/schema';
import { snapshotSchema } from '../../src/core/snapshot';
import { WikiClient } from '../../src/wiki/client';
import { loadSnapshots, publishSnapshot } from '../../src/wiki/snapshots';
import { Store } from '../../src/wiki/store';
import { FakeClock } from './fakes/transport';
import { FakeWiki } from './fakes/wiki';

const P = 'snap-2026';
const CONFIG: ProgramConfig = { version: 1, name: 'Snap', description: '', coordinators: [ 'Carol' ], topics: [], languages: [ 'en' ], termDays: 90 };

function state( members: Record<string, RosterMember>, unconfirmed: string[] = [] ): ProgramState {
	const profiles: Record<string, Profile | null> = {};
	for ( const name of Object.keys( members ) ) {
		const m = members[ name ] as RosterMember;
		profiles[ name ] = unconfirmed.includes( name ) ? null : {
			version: 1, programs: { [ P ]: { role: m.role, joined: m.joined, topics: [], languages: [ 'en' ], ...( m.mentor ? { mentor: m.mentor } : {} ), ...( m.left ? { left: m.left } : {} ) } },
		};
	}
	return { id: P, config: CONFIG, members: members, profiles: profiles };
}

/** A cohort on `now`: a mentor, three mentees (one left, one with a leadership step a coordinator recorded), one unconfirmed entry. */
function dashboardInput( now: string, edits: Record<string, number>, recordedFor: string[] = [] ): DashboardInput {
	const joined = '2026-01-05T00:00:00Z';
	const program = state( {
		Mara: { role: 'mentor', joined: joined },
		Ann: { role: 'mentee', joined: joined, mentor: 'Mara' },
		Ben: { role: 'mentee', joined: joined, mentor: 'Mara' },
		Cem: { role: 'mentee', joined: joined, left: '2026-02-01T00:00:00Z' },
		Vandal: { role: 'mentee', joined: joined },
	}, [ 'Vandal' ] );
	const accounts: DashboardInput[ 'accounts' ] = {};
	const activity: DashboardInput[ 'activity' ] = {};
	for ( const name of Object.keys( program.members ) ) {
		accounts[ name ] = { exists: true, editcount: edits[ name ] || 0, registration: '2025-12-01T00:00:00Z', groups: [ '*', 'user' ] };
		activity[ name ] = { count: edits[ name ] ? 5 : 0, capped: false };
	}
	return {
		program: program,
		now: now,
		accounts: accounts,
		activity: activity,
		replies: [],
		repliesComplete: true,
		invitations: [],
		rosters: [],
		coordinatorProfiles: {
			Carol: { version: 1, programs: {}, recorded: { [ P ]: recordedFor.map( ( m ) => ( { member: m, type: 'organised-event' as const, time: '2026-02-10T00:00:00Z' } ) ) } },
		},
	};
}

function snapshotOn( now: string, edits: Record<string, number>, recordedFor: string[] = [] ): Snapshot {
	const dashboard = buildDashboard( dashboardInput( now, edits, recordedFor ) );
	return buildSnapshot( { programId: P, now: now, by: 'Carol', rows: dashboard.rows, summary: dashboard.summary } );
}

describe( 'building a snapshot', () => {
	it( 'dates a graduation the confirmed mentor recorded, and not one a stranger recorded', () => {
		const input = dashboardInput( '2026-03-01T10:00:00Z', { Mara: 900, Ann: 60, Ben: 3 } );
		input.program.profiles.Mara = {
			version: 1, programs: { [ P ]: { role: 'mentor', joined: '2026-01-05T00:00:00Z', topics: [], languages: [ 'en' ] } },
			recorded: { [ P ]: [ { member: 'Ann', type: 'graduated', time: '2026-02-20T12:00:00Z' } ] },
		};
		input.program.profiles.Ben = {
			version: 1, programs: { [ P ]: { role: 'mentee', joined: '2026-01-05T00:00:00Z', topics: [], languages: [ 'en' ], mentor: 'Mara' } },
			recorded: { [ P ]: [ { member: 'Ben', type: 'graduated', time: '2026-02-21T12:00:00Z' } ] },
		};
		const dashboard = buildDashboard( input );
		const s = buildSnapshot( { programId: P, now: input.now, by: 'Carol', rows: dashboard.rows, summary: dashboard.summary } );
		expect( s.members.Ann!.graduated ).toBe( '2026-02-20' );
		// A graduation ends a term: it is counted as a graduation, not as a leadership step.
		expect( s.members.Ann ).toMatchObject( { milestones: 1, leadership: 0 } );
		expect( s.members.Ben!.graduated ).toBeUndefined();
		expect( s.totals.graduations ).toBe( 1 );
	} );

	it( 'keeps each confirmed member\'s stage, status and the milestones that count, and the totals', () => {
		const s = snapshotOn( '2026-03-01T10:00:00Z', { Mara: 900, Ann: 60, Ben: 3 }, [ 'Ann' ] );
		expect( validate( snapshotSchema, s ).ok ).toBe( true );
		expect( s.date ).toBe( '2026-03-01' );
		expect( Object.keys( s.members ) ).toEqual( [ 'Ann', 'Ben', 'Cem', 'Mara' ] );
		expect( s.members.Vandal ).toBeUndefined();
		expect( s.members.Ann ).toMatchObject( { role: 'mentee', status: 'active', milestones: 1, leadership: 1 } );
		expect( s.members.Ben ).toMatchObject( { status: 'active', stage: 'nascent', milestones: 0 } );
		expect( s.members.Cem ).toMatchObject( { status: 'left' } );
		expect( s.totals ).toMatchObject( { mentors: 1, mentees: 2, left: 1, unconfirmed: 1, leadership: 1, leaders: 1, graduations: 0 } );
		expect( s.totals.stages.nascent + s.totals.stages.emerging + s.totals.stages.expanding + s.totals.stages.elevated ).toBe( 3 );
	} );

	it( 'counts a milestone only when a coordinator or the confirmed mentor recorded it', () => {
		const input = dashboardInput( '2026-03-01T10:00:00Z', { Ann: 60 } );
		// Someone who does not coordinate the program "records" steps in their own profile: nothing counts.
		input.coordinatorProfiles = { Mallory: { version: 1, programs: {}, recorded: { [ P ]: [ { member: 'Ben', type: 'organised-event', time: '2026-02-10T00:00:00Z' } ] } } };
		const d = buildDashboard( input );
		const s = buildSnapshot( { programId: P, now: input.now, by: 'Carol', rows: d.rows, summary: d.summary } );
		expect( s.members.Ben ).toMatchObject( { milestones: 0, leadership: 0 } );
		expect( s.totals.leadership ).toBe( 0 );
	} );

	it( 'renders a wikitable with every text escaped, the note as typed and a signature', () => {
		const s = snapshotOn( '2026-03-01T10:00:00Z', { Ann: 60 } );
		s.note = 'Month one | {{boom}} ~~~~';
		const labels: TableLabels = {
			caption: 'Snap on 2026-03-01', columns: [ 'Member', 'Role', 'Status', 'Stage', 'Milestones', 'Leadership', 'Graduated' ],
			role: ( r ) => r, status: ( st ) => st, stage: ( st ) => st || '', totals: 'Totals', footer: 'Published by $1.',
		};
		const text = snapshotWikitable( s, labels );
		expect( text ).toContain( '{| class="wikitable sortable"' );
		expect( text ).toContain( '[[User:Ann|Ann]]' );
		// The note shows as typed: its markup and tildes stay inside <nowiki>, expanding nothing.
		expect( text.indexOf( '<nowiki>Month one | {{boom}} ~~~~</nowiki>\n' ) ).toBe( 0 );
		const rest = text.slice( text.indexOf( '</nowiki>' ) );
		expect( rest ).not.toContain( '{{boom}}' );
		expect( rest ).toMatch( /\n\nPublished by ~~~~\.$/ );
		expect( rest.split( '~~~~' ) ).toHaveLength( 2 );
	} );
} );

describe( 'which snapshots count', () => {
	const listing = ( day: string, user: string | undefined, revid = 1 ): SnapshotListing => {
		const l: SnapshotListing = { title: snapshotTitle( P, day ), day: day, revid: revid, timestamp: day + 'T10:00:00Z' };
		if ( user ) {
			l.user = user;
		}
		return l;
	};

	it( 'reads the titles the wiki reports under any project namespace name', () => {
		expect( snapshotDayOf( 'Wikipedia:Mentorship/Programs/' + P + '/snapshots/2026-03-01.json', P ) ).toBe( '2026-03-01' );
		expect( snapshotDayOf( 'Wikipedia:Mentorship/Programs/' + P + '/snapshots/2026-03-01', P ) ).toBeNull();
		expect( snapshotDayOf( 'Wikipedia:Mentorship/Programs/other/snapshots/2026-03-01.json', P ) ).toBeNull();
		expect( snapshotTableTitle( P, '2026-03-01' ) ).toBe( 'Project:Mentorship/Programs/' + P + '/snapshots/2026-03-01' );
	} );

	it( 'sets aside a page last edited by anyone but a coordinator (forged or hidden), and ignores those outside 13 months', () => {
		const sorted = trustListing( [
			listing( '2025-01-01', 'Carol' ),
			listing( '2026-01-01', 'Carol' ),
			listing( '2026-02-01', 'Mallory' ),
			listing( '2026-02-15', undefined ),
			listing( '2026-03-01', 'Carol' ),
			listing( '2027-01-01', 'Carol' ),
		], [ 'Carol' ], '2026-03-01' );
		expect( sorted.trusted.map( ( l ) => l.day ) ).toEqual( [ '2026-01-01', '2026-03-01' ] );
		expect( sorted.setAside.map( ( s ) => [ s.reason, s.user ] ) ).toEqual( [ [ 'author', 'Mallory' ], [ 'author', undefined ] ] );
	} );

	it( 'needs at most three pages, whatever else was published', () => {
		const days: SnapshotListing[] = [];
		for ( let d = 0; d < 400; d += 7 ) {
			days.push( listing( new Date( Date.parse( '2025-02-01T00:00:00Z' ) + d * 86400000 ).toISOString().slice( 0, 10 ), 'Carol' ) );
		}
		const needed = neededSnapshots( days, 90 );
		const end = needed.end as SnapshotListing;
		expect( end.day ).toBe( days[ days.length - 1 ]!.day );
		expect( ( needed.bases.term as SnapshotListing ).day <= new Date( Date.parse( end.day ) - 90 * 86400000 ).toISOString().slice( 0, 10 ) ).toBe( true );
		const yearBefore = new Date( Date.parse( end.day ) - 365 * 86400000 ).toISOString().slice( 0, 10 );
		const year = needed.bases.year as SnapshotListing;
		expect( year.day <= yearBefore ).toBe( true );
		expect( days[ days.indexOf( year ) + 1 ]!.day > yearBefore ).toBe( true );
		// Closer than a term: the oldest, a partial period.
		expect( neededSnapshots( days.slice( -3 ), 90 ).bases.term ).toBe( days[ days.length - 3 ] );
	} );
} );

describe( 'trends', () => {
	it( 'count stage changes, attrition, leadership steps and graduations between two snapshots', () => {
		const first = snapshotOn( '2026-02-01T10:00:00Z', { Mara: 900, Ann: 5, Ben: 5 } );
		const second = snapshotOn( '2026-03-03T10:00:00Z', { Mara: 900, Ann: 300, Ben: 0 }, [ 'Ann' ] );
		second.members.Ann!.graduated = '2026-03-02';
		const t = trendBetween( first, second, 'term', 90 );
		expect( t ).toMatchObject( { from: '2026-02-01', to: '2026-03-03', partial: true, joined: 0, graduations: 1, leadership: { steps: 1, mentees: 1 } } );
		expect( t.stages.up ).toBeGreaterThanOrEqual( 1 );
		expect( t.stages.up + t.stages.down + t.stages.same ).toBe( 3 );
		// Ben is inactive (no edit in 30 days): of the two current mentees, one is lost.
		expect( t.attrition ).toEqual( { mentees: 2, lost: 1, rate: 0.5 } );
	} );
} );

describe( 'snapshots on the wiki', () => {
	function setup(): { wiki: FakeWiki; client: WikiClient; store: Store } {
		const wiki = new FakeWiki();
		wiki.user = 'Carol';
		const client = new WikiClient( { transport: wiki, clock: new FakeClock() } );
		return { wiki: wiki, client: client, store: new Store( client, { random: () => 0 } ) };
	}

	it( 'publishes create-only, then replaces the same day\'s with baserevid, and gives a trend a month later', async () => {
		const { wiki, client, store } = setup();
		const first = snapshotOn( '2026-02-01T10:00:00Z', { Mara: 900, Ann: 5, Ben: 5 } );
		await publishSnapshot( store, first, 'table one', 'summary' );
		const created = wiki.edits.filter( ( e ) => e.params.title === snapshotTitle( P, '2026-02-01' ) );
		expect( created.map( ( e ) => [ e.params.createonly, e.params.contentmodel ] ) ).toEqual( [ [ true, 'json' ] ] );
		first.note = 'again';
		await publishSnapshot( store, first, 'table one again', 'summary' );
		const again = wiki.edits.filter( ( e ) => e.params.title === snapshotTitle( P, '2026-02-01' ) ).slice( 1 );
		expect( again.map( ( e ) => [ e.params.baserevid !== undefined, e.params.nocreate ] ) ).toEqual( [ [ true, true ] ] );
		expect( wiki.latest( snapshotTableTitle( P, '2026-02-01' ) )!.content ).toBe( 'table one again' );

		await publishSnapshot( store, snapshotOn( '2026-03-03T10:00:00Z', { Mara: 900, Ann: 300 }, [ 'Ann' ] ), 'table two', 'summary' );
		const data = await loadSnapshots( client, P, CONFIG, '2026-03-03' );
		expect( data.trusted.map( ( l ) => l.day ) ).toEqual( [ '2026-02-01', '2026-03-03' ] );
		expect( data.trends.map( ( t ) => [ t.kind, t.from, t.to ] ) ).toEqual( [ [ 'term', '2026-02-01', '2026-03-03' ], [ 'year', '2026-02-01', '2026-03-03' ] ] );
		expect( data.trends[ 0 ]!.leadership ).toEqual( { steps: 1, mentees: 1 } );
		// One listing, one read of the two pages.
		expect( data.requests ).toBe( 2 );
	} );

	it( 'rejects forged snapshots without reading them, page by page, and invalid entries one by one', async () => {
		const { wiki, client, store } = setup();
		await publishSnapshot( store, snapshotOn( '2026-02-01T10:00:00Z', { Ann: 5, Ben: 5 } ), 't', 's' );
		const good = snapshotOn( '2026-03-03T10:00:00Z', { Ann: 300 } );
		const bad: Record<string, unknown> = JSON.parse( JSON.stringify( good ) );
		( bad.members as Record<string, unknown> ).Ghost = { role: 'boss' };
		wiki.put( snapshotTitle( P, '2026-03-03' ), bad, { user: 'Carol' } );
		// A vandal forges 30 snapshots showing a great year, and edits a real one.
		for ( let i = 1; i <= 28; i++ ) {
			const forged = { ...good, date: '2026-02-' + String( i ).padStart( 2, '0' ) };
			if ( i !== 1 ) {
				wiki.put( snapshotTitle( P, forged.date ), forged, { user: 'Mallory' } );
			}
		}
		wiki.put( snapshotTitle( P, '2026-01-15' ), { ...good, date: '2026-01-15' }, { user: 'Carol' } );
		wiki.put( snapshotTitle( P, '2026-01-15' ), { ...good, date: '2026-01-15', totals: { ...good.totals, leaders: 99 } }, { user: 'Mallory' } );
		// A coordinator's page claiming another day is not that day's snapshot.
		wiki.put( snapshotTitle( P, '2026-01-20' ), { ...good, date: '2026-01-01' }, { user: 'Carol' } );
		// Pages dated outside the window are not even listed.
		wiki.put( snapshotTitle( P, '2031-01-01' ), { ...good, date: '2031-01-01' }, { user: 'Mallory' } );
		wiki.put( snapshotTitle( P, '2020-01-01' ), { ...good, date: '2020-01-01' }, { user: 'Mallory' } );
		const before = wiki.reads.length;
		const data = await loadSnapshots( client, P, CONFIG, '2026-03-03' );
		expect( data.listed.map( ( l ) => l.day ).filter( ( d ) => d < '2025-01-01' || d > '2026-03-03' ) ).toEqual( [] );
		expect( data.listed ).toHaveLength( 31 );
		const contentReads = wiki.reads.slice( before ).filter( ( c ) => String( c.params.rvprop || '' ).includes( 'content' ) );
		const read = contentReads.flatMap( ( c ) => String( c.params.titles ).split( '|' ) );
		expect( read.some( ( t ) => /2026-02-(0[2-9]|1\d|2\d)/.test( t ) ) ).toBe( false );
		expect( read ).not.toContain( snapshotTitle( P, '2026-01-15' ) );
		expect( data.setAside.filter( ( s ) => s.reason === 'author' ) ).toHaveLength( 28 );
		expect( data.setAside.filter( ( s ) => s.reason === 'mismatch' ).map( ( s ) => s.title ) ).toEqual( [ snapshotTitle( P, '2026-01-20' ) ] );
		expect( data.entriesSetAside.map( ( e ) => e.entry.key ) ).toEqual( [ 'Ghost' ] );
		expect( Object.keys( data.read ).sort() ).toEqual( [ '2026-02-01', '2026-03-03' ] );
		expect( data.trends[ 0 ]!.from ).toBe( '2026-02-01' );
		// Listing (one request) and two rounds of reads (the mismatched page, then its replacement).
		expect( data.requests ).toBeLessThanOrEqual( 3 );
	} );

	it( 'on an edit conflict (another coordinator published the same day meanwhile) reads again and saves on the newer revision', async () => {
		const { wiki, store } = setup();
		const mine = snapshotOn( '2026-03-03T10:00:00Z', { Ann: 300 } );
		const theirs = { ...mine, by: 'Dan', note: 'theirs' };
		await publishSnapshot( store, { ...mine, note: 'earlier' }, 't', 's' );
		let raced = false;
		wiki.beforeEdit = ( params ) => {
			if ( !raced && params.title === snapshotTitle( P, '2026-03-03' ) ) {
				raced = true;
				wiki.put( snapshotTitle( P, '2026-03-03' ), theirs, { user: 'Dan' } );
			}
		};
		mine.note = 'mine';
		const result = await publishSnapshot( store, mine, 't', 's' );
		expect( result.json.conflicts ).toBe( 1 );
		const saves = wiki.edits.filter( ( e ) => e.params.title === snapshotTitle( P, '2026-03-03' ) ).slice( 1 );
		expect( saves ).toHaveLength( 2 );
		expect( saves[ 1 ]!.params.baserevid ).toBe( wiki.page( snapshotTitle( P, '2026-03-03' ) )!.revisions.slice( -2 )[ 0 ]!.revid );
		expect( ( wiki.value( snapshotTitle( P, '2026-03-03' ) ) as Snapshot ).note ).toBe( 'mine' );
	} );

	it( 'never overwrites a page of that name that is not a valid snapshot', async () => {
		const { wiki, store } = setup();
		wiki.put( snapshotTitle( P, '2026-03-03' ), { version: 1, program: P, whatever: true }, { user: 'Mallory' } );
		const s = snapshotOn( '2026-03-03T10:00:00Z', { Ann: 300 } );
		const refusal = await publishSnapshot( store, s, 't', 's' ).then( () => null, ( e: unknown ) => e );
		expect( refusal ).toMatchObject( { kind: 'invalid' } );
		expect( wiki.edits ).toHaveLength( 0 );
		const check = validate( snapshotSchema, wiki.value( snapshotTitle( P, '2026-03-03' ) ) );
		expect( check.ok ? [] : check.issues.map( describeIssue ) ).not.toEqual( [] );
	} );
} );
