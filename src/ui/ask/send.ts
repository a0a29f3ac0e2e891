/**
 * The ask dialog's later steps, in its lazily loaded module (mentorship-core-asksend, see
 * send-load.ts): the preview's intro, the result, and, when the previous question is still
 * unanswered, the notice and the choice of where to ask instead.
 */

import { Recipient } from '../../core/ask';
import { buildQuestion } from '../../core/ask-post';
import type { AskState } from '../../wiki/ask';
import { SendResult, sendQuestion } from '../../wiki/ask-send';
import { Env, formatDate } from '../env';
import { errorText } from '../errors';
import { msg } from '../i18n';
import { RadioGroup } from '../radio-group';
import { writeContext } from '../writers';

function text( $el: JQuery, value: string ): JQuery {
	return $el.text( value );
}

/** The line above the preview. */
export function previewIntro( page: string ): string {
	return msg( 'mentorship-ask-preview-intro', page );
}

/** The result: where the question is (linked), that it is watched, and a record that failed. */
export function doneContent( env: Env, result: SendResult ): JQuery[] {
	const $link = $( '<a>' ).attr( 'href', env.url( result.page ) + '#' + encodeURIComponent( result.section.replace( / /g, '_' ) ) )
		.text( result.page );
	const done = new OO.ui.MessageWidget( {
		type: 'success',
		label: $( '<span>' ).append( text( $( '<span>' ), msg( 'mentorship-ask-done' ) ), ' ', $link ),
	} );
	return [
		done.$element,
		$( '<p>' ).text( msg( 'mentorship-ask-done-watch' ) ),
		result.recordError ? new OO.ui.MessageWidget( { type: 'warning', label: msg( 'mentorship-ask-not-recorded', errorText( result.recordError ) ) } ).$element : $( [] ),
	];
}

/** How a recipient is named in the choice. */
function recipientLabel( recipient: Recipient ): string {
	switch ( recipient.kind ) {
		case 'mentor':
			return msg( 'mentorship-ask-to-mentor', recipient.user );
		case 'backup':
			return msg( 'mentorship-ask-to-backup', recipient.user );
		default:
			return msg( 'mentorship-ask-to-helpdesk', recipient.page );
	}
}

/**
 * The previous question is still unanswered: a notice, and where there is somewhere else to
 * ask, the choice (that alternative by default). Asking again takes one click: the question
 * is written (the post links the unanswered one), and the mentee may change it before
 * Preview. Sent to the mentor instead, the post links nothing: the text goes if it was not
 * changed. Returns the block and the choice (null without an alternative).
 */
export function unansweredBlock( state: AskState, question: OO.ui.TextInputWidget ): { $element: JQuery; choice: RadioGroup | null } {
	const unanswered = state.unanswered as NonNullable<AskState[ 'unanswered' ]>;
	const previous = unanswered.question;
	const notice = new OO.ui.MessageWidget( {
		type: 'warning',
		label: msg( 'mentorship-ask-unanswered', previous.to || '', formatDate( previous.time ), unanswered.days ),
	} );
	if ( !state.alternative || !state.recipient ) {
		return { $element: notice.$element, choice: null };
	}
	const choice = new RadioGroup( msg( 'mentorship-ask-send-to' ), [
		{ data: 'default', label: recipientLabel( state.recipient ) },
		{ data: 'alternative', label: recipientLabel( state.alternative ) },
	], 'alternative' );
	const written = msg( 'mentorship-ask-reask-prefill', formatDate( previous.time ) );
	const follow = ( value: string ): void => {
		const current = question.getValue();
		if ( value === 'alternative' && !current.trim() ) {
			question.setValue( written );
		} else if ( value !== 'alternative' && current === written ) {
			question.setValue( '' );
		}
	};
	follow( choice.getValue() );
	choice.onChange( follow );
	return { $element: notice.$element.add( choice.$element ), choice: choice };
}

/** What the module offers the ask dialog (mw.libs.mentorship.askSend). */
export interface AskSendCode {
	buildQuestion: typeof buildQuestion;
	sendQuestion: typeof sendQuestion;
	previewIntro: typeof previewIntro;
	doneContent: typeof doneContent;
	unansweredBlock: typeof unansweredBlock;
	writeContext: typeof writeContext;
}

/** What the module offers the dialog (the entry installs the module's messages before each runs). */
export const ASK_SEND: AskSendCode = { buildQuestion, sendQuestion, previewIntro, doneContent, unansweredBlock, writeContext };
