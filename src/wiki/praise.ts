/**
 * Reads what the praise suggestions need (src/core/praise.ts has the rules) for the mentees a
 * mentor's view confirmed (their own profiles name the mentor), posts the thanks and records
 * the milestone in the mentor's own profile.
 *
 * What it costs, for M confirmed mentees who did not hide suggestions:
 * - edits within the window: nothing more when the window is the mentor view's 30 days (the
 *   view counted them); otherwise one request per 50 mentees (list=usercontribs&ucuser=A|B|…
 *   with ucend), plus continuations, 3 requests a batch at most;
 * - first article and first upload: one request per 50 mentees (list=usercontribs with
 *   ucshow=new&ucnamespace=0|6: the pages they created; an upload creates its File page, so
 *   no logevents request, which takes one user at a time, is needed), 3 requests a batch at most
 *   (beyond that, no "first" is claimed).
 * For a mentor with 20 mentees and the defaults: 1 request.
 */

import { isoSeconds } from '../core/dates';
import { PROFILE } from '../core/format';
import { profileTitle } from '../core/titles';
import { profileAddMilestone } from '../core/milestones';
import { Creation, MenteeWork, PraisePost, praiseMilestone, praiseRules, PraiseRules, praiseSuggestions, PraiseSuggestion } from '../core/praise';
import { asArray, asRecord, chunk, WikiClient } from './client';
import { Actor, MentorView } from './membership';
import { Posted, postSection } from './posting';

/** Names a request carries. */
export const PRAISE_BATCH = 50;
/** Requests one batch's list may take, at most. */
export const PRAISE_MAX_REQUESTS = 3;
/** The window over which the mentor view counted edits. */
export const VIEW_ACTIVITY_DAYS = 30;

export interface Praise {
	suggestions: PraiseSuggestion[];
	rules: PraiseRules;
	genders: Record<string, 'male' | 'female' | 'unknown'>;
	/** False when a list was longer than read. */
	complete: boolean;
}

async function creationsOf( client: WikiClient, names: string[], into: Record<string, MenteeWork> ): Promise<boolean> {
	return client.queryAll( {
		list: 'usercontribs', ucuser: names.join( '|' ), ucshow: 'new', ucnamespace: '0|6', ucprop: 'ids|title|timestamp', uclimit: 'max',
	}, ( response ) => {
		for ( const c of asArray( asRecord( response.query ).usercontribs ) ) {
			const w = into[ '#' + String( c.user ) ];
			if ( w ) {
				const creation: Creation = { ns: Number( c.ns ), title: String( c.title ), revid: Number( c.revid ), timestamp: String( c.timestamp ) };
				w.creations.push( creation );
			}
		}
	}, PRAISE_MAX_REQUESTS );
}

async function editsOf( client: WikiClient, names: string[], since: string, into: Record<string, MenteeWork> ): Promise<boolean> {
	const seen: Record<string, true> = {};
	return client.queryAll( {
		list: 'usercontribs', ucuser: names.join( '|' ), ucend: since, ucprop: 'ids|timestamp', uclimit: 'max',
	}, ( response ) => {
		for ( const c of asArray( asRecord( response.query ).usercontribs ) ) {
			const w = into[ '#' + String( c.user ) ];
			if ( w && !seen[ String( c.revid ) ] ) {
				seen[ String( c.revid ) ] = true;
				w.edits++;
				if ( !w.lastRevid ) {
					w.lastRevid = Number( c.revid );
				}
			}
		}
	}, PRAISE_MAX_REQUESTS );
}

/** The praise suggestions for the mentor of `view`. */
export async function loadPraise( client: WikiClient, view: MentorView, nowMs: number ): Promise<Praise> {
	const config = view.loaded.state.config;
	const rules = praiseRules( config );
	const since = isoSeconds( nowMs - rules.days * 86400000 );
	const now = isoSeconds( nowMs );
	const byName: Record<string, MenteeWork> = {};
	const genders: Praise[ 'genders' ] = {};
	const names: string[] = [];
	const fromView = rules.days === VIEW_ACTIVITY_DAYS;
	for ( const row of view.mentees ) {
		const hidden = !!( row.membership && row.membership.hidePraise );
		if ( hidden ) {
			continue;
		}
		genders[ row.name ] = row.user ? row.user.gender : 'unknown';
		const w: MenteeWork = { name: row.name, edits: 0, creations: [], creationsComplete: true, hidden: false };
		if ( fromView && row.activity ) {
			w.edits = row.activity.count;
		}
		byName[ '#' + row.name ] = w;
		names.push( row.name );
	}
	const batches = chunk( names, PRAISE_BATCH );
	const creations = rules.firstArticle || rules.firstUpload ? batches : [];
	const edits = fromView ? [] : batches;
	const done = await Promise.all( creations.map( ( batch ) => creationsOf( client, batch, byName ) )
		.concat( edits.map( ( batch ) => editsOf( client, batch, since, byName ) ) ) );
	creations.forEach( ( batch, i ) => {
		for ( const n of batch ) {
			( byName[ '#' + n ] as MenteeWork ).creationsComplete = !!done[ i ];
		}
	} );
	const complete = done.every( ( d ) => d );
	const me = view.viewer.name;
	const profile = view.loaded.state.profiles[ me ];
	const programId = view.loaded.state.id;
	const recorded = profile && profile.recorded && Object.prototype.hasOwnProperty.call( profile.recorded, programId ) ? profile.recorded[ programId ] || [] : [];
	const work = names.map( ( n ) => byName[ '#' + n ] as MenteeWork );
	return { suggestions: praiseSuggestions( work, rules, recorded, since, now ), rules: rules, genders: genders, complete: complete };
}

/**
 * Posts the thanks (a new signed section on the mentee's talk page) and records the
 * milestone in the mentor's own profile, which only the mentor can write: it counts while
 * the mentee's own profile names the mentor.
 */
export async function postPraise( actor: Actor, programId: string, post: PraisePost, suggestion: PraiseSuggestion ): Promise<Posted> {
	const posted = await postSection( actor.client, post, actor.ctx.user );
	await actor.ctx.store.update( profileTitle( actor.ctx.user ), PROFILE, ( p ) => profileAddMilestone( p, programId, suggestion.mentee, praiseMilestone( suggestion ) ),
		{ summary: actor.ctx.summaries.profile, create: true } );
	return posted;
}

/** Thanks for one edit with the wiki's own Thanks extension (action=thank). */
export async function thankEdit( client: WikiClient, revid: number ): Promise<void> {
	await client.postWithToken( { action: 'thank', rev: revid, source: 'mentorship' } );
}
