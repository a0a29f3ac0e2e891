/**
 * Welcoming and inviting newcomers, as pure functions: which messages a program offers
 * (the defaults that ship as content-language messages, and the program's own, which add to
 * or override them), in which languages; the message as posted, with what the inviter typed
 * escaped and the invisible marker that says which program sent which kind of message, by
 * whom and when; reading those markers back from a talk page; whether a user may be sent a
 * message (and why not); the pace the wiki's edit limit allows; and the invitation log's
 * records, appended idempotently.
 */

import { Invitation, InvitationLog, ProgramConfig, ProgramMessage, Role } from './format';
import { isIpAddress, isTemporaryAccountName, normalizeUserName } from './names';
import { Post } from './notices';
import { messageHazards } from './program-config';
import { denies, escapeBlock, escapeInline, fillTemplate, headingText, marker, panelLink, signature, userLink } from './wikitext';

export type Audience = 'registered' | 'anonymous' | 'all';
export type AnonymousPolicy = 'refuse' | 'offer';

/** The name inviters use in {{bots|deny=…}} to keep these messages away. */
export const TOOL_NAME = 'mentorship';

/**
 * Message text in one language (or its base language), or null when the gadget has no
 * translation of it in that language (no fallback to another language).
 */
export type LanguageTexts = ( language: string, key: string ) => string | null;

interface BuiltIn {
	id: string;
	audience: Audience;
	/** Interface message naming it for the inviter. */
	label: string;
	/** Content messages: heading and text as posted. */
	subject: string;
	text: string;
}

/** The messages that ship with the gadget (message keys in full, for the i18n check). */
export const BUILT_IN: BuiltIn[] = [
	{
		id: 'welcome',
		audience: 'registered',
		label: 'mentorship-welcome-kind-welcome',
		subject: 'mentorship-welcome-default-welcome-subject',
		text: 'mentorship-welcome-default-welcome-text',
	},
	{
		id: 'invite',
		audience: 'registered',
		label: 'mentorship-welcome-kind-invite',
		subject: 'mentorship-welcome-default-invite-subject',
		text: 'mentorship-welcome-default-invite-text',
	},
	{
		id: 'event',
		audience: 'registered',
		label: 'mentorship-welcome-kind-event',
		subject: 'mentorship-welcome-default-event-subject',
		text: 'mentorship-welcome-default-event-text',
	},
	{
		id: 'anonymous',
		audience: 'anonymous',
		label: 'mentorship-welcome-kind-anonymous',
		subject: 'mentorship-welcome-default-anonymous-subject',
		text: 'mentorship-welcome-default-anonymous-text',
	},
];

/** The content message labelling the sign-up link ($signup). */
export const SIGNUP_LABEL = 'mentorship-welcome-signup-label';

export interface MessageVariant {
	subject: string;
	text: string;
}

/** A message an inviter can choose: its kind (id), for whom, and its text in each language. */
export interface MessageOption {
	id: string;
	audience: Audience;
	/** Labels the program gives it, by language. */
	labels: Record<string, string>;
	/** The interface message that names a built-in message. */
	labelKey?: string;
	/** Languages it exists in, in the order to offer them (the wiki's content language first). */
	languages: string[];
	variants: Record<string, MessageVariant>;
	/** Defined (or redefined) by the program's config. */
	custom: boolean;
}

function baseLanguage( code: string ): string {
	return code.split( '-' )[ 0 ] as string;
}

/** Languages in offer order: the content language, then the program's, then the others by code. */
export function orderLanguages( languages: string[], contentLanguage: string, programLanguages: string[] ): string[] {
	const present: Record<string, true> = {};
	languages.forEach( ( l ) => {
		present[ l ] = true;
	} );
	const out: string[] = [];
	const add = ( l: string ): void => {
		if ( present[ l ] && out.indexOf( l ) === -1 ) {
			out.push( l );
		}
	};
	add( contentLanguage );
	programLanguages.forEach( add );
	languages.slice().sort().forEach( add );
	return out;
}

/** A value of a per-language map for a language: itself, its base language, or null. */
function inLanguage( map: Record<string, string> | undefined, language: string ): string | null {
	if ( !map ) {
		return null;
	}
	if ( Object.prototype.hasOwnProperty.call( map, language ) ) {
		return map[ language ] as string;
	}
	const base = baseLanguage( language );
	return Object.prototype.hasOwnProperty.call( map, base ) ? map[ base ] as string : null;
}

function firstValue( map: Record<string, string> ): string | null {
	const keys = Object.keys( map ).sort();
	return keys.length ? map[ keys[ 0 ] as string ] as string : null;
}

/**
 * The messages a program offers: the built-in ones (in the languages the gadget has them,
 * among the wiki's content language, the program's languages and English) and those of
 * config.messages, which add new kinds or override a built-in one language by language.
 */
export function messageOptions( config: ProgramConfig, contentLanguage: string, texts: LanguageTexts ): MessageOption[] {
	const own: Record<string, ProgramMessage> = config.messages || {};
	const candidates = [ contentLanguage ].concat( config.languages, [ 'en' ] );
	const options: MessageOption[] = [];
	const builtInIds: string[] = [];
	for ( const b of BUILT_IN ) {
		builtInIds.push( b.id );
		const custom = Object.prototype.hasOwnProperty.call( own, b.id ) ? own[ b.id ] as ProgramMessage : null;
		const variants: Record<string, MessageVariant> = {};
		for ( const language of candidates ) {
			const text = texts( language, b.text );
			const subject = texts( language, b.subject );
			if ( text !== null && subject !== null && !variants[ language ] ) {
				variants[ language ] = { subject: subject, text: text };
			}
		}
		if ( custom ) {
			addCustomVariants( variants, custom, contentLanguage, ( language ) => variants[ language ] ? ( variants[ language ] as MessageVariant ).subject : null );
		}
		const option: MessageOption = {
			id: b.id,
			audience: custom && custom.audience ? custom.audience : b.audience,
			labels: custom ? custom.label : {},
			labelKey: b.label,
			languages: orderLanguages( Object.keys( variants ), contentLanguage, config.languages ),
			variants: variants,
			custom: !!custom,
		};
		if ( option.languages.length ) {
			options.push( option );
		}
	}
	for ( const id of Object.keys( own ).sort() ) {
		if ( builtInIds.indexOf( id ) !== -1 ) {
			continue;
		}
		const message = own[ id ] as ProgramMessage;
		const variants: Record<string, MessageVariant> = {};
		addCustomVariants( variants, message, contentLanguage, () => null );
		const languages = orderLanguages( Object.keys( variants ), contentLanguage, config.languages );
		if ( languages.length ) {
			options.push( {
				id: id,
				audience: message.audience || 'registered',
				labels: message.label,
				languages: languages,
				variants: variants,
				custom: true,
			} );
		}
	}
	return options;
}

/** The program's texts, one language at a time; a missing subject falls back to another language's. */
function addCustomVariants(
	variants: Record<string, MessageVariant>, message: ProgramMessage, contentLanguage: string,
	defaultSubject: ( language: string ) => string | null,
): void {
	for ( const language of Object.keys( message.text ) ) {
		// A text with a hazard (subst:, a category, a block that covers the page) is never
		// offered, even when the config was saved around the form.
		if ( messageHazards( message.text[ language ] as string ).length || messageHazards( message.subject[ language ] || '' ).length ) {
			continue;
		}
		const subject = inLanguage( message.subject, language ) ||
			defaultSubject( language ) ||
			inLanguage( message.subject, contentLanguage ) ||
			firstValue( message.subject ) ||
			'';
		variants[ language ] = { subject: subject, text: message.text[ language ] as string };
	}
}

/** The label of a message in the user's language: the program's, or the built-in message's. */
export function optionLabel( option: MessageOption, userLanguage: string, contentLanguage: string, ui: ( key: string ) => string ): string {
	const own = inLanguage( option.labels, userLanguage );
	if ( own !== null ) {
		return own;
	}
	if ( option.labelKey ) {
		return ui( option.labelKey );
	}
	return inLanguage( option.labels, contentLanguage ) || firstValue( option.labels ) || option.id;
}

/** Whether a message may go to this kind of account, under the program's policy for editors without one. */
export function offeredTo( option: { audience: Audience }, anonymous: boolean, policy: AnonymousPolicy ): boolean {
	if ( anonymous ) {
		return policy === 'offer' && option.audience !== 'registered';
	}
	return option.audience !== 'anonymous';
}

export function anonymousPolicy( config: ProgramConfig ): AnonymousPolicy {
	return config.anonymous === 'offer' ? 'offer' : 'refuse';
}

/** An editor without an account: an IP address or a temporary account. */
export function isAnonymousName( name: string ): boolean {
	return isIpAddress( name ) || isTemporaryAccountName( name );
}

// ---- The marker -----------------------------------------------------------------------

/** What the invisible marker of a posted message says. */
export interface InvitationMark {
	program: string;
	kind: string;
	by: string;
	time: string;
	/** Unique per post: finds a post whose response was lost. */
	id?: string;
}

/** Values are percent-encoded, and so are - and ~ (a comment cannot hold --; ~~~ would sign). */
function encodeValue( value: string ): string {
	return encodeURIComponent( value ).replace( /-/g, '%2D' ).replace( /~/g, '%7E' ).replace( /[!'()*]/g, ( c ) => '%' + c.charCodeAt( 0 ).toString( 16 ).toUpperCase() );
}

function decodeValue( value: string ): string | null {
	try {
		return decodeURIComponent( value );
	} catch ( e ) {
		return null;
	}
}

export function invitationMarker( mark: InvitationMark ): string {
	const parts = [ 'program=' + encodeValue( mark.program ), 'kind=' + encodeValue( mark.kind ),
		'by=' + encodeValue( mark.by ), 'time=' + encodeValue( mark.time ) ];
	if ( mark.id ) {
		parts.push( 'id=' + encodeValue( mark.id ) );
	}
	return marker( 'mentorship-invitation ' + parts.join( ' ' ) );
}

const MARKER = /<!--\s*mentorship-invitation\s([^>]*?)-->/g;

/** Every invitation marker in a page's wikitext, in page order. Damaged markers are ignored. */
export function parseInvitationMarkers( wikitext: string ): InvitationMark[] {
	const out: InvitationMark[] = [];
	let m: RegExpExecArray | null;
	MARKER.lastIndex = 0;
	while ( ( m = MARKER.exec( wikitext ) ) !== null ) {
		const fields: Record<string, string> = {};
		for ( const pair of ( m[ 1 ] as string ).split( /\s+/ ) ) {
			const eq = pair.indexOf( '=' );
			if ( eq > 0 ) {
				const value = decodeValue( pair.slice( eq + 1 ) );
				if ( value !== null ) {
					fields[ pair.slice( 0, eq ) ] = value;
				}
			}
		}
		if ( fields.program && fields.kind && fields.by && fields.time ) {
			const mark: InvitationMark = { program: fields.program, kind: fields.kind, by: fields.by, time: fields.time };
			if ( fields.id ) {
				mark.id = fields.id;
			}
			out.push( mark );
		}
	}
	return out;
}

// ---- The message as posted --------------------------------------------------------------

export interface InvitationInput {
	programId: string;
	programName: string;
	kind: string;
	language: string;
	/** The chosen message's templates (subject and wikitext) in that language. */
	variant: MessageVariant;
	user: string;
	inviter: string;
	/** The inviter's personal note, shown as typed ('' for none). */
	note: string;
	/** When it is posted (ISO, seconds), and a unique id for the marker. */
	time: string;
	id: string;
	/** The label of the sign-up link, in the message's language. */
	signupLabel: string;
	/** The edit summary's template, in the wiki's content language: $1 heading, $2 program. */
	summary: string;
}

/** True when wikitext holds a signature with a name (~~~ or ~~~~; ~~~~~ is a date alone). */
export function isSigned( wikitext: string ): boolean {
	return /~{3}/.test( wikitext.replace( /~{5}/g, '' ) );
}

/**
 * The section to post. Placeholders: $user (the newcomer), $inviter (a link to the inviter),
 * $program (the program's name), $signup (a link to join it in the panel) and $note (the
 * personal note, shown exactly as typed; appended at the end when the text has no $note).
 * Signed once: the signature is added only when the text has none.
 */
export function buildInvitation( input: InvitationInput ): Post {
	const mark = invitationMarker( { program: input.programId, kind: input.kind, by: input.inviter, time: input.time, id: input.id } );
	const note = input.note.replace( /\s+$/, '' );
	const hasNote = note.trim() !== '';
	const inHeading: Record<string, string> = {
		user: input.user, inviter: input.inviter, program: input.programName, signup: input.signupLabel, note: '',
	};
	const section = fillTemplate( input.variant.subject, [], inHeading ).replace( /\s+/g, ' ' ).replace( /^ | $/g, '' ) || input.programName;
	const inText: Record<string, string> = {
		user: escapeInline( input.user ),
		inviter: userLink( input.inviter ),
		program: escapeInline( input.programName ),
		signup: panelLink( input.programId, input.signupLabel ),
		note: hasNote ? escapeBlock( note ) : '',
	};
	let body = fillTemplate( input.variant.text, [], inText );
	if ( hasNote && !/\$note(?![a-z])/.test( input.variant.text ) ) {
		body += '\n\n' + inText.note;
	}
	body = body.replace( /[ \t]+\n/g, '\n' ).replace( /\n{3,}/g, '\n\n' ).replace( /^\s+|\s+$/g, '' );
	if ( !isSigned( input.variant.text ) ) {
		const lines = body.split( '\n' );
		const last = lines[ lines.length - 1 ] || '';
		// After a list, table, template or note line, the signature goes on a line of its own.
		body += /^[*#:;{|!=<]|\}\}$|>$/.test( last ) || last === '' ? '\n\n' + signature() : ' ' + signature();
	}
	return {
		page: 'User talk:' + input.user,
		section: section,
		sectiontitle: headingText( section ),
		text: mark + '\n' + body,
		summary: fillTemplate( input.summary, [ section, input.programName ] ),
		marker: mark,
	};
}

/** Everything about a message but its recipient: what a batch sends to each user. */
export interface Composition {
	programId: string;
	programName: string;
	option: MessageOption;
	language: string;
	note: string;
	inviter: string;
	/** In the message's language. */
	signupLabel: string;
	/** In the wiki's content language: $1 heading, $2 program. */
	summary: string;
}

/** The post for one user (built just before it is sent: `time` is in its marker and its log record). */
export function composeFor( c: Composition, user: string, time: string, id: string ): Post {
	const variant = c.option.variants[ c.language ] || c.option.variants[ c.option.languages[ 0 ] as string ] as MessageVariant;
	return buildInvitation( {
		programId: c.programId,
		programName: c.programName,
		kind: c.option.id,
		language: c.language,
		variant: variant,
		user: user,
		inviter: c.inviter,
		note: c.note,
		time: time,
		id: id,
		signupLabel: c.signupLabel,
		summary: c.summary,
	} );
}

/** The log record of a message posted at `time` in revision `revid` (null for an IP address, which the log cannot name). */
export function invitationRecord( c: Composition, user: string, time: string, revid: number ): Invitation | null {
	if ( isIpAddress( user ) ) {
		return null;
	}
	const record: Invitation = { user: user, by: c.inviter, time: time, kind: c.option.id, lang: c.language, revid: revid };
	if ( c.note.trim() ) {
		record.note = true;
	}
	return record;
}

// ---- Who may be sent a message -----------------------------------------------------------

/** An earlier message of the program to this user, from a talk-page marker or the log. */
export interface Prior {
	kind: string;
	by: string;
	time: string;
	from: 'talk' | 'log';
	revid?: number;
}

/** The program's earlier messages to `user`, oldest first (one entry per message, even when both sources tell). */
export function priorInvitations( programId: string, user: string, talkText: string | null, logs: ( InvitationLog | null )[] ): Prior[] {
	const out: Prior[] = [];
	const seen: Record<string, true> = {};
	const add = ( prior: Prior ): void => {
		const key = prior.kind + '|' + prior.by + '|' + prior.time;
		if ( !seen[ key ] ) {
			seen[ key ] = true;
			out.push( prior );
		}
	};
	for ( const mark of talkText ? parseInvitationMarkers( talkText ) : [] ) {
		if ( mark.program === programId ) {
			add( { kind: mark.kind, by: mark.by, time: mark.time, from: 'talk' } );
		}
	}
	for ( const log of logs ) {
		for ( const record of log ? log.invitations : [] ) {
			if ( record.user === user ) {
				add( { kind: record.kind, by: record.by, time: record.time, from: 'log', revid: record.revid } );
			}
		}
	}
	return out.sort( ( a, b ) => a.time < b.time ? -1 : a.time > b.time ? 1 : 0 );
}

/** What the checks found out about a user. */
export interface UserFacts {
	name: string;
	/** A name MediaWiki accepts (an account name, an IP address or a temporary account). */
	valid: boolean;
	/** The account exists (always true for an IP address). */
	exists: boolean;
	/** An editor without an account: an IP address or a temporary account. */
	anonymous: boolean;
	bot: boolean;
	/** A sitewide block (a partial block does not stop a welcome). */
	block?: { by: string; expiry: string; reason: string };
	/** The talk page's wikitext (null when it does not exist). */
	talk: string | null;
	prior: Prior[];
	/** The account's edits and registration time, when the wiki tells. */
	editcount?: number;
	registration?: string | null;
	/** A current member of the program, by their own profile (which only they can write). */
	member?: Role;
}

export type Skip =
	{ why: 'invalid' } |
	{ why: 'missing' } |
	{ why: 'self' } |
	{ why: 'bot' } |
	/** Already a mentor or a mentee of the program. */
	{ why: 'member'; role: Role } |
	{ why: 'blocked'; by: string; expiry: string } |
	/** The program does not message editors without an account. */
	{ why: 'anonymous' } |
	/** The chosen message is not meant for this kind of account. */
	{ why: 'audience' } |
	/** {{nobots}} or a {{bots}} that denies us on the talk page. */
	{ why: 'optout' } |
	/** The same kind of message was sent before. */
	{ why: 'already'; prior: Prior } |
	/** Another kind of message was sent before, and the inviter did not choose to go on. */
	{ why: 'other'; prior: Prior } |
	/** Not sent: the inviter stopped the batch first. */
	{ why: 'cancelled' };

/** Why nothing may be posted to this user whatever the message, or null. */
export function accountSkip( facts: UserFacts, inviter: string, policy: AnonymousPolicy ): Skip | null {
	if ( !facts.valid ) {
		return { why: 'invalid' };
	}
	if ( !facts.exists ) {
		return { why: 'missing' };
	}
	if ( facts.name === inviter ) {
		return { why: 'self' };
	}
	if ( facts.member ) {
		return { why: 'member', role: facts.member };
	}
	if ( facts.bot ) {
		return { why: 'bot' };
	}
	if ( facts.block ) {
		return { why: 'blocked', by: facts.block.by, expiry: facts.block.expiry };
	}
	if ( facts.anonymous && policy === 'refuse' ) {
		return { why: 'anonymous' };
	}
	if ( facts.talk !== null && denies( facts.talk, TOOL_NAME ) ) {
		return { why: 'optout' };
	}
	return null;
}

/** The latest earlier message of this kind, if any. */
export function priorOfKind( facts: UserFacts, kind: string ): Prior | null {
	const same = facts.prior.filter( ( p ) => p.kind === kind );
	return same.length ? same[ same.length - 1 ] as Prior : null;
}

/**
 * Whether `option` may be posted to this user: never twice the same kind; another kind
 * only when the inviter chose to go on (`goOn`) after seeing the earlier message.
 */
export function verdict( facts: UserFacts, inviter: string, policy: AnonymousPolicy, option: { id: string; audience: Audience }, goOn: boolean ): Skip | null {
	const skip = accountSkip( facts, inviter, policy );
	if ( skip ) {
		return skip;
	}
	if ( !offeredTo( option, facts.anonymous, policy ) ) {
		return { why: 'audience' };
	}
	const same = priorOfKind( facts, option.id );
	if ( same ) {
		return { why: 'already', prior: same };
	}
	if ( facts.prior.length && !goOn ) {
		return { why: 'other', prior: facts.prior[ facts.prior.length - 1 ] as Prior };
	}
	return null;
}

/**
 * Names from a pasted list: one a line; list markers, "User:" or "User talk:" prefixes and
 * [[links]] are taken off; duplicates and blank lines dropped.
 */
export function parseNames( text: string ): string[] {
	const out: string[] = [];
	for ( const raw of text.split( /\r\n|\r|\n/ ) ) {
		let line = raw.replace( /^[\s*#:]+/, '' ).replace( /\s+$/, '' );
		const link = /^\[\[([^\]|]*)(\|[^\]]*)?\]\]/.exec( line );
		if ( link ) {
			line = link[ 1 ] as string;
		}
		line = line.replace( /^(user|user talk)\s*:\s*/i, '' );
		const name = normalizeUserName( line );
		if ( name && out.indexOf( name ) === -1 ) {
			out.push( name );
		}
	}
	return out;
}

// ---- Pace -----------------------------------------------------------------------------

export interface RateLimit {
	hits: number;
	seconds: number;
}

/**
 * Keeps edits within the wiki's edit limit. MediaWiki 1.39 counts edits in a sliding
 * window split in 30 buckets: at most `hits` edits in any `seconds`, measured from when an
 * edit was saved (the answer's arrival, which is at or after the wiki counted it), plus a
 * bucket and a second of margin. Bursts up to the limit go at once; then one edit as each
 * old one leaves the window.
 *
 * The limit a wiki reports is not always what it applies: MediaWiki 1.43 counts each API
 * edit twice (the API's permission check and the edit itself both count), so 8 a minute
 * means 4 edits. A `ratelimited` answer that comes right after a saved edit, when the pacer
 * thought there was room, means the wiki counts more than the pacer does: it halves the
 * edits it allows itself in the window.
 */
export class Pacer {
	public readonly limit: RateLimit | null;
	private readonly windowMs: number;
	private readonly times: number[] = [];
	private penaltyMs = 0;
	/** Edits the pacer allows itself in one window (the limit's hits, until the wiki says otherwise). */
	private hits: number;
	/** Halved already since the last saved edit. */
	private learnt = false;

	public constructor( limit?: RateLimit | null ) {
		this.limit = limit && limit.hits > 0 && limit.seconds > 0 ? limit : null;
		this.windowMs = this.limit ? this.limit.seconds * 1000 + Math.ceil( this.limit.seconds * 1000 / 30 ) + 1000 : 0;
		this.hits = this.limit ? this.limit.hits : 0;
	}

	/** Edits allowed in one window, as learnt so far. */
	public get allowed(): number {
		return this.hits;
	}

	/** Milliseconds to wait before the next edit. */
	public delay( now: number ): number {
		if ( !this.limit || this.times.length < this.hits ) {
			return 0;
		}
		const oldest = this.times[ this.times.length - this.hits ] as number;
		return Math.max( 0, oldest + this.windowMs - now );
	}

	/**
	 * Edits made before the pacer started (the user's latest contributions, in local
	 * time): they count against the same limit.
	 */
	public seed( times: number[] ): void {
		const all = this.times.concat( times ).sort( ( a, b ) => a - b );
		this.times.length = 0;
		all.forEach( ( t ) => this.record( t ) );
	}

	/** An edit was saved at `now`. */
	public record( now: number ): void {
		this.times.push( now );
		if ( this.limit && this.times.length > this.limit.hits ) {
			this.times.splice( 0, this.times.length - this.limit.hits );
		}
		this.penaltyMs = 0;
		this.learnt = false;
	}

	/**
	 * The wiki said `ratelimited` anyway (edits from another tab count too): how long to
	 * wait before trying again. Doubles each time, from one edit's share of the window up
	 * to the whole window.
	 */
	public backoff(): number {
		if ( this.limit && !this.penaltyMs && !this.learnt && this.hits > 1 ) {
			// The wiki refused an edit the pacer thought fitted: it counts more per edit.
			this.hits = Math.max( 1, Math.floor( this.hits / 2 ) );
			this.learnt = true;
		}
		const limit = this.limit || { hits: 8, seconds: 60 };
		const share = Math.max( 5000, Math.ceil( limit.seconds * 1000 / limit.hits ) );
		this.penaltyMs = this.penaltyMs ? Math.min( this.penaltyMs * 2, limit.seconds * 1000 + 2000 ) : share;
		return this.penaltyMs;
	}
}

/**
 * How long a batch of `posts` messages takes at best under `limit`, with a log edit after
 * every `logEvery` posts and one at the end (milliseconds; 0 without a limit).
 */
export function estimateBatchMs( posts: number, limit: RateLimit | null | undefined, logEvery: number ): number {
	if ( !limit || posts <= 0 ) {
		return 0;
	}
	const edits = posts + Math.ceil( posts / logEvery );
	const pacer = new Pacer( limit );
	let now = 0;
	for ( let i = 0; i < edits; i++ ) {
		now += pacer.delay( now );
		pacer.record( now );
	}
	return now;
}

// ---- The invitation log -----------------------------------------------------------------

/**
 * Adds the records the log does not hold yet (same user and revision) at its end; records
 * already there (a retry after a lost response) are not added twice, and nothing else moves.
 */
export function logAppend( log: InvitationLog, records: Invitation[] ): InvitationLog {
	for ( const record of records ) {
		if ( !log.invitations.some( ( r ) => r.user === record.user && r.revid === record.revid ) ) {
			log.invitations.push( record );
		}
	}
	return log;
}

/** The months (YYYY-MM) whose logs tell of recent invitations: this one and the one before. */
export function recentMonths( nowIso: string ): string[] {
	const year = Number( nowIso.slice( 0, 4 ) );
	const month = Number( nowIso.slice( 5, 7 ) );
	const previous = month === 1 ? ( year - 1 ) + '-12' : year + '-' + ( month - 1 < 10 ? '0' : '' ) + ( month - 1 );
	return [ nowIso.slice( 0, 7 ), previous ];
}
