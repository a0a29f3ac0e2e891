/**
 * Accounts on a local wiki, through the API as a person would make them: create (when
 * missing), add to groups (as the admin), log in, turn gadgets on.
 */

import { WikiClient } from '../../src/wiki/client';
import { FetchTransport } from '../../src/wiki/fetch-transport';
import { LocalWiki } from './localwiki';
import { userAgent } from './user-agent';

export interface Account {
	name: string;
	password: string;
	groups?: string[];
}

export interface Session {
	name: string;
	client: WikiClient;
	transport: FetchTransport;
}

export async function login( wiki: LocalWiki, name: string, password: string ): Promise<Session> {
	const transport = new FetchTransport( { api: wiki.api, userAgent: userAgent() } );
	const actual = await transport.login( name, password );
	return { name: actual, transport, client: new WikiClient( { transport } ) };
}

export async function adminSession( wiki: LocalWiki ): Promise<Session> {
	return login( wiki, wiki.admin.name, wiki.admin.password );
}

/**
 * Creates the accounts that do not exist yet and puts each in its groups. Returns the names created.
 *
 * @param wiki
 * @param accounts
 * @param admin
 */
export async function ensureAccounts( wiki: LocalWiki, accounts: Account[], admin?: Session ): Promise<string[]> {
	const anon = new WikiClient( { transport: new FetchTransport( { api: wiki.api, userAgent: userAgent() } ) } );
	const known = ( await anon.users( accounts.map( ( a ) => a.name ) ) ).users;
	const created: string[] = [];
	for ( const account of accounts ) {
		const info = known[ account.name ];
		if ( info && info.exists ) {
			continue;
		}
		const transport = new FetchTransport( { api: wiki.api, userAgent: userAgent() } );
		const token = await transport.token( 'createaccount' );
		const response = await transport.request( 'POST', {
			action: 'createaccount', format: 'json', formatversion: 2, errorformat: 'plaintext',
			username: account.name, password: account.password, retype: account.password,
			createreturnurl: wiki.server + '/', createtoken: token,
		} );
		const result = ( response.createaccount || {} ) as { status?: string; message?: string };
		if ( result.status !== 'PASS' ) {
			throw new Error( `Could not create ${ account.name }: ${ result.message || JSON.stringify( response ) }` );
		}
		created.push( account.name );
	}
	const withGroups = accounts.filter( ( a ) => a.groups && a.groups.length );
	if ( withGroups.length ) {
		const session = admin || await adminSession( wiki );
		for ( const account of withGroups ) {
			const info = known[ account.name ];
			const missing = ( account.groups || [] ).filter( ( g ) => !info || !info.groups.includes( g ) );
			if ( !missing.length ) {
				continue;
			}
			const token = await session.transport.token( 'userrights' );
			const response = await session.client.post( {
				action: 'userrights', user: account.name, add: missing, reason: 'Local wiki setup', token,
			} );
			if ( !response.userrights ) {
				throw new Error( `Could not set the groups of ${ account.name }` );
			}
		}
	}
	return created;
}

/**
 * Turns gadgets on (or off) for the logged-in user, as ticking them in Special:Preferences does.
 *
 * @param session
 * @param gadgets
 */
export async function setGadgets( session: Session, gadgets: Record<string, boolean> ): Promise<void> {
	const change = Object.keys( gadgets ).map( ( id ) => `gadget-${ id }=${ gadgets[ id ] ? '1' : '0' }` );
	await session.client.postWithToken( { action: 'options', change } );
}
