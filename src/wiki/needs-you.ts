/**
 * Reads the mentor's "Needs you" list (src/core/needs-you.ts has the rules) for the mentees
 * a mentor's view confirmed (their own profiles name the mentor): nobody a roster entry alone
 * names is asked about, so the cost does not grow with unconfirmed entries.
 *
 * What it costs, for M confirmed mentees:
 * - questions waiting and blocks: nothing more (the mentor's view read the mentees' profiles,
 *   the mentor's replies, and the accounts with their blocks, list=users&usprop=blockinfo);
 * - reverted edits and the talk pages' latest revisions: one request per 50 mentees
 *   (list=usercontribs&ucuser=A|B|…&uctag=mw-reverted and prop=revisions&titles=User talk:A|…
 *   in the same query), plus a continuation when more than 500 reverted edits are listed;
 * - warnings: one request per mentee whose talk page was edited within the window (its
 *   latest 20 revisions with their text), at most 50 of them.
 */

import { isAnswered, daysBetween } from '../core/ask';
import { isoSeconds } from '../core/dates';
import {
	BlockState, needsYouDays, NeedsYouItem, needsYouItems, newWarnings, RevertedEdit, TalkRevision, WaitingQuestion, warningTemplates, WarningEvent,
} from '../core/needs-you';
import { userTalkTitle } from '../core/titles';
import { asArray, asRecord, chunk, WikiClient } from './client';
import { MentorView } from './membership';

/** Names a request carries (the API's limit for lists of users and titles). */
export const NEEDS_YOU_BATCH = 50;
/** Talk pages whose recent revisions are read, at most. */
export const TALK_PAGES_MAX = 50;
/** Revisions of one talk page read (the newest; the window's edits and the one before them). */
export const TALK_REVISIONS = 20;

export interface NeedsYou {
	items: NeedsYouItem[];
	/** The window, in days. */
	days: number;
	/** Each listed mentee's gender as their account says (for GENDER in messages). */
	genders: Record<string, 'male' | 'female' | 'unknown'>;
	/** False when a list was longer than read: something may be missing. */
	complete: boolean;
}

/** The user name a user talk page's title (in any language's namespace name) is about. */
function nameOfTalk( title: string ): string {
	return title.slice( title.indexOf( ':' ) + 1 );
}

interface Latest {
	mentee: string;
	title: string;
	timestamp: string;
}

/** Reverted edits of some mentees since `since`, and their talk pages' latest revisions. */
async function revertsAndTalk( client: WikiClient, names: string[], since: string ): Promise<{ reverted: RevertedEdit[]; latest: Latest[]; complete: boolean }> {
	const reverted: RevertedEdit[] = [];
	const latest: Latest[] = [];
	const seen: Record<string, true> = {};
	const wanted: Record<string, true> = {};
	for ( const n of names ) {
		wanted[ '#' + n ] = true;
	}
	const complete = await client.queryAll( {
		list: 'usercontribs', ucuser: names.join( '|' ), uctag: 'mw-reverted', ucend: since, ucprop: 'ids|title|timestamp', uclimit: 'max',
		prop: 'revisions', titles: names.map( userTalkTitle ).join( '|' ), rvprop: 'timestamp',
	}, ( response ) => {
		const query = asRecord( response.query );
		for ( const c of asArray( query.usercontribs ) ) {
			const key = String( c.revid );
			if ( !seen[ key ] && wanted[ '#' + String( c.user ) ] ) {
				seen[ key ] = true;
				reverted.push( { mentee: String( c.user ), revid: Number( c.revid ), title: String( c.title ), timestamp: String( c.timestamp ) } );
			}
		}
		for ( const p of asArray( query.pages ) ) {
			const revisions = asArray( p.revisions );
			const name = nameOfTalk( String( p.title ) );
			if ( revisions.length && wanted[ '#' + name ] && !seen[ 'talk#' + name ] ) {
				seen[ 'talk#' + name ] = true;
				latest.push( { mentee: name, title: String( p.title ), timestamp: String( ( revisions[ 0 ] as Record<string, unknown> ).timestamp ) } );
			}
		}
	}, 3 );
	return { reverted: reverted, latest: latest, complete: complete };
}

/** One talk page's latest revisions with their text, newest first. */
async function talkRevisions( client: WikiClient, title: string ): Promise<{ revisions: TalkRevision[]; complete: boolean }> {
	const response = await client.get( {
		action: 'query', prop: 'revisions', titles: title, rvprop: 'ids|timestamp|user|content', rvslots: 'main', rvlimit: TALK_REVISIONS,
	} );
	const page = asArray( asRecord( response.query ).pages )[ 0 ] || {};
	const revisions: TalkRevision[] = asArray( page.revisions ).map( ( r ) => {
		const main = asRecord( asRecord( r.slots ).main );
		return {
			revid: Number( r.revid ), parentid: Number( r.parentid ) || 0, user: typeof r.user === 'string' ? r.user : '',
			timestamp: String( r.timestamp ), content: typeof main.content === 'string' ? main.content : '',
		};
	} );
	return { revisions: revisions, complete: !response.continue };
}

/**
 * What needs the mentor now, among the mentees `view` confirmed: questions to the mentor
 * without a reply, edits reverted, warnings or notices left by others on their talk pages
 * within the program's window (`needsYou.days`), and blocks in force.
 */
export async function loadNeedsYou( client: WikiClient, view: MentorView, nowMs: number ): Promise<NeedsYou> {
	const me = view.viewer.name;
	const config = view.loaded.state.config;
	const days = needsYouDays( config );
	const since = isoSeconds( nowMs - days * 86400000 );
	const now = isoSeconds( nowMs );
	const names = view.mentees.map( ( row ) => row.name );
	const genders: NeedsYou[ 'genders' ] = {};
	const questions: WaitingQuestion[] = [];
	const blocks: BlockState[] = [];
	for ( const row of view.mentees ) {
		genders[ row.name ] = row.user ? row.user.gender : 'unknown';
		for ( const q of ( row.membership && row.membership.questions ) || [] ) {
			if ( q.to === me && !isAnswered( q, view.replies, userTalkTitle( row.name ) ) ) {
				questions.push( { mentee: row.name, question: q, days: Math.floor( daysBetween( q.time, now ) ) } );
			}
		}
		const block = row.user && row.user.block;
		if ( block ) {
			blocks.push( { mentee: row.name, by: block.by, reason: block.reason, expiry: block.expiry, partial: block.partial } );
		}
	}
	let complete = view.repliesComplete;
	const reads = await Promise.all( chunk( names, NEEDS_YOU_BATCH ).map( ( batch ) => revertsAndTalk( client, batch, since ) ) );
	let reverted: RevertedEdit[] = [];
	let recent: Latest[] = [];
	for ( const r of reads ) {
		reverted = reverted.concat( r.reverted );
		recent = recent.concat( r.latest.filter( ( l ) => l.timestamp >= since ) );
		complete = complete && r.complete;
	}
	if ( recent.length > TALK_PAGES_MAX ) {
		recent = recent.slice( 0, TALK_PAGES_MAX );
		complete = false;
	}
	const prefixes = warningTemplates( config );
	const histories = await Promise.all( recent.map( ( l ) => talkRevisions( client, l.title ) ) );
	let warnings: WarningEvent[] = [];
	recent.forEach( ( l, i ) => {
		const history = histories[ i ] as { revisions: TalkRevision[]; complete: boolean };
		// Edits by the mentor are theirs to know already.
		const others = history.revisions.map( ( r ) => r.user === me ? { revid: r.revid, parentid: r.parentid, user: l.mentee, timestamp: r.timestamp, content: r.content } : r );
		warnings = warnings.concat( newWarnings( l.mentee, others, since, prefixes ) );
		const oldest = history.revisions[ history.revisions.length - 1 ];
		if ( !history.complete && oldest && oldest.timestamp >= since ) {
			complete = false;
		}
	} );
	return {
		items: needsYouItems( { mentees: names, questions: questions, reverted: reverted, warnings: warnings, blocks: blocks } ),
		days: days,
		genders: genders,
		complete: complete,
	};
}
