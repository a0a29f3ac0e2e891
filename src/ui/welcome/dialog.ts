/**
 * Welcoming or inviting one user (from their talk page, their contributions or a line of
 * the new-users log): the program (when there are several), the message and its language,
 * a personal note (kept as a draft), what the program sent them before ("already received
 * … from X on DATE", with the choice to go on only with a different message), a preview
 * parsed by the wiki of exactly what will be posted, then Post. What the inviter typed is
 * kept in the dialog on any failure.
 */

import { newId } from '../../core/ask';
import { accountSkip, anonymousPolicy, composeFor, MessageOption, offeredTo, priorOfKind, UserFacts } from '../../core/welcome';
import { isoSeconds } from '../../wiki/programs';
import { checkUsers, SentOne, sendInvitation, WelcomeProgram } from '../../wiki/welcome';
import { Drafts } from '../drafts';
import { Env, formatDate } from '../env';
import { ErrorArea, errorText } from '../errors';
import { formatNumber, msg } from '../i18n';
import { jq, ownStatics } from '../windows';
import { CountedText } from '../widgets';
import { ChoiceOption, composition, invitablePrograms, kindLabel, labelOf, MessageFields, skipText, writer } from './common';

export interface WelcomeDialogConfig {
	env: Env;
	user: string;
}

interface Draft {
	note: string;
}

const NOTE_MAX = 1000;

export class WelcomeDialog extends OO.ui.ProcessDialog {
	private readonly env: Env;
	private readonly user: string;
	private readonly drafts: Drafts<Draft>;
	private programs: WelcomeProgram[] = [];
	private facts: UserFacts | null = null;
	private checks = 0;
	private fields: MessageFields | null = null;
	private result: SentOne | null = null;
	private stack!: OO.ui.StackLayout;
	private mode = '';
	private formPanel!: OO.ui.PanelLayout;
	private previewPanel!: OO.ui.PanelLayout;
	private donePanel!: OO.ui.PanelLayout;
	private status!: OO.ui.MessageWidget;
	private $fields!: JQuery;
	private $recipient!: JQuery;
	private prior!: OO.ui.MessageWidget;
	private goOn!: OO.ui.CheckboxInputWidget;
	private goOnField!: OO.ui.FieldLayout;
	private note!: CountedText;
	private errors!: ErrorArea;
	private $previewIntro!: JQuery;
	private $preview!: JQuery;
	private $done!: JQuery;

	public constructor( config: WelcomeDialogConfig ) {
		super( { size: 'medium', classes: [ 'mg-welcome-dialog' ] } );
		this.env = config.env;
		this.user = config.user;
		this.drafts = new Drafts<Draft>( config.env.storage, 'welcome', config.env.user || '' );
	}

	public override initialize(): this {
		super.initialize();
		this.status = new OO.ui.MessageWidget( { type: 'notice', classes: [ 'mg-welcome-status' ] } );
		this.status.$element.attr( { role: 'status', 'aria-live': 'polite' } );
		this.prior = new OO.ui.MessageWidget( { type: 'warning', classes: [ 'mg-welcome-prior' ] } );
		this.prior.toggle( false );
		this.goOn = new OO.ui.CheckboxInputWidget( { selected: false } );
		this.goOnField = new OO.ui.FieldLayout( this.goOn, { label: msg( 'mentorship-welcome-go-on' ), align: 'inline', classes: [ 'mg-welcome-go-on' ] } );
		this.goOnField.toggle( false );
		this.note = new CountedText( {
			label: msg( 'mentorship-welcome-note' ),
			help: msg( 'mentorship-welcome-note-help' ),
			max: NOTE_MAX,
			rows: 3,
		} );
		this.note.$element.addClass( 'mg-welcome-note' );
		// What the inviter types may be in another script than the interface.
		this.note.input.$input.attr( 'dir', 'auto' );
		this.errors = new ErrorArea();
		this.$recipient = $( '<p>' ).addClass( 'mg-welcome-recipient' );
		this.$fields = $( '<div>' ).addClass( 'mg-welcome-fields' );
		this.formPanel = new OO.ui.PanelLayout( { padded: true, expanded: false } );
		this.formPanel.$element.append( this.status.$element, this.$recipient, this.prior.$element, this.goOnField.$element, this.$fields, this.errors.$element );
		this.$previewIntro = $( '<p>' ).addClass( 'mg-preview-intro' );
		this.$preview = $( '<div>' ).addClass( 'mg-preview' ).attr( { tabindex: '0', role: 'region' } );
		this.previewPanel = new OO.ui.PanelLayout( { padded: true, expanded: false } );
		this.previewPanel.$element.append( this.$previewIntro, this.$preview );
		this.$done = $( '<div>' ).attr( 'role', 'status' );
		this.donePanel = new OO.ui.PanelLayout( { padded: true, expanded: false } );
		this.donePanel.$element.append( this.$done );
		this.stack = new OO.ui.StackLayout( { items: [ this.formPanel, this.previewPanel, this.donePanel ], expanded: false } );
		this.$body.append( this.stack.$element );
		this.goOn.on( 'change', () => this.update() );
		this.note.input.on( 'change', () => {
			const value = this.note.getValue();
			if ( value.trim() ) {
				this.drafts.saveSoon( { note: value } );
			}
		} );
		this.note.input.on( 'resize', () => this.updateSize() );
		return this;
	}

	private setMode( mode: string ): void {
		this.mode = mode;
		this.actions.setMode( mode );
	}

	public override getSetupProcess( data: unknown ): OO.ui.Process {
		return super.getSetupProcess( data ).next( () => {
			this.title.setLabel( msg( 'mentorship-welcome-title', this.user ) );
			const draft = this.drafts.load();
			if ( draft && draft.note ) {
				this.note.input.setValue( draft.note );
			}
			this.setMode( 'loading' );
			this.stack.setItem( this.formPanel );
			this.showStatus( 'notice', msg( 'mentorship-welcome-loading', this.user ) );
			return jq( this.load() );
		} );
	}

	public override getReadyProcess( data: unknown ): OO.ui.Process {
		return super.getReadyProcess( data ).next( () => {
			this.focusForm();
		} );
	}

	private focusForm(): void {
		if ( this.fields && this.mode === 'form' ) {
			this.fields.kind.focus();
		}
	}

	private showStatus( type: 'notice' | 'warning' | 'error' | 'success', text: string | null ): void {
		if ( text === null ) {
			this.status.toggle( false );
			return;
		}
		this.status.setType( type );
		this.status.setLabel( text );
		this.status.toggle( true );
	}

	private load(): Promise<void> {
		return invitablePrograms( this.env ).then( ( programs ) => {
			this.programs = programs;
			if ( !programs.length ) {
				this.showStatus( 'warning', msg( 'mentorship-welcome-no-programs' ) );
				this.setMode( 'closed' );
				this.updateSize();
				return undefined;
			}
			const fields = new MessageFields( this.env, programs, this.$overlay );
			this.fields = fields;
			// Shown once the checks tell which messages this user may get.
			this.$fields.hide().empty().append( fields.$element, this.note.$element );
			fields.onChange( () => this.update() );
			fields.onProgramChange( () => {
				void this.check();
			} );
			return this.check();
		} ).catch( ( e: unknown ) => {
			this.showStatus( 'error', errorText( e ) );
			this.setMode( 'closed' );
			this.updateSize();
		} );
	}

	/** Checks the user for the program chosen (one request). */
	private check(): Promise<void> {
		const fields = this.fields as MessageFields;
		const program = fields.program();
		this.actions.setAbilities( { preview: false } );
		const seq = ++this.checks;
		return checkUsers( this.env.client, program, [ this.user ], this.env.clock.now() ).then( ( result ) => {
			if ( seq !== this.checks ) {
				// The program changed again meanwhile: the later check decides.
				return;
			}
			const facts = result.facts[ result.names[ 0 ] as string ] as UserFacts;
			this.facts = facts;
			this.goOn.setSelected( false );
			const policy = anonymousPolicy( program.config );
			fields.setFilter( ( option ) => this.choiceFor( option, facts, program ) );
			const skip = accountSkip( facts, this.env.user || '', policy );
			const open = fields.offered().filter( ( o ) => !o.choice.disabled );
			if ( skip || !open.length ) {
				this.$fields.hide();
				this.prior.toggle( false );
				this.goOnField.toggle( false );
				this.showStatus( 'error', skip ?
					msg( 'mentorship-welcome-cannot', facts.name, skipText( this.env, program, skip ) ) :
					msg( 'mentorship-welcome-nothing-left', facts.name ) );
				// Another program may still have something to send.
				if ( this.programs.length > 1 ) {
					this.$fields.show();
					this.note.$element.hide();
				}
				this.setMode( this.programs.length > 1 ? 'form' : 'closed' );
				this.actions.setAbilities( { preview: false } );
				this.updateSize();
				return;
			}
			this.$fields.show();
			this.note.$element.show();
			this.showStatus( 'notice', null );
			this.$recipient.text( this.describe( facts ) );
			const last = facts.prior[ facts.prior.length - 1 ];
			this.prior.toggle( !!last );
			this.goOnField.toggle( !!last );
			if ( last ) {
				this.prior.setLabel( msg( 'mentorship-welcome-already', facts.name, kindLabel( this.env, program, last.kind ), last.by, formatDate( last.time ) ) );
			}
			this.setMode( 'form' );
			this.update();
			this.updateSize();
			this.focusForm();
		}, ( e: unknown ) => {
			this.showStatus( 'error', errorText( e ) );
			this.setMode( 'closed' );
			this.updateSize();
		} );
	}

	/** Who the message goes to: their edits and when they registered (or that they have no account). */
	private describe( facts: UserFacts ): string {
		if ( facts.anonymous ) {
			return msg( 'mentorship-welcome-recipient-anonymous', facts.name );
		}
		return facts.registration ?
			msg( 'mentorship-welcome-recipient', facts.name, formatNumber( facts.editcount || 0 ), formatDate( facts.registration ), facts.editcount || 0 ) :
			'';
	}

	/** How a message is offered to this user: not at all (not meant for them), disabled (sent already), or open. */
	private choiceFor( option: MessageOption, facts: UserFacts, program: WelcomeProgram ): ChoiceOption | null {
		if ( !offeredTo( option, facts.anonymous, anonymousPolicy( program.config ) ) ) {
			return null;
		}
		const label = labelOf( this.env, option );
		return priorOfKind( facts, option.id ) ?
			{ data: option.id, label: msg( 'mentorship-welcome-kind-sent', label ), disabled: true } :
			{ data: option.id, label: label };
	}

	/** Preview is possible with a message chosen, and after an earlier message only when the inviter chose to go on. */
	private update(): void {
		const fields = this.fields;
		const facts = this.facts;
		const ready = !!fields && !!facts && !!fields.option() && !!fields.language() &&
			( !facts.prior.length || !!this.goOn.isSelected() );
		this.actions.setAbilities( { preview: ready } );
	}

	private compose(): ReturnType<typeof composition> | null {
		const fields = this.fields;
		const option = fields && fields.option();
		if ( !fields || !option ) {
			return null;
		}
		return composition( this.env, fields.program(), option, fields.language(), this.note.getValue() );
	}

	private showPreview(): Promise<void> {
		const c = this.compose();
		if ( !c ) {
			return Promise.resolve();
		}
		this.errors.clear();
		this.drafts.save( { note: this.note.getValue() } );
		const post = composeFor( c, this.user, isoSeconds( this.env.clock.now() ), newId( this.env.random ) );
		return this.env.client.parse( { title: post.page, text: post.text, sectiontitle: post.sectiontitle } ).then( ( html ) => {
			this.$previewIntro.text( msg( 'mentorship-ask-preview-intro', post.page ) );
			this.$preview.attr( 'aria-label', msg( 'mentorship-ask-preview' ) );
			// HTML made by the wiki's own parser (sanitised there), as in any edit preview.
			this.$preview[ 0 ]!.innerHTML = html;
			this.stack.setItem( this.previewPanel );
			this.setMode( 'preview' );
			this.updateSize();
			this.$preview.trigger( 'focus' );
		} );
	}

	private post(): Promise<void> {
		const c = this.compose();
		const fields = this.fields;
		if ( !c || !fields ) {
			return Promise.resolve();
		}
		this.errors.clear();
		return sendInvitation( writer( this.env, fields.program() ), c, this.user ).then( ( result ) => {
			this.result = result;
			this.drafts.clear();
			this.showDone( result );
		} );
	}

	private showDone( result: SentOne ): void {
		const $link = $( '<a>' )
			.attr( 'href', this.env.url( result.posted.title ) + '#' + encodeURIComponent( result.section.replace( / /g, '_' ) ) )
			.text( result.posted.title );
		const done = new OO.ui.MessageWidget( {
			type: 'success',
			label: $( '<span>' ).append( $( '<span>' ).text( msg( 'mentorship-welcome-done', this.user ) ), ' ', $link ),
		} );
		this.$done.empty().append( done.$element );
		if ( result.recordError ) {
			this.$done.append( new OO.ui.MessageWidget( { type: 'warning', label: msg( 'mentorship-welcome-not-recorded', errorText( result.recordError ) ) } ).$element );
		} else if ( result.record ) {
			this.$done.append( $( '<p>' ).text( msg( 'mentorship-welcome-recorded' ) ) );
		}
		this.stack.setItem( this.donePanel );
		this.setMode( 'done' );
		this.updateSize();
		// Focus the result, so that screen readers read it and Escape closes.
		$link.trigger( 'focus' );
	}

	public override getActionProcess( action: string ): OO.ui.Process {
		if ( action === 'preview' ) {
			return new OO.ui.Process( () => jq( this.showPreview().catch( ( e: unknown ) => {
				this.errors.show( e );
				this.updateSize();
			} ) ) );
		}
		if ( action === 'back' ) {
			return new OO.ui.Process( () => {
				this.stack.setItem( this.formPanel );
				this.setMode( 'form' );
				this.updateSize();
				this.note.input.focus();
			} );
		}
		if ( action === 'post' ) {
			return new OO.ui.Process( () => jq( this.post().catch( ( e: unknown ) => {
				// Back to the form: what was typed is still there; the error says what to do.
				this.stack.setItem( this.formPanel );
				this.setMode( 'form' );
				this.errors.show( e, () => {
					void this.executeAction( 'post' );
				} );
				this.updateSize();
			} ) ) );
		}
		return super.getActionProcess( action );
	}

	public override getBodyHeight(): number {
		const panel = this.stack ? this.stack.getCurrentItem() : null;
		return panel ? Math.max( 120, panel.$element.outerHeight( true ) || 0 ) : 200;
	}

	/** The result of a posted message (for tests). */
	public getResult(): SentOne | null {
		return this.result;
	}
}

ownStatics( WelcomeDialog, OO.ui.ProcessDialog );
WelcomeDialog.static.name = 'mentorshipWelcome';
WelcomeDialog.static.title = '';
WelcomeDialog.static.actions = [
	{ action: 'cancel', label: OO.ui.deferMsg( 'mentorship-cancel' ), flags: [ 'safe', 'close' ], modes: [ 'loading', 'form', 'preview' ] },
	{ action: 'close', label: OO.ui.deferMsg( 'mentorship-close' ), flags: [ 'safe', 'close' ], modes: [ 'closed', 'done' ] },
	{ action: 'preview', label: OO.ui.deferMsg( 'mentorship-ask-preview' ), flags: [ 'primary', 'progressive' ], modes: [ 'form' ] },
	{ action: 'back', label: OO.ui.deferMsg( 'mentorship-back' ), flags: [ 'safe', 'back' ], modes: [ 'preview' ] },
	{ action: 'post', label: OO.ui.deferMsg( 'mentorship-welcome-post' ), flags: [ 'primary', 'progressive' ], modes: [ 'preview' ] },
];
