import { describe, expect, it } from 'vitest';
import { isMentorshipError } from '../../src/core/errors';
import { Profile, ProgramConfig, Roster } from '../../src/core/format';
import { configTitle, profileTitle, rosterShardTitle, rosterTitle, shardOf } from '../../src/core/titles';
import { invitationLogTitle } from '../../src/core/program-titles';
import { WikiClient } from '../../src/wiki/client';
import { applyPairs, loadConsole, notifyPairs, programPages, recordMilestone } from '../../src/wiki/console';
import { ConsoleWriter, createProgram, saveCheckin, saveConfig } from '../../src/wiki/program-settings';
import { Actor } from '../../src/wiki/membership';
import { Store } from '../../src/wiki/store';
import { config, invitationLog } from './fixtures/pages';
import { apiError, FakeClock } from './fakes/transport';
import { FakeWiki } from './fakes/wiki';

const P = 'art-2026';
const T = '2026-01-20T12:00:00Z';

function setup(): { wiki: FakeWiki; client: WikiClient; store: Store; clock: FakeClock; writer: ConsoleWriter } {
	const wiki = new FakeWiki();
	wiki.user = 'Carol';
	const clock = new FakeClock();
	const client = new WikiClient( { transport: wiki, clock: clock } );
	const store = new Store( client, { random: () => 0 } );
	return {
		wiki, client, store, clock,
		writer: { store, user: 'Carol', now: T, summaries: { create: 'create', config: 'config', roster: 'roster', match: 'match', milestone: 'milestone' } },
	};
}

function member( role: 'mentor' | 'mentee', extra: Record<string, unknown> = {} ): Record<string, unknown> {
	return { version: 1, programs: { [ P ]: { role, joined: T, topics: [ 'Painting' ], languages: [ 'en' ], ...extra } } };
}

describe( 'creating a program', () => {
	it( 'writes an empty roster and the config, both JSON; a program that exists is refused and nothing written', async () => {
		const { wiki, writer } = setup();
		await createProgram( writer, P, config() );
		expect( wiki.value( configTitle( P ) ) ).toEqual( config() );
		expect( wiki.value( rosterTitle( P ) ) ).toEqual( { version: 1, members: {} } );
		expect( wiki.page( configTitle( P ) )!.contentmodel ).toBe( 'json' );
		const edits = wiki.edits.length;
		const again = await createProgram( writer, P, { ...config(), name: 'Other' } ).then( () => null, ( e: unknown ) => e );
		expect( isMentorshipError( again, 'exists' ) ).toBe( true );
		expect( wiki.edits.length ).toBe( edits );
		expect( ( wiki.value( configTitle( P ) ) as ProgramConfig ).name ).toBe( config().name );
	} );

	it( 'does not create the pages of a sharded roster (the first write to each does)', async () => {
		const { wiki, writer } = setup();
		await createProgram( writer, 'big', { ...config(), shards: { roster: 4 } } );
		expect( wiki.page( rosterTitle( 'big' ) ) ).toBeUndefined();
		expect( wiki.page( rosterShardTitle( 'big', 0 ) ) ).toBeUndefined();
		expect( wiki.page( configTitle( 'big' ) ) ).toBeDefined();
	} );
} );

describe( 'saving the settings', () => {
	it( 'sets what the coordinator changed, keeping what another coordinator saved meanwhile', async () => {
		const { wiki, writer } = setup();
		wiki.put( configTitle( P ), config(), { user: 'Carol' } );
		const baseline = config();
		wiki.put( configTitle( P ), { ...config(), description: 'Changed meanwhile' }, { user: 'Dmitri Ivanov' } );
		const saved = await saveConfig( writer, P, baseline, { ...config(), name: 'Renamed' } );
		expect( saved.name ).toBe( 'Renamed' );
		expect( wiki.value( configTitle( P ) ) ).toMatchObject( { name: 'Renamed', description: 'Changed meanwhile' } );
	} );

	it( 'does not carry what someone who is not a coordinator changed into the revision it saves', async () => {
		const { wiki, writer } = setup();
		wiki.put( configTitle( P ), config(), { user: 'Carol' } );
		wiki.put( configTitle( P ), { ...config(), coordinators: [ 'Carol', 'Dmitri Ivanov', 'Vandal' ], helpDesk: 'User talk:Vandal' }, { user: 'Vandal' } );
		await saveConfig( writer, P, config(), { ...config(), name: 'Renamed' } );
		expect( wiki.value( configTitle( P ) ) ).toMatchObject( { name: 'Renamed', coordinators: [ 'Carol', 'Dmitri Ivanov' ], helpDesk: 'Project:Help desk' } );
	} );

	it( 'moves every roster entry to its page when the number of shards changes, then back', async () => {
		const { wiki, writer } = setup();
		const names = [ 'Ann', 'Ben', 'Jane Doe', 'Zoë', 'محمد', 'Olu', 'Pia' ];
		const members: Roster[ 'members' ] = {};
		for ( const n of names ) {
			members[ n ] = { role: 'mentee', joined: T };
		}
		wiki.put( configTitle( P ), config() );
		wiki.put( rosterTitle( P ), { version: 1, members } );
		const sharded = { ...config(), shards: { roster: 3, invitations: 1 } };
		await saveConfig( writer, P, config(), sharded );
		expect( ( wiki.value( configTitle( P ) ) as ProgramConfig ).shards ).toEqual( { roster: 3, invitations: 1 } );
		for ( const n of names ) {
			expect( Object.keys( ( wiki.value( rosterShardTitle( P, shardOf( n, 3 ) ) ) as Roster ).members ) ).toContain( n );
		}
		const total = [ 0, 1, 2 ].reduce( ( sum, k ) => sum + Object.keys( ( wiki.value( rosterShardTitle( P, k ) ) as Roster ).members ).length, 0 );
		expect( total ).toBe( names.length );
		// The old page keeps nobody: it is no longer read.
		expect( ( wiki.value( rosterTitle( P ) ) as Roster ).members ).toEqual( {} );

		await saveConfig( writer, P, sharded, { ...sharded, shards: { roster: 1, invitations: 1 } } );
		expect( Object.keys( ( wiki.value( rosterTitle( P ) ) as Roster ).members ).sort() ).toEqual( names.slice().sort() );
		for ( const k of [ 0, 1, 2 ] ) {
			expect( ( wiki.value( rosterShardTitle( P, k ) ) as Roster ).members ).toEqual( {} );
		}
	} );
} );

describe( 'applying the pairs', () => {
	it( 'writes once per roster page, and skips mentees whose entry changed meanwhile', async () => {
		const { wiki, writer } = setup();
		const cfg = { ...config(), shards: { roster: 2, invitations: 1 } };
		const names = [ 'Ann', 'Ben', 'Cas', 'Dee', 'Eli' ];
		for ( const k of [ 0, 1 ] ) {
			const members: Roster[ 'members' ] = {};
			for ( const n of names.filter( ( x ) => shardOf( x, 2 ) === k ) ) {
				members[ n ] = n === 'Cas' ? { role: 'mentee', joined: T, mentor: 'Chosen' } : { role: 'mentee', joined: T };
			}
			wiki.put( rosterShardTitle( P, k ), { version: 1, members } );
		}
		const before = wiki.edits.length;
		const result = await applyPairs( writer, P, cfg, names.map( ( n ) => ( { mentee: n, mentor: 'Mara' } ) ) );
		expect( result.skipped ).toEqual( [ 'Cas' ] );
		expect( result.applied.map( ( a ) => a.mentee ) ).toEqual( [ 'Ann', 'Ben', 'Dee', 'Eli' ] );
		const pages = new Set( names.filter( ( n ) => n !== 'Cas' ).map( ( n ) => shardOf( n, 2 ) ) ).size;
		expect( wiki.edits.length - before ).toBe( pages );
		expect( result.writes ).toBe( pages );
		const again = await applyPairs( writer, P, cfg, names.map( ( n ) => ( { mentee: n, mentor: 'Mara' } ) ) );
		expect( again.writes ).toBe( 0 );
	} );
} );

describe( 'telling each pair', () => {
	function actor( client: WikiClient, store: Store ): Actor {
		return {
			client,
			ctx: { store, user: 'Carol', now: T, summaries: { profile: 'p', roster: 'r' } },
			messages: ( key ) => key + ' $1 $3 $4',
			random: () => 0.5,
		};
	}

	it( 'posts to each mentee and each mentor, paced by the edit limit, going on past a failure, retrying once after the rate limit', async () => {
		const { wiki, client, store, clock } = setup();
		let limited = 1;
		wiki.refuseEdit = ( params ) => {
			if ( params.title === 'User talk:Ben' ) {
				return apiError( 'blocked', 'You are blocked', { blockinfo: { blockedby: 'Admin', blockreason: 'x', blockexpiry: 'infinite' } } );
			}
			if ( params.title === 'User talk:Mara' && limited > 0 ) {
				limited--;
				return apiError( 'ratelimited', 'Slow down' );
			}
			return null;
		};
		const progress: number[] = [];
		const report = await notifyPairs( actor( client, store ), P, config(), [ { mentee: 'Ann', mentor: 'Mara' }, { mentee: 'Ben', mentor: 'Noor' } ], '', {
			limit: { hits: 8, seconds: 60 },
			progress: ( p ) => progress.push( p.done ),
		} );
		expect( report.posted ).toBe( 3 );
		expect( report.failed.map( ( f ) => [ f.to, f.kind ] ) ).toEqual( [ [ 'Ben', 'matched-mentee' ] ] );
		expect( report.interval ).toBe( 7500 );
		expect( progress ).toEqual( [ 1, 2, 3, 4 ] );
		// A pause between two posts, and a full period after the rate limit before the one retry.
		expect( clock.sleeps ).toEqual( [ 7500, 60000, 7500, 7500 ] );
		expect( wiki.page( 'User talk:Ann' ) ).toBeDefined();
		expect( wiki.page( 'User talk:Noor' ) ).toBeDefined();
	} );

	it( 'stops when the coordinator says so', async () => {
		const { client, store } = setup();
		let calls = 0;
		const report = await notifyPairs( actor( client, store ), P, config(), [ { mentee: 'Ann', mentor: 'Mara' }, { mentee: 'Ben', mentor: 'Noor' } ], '', {
			progress: () => undefined,
			stopped: () => ++calls > 2,
		} );
		expect( report.stopped ).toBe( true );
		expect( report.posted ).toBe( 2 );
		expect( report.interval ).toBe( 0 );
	} );
} );

describe( 'milestones and check-ins', () => {
	it( 'records a milestone once, in the recording coordinator\'s own profile (created if need be), not in the roster', async () => {
		const { wiki, writer } = setup();
		wiki.put( rosterTitle( P ), { version: 1, members: { Ann: { role: 'mentee', joined: T } } } );
		const roster = JSON.stringify( wiki.value( rosterTitle( P ) ) );
		const record = { type: 'organised-event' as const, time: T, note: 'Edit-a-thon' };
		await recordMilestone( writer, P, 'Ann', record );
		await recordMilestone( writer, P, 'Ann', record );
		expect( ( wiki.value( profileTitle( writer.user ) ) as Profile ).recorded ).toEqual( { [ P ]: [ { member: 'Ann', ...record } ] } );
		expect( JSON.stringify( wiki.value( rosterTitle( P ) ) ) ).toBe( roster );
	} );

	it( 'saves a check-in in the member\'s own profile', async () => {
		const { wiki, client, store } = setup();
		wiki.user = 'Ann';
		wiki.put( profileTitle( 'Ann' ), member( 'mentee' ) );
		await saveCheckin( { client, ctx: { store, user: 'Ann', now: T, summaries: { profile: 'p', roster: 'r' } }, messages: ( k ) => k, random: () => 0 }, P,
			{ time: T, satisfaction: 5, comment: 'Great' } );
		expect( ( wiki.value( profileTitle( 'Ann' ) ) as { programs: Record<string, { checkins: unknown[] }> } ).programs[ P ]!.checkins ).toEqual( [ { time: T, satisfaction: 5, comment: 'Great' } ] );
	} );
} );

describe( 'loading the dashboard', () => {
	it( 'reads the program, the members, other programs\' rosters and this program\'s invitation logs in a handful of requests', async () => {
		const { wiki, client } = setup();
		wiki.put( configTitle( P ), config() );
		const members: Roster[ 'members' ] = { Mara: { role: 'mentor', joined: T } };
		wiki.put( profileTitle( 'Mara' ), member( 'mentor', { capacity: 3 } ) );
		for ( let i = 0; i < 120; i++ ) {
			const name = 'Mentee ' + i;
			members[ name ] = { role: 'mentee', joined: T, mentor: 'Mara' };
			wiki.put( profileTitle( name ), member( 'mentee' ) );
		}
		wiki.put( rosterTitle( P ), { version: 1, members } );
		// One record of the log is invalid: it is set aside, the others count.
		const log = invitationLog() as unknown as { invitations: unknown[] };
		log.invitations.push( { user: 'not valid|name', by: 'Carol', time: T, kind: 'welcome', lang: 'en', revid: 1 } );
		wiki.put( invitationLogTitle( P, '2026-01' ), log );
		wiki.put( rosterTitle( 'other' ), { version: 1, members: { 'Mentee 1': { role: 'mentor', joined: '2026-01-25T00:00:00Z' } } } );
		wiki.put( configTitle( 'other' ), config() );
		// The coordinator's own profile holds the milestones she recorded; a roster claim does not count.
		wiki.put( profileTitle( 'Carol' ), { version: 1, programs: {}, recorded: { [ P ]: [ { member: 'Mentee 2', type: 'organised-event', time: T } ] } } );
		( members[ 'Mentee 3' ] as Record<string, unknown> ).milestones = [ { type: 'other', time: T, by: 'Carol' } ];
		wiki.put( rosterTitle( P ), { version: 1, members } );
		client.requestCount = 0;
		const data = await loadConsole( client, P, Date.parse( '2026-02-01T00:00:00Z' ) );
		expect( data.dashboard.rows.find( ( r ) => r.name === 'Mentee 2' )!.recorded ).toEqual( [ { type: 'organised-event', time: T, by: 'Carol' } ] );
		expect( data.dashboard.rows.find( ( r ) => r.name === 'Mentee 3' )!.recorded ).toEqual( [] );
		// 1 config and roster + 2 for the config's trust chain + 1 list of pages + 3 for 121 members + 1 rosters, logs and coordinators' profiles + 1 rights log.
		expect( data.requests ).toBe( 9 );
		expect( client.requestCount ).toBe( 9 );
		expect( data.dashboard.rows ).toHaveLength( 121 );
		expect( data.input.invitations ).toHaveLength( 2 );
		expect( data.loaded.setAside.map( ( a ) => [ a.page, a.entry.key ] ) ).toEqual( [ [ 'Wikipedia:Mentorship/Programs/' + P + '/invitations/2026-01.json', 2 ] ] );
		expect( data.input.rosters ).toHaveLength( 2 );
		expect( data.dashboard.rows.find( ( r ) => r.name === 'Mentee 1' )!.detected.map( ( d ) => d.type ) ).toEqual( [ 'became-mentor' ] );
		expect( data.dashboard.summary.counts ).toEqual( { mentors: 1, mentees: 120, left: 0, unconfirmed: 0 } );
	} );

	it( 'picks other programs\' rosters and this program\'s logs from the pages under the prefix', () => {
		const titles = [
			'Wikipedia:Mentorship/Programs/art-2026/config.json',
			'Wikipedia:Mentorship/Programs/art-2026/roster.json',
			'Wikipedia:Mentorship/Programs/art-2026/invitations/2026-01.json',
			'Wikipedia:Mentorship/Programs/art-2026/invitations/2026-02/3.json',
			'Wikipedia:Mentorship/Programs/other/roster.json',
			'Wikipedia:Mentorship/Programs/other/roster/2.json',
			'Wikipedia:Mentorship/Programs/other/invitations/2026-01.json',
		];
		expect( programPages( titles, P, config() ) ).toEqual( {
			rosters: [ titles[ 4 ], titles[ 5 ] ],
			invitations: [ titles[ 2 ] ],
		} );
		expect( programPages( titles, P, { ...config(), shards: { invitations: 4 } } ).invitations ).toEqual( [ titles[ 3 ] ] );
	} );
} );
