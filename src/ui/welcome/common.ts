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
import { listPrograms } from '../../wiki/program-list';
import { readTrustedConfig } from '../../wiki/trust';
import { WelcomeProgram } from '../../wiki/welcome';
import { Drafts } from '../drafts';
import { Env, formatDate } from '../env';
import { msg } from '../i18n';
import { languageName } from '../lists';
import { CountedText, nameDropdown } from '../widgets';

/** Programs open to new members, those the user coordinates first. */
export async function invitablePrograms( env: Env ): Promise<WelcomeProgram[]> {
	const all = await listPrograms( env.client );
	// The messages posted are those of the config in force (the trust chain): an edit by
	// someone who is not a coordinator changes neither the text nor who may send it.
	const trusted = await Promise.all( all.map( ( p ) => p.config ? readTrustedConfig( env.client, configTitle( p.id ) ).then( ( t ) => t.config, () => null ) : Promise.resolve( null ) ) );
	const open: WelcomeProgram[] = [];
	all.forEach( ( p, i ) => {
		const config = trusted[ i ];
		if ( config && !config.closed ) {
			open.push( { id: p.id, config: config } );
		}
	} );
	const mine = ( p: WelcomeProgram ): number => p.config.coordinators.indexOf( env.user || '' ) !== -1 ? 0 : 1;
	return open.sort( ( a, b ) => mine( a ) - mine( b ) || ( a.id < b.id ? -1 : a.id > b.id ? 1 : 0 ) );
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

/** Program, message and language: the fields both dialogs start with. */
export class MessageFields {
	public readonly $element: JQuery;
	public readonly kind: Choice;
	private readonly env: Env;
	private readonly programs: WelcomeProgram[];
	private readonly programInput: OO.ui.DropdownInputWidget;
	private readonly programField: OO.ui.FieldLayout;
	private readonly languageInput: OO.ui.DropdownInputWidget;
	private readonly languageField: OO.ui.FieldLayout;
	private options: MessageOption[] = [];
	private filter: ( option: MessageOption ) => ChoiceOption | null;
	private readonly listeners: ( () => void )[] = [];
	private readonly programListeners: ( () => void )[] = [];

	/** `$overlay`: the dialog's overlay, so that the dropdown menus are not cut off by the dialog's body. */
	public constructor( env: Env, programs: WelcomeProgram[], $overlay?: JQuery ) {
		this.env = env;
		this.programs = programs;
		this.filter = ( option ) => ( { data: option.id, label: labelOf( env, option ) } );
		this.programInput = nameDropdown( new OO.ui.DropdownInputWidget( {
			options: programs.map( ( p ) => ( { data: p.id, label: p.config.name } ) ),
			value: programs[ 0 ] ? programs[ 0 ].id : '',
			classes: [ 'mg-welcome-program' ],
			dropdown: { $overlay: $overlay },
		} as OO.ui.DropdownInputWidget.ConfigOptions ), msg( 'mentorship-welcome-program' ) );
		this.programField = new OO.ui.FieldLayout( this.programInput, { label: msg( 'mentorship-welcome-program' ), align: 'top' } );
		this.programField.toggle( programs.length > 1 );
		this.kind = new Choice( msg( 'mentorship-welcome-kind' ), [ 'mg-welcome-kind' ] );
		this.languageInput = nameDropdown( new OO.ui.DropdownInputWidget( {
			classes: [ 'mg-welcome-language' ],
			dropdown: { $overlay: $overlay },
		} as OO.ui.DropdownInputWidget.ConfigOptions ), msg( 'mentorship-welcome-language' ) );
		this.languageField = new OO.ui.FieldLayout( this.languageInput, { label: msg( 'mentorship-welcome-language' ), align: 'top' } );
		this.$element = $( '<div>' ).append( this.programField.$element, this.kind.$element, this.languageField.$element );
		this.programInput.on( 'change', () => {
			this.refresh();
			this.programListeners.forEach( ( fn ) => fn() );
		} );
		this.kind.onChange( () => this.refreshLanguages() );
		this.languageInput.on( 'change', () => this.changed() );
		this.refresh();
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

	public program(): WelcomeProgram {
		const id = this.programInput.getValue();
		return this.programs.filter( ( p ) => p.id === id )[ 0 ] || this.programs[ 0 ] as WelcomeProgram;
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
}
