/**
 * JSON helpers shared by the data format and the store: plain-object checks, deep
 * equality and cloning, and serialisation in the layout MediaWiki stores JSON pages in.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
	[ key: string ]: JsonValue;
}

const hasOwn = Object.prototype.hasOwnProperty;

export function isPlainObject( value: unknown ): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray( value );
}

export function own( object: object, key: string ): boolean {
	return hasOwn.call( object, key );
}

/** Structural equality of JSON values (key order does not matter). */
export function deepEqual( a: unknown, b: unknown ): boolean {
	if ( a === b ) {
		return true;
	}
	if ( Array.isArray( a ) ) {
		if ( !Array.isArray( b ) || a.length !== b.length ) {
			return false;
		}
		for ( let i = 0; i < a.length; i++ ) {
			if ( !deepEqual( a[ i ], b[ i ] ) ) {
				return false;
			}
		}
		return true;
	}
	if ( isPlainObject( a ) && isPlainObject( b ) ) {
		const keysA = Object.keys( a ).filter( ( k ) => a[ k ] !== undefined );
		const keysB = Object.keys( b ).filter( ( k ) => b[ k ] !== undefined );
		if ( keysA.length !== keysB.length ) {
			return false;
		}
		for ( const key of keysA ) {
			if ( !own( b, key ) || !deepEqual( a[ key ], b[ key ] ) ) {
				return false;
			}
		}
		return true;
	}
	return false;
}

/** A deep copy of a JSON value (undefined members are dropped, as JSON would). */
export function clone<T>( value: T ): T {
	return value === undefined ? value : JSON.parse( JSON.stringify( value ) ) as T;
}

/**
 * Serialise as MediaWiki's JSON content handler stores it (tab-indented), so that what
 * we send and what the wiki keeps differ as little as possible and its line-based
 * merges line up with ours.
 */
export function toPageText( value: unknown ): string {
	return JSON.stringify( value, null, '\t' );
}

export type ParseResult = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJson( text: string ): ParseResult {
	try {
		return { ok: true, value: JSON.parse( text ) };
	} catch ( e ) {
		return { ok: false, error: e instanceof Error ? e.message : String( e ) };
	}
}
