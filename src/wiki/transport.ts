/**
 * The one seam between this code and a wiki: a Transport sends Action API requests.
 * In the browser it is mw.Api (mw-transport.ts); in Node, fetch with a cookie jar
 * (fetch-transport.ts). Everything else (error mapping, retries, batching) is shared
 * and lives in client.ts.
 */

export type ApiValue = string | number | boolean | readonly string[] | readonly number[] | undefined | null;
export type ApiParams = Record<string, ApiValue>;

export interface ApiErrorItem {
	code: string;
	text?: string;
	module?: string;
	data?: Record<string, unknown>;
}

export interface ApiResponse {
	errors?: ApiErrorItem[];
	warnings?: ApiErrorItem[];
	batchcomplete?: boolean;
	continue?: Record<string, string>;
	[ key: string ]: unknown;
}

export type TokenType = 'csrf' | 'watch' | 'login' | 'createaccount' | 'userrights' | 'rollback' | 'patrol';

export interface TransportFailure {
	/** What went wrong below the API: no answer, a timeout, an HTTP error or a body that is not JSON. */
	failure: 'network' | 'timeout' | 'http' | 'parse';
	status?: number;
	detail?: string;
	/** Seconds the server asked us to wait (Retry-After). */
	retryAfter?: number;
}

export interface Transport {
	/**
	 * Sends a request. Resolves with the decoded response, API errors included (the client
	 * maps them); rejects only with a TransportFailure.
	 */
	request( method: 'GET' | 'POST', params: ApiParams ): Promise<ApiResponse>;
	/** A token of the given type (cached until badToken). */
	token( type: TokenType ): Promise<string>;
	/** Forget a cached token, after the wiki refused it. */
	badToken( type: TokenType ): void;
}

export function isTransportFailure( e: unknown ): e is TransportFailure {
	return typeof e === 'object' && e !== null && typeof ( e as TransportFailure ).failure === 'string';
}

/**
 * Encode parameters as mw.Api does: lists joined with "|" (or, when a value holds a
 * "|", with U+001F and a leading U+001F), true as "1", false/undefined/null left out.
 */
export function encodeParams( params: ApiParams ): Record<string, string> {
	const out: Record<string, string> = {};
	for ( const key in params ) {
		if ( !Object.prototype.hasOwnProperty.call( params, key ) ) {
			continue;
		}
		const value = params[ key ];
		if ( value === undefined || value === null || value === false ) {
			continue;
		}
		if ( value === true ) {
			out[ key ] = '1';
		} else if ( typeof value === 'object' ) {
			const items = ( value as readonly ( string | number )[] ).map( String );
			const needsUnitSeparator = items.some( ( item ) => item.indexOf( '|' ) !== -1 );
			out[ key ] = needsUnitSeparator ? '\u001f' + items.join( '\u001f' ) : items.join( '|' );
		} else {
			out[ key ] = String( value );
		}
	}
	return out;
}
