/**
 * Fakes for the wiki layer's tests: a scripted Transport that records every request,
 * and a clock whose sleeps return at once and are recorded.
 */

import { Clock } from '../../../src/wiki/client';
import { ApiParams, ApiResponse, TokenType, Transport, TransportFailure } from '../../../src/wiki/transport';

export interface Call {
	method: 'GET' | 'POST';
	params: ApiParams;
}

export type Handler = ( call: Call, index: number ) => ApiResponse | Promise<ApiResponse>;

/** A parameter that the client may send as a list or as a "|"-joined string. */
export function listParam( value: unknown ): string[] {
	if ( value === undefined || value === null || value === false ) {
		return [];
	}
	if ( Array.isArray( value ) ) {
		return value.map( String );
	}
	return String( value ).split( '|' );
}

export class ScriptedTransport implements Transport {
	public readonly calls: Call[] = [];
	public tokenRequests = 0;
	public badTokens: TokenType[] = [];
	public tokenFailure: TransportFailure | null = null;
	private handler: Handler;
	private tokenVersion = 1;

	public constructor( handler: Handler ) {
		this.handler = handler;
	}

	public async request( method: 'GET' | 'POST', params: ApiParams ): Promise<ApiResponse> {
		const call = { method: method, params: { ...params } };
		this.calls.push( call );
		return this.handler( call, this.calls.length - 1 );
	}

	public async token( type: TokenType ): Promise<string> {
		this.tokenRequests++;
		if ( this.tokenFailure ) {
			throw this.tokenFailure;
		}
		return type + '-token-' + this.tokenVersion + '+\\';
	}

	public badToken( type: TokenType ): void {
		this.badTokens.push( type );
		this.tokenVersion++;
	}
}

export class FakeClock implements Clock {
	public time = Date.parse( '2026-01-20T12:00:00Z' );
	public readonly sleeps: number[] = [];

	public now(): number {
		return this.time;
	}

	public async sleep( ms: number ): Promise<void> {
		this.sleeps.push( ms );
		this.time += ms;
	}
}

export function apiError( code: string, text?: string, data?: Record<string, unknown> ): ApiResponse {
	const item: { code: string; text: string; module: string; data?: Record<string, unknown> } = {
		code: code, text: text === undefined ? 'Error ' + code : text, module: 'main',
	};
	if ( data ) {
		item.data = data;
	}
	return { errors: [ item ] };
}

export const networkDown: TransportFailure = { failure: 'network', detail: 'connection reset' };
