/**
 * Welcoming and inviting against the wiki: the checks for up to 50 users in one request
 * (accounts, their talk pages and the program's recent invitation logs together), posting
 * one message, recording invitations in the monthly log through the store, and a batch
 * sender that keeps to the wiki's edit limit, waits out `ratelimited` and maxlag, goes on
 * past a failure, can be paused, resumed and cancelled, and ends with a report.
 */

import { isThrottled, MentorshipError, stopsBatch } from '../core/errors';
import { INVITATIONS, Invitation, InvitationLog, PROFILE, ProgramConfig, ROSTER, RosterMember } from '../core/format';
import { isIpAddress, isPlausibleUserName, normalizeUserName } from '../core/names';
import { activeMembership } from '../core/program';
import { invitationLogTitle, monthOf, profileTitle, rosterTitle, userTalkTitle } from '../core/titles';
import {
	Composition, composeFor, invitationRecord, isAnonymousName, logAppend, Pacer, parseInvitationMarkers,
	Prior, priorInvitations, RateLimit, recentMonths, Skip, UserFacts,
} from '../core/welcome';
import { WikiClient } from './client';
import { Posted, postSection } from './posting';
import { isoSeconds, rosterShards } from './programs';
import { docsFrom, Store } from './store';

export interface WelcomeProgram {
	id: string;
	config: ProgramConfig;
}

/** The shard count of a program's invitation logs. */
export function invitationShards( config: ProgramConfig ): number {
	return ( config.shards && config.shards.invitations ) || 1;
}

/** The log page that holds (or will hold) the record of an invitation of `user` at `time`. */
export function logPageFor( program: WelcomeProgram, time: string, user: string ): string {
	return invitationLogTitle( program.id, monthOf( time ), invitationShards( program.config ), user );
}

export interface CheckResult {
	/** The names as checked (display form, duplicates dropped), in the order given. */
	names: string[];
	facts: Record<string, UserFacts>;
	/** Log pages that could not be read as logs (their records are then not known). */
	logErrors: Record<string, MentorshipError>;
	/** API requests the checks took. */
	requests: number;
}

/**
 * Checks users before anything is posted: whether each account exists, is blocked or a bot,
 * is an editor without an account, opts out on its talk page, is already a member of the
 * program (their own profile), and what the program sent them before (markers on the talk
 * page, records in this month's and last month's log).
 * One request for up to 50 users (their talk pages, the log pages and the roster ride along;
 * with more than 50 titles, a second one), and one for the profiles of those the roster lists.
 */
export async function checkUsers( client: WikiClient, program: WelcomeProgram, names: string[], nowMs: number ): Promise<CheckResult> {
	const before = client.requestCount;
	const list: string[] = [];
	for ( const raw of names ) {
		const name = normalizeUserName( raw );
		if ( name && list.indexOf( name ) === -1 ) {
			list.push( name );
		}
	}
	const shards = invitationShards( program.config );
	const logTitles: string[] = [];
	for ( const month of recentMonths( isoSeconds( nowMs ) ) ) {
		for ( const name of list ) {
			const title = invitationLogTitle( program.id, month, shards, shards > 1 ? name : undefined );
			if ( logTitles.indexOf( title ) === -1 ) {
				logTitles.push( title );
			}
		}
	}
	const talkTitles = list.map( userTalkTitle );
	const accounts = list.filter( ( n ) => !isIpAddress( n ) );
	// The roster pages that would list them (an index, one page unless sharded).
	const rosterTitles: string[] = [];
	for ( const name of accounts ) {
		const title = rosterTitle( program.id, rosterShards( program.config ), name );
		if ( rosterTitles.indexOf( title ) === -1 ) {
			rosterTitles.push( title );
		}
	}
	const batch = await client.batch( { titles: talkTitles.concat( logTitles, rosterTitles ), users: accounts, redirects: true } );
	// Members of the program are not invited to it. The roster only says whose profiles to
	// read (anyone can edit it); their own profiles, which only they can write, decide.
	const rosters = docsFrom( rosterTitles, batch.pages, ROSTER );
	const listed = accounts.filter( ( name ) => {
		const doc = rosters[ rosterTitle( program.id, rosterShards( program.config ), name ) ];
		const entry: RosterMember | undefined = doc && doc.value ? doc.value.members[ name ] : undefined;
		return !!entry && !entry.left;
	} );
	const profileTitles = listed.map( profileTitle );
	const profiles = docsFrom( profileTitles, profileTitles.length ? await client.readPages( profileTitles ) : {}, PROFILE );
	const logDocs = docsFrom( logTitles, batch.pages, INVITATIONS );
	const logErrors: Record<string, MentorshipError> = {};
	const logs: ( InvitationLog | null )[] = [];
	for ( const title of logTitles ) {
		const doc = logDocs[ title ];
		if ( doc && doc.error ) {
			logErrors[ title ] = doc.error;
		}
		logs.push( doc ? doc.value : null );
	}
	const facts: Record<string, UserFacts> = {};
	for ( const name of list ) {
		const talk = batch.pages[ userTalkTitle( name ) ];
		const talkText = talk && talk.exists ? talk.content || '' : null;
		const ip = isIpAddress( name );
		const info = batch.users[ name ];
		const f: UserFacts = {
			name: name,
			valid: ip || ( !!info && !info.invalid ) || ( !info && isPlausibleUserName( name ) ),
			exists: ip || ( !!info && info.exists ),
			anonymous: isAnonymousName( name ),
			bot: !!info && info.groups.indexOf( 'bot' ) !== -1,
			talk: talkText,
			prior: priorInvitations( program.id, name, talkText, logs ),
		};
		if ( info && info.editcount !== undefined ) {
			f.editcount = info.editcount;
		}
		if ( info && info.registration !== undefined ) {
			f.registration = info.registration;
		}
		const profile = profiles[ profileTitle( name ) ];
		const membership = profile && profile.value ? activeMembership( profile.value, program.id ) : null;
		if ( membership ) {
			f.member = membership.role;
		}
		if ( info && info.block && !info.block.partial ) {
			f.block = { by: info.block.by, expiry: info.block.expiry, reason: info.block.reason };
		}
		facts[ name ] = f;
	}
	return { names: list, facts: facts, logErrors: logErrors, requests: client.requestCount - before };
}

/**
 * Records invitations in the monthly logs (one store update per log page touched). Returns
 * the records that could not be written, with why.
 */
export async function recordInvitations(
	store: Store, program: WelcomeProgram, records: Invitation[], summary: string,
	onEdit?: ( edits: number ) => void,
): Promise<{ record: Invitation; error: unknown }[]> {
	const byTitle: Record<string, Invitation[]> = {};
	const titles: string[] = [];
	for ( const record of records ) {
		const title = logPageFor( program, record.time, record.user );
		if ( !byTitle[ title ] ) {
			byTitle[ title ] = [];
			titles.push( title );
		}
		( byTitle[ title ] as Invitation[] ).push( record );
	}
	const failed: { record: Invitation; error: unknown }[] = [];
	for ( const title of titles ) {
		const mine = byTitle[ title ] as Invitation[];
		try {
			const result = await store.update( title, INVITATIONS, ( log ) => logAppend( log, mine ), { summary: summary } );
			if ( onEdit ) {
				onEdit( ( result.changed ? 1 : 0 ) + result.conflicts );
			}
		} catch ( e ) {
			mine.forEach( ( record ) => failed.push( { record: record, error: e } ) );
		}
	}
	return failed;
}

/**
 * When the user's latest edits were saved, in local time (the wiki's clock and ours may
 * differ: the answer's curtimestamp tells by how much): edits made just before a batch
 * count against the same limit. One request; an edit is taken as late in its second as can be.
 */
export async function recentEdits( client: WikiClient, user: string, limit: RateLimit ): Promise<number[]> {
	const response = await client.get( {
		action: 'query', list: 'usercontribs', ucuser: user, uclimit: Math.min( limit.hits, 500 ), ucprop: 'timestamp', curtimestamp: true,
	} );
	const now = client.clock.now();
	const serverNow = Date.parse( String( response.curtimestamp ) );
	if ( isNaN( serverNow ) ) {
		return [];
	}
	const query = ( response.query || {} ) as { usercontribs?: { timestamp?: string }[] };
	const times: number[] = [];
	for ( const c of query.usercontribs || [] ) {
		const t = Date.parse( String( c.timestamp ) );
		if ( !isNaN( t ) ) {
			times.push( now - ( serverNow - t ) + 1000 );
		}
	}
	return times;
}

export interface WelcomeWriter {
	client: WikiClient;
	store: Store;
	program: WelcomeProgram;
	/** Edit summary of log writes, in the wiki's content language. */
	logSummary: string;
	random: () => number;
}

export interface SentOne {
	posted: Posted;
	/** The post as sent (its heading finds the section). */
	section: string;
	record: Invitation | null;
	/** Why the log could not record it (the marker on the talk page still tells). */
	recordError?: unknown;
}

function postId( random: () => number ): string {
	return Math.floor( random() * 1e12 ).toString( 36 );
}

/** Posts one message and records it in the log. */
export async function sendInvitation( w: WelcomeWriter, c: Composition, user: string ): Promise<SentOne> {
	const time = isoSeconds( w.client.clock.now() );
	const post = composeFor( c, user, time, postId( w.random ) );
	const posted = await postSection( w.client, post, c.inviter );
	const record = invitationRecord( c, user, time, posted.revid );
	const result: SentOne = { posted: posted, section: post.section, record: record };
	if ( record ) {
		const failed = await recordInvitations( w.store, w.program, [ record ], w.logSummary );
		if ( failed.length ) {
			result.recordError = ( failed[ 0 ] as { error: unknown } ).error;
		}
	}
	return result;
}

// ---- Many users -------------------------------------------------------------------------

export type RowState = 'waiting' | 'sending' | 'sent' | 'failed' | 'skipped';

export interface BatchProgress {
	phase: 'sending' | 'waiting' | 'paused' | 'recording' | 'done';
	total: number;
	sent: number;
	failed: number;
	skipped: number;
	/** The user being sent to. */
	current?: string;
	/** While waiting: for how long, and why. */
	waitMs?: number;
	waitReason?: 'pace' | 'ratelimited' | 'maxlag';
	/** The row that changed. */
	row?: { user: string; state: RowState; skip?: Skip; error?: unknown; revid?: number };
	/** A failure that paused the batch (the session ended, a block, read-only, the network): resume or cancel. */
	stopped?: unknown;
}

export interface BatchReport {
	sent: { user: string; revid: number; title: string }[];
	skipped: { user: string; skip: Skip }[];
	failed: { user: string; error: unknown }[];
	/** Sent, but the log could not record it (the marker on the talk page still tells). */
	unrecorded: { user: string; error: unknown }[];
	cancelled: boolean;
	ms: number;
	/** Edits made: posts and log writes. */
	edits: number;
	/** Times the wiki said ratelimited (each waited out and retried, never a failure). */
	ratelimited: number;
}

export interface BatchOptions {
	/** Give it a client made with withMaxlag(5): the sender is a batch job. */
	client: WikiClient;
	store: Store;
	program: WelcomeProgram;
	composition: Composition;
	/** The users to send to, after the review. */
	users: string[];
	/** Users the review left out, with why (they go to the report as they are). */
	skipped?: { user: string; skip: Skip }[];
	/** The wiki's edit limit for this user (meta=userinfo); none: no pacing. */
	limit?: RateLimit | null;
	/** Send to users who had a different kind of message from the program before. */
	goOn?: boolean;
	logSummary: string;
	/** Log records are written after this many posts (and when paused, cancelled or done). */
	logEvery?: number;
	random?: () => number;
	onProgress?: ( progress: BatchProgress ) => void;
}

export class BatchSender {
	public readonly pacer: Pacer;
	private readonly o: BatchOptions;
	private readonly logEvery: number;
	private readonly report: BatchReport;
	private pending: { user: string; record: Invitation }[] = [];
	private paused = false;
	private cancelled = false;
	private wake: ( () => void ) | null = null;
	private running = false;

	public constructor( options: BatchOptions ) {
		this.o = options;
		this.pacer = new Pacer( options.limit );
		this.logEvery = options.logEvery || 10;
		this.report = {
			sent: [], skipped: ( options.skipped || [] ).slice(), failed: [], unrecorded: [],
			cancelled: false, ms: 0, edits: 0, ratelimited: 0,
		};
	}

	public pause(): void {
		this.paused = true;
		this.interrupt();
	}

	public resume(): void {
		this.paused = false;
		this.interrupt();
	}

	/** Stops after the post under way (none is left half-done); the log gets what was sent. */
	public cancel(): void {
		this.cancelled = true;
		this.interrupt();
	}

	public isPaused(): boolean {
		return this.paused;
	}

	private interrupt(): void {
		const wake = this.wake;
		this.wake = null;
		if ( wake ) {
			wake();
		}
	}

	/** Waits `ms`, or less when paused, resumed or cancelled meanwhile. */
	private wait( ms: number ): Promise<void> {
		return new Promise( ( resolve ) => {
			let done = false;
			const finish = (): void => {
				if ( !done ) {
					done = true;
					resolve();
				}
			};
			this.wake = finish;
			void this.o.client.clock.sleep( ms ).then( finish );
		} );
	}

	private emit( progress: Partial<BatchProgress> & { phase: BatchProgress[ 'phase' ] } ): void {
		if ( !this.o.onProgress ) {
			return;
		}
		const full: BatchProgress = {
			phase: progress.phase,
			total: this.o.users.length,
			sent: this.report.sent.length,
			failed: this.report.failed.length,
			skipped: this.report.skipped.length - ( this.o.skipped || [] ).length,
		};
		for ( const key in progress ) {
			if ( Object.prototype.hasOwnProperty.call( progress, key ) ) {
				( full as unknown as Record<string, unknown> )[ key ] = ( progress as Record<string, unknown> )[ key ];
			}
		}
		this.o.onProgress( full );
	}

	/** Waits while paused (writing the log first: the tab may be closed meanwhile). */
	private async whilePaused( stopped?: unknown ): Promise<void> {
		if ( !this.paused || this.cancelled ) {
			return;
		}
		await this.flush();
		while ( this.paused && !this.cancelled ) {
			this.emit( { phase: 'paused', stopped: stopped } );
			await new Promise<void>( ( resolve ) => {
				this.wake = resolve;
			} );
		}
	}

	/** Waits as the pacer says, unless paused or cancelled meanwhile. False: do not post now. */
	private async paced( user: string ): Promise<boolean> {
		for ( ;; ) {
			if ( this.cancelled || this.paused ) {
				return false;
			}
			const delay = this.pacer.delay( this.o.client.clock.now() );
			if ( delay <= 0 ) {
				return true;
			}
			this.emit( { phase: 'waiting', current: user, waitMs: delay, waitReason: 'pace' } );
			await this.wait( delay );
		}
	}

	/** A message of the program that reached the user since the review (another tab, another inviter). */
	private async sentMeanwhile( user: string ): Promise<Prior | null> {
		const read = await this.o.client.readPage( userTalkTitle( user ), { redirects: true } );
		const marks = read.exists ? parseInvitationMarkers( read.content || '' ) : [];
		const mine = marks.filter( ( m ) => m.program === this.o.program.id &&
			( m.kind === this.o.composition.option.id || !this.o.goOn ) );
		const last = mine[ mine.length - 1 ];
		return last ? { kind: last.kind, by: last.by, time: last.time, from: 'talk' } : null;
	}

	public async run(): Promise<BatchReport> {
		if ( this.running ) {
			throw new Error( 'BatchSender.run: already running' );
		}
		this.running = true;
		const clock = this.o.client.clock;
		const started = clock.now();
		if ( this.pacer.limit ) {
			this.pacer.seed( await recentEdits( this.o.client, this.o.composition.inviter, this.pacer.limit ) );
		}
		const random = this.o.random || Math.random;
		const users = this.o.users;
		let index = 0;
		this.emit( { phase: 'sending', current: users[ 0 ] } );
		while ( index < users.length && !this.cancelled ) {
			await this.whilePaused();
			if ( this.cancelled ) {
				break;
			}
			const user = users[ index ] as string;
			if ( !await this.paced( user ) ) {
				continue;
			}
			this.emit( { phase: 'sending', current: user, row: { user: user, state: 'sending' } } );
			try {
				const prior = await this.sentMeanwhile( user );
				if ( prior ) {
					const skip: Skip = prior.kind === this.o.composition.option.id ? { why: 'already', prior: prior } : { why: 'other', prior: prior };
					this.report.skipped.push( { user: user, skip: skip } );
					this.emit( { phase: 'sending', row: { user: user, state: 'skipped', skip: skip } } );
					index++;
					continue;
				}
				const time = isoSeconds( clock.now() );
				const post = composeFor( this.o.composition, user, time, postId( random ) );
				const posted = await postSection( this.o.client, post, this.o.composition.inviter );
				this.pacer.record( clock.now() );
				this.report.edits++;
				this.report.sent.push( { user: user, revid: posted.revid, title: posted.title } );
				const record = invitationRecord( this.o.composition, user, time, posted.revid );
				if ( record ) {
					this.pending.push( { user: user, record: record } );
				}
				this.emit( { phase: 'sending', row: { user: user, state: 'sent', revid: posted.revid } } );
				index++;
			} catch ( e ) {
				if ( isThrottled( e ) ) {
					await this.waitOut( e, user );
					continue;
				}
				if ( stopsBatch( e ) ) {
					// Every post would fail alike: pause, say why, and try this user again on resume.
					this.emit( { phase: 'sending', row: { user: user, state: 'waiting' } } );
					this.paused = true;
					await this.whilePaused( e );
					continue;
				}
				this.report.failed.push( { user: user, error: e } );
				this.emit( { phase: 'sending', row: { user: user, state: 'failed', error: e } } );
				index++;
			}
			if ( this.pending.length >= this.logEvery ) {
				await this.flush();
			}
		}
		for ( let i = index; i < users.length; i++ ) {
			this.report.skipped.push( { user: users[ i ] as string, skip: { why: 'cancelled' } } );
		}
		this.report.cancelled = this.cancelled && index < users.length;
		await this.flush();
		this.report.ms = clock.now() - started;
		this.emit( { phase: 'done' } );
		return this.report;
	}

	/** Waits out a rate limit or replication lag; it never counts as a failure. */
	private async waitOut( e: MentorshipError, user: string ): Promise<void> {
		const ratelimited = e.kind === 'ratelimited';
		if ( ratelimited ) {
			this.report.ratelimited++;
		}
		const ms = ratelimited ? this.pacer.backoff() : 1000 * ( e.details.retryAfter || 5 );
		this.emit( { phase: 'waiting', current: user, waitMs: ms, waitReason: ratelimited ? 'ratelimited' : 'maxlag' } );
		await this.wait( ms );
	}

	/** Writes the pending log records (paced, like any edit); what cannot be written is reported. */
	private async flush(): Promise<void> {
		while ( this.pending.length ) {
			const batch = this.pending;
			this.pending = [];
			const clock = this.o.client.clock;
			// The log is written even after cancel: what was sent must be recorded.
			for ( let delay = this.pacer.delay( clock.now() ); delay > 0; delay = this.pacer.delay( clock.now() ) ) {
				this.emit( { phase: 'waiting', waitMs: delay, waitReason: 'pace' } );
				await clock.sleep( delay );
			}
			this.emit( { phase: 'recording' } );
			const failed = await recordInvitations( this.o.store, this.o.program, batch.map( ( p ) => p.record ), this.o.logSummary, ( edits ) => {
				for ( let i = 0; i < edits; i++ ) {
					this.pacer.record( clock.now() );
				}
				this.report.edits += edits;
			} );
			const retry: { user: string; record: Invitation }[] = [];
			let wait: MentorshipError | null = null;
			for ( const f of failed ) {
				const e = f.error;
				if ( isThrottled( e ) ) {
					retry.push( { user: f.record.user, record: f.record } );
					wait = wait || e;
				} else {
					this.report.unrecorded.push( { user: f.record.user, error: e } );
				}
			}
			if ( wait ) {
				await this.waitOut( wait, '' );
				this.pending = retry.concat( this.pending );
			}
		}
	}
}
