/**
 * A typed client for the parts of the Action API the gadgets use. It runs over any
 * Transport (mw.Api in the browser, fetch in Node), always asks for formatversion=2 and
 * plain-text errors, turns every failure into a MentorshipError, batches reads (50 titles
 * or users a request, following continuation) and retries only where that is safe.
 */

import { MentorshipError } from '../core/errors';
import { fromApiError, fromTransportFailure } from './errors';
import { ApiParams, ApiResponse, isTransportFailure, Transport } from './transport';

export interface Clock {
	/** Milliseconds since the epoch. */
	now(): number;
	sleep( ms: number ): Promise<void>;
}

export const systemClock: Clock = {
	now: () => Date.now(),
	sleep: ( ms ) => new Promise( ( resolve ) => {
		setTimeout( resolve, ms );
	} ),
};

export interface ClientOptions {
	transport: Transport;
	clock?: Clock;
	/** Language of error texts (errorlang/uselang): the user's interface language. */
	language?: string;
	/** Retries of a read after a network failure or timeout (writes are never retried here). */
	networkRetries?: number;
	/** Times to wait and retry when the wiki answers maxlag. */
	maxlagRetries?: number;
	/** Sent as maxlag= on writes when set (batch jobs should set it, as bots do). */
	maxlag?: number;
	/** Titles or users a read request carries (50 for most users, 500 with apihighlimits). */
	batchSize?: number;
}

export interface PageRead {
	/** The title as it was asked for. */
	requested: string;
	/** The title as the wiki names it (after normalisation and, if asked, redirects). */
	title: string;
	exists: boolean;
	/** Why the title is not a valid one, when it is not. */
	invalid?: string;
	/** The redirect that was followed, as the wiki names it. */
	redirectedFrom?: string;
	ns?: number;
	pageid?: number;
	revid?: number;
	timestamp?: string;
	contentmodel?: string;
	content?: string;
}

export interface BlockInfo {
	by: string;
	reason: string;
	expiry: string;
	partial: boolean;
}

export interface UserInfo {
	name: string;
	exists: boolean;
	/** Not a possible user name (an IP address, for example). */
	invalid: boolean;
	userid?: number;
	editcount?: number;
	/** Registration time; null for very old accounts the wiki has no date for. */
	registration?: string | null;
	groups: string[];
	gender: 'male' | 'female' | 'unknown';
	block?: BlockInfo;
}

export interface ActivityInfo {
	/** Edits since the window's start (at least this many when capped). */
	count: number;
	/** Time of the latest edit within the window. */
	last?: string;
	/** True when the count stopped at the request limit. */
	capped: boolean;
}

export interface BatchRequest {
	titles?: string[];
	users?: string[];
	/** Follow redirects of the titles (their targets are read instead). */
	redirects?: boolean;
	/** Read page text (default true). */
	content?: boolean;
	/** Count each user's edits since this ISO time (list=usercontribs). */
	activitySince?: string;
	/** Continuation requests allowed for activity, per batch of users (default 2). */
	activityMaxContinue?: number;
	/**
	 * Also read recent contributions of one user, or of several (up to batchSize in each
	 * request, with the titles and users of that request; not together with activitySince):
	 * for example mentors' replies on talk pages. `limit` is per request; `maxContinue`
	 * (default 0) continuation requests follow for each batch of users.
	 */
	contribsOf?: { user: string | string[]; since: string; namespace?: number; limit?: number; maxContinue?: number };
}

export interface Contribution {
	/** Whose contribution it is. */
	user: string;
	title: string;
	timestamp: string;
	comment: string;
	revid: number;
}

export interface BatchResult {
	pages: Record<string, PageRead>;
	users: Record<string, UserInfo>;
	activity: Record<string, ActivityInfo>;
	/** The contributions asked for with contribsOf, newest first. */
	contribs: Contribution[];
	/** False when contribsOf found more than its limit. */
	contribsComplete: boolean;
}

export interface EditRequest {
	title: string;
	text: string;
	summary: string;
	/** The revision the change was made against; omit only to create a page. */
	baserevid?: number;
	createonly?: boolean;
	nocreate?: boolean;
	contentmodel?: string;
	section?: 'new' | number;
	sectiontitle?: string;
	minor?: boolean;
	watchlist?: 'watch' | 'unwatch' | 'preferences' | 'nochange';
	/** e.g. "1 month" (needs $wgWatchlistExpiry on the wiki; ignored otherwise). */
	watchlistexpiry?: string;
	/** Follow a redirect at `title` and edit its target. */
	redirect?: boolean;
	tags?: string[];
}

export interface EditResult {
	title: string;
	pageid: number;
	/** Absent when nothing changed. */
	newrevid?: number;
	/** The revision the new one follows (the latest when the wiki saved it). */
	oldrevid?: number;
	newtimestamp?: string;
	nochange: boolean;
	created: boolean;
}

export interface ParseRequest {
	title: string;
	text: string;
	/** Preview a new section with this heading. */
	sectiontitle?: string;
}

export interface PageRights {
	/** The title as the wiki names it. */
	title: string;
	exists: boolean;
	/** The user may carry out the action asked about. */
	allowed: boolean;
	/** The page's protections: which action, at which level (a right, such as sysop), until when. */
	protection: { type: string; level: string; expiry: string }[];
}

const hasOwn = Object.prototype.hasOwnProperty;

export function asRecord( value: unknown ): Record<string, unknown> {
	return typeof value === 'object' && value !== null ? value as Record<string, unknown> : {};
}

export function asArray( value: unknown ): Record<string, unknown>[] {
	return Array.isArray( value ) ? value.map( asRecord ) : [];
}

function copyInto( target: Record<string, unknown>, source: Record<string, unknown> ): void {
	for ( const key in source ) {
		if ( hasOwn.call( source, key ) ) {
			target[ key ] = source[ key ];
		}
	}
}

export function chunk<T>( items: T[], size: number ): T[][] {
	const out: T[][] = [];
	for ( let i = 0; i < items.length; i += size ) {
		out.push( items.slice( i, i + size ) );
	}
	return out;
}

export function unique( items: string[] ): string[] {
	const seen: Record<string, true> = {};
	return items.filter( ( item ) => {
		if ( seen[ item ] ) {
			return false;
		}
		seen[ item ] = true;
		return true;
	} );
}

export interface PageState {
	normalized: Record<string, string>;
	redirects: Record<string, string>;
	pages: Record<string, Record<string, unknown>>;
}

/** Accumulates a query's pages over its continuations (a page may come in parts). */
export function collectPages( response: ApiResponse, state: PageState ): void {
	const query = asRecord( response.query );
	for ( const n of asArray( query.normalized ) ) {
		state.normalized[ String( n.from ) ] = String( n.to );
	}
	for ( const r of asArray( query.redirects ) ) {
		state.redirects[ String( r.from ) ] = String( r.to );
	}
	for ( const page of asArray( query.pages ) ) {
		const key = String( page.title );
		const merged = state.pages[ key ] || ( state.pages[ key ] = {} );
		for ( const k in page ) {
			if ( hasOwn.call( page, k ) ) {
				merged[ k ] = page[ k ];
			}
		}
	}
}

function pageRead( requested: string, state: PageState, withContent: boolean ): PageRead | null {
	const name = state.normalized[ requested ] || requested;
	const target = state.redirects[ name ];
	const page = state.pages[ target || name ];
	if ( !page ) {
		return null;
	}
	const read: PageRead = {
		requested: requested,
		title: String( page.title ),
		exists: !page.missing && !page.invalid,
	};
	if ( target !== undefined ) {
		read.redirectedFrom = name;
	}
	if ( page.invalid ) {
		read.invalid = String( page.invalidreason || 'invalid' );
	}
	if ( typeof page.ns === 'number' ) {
		read.ns = page.ns;
	}
	if ( typeof page.pageid === 'number' ) {
		read.pageid = page.pageid;
	}
	const revision = asArray( page.revisions )[ 0 ];
	if ( revision ) {
		read.revid = Number( revision.revid );
		read.timestamp = String( revision.timestamp );
		const main = asRecord( asRecord( revision.slots ).main );
		if ( typeof main.contentmodel === 'string' ) {
			read.contentmodel = main.contentmodel;
		}
		if ( withContent && typeof main.content === 'string' ) {
			read.content = main.content;
		}
	}
	return read;
}

function collectUsers( response: ApiResponse, out: Record<string, UserInfo> ): void {
	for ( const u of asArray( asRecord( response.query ).users ) ) {
		const name = String( u.name );
		const info: UserInfo = {
			name: name,
			exists: !u.missing && !u.invalid,
			invalid: !!u.invalid,
			groups: Array.isArray( u.groups ) ? u.groups.map( String ) : [],
			gender: u.gender === 'male' || u.gender === 'female' ? u.gender : 'unknown',
		};
		if ( typeof u.userid === 'number' ) {
			info.userid = u.userid;
		}
		if ( typeof u.editcount === 'number' ) {
			info.editcount = u.editcount;
		}
		if ( hasOwn.call( u, 'registration' ) ) {
			info.registration = typeof u.registration === 'string' ? u.registration : null;
		}
		if ( u.blockid !== undefined ) {
			info.block = {
				by: String( u.blockedby || '' ),
				reason: String( u.blockreason || '' ),
				expiry: String( u.blockexpiry || '' ),
				partial: !!u.blockpartial,
			};
		}
		out[ name ] = info;
	}
}

function collectContribs( response: ApiResponse ): Contribution[] {
	return asArray( asRecord( response.query ).usercontribs ).map( ( c ) => ( {
		user: String( c.user ),
		title: String( c.title ),
		timestamp: String( c.timestamp ),
		comment: typeof c.comment === 'string' ? c.comment : '',
		revid: Number( c.revid ),
	} ) );
}

function collectActivity( response: ApiResponse, out: Record<string, ActivityInfo> ): void {
	for ( const c of asArray( asRecord( response.query ).usercontribs ) ) {
		const name = String( c.user );
		const time = String( c.timestamp );
		const info = out[ name ] || ( out[ name ] = { count: 0, capped: false } );
		info.count++;
		if ( !info.last || time > info.last ) {
			info.last = time;
		}
	}
}

/**
 * One query of a batch read and its continuations: up to batchSize titles, users and
 * contributors, as the parameters of each part. The contributions' part is sent while
 * contributions are still read (see contribRequests), then left out.
 */
export interface QueryRound {
	titles: string[];
	users: string[];
	/** Pages (prop=revisions) and users (list=users): read until complete. */
	base: ApiParams;
	/** The lists of `base` ('users'). */
	lists: string[];
	/** The list=usercontribs part (activity counts or contribsOf), or null. */
	contribs: ApiParams | null;
	/** The contributions are contribsOf's, kept in the result (not counted as activity). */
	keepContribs: boolean;
	/** Responses that may carry contributions; the rest of the query reads pages only. */
	contribRequests: number;
	maxRequests: number;
	/** Long lists go in a POST body (GET URLs have a length limit). */
	method: 'GET' | 'POST';
}

/** Plans a batch read: what each query asks, without sending anything. */
export function planBatch( spec: BatchRequest, batchSize: number ): QueryRound[] {
	const titleChunks = chunk( unique( spec.titles || [] ), batchSize );
	const userChunks = chunk( unique( spec.users || [] ), batchSize );
	const contribsOf = spec.activitySince ? undefined : spec.contribsOf;
	const contribChunks = chunk( contribsOf ? unique( typeof contribsOf.user === 'string' ? [ contribsOf.user ] : contribsOf.user ) : [], batchSize );
	const rounds = Math.max( titleChunks.length, userChunks.length, contribChunks.length );
	const withContent = spec.content !== false;
	const out: QueryRound[] = [];
	for ( let i = 0; i < rounds; i++ ) {
		const titles = titleChunks[ i ] || [];
		const users = userChunks[ i ] || [];
		const contributors = contribChunks[ i ] || [];
		const base: ApiParams = {};
		const lists: string[] = [];
		if ( titles.length ) {
			base.titles = titles;
			base.prop = 'revisions';
			base.rvprop = withContent ? 'ids|timestamp|content|contentmodel' : 'ids|timestamp|contentmodel';
			base.rvslots = 'main';
			if ( spec.redirects ) {
				base.redirects = true;
			}
		}
		if ( users.length ) {
			lists.push( 'users' );
			base.ususers = users;
			base.usprop = 'blockinfo|editcount|groups|registration|gender';
		}
		let contribs: ApiParams | null = null;
		if ( spec.activitySince && users.length ) {
			contribs = { ucuser: users, ucend: spec.activitySince, ucprop: 'timestamp', uclimit: 'max' };
		}
		const keepContribs = !!contribsOf && contributors.length > 0;
		if ( contribsOf && keepContribs ) {
			contribs = { ucuser: contributors, ucend: contribsOf.since, ucprop: 'title|timestamp|comment|ids', uclimit: contribsOf.limit || 100 };
			if ( contribsOf.namespace !== undefined ) {
				contribs.ucnamespace = contribsOf.namespace;
			}
		}
		// contribsOf reads one response (its limit, and whether there were more) unless it may continue.
		const contribRequests = keepContribs ? 1 + ( ( contribsOf && contribsOf.maxContinue ) || 0 ) :
			1 + ( spec.activityMaxContinue === undefined ? 2 : spec.activityMaxContinue );
		out.push( {
			titles: titles,
			users: users,
			base: base,
			lists: lists,
			contribs: contribs,
			keepContribs: keepContribs,
			contribRequests: contribRequests,
			maxRequests: contribRequests + titles.length,
			method: titles.length + users.length + contributors.length > 20 ? 'POST' : 'GET',
		} );
	}
	return out;
}

/** The parameters of one request of a round: its parts, the contributions' while read, and the continuation. */
function roundParams( round: QueryRound, withContribs: boolean, cont: Record<string, string> ): ApiParams {
	const params: ApiParams = { action: 'query' };
	copyInto( params, round.base );
	const lists = round.lists.slice();
	if ( withContribs && round.contribs ) {
		copyInto( params, round.contribs );
		lists.push( 'usercontribs' );
	}
	if ( lists.length ) {
		params.list = lists;
	}
	copyInto( params, cont );
	return params;
}

export class WikiClient {
	public readonly transport: Transport;
	public readonly clock: Clock;
	/** Requests sent (reads and writes), for measurements. */
	public requestCount = 0;
	private readonly language: string | undefined;
	private readonly networkRetries: number;
	private readonly maxlagRetries: number;
	private readonly maxlag: number | undefined;
	/** Titles or users per request (the API's limit for this account). */
	public readonly batchSize: number;

	public constructor( options: ClientOptions ) {
		this.transport = options.transport;
		this.clock = options.clock || systemClock;
		this.language = options.language;
		this.networkRetries = options.networkRetries === undefined ? 2 : options.networkRetries;
		this.maxlagRetries = options.maxlagRetries === undefined ? 3 : options.maxlagRetries;
		this.maxlag = options.maxlag;
		this.batchSize = options.batchSize || 50;
	}

	/** A client that sends maxlag= with each write, for batch jobs. */
	public withMaxlag( seconds: number ): WikiClient {
		return new WikiClient( {
			transport: this.transport,
			clock: this.clock,
			language: this.language,
			networkRetries: this.networkRetries,
			maxlagRetries: this.maxlagRetries,
			maxlag: seconds,
			batchSize: this.batchSize,
		} );
	}

	private withDefaults( params: ApiParams ): ApiParams {
		const full: ApiParams = { format: 'json', formatversion: 2, errorformat: 'plaintext' };
		if ( this.language ) {
			full.uselang = this.language;
			full.errorlang = this.language;
		}
		for ( const key in params ) {
			if ( hasOwn.call( params, key ) ) {
				full[ key ] = params[ key ];
			}
		}
		return full;
	}

	/**
	 * One request, with its errors mapped. Reads are retried after network failures (with
	 * backoff); any request is retried after maxlag, as the wiki asks. A write that failed
	 * in the network is not retried: it may have been saved (details.maybeSaved).
	 */
	public async request( method: 'GET' | 'POST', params: ApiParams, page?: string ): Promise<ApiResponse> {
		const isWrite = method === 'POST' && params.token !== undefined;
		let networkTries = 0;
		let lagTries = 0;
		for ( ;; ) {
			let response: ApiResponse;
			try {
				this.requestCount++;
				response = await this.transport.request( method, this.withDefaults( params ) );
			} catch ( e ) {
				if ( !isTransportFailure( e ) ) {
					throw e;
				}
				const error = fromTransportFailure( e, isWrite );
				if ( !isWrite && networkTries < this.networkRetries ) {
					networkTries++;
					await this.clock.sleep( 1000 * Math.pow( 3, networkTries - 1 ) );
					continue;
				}
				throw error;
			}
			const errors = response.errors;
			if ( errors && errors.length ) {
				const error = fromApiError( errors[ 0 ] as ( typeof errors )[ 0 ], { page: page } );
				if ( error.kind === 'maxlag' && lagTries < this.maxlagRetries ) {
					lagTries++;
					await this.clock.sleep( 1000 * ( error.details.retryAfter || 5 ) );
					continue;
				}
				throw error;
			}
			return response;
		}
	}

	public get( params: ApiParams, page?: string ): Promise<ApiResponse> {
		return this.request( 'GET', params, page );
	}

	/** A POST read (for long parameters such as a text to parse). */
	public post( params: ApiParams, page?: string ): Promise<ApiResponse> {
		return this.request( 'POST', params, page );
	}

	/**
	 * A write: with a CSRF token and assert=user (never a logged-out edit, which would
	 * publish the user's IP address). A refused token is refreshed and the write sent once more.
	 */
	public async postWithToken( params: ApiParams, page?: string ): Promise<ApiResponse> {
		const full: ApiParams = { assert: 'user' };
		for ( const key in params ) {
			if ( hasOwn.call( params, key ) ) {
				full[ key ] = params[ key ];
			}
		}
		if ( this.maxlag !== undefined && full.maxlag === undefined ) {
			full.maxlag = this.maxlag;
		}
		for ( let attempt = 0; ; attempt++ ) {
			full.token = await this.tokenOrFail();
			try {
				return await this.request( 'POST', full, page );
			} catch ( e ) {
				if ( e instanceof MentorshipError && e.kind === 'badtoken' && attempt === 0 ) {
					this.transport.badToken( 'csrf' );
					continue;
				}
				throw e;
			}
		}
	}

	private async tokenOrFail(): Promise<string> {
		try {
			return await this.transport.token( 'csrf' );
		} catch ( e ) {
			if ( isTransportFailure( e ) ) {
				throw fromTransportFailure( e, false );
			}
			throw e;
		}
	}

	/**
	 * Runs a query and its continuations, handing each response to `each`. Stops after
	 * `maxRequests` responses (returns false then, true when the query completed).
	 */
	public async queryAll( params: ApiParams, each: ( response: ApiResponse ) => void, maxRequests = 100, method: 'GET' | 'POST' = 'GET' ): Promise<boolean> {
		let cont: Record<string, string> | undefined = { continue: '' };
		for ( let i = 0; i < maxRequests; i++ ) {
			const full: ApiParams = { action: 'query' };
			for ( const key in params ) {
				if ( hasOwn.call( params, key ) ) {
					full[ key ] = params[ key ];
				}
			}
			for ( const key in cont ) {
				if ( hasOwn.call( cont, key ) ) {
					full[ key ] = cont[ key ];
				}
			}
			const response: ApiResponse = await this.request( method, full );
			each( response );
			cont = response.continue;
			if ( !cont ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Reads pages, users and user activity in as few requests as possible: each request
	 * carries up to batchSize titles and batchSize users, following continuation.
	 */
	public async batch( spec: BatchRequest ): Promise<BatchResult> {
		const result: BatchResult = { pages: {}, users: {}, activity: {}, contribs: [], contribsComplete: true };
		const withContent = spec.content !== false;
		for ( const round of planBatch( spec, this.batchSize ) ) {
			const state: PageState = { normalized: {}, redirects: {}, pages: {} };
			const counted: Record<string, ActivityInfo> = {};
			// Contributions are read while `reading`: in round.contribRequests responses at most;
			// page text may still need continuations after that, without the contributions.
			let reading = !!round.contribs;
			let capped = false;
			let cont: Record<string, string> | undefined = { continue: '' };
			for ( let sent = 0; cont && sent < round.maxRequests; sent++ ) {
				const response: ApiResponse = await this.request( round.method, roundParams( round, reading, cont ) );
				collectPages( response, state );
				collectUsers( response, result.users );
				if ( reading && round.keepContribs ) {
					result.contribs.push( ...collectContribs( response ) );
				} else if ( reading ) {
					collectActivity( response, counted );
				}
				cont = response.continue;
				if ( cont && reading && cont.uccontinue !== undefined && sent + 1 >= round.contribRequests ) {
					// Enough contributions: the rest of the query (if any) reads the pages only.
					capped = true;
					reading = false;
					const rest: Record<string, string> = {};
					copyInto( rest, cont );
					delete rest.uccontinue;
					cont = Object.keys( rest ).some( ( key ) => key !== 'continue' ) ? rest : undefined;
				}
			}
			const complete = !cont && !capped;
			if ( round.keepContribs && !complete ) {
				result.contribsComplete = false;
			}
			for ( const requested of round.titles ) {
				const read = pageRead( requested, state, withContent );
				if ( read ) {
					result.pages[ requested ] = read;
				}
			}
			if ( spec.activitySince ) {
				for ( const name of round.users ) {
					const info = counted[ name ] || { count: 0, capped: false };
					if ( !complete ) {
						info.capped = true;
					}
					result.activity[ name ] = info;
				}
			}
		}
		return result;
	}

	/** Reads pages (batched); missing, invalid and redirected titles are reported, not thrown. */
	public async readPages( titles: string[], options: { redirects?: boolean; content?: boolean } = {} ): Promise<Record<string, PageRead>> {
		return ( await this.batch( { titles: titles, redirects: options.redirects, content: options.content } ) ).pages;
	}

	public async readPage( title: string, options: { redirects?: boolean; content?: boolean } = {} ): Promise<PageRead> {
		const pages = await this.readPages( [ title ], options );
		return pages[ title ] || { requested: title, title: title, exists: false };
	}

	/** Users by name (batched): edit count, registration, groups, gender, block. */
	public async users( names: string[], activitySince?: string ): Promise<BatchResult> {
		return this.batch( { users: names, activitySince: activitySince } );
	}

	/**
	 * Saves a page. Sends baserevid (never basetimestamp: on MediaWiki 1.39 it makes an edit
	 * saved in the same second count as a conflict with oneself, silently overwriting the
	 * other edit), assert=user and a CSRF token.
	 */
	public async edit( request: EditRequest ): Promise<EditResult> {
		const params: ApiParams = {
			action: 'edit',
			title: request.title,
			text: request.text,
			summary: request.summary,
			baserevid: request.baserevid,
			createonly: request.createonly,
			nocreate: request.nocreate,
			contentmodel: request.contentmodel,
			section: request.section,
			sectiontitle: request.sectiontitle,
			minor: request.minor,
			notminor: request.minor === false,
			watchlist: request.watchlist || 'nochange',
			watchlistexpiry: request.watchlistexpiry,
			redirect: request.redirect,
			tags: request.tags,
		};
		const response = await this.postWithToken( params, request.title );
		const edit = asRecord( response.edit );
		if ( edit.result !== 'Success' ) {
			throw this.editFailure( edit, request.title );
		}
		const result: EditResult = {
			title: String( edit.title ),
			pageid: Number( edit.pageid ),
			nochange: !!edit.nochange,
			created: !!edit.new,
		};
		if ( edit.newrevid !== undefined ) {
			result.newrevid = Number( edit.newrevid );
		}
		if ( edit.oldrevid !== undefined ) {
			result.oldrevid = Number( edit.oldrevid );
		}
		if ( typeof edit.newtimestamp === 'string' ) {
			result.newtimestamp = edit.newtimestamp;
		}
		return result;
	}

	private editFailure( edit: Record<string, unknown>, page: string ): MentorshipError {
		if ( edit.captcha ) {
			return new MentorshipError( 'captcha', 'captcha', 'The wiki asks for a CAPTCHA', [ page ], { page: page } );
		}
		if ( edit.spamblacklist ) {
			const spam = String( edit.spamblacklist );
			return new MentorshipError( 'spam', 'spamblacklist', spam, [ page ], { page: page } );
		}
		const info = String( edit.info || edit.result || 'edit failed' );
		return new MentorshipError( 'unknown', 'edit-failure', info, [ 'edit', info ], { page: page } );
	}

	/** Adds a new section to a (talk) page, following a redirect to its target. */
	public addSection( request: { title: string; sectiontitle: string; text: string; summary: string; watchlist?: EditRequest[ 'watchlist' ]; watchlistexpiry?: string } ): Promise<EditResult> {
		return this.edit( {
			title: request.title,
			section: 'new',
			sectiontitle: request.sectiontitle,
			text: request.text,
			summary: request.summary,
			redirect: true,
			watchlist: request.watchlist,
			watchlistexpiry: request.watchlistexpiry,
		} );
	}

	/** The HTML the wiki would show for a text (signatures expanded, as on save). */
	public async parse( request: ParseRequest ): Promise<string> {
		const params: ApiParams = {
			action: 'parse',
			title: request.title,
			text: request.text,
			contentmodel: 'wikitext',
			pst: true,
			prop: 'text',
			disablelimitreport: true,
			disableeditsection: true,
			preview: true,
		};
		if ( request.sectiontitle !== undefined ) {
			params.section = 'new';
			params.sectiontitle = request.sectiontitle;
		}
		const response = await this.post( params, request.title );
		const parsed = asRecord( response.parse );
		return typeof parsed.text === 'string' ? parsed.text : '';
	}

	/** Sets one of the user's own options (userjs-* for gadget state). */
	public async setOption( name: string, value: string | null ): Promise<void> {
		const params: ApiParams = { action: 'options', optionname: name };
		if ( value !== null ) {
			params.optionvalue = value;
		}
		await this.postWithToken( params );
	}
}
