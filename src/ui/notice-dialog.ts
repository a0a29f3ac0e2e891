/**
 * A dialog for actions that post a notice on someone's talk page (releasing a mentee,
 * leaving, handing over, introducing oneself): it explains what will happen, takes an
 * optional personal note, previews exactly what will be posted, and runs the action,
 * showing any failure without losing the note.
 */

import { Post } from '../core/notices';
import { Env } from './env';
import { ErrorArea } from './errors';
import { msg } from './i18n';
import { jq, openWindow, ownStatics } from './windows';
import { CountedText } from './widgets';

export interface NoticeDialogConfig {
	env: Env;
	title: string;
	/** What will happen, in a sentence or two. */
	explanation: string;
	/** Label of the confirming button. */
	confirm: string;
	/** Offer a personal note (default true). */
	withNote?: boolean;
	noteLabel?: string;
	initialNote?: string;
	/** Offer to skip the post (a checkbox "also post…", on by default) — for optional notices. */
	optionalPost?: string;
	/** The notice that would be posted with this note (the first one, when there are several). */
	preview: ( note: string ) => Post | null;
	/** Does the work; resolves when everything is saved. `post` is false when the user unticked the optional post. */
	run: ( note: string, post: boolean ) => Promise<void>;
}

export class NoticeDialog extends OO.ui.ProcessDialog {
	private readonly config: NoticeDialogConfig;
	private note: CountedText | null = null;
	private postBox: OO.ui.CheckboxInputWidget | null = null;
	private errors!: ErrorArea;
	private stack!: OO.ui.StackLayout;
	private form!: OO.ui.PanelLayout;
	private previewPanel!: OO.ui.PanelLayout;
	private $preview!: JQuery;
	public done = false;

	public constructor( config: NoticeDialogConfig ) {
		super( { size: 'medium', classes: [ 'mg-notice-dialog' ] } );
		this.config = config;
	}

	public override initialize(): this {
		super.initialize();
		this.errors = new ErrorArea();
		this.form = new OO.ui.PanelLayout( { padded: true, expanded: false } );
		this.form.$element.append( $( '<p>' ).text( this.config.explanation ) );
		if ( this.config.withNote !== false ) {
			this.note = new CountedText( {
				label: this.config.noteLabel || msg( 'mentorship-notice-note' ),
				max: 1000,
				rows: 3,
				value: this.config.initialNote || '',
			} );
			this.note.input.on( 'resize', () => this.updateSize() );
			this.form.$element.append( this.note.$element );
		}
		if ( this.config.optionalPost ) {
			this.postBox = new OO.ui.CheckboxInputWidget( { selected: true } );
			this.form.$element.append( new OO.ui.FieldLayout( this.postBox, { label: this.config.optionalPost, align: 'inline' } ).$element );
		}
		this.form.$element.append( this.errors.$element );
		this.$preview = $( '<div>' ).addClass( 'mg-preview' ).attr( 'tabindex', '0' );
		this.previewPanel = new OO.ui.PanelLayout( { padded: true, expanded: false } );
		this.stack = new OO.ui.StackLayout( { items: [ this.form, this.previewPanel ], expanded: false } );
		this.previewPanel.$element.append( this.$preview );
		this.$body.append( this.stack.$element );
		return this;
	}

	public override getSetupProcess( data: unknown ): OO.ui.Process {
		return super.getSetupProcess( data ).next( () => {
			this.title.setLabel( this.config.title );
			this.actions.setMode( 'form' );
			this.actions.get( { actions: 'confirm' } ).forEach( ( a ) => a.setLabel( this.config.confirm ) );
		} );
	}

	public override getReadyProcess( data: unknown ): OO.ui.Process {
		return super.getReadyProcess( data ).next( () => {
			if ( this.note ) {
				this.note.input.focus();
			}
		} );
	}

	private noteValue(): string {
		return this.note ? this.note.getValue() : '';
	}

	private posting(): boolean {
		return !this.postBox || !!this.postBox.isSelected();
	}

	public override getActionProcess( action: string ): OO.ui.Process {
		if ( action === 'preview' ) {
			return new OO.ui.Process( () => {
				const post = this.posting() ? this.config.preview( this.noteValue() ) : null;
				if ( !post ) {
					return this.executeAction( 'confirm' );
				}
				this.errors.clear();
				return jq( this.config.env.client.parse( { title: post.page, text: post.text, sectiontitle: post.sectiontitle } ).then( ( html ) => {
					this.$preview.empty().append( $( '<p>' ).text( msg( 'mentorship-ask-preview-intro', post.page ) ) );
					const $html = $( '<div>' );
					// HTML made by the wiki's own parser (sanitised there), as in any edit preview.
					$html[ 0 ]!.innerHTML = html;
					this.$preview.append( $html );
					this.stack.setItem( this.previewPanel );
					this.actions.setMode( 'preview' );
					this.updateSize();
					this.$preview.trigger( 'focus' );
				}, ( e: unknown ) => {
					this.errors.show( e );
					this.updateSize();
				} ) );
			} );
		}
		if ( action === 'back' ) {
			return new OO.ui.Process( () => {
				this.stack.setItem( this.form );
				this.actions.setMode( 'form' );
				this.updateSize();
			} );
		}
		if ( action === 'confirm' ) {
			return new OO.ui.Process( () => jq( this.config.run( this.noteValue(), this.posting() ).then( () => {
				this.done = true;
				this.close( { action: 'confirm' } );
			}, ( e: unknown ) => {
				this.stack.setItem( this.form );
				this.actions.setMode( 'form' );
				this.errors.show( e, () => {
					void this.executeAction( 'confirm' );
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
}

ownStatics( NoticeDialog, OO.ui.ProcessDialog );
NoticeDialog.static.name = 'mentorshipNotice';
NoticeDialog.static.title = '';
NoticeDialog.static.actions = [
	{ action: 'cancel', label: OO.ui.deferMsg( 'mentorship-cancel' ), flags: [ 'safe', 'close' ], modes: [ 'form', 'preview' ] },
	{ action: 'preview', label: OO.ui.deferMsg( 'mentorship-ask-preview' ), flags: [ 'primary', 'progressive' ], modes: [ 'form' ] },
	{ action: 'back', label: OO.ui.deferMsg( 'mentorship-back' ), flags: [ 'safe', 'back' ], modes: [ 'preview' ] },
	{ action: 'confirm', label: '', flags: [ 'primary', 'progressive' ], modes: [ 'preview' ] },
];

/** Opens a notice dialog; resolves true when the action was carried out. */
export function confirmNotice( config: NoticeDialogConfig, trigger?: HTMLElement ): Promise<boolean> {
	const dialog = new NoticeDialog( config );
	return new Promise( ( resolve ) => {
		const instance = openWindow( dialog, {}, trigger );
		instance.closed.then( () => {
			resolve( dialog.done );
		} );
	} );
}
