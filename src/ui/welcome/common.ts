/**
 * What the two welcome dialogs share: the programs one can invite to, the choice of
 * program, message and language (accessible: native radio buttons in a fieldset, named
 * dropdowns), the composition of a message, and the texts of the reasons a user is left out.
 */

import { Prior, Skip } from '../../core/welcome/eligibility';
import { Composition, MessageOption, messageOptions, optionLabel, SIGNUP_LABEL } from '../../core/welcome/messages';
import { configTitle } from '../../core/titles';
import { TurnOn, turnOnLink } from '../../core/welcome/turn-on';
import { fillTemplate } from '../../core/wikitext';
import { ProgramConfig } from '../../core/format';
import { listPrograms, ProgramSummary } from '../../wiki/program-list';
import { trustedConfigCached } from '../../wiki/trust';
import { WelcomeProgram } from '../../wiki/welcome';
import { Drafts } from '../drafts';
import { Env, formatDate } from '../env';
import { errorText } from '../errors';
import { msg } from '../i18n';
import { languageName } from '../lists';
import { CountedText, nameDropdown } from '../widgets';

/**
 * A program as the listing shows it: its id and its config page's latest revision. Nothing
 * in it is trusted: the config in force is read (verifyProgram) only for the program chosen.
 */
export interface ProgramEntry {
	id: string;
	/** The config page's latest revision: the trust chain's result is kept under it. */
	latest?: number;
}

/** Where the program chosen stands: being read, usable, not usable (closed, or no config its coordinators made), or unread (a failure). */
export type ProgramState =
	{ state: 'checking'; label: string } |
	{ state: 'ready'; program: WelcomeProgram } |
	{ state: 'closed' | 'untrusted'; label: string } |
	{ state: 'failed'; label: string; error: unknown };

function lastKey( env: Env ): string {
	return 'mentorship-welcome-last:' + ( env.user || '' );
}

/** Remembers (in the user's own storage) the program the user invited to, the next dialog's first choice. */
export function rememberProgram( env: Env, id: string ): void {
	env.storage.set( lastKey( env ), id );
}

/**
 * Every program on the wiki, in the order the dialogs offer them: the one the user last
 * invited to, then those whose latest config names the user as coordinator (open ones
 * first), then by id. The listing only (one request, and one per 50 configs): no trust chain
 * is read here, so programs nobody confirmed (anyone can create a config page) cost one
 * line of a listing each, not requests. The latest configs only order the list: what is
 * shown, posted and who may send come from the config in force of the program chosen.
 */
export async function invitablePrograms( env: Env ): Promise<ProgramEntry[]> {
	const all = await listPrograms( env.client );
	const last = env.storage.get( lastKey( env ) );
	const rank = ( p: ProgramSummary ): number => {
		if ( p.id === last ) {
			return 0;
		}
		const mine = !!p.config && p.config.coordinators.indexOf( env.user || '' ) !== -1;
		return mine ? ( p.config && p.config.closed ? 2 : 1 ) : 3;
	};
	return all.slice().sort( ( a, b ) => rank( a ) - rank( b ) || ( a.id < b.id ? -1 : a.id > b.id ? 1 : 0 ) ).map( ( p ) => {
		const entry: ProgramEntry = { id: p.id };
		if ( p.revid !== undefined ) {
			entry.latest = p.revid;
		}
		return entry;
	} );
}

/**
 * The config in force of a program (its coordinators', through the trust chain), or null
 * when no revision holds one: read once per latest revision of the page, then kept in the
 * user's own storage (a repeat costs no request).
 */
export function verifyProgram( env: Env, entry: ProgramEntry ): Promise<ProgramConfig | null> {
	return trustedConfigCached( env.client, configTitle( entry.id ), entry.latest, env.storage );
}

/** Why the program chosen cannot be used (null when it can, or while it is read); `others`: other programs can be chosen. */
export function unusableText( state: ProgramState, others: boolean ): string | null {
	let why: string;
	switch ( state.state ) {
		case 'closed':
			why = msg( 'mentorship-welcome-program-closed', state.label );
			break;
		case 'untrusted':
			why = msg( 'mentorship-welcome-program-untrusted', state.label );
			break;
		case 'failed':
			why = msg( 'mentorship-welcome-program-failed', state.label, errorText( state.error ) );
			break;
		default:
			return null;
	}
	return others ? why + ' ' + msg( 'mentorship-welcome-program-other' ) : why;
}

export function optionsOf( env: Env, program: WelcomeProgram ): MessageOption[] {
	return messageOptions( program.config, env.contentLanguage, env.texts );
}

export function labelOf( env: Env, option: MessageOption ): string {
	return optionLabel( option, env.userLanguage, env.contentLanguage, ( key ) => msg( key ) );
}

/** The label of a kind of message as the program names it (for "already received …"). */
export function kindLabel( env: Env, program: WelcomeProgram, kind: string ): string {
	const option = optionsOf( env, program ).filter( ( o ) => o.id === kind )[ 0 ];
	return option ? labelOf( env, option ) : kind;
}

export function composition( env: Env, program: WelcomeProgram, option: MessageOption, language: string, note: string ): Composition {
	return {
		programId: program.id,
		programName: program.config.name,
		option: option,
		language: language,
		note: note,
		inviter: env.user as string,
		signupLabel: env.texts( language, SIGNUP_LABEL ) || env.content( SIGNUP_LABEL ),
		summary: env.content( 'mentorship-welcome-post-summary' ),
		turnOn: turnOn( env, language ),
	};
}

/**
 * Sent from the user script (mw.libs.mentorshipUserScript), a message tells its reader, who
 * may run nothing, how to turn the tools on: the line in their own common.js, or the gadgets
 * in their preferences where the wiki has them installed. In the message's language.
 */
export function turnOn( env: Env, language: string ): string {
	const script = mw.libs.mentorshipUserScript;
	if ( !script ) {
		return '';
	}
	const text = ( key: string ): string => env.texts( language, key ) || env.content( key );
	const gadget = mw.loader.getState( 'ext.gadget.mentorship-ask' ) !== null;
	const how: TurnOn = gadget ? { gadget: true } : { install: script.install, summary: text( 'mentorship-welcome-turnon-summary' ) };
	const link = turnOnLink( how, text( gadget ? 'mentorship-welcome-turnon-gadget-link' : 'mentorship-welcome-turnon-script-link' ) );
	return fillTemplate( text( gadget ? 'mentorship-welcome-turnon-gadget' : 'mentorship-welcome-turnon-script' ), [ link ] );
}

/** The reasons to leave a user out that their message says alone. */
const PLAIN_SKIPS: Partial<Record<Skip[ 'why' ], string>> = {
	invalid: 'mentorship-welcome-skip-invalid',
	missing: 'mentorship-welcome-skip-missing',
	self: 'mentorship-welcome-skip-self',
	bot: 'mentorship-welcome-skip-bot',
	anonymous: 'mentorship-welcome-skip-anonymous',
	audience: 'mentorship-welcome-skip-audience',
	optout: 'mentorship-welcome-skip-optout',
};

/** Why a user is left out, as a short text (lower case, for a table cell or after a colon). */
export function skipText( env: Env, program: WelcomeProgram, skip: Skip ): string {
	const plain = PLAIN_SKIPS[ skip.why ];
	if ( plain ) {
		return msg( plain );
	}
	const prior = ( p: Prior, key: string ): string => msg( key, p.by, formatDate( p.time ), kindLabel( env, program, p.kind ) );
	switch ( skip.why ) {
		case 'member':
			return msg( skip.role === 'mentor' ? 'mentorship-welcome-skip-member-mentor' : 'mentorship-welcome-skip-member-mentee', program.config.name );
		case 'blocked':
			// MediaWiki says "infinite" (or "infinity") for a block with no end.
			return /^infinit[ey]$/.test( skip.expiry ) || !/^\d{4}-\d\d-\d\d/.test( skip.expiry ) ?
				msg( 'mentorship-welcome-skip-blocked-indefinite', skip.by ) :
				msg( 'mentorship-welcome-skip-blocked', skip.by, formatDate( skip.expiry ) );
		case 'already':
			return prior( skip.prior, 'mentorship-welcome-skip-already' );
		case 'other':
			return prior( skip.prior, 'mentorship-welcome-skip-other' );
		default:
			return msg( 'mentorship-welcome-skip-cancelled' );
	}
}

/**
 * The inviter's personal note, in both welcome dialogs: kept as a draft (per user) while it
 * is typed, put back when a dialog opens, until the message is sent.
 */
export class WelcomeNote extends CountedText {
	private readonly drafts: Drafts<{ note: string }>;

	public constructor( env: Env ) {
		super( { label: msg( 'mentorship-welcome-note' ), help: msg( 'mentorship-welcome-note-help' ), max: 1000, rows: 3 } );
		this.drafts = new Drafts<{ note: string }>( env.storage, 'welcome', env.user || '' );
		this.$element.addClass( 'mg-welcome-note' );
		this.input.on( 'change', () => {
			const value = this.getValue();
			if ( value.trim() ) {
				this.drafts.saveSoon( { note: value } );
			} else {
				// Emptied by the user: an old note must not come back.
				this.drafts.clear();
			}
		} );
	}

	/** Puts back the note of a message not sent. */
	public restore(): void {
		const draft = this.drafts.load();
		if ( draft && draft.note ) {
			this.input.setValue( draft.note );
		}
	}

	/** Keeps the note now (before a preview or a send). */
	public keep(): void {
		this.drafts.save( { note: this.getValue() } );
	}

	/** The message is sent: the draft goes. */
	public sent(): void {
		this.drafts.clear();
	}
}

export interface ChoiceOption {
	data: string;
	label: string;
	disabled?: boolean;
}

/**
 * Native radio buttons in a fieldset with a legend, like widgets.ts's RadioGroup, whose
 * options can change and be disabled (a message already sent is shown, not offered).
 */
export class Choice {
	public readonly $element: JQuery;
	private readonly fieldset: OO.ui.FieldsetLayout;
	private readonly name: string;
	private inputs: { data: string; widget: OO.ui.RadioInputWidget }[] = [];
	private readonly listeners: ( ( value: string ) => void )[] = [];

	public constructor( legend: string, classes: string[] = [] ) {
		this.name = 'mg-choice-' + Math.floor( Math.random() * 1e9 );
		this.fieldset = new OO.ui.FieldsetLayout( { label: legend, classes: [ 'mg-choice' ].concat( classes ) } );
		this.$element = this.fieldset.$element;
	}

	public setOptions( options: ChoiceOption[], value: string ): void {
		this.fieldset.clearItems();
		this.inputs = [];
		const enabled = options.filter( ( o ) => !o.disabled );
		const selected = enabled.some( ( o ) => o.data === value ) ? value : ( enabled[ 0 ] ? enabled[ 0 ].data : '' );
		for ( const option of options ) {
			const widget = new OO.ui.RadioInputWidget( {
				name: this.name, value: option.data, selected: option.data === selected, disabled: !!option.disabled,
			} );
			widget.$input.on( 'change', () => {
				if ( widget.isSelected() ) {
					this.listeners.forEach( ( fn ) => fn( option.data ) );
				}
			} );
			this.inputs.push( { data: option.data, widget: widget } );
			this.fieldset.addItems( [ new OO.ui.FieldLayout( widget, { label: option.label, align: 'inline' } ) ] );
		}
	}

	public getValue(): string {
		const checked = this.inputs.filter( ( i ) => !!i.widget.isSelected() )[ 0 ];
		return checked ? checked.data : '';
	}

	public onChange( fn: ( value: string ) => void ): void {
		this.listeners.push( fn );
	}

	public focus(): void {
		const checked = this.inputs.filter( ( i ) => !!i.widget.isSelected() )[ 0 ] || this.inputs[ 0 ];
		if ( checked ) {
			checked.widget.focus();
		}
	}
}

/**
 * Program, message and language: the fields both dialogs start with. Programs are labelled
 * by their id until the config in force is read, then by its name; it is read for the
 * program chosen only (the first, then each one the user picks), and kept for the dialog.
 */
export class MessageFields {
	public readonly $element: JQuery;
	public readonly kind: Choice;
	private readonly env: Env;
	private readonly entries: ProgramEntry[];
	/** The config in force of each program read so far (null: none). */
	private readonly trusted: Record<string, ProgramConfig | null> = {};
	private current: ProgramState;
	private selections = 0;
	private readonly programInput: OO.ui.DropdownInputWidget;
	private readonly programField: OO.ui.FieldLayout;
	private readonly languageInput: OO.ui.DropdownInputWidget;
	private readonly languageField: OO.ui.FieldLayout;
	private options: MessageOption[] = [];
	private filter: ( option: MessageOption ) => ChoiceOption | null;
	private readonly listeners: ( () => void )[] = [];
	private readonly programListeners: ( () => void )[] = [];

	/** `$overlay`: the dialog's overlay, so that the dropdown menus are not cut off by the dialog's body. */
	public constructor( env: Env, entries: ProgramEntry[], $overlay?: JQuery ) {
		this.env = env;
		this.entries = entries;
		this.current = { state: 'checking', label: entries[ 0 ] ? entries[ 0 ].id : '' };
		this.filter = ( option ) => ( { data: option.id, label: labelOf( env, option ) } );
		this.programInput = nameDropdown( new OO.ui.DropdownInputWidget( {
			options: this.programOptions(),
			value: entries[ 0 ] ? entries[ 0 ].id : '',
			classes: [ 'mg-welcome-program' ],
			dropdown: { $overlay: $overlay },
		} as OO.ui.DropdownInputWidget.ConfigOptions ), msg( 'mentorship-welcome-program' ) );
		this.programField = new OO.ui.FieldLayout( this.programInput, { label: msg( 'mentorship-welcome-program' ), align: 'top' } );
		this.programField.toggle( entries.length > 1 );
		this.kind = new Choice( msg( 'mentorship-welcome-kind' ), [ 'mg-welcome-kind' ] );
		this.languageInput = nameDropdown( new OO.ui.DropdownInputWidget( {
			classes: [ 'mg-welcome-language' ],
			dropdown: { $overlay: $overlay },
		} as OO.ui.DropdownInputWidget.ConfigOptions ), msg( 'mentorship-welcome-language' ) );
		this.languageField = new OO.ui.FieldLayout( this.languageInput, { label: msg( 'mentorship-welcome-language' ), align: 'top' } );
		this.$element = $( '<div>' ).append( this.programField.$element, this.kind.$element, this.languageField.$element );
		this.programInput.on( 'change', () => {
			void this.select();
		} );
		this.kind.onChange( () => this.refreshLanguages() );
		this.languageInput.on( 'change', () => this.changed() );
		this.refresh();
	}

	/** Programs to choose from. */
	public count(): number {
		return this.entries.length;
	}

	/**
	 * Reads the config in force of the program chosen (no request when this dialog or the
	 * user's storage has it for its latest revision) and offers its messages. The program
	 * listeners hear when it is being read and when it is known.
	 */
	public select(): Promise<void> {
		const id = this.programInput.getValue();
		const entry = this.entries.filter( ( e ) => e.id === id )[ 0 ] || this.entries[ 0 ];
		const seq = ++this.selections;
		if ( !entry ) {
			return Promise.resolve();
		}
		if ( Object.prototype.hasOwnProperty.call( this.trusted, entry.id ) ) {
			this.settle( entry, this.trusted[ entry.id ] as ProgramConfig | null );
			return Promise.resolve();
		}
		this.current = { state: 'checking', label: entry.id };
		this.refresh();
		this.programChanged();
		return verifyProgram( this.env, entry ).then( ( config ) => {
			this.trusted[ entry.id ] = config;
			if ( seq === this.selections ) {
				this.settle( entry, config );
			}
		}, ( e: unknown ) => {
			if ( seq === this.selections ) {
				this.current = { state: 'failed', label: entry.id, error: e };
				this.refresh();
				this.programChanged();
			}
		} );
	}

	private settle( entry: ProgramEntry, config: ProgramConfig | null ): void {
		if ( !config ) {
			this.current = { state: 'untrusted', label: entry.id };
		} else if ( config.closed ) {
			this.current = { state: 'closed', label: config.name };
		} else {
			this.current = { state: 'ready', program: { id: entry.id, config: config } };
		}
		if ( config ) {
			// The name its coordinators gave it, now that it is known (the value, so no change event, stays).
			this.programInput.setOptions( this.programOptions() );
		}
		this.refresh();
		this.programChanged();
	}

	private programOptions(): { data: string; label: string }[] {
		return this.entries.map( ( e ) => {
			const config = this.trusted[ e.id ];
			return { data: e.id, label: config ? config.name : e.id };
		} );
	}

	/** Focuses the message choice, or the program's when the program chosen offers none. */
	public focus(): void {
		if ( this.program() || this.entries.length < 2 ) {
			this.kind.focus();
		} else {
			this.programInput.focus();
		}
	}

	/** Where the program chosen stands. */
	public state(): ProgramState {
		return this.current;
	}

	/** Decides, per message, whether it is offered and how (disabled: already sent). */
	public setFilter( filter: ( option: MessageOption ) => ChoiceOption | null ): void {
		this.filter = filter;
		this.refresh();
	}

	public onChange( fn: () => void ): void {
		this.listeners.push( fn );
	}

	public onProgramChange( fn: () => void ): void {
		this.programListeners.push( fn );
	}

	/** The program chosen, once its config in force is read and open to new members. */
	public program(): WelcomeProgram | null {
		return this.current.state === 'ready' ? this.current.program : null;
	}

	public option(): MessageOption | null {
		const id = this.kind.getValue();
		return this.options.filter( ( o ) => o.id === id )[ 0 ] || null;
	}

	public language(): string {
		return this.languageInput.getValue();
	}

	/** The options offered now, each with how it is shown. */
	public offered(): { option: MessageOption; choice: ChoiceOption }[] {
		const out: { option: MessageOption; choice: ChoiceOption }[] = [];
		for ( const option of this.options ) {
			const choice = this.filter( option );
			if ( choice ) {
				out.push( { option: option, choice: choice } );
			}
		}
		return out;
	}

	private refresh(): void {
		const program = this.program();
		this.options = program ? optionsOf( this.env, program ) : [];
		const previous = this.kind.getValue();
		this.kind.setOptions( this.offered().map( ( o ) => o.choice ), previous );
		this.kind.$element.toggle( !!program );
		this.refreshLanguages();
	}

	private refreshLanguages(): void {
		const option = this.option();
		const languages = option ? option.languages : [];
		const previous = this.languageInput.getValue();
		this.languageInput.setOptions( languages.map( ( l ) => ( { data: l, label: languageName( l ) } ) ) );
		this.languageInput.setValue( languages.indexOf( previous ) !== -1 ? previous : languages[ 0 ] || '' );
		this.languageField.toggle( languages.length > 1 );
		this.changed();
	}

	private changed(): void {
		this.listeners.forEach( ( fn ) => fn() );
	}

	private programChanged(): void {
		this.programListeners.forEach( ( fn ) => fn() );
	}
}
