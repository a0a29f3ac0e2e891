/**
 * The mentor's "Needs you" list (issue 18, nobody waits unseen): which of the mentor's
 * confirmed mentees need them now, and why. Pure rules over what src/wiki/needs-you.ts read:
 * questions to the mentor still without a reply, edits reverted recently, warnings and
 * notices others left on the mentee's talk page recently, and blocks in force.
 *
 * A warning or notice is recognised by the templates that leave it. Substituted templates
 * (Twinkle's and the standard user warnings: {{subst:uw-vandalism1}}) leave an HTML comment
 * naming themselves, `<!-- Template:uw-vandalism1 -->`; templates used without subst: leave
 * their call, `{{uw-vandalism1|…}}`. A name counts when it begins with one of the program's
 * `needsYou.templates` (default: `uw-`, the user-warning family). An edit brings a warning
 * when it is made by someone other than the mentee and the page after it carries more such
 * templates, of one name, than the page before it.
 */

import { Question, ProgramConfig } from './format';

/** Days that count as recent when the program does not say. */
export const DEFAULT_NEEDS_YOU_DAYS = 14;
/** Template names (beginnings) that mark a warning or notice when the program does not say. */
export const DEFAULT_WARNING_TEMPLATES: readonly string[] = [ 'uw-' ];

export function needsYouDays( config: ProgramConfig ): number {
	const days = config.needsYou && config.needsYou.days;
	return typeof days === 'number' && days >= 1 && days <= 90 && Math.floor( days ) === days ? days : DEFAULT_NEEDS_YOU_DAYS;
}

/** A template name as MediaWiki compares them: spaces for underscores, first letter upper case. */
function templateKey( name: string ): string {
	const plain = name.replace( /_/g, ' ' ).replace( /\s+/g, ' ' ).replace( /^\s+|\s+$/g, '' );
	return plain.charAt( 0 ).toUpperCase() + plain.slice( 1 );
}

/** The program's template names (beginnings), each checked on its own: an unusable one is left out. */
export function warningTemplates( config: ProgramConfig ): string[] {
	const listed = config.needsYou && config.needsYou.templates;
	const names = listed || DEFAULT_WARNING_TEMPLATES.slice();
	const out: string[] = [];
	for ( const name of names ) {
		const key = typeof name === 'string' ? templateKey( name ) : '';
		if ( key && !/[#<>[\]|{}]/.test( key ) && out.indexOf( key ) === -1 ) {
			out.push( key );
		}
	}
	return out;
}

const MARKER = /<!--\s*Template:([^<>{}|]+?)\s*-->/g;
const CALL = /\{\{\s*(?:[Tt]emplate\s*:\s*)?([^{}|<>[\]#:\n]+?)\s*(?:\||\}\})/g;

/**
 * The warning and notice templates a text carries, by name, with how many times each:
 * substitution comments (`<!-- Template:uw-spam1 -->`) and template calls (`{{uw-spam1}}`)
 * whose names begin with one of `prefixes` (as warningTemplates gives them).
 */
export function warningCounts( text: string, prefixes: string[] ): Record<string, number> {
	const counts: Record<string, number> = {};
	const count = ( raw: string ): void => {
		const name = templateKey( raw );
		for ( const prefix of prefixes ) {
			if ( name.slice( 0, prefix.length ) === prefix ) {
				counts[ name ] = ( counts[ name ] || 0 ) + 1;
				return;
			}
		}
	};
	let m: RegExpExecArray | null;
	MARKER.lastIndex = 0;
	while ( ( m = MARKER.exec( text ) ) !== null ) {
		count( m[ 1 ] as string );
	}
	CALL.lastIndex = 0;
	while ( ( m = CALL.exec( text ) ) !== null ) {
		count( m[ 1 ] as string );
	}
	return counts;
}

/** The template names `after` carries more often than `before`, sorted. */
export function addedWarnings( before: string, after: string, prefixes: string[] ): string[] {
	const was = warningCounts( before, prefixes );
	const now = warningCounts( after, prefixes );
	return Object.keys( now ).filter( ( name ) => ( now[ name ] as number ) > ( was[ name ] || 0 ) ).sort();
}

/** A revision of a mentee's talk page, with its text. */
export interface TalkRevision {
	revid: number;
	/** The revision before it (0 for the page's first). */
	parentid: number;
	user: string;
	timestamp: string;
	content: string;
}

export interface WarningEvent {
	mentee: string;
	/** Who left it. */
	by: string;
	/** The edit that left it (its diff shows it). */
	revid: number;
	timestamp: string;
	/** The templates it added. */
	templates: string[];
}

/**
 * The warnings and notices others left on `mentee`'s talk page since `since`, newest first,
 * from the page's latest revisions (newest first, as the API lists them). An edit whose
 * previous revision is not among them is compared with nothing only when it created the page;
 * otherwise it is not judged (its parent was not read).
 */
export function newWarnings( mentee: string, revisions: TalkRevision[], since: string, prefixes: string[] ): WarningEvent[] {
	const byId: Record<string, TalkRevision> = {};
	for ( const r of revisions ) {
		byId[ String( r.revid ) ] = r;
	}
	const events: WarningEvent[] = [];
	for ( const r of revisions ) {
		if ( r.timestamp < since || r.user === mentee || !r.user ) {
			continue;
		}
		const parent = r.parentid ? byId[ String( r.parentid ) ] : undefined;
		if ( r.parentid && !parent ) {
			continue;
		}
		const added = addedWarnings( parent ? parent.content : '', r.content, prefixes );
		if ( added.length ) {
			events.push( { mentee: mentee, by: r.user, revid: r.revid, timestamp: r.timestamp, templates: added } );
		}
	}
	return events.sort( ( a, b ) => ( a.timestamp < b.timestamp ? 1 : a.timestamp > b.timestamp ? -1 : b.revid - a.revid ) );
}

/** A mentee's edit that was reverted (tagged mw-reverted). */
export interface RevertedEdit {
	mentee: string;
	revid: number;
	title: string;
	timestamp: string;
}

export interface BlockState {
	mentee: string;
	by: string;
	reason: string;
	expiry: string;
	partial: boolean;
}

export interface WaitingQuestion {
	mentee: string;
	question: Question;
	/** Whole days since it was asked. */
	days: number;
}

export type NeedsYouItem =
	| { kind: 'question'; mentee: string; question: Question; days: number }
	| { kind: 'reverted'; mentee: string; edits: RevertedEdit[] }
	| { kind: 'warning'; mentee: string; warning: WarningEvent }
	| { kind: 'blocked'; mentee: string; block: BlockState };

export interface NeedsYouInput {
	/** The mentor's confirmed mentees (the pairing rule): nobody else is listed. */
	mentees: string[];
	questions: WaitingQuestion[];
	reverted: RevertedEdit[];
	warnings: WarningEvent[];
	blocks: BlockState[];
}

const ORDER: Record<NeedsYouItem[ 'kind' ], number> = { blocked: 0, question: 1, warning: 2, reverted: 3 };

/**
 * The list: blocks first (the mentee cannot edit), then questions waiting (the oldest first),
 * warnings (newest first) and reverted edits (one item a mentee, newest edit first). Anything
 * about someone who is not among `mentees` is dropped.
 */
export function needsYouItems( input: NeedsYouInput ): NeedsYouItem[] {
	const mine: Record<string, true> = {};
	for ( const name of input.mentees ) {
		mine[ '#' + name ] = true;
	}
	const isMine = ( name: string ): boolean => !!mine[ '#' + name ];
	const items: { item: NeedsYouItem; time: string }[] = [];
	for ( const b of input.blocks ) {
		if ( isMine( b.mentee ) ) {
			items.push( { item: { kind: 'blocked', mentee: b.mentee, block: b }, time: b.mentee } );
		}
	}
	for ( const q of input.questions ) {
		if ( isMine( q.mentee ) ) {
			items.push( { item: { kind: 'question', mentee: q.mentee, question: q.question, days: q.days }, time: q.question.time } );
		}
	}
	for ( const w of input.warnings ) {
		if ( isMine( w.mentee ) ) {
			items.push( { item: { kind: 'warning', mentee: w.mentee, warning: w }, time: w.timestamp } );
		}
	}
	const reverted: Record<string, RevertedEdit[]> = {};
	const order: string[] = [];
	for ( const e of input.reverted ) {
		if ( !isMine( e.mentee ) ) {
			continue;
		}
		if ( !reverted[ '#' + e.mentee ] ) {
			reverted[ '#' + e.mentee ] = [];
			order.push( e.mentee );
		}
		( reverted[ '#' + e.mentee ] as RevertedEdit[] ).push( e );
	}
	for ( const name of order ) {
		const edits = ( reverted[ '#' + name ] as RevertedEdit[] ).slice().sort( ( a, b ) => ( a.timestamp < b.timestamp ? 1 : a.timestamp > b.timestamp ? -1 : b.revid - a.revid ) );
		items.push( { item: { kind: 'reverted', mentee: name, edits: edits }, time: ( edits[ 0 ] as RevertedEdit ).timestamp } );
	}
	return items.sort( ( a, b ) => {
		const k = ORDER[ a.item.kind ] - ORDER[ b.item.kind ];
		if ( k ) {
			return k;
		}
		if ( a.item.kind === 'question' || a.item.kind === 'blocked' ) {
			// Oldest question first; blocks by name.
			return a.time < b.time ? -1 : a.time > b.time ? 1 : 0;
		}
		return a.time < b.time ? 1 : a.time > b.time ? -1 : 0;
	} ).map( ( x ) => x.item );
}
