/**
 * Reading a program's config through the trust chain (core/trust.ts): the list of the
 * page's revisions (ids and authors, 500 a request, with the page's protection), then the
 * content of the revisions that may count, 50 a request. A page edited only by its
 * coordinators costs two requests; each vandal edit costs no content request.
 */

import { configSchema, ProgramConfig } from '../core/format';
import { parseJson } from '../core/json';
import { validate } from '../core/schema';
import { RevisionContents, RevisionMeta, TrustChain, walkTrustChain } from '../core/trust';
import { asArray, asRecord, WikiClient } from './client';

export interface TrustedConfig extends TrustChain {
	/** The page's latest revision. */
	latest?: number;
	/** The page's protections (type and level). */
	protection: { type: string; level: string }[];
	/** Requests this read took. */
	requests: number;
}

function configOf( slot: Record<string, unknown> ): ProgramConfig | null {
	if ( slot.contentmodel !== 'json' || typeof slot.content !== 'string' ) {
		return null;
	}
	const parsed = parseJson( slot.content );
	if ( !parsed.ok ) {
		return null;
	}
	const checked = validate( configSchema, parsed.value );
	return checked.ok ? checked.value : null;
}

/** Reads `title`'s config as its coordinators made it. */
export async function readTrustedConfig( client: WikiClient, title: string ): Promise<TrustedConfig> {
	const revisions: RevisionMeta[] = [];
	const protection: { type: string; level: string }[] = [];
	let requests = 0;
	await client.queryAll( {
		prop: 'revisions|info', titles: title, rvprop: 'ids|user|timestamp', rvdir: 'newer', rvlimit: 'max', inprop: 'protection',
	}, ( response ) => {
		requests++;
		for ( const page of asArray( asRecord( response.query ).pages ) ) {
			for ( const p of asArray( page.protection ) ) {
				protection.push( { type: String( p.type ), level: String( p.level ) } );
			}
			for ( const r of asArray( page.revisions ) ) {
				const meta: RevisionMeta = { revid: Number( r.revid ), parentid: Number( r.parentid ), timestamp: String( r.timestamp ) };
				if ( typeof r.user === 'string' && !r.userhidden ) {
					meta.user = r.user;
				}
				revisions.push( meta );
			}
		}
	} );
	const contents: RevisionContents = {};
	for ( let round = 0; round < 1000; round++ ) {
		const step = walkTrustChain( revisions, contents );
		if ( !( 'need' in step ) ) {
			const result: TrustedConfig = { config: step.config, ignored: step.ignored, protection: protection, requests: requests };
			if ( step.revid !== undefined ) {
				result.revid = step.revid;
			}
			if ( revisions.length ) {
				result.latest = ( revisions[ revisions.length - 1 ] as RevisionMeta ).revid;
			}
			return result;
		}
		const response = await client.get( {
			action: 'query', prop: 'revisions', revids: step.need, rvprop: 'ids|content|contentmodel', rvslots: 'main',
		}, title );
		requests++;
		for ( const id of step.need ) {
			contents[ String( id ) ] = null;
		}
		for ( const page of asArray( asRecord( response.query ).pages ) ) {
			for ( const r of asArray( page.revisions ) ) {
				contents[ String( r.revid ) ] = configOf( asRecord( asRecord( r.slots ).main ) );
			}
		}
	}
	throw new Error( 'trust chain did not end' );
}

/** Somewhere to keep what the chain found (the user's own local storage in the browser). */
export interface TrustStore {
	get( key: string ): string | null;
	set( key: string, value: string, expirySeconds?: number ): void;
}

/**
 * The config in force (or null: none), from `store` when the chain was read for the same
 * latest revision (no request), or read and kept there. The store is the user's own (their browser's local
 * storage): nobody else can put anything in it.
 */
export function trustedConfigCached( client: WikiClient, title: string, latest: number | undefined, store?: TrustStore ): Promise<ProgramConfig | null> {
	// (Not an async function: its ES5 is smaller, and it ships with the dialogs' first clicks.)
	const key = 'mentorship-trust:' + title;
	if ( store && latest !== undefined ) {
		const kept = store.get( key );
		if ( kept ) {
			try {
				const parsed = JSON.parse( kept ) as { latest?: unknown; config?: unknown };
				if ( parsed.latest === latest ) {
					if ( parsed.config === null ) {
						// No revision holds a valid config: nothing to trust, for this revision too.
						return Promise.resolve( null );
					}
					const checked = validate( configSchema, parsed.config );
					if ( checked.ok ) {
						return Promise.resolve( checked.value );
					}
				}
			} catch ( e ) {
				// A damaged entry is read again.
			}
		}
	}
	return readTrustedConfig( client, title ).then( ( trusted ) => {
		if ( store && trusted.latest !== undefined ) {
			store.set( key, JSON.stringify( { latest: trusted.latest, config: trusted.config } ), 30 * 86400 );
		}
		return trusted.config;
	} );
}
