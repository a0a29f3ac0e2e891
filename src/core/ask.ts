/**
 * "Ask my mentor": where a question goes, and whether an earlier question was answered.
 * The question as posted is in ask-post.ts (loaded from the dialog's first Preview on). Pure.
 */

import { Question } from './format';
import { Availability } from './program';

export const QUESTION_MAX = 2000;

/** Where a question goes. */
export type Recipient =
	{ kind: 'mentor'; user: string } |
	{ kind: 'backup'; user: string } |
	{ kind: 'helpdesk'; page: string };

/** A question asked earlier: where it was posted (its page and section heading, as recorded). */
export interface QuestionRef {
	page: string;
	section: string;
}

/**
 * Why a question does not go to the mentor. When it is asked again because the mentor has
 * not answered, `original` is the question left unanswered: the post quotes and links it.
 */
export type Detour = { mentor: string; because: Availability | 'unanswered'; original?: QuestionRef } | null;

/** Content-language message texts (raw wikitext with $1…), by key. */
export type ContentMessages = ( key: string ) => string;

/** A contribution as the API lists it (list=usercontribs). */
export interface Contribution {
	title: string;
	timestamp: string;
	comment: string;
}

/** Plain text of a heading or an autocomment: references decoded, spaces folded. */
export function plainHeading( text: string ): string {
	return text
		.replace( /&#(\d+);/g, ( _m, code: string ) => String.fromCharCode( Number( code ) ) )
		.replace( /&#x([0-9a-f]+);/gi, ( _m, code: string ) => String.fromCharCode( parseInt( code, 16 ) ) )
		.replace( /&amp;/g, '&' ).replace( /&lt;/g, '<' ).replace( /&gt;/g, '>' ).replace( /&quot;/g, '"' )
		.replace( /_/g, ' ' ).replace( /\s+/g, ' ' ).replace( /^ | $/g, '' );
}

/** The section an edit summary names (its autocomment), as plain text. */
export function sectionOfComment( comment: string ): string | null {
	const m = /^\/\*\s*(.*?)\s*\*\//.exec( comment );
	return m ? plainHeading( m[ 1 ] as string ) : null;
}

/**
 * Whether a question has had a reply from `answerer`, given the answerer's contributions
 * after it: an edit of the question's section (its heading in the edit summary, as the wiki
 * writes it for section edits and replies), or any edit of the asker's own talk page.
 */
export function isAnswered( question: Question, contributions: Contribution[], askerTalkPage: string ): boolean {
	const section = plainHeading( question.section );
	const page = plainHeading( question.page );
	const askerTalk = plainHeading( askerTalkPage );
	for ( const c of contributions ) {
		if ( c.timestamp <= question.time ) {
			continue;
		}
		const title = plainHeading( c.title );
		if ( title === askerTalk ) {
			return true;
		}
		if ( title === page && sectionOfComment( c.comment ) === section ) {
			return true;
		}
	}
	return false;
}

/**
 * When the mentee's latest question counts as waiting too long (its time plus the program's
 * limit, ISO), or null when there is none or it is answered. The latest question is the
 * one the ask dialog checks, and offers to ask again elsewhere: a later question, asked
 * again or anew, takes over from an earlier one.
 */
export function overdueFrom( latest: Question | null, answered: boolean, limitDays: number ): string | null {
	if ( !latest || answered ) {
		return null;
	}
	return new Date( Date.parse( latest.time ) + limitDays * 86400000 ).toISOString().replace( /\.\d{3}Z$/, 'Z' );
}

/** Days between two ISO times (fractional). */
export function daysBetween( earlier: string, later: string ): number {
	return ( Date.parse( later ) - Date.parse( earlier ) ) / 86400000;
}
