/**
 * Good work is recognised (issue 18): which of a mentor's confirmed mentees did something
 * the program counts as praiseworthy, and the thanks the mentor posts for it. Pure rules over
 * what src/wiki/praise.ts read.
 *
 * A program says what counts in its config (`praise`): at least `edits` edits within `days`
 * days, a first article (the mentee's first page created in the main namespace, created
 * within the window), a first upload (their first page created in the File namespace, within
 * the window). Defaults: 10 edits in 30 days, first article and first upload both on, no
 * template. A suggestion the mentor already recorded as a milestone (the same kind, for
 * `active-editing` within the window) is not made again; a mentee whose own profile says
 * `hidePraise` is never suggested.
 */

import { ContentMessages } from './ask';
import { MilestoneType, ProgramConfig, RecordedMilestone } from './format';
import { escapeBlock, escapeInline, fillTemplate, headingText, marker, pageLink, panelLink, signature, userLink } from './wikitext';

export const DEFAULT_PRAISE_EDITS = 10;
export const DEFAULT_PRAISE_DAYS = 30;

export type PraiseKind = 'active-editing' | 'first-article' | 'first-upload';

export interface PraiseRules {
	edits: number;
	days: number;
	firstArticle: boolean;
	firstUpload: boolean;
	/** A template the program posts (its name, without the namespace), or null for a plain message. */
	template: string | null;
}

function whole( value: unknown, min: number, max: number, fallback: number ): number {
	return typeof value === 'number' && value >= min && value <= max && Math.floor( value ) === value ? value : fallback;
}

/** A template name usable in a call: no characters that would end or break it. */
export function usableTemplate( name: unknown ): string | null {
	if ( typeof name !== 'string' ) {
		return null;
	}
	const plain = name.replace( /_/g, ' ' ).replace( /\s+/g, ' ' ).replace( /^\s+|\s+$/g, '' ).replace( /^[Tt]emplate\s*:\s*/, '' );
	return plain && !/[#<>[\]|{}~=&]/.test( plain ) && plain.length <= 200 ? plain : null;
}

/** The program's rules, each setting checked on its own (an unusable one falls back to its default). */
export function praiseRules( config: ProgramConfig ): PraiseRules {
	const p = config.praise || {};
	return {
		edits: whole( p.edits, 1, 10000, DEFAULT_PRAISE_EDITS ),
		days: whole( p.days, 1, 90, DEFAULT_PRAISE_DAYS ),
		firstArticle: p.firstArticle !== false,
		firstUpload: p.firstUpload !== false,
		template: usableTemplate( p.template ),
	};
}

/** A page a mentee created (ucshow=new): namespace 0 or 6. */
export interface Creation {
	ns: number;
	title: string;
	revid: number;
	timestamp: string;
}

/** What was read about one confirmed mentee. */
export interface MenteeWork {
	name: string;
	/** Edits within the window (at least this many when capped). */
	edits: number;
	/** Their latest edit in the window, when known (to thank for it). */
	lastRevid?: number;
	/** Every page they created in namespaces 0 and 6, as listed (any order). */
	creations: Creation[];
	/** False when the creations list may be missing older ones: no "first" is claimed then. */
	creationsComplete: boolean;
	/** Their own profile asks for no suggestions. */
	hidden: boolean;
}

export interface PraiseSuggestion {
	mentee: string;
	kind: PraiseKind;
	/** Edits counted (active-editing). */
	edits?: number;
	/** The page created (first article or upload). */
	title?: string;
	/** The revision to thank for, when there is one. */
	revid?: number;
	/** When it happened (the creation), or the window's end for edits. */
	time: string;
}

function firstIn( creations: Creation[], ns: number ): Creation | null {
	let first: Creation | null = null;
	for ( const c of creations ) {
		if ( c.ns === ns && ( !first || c.timestamp < first.timestamp || ( c.timestamp === first.timestamp && c.revid < first.revid ) ) ) {
			first = c;
		}
	}
	return first;
}

/**
 * The suggestions for one mentor: `work` for their confirmed mentees, `recorded` the
 * milestones the mentor already recorded (their own profile), `since` the window's start
 * and `now` its end (ISO).
 */
export function praiseSuggestions( work: MenteeWork[], rules: PraiseRules, recorded: RecordedMilestone[], since: string, now: string ): PraiseSuggestion[] {
	const done = ( mentee: string, type: MilestoneType, from: string ): boolean => recorded.some( ( r ) => r.member === mentee && r.type === type && r.time >= from );
	const out: PraiseSuggestion[] = [];
	for ( const w of work ) {
		if ( w.hidden ) {
			continue;
		}
		if ( w.creationsComplete ) {
			const kinds: [ boolean, number, PraiseKind ][] = [ [ rules.firstArticle, 0, 'first-article' ], [ rules.firstUpload, 6, 'first-upload' ] ];
			for ( const [ on, ns, kind ] of kinds ) {
				const first = on ? firstIn( w.creations, ns ) : null;
				if ( first && first.timestamp >= since && !done( w.name, kind, '' ) ) {
					out.push( { mentee: w.name, kind: kind, title: first.title, revid: first.revid, time: first.timestamp } );
				}
			}
		}
		if ( w.edits >= rules.edits && !done( w.name, 'active-editing', since ) ) {
			const s: PraiseSuggestion = { mentee: w.name, kind: 'active-editing', edits: w.edits, time: now };
			if ( w.lastRevid ) {
				s.revid = w.lastRevid;
			}
			out.push( s );
		}
	}
	return out.sort( ( a, b ) => ( a.mentee < b.mentee ? -1 : a.mentee > b.mentee ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0 ) );
}

export interface PraiseInput {
	suggestion: PraiseSuggestion;
	/** A unique id for the post's marker. */
	id: string;
	programId: string;
	programName: string;
	/** The mentor. */
	from: string;
	/** What the mentor typed (shown as typed). */
	note: string;
	/** The program's template, or null. */
	template: string | null;
}

export interface PraisePost {
	page: string;
	section: string;
	sectiontitle: string;
	text: string;
	summary: string;
	marker: string;
}

/** Message keys: the sentence saying what the mentee did ($1 mentee, $2 count, $3 page link or title). */
export const PRAISE_REASON: Record<PraiseKind, string> = {
	'active-editing': 'mentorship-praise-reason-edits',
	'first-article': 'mentorship-praise-reason-article',
	'first-upload': 'mentorship-praise-reason-upload',
};

/**
 * The thanks posted on the mentee's talk page as a new section: a marker, what they did,
 * the mentor's words (escaped, shown as typed), the program and the signature. With a
 * template, the reason and the words are its first parameter, escaped for a template value
 * (no `}}`, `|`, `=`, `[[`, tags or tildes survive), and the signature follows the call.
 */
export function buildPraise( input: PraiseInput, messages: ContentMessages ): PraisePost {
	const s = input.suggestion;
	const mark = marker( 'mentorship-praise kind=' + s.kind + ' id=' + input.id + ' program=' + input.programId );
	const count = String( s.edits || 0 );
	const section = fillTemplate( messages( 'mentorship-praise-heading' ), [ s.mentee, input.from, input.programName ] );
	const program = panelLink( input.programId, input.programName );
	const lines = [ mark ];
	if ( input.template ) {
		const reason = fillTemplate( messages( PRAISE_REASON[ s.kind ] ), [ s.mentee, count, s.title || '' ] );
		const words = input.note.trim() ? reason + ' ' + input.note.trim() : reason;
		lines.push( '{{' + input.template + '|1=' + escapeInline( words ) + '|user=' + escapeInline( s.mentee ) + '}}' );
	} else {
		lines.push( fillTemplate( messages( PRAISE_REASON[ s.kind ] ), [ userLink( s.mentee ), count, s.title ? pageLink( s.title ) : '' ] ) );
		if ( input.note.trim() ) {
			lines.push( '', escapeBlock( input.note ) );
		}
	}
	lines.push( '', fillTemplate( messages( 'mentorship-notice-footer' ), [ program ] ) + ' ' + signature() );
	return {
		page: 'User talk:' + s.mentee,
		section: section,
		sectiontitle: headingText( section ),
		text: lines.join( '\n' ),
		summary: fillTemplate( messages( 'mentorship-praise-summary' ), [ s.mentee, input.from, '', input.programName ] ),
		marker: mark,
	};
}

/** The milestone the mentor records for a suggestion they acted on. */
export function praiseMilestone( s: PraiseSuggestion ): { type: MilestoneType; time: string; note?: string } {
	const m: { type: MilestoneType; time: string; note?: string } = { type: s.kind, time: s.time };
	if ( s.title ) {
		m.note = s.title.slice( 0, 300 );
	}
	return m;
}
