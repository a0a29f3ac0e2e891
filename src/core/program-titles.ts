/**
 * Titles that only some features need (a program's roster shards, its invitation logs,
 * the program a page belongs to): apart from titles.ts so that the ask dialog's first
 * click does not load them.
 */

import { isId } from './ids';
import { PROGRAMS_PREFIX, programPrefix, rosterShardTitle, rosterTitle, shardOf } from './titles';

export function rosterTitles( programId: string, shards?: number ): string[] {
	if ( !shards || shards <= 1 ) {
		return [ rosterTitle( programId ) ];
	}
	const titles: string[] = [];
	for ( let i = 0; i < shards; i++ ) {
		titles.push( rosterShardTitle( programId, i ) );
	}
	return titles;
}

/** `month` is YYYY-MM (UTC). */
export function invitationLogTitle( programId: string, month: string, shards?: number, name?: string ): string {
	const base = programPrefix( programId ) + 'invitations/' + month;
	if ( !shards || shards <= 1 ) {
		return base + '.json';
	}
	if ( name === undefined ) {
		throw new Error( 'invitationLogTitle: a sharded log needs the invitee name' );
	}
	return base + '/' + shardOf( name, shards ) + '.json';
}

export function monthOf( isoTimestamp: string ): string {
	return isoTimestamp.slice( 0, 7 );
}

/**
 * The program id of a page under the programs prefix, given the page's title as the wiki
 * reports it (with the local project namespace name), or null.
 */
export function programIdOf( pageTitle: string ): string | null {
	const at = pageTitle.indexOf( ':' + PROGRAMS_PREFIX );
	if ( at === -1 ) {
		return null;
	}
	const rest = pageTitle.slice( at + 1 + PROGRAMS_PREFIX.length );
	const slash = rest.indexOf( '/' );
	const id = slash > 0 ? rest.slice( 0, slash ) : null;
	return id !== null && isId( id ) ? id : null;
}

/**
 * A program id as given from outside (the URL's ?program=, a div's data-program, a user
 * option), or null when it does not match the id pattern: it never reaches a title or a link.
 */
export function programIdFrom( value: unknown ): string | null {
	return isId( value ) ? value : null;
}
