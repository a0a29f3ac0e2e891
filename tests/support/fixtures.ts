/**
 * Fixtures on the real test wiki (tests/setup/wiki.ts), for the integration and browser
 * tests and the bench: unique names per run, accounts with sessions, the admin's tools
 * (block, protect, AbuseFilter), wiki-wide states (read-only), a transport that loses
 * responses, and programs with members, written as the gadgets write them (each member
 * through their own session, so the pairing rule holds).
 *
 * Tests share one wiki and run in parallel files, and the wiki keeps its data between
 * runs: every account and program a test makes is named with RUN, unique to this run.
 */

import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Account, adminSession, ensureAccounts, login, Session, setGadgets } from '../../scripts/lib/accounts';
import { ROOT, setReadOnly } from '../../scripts/lib/localwiki';
import { CONFIG, Membership, PROFILE, ProgramConfig, ROSTER, Role } from '../../src/core/format';
import { profileJoin, rosterJoin, rosterSetMentor } from '../../src/core/roster';
import { mentorCacheOption } from '../../src/wiki/mentor-cache';
import { configTitle, profileTitle, rosterTitle } from '../../src/core/titles';
import { WikiClient } from '../../src/wiki/client';
import { FetchTransport } from '../../src/wiki/fetch-transport';
import { joinProgram, setMentor, WriteContext } from '../../src/wiki/programs';
import { isoSeconds } from '../../src/core/dates';
import { Store } from '../../src/wiki/store';
import { ApiParams, ApiResponse, TokenType, Transport, TransportFailure } from '../../src/wiki/transport';
import { userAgent } from '../../scripts/lib/user-agent';
import { testWiki } from '../setup/wiki';
import { currentUser } from '../../src/wiki/current-user';
import { createPage } from '../../src/wiki/create-page';

export type { Session };

/** The test wiki of the release this process tests (MENTORSHIP_MW). */
export const wiki = testWiki;

/** Unique to this run (and to this test file: each file loads its own copy). */
export const RUN = Date.now().toString( 36 ) + randomBytes( 2 ).toString( 'hex' );

/** The password of every account the tests create. */
export const PASSWORD = 'test-password-mentorship';

let counter = 0;

/** A user name no other test or run uses: "Base RUN N". */
export function uniqueName( base: string ): string {
	counter++;
	return `${ base } ${ RUN } ${ counter }`;
}

/** A program id no other test or run uses. */
export function uniqueId( base: string ): string {
	counter++;
	return `${ base }-${ RUN }-${ counter }`;
}

/** Runs `task` over `items`, at most `size` at a time (a pool: a new one starts when one ends). */
export async function inBatches<T, R>( items: T[], size: number, task: ( item: T, index: number ) => Promise<R> ): Promise<R[]> {
	const out: R[] = new Array( items.length );
	let next = 0;
	const worker = async (): Promise<void> => {
		while ( next < items.length ) {
			const i = next++;
			out[ i ] = await task( items[ i ] as T, i );
		}
	};
	await Promise.all( Array.from( { length: Math.min( size, items.length ) }, worker ) );
	return out;
}

/**
 * Writes measured figures to test-results/integration/NAME.json, one file per figure so
 * that parallel test files never overwrite each other's (figures are reported, never
 * asserted as times).
 */
export function writeFigures( name: string, figures: unknown ): void {
	const dir = join( ROOT, 'test-results', 'integration' );
	mkdirSync( dir, { recursive: true } );
	writeFileSync( join( dir, name + '.json' ), JSON.stringify( { figures, measured: new Date().toISOString() }, null, '\t' ) + '\n' );
}

/** A client with no session (a reader). */
export function anonClient(): WikiClient {
	return new WikiClient( { transport: new FetchTransport( { api: wiki().api, userAgent: userAgent() } ) } );
}

let adminPromise: Promise<Session> | undefined;

/** The wiki's administrator (sysop, bureaucrat, interface admin), logged in once per file. */
export function admin(): Promise<Session> {
	if ( !adminPromise ) {
		adminPromise = adminSession( wiki() );
	}
	return adminPromise;
}

/**
 * Creates the accounts (those missing), in parallel batches of 10 through the API, and
 * puts them in `groups`.
 */
export async function createAccounts( names: string[], groups: string[] = [] ): Promise<void> {
	const accounts: Account[] = names.map( ( name ) => ( { name, password: PASSWORD, groups } ) );
	const session = groups.length ? await admin() : undefined;
	const batches: Account[][] = [];
	for ( let i = 0; i < accounts.length; i += 10 ) {
		batches.push( accounts.slice( i, i + 10 ) );
	}
	// Each batch is created one account after another; ten batches run at once.
	await inBatches( batches, 10, ( batch ) => ensureAccounts( wiki(), batch, session ) );
}

/** Logged-in sessions for these accounts (created first when missing), 10 logins at a time. */
export async function sessions( names: string[], groups: string[] = [] ): Promise<Session[]> {
	await createAccounts( names, groups );
	return inBatches( names, 10, ( name ) => login( wiki(), name, PASSWORD ) );
}

export async function session( name: string, groups: string[] = [] ): Promise<Session> {
	return ( await sessions( [ name ], groups ) )[ 0 ] as Session;
}

/**
 * An account in the group 'unconfirmed': never autoconfirmed, so the newbie edit limit
 * of the test wiki applies (8 edits a minute; scripts/lib/localwiki.ts).
 */
export async function rateLimitedSession( base = 'It Newbie' ): Promise<Session> {
	const s = await session( uniqueName( base ), [ 'unconfirmed' ] );
	const me = await currentUser( s.client );
	if ( me.groups.includes( 'autoconfirmed' ) || !me.editLimit || me.editLimit.hits > 8 ) {
		throw new Error( `${ s.name } is not under the newbie limit: ${ JSON.stringify( me.editLimit ) }` );
	}
	return s;
}

/** A write context for a session, with the time of now. */
export function writeContext( s: Session, store: Store = new Store( s.client ) ): WriteContext {
	return {
		store,
		user: s.name,
		now: isoSeconds( Date.now() ),
		summaries: { profile: 'test: profile', roster: 'test: roster' },
	};
}

/** A membership as the join form would build it. */
export function membership( role: Role, extra: Partial<Membership> = {} ): Membership {
	return {
		role,
		joined: isoSeconds( Date.now() ),
		topics: [ 'History' ],
		languages: [ 'en' ],
		...( role === 'mentor' ? { capacity: 3, status: 'active' as const } : {} ),
		...extra,
	};
}

// ---- Admin's tools --------------------------------------------------------------------

export async function block( name: string, reason = 'Integration test block' ): Promise<void> {
	const a = await admin();
	await a.client.postWithToken( { action: 'block', user: name, expiry: 'infinite', reason, nocreate: true } );
}

/** Protects a page (edit=sysop by default), for ever. */
export async function protect( title: string, protections = 'edit=sysop' ): Promise<void> {
	const a = await admin();
	await a.client.postWithToken( { action: 'protect', title, protections, expiry: 'infinite', reason: 'Integration test protection' } );
}

/** The wiki's read-only mode on (a reason) or off (null). Only in *.exclusive.test.ts files. */
export function readOnly( reason: string | null ): void {
	setReadOnly( wiki(), reason );
}

// ---- AbuseFilter: no API to create a filter in 1.39, so its form ------------------------

/** A cookie jar over fetch, for index.php forms (FetchTransport keeps its cookies to itself). */
class WebSession {
	private readonly cookies: Record<string, string> = {};

	private header(): string {
		return Object.keys( this.cookies ).map( ( k ) => `${ k }=${ this.cookies[ k ] }` ).join( '; ' );
	}

	public async fetch( url: string, form?: Record<string, string> ): Promise<{ status: number; location: string | null; text: string }> {
		const headers: Record<string, string> = { Cookie: this.header() };
		let body: string | undefined;
		if ( form ) {
			body = new URLSearchParams( form ).toString();
			headers[ 'Content-Type' ] = 'application/x-www-form-urlencoded';
		}
		const response = await fetch( url, { method: form ? 'POST' : 'GET', headers, body, redirect: 'manual' } );
		for ( const line of response.headers.getSetCookie() ) {
			const first = line.split( ';' )[ 0 ] || '';
			const eq = first.indexOf( '=' );
			if ( eq > 0 ) {
				const value = first.slice( eq + 1 );
				if ( value === '' || value === 'deleted' ) {
					delete this.cookies[ first.slice( 0, eq ) ];
				} else {
					this.cookies[ first.slice( 0, eq ) ] = value;
				}
			}
		}
		return { status: response.status, location: response.headers.get( 'location' ), text: await response.text() };
	}

	public async login( name: string, password: string ): Promise<void> {
		const tokens = JSON.parse( ( await this.fetch( `${ wiki().api }?action=query&meta=tokens&type=login&format=json` ) ).text );
		const result = JSON.parse( ( await this.fetch( wiki().api, {
			action: 'login', lgname: name, lgpassword: password, lgtoken: tokens.query.tokens.logintoken, format: 'json',
		} ) ).text );
		if ( result.login.result !== 'Success' ) {
			throw new Error( `Web login as ${ name } failed: ${ JSON.stringify( result ) }` );
		}
	}
}

function decodeHtml( s: string ): string {
	return s.replace( /&quot;/g, '"' ).replace( /&#039;/g, '\'' ).replace( /&lt;/g, '<' ).replace( /&gt;/g, '>' ).replace( /&amp;/g, '&' );
}

export interface FilterInfo {
	id: number;
	description: string;
}

async function findFilter( description: string ): Promise<FilterInfo | null> {
	const a = await admin();
	const response = await a.client.get( { action: 'query', list: 'abusefilters', abfprop: 'id|description|status|actions', abflimit: 'max' } );
	const filters = ( ( response.query || {} ) as { abusefilters?: { id: number; description: string; enabled?: unknown; actions?: string }[] } ).abusefilters || [];
	// "enabled" is present (as an empty string) for an enabled filter, absent otherwise.
	const found = filters.find( ( f ) => f.description === description && f.enabled !== undefined && /disallow/.test( f.actions || '' ) );
	return found ? { id: found.id, description: found.description } : null;
}

/**
 * An enabled AbuseFilter filter that disallows any edit adding `phrase`, created as the
 * admin through the form at Special:AbuseFilter/new (the only way in 1.39). Idempotent:
 * a filter with the same description is reused.
 */
export async function ensureDisallowFilter( phrase: string, description: string ): Promise<FilterInfo> {
	const existing = await findFilter( description );
	if ( existing ) {
		return existing;
	}
	const web = new WebSession();
	await web.login( wiki().admin.name, wiki().admin.password );
	const formUrl = `${ wiki().index }?title=Special:AbuseFilter/new`;
	const form = await web.fetch( formUrl );
	const tokenInput = /<input[^>]*name="wpEditToken"[^>]*>/.exec( form.text );
	const token = tokenInput && /value="([^"]*)"/.exec( tokenInput[ 0 ] );
	if ( !token ) {
		throw new Error( `No edit token in Special:AbuseFilter/new (HTTP ${ form.status })` );
	}
	const saved = await web.fetch( formUrl, {
		wpFilterDescription: description,
		wpFilterRules: `added_lines contains ${ JSON.stringify( phrase ) }`,
		wpFilterNotes: 'Created by the mentorship gadgets\' integration tests (tests/support/fixtures.ts).',
		wpFilterEnabled: '1',
		wpFilterActionDisallow: '1',
		wpFilterDisallowMessage: 'abusefilter-disallowed',
		wpEditToken: decodeHtml( token[ 1 ] as string ),
	} );
	if ( saved.status !== 302 || !/result=success/.test( saved.location || '' ) ) {
		const error = /<div class="[^"]*errorbox[^"]*">([\s\S]*?)<\/div>/.exec( saved.text );
		throw new Error( `Saving the filter failed (HTTP ${ saved.status }): ${ error ? error[ 1 ] : saved.text.slice( 0, 300 ) }` );
	}
	const created = await findFilter( description );
	if ( !created ) {
		throw new Error( 'The filter was saved but is not listed' );
	}
	return created;
}

// ---- Transports -----------------------------------------------------------------------

/**
 * Forwards every request; when `lose` says so, throws the response away after the wiki
 * answered it, as a dropped connection would: the write was carried out, the client
 * sees a network failure.
 */
export class LosingTransport implements Transport {
	/** Responses thrown away. */
	public lost = 0;
	private readonly inner: Transport;
	private readonly lose: ( method: 'GET' | 'POST', params: ApiParams, response: ApiResponse ) => boolean;

	public constructor( inner: Transport, lose: ( method: 'GET' | 'POST', params: ApiParams, response: ApiResponse ) => boolean ) {
		this.inner = inner;
		this.lose = lose;
	}

	public async request( method: 'GET' | 'POST', params: ApiParams ): Promise<ApiResponse> {
		const response = await this.inner.request( method, params );
		if ( this.lose( method, params, response ) ) {
			this.lost++;
			const failure: TransportFailure = { failure: 'network', detail: 'connection reset (response lost by the test)' };
			throw failure;
		}
		return response;
	}

	public token( type: TokenType ): Promise<string> {
		return this.inner.token( type );
	}

	public badToken( type: TokenType ): void {
		this.inner.badToken( type );
	}
}

/** Loses the response of the first `count` successful saves (action=edit). */
export function losingFirstSaves( inner: Transport, count = 1 ): LosingTransport {
	let left = count;
	return new LosingTransport( inner, ( method, params, response ) => {
		const edit = response.edit as { result?: string } | undefined;
		if ( method === 'POST' && params.action === 'edit' && edit && edit.result === 'Success' && left > 0 ) {
			left--;
			return true;
		}
		return false;
	} );
}

// ---- Pages ----------------------------------------------------------------------------

export interface RevisionInfo {
	revid: number;
	parentid: number;
	user: string;
	anon: boolean;
	timestamp: string;
	comment: string;
}

/** The history of a page, oldest first (up to 500 revisions). */
export async function history( title: string ): Promise<RevisionInfo[]> {
	const response = await anonClient().get( {
		action: 'query', prop: 'revisions', titles: title, rvprop: 'ids|user|flags|timestamp|comment', rvlimit: 'max', rvdir: 'newer',
	} );
	const pages = ( ( response.query || {} ) as { pages?: { revisions?: ( Omit<RevisionInfo, 'anon'> & { anon?: boolean } )[] }[] } ).pages || [];
	const revisions = ( pages[ 0 ] && pages[ 0 ].revisions ) || [];
	return revisions.map( ( r ) => ( { ...r, anon: !!r.anon } ) );
}

/** The latest revision id of each page (0 for a missing page). */
export async function revids( titles: string[] ): Promise<Record<string, number>> {
	const pages = await anonClient().readPages( titles, { content: false } );
	const out: Record<string, number> = {};
	for ( const title of titles ) {
		const page = pages[ title ];
		out[ title ] = page && page.exists && page.revid ? page.revid : 0;
	}
	return out;
}

/** The text of a page as stored, or null when missing. */
export async function pageText( title: string ): Promise<string | null> {
	const page = await anonClient().readPage( title );
	return page.exists ? page.content || '' : null;
}

// ---- Programs -------------------------------------------------------------------------

export interface ProgramSetup {
	id: string;
	config: ProgramConfig;
	coordinator: Session;
	/** Every member's session, by name. */
	members: Record<string, Session>;
	mentors: string[];
	mentees: string[];
}

export interface ProgramSpec {
	/** Program id base (made unique). */
	id?: string;
	mentors?: number;
	mentees?: number;
	/** Pair mentee i with mentor i % mentors. */
	pair?: boolean;
	config?: Partial<ProgramConfig>;
}

export function programConfig( coordinator: string, extra: Partial<ProgramConfig> = {} ): ProgramConfig {
	return {
		version: 1,
		name: 'Integration test program',
		description: 'Created by the integration tests.',
		coordinators: [ coordinator ],
		topics: [ 'History', 'Science' ],
		languages: [ 'en' ],
		...extra,
	};
}

/**
 * A program with its config and roster and N members, set up quickly: accounts and
 * logins 10 at a time, each member's profile written by the member (only the owner may
 * write User:NAME/mentorship.json), then the roster in one write by the coordinator.
 */
export async function setUpProgram( spec: ProgramSpec = {} ): Promise<ProgramSetup> {
	const id = uniqueId( spec.id || 'it' );
	const mentors = Array.from( { length: spec.mentors || 0 }, () => uniqueName( 'It Mentor' ) );
	const mentees = Array.from( { length: spec.mentees || 0 }, () => uniqueName( 'It Mentee' ) );
	const coordinatorName = uniqueName( 'It Coordinator' );
	const all = [ coordinatorName, ...mentors, ...mentees ];
	const logged = await sessions( all );
	const coordinator = logged[ 0 ] as Session;
	const members: Record<string, Session> = {};
	logged.slice( 1 ).forEach( ( s ) => {
		members[ s.name ] = s;
	} );
	const config = programConfig( coordinatorName, spec.config );
	const store = new Store( coordinator.client );
	await createPage( store, configTitle( id ), CONFIG, config, 'Integration test: new program' );
	const mentorOf = ( i: number ): string | undefined => spec.pair && mentors.length ? mentors[ i % mentors.length ] : undefined;
	await inBatches( [ ...mentors, ...mentees ], 10, async ( name ) => {
		const s = members[ name ] as Session;
		const role: Role = mentors.includes( name ) ? 'mentor' : 'mentee';
		const mentor = role === 'mentee' ? mentorOf( mentees.indexOf( name ) ) : undefined;
		await new Store( s.client ).update( profileTitle( name ), PROFILE,
			( p ) => profileJoin( p, id, membership( role, mentor ? { mentor } : {} ) ), { summary: 'Integration test: join' } );
	} );
	const now = isoSeconds( Date.now() );
	await store.update( rosterTitle( id ), ROSTER, ( r ) => {
		for ( const name of mentors ) {
			rosterJoin( r, name, 'mentor', now );
		}
		mentees.forEach( ( name, i ) => {
			rosterJoin( r, name, 'mentee', now );
			const mentor = mentorOf( i );
			if ( mentor ) {
				rosterSetMentor( r, name, mentor );
			}
		} );
		return r;
	}, { summary: 'Integration test: roster' } );
	return { id, config, coordinator, members, mentors, mentees };
}

/** A user name unique to this run ("Maya" -> "Maya Kx3fz1a"). */
export function unique( base: string ): string {
	return base + ' ' + RUN.charAt( 0 ).toUpperCase() + RUN.slice( 1 );
}

export function programId( base: string ): string {
	return base + '-' + RUN;
}

export async function users( names: string[], groups: Record<string, string[]> = {} ): Promise<Record<string, Session>> {
	const w = wiki();
	await ensureAccounts( w, names.map( ( name ) => ( { name, password: PASSWORD, groups: groups[ name ] } ) ) );
	const sessions: Record<string, Session> = {};
	for ( const name of names ) {
		sessions[ name ] = await login( w, name, PASSWORD );
	}
	return sessions;
}

export async function enableGadgets( session: Session, ids: string[] ): Promise<void> {
	const change: Record<string, boolean> = {};
	for ( const id of ids ) {
		change[ id ] = true;
	}
	await setGadgets( session, change );
}

export interface MemberSpec {
	name: string;
	membership: Omit<Membership, 'joined'>;
	/** For a mentee: their mentor (the mentee chooses, the cache option is set). */
	mentor?: string;
}

export function config( overrides: Partial<ProgramConfig> = {} ): ProgramConfig {
	return {
		version: 1,
		name: 'Test program ' + RUN,
		description: 'A program made by the tests.',
		coordinators: [],
		topics: [ 'Art', 'History', 'Medicine', 'Music', 'Science' ],
		languages: [ 'en', 'es', 'ar', 'fr' ],
		unansweredDays: 3,
		helpDesk: 'Project:Help desk',
		...overrides,
	};
}

/** Creates a program (config by `coordinator`) and its members, each through their own session. */
export async function program( id: string, coordinator: Session, cfg: ProgramConfig, members: MemberSpec[], sessions: Record<string, Session> ): Promise<void> {
	await createPage( new Store( coordinator.client ), configTitle( id ), CONFIG, cfg, 'test: program' );
	for ( const spec of members ) {
		const session = sessions[ spec.name ];
		if ( !session ) {
			throw new Error( 'No session for ' + spec.name );
		}
		const ctx = writeContext( session );
		await joinProgram( ctx, id, cfg, { ...spec.membership, joined: ctx.now } as Membership );
	}
	for ( const spec of members ) {
		if ( spec.mentor ) {
			const session = sessions[ spec.name ] as Session;
			await setMentor( writeContext( session ), id, cfg, spec.name, spec.mentor );
			await mentorCacheOption( session.client, null ).save( { program: id, mentor: spec.mentor } );
		}
	}
}

export function mentor( topics: string[], languages: string[], extra: Partial<Membership> = {} ): Omit<Membership, 'joined'> {
	return { role: 'mentor', topics, languages, capacity: 3, status: 'active', ...extra };
}

export function mentee( topics: string[], languages: string[], extra: Partial<Membership> = {} ): Omit<Membership, 'joined'> {
	return { role: 'mentee', topics, languages, ...extra };
}

/** Creates (or replaces) an article as the admin, for the ask journeys. */
export async function article( admin: Session, title: string, text: string ): Promise<number> {
	const read = await admin.client.readPage( title );
	const saved = await admin.client.edit( read.exists ?
		{ title, text, summary: 'test article', baserevid: read.revid } :
		{ title, text, summary: 'test article', createonly: true } );
	return saved.newrevid || read.revid || 0;
}
