/**
 * Mentees become mentors (issue 18): graduation, the invitation to mentor, co-mentoring and
 * what the dashboard counts of them. Pure rules over the page values.
 *
 * A mentee graduates at the end of their term (the program's `termDays`, from its `start` or
 * from when they joined) or once the program's `graduation` thresholds are met (at least
 * `edits` edits on the wiki and `days` days in the program; both must be set to count).
 * Their mentor or a coordinator then records a `graduated` milestone in their own profile
 * (which only they can write), posts a signed recognition on the mentee's talk page and
 * writes a printable certificate page in the program's folder.
 *
 * Whose `graduated` counts: a coordinator's (by the config in force), the mentee's confirmed
 * mentor's, or, once the graduate joined as a mentor, the mentor their own profile names as
 * `formerMentor`. Anyone else's record counts for nothing.
 */

import { ContentMessages } from './ask';
import { JOIN_AS_MENTOR } from './graduation-rules';
import { programPrefix } from './titles';
import { escapeBlock, escapeInline, fillTemplate, headingText, marker, pageLink, signature, userLink } from './wikitext';
import { PANEL_GADGET, PANEL_PAGE } from '../lib/contract';

/** The certificate's page: in the program's folder, printable. */
export function certificateTitle( programId: string, member: string ): string {
	return programPrefix( programId ) + 'Certificates/' + member;
}

/** The panel's link that opens the join form as a mentor (the invitation to mentor). */
export function invitationLink( programId: string, label: string ): string {
	return '<span class="plainlinks">[{{fullurl:' + PANEL_PAGE + '|program=' + programId + '&withgadget=' + PANEL_GADGET +
		'&view=join&as=' + JOIN_AS_MENTOR + '}} ' + escapeInline( label ) + ']</span>';
}

export interface GraduationInput {
	/** A unique id for the post's and the certificate's marker. */
	id: string;
	programId: string;
	programName: string;
	mentee: string;
	/** Who graduates them (their mentor or a coordinator). */
	by: string;
	/** The mentee's mentor, when it is not `by`. */
	mentor: string | null;
	/** YYYY-MM-DD. */
	date: string;
	/** What the mentor typed (shown as typed). */
	note: string;
}

export interface GraduationPosts {
	post: { page: string; section: string; sectiontitle: string; text: string; summary: string; marker: string };
	certificate: { page: string; text: string; summary: string; marker: string };
}

/**
 * The recognition (a new signed section on the mentee's talk page, with the certificate's
 * link and the invitation to mentor) and the certificate page (wikitext that prints on one
 * page). What the mentor typed is escaped in both and shows as typed.
 */
export function buildGraduation( input: GraduationInput, messages: ContentMessages ): GraduationPosts {
	const mark = marker( 'mentorship-graduation id=' + input.id + ' program=' + input.programId );
	const page = certificateTitle( input.programId, input.mentee );
	const section = fillTemplate( messages( 'mentorship-graduation-heading' ), [ input.mentee, input.programName ] );
	const mentorLine = input.mentor ? fillTemplate( messages( 'mentorship-graduation-certificate-mentor' ), [ userLink( input.mentor ) ] ) : '';
	const lines = [
		mark,
		fillTemplate( messages( 'mentorship-graduation-text' ), [ userLink( input.mentee ), escapeInline( input.programName ) ] ),
	];
	if ( input.note.trim() ) {
		lines.push( '', escapeBlock( input.note ) );
	}
	lines.push( '',
		fillTemplate( messages( 'mentorship-graduation-certificate-link' ), [ pageLink( page, messages( 'mentorship-graduation-certificate-label' ) ) ] ),
		'',
		fillTemplate( messages( 'mentorship-graduation-invitation' ), [ invitationLink( input.programId, messages( 'mentorship-graduation-invitation-label' ) ) ] ) + ' ' + signature() );
	const certificate = [
		mark,
		'<div class="mg-certificate" style="max-width:40em;margin:2em auto;padding:2em;border:3px double #72777d;text-align:center;page-break-inside:avoid">',
		'<div style="font-size:150%;font-weight:bold">' + escapeInline( messages( 'mentorship-graduation-certificate-title' ) ) + '</div>',
		'',
		fillTemplate( messages( 'mentorship-graduation-certificate-text' ), [ userLink( input.mentee ), escapeInline( input.programName ), input.date ] ),
		'',
	];
	if ( mentorLine ) {
		certificate.push( mentorLine, '' );
	}
	if ( input.note.trim() ) {
		certificate.push( escapeBlock( input.note ), '' );
	}
	certificate.push( fillTemplate( messages( 'mentorship-graduation-certificate-signed' ), [ signature() ] ), '</div>' );
	return {
		post: {
			page: 'User talk:' + input.mentee,
			section: section,
			sectiontitle: headingText( section ),
			text: lines.join( '\n' ),
			summary: fillTemplate( messages( 'mentorship-graduation-summary' ), [ input.mentee, input.programName ] ),
			marker: mark,
		},
		certificate: {
			page: page,
			text: certificate.join( '\n' ),
			summary: fillTemplate( messages( 'mentorship-graduation-certificate-summary' ), [ input.mentee, input.programName ] ),
			marker: mark,
		},
	};
}

// ---- Trust ------------------------------------------------------------------------------
