/**
 * Graduating a mentee (issue 18, mentees become mentors): form (why they may graduate, the
 * mentor's words), preview (the recognition on their talk page and the certificate page, as
 * the wiki parses them), post, done (links to both). Opened by the mentor from the mentees
 * tab and by a coordinator from the console; its code is the graduation module's.
 */

import { isoDate } from '../../core/dates';
import { languageDir } from '../../core/languages';
import { buildGraduation, GraduationPosts } from '../../core/graduation';
import { GraduationDue } from '../../core/graduation-rules';
import { Actor } from '../../wiki/membership';
import { graduate, Graduated, GraduationProgress } from '../../wiki/graduation';
import { Env, formatDate } from '../env';
import { msg } from '../i18n';
import { Handlers, StagedDialog, stagedStatics } from '../staged-dialog';
import { CountedText } from '../widgets';
import { openWindow } from '../windows';

export interface GraduationConfig {
	env: Env;
	actor: () => Actor;
	programId: string;
	programName: string;
	mentee: string;
	/** The mentee's confirmed mentor (null when they have none). */
	mentor: string | null;
	due: GraduationDue;
	gender: 'male' | 'female' | 'unknown';
}

/** Why the mentee may graduate now (or what it still takes), in the interface's language. */
export function dueText( config: GraduationConfig ): string {
	const due = config.due;
	if ( due.due ) {
		return due.because === 'term' ?
			msg( 'mentorship-graduation-due-term', config.mentee, formatDate( due.end ), config.gender ) :
			msg( 'mentorship-graduation-due-thresholds', config.mentee, due.edits, due.days, config.gender );
	}
	return msg( 'mentorship-graduation-not-due', config.mentee, due.end ? formatDate( due.end ) : '—', config.gender );
}

export class GraduationDialog extends StagedDialog {
	private readonly config: GraduationConfig;
	private note!: CountedText;
	private readonly id: string;
	private $certificate!: JQuery;
	public result: Graduated | null = null;
	/** What a failed attempt already did (a retry does not do it again). */
	private readonly progress: GraduationProgress = {};

	public constructor( config: GraduationConfig ) {
		super( config.env, { size: 'large', classes: [ 'mg-graduation-dialog' ] } );
		this.config = config;
		this.id = Math.floor( config.env.random() * 1e12 ).toString( 36 );
	}

	protected buildForm( $form: JQuery ): void {
		this.note = new CountedText( {
			label: msg( 'mentorship-graduation-note' ),
			max: 1000,
			rows: 4,
			value: msg( 'mentorship-graduation-note-default', this.config.mentee, this.config.gender ),
		} );
		this.note.input.on( 'resize', () => this.updateSize() );
		$form.append( $( '<p>' ).addClass( 'mg-graduation-due' ).text( dueText( this.config ) ),
			$( '<p>' ).text( msg( 'mentorship-graduation-explanation', this.config.mentee ) ), this.note.$element );
	}

	public override initialize(): this {
		super.initialize();
		this.$certificate = $( '<div>' ).addClass( 'mg-graduation-certificate mw-parser-output' );
		this.$preview.after( $( '<h3>' ).text( msg( 'mentorship-graduation-certificate-preview' ) ), this.$certificate );
		return this;
	}

	public override getSetupProcess( data: unknown ): OO.ui.Process {
		return super.getSetupProcess( data ).next( () => {
			this.title.setLabel( msg( 'mentorship-graduation-title', this.config.mentee ) );
			this.setStage( 'form', false );
		} );
	}

	protected focusForm(): void {
		this.note.input.focus();
	}

	/** What will be posted and written, from what the form holds now. */
	public posts(): GraduationPosts {
		const c = this.config;
		const by = c.actor().ctx.user;
		return buildGraduation( {
			id: this.id, programId: c.programId, programName: c.programName, mentee: c.mentee, by: by,
			mentor: c.mentor, date: isoDate( c.env.clock.now() ), note: this.note.getValue(),
		}, c.env.content );
	}

	protected handlers(): Handlers {
		return {
			preview: () => {
				if ( !this.config.due.due ) {
					this.errors.showText( dueText( this.config ) );
					this.updateSize();
					return undefined;
				}
				const posts = this.posts();
				const lang = this.config.env.contentLanguage;
				// The certificate first, so that the preview shows both at once.
				return this.config.env.client.parse( { title: posts.certificate.page, text: posts.certificate.text } ).then( ( html ) => {
					this.$certificate.attr( { lang: lang, dir: languageDir( lang ) } );
					// HTML made by the wiki's own parser (sanitised there), as in any edit preview.
					this.$certificate[ 0 ]!.innerHTML = html;
					return this.renderPreview( posts.post, msg( 'mentorship-graduation-preview-intro', posts.post.page, posts.certificate.page ) );
				} );
			},
			post: () => {
				this.errors.clear();
				const c = this.config;
				return graduate( c.actor(), c.programId, c.mentee, this.posts(), this.progress ).then( ( result ) => {
					this.result = result;
					this.done = true;
					const $post = $( '<a>' ).attr( 'href', c.env.url( result.posted.title, { oldid: String( result.posted.revid ) } ) ).text( result.posted.title );
					const $cert = $( '<a>' ).attr( 'href', c.env.url( result.certificate.title ) ).addClass( 'mg-graduation-certificate-link' ).text( result.certificate.title );
					this.showDone(
						$( '<p>' ).append( $( '<span>' ).text( msg( 'mentorship-graduation-done', c.mentee ) + ' ' ), $post ),
						$( '<p>' ).append( $( '<span>' ).text( msg( 'mentorship-graduation-done-certificate' ) + ' ' ), $cert ),
					);
				} );
			},
		};
	}
}

stagedStatics( GraduationDialog, 'mentorshipGraduation', [
	{ action: 'preview', label: OO.ui.deferMsg( 'mentorship-ask-preview' ), flags: [ 'primary', 'progressive' ], modes: [ 'form' ] },
	{ action: 'post', label: OO.ui.deferMsg( 'mentorship-graduation-post' ), flags: [ 'primary', 'progressive' ], modes: [ 'preview' ] },
] );

/** Opens the dialog; resolves with whether the mentee graduated when it closes. */
export function openGraduation( config: GraduationConfig, trigger?: HTMLElement ): Promise<boolean> {
	const dialog = new GraduationDialog( config );
	return new Promise( ( resolve ) => {
		openWindow( dialog, {}, trigger ).closed.then( () => {
			resolve( !!dialog.result );
		} );
	} );
}
