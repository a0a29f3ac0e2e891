/**
 * The short messages the panel posts on talk pages: a mentee introducing themselves to
 * their new mentor, telling a mentor that a mentee left, telling a mentee that their
 * mentor released them or handed them over, and telling a pair they were matched. Each
 * is a new signed section in the wiki's content language, naming the program, with a
 * marker so that a post whose response was lost is found rather than posted twice.
 */

import { ContentMessages } from './ask';
import { escapeBlock, fillTemplate, headingText, marker, panelLink, signature, userLink } from './wikitext';

export type NoticeKind = 'intro' | 'mentee-left' | 'released' | 'handover' | 'handover-none' | 'matched-mentee' | 'matched-mentor';

export interface NoticeInput {
	kind: NoticeKind;
	id: string;
	programId: string;
	programName: string;
	/** Who posts. */
	from: string;
	/** Whose talk page it goes to. */
	to: string;
	/** The other person the notice is about (new mentor, the mentee…), when there is one. */
	about?: string;
	/** Something the poster typed (an introduction, a goodbye), shown as typed. */
	note?: string;
}

export interface Post {
	page: string;
	/** Heading, plain (for links) and escaped (as sent). */
	section: string;
	sectiontitle: string;
	text: string;
	summary: string;
	marker: string;
}

/** Message keys of each notice: heading, body and edit summary. Params: $1 to, $2 from, $3 about, $4 program link. */
const KEYS: Record<NoticeKind, [ string, string, string ]> = {
	intro: [ 'mentorship-notice-intro-heading', 'mentorship-notice-intro-text', 'mentorship-notice-intro-summary' ],
	'mentee-left': [ 'mentorship-notice-left-heading', 'mentorship-notice-left-text', 'mentorship-notice-left-summary' ],
	released: [ 'mentorship-notice-released-heading', 'mentorship-notice-released-text', 'mentorship-notice-released-summary' ],
	handover: [ 'mentorship-notice-handover-heading', 'mentorship-notice-handover-text', 'mentorship-notice-handover-summary' ],
	'handover-none': [ 'mentorship-notice-handover-heading', 'mentorship-notice-handover-none-text', 'mentorship-notice-handover-summary' ],
	'matched-mentee': [ 'mentorship-notice-matched-heading', 'mentorship-notice-matched-mentee-text', 'mentorship-notice-matched-summary' ],
	'matched-mentor': [ 'mentorship-notice-matched-heading', 'mentorship-notice-matched-mentor-text', 'mentorship-notice-matched-summary' ],
};

export function noticeMarker( input: NoticeInput ): string {
	return marker( 'mentorship-notice kind=' + input.kind + ' id=' + input.id + ' program=' + input.programId );
}

export function buildNotice( input: NoticeInput, messages: ContentMessages ): Post {
	const keys = KEYS[ input.kind ];
	const program = panelLink( input.programId, input.programName );
	const about = input.about !== undefined ? userLink( input.about ) : '';
	const params = [ userLink( input.to ), userLink( input.from ), about, program ];
	const section = fillTemplate( messages( keys[ 0 ] ), [ input.to, input.from, input.about || '', input.programName ] );
	const mark = noticeMarker( input );
	const lines = [ mark, fillTemplate( messages( keys[ 1 ] ), params ) ];
	if ( input.note && input.note.trim() ) {
		lines.push( '', escapeBlock( input.note ) );
	}
	lines.push( '', fillTemplate( messages( 'mentorship-notice-footer' ), [ program ] ) + ' ' + signature() );
	return {
		page: 'User talk:' + input.to,
		section: section,
		sectiontitle: headingText( section ),
		text: lines.join( '\n' ),
		summary: fillTemplate( messages( keys[ 2 ] ), [ input.to, input.from, input.about || '', input.programName ] ),
		marker: mark,
	};
}
