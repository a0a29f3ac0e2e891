/** The pace the wiki's edit limit allows a batch of messages, and how long a batch takes. */

export interface RateLimit {
	hits: number;
	seconds: number;
}

/**
 * Keeps edits within the wiki's edit limit. MediaWiki 1.39 counts edits in a sliding
 * window split in 30 buckets: at most `hits` edits in any `seconds`, measured from when an
 * edit was saved (the answer's arrival, which is at or after the wiki counted it), plus a
 * bucket and a second of margin. Bursts up to the limit go at once; then one edit as each
 * old one leaves the window.
 *
 * The limit a wiki reports is not always what it applies: MediaWiki 1.43 counts each API
 * edit twice (the API's permission check and the edit itself both count), so 8 a minute
 * means 4 edits. A `ratelimited` answer that comes right after a saved edit, when the pacer
 * thought there was room, means the wiki counts more than the pacer does: it halves the
 * edits it allows itself in the window.
 */
export class Pacer {
	public readonly limit: RateLimit | null;
	private readonly windowMs: number;
	private readonly times: number[] = [];
	private penaltyMs = 0;
	/** Edits the pacer allows itself in one window (the limit's hits, until the wiki says otherwise). */
	private hits: number;
	/** Halved already since the last saved edit. */
	private learnt = false;

	public constructor( limit?: RateLimit | null ) {
		this.limit = limit && limit.hits > 0 && limit.seconds > 0 ? limit : null;
		this.windowMs = this.limit ? this.limit.seconds * 1000 + Math.ceil( this.limit.seconds * 1000 / 30 ) + 1000 : 0;
		this.hits = this.limit ? this.limit.hits : 0;
	}

	/** Edits allowed in one window, as learnt so far. */
	public get allowed(): number {
		return this.hits;
	}

	/** Milliseconds to wait before the next edit. */
	public delay( now: number ): number {
		if ( !this.limit || this.times.length < this.hits ) {
			return 0;
		}
		const oldest = this.times[ this.times.length - this.hits ] as number;
		return Math.max( 0, oldest + this.windowMs - now );
	}

	/**
	 * Edits made before the pacer started (the user's latest contributions, in local
	 * time): they count against the same limit.
	 */
	public seed( times: number[] ): void {
		const all = this.times.concat( times ).sort( ( a, b ) => a - b );
		this.times.length = 0;
		all.forEach( ( t ) => this.record( t ) );
	}

	/** An edit was saved at `now`. */
	public record( now: number ): void {
		this.times.push( now );
		if ( this.limit && this.times.length > this.limit.hits ) {
			this.times.splice( 0, this.times.length - this.limit.hits );
		}
		this.penaltyMs = 0;
		this.learnt = false;
	}

	/**
	 * The wiki said `ratelimited` anyway (edits from another tab count too): how long to
	 * wait before trying again. Doubles each time, from one edit's share of the window up
	 * to the whole window.
	 */
	public backoff(): number {
		if ( this.limit && !this.penaltyMs && !this.learnt && this.hits > 1 ) {
			// The wiki refused an edit the pacer thought fitted: it counts more per edit.
			this.hits = Math.max( 1, Math.floor( this.hits / 2 ) );
			this.learnt = true;
		}
		const limit = this.limit || { hits: 8, seconds: 60 };
		const share = Math.max( 5000, Math.ceil( limit.seconds * 1000 / limit.hits ) );
		this.penaltyMs = this.penaltyMs ? Math.min( this.penaltyMs * 2, limit.seconds * 1000 + 2000 ) : share;
		return this.penaltyMs;
	}
}

/**
 * How long a batch of `posts` messages takes at best under `limit`, with a log edit after
 * every `logEvery` posts and one at the end (milliseconds; 0 without a limit).
 */
export function estimateBatchMs( posts: number, limit: RateLimit | null | undefined, logEvery: number ): number {
	if ( !limit || posts <= 0 ) {
		return 0;
	}
	const edits = posts + Math.ceil( posts / logEvery );
	const pacer = new Pacer( limit );
	let now = 0;
	for ( let i = 0; i < edits; i++ ) {
		now += pacer.delay( now );
		pacer.record( now );
	}
	return now;
}

// ---- The invitation log -----------------------------------------------------------------
