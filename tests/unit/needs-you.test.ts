/**
 * The mentor's "Needs you" list (issue 18): the rules (warning templates on talk pages, the
 * window, the order, only confirmed mentees) and its reads, with every request counted.
 */
import { describe, expect, it } from 'vitest';
import { ProgramConfig, Question } from '../../src/core/format';
import {
	addedWarnings, DEFAULT_NEEDS_YOU_DAYS, needsYouDays, needsYouItems, newWarnings, TalkRevision, warningCounts, warningTemplates,
} from '../../src/core/needs-you';
import { validate } from '../../src/core/schema';
import { configSchema } from '../../src/core/format';
import { WikiClient } from '../../src/wiki/client';
import { MentorView } from '../../src/wiki/membership';
import { loadNeedsYou } from '../../src/wiki/needs-you';
import { ApiResponse } from '../../src/wiki/transport';
import { Call, FakeClock, listParam, ScriptedTransport } from './fakes/transport';

function config( extra: Partial<ProgramConfig> = {} ): ProgramConfig {
	return { version: 1, name: 'P', description: '', coordinators: [ 'Carol' ], topics: [], languages: [], ...extra };
}

const WARNING = '== January 2026 ==\n[[File:Information.svg|25px]] Hello. <!-- Template:uw-vandalism1 --> ~~~~\n';

describe( 'needs you: rules', () => {
	it( 'the window and the templates come from the program, each entry checked on its own', () => {
		expect( needsYouDays( config() ) ).toBe( DEFAULT_NEEDS_YOU_DAYS );
		expect( needsYouDays( config( { needsYou: { days: 30 } } ) ) ).toBe( 30 );
		expect( warningTemplates( config() ) ).toEqual( [ 'Uw-' ] );
		expect( warningTemplates( config( { needsYou: { templates: [ 'db-', 'Proposed_deletion notify', 'uw-', 'Uw-' ] } } ) ) )
			.toEqual( [ 'Db-', 'Proposed deletion notify', 'Uw-' ] );
		// The schema validates the member entry by entry: a bad entry is named by its path.
		const bad = validate( configSchema, { ...config(), needsYou: { days: 0, templates: [ 'uw-', 'a{{b' ] } } );
		expect( bad.ok ).toBe( false );
		const paths = bad.ok ? [] : bad.issues.map( ( i ) => i.path );
		expect( paths ).toEqual( expect.arrayContaining( [ 'needsYou.days', 'needsYou.templates[1]' ] ) );
		expect( validate( configSchema, { ...config(), needsYou: { days: 7, templates: [ 'uw-', 'Db-' ] } } ).ok ).toBe( true );
	} );

	it( 'finds warning templates by their substitution comment or their call, by name beginning', () => {
		const prefixes = [ 'Uw-', 'Afd notice' ];
		expect( warningCounts( WARNING + WARNING.replace( 'vandalism1', 'vandalism2' ), prefixes ) ).toEqual( { 'Uw-vandalism1': 1, 'Uw-vandalism2': 1 } );
		expect( warningCounts( '{{uw-spam1|Article}} and {{Template:Afd notice|X}} and {{Welcome}}', prefixes ) ).toEqual( { 'Uw-spam1': 1, 'Afd notice': 1 } );
		expect( warningCounts( 'Hello <!-- Template:Welcome --> {{welcome}}', prefixes ) ).toEqual( {} );
		// A warning that was there before is not new; a second one of the same kind is.
		expect( addedWarnings( WARNING, WARNING + '\n:reply', prefixes ) ).toEqual( [] );
		expect( addedWarnings( WARNING, WARNING + WARNING, prefixes ) ).toEqual( [ 'Uw-vandalism1' ] );
	} );

	it( 'a warning is new when someone else\'s edit within the window added it', () => {
		const since = '2026-01-06T12:00:00Z';
		const revisions: TalkRevision[] = [
			{ revid: 5, parentid: 4, user: 'Noor', timestamp: '2026-01-19T10:00:00Z', content: WARNING + WARNING + ':Sorry ~~~~' },
			{ revid: 4, parentid: 3, user: 'Patroller', timestamp: '2026-01-18T10:00:00Z', content: WARNING + WARNING },
			{ revid: 3, parentid: 2, user: 'Old', timestamp: '2026-01-01T10:00:00Z', content: WARNING },
			{ revid: 2, parentid: 0, user: 'Host', timestamp: '2025-12-01T10:00:00Z', content: 'Welcome!' },
		];
		expect( newWarnings( 'Noor', revisions, since, [ 'Uw-' ] ) ).toEqual( [
			{ mentee: 'Noor', by: 'Patroller', revid: 4, timestamp: '2026-01-18T10:00:00Z', templates: [ 'Uw-vandalism1' ] },
		] );
		// The mentee's own edits never count; an edit whose parent was not read is not judged.
		expect( newWarnings( 'Noor', [ { ...revisions[ 1 ]!, user: 'Noor' }, revisions[ 2 ]! ], '2025-01-01T00:00:00Z', [ 'Uw-' ] ) ).toEqual( [] );
		expect( newWarnings( 'Noor', [ revisions[ 1 ]! ], since, [ 'Uw-' ] ) ).toEqual( [] );
		// A page created with a warning.
		expect( newWarnings( 'Noor', [ { revid: 9, parentid: 0, user: 'P', timestamp: '2026-01-19T00:00:00Z', content: WARNING } ], since, [ 'Uw-' ] ) ).toHaveLength( 1 );
	} );

	it( 'lists only the confirmed mentees: blocks, then questions oldest first, warnings, reverted edits per mentee', () => {
		const q = ( time: string ): Question => ( { id: 'q' + time.slice( 8, 10 ), page: 'User talk:Alice', section: 'Q ' + time, revid: 1, time: time, to: 'Alice' } );
		const items = needsYouItems( {
			mentees: [ 'Noor', 'Sam' ],
			questions: [ { mentee: 'Sam', question: q( '2026-01-15T00:00:00Z' ), days: 5 }, { mentee: 'Noor', question: q( '2026-01-10T00:00:00Z' ), days: 10 },
				{ mentee: 'Forged', question: q( '2026-01-01T00:00:00Z' ), days: 19 } ],
			reverted: [ { mentee: 'Noor', revid: 7, title: 'A', timestamp: '2026-01-12T00:00:00Z' }, { mentee: 'Noor', revid: 8, title: 'B', timestamp: '2026-01-13T00:00:00Z' },
				{ mentee: 'Forged', revid: 9, title: 'C', timestamp: '2026-01-13T00:00:00Z' } ],
			warnings: [ { mentee: 'Sam', by: 'P', revid: 3, timestamp: '2026-01-11T00:00:00Z', templates: [ 'Uw-test1' ] } ],
			blocks: [ { mentee: 'Sam', by: 'Admin', reason: 'r', expiry: 'infinity', partial: false }, { mentee: 'Forged', by: 'A', reason: '', expiry: 'infinity', partial: false } ],
		} );
		expect( items.map( ( i ) => i.kind + ':' + i.mentee ) ).toEqual( [ 'blocked:Sam', 'question:Noor', 'question:Sam', 'warning:Sam', 'reverted:Noor' ] );
		const reverted = items[ 4 ]!;
		expect( reverted.kind === 'reverted' && reverted.edits.map( ( e ) => e.revid ) ).toEqual( [ 8, 7 ] );
	} );
} );

const NOW = Date.parse( '2026-01-20T12:00:00Z' );

function mentees( n: number ): string[] {
	const out: string[] = [];
	for ( let i = 1; i <= n; i++ ) {
		out.push( 'Mentee ' + i );
	}
	return out;
}

/** A mentor's view with `names` as confirmed mentees (what loadMentorView returns; only what loadNeedsYou reads). */
function view( names: string[], extra: { blocked?: string; question?: Question; config?: ProgramConfig } = {} ): MentorView {
	return {
		loaded: { state: { config: extra.config || config() } },
		viewer: { name: 'Alice' },
		mentees: names.map( ( name ) => ( {
			name: name,
			membership: { role: 'mentee', joined: '2026-01-01T00:00:00Z', mentor: 'Alice', questions: extra.question && name === 'Mentee 1' ? [ extra.question ] : undefined },
			user: { name: name, exists: true, invalid: false, groups: [], gender: name === 'Mentee 2' ? 'female' : 'unknown',
				block: name === extra.blocked ? { by: 'Admin', reason: 'spam', expiry: 'infinity', partial: false } : undefined },
		} ) ),
		replies: [],
		repliesComplete: true,
	} as unknown as MentorView;
}

/** A wiki that answers the list's queries: Mentee 3 has a reverted edit, Mentee 4's talk page was warned. */
function wiki( calls: Call[] ): ScriptedTransport {
	return new ScriptedTransport( ( call ): ApiResponse => {
		calls.push( call );
		const p = call.params;
		if ( p.list === 'usercontribs' ) {
			const users = listParam( p.ucuser );
			const titles = listParam( p.titles );
			expect( p.uctag ).toBe( 'mw-reverted' );
			return {
				batchcomplete: true,
				query: {
					usercontribs: users.includes( 'Mentee 3' ) && String( p.ucend ) <= '2026-01-18T10:00:00Z' ? [ { user: 'Mentee 3', revid: 301, title: 'Monet', timestamp: '2026-01-18T10:00:00Z' } ] : [],
					pages: titles.map( ( t ) => ( { ns: 3, title: t, revisions: [ { timestamp: t === 'User talk:Mentee 4' ? '2026-01-19T10:00:00Z' : '2025-11-01T00:00:00Z' } ] } ) ),
				},
			};
		}
		if ( p.prop === 'revisions' && p.titles === 'User talk:Mentee 4' ) {
			return {
				batchcomplete: true,
				query: { pages: [ { ns: 3, title: 'User talk:Mentee 4', revisions: [
					{ revid: 402, parentid: 401, user: 'Patroller', timestamp: '2026-01-19T10:00:00Z', slots: { main: { content: 'Welcome\n' + WARNING } } },
					{ revid: 401, parentid: 0, user: 'Host', timestamp: '2025-11-01T00:00:00Z', slots: { main: { content: 'Welcome\n' } } },
				] } ] },
			};
		}
		throw new Error( 'unexpected request ' + JSON.stringify( p ) );
	} );
}

describe( 'needs you: reads', () => {
	it( 'a mentor with 20 mentees: 2 requests (reverted edits with the talk pages\' latest revisions, then the one talk page edited lately)', async () => {
		const calls: Call[] = [];
		const client = new WikiClient( { transport: wiki( calls ), clock: new FakeClock() } );
		const question: Question = { id: 'q1', page: 'User talk:Alice', section: 'Question from Mentee 1', revid: 5, time: '2026-01-15T12:00:00Z', to: 'Alice', via: 'mentor' };
		const result = await loadNeedsYou( client, view( mentees( 20 ), { blocked: 'Mentee 2', question: question } ), NOW );
		expect( calls ).toHaveLength( 2 );
		expect( client.requestCount ).toBe( 2 );
		expect( listParam( calls[ 0 ]!.params.ucuser ) ).toHaveLength( 20 );
		expect( calls[ 0 ]!.params.ucend ).toBe( '2026-01-06T12:00:00Z' );
		expect( result.complete ).toBe( true );
		expect( result.days ).toBe( 14 );
		expect( result.genders[ 'Mentee 2' ] ).toBe( 'female' );
		expect( result.items.map( ( i ) => i.kind + ':' + i.mentee ) ).toEqual( [ 'blocked:Mentee 2', 'question:Mentee 1', 'warning:Mentee 4', 'reverted:Mentee 3' ] );
		const warning = result.items[ 2 ]!;
		expect( warning.kind === 'warning' && warning.warning ).toEqual( { mentee: 'Mentee 4', by: 'Patroller', revid: 402, timestamp: '2026-01-19T10:00:00Z', templates: [ 'Uw-vandalism1' ] } );
	} );

	it( 'batches 50 names a request: 120 mentees take 3 (+1 for the talk page edited lately)', async () => {
		const calls: Call[] = [];
		const client = new WikiClient( { transport: wiki( calls ), clock: new FakeClock() } );
		const result = await loadNeedsYou( client, view( mentees( 120 ) ), NOW );
		expect( calls.map( ( c ) => listParam( c.params.ucuser ).length ) ).toEqual( [ 50, 50, 20, 0 ] );
		expect( result.items.map( ( i ) => i.kind + ':' + i.mentee ) ).toEqual( [ 'warning:Mentee 4', 'reverted:Mentee 3' ] );
	} );

	it( 'a mentor with no mentee asks nothing; the window follows the program', async () => {
		const calls: Call[] = [];
		const client = new WikiClient( { transport: wiki( calls ), clock: new FakeClock() } );
		expect( ( await loadNeedsYou( client, view( [] ), NOW ) ).items ).toEqual( [] );
		expect( calls ).toHaveLength( 0 );
		const result = await loadNeedsYou( client, view( mentees( 5 ), { config: config( { needsYou: { days: 1 } } ) } ), NOW );
		expect( calls[ 0 ]!.params.ucend ).toBe( '2026-01-19T12:00:00Z' );
		// The reverted edit and the warning came before the last day: nothing is recent, and no talk page is read.
		expect( calls ).toHaveLength( 1 );
		expect( result.items ).toEqual( [] );
	} );
} );
