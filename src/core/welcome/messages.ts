/**
 * The messages a program offers to newcomers (the defaults that ship as content-language
 * messages, and the program's own, which add to or override them), in which languages, for
 * whom; and the message as posted, with what the inviter typed escaped and its marker.
 */

import { Invitation, ProgramConfig, ProgramMessage } from '../format';
import { isIpAddress, isTemporaryAccountName } from '../names';
import { Post } from '../notices';
import { messageHazards } from '../message-hazards';
import { escapeBlock, escapeInline, fillTemplate, headingText, panelLink, signature, userLink } from '../wikitext';
import { invitationMarker } from './markers';

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
	/** How to turn the tools on (wikitext, escaped: core/wikitext turnOnLink in a sentence), for a user script's message; '' for none. */
	turnOn?: string;
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
	if ( input.turnOn ) {
		body += '\n\n' + input.turnOn;
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
	/** How to turn the tools on (see InvitationInput), or ''. */
	turnOn?: string;
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
		turnOn: c.turnOn,
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
