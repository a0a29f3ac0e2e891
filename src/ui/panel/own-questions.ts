/**
 * "Your questions", in the mentee's tab: each question the mentee asked in the program,
 * newest first, with its state (answered, or waiting N days) and a link to its section.
 * The replies are read after the tab shows; what is learnt of the latest question goes in
 * the cached mentor, so that the ask control can say so on the next page view.
 */

import { Membership } from '../../core/format';
import { cacheDue } from '../../wiki/mentor-cache';
import { loadOwnQuestions, QuestionState } from '../../wiki/questions';
import { Env, formatDate } from '../env';
import { errorText } from '../errors';
import { msg } from '../i18n';
import { heading, statusLine, unansweredText } from '../widgets';

export interface OwnQuestionsOptions {
	env: Env;
	programId: string;
	me: string;
	membership: Membership | null;
	/** The mentee's mentor (for the cached mentor), if any. */
	mentor: string | null;
	/** The program's limit, in days, after which a question waits too long. */
	limitDays: number;
}

/** The URL of a question's section (its heading as the anchor, as the wiki makes it). */
export function questionUrl( env: Env, page: string, section: string ): string {
	return env.url( page ) + '#' + encodeURIComponent( section.replace( / /g, '_' ) );
}

function item( env: Env, state: QuestionState, limitDays: number ): JQuery {
	const q = state.question;
	const late = !state.answered && state.days >= limitDays;
	const $state = $( '<span>' ).addClass( state.answered ? 'mg-answered' : late ? 'mg-unanswered-late' : 'mg-unanswered' )
		.text( state.answered ? msg( 'mentorship-question-answered' ) : unansweredText( state.days ) );
	const $link = $( '<a>' ).attr( 'href', questionUrl( env, q.page, q.section ) ).text( q.section );
	const where = q.via === 'helpdesk' || !q.to ? msg( 'mentorship-own-question-to-helpdesk', q.page ) : msg( 'mentorship-own-question-to', q.to );
	return $( '<li>' ).append( $state, ' ', $link, ' ', $( '<span>' ).addClass( 'mg-muted' ).text( where + ' · ' + formatDate( q.time ) ) );
}

/** The section; empty when the mentee has asked nothing in the program. */
export function ownQuestions( options: OwnQuestionsOptions ): JQuery {
	const questions = ( options.membership && options.membership.questions ) || [];
	if ( !questions.length ) {
		return $( [] );
	}
	const env = options.env;
	const $status = statusLine().text( msg( 'mentorship-own-questions-loading' ) );
	const $box = $( '<div>' ).addClass( 'mg-own-questions' ).attr( 'aria-busy', 'true' ).append(
		heading( msg( 'mentorship-own-questions' ) ),
		$status,
	);
	loadOwnQuestions( env.client, options.me, questions, options.limitDays, env.clock.now() ).then( ( result ) => {
		$box.removeAttr( 'aria-busy' );
		$status.text( '' );
		const $list = $( '<ul>' ).addClass( 'mg-questions' );
		for ( const state of result.states ) {
			$list.append( item( env, state, options.limitDays ) );
		}
		$box.append( $list );
		if ( !result.complete ) {
			$box.append( $( '<p>' ).addClass( 'mg-muted' ).text( msg( 'mentorship-own-questions-partial' ) ) );
		}
		if ( options.mentor ) {
			cacheDue( env.mentorCache, options.programId, options.mentor, result.due ).then( undefined, () => undefined );
		}
	}, ( e: unknown ) => {
		$box.removeAttr( 'aria-busy' );
		$status.text( errorText( e ) );
	} );
	return $box;
}
