/**
 * The "Ask my mentor" dialog: who will receive the question (read fresh from the pages),
 * the question with a visible length counter, "about this article", a preview of exactly
 * what will be posted (parsed by the wiki), then Send. What the mentee types is kept in
 * the dialog on any failure and in a draft until it is sent.
 */

import { QUESTION_MAX, Recipient } from '../../core/ask';
import { newId } from '../../core/ids';
import { MentorCache } from '../../core/program';
import { AskState, loadAskState } from '../../wiki/ask';
import type { SendResult } from '../../wiki/ask-send';
import { cacheDue } from '../../wiki/mentor-cache';
import { Drafts } from '../drafts';
import { Env, formatDate } from '../env';
import { errorText } from '../errors';
import { formatNumber, msg } from '../i18n';
import { Handlers, StagedDialog, stagedStatics } from '../staged-dialog';
import type { RadioGroup } from '../radio-group';
import { askSendCode, AskSendCode, loadAskSend } from './send-load';

export interface AskDialogConfig {
	env: Env;
	cache: MentorCache;
	article: string;
	revid: number;
	/** URL of the matching panel (for "Find a mentor"). */
	panelUrl: string;
}

interface Draft {
	question: string;
	about: boolean;
}

function text( $el: JQuery, value: string ): JQuery {
	return $el.text( value );
}

export class AskDialog extends StagedDialog {
	private readonly cache: MentorCache;
	private readonly article: string;
	private readonly revid: number;
	private readonly panelUrl: string;
	private readonly drafts: Drafts<Draft>;
	private state: AskState | null = null;
	private questionId: string;
	private result: SendResult | null = null;
	private $unanswered!: JQuery;
	private choice: RadioGroup | null = null;
	private question!: OO.ui.MultilineTextInputWidget;
	private counter!: OO.ui.LabelWidget;
	private about!: OO.ui.CheckboxInputWidget;
	private aboutField!: OO.ui.FieldLayout;
	/** The unanswered question's choice waits for the later steps' code (not ready until it shows). */
	private unansweredPending = false;
	/** Where a failure to load the preview's code shows, with Retry. */
	private $loadError!: JQuery;
	/** What waits for the later steps' code while it loads. */
	private waiting: ( ( code: AskSendCode ) => void )[] = [];

	public constructor( config: AskDialogConfig ) {
		super( config.env, { size: 'medium', classes: [ 'mg-ask-dialog' ] } );
		this.cache = config.cache;
		this.article = config.article;
		this.revid = config.revid;
		this.panelUrl = config.panelUrl;
		this.drafts = new Drafts<Draft>( config.env.storage, 'ask', config.env.user || '' );
		this.questionId = newId( config.env.random );
	}

	protected buildForm( $form: JQuery ): void {
		this.status.$element.addClass( 'mg-ask-recipient' );
		this.$unanswered = $( '<div>' ).addClass( 'mg-ask-unanswered' ).hide();
		// Not `required`: OOUI would flag the empty box invalid (red) before anything is typed;
		// Preview stays disabled until there is a question, and screen readers hear it is required.
		this.question = new OO.ui.MultilineTextInputWidget( {
			rows: 6,
			autosize: true,
			maxRows: 16,
			maxLength: QUESTION_MAX,
			placeholder: msg( 'mentorship-ask-question-placeholder' ),
			classes: [ 'mg-ask-question' ],
		} );
		this.question.$input.attr( 'aria-required', 'true' );
		this.counter = new OO.ui.LabelWidget( { classes: [ 'mg-counter' ] } );
		this.counter.$element.attr( { id: 'mg-ask-counter', 'aria-live': 'polite' } );
		this.question.$input.attr( 'aria-describedby', 'mg-ask-counter' );
		this.about = new OO.ui.CheckboxInputWidget( { selected: true } );
		const questionField = new OO.ui.FieldLayout( this.question, {
			label: msg( 'mentorship-ask-question-label' ),
			align: 'top',
		} );
		this.aboutField = new OO.ui.FieldLayout( this.about, {
			label: msg( 'mentorship-ask-about-article', this.article.replace( /_/g, ' ' ) ),
			align: 'inline',
			help: msg( 'mentorship-ask-about-article-help' ),
			helpInline: true,
		} );
		this.$loadError = $( '<div>' ).addClass( 'mg-ask-load-error' );
		$form.append( this.$unanswered, questionField.$element, this.counter.$element, this.aboutField.$element, this.$loadError );
		this.question.on( 'change', () => this.onInput() );
		this.question.on( 'resize', () => this.updateSize() );
		this.about.on( 'change', () => this.onInput() );
	}

	private onInput(): void {
		const value = this.question.getValue();
		this.counter.setLabel( msg( 'mentorship-ask-counter', formatNumber( value.length ), formatNumber( QUESTION_MAX ) ) );
		this.counter.$element.toggleClass( 'mg-counter-near', value.length > QUESTION_MAX * 0.9 );
		this.actions.setAbilities( { preview: value.trim().length > 0 && !!this.chosen() } );
		if ( value.trim() ) {
			this.drafts.saveSoon( { question: value, about: !!this.about.isSelected() } );
		} else if ( !this.question.isDisabled() ) {
			// Emptied by the user: an old draft must not come back.
			this.drafts.clear();
		}
	}

	public override getSetupProcess( data: unknown ): OO.ui.Process {
		return super.getSetupProcess( data ).next( () => {
			const draft = this.drafts.load();
			if ( draft ) {
				this.question.setValue( draft.question );
				this.about.setSelected( draft.about !== false );
			}
			this.setStage( 'loading', false );
			this.showStatus( 'notice', msg( 'mentorship-ask-loading' ) );
			this.question.setDisabled( true );
			this.onInput();
			// Not part of the setup: while it loads, the dialog is open, and ×, Cancel and
			// Escape close it (a window still being set up cannot be closed).
			void this.load();
		} );
	}

	protected focusForm(): void {
		if ( !this.question.isDisabled() ) {
			this.question.focus();
		} else {
			this.status.$element.find( 'a' ).first().trigger( 'focus' );
		}
	}

	private load(): Promise<void> {
		const env = this.env;
		return loadAskState( env.client, env.user as string, this.cache, env.clock.now(), env.storage ).then( ( state ) => {
			this.state = state;
			this.question.setDisabled( !state.recipient );
			this.showRecipient( state );
			this.setStage( 'form' );
			this.onInput();
			if ( !this.unansweredPending ) {
				this.markReady();
			}
			if ( !state.mentor || !state.membership ) {
				// The cache named a mentor the pages do not confirm: forget it.
				void env.mentorCache.save( null );
			} else if ( state.due !== undefined ) {
				// What was just learnt of the latest question, for the next page view's control.
				cacheDue( env.mentorCache, state.programId, state.mentor, state.due ).then( undefined, () => undefined );
			}
		}, ( e: unknown ) => {
			this.showError( errorText( e ) );
		} );
	}

	private showRecipient( state: AskState ): void {
		if ( !state.membership || !state.mentor || !state.recipient ) {
			const $label = $( '<span>' ).append(
				text( $( '<span>' ), msg( state.membership ? 'mentorship-ask-no-mentor' : 'mentorship-ask-not-member', state.config.name ) ),
				' ',
				$( '<a>' ).attr( 'href', this.panelUrl ).text( msg( 'mentorship-find-portlet' ) ),
			);
			this.showStatus( 'warning', $label );
			return;
		}
		this.showStatus( state.detour || state.mentorState.state !== 'active' ? 'warning' : 'notice', this.describeRoute( state.recipient, state ) );
		this.$unanswered.empty().hide();
		if ( state.unanswered ) {
			// Rare: its code comes with the later steps' (Preview stays off until it is shown).
			this.unansweredPending = true;
			this.withSendCode( ( code ) => {
				const block = code.unansweredBlock( state, this.question );
				this.choice = block.choice;
				this.$unanswered.append( block.$element ).show();
				this.unansweredPending = false;
				this.onInput();
				this.updateSize();
				this.markReady();
			} );
		}
	}

	/** For scripts and tests: the dialog knows where the question goes, and shows every choice. */
	private markReady(): void {
		this.$element.attr( 'data-mg-ready', '1' );
	}

	private describeRoute( recipient: Recipient, state: AskState ): string {
		const mentor = state.mentor as string;
		const away = state.mentorState.state === 'away' ? state.mentorState : null;
		if ( recipient.kind === 'mentor' ) {
			// Away or leaving with nobody to stand in: the mentor still gets the question.
			if ( away && away.until ) {
				return msg( 'mentorship-ask-recipient-mentor-late-until', mentor, formatDate( away.until ) );
			}
			if ( state.mentorState.state !== 'active' ) {
				return msg( 'mentorship-ask-recipient-mentor-late', mentor );
			}
			return msg( 'mentorship-ask-recipient-mentor', mentor );
		}
		let why: string;
		if ( away && away.until ) {
			why = msg( 'mentorship-ask-mentor-away-until', mentor, formatDate( away.until ) );
		} else if ( away ) {
			why = msg( 'mentorship-ask-mentor-away', mentor );
		} else {
			why = msg( 'mentorship-ask-mentor-gone', mentor );
		}
		return why + ' ' + ( recipient.kind === 'backup' ?
			msg( 'mentorship-ask-recipient-backup', recipient.user ) :
			msg( 'mentorship-ask-recipient-helpdesk', recipient.page ) );
	}

	/** The recipient chosen (the alternative when the mentee picked it after an unanswered question). */
	private chosen(): { recipient: Recipient; detour: AskState[ 'detour' ] } | null {
		const state = this.state;
		if ( !state || !state.recipient || !state.mentor || ( state.unanswered && !this.$unanswered.children().length ) ) {
			return null;
		}
		if ( state.unanswered && state.alternative && this.choice && this.choice.getValue() === 'alternative' ) {
			const original = state.unanswered.question;
			return { recipient: state.alternative, detour: { mentor: state.mentor, because: 'unanswered', original: { page: original.page, section: original.section } } };
		}
		return { recipient: state.recipient, detour: state.detour };
	}

	private articleRef(): { title: string; revid: number } | undefined {
		return this.about.isSelected() ? { title: this.article.replace( /_/g, ' ' ), revid: this.revid } : undefined;
	}

	protected handlers(): Handlers {
		return { preview: () => this.preview(), send: () => this.send() };
	}

	/**
	 * Runs `then` with the later steps' code, loaded the first time (see send-load.ts):
	 * meanwhile Preview is busy and the form stays as it is; a failure shows in the form,
	 * with Retry.
	 */
	private withSendCode( then: ( code: AskSendCode ) => void ): void {
		const code = askSendCode();
		if ( code ) {
			then( code );
			return;
		}
		this.waiting.push( then );
		if ( this.waiting.length > 1 ) {
			return;
		}
		const button = this.actions.get( { actions: 'preview' } )[ 0 ] as OO.ui.ActionWidget;
		// The place grows when a failure shows in it: the dialog fits it.
		const place = this.$loadError[ 0 ] as HTMLElement;
		const observer = new MutationObserver( () => this.updateSize() );
		observer.observe( place, { childList: true } );
		loadAskSend( button.$element[ 0 ] as HTMLElement, place, () => {
			observer.disconnect();
			const waiting = this.waiting;
			this.waiting = [];
			waiting.forEach( ( fn ) => fn( askSendCode() as AskSendCode ) );
		} );
	}

	private preview(): Promise<void> {
		const code = askSendCode();
		if ( !code ) {
			// Once the code is there, Preview goes on (unless the dialog moved on or closed).
			this.withSendCode( () => {
				if ( this.isOpened() && this.stage === 'form' ) {
					void this.executeAction( 'preview' );
				}
			} );
			return Promise.resolve();
		}
		const state = this.state as AskState;
		const target = this.chosen();
		if ( !target ) {
			return Promise.resolve();
		}
		const post = code.buildQuestion( {
			id: this.questionId,
			programId: state.programId,
			programName: state.config.name,
			mentee: state.me,
			recipient: target.recipient,
			detour: target.detour,
			article: this.articleRef(),
			question: this.question.getValue(),
		}, this.env.content );
		this.drafts.save( { question: this.question.getValue(), about: !!this.about.isSelected() } );
		return this.renderPreview( post, code.previewIntro( post.page ) );
	}

	private send(): Promise<void> {
		const state = this.state as AskState;
		const target = this.chosen();
		const env = this.env;
		if ( !target ) {
			return Promise.resolve();
		}
		this.errors.clear();
		// Send shows only after a preview: the code is there.
		const code = askSendCode() as AskSendCode;
		return code.sendQuestion( {
			client: env.client,
			ctx: code.writeContext( env, state.config.name ),
			state: state,
			recipient: target.recipient,
			detour: target.detour,
			question: this.question.getValue(),
			article: this.articleRef(),
			id: this.questionId,
			messages: env.content,
			mentorCache: env.mentorCache,
		} ).then( ( result ) => {
			this.result = result;
			this.drafts.clear();
			this.showDone( ...code.doneContent( env, result ) );
		} );
	}

	/** What the test and the panel ask: the result of a sent question. */
	public getResult(): SendResult | null {
		return this.result;
	}
}

stagedStatics( AskDialog, 'mentorshipAsk', [
	{ action: 'preview', label: OO.ui.deferMsg( 'mentorship-ask-preview' ), flags: [ 'primary', 'progressive' ], modes: [ 'form' ] },
	{ action: 'send', label: OO.ui.deferMsg( 'mentorship-ask-send' ), flags: [ 'primary', 'progressive' ], modes: [ 'preview' ] },
], { title: OO.ui.deferMsg( 'mentorship-ask-title' ) } );
