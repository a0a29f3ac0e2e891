/**
 * The welcome helper against an in-memory wiki: the checks of many users in one or two
 * requests, posting and recording, and the batch sender (pace, ratelimited and maxlag
 * waited out, failures passed, pause, resume and cancel, the log written in batches).
 */

import { describe, expect, it } from 'vitest';
import { InvitationLog, ProgramConfig } from '../../src/core/format';
import { verdict } from '../../src/core/welcome/eligibility';
import { invitationMarker, parseInvitationMarkers } from '../../src/core/welcome/markers';
import { Composition, MessageOption } from '../../src/core/welcome/messages';
import { WikiClient } from '../../src/wiki/client';
import { Store } from '../../src/wiki/store';
import { ApiParams, ApiResponse } from '../../src/wiki/transport';
import { checkUsers, logPageFor, sendInvitation, WelcomeProgram } from '../../src/wiki/welcome';
import { BatchProgress, BatchSender } from '../../src/wiki/welcome-batch';
import { apiError, FakeClock, listParam } from './fakes/transport';
import { FakeWiki } from './fakes/wiki';

interface Account {
	missing?: boolean;
	groups?: string[];
	block?: { by: string; partial?: boolean };
}

/** FakeWiki with new sections, accounts with blocks and groups, and an edit limit of `limit` a minute. */
class WelcomeWiki extends FakeWiki {
	public accounts: Record<string, Account> = {};
	public limit: number | null = null;
	public ratelimited = 0;
	public readonly editTimes: number[] = [];
	public clock: FakeClock;

	public constructor( clock: FakeClock ) {
		super();
		this.clock = clock;
		this.user = 'Carol';
		this.refuseEdit = () => {
			const now = this.clock.now();
			if ( this.limit !== null && this.editTimes.filter( ( t ) => t > now - 60000 ).length >= this.limit ) {
				this.ratelimited++;
				return apiError( 'ratelimited', 'You have exceeded your rate limit.' );
			}
			this.editTimes.push( now );
			return null;
		};
	}

	public override async request( method: 'GET' | 'POST', params: ApiParams ): Promise<ApiResponse> {
		let p = params;
		if ( params.action === 'edit' && params.section === 'new' ) {
			const latest = this.latest( String( params.title ) );
			p = { ...params, section: undefined, sectiontitle: undefined,
				text: ( latest ? latest.content + '\n\n' : '' ) + '== ' + String( params.sectiontitle ) + ' ==\n' + String( params.text ) };
		}
		const at = this.calls.length;
		const response = await super.request( method, p ).finally( () => {
			// Record the request as sent (a new section), not as the fake carried it out.
			this.calls[ at ]!.params = { ...params };
		} );
		if ( params.action === 'query' && listParam( params.list ).includes( 'usercontribs' ) ) {
			const iso = ( t: number ): string => new Date( t - t % 1000 ).toISOString().replace( /\.\d{3}Z$/, 'Z' );
			response.curtimestamp = iso( this.clock.now() );
			( response.query as Record<string, unknown> ).usercontribs = this.editTimes.slice().reverse()
				.slice( 0, Number( params.uclimit ) ).map( ( t ) => ( { user: this.user, timestamp: iso( t ) } ) );
		}
		if ( params.action === 'query' && listParam( params.list ).includes( 'users' ) ) {
			( response.query as Record<string, unknown> ).users = listParam( params.ususers ).map( ( name, i ) => {
				const a = this.accounts[ name ] || {};
				if ( a.missing ) {
					return { name: name, missing: true };
				}
				const u: Record<string, unknown> = { userid: i + 1, name: name, editcount: 1, registration: '2026-01-01T00:00:00Z', groups: [ '*', 'user' ].concat( a.groups || [] ), gender: 'unknown' };
				if ( a.block ) {
					Object.assign( u, { blockid: 7, blockedby: a.block.by, blockreason: 'spam', blockexpiry: 'infinite', blockpartial: !!a.block.partial } );
				}
				return u;
			} );
		}
		return response;
	}

	public talk( name: string ): string {
		const latest = this.latest( 'User talk:' + name );
		return latest ? latest.content : '';
	}

	public log( title: string ): InvitationLog | undefined {
		return this.value( title ) as InvitationLog | undefined;
	}
}

const PROGRAM: WelcomeProgram = {
	id: 'af',
	config: { version: 1, name: 'Art+Feminism', description: '', coordinators: [ 'Carol' ], topics: [], languages: [ 'en' ] } as ProgramConfig,
};

const OPTION: MessageOption = {
	id: 'invite', audience: 'registered', labels: {}, languages: [ 'en' ], custom: false,
	variants: { en: { subject: 'An invitation to $program', text: 'Hello $user! $note $signup' } },
};

function composition( note = '' ): Composition {
	return {
		programId: PROGRAM.id, programName: 'Art+Feminism', option: OPTION, language: 'en', note: note,
		inviter: 'Carol', signupLabel: 'join', summary: '$1 ($2)',
	};
}

function setup(): { wiki: WelcomeWiki; clock: FakeClock; client: WikiClient; store: Store } {
	const clock = new FakeClock();
	const wiki = new WelcomeWiki( clock );
	const client = new WikiClient( { transport: wiki, clock: clock } ).withMaxlag( 5 );
	return { wiki, clock, client, store: new Store( client, { random: () => 0.5 } ) };
}

function names( n: number, prefix = 'Newbie' ): string[] {
	return Array.from( { length: n }, ( _, i ) => `${ prefix } ${ i + 1 }` );
}

function sender( s: ReturnType<typeof setup>, users: string[], extra: Partial<ConstructorParameters<typeof BatchSender>[ 0 ]> = {} ): BatchSender {
	return new BatchSender( {
		client: s.client, store: s.store, program: PROGRAM, composition: composition(), users: users,
		logSummary: 'Recording invitations', random: () => 0.25, ...extra,
	} );
}

const LOG = logPageFor( PROGRAM, '2026-01-20T12:00:00Z', 'x' );

describe( 'welcome: checks', () => {
	it( 'checks 50 users, their talk pages and the program\'s logs in two requests at most', async () => {
		const s = setup();
		const list = names( 46 ).concat( [ 'Gone', 'Blocked one', 'Robot', '192.0.2.7' ] );
		s.wiki.accounts.Gone = { missing: true };
		s.wiki.accounts[ 'Blocked one' ] = { block: { by: 'Admin' } };
		s.wiki.accounts.Robot = { groups: [ 'bot' ] };
		s.wiki.accounts[ 'Newbie 2' ] = { block: { by: 'Admin', partial: true } };
		s.wiki.put( 'User talk:Newbie 1', 'Hi\n' + invitationMarker( { program: 'af', kind: 'welcome', by: 'Dan', time: '2026-01-02T00:00:00Z' } ), { contentmodel: 'wikitext' } );
		s.wiki.put( 'User talk:Newbie 3', '{{nobots}}', { contentmodel: 'wikitext' } );
		s.wiki.put( LOG, { version: 1, invitations: [ { user: 'Newbie 4', by: 'Eve', time: '2026-01-05T00:00:00Z', kind: 'invite', lang: 'en', revid: 3 } ] } );
		const result = await checkUsers( s.client, PROGRAM, list.concat( [ 'newbie_5' ] ), s.clock.now() );
		expect( result.requests ).toBeLessThanOrEqual( 2 );
		expect( s.wiki.reads.length ).toBe( result.requests );
		expect( result.names ).toEqual( list );
		const f = result.facts;
		expect( f.Gone ).toMatchObject( { valid: true, exists: false } );
		expect( f[ 'Blocked one' ]!.block ).toEqual( { by: 'Admin', expiry: 'infinite', reason: 'spam' } );
		expect( f[ 'Newbie 2' ]!.block ).toBeUndefined();
		expect( f.Robot!.bot ).toBe( true );
		expect( f[ '192.0.2.7' ] ).toMatchObject( { valid: true, exists: true, anonymous: true } );
		expect( f[ 'Newbie 1' ]!.prior ).toEqual( [ { kind: 'welcome', by: 'Dan', time: '2026-01-02T00:00:00Z', from: 'talk' } ] );
		expect( f[ 'Newbie 3' ]!.talk ).toBe( '{{nobots}}' );
		expect( f[ 'Newbie 4' ]!.prior ).toEqual( [ { kind: 'invite', by: 'Eve', time: '2026-01-05T00:00:00Z', from: 'log', revid: 3 } ] );
		expect( f[ 'Newbie 6' ] ).toMatchObject( { valid: true, exists: true, anonymous: false, bot: false, talk: null, prior: [], editcount: 1, registration: '2026-01-01T00:00:00Z' } );
	} );

	it( 'members of the program are skipped by their own profiles; a name the roster alone lists is not (issue 15, item 5)', async () => {
		const s = setup();
		const joined = '2026-01-02T00:00:00Z';
		const member = ( role: 'mentor' | 'mentee', extra: Record<string, unknown> = {} ): Record<string, unknown> => ( {
			version: 1, programs: { af: { role: role, joined: joined, topics: [], languages: [ 'en' ], ...extra } },
		} );
		s.wiki.put( 'Project:Mentorship/Programs/af/roster.json', { version: 1, members: {
			Guide: { role: 'mentor', joined: joined },
			Pupil: { role: 'mentee', joined: joined, mentor: 'Guide' },
			Gone: { role: 'mentee', joined: joined },
			Listed: { role: 'mentee', joined: joined },
		} } );
		s.wiki.put( 'User:Guide/mentorship.json', member( 'mentor' ), { user: 'Guide' } );
		s.wiki.put( 'User:Pupil/mentorship.json', member( 'mentee', { mentor: 'Guide' } ), { user: 'Pupil' } );
		s.wiki.put( 'User:Gone/mentorship.json', member( 'mentee', { left: joined } ), { user: 'Gone' } );
		const result = await checkUsers( s.client, PROGRAM, [ 'Guide', 'Pupil', 'Gone', 'Listed', 'Newbie' ], s.clock.now() );
		expect( result.requests ).toBe( 2 );
		expect( [ 'Guide', 'Pupil', 'Gone', 'Listed', 'Newbie' ].map( ( n ) => result.facts[ n ]!.member ) ).toEqual( [ 'mentor', 'mentee', undefined, undefined, undefined ] );
		const option = { id: 'invite', audience: 'registered' as const };
		expect( verdict( result.facts.Guide!, 'Carol', 'refuse', option, false ) ).toEqual( { why: 'member', role: 'mentor' } );
		expect( verdict( result.facts.Pupil!, 'Carol', 'refuse', option, false ) ).toEqual( { why: 'member', role: 'mentee' } );
		expect( verdict( result.facts.Listed!, 'Carol', 'refuse', option, false ) ).toBeNull();
	} );

	it( 'reads the log shards of the users only, this month\'s and last month\'s', async () => {
		const s = setup();
		const program = { id: 'af', config: { ...PROGRAM.config, shards: { invitations: 16 } } };
		await checkUsers( s.client, program, [ 'A', 'B' ], s.clock.now() );
		const titles = listParam( s.wiki.reads[ 0 ]!.params.titles );
		const logs = titles.filter( ( t ) => /invitations/.test( t ) );
		expect( logs.length ).toBeLessThanOrEqual( 4 );
		expect( logs.every( ( t ) => /invitations\/2026-0[1]\/\d+\.json$|invitations\/2025-12\/\d+\.json$/.test( t ) ) ).toBe( true );
	} );

	it( 'reports a damaged log without failing the checks', async () => {
		const s = setup();
		s.wiki.put( LOG, { version: 2 } );
		const result = await checkUsers( s.client, PROGRAM, [ 'A' ], s.clock.now() );
		expect( Object.keys( result.logErrors ) ).toEqual( [ LOG ] );
		expect( result.facts.A!.prior ).toEqual( [] );
	} );
} );

describe( 'welcome: one message', () => {
	it( 'posts a signed section with the marker and records it in the month\'s log', async () => {
		const s = setup();
		const sent = await sendInvitation( { client: s.client, store: s.store, program: PROGRAM, logSummary: 'Recording', random: () => 0.5 }, composition( 'Hi {{there}}' ), 'Newbie' );
		expect( s.wiki.edits.length ).toBe( 2 );
		expect( s.wiki.edits[ 0 ]!.params ).toMatchObject( { title: 'User talk:Newbie', section: 'new', sectiontitle: 'An invitation to Art+Feminism', summary: 'An invitation to Art+Feminism (Art+Feminism)', maxlag: 5, assert: 'user' } );
		const talk = s.wiki.talk( 'Newbie' );
		expect( parseInvitationMarkers( talk ) ).toEqual( [ { program: 'af', kind: 'invite', by: 'Carol', time: sent.record!.time, id: expect.any( String ) } ] );
		expect( talk ).toContain( '<nowiki>Hi {{there}}</nowiki>' );
		expect( s.wiki.log( LOG )!.invitations ).toEqual( [ { user: 'Newbie', by: 'Carol', time: sent.record!.time, kind: 'invite', lang: 'en', revid: sent.posted.revid, note: true } ] );
		expect( sent.recordError ).toBeUndefined();
	} );

	it( 'says when the log could not record it (the message is posted all the same)', async () => {
		const s = setup();
		s.wiki.put( LOG, { version: 1, invitations: 'broken' } );
		const sent = await sendInvitation( { client: s.client, store: s.store, program: PROGRAM, logSummary: 'R', random: () => 0.5 }, composition(), 'Newbie' );
		expect( s.wiki.talk( 'Newbie' ) ).toContain( 'mentorship-invitation' );
		expect( ( sent.recordError as { kind: string } ).kind ).toBe( 'invalid' );
	} );
} );

describe( 'welcome: the batch sender', () => {
	it( 'keeps to the reported limit: 20 messages at 8 a minute, no ratelimited, the log written every 10 posts', async () => {
		const s = setup();
		s.wiki.limit = 8;
		const events: BatchProgress[] = [];
		const report = await sender( s, names( 20 ), { limit: { hits: 8, seconds: 60 }, onProgress: ( p ) => events.push( p ) } ).run();
		expect( s.wiki.ratelimited ).toBe( 0 );
		expect( report.ratelimited ).toBe( 0 );
		expect( report.sent.map( ( r ) => r.user ) ).toEqual( names( 20 ) );
		expect( report.failed ).toEqual( [] );
		expect( report.edits ).toBe( 22 );
		expect( s.wiki.edits.filter( ( e ) => /invitations/.test( String( e.params.title ) ) ).length ).toBe( 2 );
		expect( s.wiki.log( LOG )!.invitations.map( ( r ) => r.user ) ).toEqual( names( 20 ) );
		// Every edit waited for its turn: never more than 8 in a minute, as the wiki counts.
		expect( report.ms ).toBeGreaterThanOrEqual( 2 * 60000 );
		expect( events.some( ( e ) => e.phase === 'waiting' && e.waitReason === 'pace' ) ).toBe( true );
		expect( events[ events.length - 1 ] ).toMatchObject( { phase: 'done', sent: 20, failed: 0, total: 20 } );
		expect( s.wiki.edits.every( ( e ) => e.params.maxlag === 5 ) ).toBe( true );
	} );

	it( 'counts the edits the inviter made just before: still no ratelimited', async () => {
		const s = setup();
		s.wiki.limit = 8;
		// Five edits in the last half minute (another tab, the program's config…).
		for ( let i = 0; i < 5; i++ ) {
			s.wiki.editTimes.push( s.clock.now() - 30000 + i * 1500 );
		}
		const report = await sender( s, names( 12 ), { limit: { hits: 8, seconds: 60 } } ).run();
		expect( s.wiki.ratelimited ).toBe( 0 );
		expect( report.sent.length ).toBe( 12 );
		// One request told the pacer about them.
		expect( s.wiki.reads.filter( ( c ) => listParam( c.params.list ).includes( 'usercontribs' ) ).length ).toBe( 1 );
	} );

	it( 'waits out ratelimited when the limit was not known, and counts no failure', async () => {
		const s = setup();
		s.wiki.limit = 8;
		const report = await sender( s, names( 12 ), { limit: null } ).run();
		expect( s.wiki.ratelimited ).toBeGreaterThan( 0 );
		expect( report.ratelimited ).toBe( s.wiki.ratelimited );
		expect( report.failed ).toEqual( [] );
		expect( report.sent.length ).toBe( 12 );
		expect( report.unrecorded ).toEqual( [] );
		expect( s.wiki.log( LOG )!.invitations.length ).toBe( 12 );
		// Each user got exactly one message.
		expect( names( 12 ).every( ( n ) => parseInvitationMarkers( s.wiki.talk( n ) ).length === 1 ) ).toBe( true );
	} );

	it( 'waits out maxlag beyond the client\'s own retries', async () => {
		const s = setup();
		let lagging = 6;
		const refuse = s.wiki.refuseEdit!;
		s.wiki.refuseEdit = ( params ) => lagging-- > 0 ? apiError( 'maxlag', 'Waiting for a database server: 3 seconds lagged.', { lag: 3 } ) : refuse( params );
		const report = await sender( s, names( 2 ) ).run();
		expect( report.sent.length ).toBe( 2 );
		expect( report.failed ).toEqual( [] );
		expect( s.clock.sleeps.filter( ( ms ) => ms === 3000 ).length ).toBe( 6 );
	} );

	it( 'goes on past a failure and reports it', async () => {
		const s = setup();
		const refuse = s.wiki.refuseEdit!;
		s.wiki.refuseEdit = ( params ) => params.title === 'User talk:Newbie 2' ? apiError( 'protectedpage', 'This page has been protected.' ) : refuse( params );
		const report = await sender( s, names( 3 ) ).run();
		expect( report.sent.map( ( r ) => r.user ) ).toEqual( [ 'Newbie 1', 'Newbie 3' ] );
		expect( report.failed.map( ( f ) => [ f.user, ( f.error as { kind: string } ).kind ] ) ).toEqual( [ [ 'Newbie 2', 'protected' ] ] );
	} );

	it( 'skips a user who got the message meanwhile (another tab, another inviter)', async () => {
		const s = setup();
		s.wiki.put( 'User talk:Newbie 2', invitationMarker( { program: 'af', kind: 'invite', by: 'Dan', time: '2026-01-20T11:00:00Z' } ), { contentmodel: 'wikitext' } );
		const report = await sender( s, names( 3 ), { skipped: [ { user: 'Gone', skip: { why: 'missing' } } ] } ).run();
		expect( report.sent.map( ( r ) => r.user ) ).toEqual( [ 'Newbie 1', 'Newbie 3' ] );
		expect( report.skipped ).toEqual( [
			{ user: 'Gone', skip: { why: 'missing' } },
			{ user: 'Newbie 2', skip: { why: 'already', prior: { kind: 'invite', by: 'Dan', time: '2026-01-20T11:00:00Z', from: 'talk' } } },
		] );
	} );

	it( 'pauses (writing the log first) and resumes', async () => {
		const s = setup();
		let batch: BatchSender | null = null;
		let logWhenPaused: number | null = null;
		batch = sender( s, names( 4 ), {
			onProgress: ( p ) => {
				if ( p.row && p.row.state === 'sent' && p.row.user === 'Newbie 2' ) {
					batch!.pause();
				}
				if ( p.phase === 'paused' ) {
					logWhenPaused = s.wiki.log( LOG )!.invitations.length;
					setTimeout( () => batch!.resume(), 0 );
				}
			},
		} );
		const report = await batch.run();
		expect( logWhenPaused ).toBe( 2 );
		expect( report.sent.length ).toBe( 4 );
		expect( s.wiki.log( LOG )!.invitations.length ).toBe( 4 );
	} );

	it( 'cancels after the post under way; the rest are reported as not sent and the log holds what was sent', async () => {
		const s = setup();
		let batch: BatchSender | null = null;
		batch = sender( s, names( 5 ), {
			onProgress: ( p ) => {
				if ( p.row && p.row.state === 'sending' && p.row.user === 'Newbie 2' ) {
					batch!.cancel();
				}
			},
		} );
		const report = await batch.run();
		expect( report.cancelled ).toBe( true );
		expect( report.sent.map( ( r ) => r.user ) ).toEqual( [ 'Newbie 1', 'Newbie 2' ] );
		expect( report.skipped.map( ( r ) => [ r.user, r.skip.why ] ) ).toEqual( [ [ 'Newbie 3', 'cancelled' ], [ 'Newbie 4', 'cancelled' ], [ 'Newbie 5', 'cancelled' ] ] );
		expect( s.wiki.log( LOG )!.invitations.map( ( r ) => r.user ) ).toEqual( [ 'Newbie 1', 'Newbie 2' ] );
	} );

	it( 'pauses on a failure that would stop every post (the session ended), and retries the same user on resume', async () => {
		const s = setup();
		let lost = true;
		const refuse = s.wiki.refuseEdit!;
		s.wiki.refuseEdit = ( params ) => {
			if ( params.title === 'User talk:Newbie 2' && lost ) {
				lost = false;
				return apiError( 'assertuserfailed', 'You are no longer logged in.' );
			}
			return refuse( params );
		};
		let batch: BatchSender | null = null;
		const stopped: unknown[] = [];
		batch = sender( s, names( 3 ), {
			onProgress: ( p ) => {
				if ( p.phase === 'paused' ) {
					stopped.push( p.stopped );
					setTimeout( () => batch!.resume(), 0 );
				}
			},
		} );
		const report = await batch.run();
		expect( ( stopped[ 0 ] as { kind: string } ).kind ).toBe( 'session' );
		expect( report.sent.map( ( r ) => r.user ) ).toEqual( names( 3 ) );
		expect( report.failed ).toEqual( [] );
	} );

	it( 'retries a log write refused as ratelimited, so that every message sent is recorded', async () => {
		const s = setup();
		let refusals = 2;
		const refuse = s.wiki.refuseEdit!;
		s.wiki.refuseEdit = ( params ) => /invitations/.test( String( params.title ) ) && refusals-- > 0 ? apiError( 'ratelimited', 'Slow down' ) : refuse( params );
		const report = await sender( s, names( 3 ) ).run();
		expect( report.ratelimited ).toBe( 2 );
		expect( report.unrecorded ).toEqual( [] );
		expect( s.wiki.log( LOG )!.invitations.length ).toBe( 3 );
	} );
} );
