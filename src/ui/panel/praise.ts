/**
 * "Good work" in the mentor's mentees tab (issue 18, good work is recognised): the confirmed
 * mentees who did something the program counts as praiseworthy, each with "Thank" (a
 * previewable thanks posted signed on their talk page, kept as a milestone the mentor
 * recorded) and, where the wiki has the Thanks extension, "Thank for the edit" (the wiki's
 * own thanks for the edit it is about). Loaded with the "Needs you" list (its module).
 */

import { buildPraise, PraiseSuggestion } from '../../core/praise';
import { MentorView } from '../../wiki/membership';
import { loadPraise, Praise, postPraise, thankEdit } from '../../wiki/praise';
import { Posted } from '../../wiki/posting';
import { errorText } from '../errors';
import { msg } from '../i18n';
import { Handlers, StagedDialog, stagedStatics } from '../staged-dialog';
import { CountedText, heading, statusLine } from '../widgets';
import { openWindow } from '../windows';
import { TabContext } from './context';

export interface PraiseDialogConfig {
	ctx: TabContext;
	programName: string;
	template: string | null;
	suggestion: PraiseSuggestion;
	gender: 'male' | 'female' | 'unknown';
	/** The program's window, in days. */
	days: number;
}

/** The sentence saying what a mentee did (interface language). */
function reasonText( s: PraiseSuggestion, days: number, gender: string ): string {
	switch ( s.kind ) {
		case 'active-editing':
			return msg( 'mentorship-praise-edits', s.mentee, s.edits || 0, days, gender );
		case 'first-article':
			return msg( 'mentorship-praise-article', s.mentee, s.title || '', gender );
		case 'first-upload':
			return msg( 'mentorship-praise-upload', s.mentee, s.title || '', gender );
	}
}

export class PraiseDialog extends StagedDialog {
	private readonly config: PraiseDialogConfig;
	private note!: CountedText;
	private readonly id: string;
	public posted: Posted | null = null;

	public constructor( config: PraiseDialogConfig ) {
		super( config.ctx.env, { size: 'medium', classes: [ 'mg-praise-dialog' ] } );
		this.config = config;
		this.id = Math.floor( config.ctx.env.random() * 1e12 ).toString( 36 );
	}

	protected buildForm( $form: JQuery ): void {
		const s = this.config.suggestion;
		this.note = new CountedText( {
			label: msg( 'mentorship-praise-note' ),
			max: 1000,
			rows: 4,
			value: msg( 'mentorship-praise-note-default', s.mentee, this.config.gender ),
		} );
		this.note.input.on( 'resize', () => this.updateSize() );
		$form.append( $( '<p>' ).text( reasonText( s, this.config.days, this.config.gender ) ), this.note.$element );
	}

	public override getSetupProcess( data: unknown ): OO.ui.Process {
		return super.getSetupProcess( data ).next( () => {
			this.title.setLabel( msg( 'mentorship-praise-title', this.config.suggestion.mentee ) );
			this.setStage( 'form', false );
		} );
	}

	protected focusForm(): void {
		this.note.input.focus();
	}

	private post(): ReturnType<typeof buildPraise> {
		const ctx = this.config.ctx;
		return buildPraise( {
			suggestion: this.config.suggestion, id: this.id, programId: ctx.id, programName: this.config.programName,
			from: ctx.view.viewer.name, note: this.note.getValue(), template: this.config.template,
		}, ctx.env.content );
	}

	protected handlers(): Handlers {
		return {
			preview: () => {
				const post = this.post();
				return this.renderPreview( post, msg( 'mentorship-ask-preview-intro', post.page ) );
			},
			post: () => {
				this.errors.clear();
				const ctx = this.config.ctx;
				return postPraise( ctx.actor(), ctx.id, this.post(), this.config.suggestion ).then( ( posted ) => {
					this.posted = posted;
					this.done = true;
					const $link = $( '<a>' ).attr( 'href', ctx.env.url( posted.title, { oldid: String( posted.revid ) } ) ).text( posted.title );
					this.showDone( $( '<p>' ).append( $( '<span>' ).text( msg( 'mentorship-praise-done', this.config.suggestion.mentee ) + ' ' ), $link ) );
				} );
			},
		};
	}
}

stagedStatics( PraiseDialog, 'mentorshipPraise', [
	{ action: 'preview', label: OO.ui.deferMsg( 'mentorship-ask-preview' ), flags: [ 'primary', 'progressive' ], modes: [ 'form' ] },
	{ action: 'post', label: OO.ui.deferMsg( 'mentorship-praise-post' ), flags: [ 'primary', 'progressive' ], modes: [ 'preview' ] },
] );

/** Whether the wiki has the Thanks extension (its modules are registered on every page it runs on). */
export function hasThanks(): boolean {
	const loader = typeof mw !== 'undefined' ? mw.loader : undefined;
	return !!loader && typeof loader.getState === 'function' && ( loader.getState( 'ext.thanks' ) !== null || loader.getState( 'ext.thanks.corethank' ) !== null );
}

function suggestionItem( ctx: TabContext, view: MentorView, data: Praise, s: PraiseSuggestion, thanks: boolean ): JQuery {
	const gender = data.genders[ s.mentee ] || 'unknown';
	const $item = $( '<li>' ).addClass( 'mg-praise-item' ).attr( 'data-mentee', s.mentee ).append( $( '<span>' ).text( reasonText( s, data.rules.days, gender ) + ' ' ) );
	const thank = new OO.ui.ButtonWidget( { label: msg( 'mentorship-praise-thank' ), flags: [ 'progressive' ] } );
	thank.$button.attr( 'aria-label', msg( 'mentorship-praise-thank-who', s.mentee ) );
	thank.on( 'click', () => {
		const dialog = new PraiseDialog( { ctx: ctx, programName: view.loaded.state.config.name, template: data.rules.template, suggestion: s, gender: gender, days: data.rules.days } );
		openWindow( dialog, {}, thank.$element[ 0 ] ).closed.then( () => {
			if ( dialog.posted ) {
				thank.setDisabled( true ).setLabel( msg( 'mentorship-praise-thanked' ) );
				thank.$button.removeAttr( 'aria-label' );
			}
		} );
	} );
	$item.append( thank.$element );
	if ( thanks && s.revid ) {
		const revid = s.revid;
		const edit = new OO.ui.ButtonWidget( { label: msg( 'mentorship-praise-thank-edit' ), framed: false } );
		const $status = $( '<span>' ).addClass( 'mg-praise-status' );
		edit.on( 'click', () => {
			edit.setDisabled( true );
			thankEdit( ctx.env.client, revid ).then( () => {
				edit.setLabel( msg( 'mentorship-praise-edit-thanked' ) );
			}, ( e: unknown ) => {
				edit.setDisabled( false );
				$status.text( errorText( e ) );
			} );
		} );
		$item.append( ' ', edit.$element, $status );
	}
	return $item;
}

/** Shows the suggestions once read. */
export function renderPraise( ctx: TabContext, view: MentorView, data: Praise, $box: JQuery, thanks: boolean ): void {
	if ( !data.suggestions.length ) {
		$box.append( $( '<p>' ).addClass( 'mg-muted' ).text( msg( 'mentorship-praise-none' ) ) );
	} else {
		const $list = $( '<ul>' ).addClass( 'mg-praise-list' );
		for ( const s of data.suggestions ) {
			$list.append( suggestionItem( ctx, view, data, s, thanks ) );
		}
		$box.append( $list );
	}
	if ( !data.complete ) {
		$box.append( $( '<p>' ).addClass( 'mg-muted' ).text( msg( 'mentorship-needs-partial' ) ) );
	}
}

/** The section: a heading, then the suggestions once read. */
export function praiseSection( ctx: TabContext, view: MentorView ): JQuery {
	const $box = $( '<section>' ).addClass( 'mg-praise' ).attr( 'aria-busy', 'true' );
	const $status = statusLine().text( msg( 'mentorship-praise-loading' ) );
	$box.append( heading( msg( 'mentorship-praise-heading-list' ) ), $status );
	loadPraise( ctx.env.client, view, ctx.env.clock.now() ).then( ( data ) => {
		$box.removeAttr( 'aria-busy' );
		$status.text( '' );
		renderPraise( ctx, view, data, $box, hasThanks() );
	}, ( e: unknown ) => {
		$box.removeAttr( 'aria-busy' );
		$status.text( errorText( e ) );
	} );
	return $box;
}
