/**
 * "Ask my mentor": the question as posted (heading, text, summary). Pure: the texts around
 * the question come from the wiki's content-language messages, passed in. Apart from
 * ask.ts so that the dialog's first click does not ship it (see src/ui/ask/send-load.ts).
 */

import { ContentMessages, Detour, Recipient } from './ask';
import { escapeBlock, escapeInline, fillTemplate, headingText, marker, pageLink, panelLink, sectionLink, signature, userLink } from './wikitext';

export interface QuestionInput {
	id: string;
	programId: string;
	programName: string;
	mentee: string;
	recipient: Recipient;
	detour: Detour;
	/** The article the question is about, when the mentee left "about this article" on. */
	article?: { title: string; revid: number };
	question: string;
}

export interface QuestionPost {
	/** The page to post on (a user talk page or the help desk); the API follows a redirect. */
	page: string;
	/** Heading as plain text (recorded in the profile), and as sent (escaped). */
	section: string;
	sectiontitle: string;
	text: string;
	summary: string;
}

/** The ids of the markers in posted questions; they let a lost response be detected. */
export function questionMarker( id: string, programId: string ): string {
	return marker( 'mentorship-question id=' + id + ' program=' + programId );
}

export function recipientPage( recipient: Recipient ): string {
	return recipient.kind === 'helpdesk' ? recipient.page : 'User talk:' + recipient.user;
}

function detourLine( detour: Detour, messages: ContentMessages ): string | null {
	if ( !detour ) {
		return null;
	}
	const mentor = userLink( detour.mentor );
	if ( detour.because === 'unanswered' && detour.original ) {
		return fillTemplate( messages( 'mentorship-ask-post-because-unanswered-link' ), [ mentor, sectionLink( detour.original.page, detour.original.section ) ] );
	}
	if ( detour.because === 'unanswered' ) {
		return fillTemplate( messages( 'mentorship-ask-post-because-unanswered' ), [ mentor ] );
	}
	if ( detour.because.state === 'away' ) {
		return detour.because.until ?
			fillTemplate( messages( 'mentorship-ask-post-because-away-until' ), [ mentor, detour.because.until ] ) :
			fillTemplate( messages( 'mentorship-ask-post-because-away' ), [ mentor ] );
	}
	return fillTemplate( messages( 'mentorship-ask-post-because-gone' ), [ mentor ] );
}

/** Builds the section to post: everything the mentee typed is escaped to show as typed. */
export function buildQuestion( input: QuestionInput, messages: ContentMessages ): QuestionPost {
	const section = input.article ?
		fillTemplate( messages( 'mentorship-ask-post-heading' ), [ input.mentee, input.article.title ] ) :
		fillTemplate( messages( 'mentorship-ask-post-heading-noarticle' ), [ input.mentee ] );
	const lines: string[] = [ questionMarker( input.id, input.programId ) ];
	lines.push( input.recipient.kind === 'helpdesk' ?
		messages( 'mentorship-ask-post-greeting-helpdesk' ) :
		fillTemplate( messages( 'mentorship-ask-post-greeting' ), [ userLink( input.recipient.user ) ] ) );
	lines.push( '' );
	lines.push( escapeBlock( input.question ) );
	lines.push( '' );
	const context: string[] = [];
	if ( input.article ) {
		const permalink = '[[Special:PermanentLink/' + input.article.revid + '|' +
			escapeInline( messages( 'mentorship-ask-post-article-revision' ) ) + ']]';
		context.push( fillTemplate( messages( 'mentorship-ask-post-article' ), [ pageLink( input.article.title ), permalink ] ) );
	}
	const detour = detourLine( input.detour, messages );
	if ( detour ) {
		context.push( detour );
	}
	const program = panelLink( input.programId, input.programName );
	context.push( fillTemplate( messages( 'mentorship-ask-post-footer' ), [ program ] ) + ' ' + signature() );
	lines.push( context.join( ' ' ) );
	const summary = input.article ?
		fillTemplate( messages( 'mentorship-ask-post-summary' ), [ input.mentee, '[[' + input.article.title + ']]', input.programName ] ) :
		fillTemplate( messages( 'mentorship-ask-post-summary-noarticle' ), [ input.mentee, input.programName ] );
	return {
		page: recipientPage( input.recipient ),
		section: section,
		sectiontitle: headingText( section ),
		text: lines.join( '\n' ),
		summary: summary,
	};
}
