/**
 * Whether a question posted on a shared page (the help desk) has had a reply: for the panel's
 * "Your questions", apart from ask.ts so that the ask dialog does not ship it. Pure.
 */

import { plainHeading, sectionOfComment } from './ask';
import { Question } from './format';

/** A revision of a page as the API lists it (prop=revisions): who made it, when, and its summary. */
export interface PageRevision {
	user: string;
	timestamp: string;
	comment: string;
}

/**
 * Whether a question posted on a shared page (the help desk) has had a reply: an edit of
 * its section after it, by anyone but the asker, given the page's revisions since.
 */
export function isAnsweredOnPage( question: Question, revisions: PageRevision[], asker: string ): boolean {
	const section = plainHeading( question.section );
	const me = plainHeading( asker );
	for ( const r of revisions ) {
		if ( r.timestamp > question.time && plainHeading( r.user ) !== me && sectionOfComment( r.comment ) === section ) {
			return true;
		}
	}
	return false;
}
