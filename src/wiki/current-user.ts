/**
 * The logged-in user and the edit rate limit that applies to them: a query of the
 * console's matcher and the batch invitations (and of the tests), apart from WikiClient
 * so that the other features' first clicks do not load it.
 */

import { asRecord, WikiClient } from './client';

export interface CurrentUser {
	name: string;
	id: number;
	anon: boolean;
	groups: string[];
	rights: string[];
	/** Edit rate limit that applies to this user: edits per period seconds; absent when none. */
	editLimit?: { hits: number; seconds: number };
}

/**
 * The logged-in user: name, groups, rights and the edit rate limit that applies, in API
 * edits (the wiki's release tells how many hits one API edit costs: hitsPerApiEdit).
 */
export async function currentUser( client: WikiClient ): Promise<CurrentUser> {
	const response = await client.get( { action: 'query', meta: 'userinfo|siteinfo', uiprop: 'groups|rights|ratelimits', siprop: 'general' } );
	const info = asRecord( asRecord( response.query ).userinfo );
	const general = asRecord( asRecord( response.query ).general );
	const user: CurrentUser = {
		name: String( info.name ),
		id: Number( info.id ),
		anon: !!info.anon,
		groups: Array.isArray( info.groups ) ? info.groups.map( String ) : [],
		rights: Array.isArray( info.rights ) ? info.rights.map( String ) : [],
	};
	const limit = strictestLimit( asRecord( asRecord( info.ratelimits ).edit ) );
	if ( limit ) {
		const cost = hitsPerApiEdit( String( general.generator || '' ) );
		user.editLimit = { hits: Math.max( 1, Math.floor( limit.hits / cost ) ), seconds: limit.seconds };
	}
	return user;
}

/**
 * How many hits of the `edit` rate limit one API edit costs. MediaWiki 1.41 to 1.43 count an
 * API edit twice (the API's permission check and the edit itself each ping the limiter:
 * measured on 1.43.9, where 8 edits a minute let 4 through); 1.39 counts it once. Unknown
 * releases count once, and the batch sender's pacer learns from a refusal (Pacer.backoff).
 *
 * @param generator siteinfo's generator, "MediaWiki 1.43.9"
 */
export function hitsPerApiEdit( generator: string ): number {
	return /^MediaWiki 1\.4[1-3](\.|-|$)/.test( generator ) ? 2 : 1;
}

/** The strictest of the edit limits the wiki reports (per user, IP, subnet or group). */
export function strictestLimit( limits: Record<string, unknown> ): { hits: number; seconds: number } | undefined {
	let best: { hits: number; seconds: number } | undefined;
	for ( const key in limits ) {
		if ( Object.prototype.hasOwnProperty.call( limits, key ) ) {
			const l = asRecord( limits[ key ] );
			const hits = Number( l.hits );
			const seconds = Number( l.seconds );
			if ( hits > 0 && seconds > 0 && ( !best || seconds / hits > best.seconds / best.hits ) ) {
				best = { hits: hits, seconds: seconds };
			}
		}
	}
	return best;
}
