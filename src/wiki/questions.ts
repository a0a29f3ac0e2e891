/**
 * A mentee's own questions and whether each has had a reply: the people asked (mentor or
 * backup) by their talk-page edits since the oldest question, in one batched request; a
 * help desk by its page's history (one request a help desk, only when one was asked).
 */

import { daysBetween, isAnswered, overdueFrom } from '../core/ask';
import { isAnsweredOnPage, PageRevision } from '../core/answered-on-page';
import { Question } from '../core/format';
import { userTalkTitle } from '../core/titles';
import { Contribution, WikiClient } from './client';
import { isoSeconds } from '../core/dates';

export interface QuestionState {
	question: Question;
	answered: boolean;
	/** Whole days since it was asked. */
	days: number;
}

export interface OwnQuestions {
	/** As recorded, newest first. */
	states: QuestionState[];
	/** False when a list was longer than read: a question shown waiting may have a reply. */
	complete: boolean;
	/** When the latest question counts as waiting too long, while unanswered (for the cached mentor). */
	due: string | null;
}

/** One help desk's revisions since `since` (newest first, up to 1000). */
async function pageRevisions( client: WikiClient, page: string, since: string ): Promise<{ revisions: PageRevision[]; complete: boolean }> {
	const revisions: PageRevision[] = [];
	const complete = await client.queryAll( {
		prop: 'revisions', titles: page, rvprop: 'user|timestamp|comment', rvend: since, rvlimit: 'max', formatversion: 2,
	}, ( response ) => {
		const query = response.query as { pages?: { revisions?: Partial<PageRevision>[] }[] } | undefined;
		const pages = ( query && query.pages ) || [];
		for ( const p of pages ) {
			for ( const r of p.revisions || [] ) {
				revisions.push( { user: String( r.user || '' ), timestamp: String( r.timestamp || '' ), comment: String( r.comment || '' ) } );
			}
		}
	}, 2 );
	return { revisions: revisions, complete: complete };
}

/** Reads whether each of `me`'s questions has had a reply. */
export async function loadOwnQuestions( client: WikiClient, me: string, questions: Question[], limitDays: number, nowMs: number ): Promise<OwnQuestions> {
	const now = isoSeconds( nowMs );
	if ( !questions.length ) {
		return { states: [], complete: true, due: null };
	}
	const since = questions.map( ( q ) => q.time ).sort()[ 0 ] as string;
	const people: string[] = [];
	const desks: string[] = [];
	for ( const q of questions ) {
		if ( q.via === 'helpdesk' || !q.to ) {
			if ( desks.indexOf( q.page ) === -1 ) {
				desks.push( q.page );
			}
		} else if ( people.indexOf( q.to ) === -1 ) {
			people.push( q.to );
		}
	}
	const [ contribs, histories ] = await Promise.all( [
		people.length ?
			client.batch( { contribsOf: { user: people, since: since, namespace: 3, limit: 500 } } ) :
			Promise.resolve( { contribs: [] as Contribution[], contribsComplete: true } ),
		Promise.all( desks.map( ( page ) => pageRevisions( client, page, since ) ) ),
	] );
	let complete = contribs.contribsComplete;
	const byDesk: Record<string, PageRevision[]> = {};
	desks.forEach( ( page, i ) => {
		const history = histories[ i ] as { revisions: PageRevision[]; complete: boolean };
		byDesk[ page ] = history.revisions;
		complete = complete && history.complete;
	} );
	const states = questions.map( ( q ): QuestionState => {
		const answered = q.via === 'helpdesk' || !q.to ?
			isAnsweredOnPage( q, byDesk[ q.page ] || [], me ) :
			isAnswered( q, contribs.contribs.filter( ( c ) => c.user === q.to ), userTalkTitle( me ) );
		return { question: q, answered: answered, days: Math.floor( daysBetween( q.time, now ) ) };
	} );
	const latest = states[ states.length - 1 ] as QuestionState;
	return {
		states: states.slice().reverse(),
		complete: complete,
		// The help desk is where questions go last: the ask control has nothing to offer instead.
		due: latest.question.to && latest.question.via !== 'helpdesk' ? overdueFrom( latest.question, latest.answered, limitDays ) : null,
	};
}
