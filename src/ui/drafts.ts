/**
 * Drafts: what a user typed survives a closed tab or a crash, until it is sent. Kept in
 * the browser's local storage (mw.storage) for 30 days, per user and purpose.
 */

import { KeyValueStorage } from './env';

const EXPIRY = 30 * 24 * 3600;

export class Drafts<T> {
	private readonly storage: KeyValueStorage;
	private readonly key: string;
	private timer: ReturnType<typeof setTimeout> | null = null;

	public constructor( storage: KeyValueStorage, purpose: string, user: string ) {
		this.storage = storage;
		this.key = 'mg-draft-' + purpose + '-' + user;
	}

	public load(): T | null {
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
		if ( this.timer ) {
			clearTimeout( this.timer );
			this.timer = null;
		}
		this.storage.set( this.key, JSON.stringify( value ), EXPIRY );
	}

	/** Saves a little later (while the user types). */
	public saveSoon( value: T ): void {
		if ( this.timer ) {
			clearTimeout( this.timer );
		}
		this.timer = setTimeout( () => {
			this.timer = null;
			this.save( value );
		}, 400 );
	}

	public clear(): void {
		if ( this.timer ) {
			clearTimeout( this.timer );
			this.timer = null;
		}
		this.storage.remove( this.key );
	}
}
