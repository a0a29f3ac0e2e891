import { describe, expect, it } from 'vitest';
import { ErrorKind, MentorshipError } from '../../src/core/errors';
import { planBatch, WikiClient } from '../../src/wiki/client';
import { rightsLog } from '../../src/wiki/console';
import { prefixPages } from '../../src/wiki/program-list';
import { pageRights } from '../../src/wiki/program-settings';
import { fromApiError, fromTransportFailure } from '../../src/wiki/errors';
import { ApiResponse, encodeParams } from '../../src/wiki/transport';
import { apiError, Call, FakeClock, listParam, networkDown, ScriptedTransport } from './fakes/transport';
import { failure } from '../support/failure';
import { currentUser, hitsPerApiEdit, strictestLimit } from '../../src/wiki/current-user';

function client( transport: ScriptedTransport, clock = new FakeClock(), extra: Partial<ConstructorParameters<typeof WikiClient>[ 0 ]> = {} ): WikiClient {
	return new WikiClient( { transport: transport, clock: clock, ...extra } );
}

function page( title: string, content = '{}' ): Record<string, unknown> {
	return {
		title: title, ns: 4, pageid: title.length,
		revisions: [ { revid: 100 + title.length, timestamp: '2026-01-01T00:00:00Z', slots: { main: { contentmodel: 'json', content: content } } } ],
	};
}

/** Answers each query with every title as an existing page and every user as an account. */
function echoWiki( call: Call ): ApiResponse {
	const titles = listParam( call.params.titles );
	const users = listParam( call.params.ususers );
	const query: Record<string, unknown> = {};
	if ( titles.length ) {
		query.pages = titles.map( ( t ) => page( t ) );
	}
	if ( users.length ) {
		query.users = users.map( ( u, i ) => ( { userid: i + 1, name: u, editcount: 5, groups: [ '*', 'user' ] } ) );
	}
	return { batchcomplete: true, query: query };
}

function names( prefix: string, n: number ): string[] {
	const out: string[] = [];
	for ( let i = 0; i < n; i++ ) {
		out.push( prefix + i );
	}
	return out;
}

const EDIT_OK: ApiResponse = { edit: { result: 'Success', pageid: 7, title: 'P', contentmodel: 'json', oldrevid: 10, newrevid: 11, newtimestamp: '2026-01-20T12:00:01Z' } };

describe( 'client: batched reads', () => {
	it( 'reads 120 titles in 3 requests of at most 50', async () => {
		const t = new ScriptedTransport( echoWiki );
		const titles = names( 'Project:Page ', 120 );
		const pages = await client( t ).readPages( titles );
		expect( t.calls ).toHaveLength( 3 );
		expect( t.calls.map( ( c ) => listParam( c.params.titles ).length ) ).toEqual( [ 50, 50, 20 ] );
		expect( t.calls.flatMap( ( c ) => listParam( c.params.titles ) ) ).toEqual( titles );
		expect( Object.keys( pages ) ).toEqual( titles );
		expect( pages[ 'Project:Page 119' ] ).toMatchObject( { exists: true, revid: 100 + 16, contentmodel: 'json', content: '{}' } );
	} );

	it( 'carries titles and users in the same requests', async () => {
		const t = new ScriptedTransport( echoWiki );
		const result = await client( t ).batch( { titles: names( 'T', 120 ), users: names( 'U', 70 ) } );
		expect( t.calls.map( ( c ) => [ listParam( c.params.titles ).length, listParam( c.params.ususers ).length ] ) )
			.toEqual( [ [ 50, 50 ], [ 50, 20 ], [ 20, 0 ] ] );
		expect( Object.keys( result.pages ) ).toHaveLength( 120 );
		expect( Object.keys( result.users ) ).toHaveLength( 70 );
		expect( t.calls[ 1 ]!.params.list ).toEqual( [ 'users' ] );
		expect( t.calls[ 2 ]!.params.list ).toBeUndefined();
	} );

	it( 'asks for formatversion 2, plain-text errors, content and content model of the main slot', async () => {
		const t = new ScriptedTransport( echoWiki );
		await client( t, new FakeClock(), { language: 'fr' } ).readPages( [ 'A' ] );
		expect( t.calls[ 0 ]!.params ).toMatchObject( {
			action: 'query', format: 'json', formatversion: 2, errorformat: 'plaintext', uselang: 'fr', errorlang: 'fr',
			prop: 'revisions', rvprop: 'ids|timestamp|content|contentmodel', rvslots: 'main', continue: '',
		} );
		await client( t ).readPages( [ 'A' ], { content: false } );
		expect( t.calls[ 1 ]!.params.rvprop ).toBe( 'ids|timestamp|contentmodel' );
	} );

	it( 'reads few titles with GET and many with POST (URL length)', async () => {
		const t = new ScriptedTransport( echoWiki );
		await client( t ).readPages( names( 'A', 5 ) );
		await client( t ).readPages( names( 'A', 30 ) );
		expect( t.calls.map( ( c ) => c.method ) ).toEqual( [ 'GET', 'POST' ] );
	} );

	it( 'asks once for a title given twice', async () => {
		const t = new ScriptedTransport( echoWiki );
		const pages = await client( t ).readPages( [ 'A', 'B', 'A' ] );
		expect( listParam( t.calls[ 0 ]!.params.titles ) ).toEqual( [ 'A', 'B' ] );
		expect( Object.keys( pages ) ).toEqual( [ 'A', 'B' ] );
	} );

	it( 'honours a larger batch size', async () => {
		const t = new ScriptedTransport( echoWiki );
		await client( t, new FakeClock(), { batchSize: 500 } ).readPages( names( 'A', 600 ) );
		expect( t.calls.map( ( c ) => listParam( c.params.titles ).length ) ).toEqual( [ 500, 100 ] );
	} );

	it( 'sends nothing for nothing', async () => {
		const t = new ScriptedTransport( echoWiki );
		expect( await client( t ).batch( {} ) ).toEqual( { pages: {}, users: {}, activity: {}, contribs: [], contribsComplete: true } );
		expect( t.calls ).toHaveLength( 0 );
	} );
} );

describe( 'client: continuation and page states', () => {
	it( 'merges a page whose revision arrives in a later continuation; normalized and redirects come first only', async () => {
		const t = new ScriptedTransport( ( call, i ) => {
			if ( i === 0 ) {
				expect( call.params.continue ).toBe( '' );
				return {
					continue: { rvcontinue: '42|abc', continue: '||' },
					query: {
						normalized: [ { fromencoded: false, from: 'Project:Big', to: 'Wikipedia:Big' } ],
						redirects: [ { from: 'Wikipedia:Old', to: 'Wikipedia:New' } ],
						pages: [
							page( 'Wikipedia:Small', '{"small":1}' ),
							{ title: 'Wikipedia:Big', ns: 4, pageid: 2 },
							page( 'Wikipedia:New', '{"new":1}' ),
						],
					},
				};
			}
			expect( call.params ).toMatchObject( { rvcontinue: '42|abc', continue: '||' } );
			return {
				batchcomplete: true,
				query: {
					pages: [
						{ title: 'Wikipedia:Small', ns: 4, pageid: 1 },
						{ title: 'Wikipedia:Big', ns: 4, pageid: 2, revisions: [ { revid: 99, timestamp: '2026-01-02T00:00:00Z', slots: { main: { contentmodel: 'json', content: '{"big":1}' } } } ] },
						{ title: 'Wikipedia:New', ns: 4, pageid: 3 },
					],
				},
			};
		} );
		const pages = await client( t ).readPages( [ 'Wikipedia:Small', 'Project:Big', 'Wikipedia:Old' ], { redirects: true } );
		expect( t.calls ).toHaveLength( 2 );
		expect( t.calls[ 0 ]!.params.redirects ).toBe( true );
		expect( pages[ 'Project:Big' ] ).toEqual( {
			requested: 'Project:Big', title: 'Wikipedia:Big', exists: true, ns: 4, pageid: 2, revid: 99,
			timestamp: '2026-01-02T00:00:00Z', contentmodel: 'json', content: '{"big":1}',
		} );
		expect( pages[ 'Wikipedia:Small' ]!.content ).toBe( '{"small":1}' );
		expect( pages[ 'Wikipedia:Old' ] ).toMatchObject( { title: 'Wikipedia:New', redirectedFrom: 'Wikipedia:Old', exists: true, content: '{"new":1}' } );
	} );

	it( 'reports missing, invalid and redirected titles instead of throwing', async () => {
		const t = new ScriptedTransport( () => ( {
			batchcomplete: true,
			query: {
				normalized: [ { from: 'user:nobody/x.json', to: 'User:Nobody/x.json' } ],
				redirects: [ { from: 'R', to: 'Target' } ],
				pages: [
					{ ns: 2, title: 'User:Nobody/x.json', missing: true },
					{ title: 'Bad<title>', invalidreason: 'The requested page title contains invalid characters: "<".', invalid: true },
					{ ns: 0, title: 'Target', missing: true },
				],
			},
		} ) );
		const c = client( t );
		const pages = await c.readPages( [ 'user:nobody/x.json', 'Bad<title>', 'R' ], { redirects: true } );
		expect( pages[ 'user:nobody/x.json' ] ).toEqual( { requested: 'user:nobody/x.json', title: 'User:Nobody/x.json', exists: false, ns: 2 } );
		expect( pages[ 'Bad<title>' ] ).toEqual( {
			requested: 'Bad<title>', title: 'Bad<title>', exists: false,
			invalid: 'The requested page title contains invalid characters: "<".',
		} );
		expect( pages.R ).toEqual( { requested: 'R', title: 'Target', exists: false, redirectedFrom: 'R', ns: 0 } );
	} );

	it( 'reads a single page, and reports one the wiki did not mention as missing', async () => {
		const t = new ScriptedTransport( () => ( { query: { pages: [] } } ) );
		expect( await client( t ).readPage( 'Ghost' ) ).toEqual( { requested: 'Ghost', title: 'Ghost', exists: false } );
	} );

	it( 'follows continuation of a page list', async () => {
		const t = new ScriptedTransport( ( call, i ) => {
			expect( call.params ).toMatchObject( { list: 'allpages', apnamespace: 4, apprefix: 'Mentorship/Programs/', aplimit: 'max' } );
			return i === 0 ?
				{ continue: { apcontinue: 'M2', continue: '-||' }, query: { allpages: [ { ns: 4, title: 'W:M1' } ] } } :
				{ query: { allpages: [ { ns: 4, title: 'W:M2' } ] } };
		} );
		expect( await prefixPages( client( t ), 4, 'Mentorship/Programs/' ) ).toEqual( [ 'W:M1', 'W:M2' ] );
		expect( t.calls[ 1 ]!.params.apcontinue ).toBe( 'M2' );
	} );

	it( 'stops a query after its maximum number of requests', async () => {
		const t = new ScriptedTransport( () => ( { continue: { xcontinue: '1', continue: '-||' }, query: {} } ) );
		let seen = 0;
		const complete = await client( t ).queryAll( { list: 'x' }, () => {
			seen++;
		}, 3 );
		expect( complete ).toBe( false );
		expect( seen ).toBe( 3 );
		expect( t.calls ).toHaveLength( 3 );
	} );
} );

describe( 'client: users and activity', () => {
	it( 'maps accounts: block, registration, groups, gender, missing and invalid names', async () => {
		const t = new ScriptedTransport( ( call ) => {
			expect( call.params.usprop ).toBe( 'blockinfo|editcount|groups|registration|gender' );
			return {
				query: {
					users: [
						{
							userid: 1, name: 'Alice', editcount: 1234, registration: '2010-05-01T00:00:00Z', groups: [ '*', 'user', 'sysop' ],
							gender: 'female', blockid: 9, blockedby: 'Admin', blockedbyid: 2, blockreason: 'Spam', blockexpiry: 'infinite',
							blockpartial: true, blockedtimestamp: '2026-01-01T00:00:00Z',
						},
						{ userid: 2, name: 'Old', editcount: 10, registration: null, groups: [ '*', 'user' ], gender: 'unknown' },
						{ name: 'Nobody', missing: true },
						{ name: '1.2.3.4', invalid: true },
					],
				},
			};
		} );
		const { users } = await client( t ).users( [ 'Alice', 'Old', 'Nobody', '1.2.3.4' ] );
		expect( users.Alice ).toEqual( {
			name: 'Alice', exists: true, invalid: false, userid: 1, editcount: 1234, registration: '2010-05-01T00:00:00Z',
			groups: [ '*', 'user', 'sysop' ], gender: 'female', block: { by: 'Admin', reason: 'Spam', expiry: 'infinite', partial: true },
		} );
		expect( users.Old ).toEqual( {
			name: 'Old', exists: true, invalid: false, userid: 2, editcount: 10, registration: null, groups: [ '*', 'user' ], gender: 'unknown',
		} );
		expect( users.Nobody ).toEqual( { name: 'Nobody', exists: false, invalid: false, groups: [], gender: 'unknown' } );
		expect( users[ '1.2.3.4' ] ).toEqual( { name: '1.2.3.4', exists: false, invalid: true, groups: [], gender: 'unknown' } );
	} );

	function contribs( user: string, n: number, day: number ): Record<string, unknown>[] {
		const out = [];
		for ( let i = 0; i < n; i++ ) {
			out.push( { userid: 1, user: user, timestamp: '2026-01-' + String( day - i ).padStart( 2, '0' ) + 'T00:00:00Z' } );
		}
		return out;
	}

	it( 'counts edits since a time, with the latest edit', async () => {
		const t = new ScriptedTransport( ( call, i ) => {
			expect( call.params ).toMatchObject( { list: [ 'users', 'usercontribs' ], ucend: '2026-01-01T00:00:00Z', ucprop: 'timestamp', uclimit: 'max' } );
			expect( listParam( call.params.ucuser ) ).toEqual( [ 'Alice', 'Bob', 'Quiet' ] );
			return i === 0 ?
				{ continue: { uccontinue: 'x', continue: '-||users' }, query: { users: [], usercontribs: contribs( 'Alice', 3, 20 ).concat( contribs( 'Bob', 1, 5 ) ) } } :
				{ query: { usercontribs: contribs( 'Bob', 2, 4 ) } };
		} );
		const { activity } = await client( t ).users( [ 'Alice', 'Bob', 'Quiet' ], '2026-01-01T00:00:00Z' );
		expect( activity ).toEqual( {
			Alice: { count: 3, last: '2026-01-20T00:00:00Z', capped: false },
			Bob: { count: 3, last: '2026-01-05T00:00:00Z', capped: false },
			Quiet: { count: 0, capped: false },
		} );
	} );

	it( 'caps the count after the allowed continuations and says so', async () => {
		const t = new ScriptedTransport( () => ( {
			continue: { uccontinue: 'more', continue: '-||users' },
			query: { usercontribs: contribs( 'Alice', 5, 20 ) },
		} ) );
		const result = await client( t ).batch( { users: [ 'Alice', 'Bob' ], activitySince: '2025-01-01T00:00:00Z', activityMaxContinue: 1 } );
		expect( t.calls ).toHaveLength( 2 );
		expect( result.activity ).toEqual( {
			Alice: { count: 10, last: '2026-01-20T00:00:00Z', capped: true },
			Bob: { count: 0, capped: true },
		} );
	} );

	it( 'caps activity the same way when titles travel in the same requests, and still reads every page', async () => {
		const t = new ScriptedTransport( ( call, i ) => {
			const titles = listParam( call.params.titles );
			const query: Record<string, unknown> = {};
			const cont: Record<string, string> = { continue: '||' };
			// Page content needs one continuation; contributions never end.
			query.pages = titles.map( ( title ) => i === 0 ? { title: title, ns: 4, pageid: 1 } : page( title ) );
			if ( i === 0 ) {
				cont.rvcontinue = 'r';
			}
			if ( listParam( call.params.list ).includes( 'usercontribs' ) ) {
				query.usercontribs = contribs( 'Alice', 5, 20 );
				cont.uccontinue = 'more';
			}
			return Object.keys( cont ).length > 1 ? { continue: cont, query: query } : { query: query };
		} );
		const result = await client( t ).batch( {
			titles: names( 'P', 10 ), users: [ 'Alice' ], activitySince: '2025-01-01T00:00:00Z', activityMaxContinue: 0,
		} );
		expect( result.activity.Alice ).toEqual( { count: 5, last: '2026-01-20T00:00:00Z', capped: true } );
		expect( Object.values( result.pages ).every( ( p ) => p.content === '{}' ) ).toBe( true );
		expect( t.calls ).toHaveLength( 2 );
		// The second request reads the pages' rest only: no more contributions asked for.
		expect( t.calls[ 1 ]!.params.uccontinue ).toBeUndefined();
		expect( listParam( t.calls[ 1 ]!.params.list ) ).not.toContain( 'usercontribs' );
		expect( t.calls[ 1 ]!.params.rvcontinue ).toBe( 'r' );
	} );
} );

describe( 'client: one user\'s contributions (contribsOf)', () => {
	function talkEdits( n: number ): Record<string, unknown>[] {
		const out = [];
		for ( let i = 0; i < n; i++ ) {
			out.push( { userid: 1, user: 'Alice', revid: 1000 - i, ns: 3, title: 'User talk:M' + i, timestamp: '2026-01-19T00:00:00Z', comment: 'Reply ' + i } );
		}
		return out;
	}

	it( 'reads them with the pages, in the same request', async () => {
		const t = new ScriptedTransport( ( call ) => ( { query: { ...echoWiki( call ).query as object, usercontribs: talkEdits( 2 ) } } ) );
		const result = await client( t ).batch( { titles: [ 'A', 'B' ], contribsOf: { user: 'Alice', since: '2026-01-01T00:00:00Z', namespace: 3, limit: 100 } } );
		expect( t.calls ).toHaveLength( 1 );
		expect( t.calls[ 0 ]!.params ).toMatchObject( {
			list: [ 'usercontribs' ], ucuser: [ 'Alice' ], ucend: '2026-01-01T00:00:00Z', ucnamespace: 3, uclimit: 100, ucprop: 'title|timestamp|comment|ids',
		} );
		expect( result.contribs ).toEqual( [
			{ user: 'Alice', title: 'User talk:M0', timestamp: '2026-01-19T00:00:00Z', comment: 'Reply 0', revid: 1000 },
			{ user: 'Alice', title: 'User talk:M1', timestamp: '2026-01-19T00:00:00Z', comment: 'Reply 1', revid: 999 },
		] );
		expect( result.contribsComplete ).toBe( true );
		expect( Object.keys( result.pages ) ).toEqual( [ 'A', 'B' ] );
	} );

	it( 'reads at most its limit, in one request, and says when there were more', async () => {
		const t = new ScriptedTransport( ( call ) => ( {
			continue: { uccontinue: '20260118|900', continue: '-||' },
			query: { ...echoWiki( call ).query as object, usercontribs: talkEdits( 3 ) },
		} ) );
		const result = await client( t ).batch( { titles: [ 'A' ], contribsOf: { user: 'Alice', since: '2026-01-01T00:00:00Z', limit: 3 } } );
		expect( t.calls ).toHaveLength( 1 );
		expect( result.contribs ).toHaveLength( 3 );
		expect( result.contribsComplete ).toBe( false );
		expect( result.pages.A!.exists ).toBe( true );
	} );
} );

describe( 'client: several users\' contributions (contribsOf with a list)', () => {
	it( 'reads 50 users a request, with the titles of the same round, each contribution naming its user', async () => {
		const mentors = Array.from( { length: 120 }, ( _, i ) => 'Mentor ' + i );
		const t = new ScriptedTransport( ( call ) => ( {
			query: {
				...echoWiki( call ).query as object,
				usercontribs: listParam( call.params.ucuser ).slice( 0, 2 ).map( ( user, i ) => ( { user: user, revid: i + 1, ns: 3, title: 'User talk:X', timestamp: '2026-01-19T00:00:00Z', comment: '' } ) ),
			},
		} ) );
		const result = await client( t ).batch( { titles: [ 'A' ], contribsOf: { user: mentors, since: '2026-01-01T00:00:00Z', namespace: 3, limit: 500 } } );
		expect( t.calls ).toHaveLength( 3 );
		expect( t.calls.map( ( c ) => listParam( c.params.ucuser ).length ) ).toEqual( [ 50, 50, 20 ] );
		expect( t.calls.map( ( c ) => listParam( c.params.titles ).length ) ).toEqual( [ 1, 0, 0 ] );
		expect( t.calls[ 0 ]!.method ).toBe( 'POST' );
		expect( result.contribs.map( ( c ) => c.user ) ).toEqual( [ 'Mentor 0', 'Mentor 1', 'Mentor 50', 'Mentor 51', 'Mentor 100', 'Mentor 101' ] );
		expect( result.contribsComplete ).toBe( true );
	} );

	it( 'follows continuation up to maxContinue requests, then says the list is incomplete', async () => {
		const t: ScriptedTransport = new ScriptedTransport( ( call, i ): ApiResponse => ( {
			continue: { uccontinue: 'actor|5|20260118000000|' + ( 899 - i ), continue: '-||' },
			query: { usercontribs: [ { user: 'Ann', revid: 1, ns: 3, title: 'User talk:X', timestamp: '2026-01-19T00:00:00Z', comment: String( call.params.uccontinue || '' ) } ] },
		} ) );
		const result = await client( t ).batch( { contribsOf: { user: [ 'Ann', 'Bo' ], since: '2026-01-01T00:00:00Z', limit: 1, maxContinue: 2 } } );
		expect( t.calls ).toHaveLength( 3 );
		expect( t.calls[ 1 ]!.params.uccontinue ).toBe( 'actor|5|20260118000000|899' );
		expect( result.contribs ).toHaveLength( 3 );
		expect( result.contribsComplete ).toBe( false );
	} );
} );

describe( 'client: rights on pages and the rights log', () => {
	it( 'asks whether the user may edit each title, with its protection', async () => {
		const t = new ScriptedTransport( () => ( {
			query: {
				normalized: [ { from: 'Project:P/config.json', to: 'Wiki:P/config.json' } ],
				pages: [
					{ ns: 4, title: 'Wiki:P/config.json', pageid: 5, actions: { edit: false }, protection: [ { type: 'edit', level: 'editmentorshipconfig', expiry: 'infinity' } ] },
					{ ns: 4, title: 'Wiki:Q', missing: true, actions: { edit: true }, protection: [] },
				],
			},
		} ) );
		const rights = await pageRights( client( t ), [ 'Project:P/config.json', 'Wiki:Q' ] );
		expect( t.calls[ 0 ]!.params ).toMatchObject( { action: 'query', prop: 'info', inprop: 'protection', intestactions: 'edit' } );
		expect( rights ).toEqual( {
			'Project:P/config.json': { title: 'Wiki:P/config.json', exists: true, allowed: false, protection: [ { type: 'edit', level: 'editmentorshipconfig', expiry: 'infinity' } ] },
			'Wiki:Q': { title: 'Wiki:Q', exists: false, allowed: true, protection: [] },
		} );
	} );

	it( 'reads the groups each user gained from the rights log, and how far back it read', async () => {
		const event = ( title: string, time: string, before: string[], after: string[] ): Record<string, unknown> => ( {
			ns: 2, title: title, timestamp: time, params: { oldgroups: before, newgroups: after },
		} );
		const t = new ScriptedTransport( ( call, i ) => i === 0 ? {
			continue: { lecontinue: 'x', continue: '-||' },
			query: { logevents: [ event( 'Utilisateur:Ann Lee', '2026-02-10T00:00:00Z', [], [ 'rollbacker' ] ), event( 'User:Bo', '2026-02-09T00:00:00Z', [ 'sysop' ], [] ) ] },
		} : { query: { logevents: [ event( 'User:Ann Lee', '2026-02-01T00:00:00Z', [ 'a' ], [ 'a', 'patroller' ] ) ] }, call: call } );
		const log = await rightsLog( client( t ), '2026-01-01T00:00:00Z' );
		expect( t.calls[ 0 ]!.params ).toMatchObject( { list: 'logevents', letype: 'rights', leend: '2026-01-01T00:00:00Z' } );
		expect( log ).toEqual( {
			changes: { 'Ann Lee': [ { time: '2026-02-10T00:00:00Z', added: [ 'rollbacker' ] }, { time: '2026-02-01T00:00:00Z', added: [ 'patroller' ] } ] },
			complete: true,
			from: '2026-01-01T00:00:00Z',
		} );
		const cut = new ScriptedTransport( () => ( {
			continue: { lecontinue: 'x', continue: '-||' },
			query: { logevents: [ event( 'User:Bo', '2026-02-09T00:00:00Z', [], [ 'rollbacker' ] ) ] },
		} ) );
		const partial = await rightsLog( client( cut ), '2026-01-01T00:00:00Z', 1 );
		expect( partial.complete ).toBe( false );
		expect( partial.from ).toBe( '2026-02-09T00:00:00Z' );
	} );
} );

describe( 'client: edits', () => {
	it( 'sends baserevid, assert=user and the token, never basetimestamp', async () => {
		const t = new ScriptedTransport( () => EDIT_OK );
		const result = await client( t ).edit( { title: 'P', text: '{}', summary: 's', baserevid: 10, nocreate: true } );
		const params = t.calls[ 0 ]!.params;
		expect( t.calls[ 0 ]!.method ).toBe( 'POST' );
		expect( params ).toMatchObject( {
			action: 'edit', title: 'P', text: '{}', summary: 's', baserevid: 10, nocreate: true, assert: 'user',
			token: 'csrf-token-1+\\', watchlist: 'nochange', formatversion: 2, errorformat: 'plaintext',
		} );
		expect( params.basetimestamp ).toBeUndefined();
		expect( params.starttimestamp ).toBeUndefined();
		expect( Object.keys( encodeParams( params ) ) ).not.toContain( 'basetimestamp' );
		expect( result ).toEqual( { title: 'P', pageid: 7, oldrevid: 10, newrevid: 11, newtimestamp: '2026-01-20T12:00:01Z', nochange: false, created: false } );
	} );

	it( 'sends assert=user on every kind of write', async () => {
		const t = new ScriptedTransport( ( call ) => call.params.action === 'options' ? { options: 'success' } : EDIT_OK );
		const c = client( t );
		await c.edit( { title: 'P', text: '{}', summary: 's', createonly: true, contentmodel: 'json' } );
		await c.addSection( { title: 'User talk:A', sectiontitle: 'Hi', text: 'Hello', summary: 's' } );
		await c.setOption( 'userjs-mentorship', '{"v":1}' );
		await c.setOption( 'userjs-mentorship', null );
		await c.postWithToken( { action: 'watch', titles: 'P' } );
		expect( t.calls ).toHaveLength( 5 );
		for ( const call of t.calls ) {
			expect( call.params.assert ).toBe( 'user' );
			expect( call.params.token ).toBeDefined();
			expect( call.params.basetimestamp ).toBeUndefined();
		}
		expect( t.calls[ 0 ]!.params ).toMatchObject( { createonly: true, contentmodel: 'json' } );
		expect( t.calls[ 1 ]!.params ).toMatchObject( { section: 'new', sectiontitle: 'Hi', redirect: true } );
		expect( t.calls[ 2 ]!.params ).toMatchObject( { action: 'options', optionname: 'userjs-mentorship', optionvalue: '{"v":1}' } );
		expect( t.calls[ 3 ]!.params.optionvalue ).toBeUndefined();
	} );

	it( 'sends maxlag on writes when asked to', async () => {
		const t = new ScriptedTransport( () => EDIT_OK );
		await client( t ).withMaxlag( 5 ).edit( { title: 'P', text: '{}', summary: 's' } );
		expect( t.calls[ 0 ]!.params.maxlag ).toBe( 5 );
		await client( t ).edit( { title: 'P', text: '{}', summary: 's' } );
		expect( t.calls[ 1 ]!.params.maxlag ).toBeUndefined();
	} );

	it( 'maps a result: no change, a new page', async () => {
		const t = new ScriptedTransport( ( _call, i ) => i === 0 ?
			{ edit: { result: 'Success', pageid: 7, title: 'P', contentmodel: 'json', nochange: true, watched: false } } :
			{ edit: { new: true, result: 'Success', pageid: 8, title: 'Q', contentmodel: 'json', oldrevid: 0, newrevid: 12, newtimestamp: 'T' } } );
		const c = client( t );
		expect( await c.edit( { title: 'P', text: '{}', summary: 's' } ) ).toEqual( { title: 'P', pageid: 7, nochange: true, created: false } );
		expect( await c.edit( { title: 'Q', text: '{}', summary: 's' } ) ).toEqual( {
			title: 'Q', pageid: 8, oldrevid: 0, newrevid: 12, newtimestamp: 'T', nochange: false, created: true,
		} );
	} );

	it( 'maps a CAPTCHA and a spam blacklist failure', async () => {
		const t = new ScriptedTransport( ( _call, i ) => [
			{ edit: { result: 'Failure', captcha: { type: 'image', mime: 'image/png', id: '1', url: '/captcha' } } },
			{ edit: { result: 'Failure', spamblacklist: 'example.com|example.org' } },
			{ edit: { result: 'Failure', info: 'Hook aborted' } },
		][ i ] as ApiResponse );
		const c = client( t );
		const captcha = await failure( c.edit( { title: 'P', text: 'x', summary: 's' } ) );
		expect( [ captcha.kind, captcha.params, captcha.details.page ] ).toEqual( [ 'captcha', [ 'P' ], 'P' ] );
		const spam = await failure( c.edit( { title: 'P', text: 'x', summary: 's' } ) );
		expect( [ spam.kind, spam.code, spam.message, spam.params ] ).toEqual( [ 'spam', 'spamblacklist', 'example.com|example.org', [ 'P' ] ] );
		const other = await failure( c.edit( { title: 'P', text: 'x', summary: 's' } ) );
		expect( [ other.kind, other.params ] ).toEqual( [ 'unknown', [ 'edit', 'Hook aborted' ] ] );
	} );
} );

describe( 'client: API errors', () => {
	const simple: [ string, ErrorKind ][] = [
		[ 'editconflict', 'editconflict' ],
		[ 'badtoken', 'badtoken' ],
		[ 'notoken', 'badtoken' ],
		[ 'assertuserfailed', 'session' ],
		[ 'assertnameduserfailed', 'session' ],
		[ 'notloggedin', 'session' ],
		[ 'protectedpage', 'protected' ],
		[ 'cascadeprotected', 'protected' ],
		[ 'protectednamespace-interface', 'protected' ],
		[ 'protectedtitle', 'protected' ],
		[ 'customjsonprotected', 'permission' ],
		[ 'mycustomjsonprotected', 'permission' ],
		[ 'sitejsonprotected', 'permission' ],
		[ 'permissiondenied', 'permission' ],
		[ 'noedit-anon', 'permission' ],
		[ 'cantcreate', 'permission' ],
		[ 'writeapidenied', 'permission' ],
		[ 'ratelimited', 'ratelimited' ],
		[ 'spamblacklist', 'spam' ],
		[ 'spamdetected', 'spam' ],
		[ 'contenttoobig', 'toolarge' ],
		[ 'articleexists', 'exists' ],
		[ 'missingtitle', 'missing' ],
		[ 'nosuchsection', 'missing' ],
		[ 'captcha-createaccount-fail', 'captcha' ],
		[ 'assertbotfailed', 'session' ],
		[ 'protectednamespace', 'protected' ],
		[ 'protectedinterface', 'protected' ],
		[ 'customcssprotected', 'permission' ],
		[ 'customjsprotected', 'permission' ],
		[ 'mycustomcssprotected', 'permission' ],
		[ 'mycustomjsprotected', 'permission' ],
		[ 'sitecssprotected', 'permission' ],
		[ 'sitejsprotected', 'permission' ],
		[ 'noedit', 'permission' ],
		[ 'cantcreate-anon', 'permission' ],
		[ 'cantchangecontentmodel', 'permission' ],
	];

	for ( const [ code, kind ] of simple ) {
		it( code + ' -> ' + kind + ', with the page as parameter', async () => {
			const t = new ScriptedTransport( () => apiError( code, 'Text of ' + code ) );
			const e = await failure( client( t, new FakeClock(), { maxlagRetries: 0 } ).edit( { title: 'Some page', text: 'x', summary: 's' } ) );
			expect( e.kind ).toBe( kind );
			expect( e.code ).toBe( code );
			expect( e.message ).toBe( 'Text of ' + code );
			expect( e.params ).toEqual( [ 'Some page' ] );
			expect( e.details.page ).toBe( 'Some page' );
			expect( e.messageKey ).toBe( 'mentorship-error-' + kind );
		} );
	}

	async function editError( response: ApiResponse ): Promise<MentorshipError> {
		const t = new ScriptedTransport( () => response );
		return failure( client( t, new FakeClock(), { maxlagRetries: 0 } ).edit( { title: 'Page', text: 'x', summary: 's' } ) );
	}

	it( 'blocked, with who, why and until when', async () => {
		const e = await editError( apiError( 'blocked', 'You have been blocked from editing.', {
			blockinfo: { blockid: 5, blockedby: 'Admin', blockedbyid: 1, blockreason: 'Vandalism', blockedtimestamp: '2026-01-01T00:00:00Z', blockexpiry: '2026-02-01T00:00:00Z' },
		} ) );
		expect( [ e.kind, e.params, e.details.page ] ).toEqual( [ 'blocked', [ 'Admin', 'Vandalism', '2026-02-01T00:00:00Z' ], 'Page' ] );
		const auto = await editError( apiError( 'autoblocked', 'Autoblocked' ) );
		expect( [ auto.kind, auto.params ] ).toEqual( [ 'blocked', [ '', '', '' ] ] );
	} );

	it( 'abuse filter warning and disallowed, with the filter', async () => {
		const data = { abusefilter: { id: '12', description: 'Link spam', actions: [ 'warn' ] } };
		const warn = await editError( apiError( 'abusefilter-warning', 'Warning', data ) );
		expect( [ warn.kind, warn.params, warn.details.filter ] ).toEqual( [ 'abusefilter-warning', [ 'Link spam' ], { id: '12', description: 'Link spam' } ] );
		const disallow = await editError( apiError( 'abusefilter-disallowed', 'Disallowed', data ) );
		expect( [ disallow.kind, disallow.params, disallow.details.filter ] ).toEqual( [ 'abusefilter-disallow', [ 'Link spam' ], { id: '12', description: 'Link spam' } ] );
	} );

	it( 'read-only, with the reason (or the text when none is given)', async () => {
		const e = await editError( apiError( 'readonly', 'The wiki is read-only', { readonlyreason: 'Database upgrade' } ) );
		expect( [ e.kind, e.params, e.transient ] ).toEqual( [ 'readonly', [ 'Database upgrade' ], true ] );
		const bare = await editError( apiError( 'readonly', 'The wiki is read-only' ) );
		expect( bare.params ).toEqual( [ 'The wiki is read-only' ] );
	} );

	it( 'maxlag, with the seconds to wait', async () => {
		const e = await editError( apiError( 'maxlag', 'Waiting for db: 2.4 seconds lagged.', { host: 'db', lag: 2.4, type: 'db' } ) );
		expect( [ e.kind, e.details.retryAfter, e.transient ] ).toEqual( [ 'maxlag', 3, true ] );
		const noLag = await editError( apiError( 'maxlag', 'Lagged' ) );
		expect( noLag.details.retryAfter ).toBe( 5 );
	} );

	it( 'content model problems, with the model', async () => {
		const e = await editError( apiError( 'contentmodel-mismatch', 'Mismatch', { contentmodel: 'wikitext' } ) );
		expect( [ e.kind, e.params ] ).toEqual( [ 'contentmodel', [ 'Page', 'wikitext' ] ] );
		for ( const code of [ 'badformat', 'invalid-content-data' ] ) {
			expect( ( await editError( apiError( code ) ) ).kind ).toBe( 'contentmodel' );
		}
	} );

	it( 'an unknown code, with the code and the server\'s text', async () => {
		const e = await editError( apiError( 'internal_api_error_DBQueryError', 'Database error' ) );
		expect( [ e.kind, e.code, e.params, e.transient ] ).toEqual( [ 'unknown', 'internal_api_error_DBQueryError', [ 'internal_api_error_DBQueryError', 'Database error' ], false ] );
	} );

	it( 'maps errors of reads too', async () => {
		const t = new ScriptedTransport( () => apiError( 'readapidenied', 'You need read permission' ) );
		const e = await failure( client( t ).readPages( [ 'A' ] ) );
		expect( [ e.kind, e.code ] ).toEqual( [ 'unknown', 'readapidenied' ] );
	} );

	it( 'maps errors without data or text', () => {
		const e = fromApiError( { code: 'blocked' } );
		expect( [ e.kind, e.message, e.params ] ).toEqual( [ 'blocked', 'blocked', [ '', '', '' ] ] );
		expect( fromApiError( { code: '' } ).kind ).toBe( 'unknown' );
	} );

	it( 'maps transport failures', () => {
		const timeout = fromTransportFailure( { failure: 'timeout' }, true );
		expect( [ timeout.kind, timeout.details.maybeSaved, timeout.params ] ).toEqual( [ 'timeout', true, [ 'timeout' ] ] );
		const http = fromTransportFailure( { failure: 'http', status: 503, retryAfter: 30 }, false );
		expect( [ http.kind, http.message, http.details ] ).toEqual( [ 'network', 'HTTP 503', { maybeSaved: false, retryAfter: 30 } ] );
	} );
} );

describe( 'client: retries', () => {
	it( 'refreshes a refused token once and sends the write once more', async () => {
		const t = new ScriptedTransport( ( _call, i ) => i === 0 ? apiError( 'badtoken', 'Invalid CSRF token.' ) : EDIT_OK );
		const result = await client( t ).edit( { title: 'P', text: '{}', summary: 's', baserevid: 10 } );
		expect( result.newrevid ).toBe( 11 );
		expect( t.calls ).toHaveLength( 2 );
		expect( t.badTokens ).toEqual( [ 'csrf' ] );
		expect( t.calls[ 0 ]!.params.token ).toBe( 'csrf-token-1+\\' );
		expect( t.calls[ 1 ]!.params.token ).toBe( 'csrf-token-2+\\' );
	} );

	it( 'does not retry a refused token twice', async () => {
		const t = new ScriptedTransport( () => apiError( 'badtoken', 'Invalid CSRF token.' ) );
		const e = await failure( client( t ).edit( { title: 'P', text: '{}', summary: 's' } ) );
		expect( e.kind ).toBe( 'badtoken' );
		expect( t.calls ).toHaveLength( 2 );
		expect( t.badTokens ).toEqual( [ 'csrf' ] );
	} );

	it( 'waits as long as the lag says and retries after maxlag', async () => {
		const clock = new FakeClock();
		const t = new ScriptedTransport( ( _call, i ) => i < 2 ? apiError( 'maxlag', 'Lagged', { lag: 3 } ) : EDIT_OK );
		const result = await client( t, clock ).withMaxlag( 5 ).edit( { title: 'P', text: '{}', summary: 's' } );
		expect( result.newrevid ).toBe( 11 );
		expect( clock.sleeps ).toEqual( [ 3000, 3000 ] );
		expect( t.calls ).toHaveLength( 3 );
		// The same write with the same token: maxlag means it was not carried out.
		expect( t.tokenRequests ).toBe( 1 );
	} );

	it( 'gives up after the allowed maxlag retries', async () => {
		const clock = new FakeClock();
		const t = new ScriptedTransport( () => apiError( 'maxlag', 'Lagged', { lag: 1 } ) );
		const e = await failure( client( t, clock, { maxlagRetries: 2 } ).readPages( [ 'A' ] ) );
		expect( e.kind ).toBe( 'maxlag' );
		expect( t.calls ).toHaveLength( 3 );
		expect( clock.sleeps ).toEqual( [ 1000, 1000 ] );
	} );

	it( 'retries a read after a network failure, with growing waits', async () => {
		const clock = new FakeClock();
		const t = new ScriptedTransport( ( call, i ) => {
			if ( i < 2 ) {
				throw networkDown;
			}
			return echoWiki( call );
		} );
		const pages = await client( t, clock ).readPages( [ 'A' ] );
		expect( pages.A!.exists ).toBe( true );
		expect( t.calls ).toHaveLength( 3 );
		expect( clock.sleeps ).toEqual( [ 1000, 3000 ] );
	} );

	it( 'gives up on a read after the allowed network retries, saying nothing was saved', async () => {
		const clock = new FakeClock();
		const timedOut = { failure: 'timeout', detail: 'timed out' };
		const t = new ScriptedTransport( () => {
			throw timedOut;
		} );
		const e = await failure( client( t, clock, { networkRetries: 1 } ).readPages( [ 'A' ] ) );
		expect( [ e.kind, e.details.maybeSaved, e.transient ] ).toEqual( [ 'timeout', false, true ] );
		expect( t.calls ).toHaveLength( 2 );
	} );

	it( 'retries a read sent by POST (no token) too', async () => {
		const t = new ScriptedTransport( ( _call, i ) => {
			if ( i === 0 ) {
				throw networkDown;
			}
			return { parse: { text: '<p>Hi</p>' } };
		} );
		expect( await client( t ).parse( { title: 'User talk:A', text: 'Hi ~~~~', sectiontitle: 'Hello' } ) ).toBe( '<p>Hi</p>' );
		expect( t.calls.map( ( c ) => c.method ) ).toEqual( [ 'POST', 'POST' ] );
		expect( t.calls[ 1 ]!.params ).toMatchObject( { action: 'parse', pst: true, section: 'new', sectiontitle: 'Hello', contentmodel: 'wikitext' } );
	} );

	it( 'never retries a write after a network failure, and says it may have been saved', async () => {
		const clock = new FakeClock();
		const t = new ScriptedTransport( () => {
			throw networkDown;
		} );
		const e = await failure( client( t, clock ).edit( { title: 'P', text: '{}', summary: 's', baserevid: 3 } ) );
		expect( [ e.kind, e.details.maybeSaved, e.message ] ).toEqual( [ 'network', true, 'connection reset' ] );
		expect( t.calls ).toHaveLength( 1 );
		expect( clock.sleeps ).toEqual( [] );
	} );

	it( 'reports a token that cannot be fetched as a network failure, nothing saved', async () => {
		const t = new ScriptedTransport( () => EDIT_OK );
		t.tokenFailure = networkDown;
		const e = await failure( client( t ).edit( { title: 'P', text: '{}', summary: 's' } ) );
		expect( [ e.kind, e.details.maybeSaved ] ).toEqual( [ 'network', false ] );
		expect( t.calls ).toHaveLength( 0 );
	} );

	it( 'lets other exceptions through unchanged', async () => {
		const bug = new TypeError( 'bug' );
		const t = new ScriptedTransport( () => {
			throw bug;
		} );
		await expect( client( t ).readPages( [ 'A' ] ) ).rejects.toBe( bug );
		expect( t.calls ).toHaveLength( 1 );
	} );

	it( 'counts its requests', async () => {
		const t = new ScriptedTransport( ( call, i ) => {
			if ( i === 0 ) {
				throw networkDown;
			}
			return echoWiki( call );
		} );
		const c = client( t );
		await c.readPages( [ 'A' ] );
		expect( c.requestCount ).toBe( 2 );
	} );
} );

describe( 'client: the current user and parameters', () => {
	it( 'reads the current user with the strictest edit limit', async () => {
		const t = new ScriptedTransport( () => ( {
			query: {
				userinfo: {
					id: 3, name: 'Alice', groups: [ '*', 'user' ], rights: [ 'edit' ],
					ratelimits: { edit: { user: { hits: 90, seconds: 60 }, newbie: { hits: 8, seconds: 60 }, ip: { hits: 8, seconds: 30 } } },
				},
			},
		} ) );
		expect( await currentUser( client( t ) ) ).toEqual( {
			name: 'Alice', id: 3, anon: false, groups: [ '*', 'user' ], rights: [ 'edit' ], editLimit: { hits: 8, seconds: 60 },
		} );
		expect( t.calls[ 0 ]!.params ).toMatchObject( { meta: 'userinfo|siteinfo', siprop: 'general' } );
		expect( strictestLimit( {} ) ).toBeUndefined();
		expect( strictestLimit( { user: { hits: 0, seconds: 60 } } ) ).toBeUndefined();
	} );

	it( 'counts the edit limit in API edits: MediaWiki 1.41 to 1.43 count each API edit twice', async () => {
		const answer = ( generator: string ): ScriptedTransport => new ScriptedTransport( () => ( {
			query: {
				userinfo: { id: 3, name: 'Alice', groups: [], rights: [], ratelimits: { edit: { newbie: { hits: 8, seconds: 60 } } } },
				general: { generator },
			},
		} ) );
		expect( ( await currentUser( client( answer( 'MediaWiki 1.43.9' ) ) ) ).editLimit ).toEqual( { hits: 4, seconds: 60 } );
		expect( ( await currentUser( client( answer( 'MediaWiki 1.41.0-rc.1' ) ) ) ).editLimit ).toEqual( { hits: 4, seconds: 60 } );
		expect( ( await currentUser( client( answer( 'MediaWiki 1.39.17' ) ) ) ).editLimit ).toEqual( { hits: 8, seconds: 60 } );
		expect( ( await currentUser( client( answer( 'MediaWiki 1.45.0-wmf.3' ) ) ) ).editLimit ).toEqual( { hits: 8, seconds: 60 } );
		expect( hitsPerApiEdit( 'MediaWiki 1.4' ) ).toBe( 1 );
		expect( hitsPerApiEdit( 'MediaWiki 1.42' ) ).toBe( 2 );
	} );

	it( 'encodes parameters as mw.Api does', () => {
		expect( encodeParams( {
			a: 'x', b: 2, c: true, d: false, e: undefined, f: null, g: [ 'p', 'q' ], h: [ 1, 2 ], i: [ 'a|b', 'c' ],
		} ) ).toEqual( { a: 'x', b: '2', c: '1', g: 'p|q', h: '1|2', i: '\u001fa|b\u001fc' } );
	} );
} );

describe( 'planBatch (the query planner of batch())', () => {
	it( 'plans one query per batchSize titles, users and contributors, each with its own parameters', () => {
		const rounds = planBatch( {
			titles: [ 'A', 'B', 'C' ], users: [ 'U1', 'U2', 'U3' ], contribsOf: { user: [ 'M1', 'M2', 'M3' ], since: '2026-01-01T00:00:00Z', namespace: 3, limit: 50 },
		}, 2 );
		expect( rounds.map( ( r ) => [ r.titles, r.users, r.lists, r.contribs && r.contribs.ucuser, r.method, r.contribRequests, r.maxRequests ] ) ).toEqual( [
			[ [ 'A', 'B' ], [ 'U1', 'U2' ], [ 'users' ], [ 'M1', 'M2' ], 'GET', 1, 3 ],
			[ [ 'C' ], [ 'U3' ], [ 'users' ], [ 'M3' ], 'GET', 1, 2 ],
		] );
		expect( rounds[ 0 ]!.base ).not.toBe( rounds[ 1 ]!.base );
		expect( rounds[ 0 ]!.base.ucuser ).toBeUndefined();
		expect( rounds[ 1 ]!.contribs ).toEqual( { ucuser: [ 'M3' ], ucend: '2026-01-01T00:00:00Z', ucprop: 'title|timestamp|comment|ids', uclimit: 50, ucnamespace: 3 } );
	} );

	it( 'counts activity with the users (contribsOf is ignored then), and reads pages alone without any list', () => {
		const [ activity ] = planBatch( { users: [ 'U' ], activitySince: '2026-01-01T00:00:00Z', activityMaxContinue: 1, contribsOf: { user: 'M', since: 'x' } }, 50 );
		expect( [ activity!.keepContribs, activity!.contribs, activity!.contribRequests ] ).toEqual( [ false, { ucuser: [ 'U' ], ucend: '2026-01-01T00:00:00Z', ucprop: 'timestamp', uclimit: 'max' }, 2 ] );
		const [ pages ] = planBatch( { titles: [ 'P' ], content: false, redirects: true }, 50 );
		expect( [ pages!.lists, pages!.contribs, pages!.base ] ).toEqual( [ [], null, { titles: [ 'P' ], prop: 'revisions', rvprop: 'ids|timestamp|contentmodel', rvslots: 'main', redirects: true } ] );
	} );
} );
