/**
 * Sending a question the "Ask my mentor" dialog previewed: one edit for the question, one
 * for the record in the mentee's own profile. Its own module (mentorship-core-asksend),
 * loaded when the mentee first clicks Preview: the dialog's first click does not ship it.
 */

import { ContentMessages, Detour, overdueFrom, Recipient } from '../core/ask';
import { buildQuestion, questionMarker } from '../core/ask-post';
import { LIMITS, PROFILE, Profile, Question } from '../core/format';
import { profileAddQuestion, unansweredDays } from '../core/program';
import { profileTitle } from '../core/titles';
import { AskState } from './ask';
import { WikiClient } from './client';
import { MentorCacheOption, mentorCacheOption } from './mentor-cache';
import { WriteContext } from './programs';
import { postSection } from './posting';
import { Doc } from './store';

export interface SendOptions {
	client: WikiClient;
	ctx: WriteContext;
	state: AskState;
	recipient: Recipient;
	/** Set when the question goes elsewhere than to the mentor, with why. */
	detour: Detour;
	question: string;
	article?: { title: string; revid: number };
	id: string;
	messages: ContentMessages;
	/** The cached mentor's writer (default: the API only, for scripts and tests). */
	mentorCache?: MentorCacheOption;
	/** How long the talk page stays on the mentee's watchlist (needs $wgWatchlistExpiry). */
	watchFor?: string;
}

export interface SendResult {
	/** The page the question was posted on (after following a redirect). */
	page: string;
	section: string;
	revid: number;
	recorded: boolean;
	/** Why the question could not be recorded in the profile (it is posted all the same). */
	recordError?: unknown;
}

/**
 * Posts the question as a new section, then records it in the mentee's profile and repairs
 * the cached mentor. If the record fails, the question is still posted: the error says so.
 */
export async function sendQuestion( options: SendOptions ): Promise<SendResult> {
	const state = options.state;
	const post = buildQuestion( {
		id: options.id,
		programId: state.programId,
		programName: state.config.name,
		mentee: state.me,
		recipient: options.recipient,
		detour: options.detour,
		article: options.article,
		question: options.question,
	}, options.messages );
	const saved = await postSection( options.client, {
		page: post.page,
		sectiontitle: post.sectiontitle,
		text: post.text,
		summary: post.summary,
		marker: questionMarker( options.id, state.programId ),
	}, state.me, { watchFor: options.watchFor || '1 month' } );
	const revid = saved.revid;
	const question: Question = {
		id: options.id,
		page: saved.title,
		section: post.section,
		revid: revid,
		time: saved.timestamp || options.ctx.now,
		via: options.recipient.kind,
	};
	if ( options.recipient.kind !== 'helpdesk' ) {
		question.to = options.recipient.user;
	}
	if ( options.article ) {
		question.article = options.article.title;
		question.articleRevid = options.article.revid;
	}
	const result: SendResult = { page: saved.title, section: post.section, revid: revid, recorded: false };
	try {
		await recordQuestion( options.ctx, state.programId, question, state.profile );
		result.recorded = true;
		// The cached mentor: repaired if stale, and the new question is the one that may wait
		// (a question asked again takes over from the one it repeats).
		try {
			await ( options.mentorCache || mentorCacheOption( options.client, null ) ).save( state.mentor ? {
				program: state.programId, mentor: state.mentor, due: question.to ? overdueFrom( question, false, unansweredDays( state.config ) ) || undefined : undefined,
			} : null );
		} catch ( e ) {
			// Only a cache: the panel or the next question repairs it.
		}
	} catch ( e ) {
		// The question is posted: say that the record failed, never post it twice.
		result.recordError = e;
	}
	return result;
}

/** Records a question the user asked in their own profile. */
export async function recordQuestion( ctx: WriteContext, programId: string, question: Question, initial?: Doc<Profile> ): Promise<void> {
	await ctx.store.update( profileTitle( ctx.user ), PROFILE,
		( p ) => profileAddQuestion( p, programId, question, LIMITS.questionsKept ), { summary: ctx.summaries.profile, create: false, initial: initial } );
}
