/**
 * The one dialog flow of the gadgets: a form, a preview of exactly what will be posted
 * (parsed by the wiki, laid out in the language it is written in), progress, the result,
 * or an error that stops the flow. Every action a stage shows is handled here or by the
 * subclass: ×, Cancel, Close and Done close the dialog (OOUI's Dialog closes only for the
 * empty action, so a dialog that passes 'cancel' on to it stays open), Back returns to the
 * form, and any failure returns to the form with what the user typed still in it.
 *
 * A subclass builds its form, declares its name and own actions with `stagedStatics`, and
 * says what each of its actions does in `handlers()`; the stages, panels, focus, size and
 * closing live here.
 */

import { languageDir } from '../core/languages';
import { Env } from './env';
import { ErrorArea } from './errors';
import { jq, ownStatics } from './windows';

export type Stage = 'loading' | 'form' | 'preview' | 'progress' | 'done' | 'error';

export const STAGES: Stage[] = [ 'loading', 'form', 'preview', 'progress', 'done', 'error' ];

/** Actions that close the dialog, whatever the stage (the empty action is Escape). */
export const CLOSING_ACTIONS = [ '', 'cancel', 'close', 'done' ];

export interface StagedAction {
	action: string;
	label: OO.ui.Deferrable<string> | string;
	flags?: string[];
	modes?: Stage[];
}

/**
 * The actions of a staged dialog: × (Cancel) until something is done, Back on the preview,
 * × and Close on the result or an error, and the dialog's own (its primary steps). `stages`:
 * the stages the dialog has (a dialog that closes itself when its work is done has no done stage).
 */
export function stagedActions( own: StagedAction[], stages: Stage[] = STAGES ): StagedAction[] {
	const common: StagedAction[] = [
		{ action: 'cancel', label: OO.ui.deferMsg( 'mentorship-cancel' ), flags: [ 'safe', 'close' ], modes: [ 'loading', 'form', 'preview' ] },
		{ action: 'back', label: OO.ui.deferMsg( 'mentorship-back' ), flags: [ 'safe', 'back' ], modes: [ 'preview' ] },
		{ action: 'close', label: OO.ui.deferMsg( 'mentorship-close' ), flags: [ 'safe', 'close' ], modes: [ 'error', 'done' ] },
		{ action: 'done', label: OO.ui.deferMsg( 'mentorship-done' ), flags: [ 'primary', 'progressive' ], modes: [ 'done' ] },
	];
	return common.filter( ( a ) => ( a.modes || [] ).some( ( m ) => stages.indexOf( m ) !== -1 ) ).concat( own );
}

/** What a preview shows: the page it goes to and the wikitext the wiki parses. */
export interface PreviewPost {
	page: string;
	text: string;
	sectiontitle?: string;
}

type Handler = () => Promise<unknown> | void;

/** What each action of a subclass does, by action name (a promise's failure returns to the form). */
export type Handlers = Record<string, Handler>;

export abstract class StagedDialog extends OO.ui.ProcessDialog {
	protected readonly env: Env;
	protected stage: Stage = 'loading';
	protected stack!: OO.ui.StackLayout;
	/** One panel per stage; loading and form share one, preview and progress may (see panelFor). */
	protected formPanel!: OO.ui.PanelLayout;
	protected previewPanel!: OO.ui.PanelLayout;
	protected progressPanel!: OO.ui.PanelLayout;
	protected donePanel!: OO.ui.PanelLayout;
	protected errorPanel!: OO.ui.PanelLayout;
	/** A line above the form (loading, who the message goes to, a warning). */
	protected status!: OO.ui.MessageWidget;
	/** Failures, below the form (with the action that fits them). */
	protected errors!: ErrorArea;
	protected $previewIntro!: JQuery;
	/** The parsed preview, in the language of what is posted. */
	protected $preview!: JQuery;
	protected $done!: JQuery;
	private errorMessage!: OO.ui.MessageWidget;
	/** Whether the dialog's work was carried out (for a dialog that closes itself when done: see finish). */
	public done = false;

	protected constructor( env: Env, config: OO.ui.ProcessDialog.ConfigOptions ) {
		super( config );
		this.env = env;
	}

	/** Puts the form's fields into the form panel (between the status line and the errors). */
	protected abstract buildForm( $form: JQuery ): void;

	/** What each of the subclass's own actions does. */
	protected abstract handlers(): Handlers;

	/** Puts the focus where the user goes on in the form. */
	protected abstract focusForm(): void;

	public override initialize(): this {
		super.initialize();
		const panel = (): OO.ui.PanelLayout => new OO.ui.PanelLayout( { padded: true, expanded: false } );
		this.status = new OO.ui.MessageWidget( { type: 'notice', classes: [ 'mg-dialog-status' ] } );
		this.status.$element.attr( { role: 'status', 'aria-live': 'polite' } );
		this.status.toggle( false );
		this.errors = new ErrorArea();
		this.formPanel = panel();
		const $form = $( '<div>' ).addClass( 'mg-dialog-form' );
		this.formPanel.$element.append( this.status.$element, $form, this.errors.$element );
		this.$previewIntro = $( '<p>' ).addClass( 'mg-preview-intro' );
		this.$preview = $( '<div>' ).addClass( 'mg-preview' ).attr( { tabindex: '0', role: 'region' } );
		this.previewPanel = panel();
		this.previewPanel.$element.append( this.$previewIntro, this.$preview );
		this.progressPanel = panel();
		this.$done = $( '<div>' ).addClass( 'mg-dialog-done' ).attr( { role: 'status', tabindex: '-1' } );
		this.donePanel = panel();
		this.donePanel.$element.append( this.$done );
		this.errorMessage = new OO.ui.MessageWidget( { type: 'error', classes: [ 'mg-dialog-error' ] } );
		this.errorMessage.$element.attr( { role: 'alert', tabindex: '-1' } );
		this.errorPanel = panel();
		this.errorPanel.$element.append( this.errorMessage.$element );
		this.stack = new OO.ui.StackLayout( {
			items: [ this.formPanel, this.previewPanel, this.progressPanel, this.donePanel, this.errorPanel ],
			expanded: false,
		} );
		this.$body.append( this.stack.$element );
		this.buildForm( $form );
		return this;
	}

	/**
	 * The dialog takes the focus as soon as it shows, before its content has loaded: a key
	 * pressed then (Escape) reaches the dialog, not the page behind it.
	 */
	public override getSetupProcess( data: unknown ): OO.ui.Process {
		return super.getSetupProcess( data ).next( () => {
			this.$content.trigger( 'focus' );
		} );
	}

	/** Once open, the focus goes where the stage reached during setup wants it. */
	public override getReadyProcess( data: unknown ): OO.ui.Process {
		return super.getReadyProcess( data ).next( () => {
			this.focusStage( this.stage );
		} );
	}

	/** The panel a stage shows. */
	protected panelFor( stage: Stage ): OO.ui.PanelLayout {
		switch ( stage ) {
			case 'preview':
				return this.previewPanel;
			case 'progress':
				return this.progressPanel;
			case 'done':
				return this.donePanel;
			case 'error':
				return this.errorPanel;
			default:
				return this.formPanel;
		}
	}

	/** The stage the dialog is at (for tests and subclasses). */
	public getStage(): Stage {
		return this.stage;
	}

	/** Shows a stage: its panel, its actions, its size; `focus` (default true) moves the focus into it. */
	protected setStage( stage: Stage, focus = true ): void {
		this.stage = stage;
		this.stack.setItem( this.panelFor( stage ) );
		this.actions.setMode( stage );
		this.$element.attr( 'data-mg-stage', stage );
		// A dialog closed before its content arrived has nothing to measure.
		if ( this.isVisible() ) {
			this.updateSize();
		}
		if ( focus ) {
			this.focusStage( stage );
		}
	}

	/** Where the focus goes when a stage is shown (so that screen readers read it and Escape closes). */
	protected focusStage( stage: Stage ): void {
		switch ( stage ) {
			case 'form':
				this.focusForm();
				break;
			case 'preview':
				this.$preview.trigger( 'focus' );
				break;
			case 'done': {
				const $link = this.$done.find( 'a' ).first();
				( $link.length ? $link : this.$done ).trigger( 'focus' );
				break;
			}
			case 'error':
				this.errorMessage.$element.trigger( 'focus' );
				break;
			default:
				break;
		}
		// Nothing of the stage took the focus (still loading, a disabled box): the dialog
		// itself takes it, so that Escape closes it and Tab stays inside.
		const active = document.activeElement;
		if ( this.isVisible() && ( !active || !$.contains( this.$element[ 0 ] as HTMLElement, active ) ) ) {
			this.$content.trigger( 'focus' );
		}
	}

	/** The line above the form; null hides it. */
	protected showStatus( type: 'notice' | 'warning' | 'error' | 'success', label: string | JQuery | null ): void {
		if ( label === null ) {
			this.status.toggle( false );
			return;
		}
		this.status.setType( type );
		this.status.setLabel( label );
		this.status.toggle( true );
	}

	/** Stops the flow (nothing to do, or the dialog could not load): the reason and Close. */
	protected showError( text: string ): void {
		this.errorMessage.setLabel( text );
		this.setStage( 'error' );
	}

	/**
	 * Previews a post: the wiki parses it, and it is shown in the language it is written in
	 * (its lang and dir), whatever the interface's language.
	 */
	protected renderPreview( post: PreviewPost, intro: string, language?: string ): Promise<void> {
		const lang = language || this.env.contentLanguage;
		this.errors.clear();
		return this.env.client.parse( { title: post.page, text: post.text, sectiontitle: post.sectiontitle } ).then( ( html ) => {
			this.$previewIntro.text( intro );
			this.$preview.attr( { lang: lang, dir: languageDir( lang ), 'aria-label': intro } );
			// HTML made by the wiki's own parser (sanitised there), as in any edit preview.
			this.$preview[ 0 ]!.innerHTML = html;
			this.setStage( 'preview' );
		} );
	}

	/** Shows the result; the focus goes to its first link. */
	protected showDone( ...content: JQuery[] ): void {
		this.$done.empty().append( content );
		this.setStage( 'done' );
	}

	/**
	 * A step failed: back to the form, where everything typed still is, with what happened
	 * and what to do. `retry` repeats the action (offered after an AbuseFilter warning).
	 */
	protected backToForm( e: unknown, action?: string ): void {
		this.setStage( 'form' );
		this.errors.show( e, action ? () => {
			void this.executeAction( action );
		} : undefined );
		this.updateSize();
	}

	/** Whether the dialog may close now (not while sending: the progress stage has its own Pause and Stop). */
	protected closable(): boolean {
		return this.stage !== 'progress';
	}

	/** The work is carried out: a dialog with no done stage closes itself, and `done` says so. */
	protected finish( action: string ): void {
		this.done = true;
		this.close( { action: action } );
	}

	/** Back from the preview to the form. */
	protected back(): void {
		this.errors.clear();
		this.setStage( 'form' );
	}

	public override getActionProcess( action: string ): OO.ui.Process {
		if ( CLOSING_ACTIONS.indexOf( action ) !== -1 ) {
			return new OO.ui.Process( () => {
				if ( this.closable() ) {
					this.close( { action: action || 'cancel' } );
				}
			} );
		}
		if ( action === 'back' ) {
			return new OO.ui.Process( () => {
				this.back();
			} );
		}
		const handlers = this.handlers();
		const handler = Object.prototype.hasOwnProperty.call( handlers, action ) ? handlers[ action ] : undefined;
		if ( !handler ) {
			return super.getActionProcess( action );
		}
		return new OO.ui.Process( () => {
			const result = handler();
			return result ? jq( result.then( () => undefined, ( e: unknown ) => {
				this.backToForm( e, action );
			} ) ) : undefined;
		} );
	}

	public override getBodyHeight(): number {
		const panel = this.stack ? this.stack.getCurrentItem() : null;
		return Math.max( 120, panel ? panel.$element.outerHeight( true ) || 0 : 0 );
	}
}

/**
 * Gives a subclass its own statics: its symbolic name, its title (none by default: set when
 * it opens) and its actions, its own with the common ones (see stagedActions).
 */
export function stagedStatics( dialog: { static: OO.ui.ProcessDialog.Static }, name: string, own: StagedAction[], options: { title?: OO.ui.Deferrable<string>; stages?: Stage[] } = {} ): void {
	ownStatics( dialog, StagedDialog );
	dialog.static.name = name;
	dialog.static.title = options.title || '';
	dialog.static.actions = stagedActions( own, options.stages );
}
