/**
 * Where each piece of state lives. Titles use canonical namespace names ("Project:",
 * "User:", "User talk:"), which every wiki accepts whatever its local names are.
 */

import { normalizeUserName } from './names';

export const PROGRAMS_PREFIX = 'Mentorship/Programs/';
export const PROJECT_NAMESPACE = 4;

export function programPrefix( programId: string ): string {
	return 'Project:' + PROGRAMS_PREFIX + programId + '/';
}

export function configTitle( programId: string ): string {
	return programPrefix( programId ) + 'config.json';
}

/** The roster, or with `shards` > 1 the shard page that holds `name`. */
export function rosterTitle( programId: string, shards?: number, name?: string ): string {
	if ( !shards || shards <= 1 ) {
		return programPrefix( programId ) + 'roster.json';
	}
	if ( name === undefined ) {
		throw new Error( 'rosterTitle: a sharded roster needs the member name' );
	}
	return rosterShardTitle( programId, shardOf( name, shards ) );
}

export function rosterShardTitle( programId: string, shard: number ): string {
	return programPrefix( programId ) + 'roster/' + shard + '.json';
}

export function profileTitle( name: string ): string {
	return 'User:' + normalizeUserName( name ) + '/mentorship.json';
}

export function userTalkTitle( name: string ): string {
	return 'User talk:' + normalizeUserName( name );
}

/* eslint-disable no-bitwise -- UTF-8 encoding and FNV-1a are bit operations. */
function utf8Bytes( s: string ): number[] {
	const bytes: number[] = [];
	for ( let i = 0; i < s.length; i++ ) {
		let c = s.charCodeAt( i );
		if ( c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ) {
			const d = s.charCodeAt( i + 1 );
			if ( d >= 0xdc00 && d <= 0xdfff ) {
				c = 0x10000 + ( ( c - 0xd800 ) << 10 ) + ( d - 0xdc00 );
				i++;
			}
		}
		if ( c < 0x80 ) {
			bytes.push( c );
		} else if ( c < 0x800 ) {
			bytes.push( 0xc0 | ( c >> 6 ), 0x80 | ( c & 63 ) );
		} else if ( c < 0x10000 ) {
			bytes.push( 0xe0 | ( c >> 12 ), 0x80 | ( ( c >> 6 ) & 63 ), 0x80 | ( c & 63 ) );
		} else {
			bytes.push( 0xf0 | ( c >> 18 ), 0x80 | ( ( c >> 12 ) & 63 ), 0x80 | ( ( c >> 6 ) & 63 ), 0x80 | ( c & 63 ) );
		}
	}
	return bytes;
}

/** 32-bit FNV-1a of the UTF-8 bytes of a string, as an unsigned integer. */
export function fnv1a( s: string ): number {
	let hash = 0x811c9dc5;
	const bytes = utf8Bytes( s );
	for ( let i = 0; i < bytes.length; i++ ) {
		hash ^= bytes[ i ] as number;
		// hash * 16777619, kept in 32 bits without losing precision
		hash = ( hash + ( hash << 1 ) + ( hash << 4 ) + ( hash << 7 ) + ( hash << 8 ) + ( hash << 24 ) ) >>> 0;
	}
	return hash >>> 0;
}

/* eslint-enable no-bitwise */

/** The shard of a member: FNV-1a of the display-form name, modulo the shard count. */
export function shardOf( name: string, shards: number ): number {
	return fnv1a( normalizeUserName( name ) ) % shards;
}
