/**
 * The browser Transport: mw.Api, with the page's session, its cached tokens and the
 * wiki's own URL. API errors come back as responses (the client maps them); only
 * failures below the API reject.
 */

import { ApiParams, ApiResponse, TokenType, Transport, TransportFailure } from './transport';

interface MwApiLike {
	ajax( parameters: Record<string, unknown>, ajaxOptions?: Record<string, unknown> ): JQuery.Promise<unknown>;
	getToken( type: string ): JQuery.Promise<string>;
	badToken( type: string ): void;
}

function toPlainParams( params: ApiParams ): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for ( const key in params ) {
		if ( Object.prototype.hasOwnProperty.call( params, key ) ) {
			const value = params[ key ];
			if ( value !== undefined && value !== null && value !== false ) {
				out[ key ] = value;
			}
		}
	}
	return out;
}

function httpFailure( details: unknown ): TransportFailure {
	const d = ( details || {} ) as { textStatus?: string; exception?: string; xhr?: { status?: number } };
	const status = d.xhr && d.xhr.status;
	if ( d.textStatus === 'timeout' ) {
		return { failure: 'timeout', detail: 'timeout' };
	}
	if ( d.textStatus === 'parsererror' ) {
		return { failure: 'parse', detail: 'parsererror' };
	}
	if ( status ) {
		return { failure: 'http', status: status, detail: 'HTTP ' + status + ( d.exception ? ' ' + d.exception : '' ) };
	}
	return { failure: 'network', detail: d.textStatus || 'error' };
}

export class MwApiTransport implements Transport {
	private readonly api: MwApiLike;
	private readonly timeoutMs: number;

	public constructor( api: MwApiLike, timeoutMs = 60000 ) {
		this.api = api;
		this.timeoutMs = timeoutMs;
	}

	public request( method: 'GET' | 'POST', params: ApiParams ): Promise<ApiResponse> {
		const api = this.api;
		const timeout = this.timeoutMs;
		return new Promise( ( resolve, reject ) => {
			api.ajax( toPlainParams( params ), { type: method, timeout: timeout } ).then(
				( result ) => {
					resolve( result as ApiResponse );
				},
				( code: string, result: unknown ) => {
					if ( code === 'http' ) {
						reject( httpFailure( result ) );
					} else if ( result && typeof result === 'object' && ( result as ApiResponse ).errors ) {
						// An API error: the client maps it.
						resolve( result as ApiResponse );
					} else {
						reject( { failure: 'parse', detail: code } as TransportFailure );
					}
				},
			);
		} );
	}

	public token( type: TokenType ): Promise<string> {
		const api = this.api;
		return new Promise( ( resolve, reject ) => {
			api.getToken( type ).then( resolve, ( code: string, result: unknown ) => {
				reject( code === 'http' ? httpFailure( result ) : { failure: 'parse', detail: code } as TransportFailure );
			} );
		} );
	}

	public badToken( type: TokenType ): void {
		this.api.badToken( type );
	}
}
