/** Whether a user may be sent a message, and why not: earlier messages, the account, the page. */

import { InvitationLog, Role } from '../format';
import { normalizeUserName } from '../names';
import { denies } from '../wikitext';
import { AnonymousPolicy, Audience, offeredTo, TOOL_NAME } from './messages';
import { parseInvitationMarkers } from './markers';

/** An earlier message of the program to this user, from a talk-page marker or the log. */
export interface Prior {
	kind: string;
	by: string;
	time: string;
	from: 'talk' | 'log';
	revid?: number;
}

/** The program's earlier messages to `user`, oldest first (one entry per message, even when both sources tell). */
export function priorInvitations( programId: string, user: string, talkText: string | null, logs: ( InvitationLog | null )[] ): Prior[] {
	const out: Prior[] = [];
	const seen: Record<string, true> = {};
	const add = ( prior: Prior ): void => {
		const key = prior.kind + '|' + prior.by + '|' + prior.time;
		if ( !seen[ key ] ) {
			seen[ key ] = true;
			out.push( prior );
		}
	};
	for ( const mark of talkText ? parseInvitationMarkers( talkText ) : [] ) {
		if ( mark.program === programId ) {
			add( { kind: mark.kind, by: mark.by, time: mark.time, from: 'talk' } );
		}
	}
	for ( const log of logs ) {
		for ( const record of log ? log.invitations : [] ) {
			if ( record.user === user ) {
				add( { kind: record.kind, by: record.by, time: record.time, from: 'log', revid: record.revid } );
			}
		}
	}
	return out.sort( ( a, b ) => a.time < b.time ? -1 : a.time > b.time ? 1 : 0 );
}

/** What the checks found out about a user. */
export interface UserFacts {
	name: string;
	/** A name MediaWiki accepts (an account name, an IP address or a temporary account). */
	valid: boolean;
	/** The account exists (always true for an IP address). */
	exists: boolean;
	/** An editor without an account: an IP address or a temporary account. */
	anonymous: boolean;
	bot: boolean;
	/** A sitewide block (a partial block does not stop a welcome). */
	block?: { by: string; expiry: string; reason: string };
	/** The talk page's wikitext (null when it does not exist). */
	talk: string | null;
	prior: Prior[];
	/** The account's edits and registration time, when the wiki tells. */
	editcount?: number;
	registration?: string | null;
	/** A current member of the program, by their own profile (which only they can write). */
	member?: Role;
}

export type Skip =
	{ why: 'invalid' } |
	{ why: 'missing' } |
	{ why: 'self' } |
	{ why: 'bot' } |
	/** Already a mentor or a mentee of the program. */
	{ why: 'member'; role: Role } |
	{ why: 'blocked'; by: string; expiry: string } |
	/** The program does not message editors without an account. */
	{ why: 'anonymous' } |
	/** The chosen message is not meant for this kind of account. */
	{ why: 'audience' } |
	/** {{nobots}} or a {{bots}} that denies us on the talk page. */
	{ why: 'optout' } |
	/** The same kind of message was sent before. */
	{ why: 'already'; prior: Prior } |
	/** Another kind of message was sent before, and the inviter did not choose to go on. */
	{ why: 'other'; prior: Prior } |
	/** Not sent: the inviter stopped the batch first. */
	{ why: 'cancelled' };

/** Why nothing may be posted to this user whatever the message, or null. */
export function accountSkip( facts: UserFacts, inviter: string, policy: AnonymousPolicy ): Skip | null {
	if ( !facts.valid ) {
		return { why: 'invalid' };
	}
	if ( !facts.exists ) {
		return { why: 'missing' };
	}
	if ( facts.name === inviter ) {
		return { why: 'self' };
	}
	if ( facts.member ) {
		return { why: 'member', role: facts.member };
	}
	if ( facts.bot ) {
		return { why: 'bot' };
	}
	if ( facts.block ) {
		return { why: 'blocked', by: facts.block.by, expiry: facts.block.expiry };
	}
	if ( facts.anonymous && policy === 'refuse' ) {
		return { why: 'anonymous' };
	}
	if ( facts.talk !== null && denies( facts.talk, TOOL_NAME ) ) {
		return { why: 'optout' };
	}
	return null;
}

/** The latest earlier message of this kind, if any. */
export function priorOfKind( facts: UserFacts, kind: string ): Prior | null {
	const same = facts.prior.filter( ( p ) => p.kind === kind );
	return same.length ? same[ same.length - 1 ] as Prior : null;
}

/**
 * Whether `option` may be posted to this user: never twice the same kind; another kind
 * only when the inviter chose to go on (`goOn`) after seeing the earlier message.
 */
export function verdict( facts: UserFacts, inviter: string, policy: AnonymousPolicy, option: { id: string; audience: Audience }, goOn: boolean ): Skip | null {
	const skip = accountSkip( facts, inviter, policy );
	if ( skip ) {
		return skip;
	}
	if ( !offeredTo( option, facts.anonymous, policy ) ) {
		return { why: 'audience' };
	}
	const same = priorOfKind( facts, option.id );
	if ( same ) {
		return { why: 'already', prior: same };
	}
	if ( facts.prior.length && !goOn ) {
		return { why: 'other', prior: facts.prior[ facts.prior.length - 1 ] as Prior };
	}
	return null;
}

/**
 * Names from a pasted list: one a line; list markers, "User:" or "User talk:" prefixes and
 * [[links]] are taken off; duplicates and blank lines dropped.
 */
export function parseNames( text: string ): string[] {
	const out: string[] = [];
	for ( const raw of text.split( /\r\n|\r|\n/ ) ) {
		let line = raw.replace( /^[\s*#:]+/, '' ).replace( /\s+$/, '' );
		const link = /^\[\[([^\]|]*)(\|[^\]]*)?\]\]/.exec( line );
		if ( link ) {
			line = link[ 1 ] as string;
		}
		line = line.replace( /^(user|user talk)\s*:\s*/i, '' );
		const name = normalizeUserName( line );
		if ( name && out.indexOf( name ) === -1 ) {
			out.push( name );
		}
	}
	return out;
}

// ---- Pace -----------------------------------------------------------------------------
