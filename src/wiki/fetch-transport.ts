/**
 * A Transport over fetch with its own cookie jar, for Node: deploy, scripts, tests and
 * benchmarks. Logs in with a BotPassword (or a main password, on wikis that still allow
 * it through action=login) or sends an OAuth 2 access token.
 */

import { ApiParams, ApiResponse, encodeParams, TokenType, Transport, TransportFailure } from './transport';

export interface FetchTransportOptions {
	/** Full URL of api.php. */
	api: string;
	/** OAuth 2 access token, sent as a Bearer header (then no login is needed). */
	accessToken?: string;
	userAgent?: string;
	timeoutMs?: number;
}

interface Cookie {
	value: string;
}

function failure( f: TransportFailure ): TransportFailure {
	return f;
}

export class FetchTransport implements Transport {
	public readonly api: string;
	private readonly cookies: Record<string, Cookie> = {};
	private readonly tokens: Partial<Record<TokenType, string>> = {};
	private readonly accessToken: string | undefined;
	private readonly userAgent: string;
	private readonly timeoutMs: number;

	public constructor( options: FetchTransportOptions ) {
		this.api = options.api;
		this.accessToken = options.accessToken;
		this.userAgent = options.userAgent || 'mentorship-gadgets/1.0 (Node.js)';
		this.timeoutMs = options.timeoutMs || 60000;
	}

	private cookieHeader(): string {
		return Object.keys( this.cookies ).map( ( name ) => name + '=' + ( this.cookies[ name ] as Cookie ).value ).join( '; ' );
	}

	private storeCookies( headers: Headers ): void {
		const list: string[] = typeof headers.getSetCookie === 'function' ? headers.getSetCookie() : [];
		for ( const line of list ) {
			const first = line.split( ';' )[ 0 ] || '';
			const eq = first.indexOf( '=' );
			if ( eq <= 0 ) {
				continue;
			}
			const name = first.slice( 0, eq ).trim();
			const value = first.slice( eq + 1 ).trim();
			const expired = /expires=([^;]+)/i.exec( line );
			if ( value === '' || value === 'deleted' || ( expired && Date.parse( expired[ 1 ] as string ) < Date.now() ) ) {
				delete this.cookies[ name ];
			} else {
				this.cookies[ name ] = { value: value };
			}
		}
	}

	/** Drops the session cookies (a session that expired, for tests). */
	public clearCookies(): void {
		for ( const name of Object.keys( this.cookies ) ) {
			delete this.cookies[ name ];
		}
		for ( const type of Object.keys( this.tokens ) as TokenType[] ) {
			delete this.tokens[ type ];
		}
	}

	public async request( method: 'GET' | 'POST', params: ApiParams ): Promise<ApiResponse> {
		const encoded = new URLSearchParams( encodeParams( params ) );
		const headers: Record<string, string> = {
			'User-Agent': this.userAgent,
			'Api-User-Agent': this.userAgent,
		};
		const cookie = this.cookieHeader();
		if ( cookie ) {
			headers.Cookie = cookie;
		}
		if ( this.accessToken ) {
			headers.Authorization = 'Bearer ' + this.accessToken;
		}
		let url = this.api;
		let body: string | undefined;
		if ( method === 'GET' ) {
			url += '?' + encoded.toString();
		} else {
			// The token goes last, as the API documentation asks.
			const token = encoded.get( 'token' );
			if ( token !== null ) {
				encoded.delete( 'token' );
				encoded.append( 'token', token );
			}
			body = encoded.toString();
			headers[ 'Content-Type' ] = 'application/x-www-form-urlencoded';
		}
		const controller = new AbortController();
		const timer = setTimeout( () => controller.abort(), this.timeoutMs );
		let response: Response;
		try {
			response = await fetch( url, { method: method, headers: headers, body: body, signal: controller.signal, redirect: 'follow' } );
		} catch ( e ) {
			clearTimeout( timer );
			const aborted = controller.signal.aborted;
			throw failure( { failure: aborted ? 'timeout' : 'network', detail: e instanceof Error ? e.message : String( e ) } );
		}
		let text: string;
		try {
			text = await response.text();
		} catch ( e ) {
			throw failure( { failure: controller.signal.aborted ? 'timeout' : 'network', detail: e instanceof Error ? e.message : String( e ) } );
		} finally {
			clearTimeout( timer );
		}
		this.storeCookies( response.headers );
		if ( !response.ok ) {
			const retryAfter = Number( response.headers.get( 'Retry-After' ) );
			const f: TransportFailure = { failure: 'http', status: response.status, detail: 'HTTP ' + response.status };
			if ( retryAfter > 0 ) {
				f.retryAfter = retryAfter;
			}
			throw failure( f );
		}
		try {
			return JSON.parse( text ) as ApiResponse;
		} catch ( e ) {
			throw failure( { failure: 'parse', status: response.status, detail: text.slice( 0, 200 ) } );
		}
	}

	public async token( type: TokenType ): Promise<string> {
		const cached = this.tokens[ type ];
		if ( cached ) {
			return cached;
		}
		const response = await this.request( 'GET', { action: 'query', meta: 'tokens', type: type, format: 'json', formatversion: 2 } );
		const tokens = ( ( response.query || {} ) as { tokens?: Record<string, string> } ).tokens || {};
		const token = tokens[ type + 'token' ];
		if ( !token ) {
			throw failure( { failure: 'parse', detail: 'no ' + type + ' token in the response' } );
		}
		this.tokens[ type ] = token;
		return token;
	}

	public badToken( type: TokenType ): void {
		delete this.tokens[ type ];
	}

	/**
	 * Logs in with action=login: a BotPassword ("User@bot") or, on wikis that allow it, a
	 * main password. Throws with the wiki's reason on failure.
	 */
	public async login( username: string, password: string ): Promise<string> {
		const loginToken = await this.token( 'login' );
		const response = await this.request( 'POST', {
			action: 'login',
			lgname: username,
			lgpassword: password,
			lgtoken: loginToken,
			format: 'json',
			formatversion: 2,
			errorformat: 'plaintext',
		} );
		this.badToken( 'login' );
		this.badToken( 'csrf' );
		const result = ( response.login || {} ) as { result?: string; lgusername?: string; reason?: string | { text?: string } };
		if ( result.result !== 'Success' ) {
			const reason = typeof result.reason === 'string' ? result.reason : ( result.reason && result.reason.text ) || result.result || 'unknown';
			throw new Error( 'Login as ' + username + ' failed: ' + reason );
		}
		return result.lgusername || username;
	}

	public async logout(): Promise<void> {
		const token = await this.token( 'csrf' );
		await this.request( 'POST', { action: 'logout', token: token, format: 'json', formatversion: 2 } );
		this.clearCookies();
	}
}
