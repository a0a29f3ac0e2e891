/**
 * The batch sender: messages to many users, keeping to the wiki's edit limit, waiting out
 * `ratelimited` and maxlag, going on past a failure, paused by what stops every post alike
 * (the error policy of src/core/errors.ts), resumed and cancelled, and ending with a report.
 */

import { isThrottled, MentorshipError, stopsBatch } from '../core/errors';
import { Invitation } from '../core/format';
import { userTalkTitle } from '../core/titles';
import { Prior, Skip } from '../core/welcome/eligibility';
import { parseInvitationMarkers } from '../core/welcome/markers';
import { composeFor, Composition, invitationRecord } from '../core/welcome/messages';
import { Pacer, RateLimit } from '../core/welcome/pacing';
import { WikiClient } from './client';
import { postSection } from './posting';
import { isoSeconds } from '../core/dates';
import { Store } from './store';
import { postId, recentEdits, recordInvitations, WelcomeProgram } from './welcome';

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
