/**
 * The form that creates a program or edits its settings: name, description,
 * coordinators, topics, languages, the term (length and start), when a question counts as
 * unanswered, the help desk, the messages inviters post (label, subject and text in each
 * language), stage thresholds, matching weights, goals and roster shards.
 *
 * When it opens it asks the wiki whether the user may save the page (prop=info with
 * intestactions) and says so plainly when the page is protected above them; a save the
 * wiki refuses shows its own error, and nothing typed is lost.
 */

import { LIMITS, ProgramConfig, ProgramMessage, Thresholds } from '../../core/format';
import { clone, deepEqual } from '../../core/json';
import { DEFAULT_WEIGHTS, Weights } from '../../core/matching';
import { cleanConfig, ConfigProblem, configProblems, PROGRAM_ID, rosterShardCount } from '../../core/program-config';
import { DEFAULT_STAGE_THRESHOLDS, STAGE_MESSAGES, StageThresholds } from '../../core/stages';
import { configTitle, rosterTitle } from '../../core/titles';
import { PageRights } from '../../wiki/client';
import { createProgram, pageRights, saveConfig } from '../../wiki/program-settings';
import { Env } from '../env';
import { consoleWriter } from '../writers';
import { ErrorArea } from '../errors';
import { msg } from '../i18n';
import { languageName } from '../lists';
import { jq } from '../windows';
import { CountedText, heading, nameDateInput, nameDropdown, submittedFromDateBox, tagInput, tagValues, withOverlay } from '../widgets';

const LANGUAGE_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;
const MESSAGE_IDS = [ 'welcome', 'invitation', 'event' ];

export interface ProgramFormOptions {
	env: Env;
	mode: 'create' | 'edit';
	/** The program (edit mode). */
	id?: string;
	/** The config the form starts from: the page as read (edit), or a new program's. */
	config: ProgramConfig;
	/** Called once the wiki saved the program. */
	onSaved: ( id: string, config: ProgramConfig ) => void;
	onCancel?: () => void;
}

function field( widget: OO.ui.Widget | OO.ui.NumberInputWidget | mw.widgets.DateInputWidget | mw.widgets.TitleInputWidget, label: string, help?: string ): JQuery {
	// NumberInputWidget and the mediawiki.widgets are widgets; their type descriptions say otherwise.
	const layout = new OO.ui.FieldLayout( widget as OO.ui.Widget, { label: label, align: 'top', help: help, helpInline: !!help } );
	if ( widget instanceof mw.widgets.DateInputWidget ) {
		nameDateInput( widget, layout );
	}
	return layout.$element;
}

function numberInput( value: number | undefined, options: { min: number; max?: number; step?: number; integer?: boolean; placeholder?: string } ): OO.ui.NumberInputWidget {
	return new OO.ui.NumberInputWidget( {
		min: options.min,
		max: options.max,
		step: options.step || 1,
		isInteger: options.integer !== false,
		value: value === undefined ? '' : String( value ),
		placeholder: options.placeholder,
	} );
}

/** A number input's value, or undefined when empty or not a number. */
function numberOf( input: OO.ui.NumberInputWidget ): number | undefined {
	const raw = input.getValue().trim();
	if ( raw === '' ) {
		return undefined;
	}
	const n = Number( raw );
	return isFinite( n ) ? n : undefined;
}

/** Editors the user adds and removes, in order (the languages of a message, the messages of a program). */
class EditorList<T extends { $element: JQuery }> {
	public readonly items: T[] = [];
	public readonly $element: JQuery;

	public constructor( $element: JQuery ) {
		this.$element = $element;
	}

	/** Adds the editor that `create` makes, handing it what removes it. */
	public add( create: ( remove: ( item: T ) => void ) => T ): T {
		const item = create( ( removed ) => {
			this.items.splice( this.items.indexOf( removed ), 1 );
			removed.$element.remove();
		} );
		this.items.push( item );
		this.$element.append( item.$element );
		return item;
	}
}

/** One language of a message: its code, label, subject and text. */
class LanguageRow {
	public readonly $element: JQuery;
	public readonly code: OO.ui.TextInputWidget;
	private readonly label: OO.ui.TextInputWidget;
	private readonly subject: OO.ui.TextInputWidget;
	private readonly text: OO.ui.MultilineTextInputWidget;

	public constructor( code: string, message: ProgramMessage | null, onRemove: ( row: LanguageRow ) => void ) {
		this.code = new OO.ui.TextInputWidget( { value: code, maxLength: 20, validate: ( v: string ) => LANGUAGE_CODE.test( v ) } );
		this.label = new OO.ui.TextInputWidget( { value: message ? message.label[ code ] || '' : '', maxLength: 100 } );
		this.subject = new OO.ui.TextInputWidget( { value: message ? message.subject[ code ] || '' : '', maxLength: 200 } );
		this.text = new OO.ui.MultilineTextInputWidget( {
			value: message ? message.text[ code ] || '' : '', maxLength: LIMITS.message, rows: 4, autosize: true, maxRows: 12,
		} );
		const remove = new OO.ui.ButtonWidget( { label: msg( 'mentorship-console-message-remove-language' ), framed: false, flags: [ 'destructive' ] } );
		remove.on( 'click', () => onRemove( this ) );
		const $legend = $( '<legend>' ).text( msg( 'mentorship-console-message-language-legend', code ? languageName( code ) : '…' ) );
		this.code.on( 'change', () => $legend.text( msg( 'mentorship-console-message-language-legend', this.code.getValue() ? languageName( this.code.getValue() ) : '…' ) ) );
		this.$element = $( '<fieldset>' ).addClass( 'mg-message-language' ).append(
			$legend,
			field( this.code, msg( 'mentorship-console-message-language' ) ),
			field( this.label, msg( 'mentorship-console-message-label' ), msg( 'mentorship-console-message-label-help' ) ),
			field( this.subject, msg( 'mentorship-console-message-subject' ) ),
			field( this.text, msg( 'mentorship-console-message-text' ), msg( 'mentorship-console-message-text-help' ) ),
			remove.$element,
		);
	}

	public focus(): void {
		this.code.focus();
	}

	public values(): { code: string; label: string; subject: string; text: string } {
		return {
			code: this.code.getValue().trim().toLowerCase(),
			label: this.label.getValue(),
			subject: this.subject.getValue(),
			text: this.text.getValue(),
		};
	}
}

/** One message (welcome, invitation, event…): its id, audience and languages. */
class MessageEditor {
	public readonly $element: JQuery;
	private readonly id: OO.ui.TextInputWidget;
	private readonly audience: OO.ui.DropdownInputWidget;
	private readonly rows = new EditorList<LanguageRow>( $( '<div>' ) );
	private readonly languages: () => string[];

	public constructor( id: string, message: ProgramMessage | null, languages: () => string[], onRemove: ( editor: MessageEditor ) => void ) {
		this.languages = languages;
		this.id = new OO.ui.TextInputWidget( { value: id, maxLength: 64, validate: ( v: string ) => PROGRAM_ID.test( v ) } );
		this.audience = new OO.ui.DropdownInputWidget( {
			dropdown: withOverlay( {} ),
			options: [
				{ data: 'registered', label: msg( 'mentorship-console-message-audience-registered' ) },
				{ data: 'anonymous', label: msg( 'mentorship-console-message-audience-anonymous' ) },
				{ data: 'all', label: msg( 'mentorship-console-message-audience-all' ) },
			],
			value: message && message.audience ? message.audience : 'registered',
		} );
		nameDropdown( this.audience, msg( 'mentorship-console-message-audience' ) );
		const codes: string[] = [];
		if ( message ) {
			for ( const part of [ message.label, message.subject, message.text ] ) {
				for ( const code of Object.keys( part ) ) {
					if ( codes.indexOf( code ) === -1 ) {
						codes.push( code );
					}
				}
			}
		}
		if ( !codes.length ) {
			codes.push( languages()[ 0 ] || 'en' );
		}
		for ( const code of codes ) {
			this.addLanguage( code, message );
		}
		const addLanguage = new OO.ui.ButtonWidget( { label: msg( 'mentorship-console-message-add-language' ), icon: 'add' } );
		addLanguage.on( 'click', () => {
			const used = this.rows.items.map( ( r ) => r.values().code );
			const next = this.languages().find( ( l ) => used.indexOf( l ) === -1 ) || '';
			this.addLanguage( next, null ).focus();
		} );
		const remove = new OO.ui.ButtonWidget( { label: msg( 'mentorship-console-message-remove' ), flags: [ 'destructive' ], icon: 'trash' } );
		remove.on( 'click', () => onRemove( this ) );
		const $legend = $( '<legend>' ).text( msg( 'mentorship-console-message-legend', id || '…' ) );
		this.id.on( 'change', () => $legend.text( msg( 'mentorship-console-message-legend', this.id.getValue() || '…' ) ) );
		this.$element = $( '<fieldset>' ).addClass( 'mg-message' ).append(
			$legend,
			field( this.id, msg( 'mentorship-console-message-id' ), msg( 'mentorship-console-message-id-help' ) ),
			field( this.audience, msg( 'mentorship-console-message-audience' ) ),
			this.rows.$element,
			$( '<div>' ).addClass( 'mg-actions' ).append( addLanguage.$element, remove.$element ),
		);
	}

	private addLanguage( code: string, message: ProgramMessage | null ): LanguageRow {
		return this.rows.add( ( remove ) => new LanguageRow( code, message, remove ) );
	}

	public focus(): void {
		this.id.focus();
	}

	public value(): { id: string; message: ProgramMessage } {
		const message: ProgramMessage = { label: {}, subject: {}, text: {}, audience: this.audience.getValue() as ProgramMessage[ 'audience' ] };
		for ( const row of this.rows.items ) {
			const v = row.values();
			if ( v.code ) {
				message.label[ v.code ] = v.label;
				message.subject[ v.code ] = v.subject;
				message.text[ v.code ] = v.text;
			}
		}
		return { id: this.id.getValue().trim(), message: message };
	}
}

/** The protection warning: who may edit, in words. */
export function protectionText( rights: PageRights, title: string ): string {
	const edit = rights.protection.find( ( p ) => p.type === 'edit' || p.type === 'create' );
	if ( edit ) {
		return msg( 'mentorship-console-protected', title, edit.level );
	}
	return msg( 'mentorship-console-not-allowed', title );
}

export class ProgramForm {
	public readonly $element: JQuery;
	private readonly options: ProgramFormOptions;
	private readonly baseline: ProgramConfig;
	private readonly id: OO.ui.TextInputWidget | null;
	private readonly name: OO.ui.TextInputWidget;
	private readonly description: CountedText;
	private readonly coordinators: OO.ui.TagMultiselectWidget;
	private readonly closed: OO.ui.CheckboxInputWidget;
	private readonly topics: OO.ui.TagMultiselectWidget;
	private readonly languages: OO.ui.MenuTagMultiselectWidget;
	private readonly termDays: OO.ui.NumberInputWidget;
	private readonly start: mw.widgets.DateInputWidget;
	private readonly unanswered: OO.ui.NumberInputWidget;
	private readonly helpDesk: mw.widgets.TitleInputWidget;
	private readonly messages = new EditorList<MessageEditor>( $( '<div>' ).addClass( 'mg-messages' ) );
	private readonly stages: Record<'emerging' | 'expanding' | 'elevated', { edits: OO.ui.NumberInputWidget; days: OO.ui.NumberInputWidget; milestones: OO.ui.NumberInputWidget }>;
	private readonly weights: Record<keyof Weights, OO.ui.NumberInputWidget>;
	private readonly goalMilestones: OO.ui.NumberInputWidget;
	private readonly goalAttrition: OO.ui.NumberInputWidget;
	private readonly goalSatisfaction: OO.ui.NumberInputWidget;
	private readonly shards: OO.ui.NumberInputWidget;
	private readonly notice: OO.ui.MessageWidget;
	private readonly problems: OO.ui.MessageWidget;
	private readonly errors: ErrorArea;
	private readonly save: OO.ui.ButtonInputWidget;
	private checked = '';
	private allowed = true;

	public constructor( options: ProgramFormOptions ) {
		this.options = options;
		this.baseline = clone( options.config );
		const c = options.config;
		const editing = options.mode === 'edit';
		this.id = editing ? null : new OO.ui.TextInputWidget( { maxLength: 64, required: true, validate: ( v: string ) => PROGRAM_ID.test( v ) } );
		this.name = new OO.ui.TextInputWidget( { value: c.name, maxLength: LIMITS.name, required: true } );
		this.description = new CountedText( { label: msg( 'mentorship-console-description' ), max: LIMITS.description, value: c.description, rows: 3 } );
		this.coordinators = new OO.ui.TagMultiselectWidget( {
			selected: c.coordinators, allowArbitrary: true, inputPosition: 'inline',
			placeholder: msg( 'mentorship-console-coordinators-placeholder' ), tagLimit: LIMITS.coordinators,
		} );
		this.closed = new OO.ui.CheckboxInputWidget( { selected: !!c.closed } );
		this.topics = new OO.ui.TagMultiselectWidget( {
			selected: c.topics, allowArbitrary: true, inputPosition: 'inline', tagLimit: LIMITS.topics,
			placeholder: msg( 'mentorship-console-topics-placeholder' ),
		} );
		const known = c.languages.slice();
		if ( known.indexOf( options.env.userLanguage ) === -1 ) {
			known.push( options.env.userLanguage );
		}
		this.languages = tagInput( known.map( ( l ) => ( { data: l, label: languageName( l ) } ) ), c.languages, {
			placeholder: msg( 'mentorship-join-languages-placeholder' ), free: true, validate: LANGUAGE_CODE, labelOf: languageName,
		} );
		this.termDays = numberInput( c.termDays, { min: 1, max: 3650 } );
		this.start = new mw.widgets.DateInputWidget( withOverlay( { value: c.start || '' } ) );
		this.unanswered = numberInput( c.unansweredDays, { min: 1, max: 60, placeholder: '3' } );
		this.helpDesk = new mw.widgets.TitleInputWidget( withOverlay( { value: c.helpDesk || '', validateTitle: true } ) );
		const messages = c.messages || {};
		for ( const mid of Object.keys( messages ) ) {
			this.addMessage( mid, messages[ mid ] as ProgramMessage );
		}
		const stages: StageThresholds = c.stages || DEFAULT_STAGE_THRESHOLDS;
		const stageInputs = ( t: Thresholds ): { edits: OO.ui.NumberInputWidget; days: OO.ui.NumberInputWidget; milestones: OO.ui.NumberInputWidget } => ( {
			edits: numberInput( t.edits, { min: 0 } ),
			days: numberInput( t.days, { min: 0 } ),
			milestones: numberInput( t.milestones, { min: 0 } ),
		} );
		this.stages = {
			emerging: stageInputs( stages.emerging ),
			expanding: stageInputs( stages.expanding ),
			elevated: stageInputs( stages.elevated ),
		};
		const w = c.weights || {};
		const weightInput = ( value: number | undefined, fallback: number ): OO.ui.NumberInputWidget => numberInput( value === undefined ? fallback : value, { min: 0, max: 100, step: 0.5, integer: false } );
		this.weights = {
			topics: weightInput( w.topics, DEFAULT_WEIGHTS.topics ),
			languages: weightInput( w.languages, DEFAULT_WEIGHTS.languages ),
			load: weightInput( w.load, DEFAULT_WEIGHTS.load ),
			activity: weightInput( w.activity, DEFAULT_WEIGHTS.activity ),
		};
		const goals = c.goals || {};
		this.goalMilestones = numberInput( goals.milestones, { min: 0 } );
		this.goalAttrition = numberInput( goals.attrition === undefined ? undefined : Math.round( goals.attrition * 1000 ) / 10, { min: 0, max: 100, step: 1, integer: false } );
		this.goalSatisfaction = numberInput( goals.satisfaction, { min: 1, max: 5, step: 0.1, integer: false } );
		this.shards = numberInput( rosterShardCount( c ), { min: 1, max: 256 } );
		this.notice = new OO.ui.MessageWidget( { type: 'warning', classes: [ 'mg-protection' ] } );
		this.notice.toggle( false );
		this.problems = new OO.ui.MessageWidget( { type: 'error', classes: [ 'mg-problems' ] } );
		this.problems.toggle( false );
		this.errors = new ErrorArea();
		this.save = new OO.ui.ButtonInputWidget( {
			label: msg( editing ? 'mentorship-console-save' : 'mentorship-console-create' ),
			flags: [ 'primary', 'progressive' ], type: 'submit',
		} );
		this.$element = this.build();
		this.checkRights();
	}

	private build(): JQuery {
		const editing = this.options.mode === 'edit';
		const form = new OO.ui.FormLayout( { classes: [ 'mg-program-form' ] } );
		form.on( 'submit', () => {
			if ( !submittedFromDateBox() ) {
				this.submit();
			}
		} );
		const fieldset = ( label: string, ...items: JQuery[] ): JQuery => {
			const set = new OO.ui.FieldsetLayout( { label: label } );
			set.$group.append( ...items );
			return set.$element;
		};
		// Sections beyond the essentials, closed until opened: a <details> whose <summary>
		// is a native disclosure button that names the section (keyboard and screen readers
		// know it), so the form starts with what every program needs.
		const section = ( label: string, ...items: JQuery[] ): JQuery => {
			const set = new OO.ui.FieldsetLayout();
			set.$group.append( ...items );
			return $( '<details>' ).addClass( 'mg-form-section' ).append( $( '<summary>' ).text( label ), set.$element );
		};
		const the = [
			field( this.name, msg( 'mentorship-console-name' ) ),
			this.description.$element,
			field( this.coordinators, msg( 'mentorship-console-coordinators' ), msg( 'mentorship-console-coordinators-help' ) ),
			new OO.ui.FieldLayout( this.closed, { label: msg( 'mentorship-console-closed' ), align: 'inline' } ).$element,
		];
		if ( this.id ) {
			const id = this.id;
			the.unshift( field( id, msg( 'mentorship-console-id' ), msg( 'mentorship-console-id-help' ) ) );
			let timer: ReturnType<typeof setTimeout> | null = null;
			id.on( 'change', () => {
				if ( timer ) {
					clearTimeout( timer );
				}
				timer = setTimeout( () => this.checkRights(), 400 );
			} );
		}
		const addMessage = new OO.ui.ButtonWidget( { label: msg( 'mentorship-console-message-add' ), icon: 'add' } );
		addMessage.on( 'click', () => {
			const used = this.messages.items.map( ( m ) => m.value().id );
			const next = MESSAGE_IDS.find( ( m ) => used.indexOf( m ) === -1 ) || 'message-' + ( used.length + 1 );
			this.addMessage( next, null ).focus();
		} );
		const stageRows = ( [ 'emerging', 'expanding', 'elevated' ] as const ).map( ( s ) => {
			const inputs = this.stages[ s ];
			return fieldset( msg( STAGE_MESSAGES[ s ] ),
				field( inputs.edits, msg( 'mentorship-console-stage-edits' ) ),
				field( inputs.days, msg( 'mentorship-console-stage-days' ) ),
				field( inputs.milestones, msg( 'mentorship-console-stage-milestones' ), msg( 'mentorship-console-stage-milestones-help' ) ),
			).addClass( 'mg-stage' );
		} );
		form.$element.append(
			this.notice.$element,
			fieldset( msg( 'mentorship-console-section-program' ), ...the ),
			fieldset( msg( 'mentorship-console-section-interests' ),
				field( this.topics, msg( 'mentorship-console-topics' ), msg( 'mentorship-console-topics-help' ) ),
				field( this.languages, msg( 'mentorship-console-languages' ), msg( 'mentorship-console-languages-help' ) ),
			),
			fieldset( msg( 'mentorship-console-section-term' ),
				field( this.termDays, msg( 'mentorship-console-term-days' ), msg( 'mentorship-console-term-days-help' ) ),
				field( this.start, msg( 'mentorship-console-start' ), msg( 'mentorship-console-start-help' ) ),
				field( this.unanswered, msg( 'mentorship-console-unanswered-days' ), msg( 'mentorship-console-unanswered-days-help' ) ),
				field( this.helpDesk, msg( 'mentorship-console-help-desk' ), msg( 'mentorship-console-help-desk-help' ) ),
			),
			section( msg( 'mentorship-console-section-messages' ),
				$( '<p>' ).text( msg( 'mentorship-console-messages-help' ) ),
				this.messages.$element,
				addMessage.$element,
			),
			section( msg( 'mentorship-console-section-stages' ), $( '<p>' ).text( msg( 'mentorship-console-stages-help' ) ), ...stageRows ),
			section( msg( 'mentorship-console-section-goals' ),
				field( this.goalMilestones, msg( 'mentorship-console-goal-milestones' ), msg( 'mentorship-console-goal-milestones-help' ) ),
				field( this.goalAttrition, msg( 'mentorship-console-goal-attrition' ), msg( 'mentorship-console-goal-attrition-help' ) ),
				field( this.goalSatisfaction, msg( 'mentorship-console-goal-satisfaction' ), msg( 'mentorship-console-goal-satisfaction-help' ) ),
			),
			// How matching scores and where the roster is kept: internals, for the few who need them.
			section( msg( 'mentorship-console-section-advanced' ),
				fieldset( msg( 'mentorship-console-section-weights' ),
					$( '<p>' ).text( msg( 'mentorship-console-weights-help' ) ),
					field( this.weights.topics, msg( 'mentorship-console-weight-topics' ) ),
					field( this.weights.languages, msg( 'mentorship-console-weight-languages' ) ),
					field( this.weights.load, msg( 'mentorship-console-weight-load' ) ),
					field( this.weights.activity, msg( 'mentorship-console-weight-activity' ) ),
				),
				fieldset( msg( 'mentorship-console-section-shards' ),
					field( this.shards, msg( 'mentorship-console-shards' ), msg( editing ? 'mentorship-console-shards-help-edit' : 'mentorship-console-shards-help' ) ),
				),
			),
			this.problems.$element,
			this.errors.$element,
		);
		const buttons = [ this.save.$element ];
		if ( this.options.onCancel ) {
			const cancel = new OO.ui.ButtonWidget( { label: msg( 'mentorship-cancel' ), framed: false } );
			const onCancel = this.options.onCancel;
			cancel.on( 'click', () => onCancel() );
			buttons.push( cancel.$element );
		}
		form.$element.append( $( '<div>' ).addClass( 'mg-actions' ).append( ...buttons ) );
		return $( '<div>' ).addClass( 'mg-program-form-box' ).append(
			heading( msg( editing ? 'mentorship-console-edit-heading' : 'mentorship-console-create-heading' ) ),
			form.$element,
		);
	}

	private addMessage( id: string, message: ProgramMessage | null ): MessageEditor {
		return this.messages.add( ( remove ) => new MessageEditor( id, message, () => tagValues( this.languages ), remove ) );
	}

	private programId(): string {
		return this.id ? this.id.getValue().trim() : this.options.id as string;
	}

	/** Asks the wiki whether the user may save the program's pages, and says so when not. */
	private checkRights(): void {
		const id = this.programId();
		// Before an id is typed, a title in the same place tells about protections of the whole namespace.
		const probe = id && PROGRAM_ID.test( id ) ? id : 'new-program';
		const titles = this.options.mode === 'edit' ? [ configTitle( probe ) ] : [ configTitle( probe ), rosterTitle( probe ) ];
		const key = titles.join( '|' );
		this.checked = key;
		pageRights( this.options.env.client, titles, this.options.mode === 'edit' ? 'edit' : 'create' ).then( ( rights ) => {
			if ( this.checked !== key ) {
				return;
			}
			const refused = titles.map( ( t ) => ( { title: t, rights: rights[ t ] } ) ).find( ( r ) => !!r.rights && !r.rights.allowed );
			this.allowed = !refused;
			if ( refused && refused.rights ) {
				this.notice.setLabel( protectionText( refused.rights, refused.rights.title ) );
			}
			this.notice.toggle( !!refused );
			this.save.setDisabled( !!refused );
		}, () => {
			// Not knowing is no reason to refuse: the save itself will say.
			this.notice.toggle( false );
			this.save.setDisabled( false );
		} );
	}

	/** The config the form describes (the page's other members kept), tidied. */
	public collect(): ProgramConfig {
		const c = clone( this.baseline );
		c.name = this.name.getValue();
		c.description = this.description.getValue();
		c.coordinators = tagValues( this.coordinators );
		c.closed = this.closed.isSelected() ? true : ( this.baseline.closed === undefined ? undefined : false );
		c.topics = tagValues( this.topics );
		c.languages = tagValues( this.languages );
		c.termDays = numberOf( this.termDays );
		c.start = this.start.getValue() || undefined;
		c.unansweredDays = numberOf( this.unanswered );
		c.helpDesk = this.helpDesk.getValue() || undefined;
		const messages: Record<string, ProgramMessage> = {};
		for ( const editor of this.messages.items ) {
			const v = editor.value();
			if ( v.id ) {
				messages[ v.id ] = v.message;
			}
		}
		c.messages = Object.keys( messages ).length ? messages : undefined;
		const stage = ( s: 'emerging' | 'expanding' | 'elevated' ): Thresholds => {
			const t: Thresholds = { edits: numberOf( this.stages[ s ].edits ) || 0, days: numberOf( this.stages[ s ].days ) || 0 };
			const m = numberOf( this.stages[ s ].milestones );
			if ( m ) {
				t.milestones = m;
			}
			return t;
		};
		const stages = { emerging: stage( 'emerging' ), expanding: stage( 'expanding' ), elevated: stage( 'elevated' ) };
		c.stages = !this.baseline.stages && deepEqual( stages, DEFAULT_STAGE_THRESHOLDS ) ? undefined : stages;
		const weights: Weights = {
			topics: numberOf( this.weights.topics ) || 0,
			languages: numberOf( this.weights.languages ) || 0,
			load: numberOf( this.weights.load ) || 0,
			activity: numberOf( this.weights.activity ) || 0,
		};
		c.weights = !this.baseline.weights && deepEqual( weights, DEFAULT_WEIGHTS ) ? undefined : weights;
		const goals: NonNullable<ProgramConfig[ 'goals' ]> = {};
		const milestones = numberOf( this.goalMilestones );
		const attrition = numberOf( this.goalAttrition );
		const satisfaction = numberOf( this.goalSatisfaction );
		if ( milestones !== undefined ) {
			goals.milestones = milestones;
		}
		if ( attrition !== undefined ) {
			goals.attrition = Math.round( attrition * 10 ) / 1000;
		}
		if ( satisfaction !== undefined ) {
			goals.satisfaction = satisfaction;
		}
		c.goals = Object.keys( goals ).length ? goals : undefined;
		const shards = numberOf( this.shards ) || 1;
		const previous = this.baseline.shards;
		if ( shards > 1 || ( previous && previous.roster !== undefined ) ) {
			c.shards = { ... previous, roster: shards };
		}
		return cleanConfig( c );
	}

	private problemText( p: ConfigProblem ): string {
		const params = p.key === 'mentorship-console-problem-stages' ?
			p.params.map( ( s ) => msg( STAGE_MESSAGES[ s as 'emerging' ] ) ) :
			p.params;
		return msg( p.key, ...params );
	}

	private submit(): void {
		this.errors.clear();
		this.problems.toggle( false );
		if ( !this.allowed ) {
			return;
		}
		const config = this.collect();
		const id = this.programId();
		const problems = configProblems( config, this.options.mode === 'create' ? id : undefined, categoryNamespaceNames() );
		if ( problems.length ) {
			const $list = $( '<ul>' );
			for ( const p of problems ) {
				$list.append( $( '<li>' ).text( this.problemText( p ) ) );
			}
			this.problems.setLabel( $( '<div>' ).append( $( '<p>' ).text( msg( 'mentorship-console-problems', problems.length ) ), $list ) );
			this.problems.toggle( true );
			// A problem may be in a closed section: open them all, so every field named can be reached.
			this.$element.find( 'details.mg-form-section' ).prop( 'open', true );
			this.problems.$element.attr( { role: 'alert', tabindex: '-1' } ).trigger( 'focus' );
			return;
		}
		this.save.setDisabled( true );
		const writer = consoleWriter( this.options.env, config.name );
		const work: Promise<ProgramConfig> = this.options.mode === 'create' ?
			createProgram( writer, id, config ).then( () => config ) :
			saveConfig( writer, id, this.baseline, config );
		void jq( work ).then( ( saved ) => {
			this.save.setDisabled( false );
			this.options.onSaved( id, saved );
		}, ( e: unknown ) => {
			this.save.setDisabled( false );
			this.errors.show( e );
		} );
	}
}

/** The wiki's names of the category namespace (its local name and every alias), for the message checks. */
function categoryNamespaceNames(): string[] {
	const names: string[] = [];
	const formatted = mw.config.get( 'wgFormattedNamespaces' ) as Record<string, string> | null;
	if ( formatted && formatted[ '14' ] ) {
		names.push( formatted[ '14' ] );
	}
	const ids = mw.config.get( 'wgNamespaceIds' ) as Record<string, number> | null;
	for ( const name in ids || {} ) {
		if ( Object.prototype.hasOwnProperty.call( ids, name ) && ( ids as Record<string, number> )[ name ] === 14 ) {
			names.push( name );
		}
	}
	return names;
}
