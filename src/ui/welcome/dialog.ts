/**
 * Welcoming or inviting one user (from their talk page, their contributions or a line of
 * the new-users log): the program (when there are several), the message and its language,
 * a personal note (kept as a draft), what the program sent them before ("already received
 * … from X on DATE", with the choice to go on only with a different message), a preview
 * parsed by the wiki of exactly what will be posted, then Post. What the inviter typed is
 * kept in the dialog on any failure.
 */

import { newId } from '../../core/ids';
import { accountSkip, priorOfKind, UserFacts } from '../../core/welcome/eligibility';
import { anonymousPolicy, composeFor, MessageOption, offeredTo } from '../../core/welcome/messages';
import { isoSeconds } from '../../core/dates';
import { checkUsers, SentOne, sendInvitation, WelcomeProgram } from '../../wiki/welcome';
import { Env, formatDate } from '../env';
import { welcomeWriter } from '../writers';
import { errorText } from '../errors';
import { formatNumber, msg } from '../i18n';
import { Handlers, StagedDialog, stagedStatics } from '../staged-dialog';
import { ChoiceOption, composition, invitablePrograms, kindLabel, labelOf, MessageFields, rememberProgram, skipText, unusableText, WelcomeNote } from './common';

export interface WelcomeDialogConfig {
	env: Env;
	user: string;
}

export class WelcomeDialog extends StagedDialog {
	private readonly user: string;
	private facts: UserFacts | null = null;
	private checks = 0;
	private fields: MessageFields | null = null;
	private result: SentOne | null = null;
	private $fields!: JQuery;
	private $recipient!: JQuery;
	private prior!: OO.ui.MessageWidget;
	private goOn!: OO.ui.CheckboxInputWidget;
	private goOnField!: OO.ui.FieldLayout;
	private note!: WelcomeNote;

	public constructor( config: WelcomeDialogConfig ) {
		super( config.env, { size: 'medium', classes: [ 'mg-welcome-dialog' ] } );
		this.user = config.user;
	}

	protected buildForm( $form: JQuery ): void {
		this.status.$element.addClass( 'mg-welcome-status' );
		this.prior = new OO.ui.MessageWidget( { type: 'warning', classes: [ 'mg-welcome-prior' ] } );
		this.prior.toggle( false );
		this.goOn = new OO.ui.CheckboxInputWidget( { selected: false } );
		this.goOnField = new OO.ui.FieldLayout( this.goOn, { label: msg( 'mentorship-welcome-go-on' ), align: 'inline', classes: [ 'mg-welcome-go-on' ] } );
		this.goOnField.toggle( false );
		this.note = new WelcomeNote( this.env );
		this.$recipient = $( '<p>' ).addClass( 'mg-welcome-recipient' );
		this.$fields = $( '<div>' ).addClass( 'mg-welcome-fields' );
		$form.append( this.$recipient, this.prior.$element, this.goOnField.$element, this.$fields );
		this.goOn.on( 'change', () => this.update() );
		this.note.input.on( 'resize', () => this.updateSize() );
	}

	public override getSetupProcess( data: unknown ): OO.ui.Process {
		return super.getSetupProcess( data ).next( () => {
			this.title.setLabel( msg( 'mentorship-welcome-title', this.user ) );
			this.note.restore();
			this.setStage( 'loading', false );
			this.showStatus( 'notice', msg( 'mentorship-welcome-loading', this.user ) );
			// Not part of the setup: while it loads, the dialog is open, and ×, Cancel and
			// Escape close it (a window still being set up cannot be closed).
			void this.load();
		} );
	}

	protected focusForm(): void {
		if ( this.fields ) {
			this.fields.focus();
		}
	}

	private load(): Promise<void> {
		return invitablePrograms( this.env ).then( ( entries ) => {
			if ( !entries.length ) {
				this.showError( msg( 'mentorship-welcome-no-programs' ) );
				return undefined;
			}
			const fields = new MessageFields( this.env, entries, this.$overlay );
			this.fields = fields;
			// Shown once the checks tell which messages this user may get.
			this.$fields.hide().empty().append( fields.$element, this.note.$element );
			fields.onChange( () => this.update() );
			// The program chosen is read (its trust chain), then the user is checked for it.
			fields.onProgramChange( () => {
				void this.check();
			} );
			return fields.select();
		} ).catch( ( e: unknown ) => {
			this.showError( errorText( e ) );
		} );
	}

	/** Checks the user for the program chosen (one request), once the program is known to be usable. */
	private check(): Promise<void> {
		const fields = this.fields as MessageFields;
		const state = fields.state();
		this.actions.setAbilities( { preview: false } );
		const seq = ++this.checks;
		if ( state.state === 'checking' ) {
			this.showStatus( 'notice', msg( 'mentorship-welcome-program-checking', state.label ) );
			return Promise.resolve();
		}
		if ( state.state !== 'ready' ) {
			this.cannot( unusableText( state, fields.count() > 1 ) as string );
			return Promise.resolve();
		}
		const program = state.program;
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
				const why = skip ?
					msg( 'mentorship-welcome-cannot', facts.name, skipText( this.env, program, skip ) ) :
					msg( 'mentorship-welcome-nothing-left', facts.name );
				this.cannot( why );
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
			this.setStage( 'form' );
			this.update();
		}, ( e: unknown ) => {
			this.showError( errorText( e ) );
		} );
	}

	/**
	 * Nothing can be sent with the program chosen: with no other program the dialog stops
	 * there; otherwise the form stays (what was typed with it) for another program.
	 */
	private cannot( why: string ): void {
		const fields = this.fields as MessageFields;
		if ( fields.count() < 2 ) {
			this.showError( why );
			return;
		}
		this.$fields.show();
		this.note.$element.hide();
		this.prior.toggle( false );
		this.goOnField.toggle( false );
		this.$recipient.text( '' );
		this.showStatus( 'error', why );
		if ( this.stage !== 'form' ) {
			this.setStage( 'form' );
		}
		this.actions.setAbilities( { preview: false } );
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
		const program = fields && fields.program();
		if ( !fields || !option || !program ) {
			return null;
		}
		return composition( this.env, program, option, fields.language(), this.note.getValue() );
	}

	protected handlers(): Handlers {
		return { preview: () => this.preview(), post: () => this.post() };
	}

	private preview(): Promise<void> {
		const c = this.compose();
		if ( !c ) {
			return Promise.resolve();
		}
		this.note.keep();
		const post = composeFor( c, this.user, isoSeconds( this.env.clock.now() ), newId( this.env.random ) );
		// The message is written in the language the inviter chose: the preview is laid out in it.
		return this.renderPreview( post, msg( 'mentorship-ask-preview-intro', post.page ), c.language );
	}

	private post(): Promise<void> {
		const c = this.compose();
		const program = this.fields && this.fields.program();
		if ( !c || !program ) {
			return Promise.resolve();
		}
		this.errors.clear();
		return sendInvitation( welcomeWriter( this.env, program ), c, this.user ).then( ( result ) => {
			this.result = result;
			this.note.sent();
			rememberProgram( this.env, program.id );
			this.showResult( result );
		} );
	}

	private showResult( result: SentOne ): void {
		const $link = $( '<a>' )
			.attr( 'href', this.env.url( result.posted.title ) + '#' + encodeURIComponent( result.section.replace( / /g, '_' ) ) )
			.text( result.posted.title );
		const done = new OO.ui.MessageWidget( {
			type: 'success',
			label: $( '<span>' ).append( $( '<span>' ).text( msg( 'mentorship-welcome-done', this.user ) ), ' ', $link ),
		} );
		let $more: JQuery = $( [] );
		if ( result.recordError ) {
			$more = new OO.ui.MessageWidget( { type: 'warning', label: msg( 'mentorship-welcome-not-recorded', errorText( result.recordError ) ) } ).$element;
		} else if ( result.record ) {
			$more = $( '<p>' ).text( msg( 'mentorship-welcome-recorded' ) );
		}
		this.showDone( done.$element, $more );
	}

	/** The result of a posted message (for tests). */
	public getResult(): SentOne | null {
		return this.result;
	}
}

stagedStatics( WelcomeDialog, 'mentorshipWelcome', [
	{ action: 'preview', label: OO.ui.deferMsg( 'mentorship-ask-preview' ), flags: [ 'primary', 'progressive' ], modes: [ 'form' ] },
	{ action: 'post', label: OO.ui.deferMsg( 'mentorship-welcome-post' ), flags: [ 'primary', 'progressive' ], modes: [ 'preview' ] },
] );
