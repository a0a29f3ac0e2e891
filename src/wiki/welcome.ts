/**
 * Welcoming and inviting against the wiki: the checks for up to 50 users in one request
 * (accounts, their talk pages and the program's recent invitation logs together), posting
 * one message, and recording invitations in the monthly log through the store. The batch
 * sender is in src/wiki/welcome-batch.ts.
 */

import { MentorshipError } from '../core/errors';
import { INVITATIONS, Invitation, InvitationLog, PROFILE, ProgramConfig, ROSTER, RosterMember } from '../core/format';
import { isIpAddress, isPlausibleUserName, normalizeUserName } from '../core/names';
import { activeMembership, rosterShards } from '../core/program';
import { profileTitle, rosterTitle, userTalkTitle } from '../core/titles';
import { invitationLogTitle, monthOf } from '../core/program-titles';
import { priorInvitations, UserFacts } from '../core/welcome/eligibility';
import { logAppend, recentMonths } from '../core/welcome/log';
import { composeFor, Composition, invitationRecord, isAnonymousName } from '../core/welcome/messages';
import { RateLimit } from '../core/welcome/pacing';
import { WikiClient } from './client';
import { Posted, postSection } from './posting';
import { isoSeconds } from '../core/dates';
import { docsFrom, Store } from './store';

export interface WelcomeProgram {
	id: string;
	config: ProgramConfig;
}

/** The shard count of a program's invitation logs. */
export function invitationShards( config: ProgramConfig ): number {
	return ( config.shards && config.shards.invitations ) || 1;
}

/** The log page that holds (or will hold) the record of an invitation of `user` at `time`. */
export function logPageFor( program: WelcomeProgram, time: string, user: string ): string {
	return invitationLogTitle( program.id, monthOf( time ), invitationShards( program.config ), user );
}

export interface CheckResult {
	/** The names as checked (display form, duplicates dropped), in the order given. */
	names: string[];
	facts: Record<string, UserFacts>;
	/** Log pages that could not be read as logs (their records are then not known). */
	logErrors: Record<string, MentorshipError>;
	/** API requests the checks took. */
	requests: number;
}

/**
 * Checks users before anything is posted: whether each account exists, is blocked or a bot,
 * is an editor without an account, opts out on its talk page, is already a member of the
 * program (their own profile), and what the program sent them before (markers on the talk
 * page, records in this month's and last month's log).
 * One request for up to 50 users (their talk pages, the log pages and the roster ride along;
 * with more than 50 titles, a second one), and one for the profiles of those the roster lists.
 */
export async function checkUsers( client: WikiClient, program: WelcomeProgram, names: string[], nowMs: number ): Promise<CheckResult> {
	const before = client.requestCount;
	const list: string[] = [];
	for ( const raw of names ) {
		const name = normalizeUserName( raw );
		if ( name && list.indexOf( name ) === -1 ) {
			list.push( name );
		}
	}
	const shards = invitationShards( program.config );
	const logTitles: string[] = [];
	for ( const month of recentMonths( isoSeconds( nowMs ) ) ) {
		for ( const name of list ) {
			const title = invitationLogTitle( program.id, month, shards, shards > 1 ? name : undefined );
			if ( logTitles.indexOf( title ) === -1 ) {
				logTitles.push( title );
			}
		}
	}
	const talkTitles = list.map( userTalkTitle );
	const accounts = list.filter( ( n ) => !isIpAddress( n ) );
	// The roster pages that would list them (an index, one page unless sharded).
	const rosterTitles: string[] = [];
	for ( const name of accounts ) {
		const title = rosterTitle( program.id, rosterShards( program.config ), name );
		if ( rosterTitles.indexOf( title ) === -1 ) {
			rosterTitles.push( title );
		}
	}
	const batch = await client.batch( { titles: talkTitles.concat( logTitles, rosterTitles ), users: accounts, redirects: true } );
	// Members of the program are not invited to it. The roster only says whose profiles to
	// read (anyone can edit it); their own profiles, which only they can write, decide.
	const rosters = docsFrom( rosterTitles, batch.pages, ROSTER );
	const listed = accounts.filter( ( name ) => {
		const doc = rosters[ rosterTitle( program.id, rosterShards( program.config ), name ) ];
		const entry: RosterMember | undefined = doc && doc.value ? doc.value.members[ name ] : undefined;
		return !!entry && !entry.left;
	} );
	const profileTitles = listed.map( profileTitle );
	const profiles = docsFrom( profileTitles, profileTitles.length ? await client.readPages( profileTitles ) : {}, PROFILE );
	const logDocs = docsFrom( logTitles, batch.pages, INVITATIONS );
	const logErrors: Record<string, MentorshipError> = {};
	const logs: ( InvitationLog | null )[] = [];
	for ( const title of logTitles ) {
		const doc = logDocs[ title ];
		if ( doc && doc.error ) {
			logErrors[ title ] = doc.error;
		}
		logs.push( doc ? doc.value : null );
	}
	const facts: Record<string, UserFacts> = {};
	for ( const name of list ) {
		const talk = batch.pages[ userTalkTitle( name ) ];
		const talkText = talk && talk.exists ? talk.content || '' : null;
		const ip = isIpAddress( name );
		const info = batch.users[ name ];
		const f: UserFacts = {
			name: name,
			valid: ip || ( !!info && !info.invalid ) || ( !info && isPlausibleUserName( name ) ),
			exists: ip || ( !!info && info.exists ),
			anonymous: isAnonymousName( name ),
			bot: !!info && info.groups.indexOf( 'bot' ) !== -1,
			talk: talkText,
			prior: priorInvitations( program.id, name, talkText, logs ),
		};
		if ( info && info.editcount !== undefined ) {
			f.editcount = info.editcount;
		}
		if ( info && info.registration !== undefined ) {
			f.registration = info.registration;
		}
		const profile = profiles[ profileTitle( name ) ];
		const membership = profile && profile.value ? activeMembership( profile.value, program.id ) : null;
		if ( membership ) {
			f.member = membership.role;
		}
		if ( info && info.block && !info.block.partial ) {
			f.block = { by: info.block.by, expiry: info.block.expiry, reason: info.block.reason };
		}
		facts[ name ] = f;
	}
	return { names: list, facts: facts, logErrors: logErrors, requests: client.requestCount - before };
}

/**
 * Records invitations in the monthly logs (one store update per log page touched). Returns
 * the records that could not be written, with why.
 */
export async function recordInvitations(
	store: Store, program: WelcomeProgram, records: Invitation[], summary: string,
	onEdit?: ( edits: number ) => void,
): Promise<{ record: Invitation; error: unknown }[]> {
	const byTitle: Record<string, Invitation[]> = {};
	const titles: string[] = [];
	for ( const record of records ) {
		const title = logPageFor( program, record.time, record.user );
		if ( !byTitle[ title ] ) {
			byTitle[ title ] = [];
			titles.push( title );
		}
		( byTitle[ title ] as Invitation[] ).push( record );
	}
	const failed: { record: Invitation; error: unknown }[] = [];
	for ( const title of titles ) {
		const mine = byTitle[ title ] as Invitation[];
		try {
			const result = await store.update( title, INVITATIONS, ( log ) => logAppend( log, mine ), { summary: summary } );
			if ( onEdit ) {
				onEdit( ( result.changed ? 1 : 0 ) + result.conflicts );
			}
		} catch ( e ) {
			mine.forEach( ( record ) => failed.push( { record: record, error: e } ) );
		}
	}
	return failed;
}

/**
 * When the user's latest edits were saved, in local time (the wiki's clock and ours may
 * differ: the answer's curtimestamp tells by how much): edits made just before a batch
 * count against the same limit. One request; an edit is taken as late in its second as can be.
 */
export async function recentEdits( client: WikiClient, user: string, limit: RateLimit ): Promise<number[]> {
	const response = await client.get( {
		action: 'query', list: 'usercontribs', ucuser: user, uclimit: Math.min( limit.hits, 500 ), ucprop: 'timestamp', curtimestamp: true,
	} );
	const now = client.clock.now();
	const serverNow = Date.parse( String( response.curtimestamp ) );
	if ( isNaN( serverNow ) ) {
		return [];
	}
	const query = ( response.query || {} ) as { usercontribs?: { timestamp?: string }[] };
	const times: number[] = [];
	for ( const c of query.usercontribs || [] ) {
		const t = Date.parse( String( c.timestamp ) );
		if ( !isNaN( t ) ) {
			times.push( now - ( serverNow - t ) + 1000 );
		}
	}
	return times;
}

export interface WelcomeWriter {
	client: WikiClient;
	store: Store;
	program: WelcomeProgram;
	/** Edit summary of log writes, in the wiki's content language. */
	logSummary: string;
	random: () => number;
}

export interface SentOne {
	posted: Posted;
	/** The post as sent (its heading finds the section). */
	section: string;
	record: Invitation | null;
	/** Why the log could not record it (the marker on the talk page still tells). */
	recordError?: unknown;
}

export function postId( random: () => number ): string {
	return Math.floor( random() * 1e12 ).toString( 36 );
}

/** Posts one message and records it in the log. */
export async function sendInvitation( w: WelcomeWriter, c: Composition, user: string ): Promise<SentOne> {
	const time = isoSeconds( w.client.clock.now() );
	const post = composeFor( c, user, time, postId( w.random ) );
	const posted = await postSection( w.client, post, c.inviter );
	const record = invitationRecord( c, user, time, posted.revid );
	const result: SentOne = { posted: posted, section: post.section, record: record };
	if ( record ) {
		const failed = await recordInvitations( w.store, w.program, [ record ], w.logSummary );
		if ( failed.length ) {
			result.recordError = ( failed[ 0 ] as { error: unknown } ).error;
		}
	}
	return result;
}
