/**
 * Drafts: what a user typed survives a closed tab or a crash, until it is sent. Kept in
 * the browser's local storage (mw.storage) for 30 days, per user and purpose.
 */

import { KeyValueStorage } from './env';

const EXPIRY = 30 * 24 * 3600;

/** By storage key, the save that a typing pause still holds back (of any dialog, open or closed). */
const held: Record<string, () => void> = {};

export class Drafts<T> {
	private readonly storage: KeyValueStorage;
	private readonly key: string;
	private timer: ReturnType<typeof setTimeout> | null = null;
	/** What saveSoon holds until its timer fires. */
	private pending: T | null = null;

	public constructor( storage: KeyValueStorage, purpose: string, user: string ) {
		this.storage = storage;
		this.key = 'mg-draft-' + purpose + '-' + user;
	}

	/** The draft, with what was typed a moment ago (a dialog closed and opened at once keeps it). */
	public load(): T | null {
		const hold = Object.prototype.hasOwnProperty.call( held, this.key ) ? held[ this.key ] : undefined;
		if ( hold ) {
			hold();
		}
		const raw = this.storage.get( this.key );
		if ( !raw ) {
			return null;
		}
		try {
			return JSON.parse( raw ) as T;
		} catch ( e ) {
			return null;
		}
	}

	/** Saves now. */
	public save( value: T ): void {
		this.cancelTimer();
		this.storage.set( this.key, JSON.stringify( value ), EXPIRY );
	}

	/** Saves a little later (while the user types). */
	public saveSoon( value: T ): void {
		this.cancelTimer();
		this.pending = value;
		held[ this.key ] = () => this.flush();
		this.timer = setTimeout( () => {
			this.flush();
		}, 400 );
	}

	/** Saves what saveSoon holds, now. */
	public flush(): void {
		const value = this.pending;
		if ( value !== null ) {
			this.save( value );
		}
	}

	public clear(): void {
		this.cancelTimer();
		this.storage.remove( this.key );
	}

	private cancelTimer(): void {
		if ( this.timer ) {
			clearTimeout( this.timer );
			this.timer = null;
		}
		if ( this.pending !== null ) {
			delete held[ this.key ];
		}
		this.pending = null;
	}
}
