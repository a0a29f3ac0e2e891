/**
 * A dialog for actions that post a notice on someone's talk page (releasing a mentee,
 * leaving, handing over, introducing oneself): it explains what will happen, takes an
 * optional personal note, previews exactly what will be posted, and runs the action,
 * showing any failure without losing the note.
 */

import { Post } from '../core/notices';
import { Env } from './env';
import { msg } from './i18n';
import { Handlers, StagedDialog, stagedStatics } from './staged-dialog';
import { openWindow } from './windows';
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

export class NoticeDialog extends StagedDialog {
	private readonly config: NoticeDialogConfig;
	private note: CountedText | null = null;
	private postBox: OO.ui.CheckboxInputWidget | null = null;

	public constructor( config: NoticeDialogConfig ) {
		super( config.env, { size: 'medium', classes: [ 'mg-notice-dialog' ] } );
		this.config = config;
	}

	protected buildForm( $form: JQuery ): void {
		$form.append( $( '<p>' ).text( this.config.explanation ) );
		if ( this.config.withNote !== false ) {
			this.note = new CountedText( {
				label: this.config.noteLabel || msg( 'mentorship-notice-note' ),
				max: 1000,
				rows: 3,
				value: this.config.initialNote || '',
			} );
			this.note.input.on( 'resize', () => this.updateSize() );
			$form.append( this.note.$element );
		}
		if ( this.config.optionalPost ) {
			this.postBox = new OO.ui.CheckboxInputWidget( { selected: true } );
			$form.append( new OO.ui.FieldLayout( this.postBox, { label: this.config.optionalPost, align: 'inline' } ).$element );
		}
	}

	public override getSetupProcess( data: unknown ): OO.ui.Process {
		return super.getSetupProcess( data ).next( () => {
			this.title.setLabel( this.config.title );
			this.actions.get( { actions: 'confirm' } ).forEach( ( a ) => a.setLabel( this.config.confirm ) );
			this.setStage( 'form', false );
		} );
	}

	protected focusForm(): void {
		if ( this.note ) {
			this.note.input.focus();
		} else if ( this.postBox ) {
			this.postBox.focus();
		}
	}

	private noteValue(): string {
		return this.note ? this.note.getValue() : '';
	}

	private posting(): boolean {
		return !this.postBox || !!this.postBox.isSelected();
	}

	protected handlers(): Handlers {
		return {
			preview: () => {
				const post = this.posting() ? this.config.preview( this.noteValue() ) : null;
				// Nothing to post: nothing to preview, the action runs at once.
				return post ? this.renderPreview( post, msg( 'mentorship-ask-preview-intro', post.page ) ) : this.confirm();
			},
			confirm: () => this.confirm(),
		};
	}

	private confirm(): Promise<void> {
		this.errors.clear();
		return this.config.run( this.noteValue(), this.posting() ).then( () => {
			this.finish( 'confirm' );
		} );
	}
}

stagedStatics( NoticeDialog, 'mentorshipNotice', [
	{ action: 'preview', label: OO.ui.deferMsg( 'mentorship-ask-preview' ), flags: [ 'primary', 'progressive' ], modes: [ 'form' ] },
	{ action: 'confirm', label: '', flags: [ 'primary', 'progressive' ], modes: [ 'preview' ] },
	// Done, it closes itself.
], { stages: [ 'form', 'preview' ] } );

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
