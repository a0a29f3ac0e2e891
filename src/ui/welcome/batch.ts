/**
 * Welcoming or inviting many users at once (from Special:Log/newusers, or a pasted list):
 * the names, the message and a personal note; a review table with each user's state
 * (ready, or left out and why), checked 50 users a request; then Send, one post at a time
 * at the pace the wiki allows, with a progress bar, pause and stop, each row's state as it
 * goes and the progress announced to screen readers; and a final report of what was sent,
 * who was left out and why, and what failed and why.
 */

import { newId } from '../../core/ids';
import { languageDir } from '../../core/languages';
import { parseNames, Skip, UserFacts, verdict } from '../../core/welcome/eligibility';
import { anonymousPolicy, composeFor, MessageOption } from '../../core/welcome/messages';
import { estimateBatchMs, RateLimit } from '../../core/welcome/pacing';
import { programPrefix, userTalkTitle } from '../../core/titles';
import { invitationLogTitle, monthOf } from '../../core/program-titles';
import { isoSeconds } from '../../core/dates';
import { Store } from '../../wiki/store';
import { checkUsers, invitationShards, WelcomeProgram } from '../../wiki/welcome';
import { BatchProgress, BatchReport, BatchSender, RowState } from '../../wiki/welcome-batch';
import { Env } from '../env';
import { welcomeWriter } from '../writers';
import { errorText } from '../errors';
import { formatNumber, msg } from '../i18n';
import { Handlers, Stage, StagedDialog, stagedStatics } from '../staged-dialog';
import { dataTable, heading, statusLine } from '../widgets';
import { composition, invitablePrograms, labelOf, MessageFields, rememberProgram, skipText, unusableText, WelcomeNote } from './common';
import { currentUser } from '../../wiki/current-user';

export interface WelcomeBatchConfig {
	env: Env;
	/** Names to start from (the new accounts of the log page). */
	names: string[];
}

/** Names checked in one go (the checks take one or two requests per 50). */
export const MAX_NAMES = 500;
const CHECK_CHUNK = 50;

interface Row {
	user: string;
	skip: Skip | null;
	$state: JQuery;
	$row: JQuery;
}

export class WelcomeBatchDialog extends StagedDialog {
	private readonly initialNames: string[];
	private fields: MessageFields | null = null;
	/** The program of the review and of what is sent (its config in force). */
	private reviewed: WelcomeProgram | null = null;
	private rows: Row[] = [];
	private limit: RateLimit | null = null;
	private sender: BatchSender | null = null;
	private report: BatchReport | null = null;
	private reviewPanel!: OO.ui.PanelLayout;
	private $form!: JQuery;
	private $fieldsSlot!: JQuery;
	private names!: OO.ui.MultilineTextInputWidget;
	private note!: WelcomeNote;
	private goOn!: OO.ui.CheckboxInputWidget;
	private $summary!: JQuery;
	/** The message as the wiki renders it, for the first recipient: what Send posts. */
	private $rendered!: JQuery;
	private $table!: JQuery;
	private $tbody!: JQuery;
	private $progressBox!: JQuery;
	private progress!: OO.ui.ProgressBarWidget;
	private $progressText!: JQuery;
	private $waitText!: JQuery;
	private pauseButton!: OO.ui.ButtonWidget;
	private stopButton!: OO.ui.ButtonWidget;
	private readonly onUnload = ( e: BeforeUnloadEvent ): string => {
		const text = msg( 'mentorship-welcome-batch-leave' );
		e.preventDefault();
		e.returnValue = text;
		return text;
	};

	public constructor( config: WelcomeBatchConfig ) {
		super( config.env, { size: 'large', classes: [ 'mg-welcome-batch' ] } );
		this.initialNames = config.names;
	}

	protected buildForm( $formSlot: JQuery ): void {
		this.status.$element.addClass( 'mg-welcome-status' );
		this.names = new OO.ui.MultilineTextInputWidget( { rows: 6, autosize: true, maxRows: 12, classes: [ 'mg-welcome-names' ] } );
		const namesField = new OO.ui.FieldLayout( this.names, {
			label: msg( 'mentorship-welcome-batch-names' ), align: 'top', help: msg( 'mentorship-welcome-batch-names-help' ), helpInline: true,
		} );
		this.note = new WelcomeNote( this.env );
		this.names.$input.attr( 'dir', 'auto' );
		this.goOn = new OO.ui.CheckboxInputWidget( { selected: false } );
		const goOnField = new OO.ui.FieldLayout( this.goOn, { label: msg( 'mentorship-welcome-batch-go-on' ), align: 'inline', classes: [ 'mg-welcome-go-on' ] } );
		this.$fieldsSlot = $( '<div>' );
		this.$form = $( '<div>' ).addClass( 'mg-welcome-fields' ).append( this.$fieldsSlot, namesField.$element, this.note.$element, goOnField.$element ).hide();
		$formSlot.append( this.$form );

		this.$summary = $( '<div>' ).addClass( 'mg-welcome-summary' );
		this.$tbody = $( '<tbody>' );
		this.$table = dataTable( 'mg-welcome-table', msg( 'mentorship-welcome-batch-caption' ), [
			msg( 'mentorship-welcome-batch-col-user' ),
			msg( 'mentorship-welcome-batch-col-state' ),
		], this.$tbody );
		this.progress = new OO.ui.ProgressBarWidget( { progress: 0 } );
		this.progress.$element.attr( 'aria-label', msg( 'mentorship-welcome-batch-progress-label' ) );
		this.$progressText = statusLine().addClass( 'mg-welcome-progress-text' );
		this.$waitText = $( '<p>' ).addClass( 'mg-welcome-wait mg-muted' );
		this.pauseButton = new OO.ui.ButtonWidget( { label: msg( 'mentorship-welcome-batch-pause' ), classes: [ 'mg-welcome-pause' ] } );
		this.stopButton = new OO.ui.ButtonWidget( { label: msg( 'mentorship-welcome-batch-stop' ), flags: [ 'destructive' ], classes: [ 'mg-welcome-stop' ] } );
		this.pauseButton.on( 'click', () => this.togglePause() );
		this.stopButton.on( 'click', () => this.stop() );
		this.$progressBox = $( '<div>' ).addClass( 'mg-welcome-progress' ).append(
			this.progress.$element, this.$progressText, this.$waitText,
			$( '<div>' ).addClass( 'mg-welcome-progress-buttons' ).append( this.pauseButton.$element, this.stopButton.$element ),
		).hide();
		// The review is the preview of a batch; the progress is shown on it, row by row.
		this.reviewPanel = new OO.ui.PanelLayout( { padded: true, expanded: false } );
		this.$rendered = $( '<div>' ).addClass( 'mg-welcome-rendered' );
		this.reviewPanel.$element.append( this.$summary, this.$progressBox, this.$table, this.$rendered );
		this.stack.addItems( [ this.reviewPanel ] );
		this.$done.addClass( 'mg-welcome-report' );
		this.names.on( 'resize', () => this.updateSize() );
		this.note.input.on( 'resize', () => this.updateSize() );
	}

	protected override panelFor( stage: Stage ): OO.ui.PanelLayout {
		return stage === 'preview' || stage === 'progress' ? this.reviewPanel : super.panelFor( stage );
	}

	protected override focusStage( stage: Stage ): void {
		if ( stage === 'preview' ) {
			this.$summary.attr( 'tabindex', '-1' ).trigger( 'focus' );
		} else if ( stage === 'progress' ) {
			this.pauseButton.focus();
		} else if ( stage === 'done' ) {
			// The whole report, so that screen readers read it.
			this.$done.trigger( 'focus' );
		} else {
			super.focusStage( stage );
		}
	}

	protected focusForm(): void {
		this.names.focus();
	}

	public override getSetupProcess( data: unknown ): OO.ui.Process {
		return super.getSetupProcess( data ).next( () => {
			this.title.setLabel( msg( 'mentorship-welcome-batch-title' ) );
			this.names.setValue( this.initialNames.join( '\n' ) );
			this.note.restore();
			this.setStage( 'loading', false );
			this.showStatus( 'notice', msg( 'mentorship-ask-loading' ) );
			// Not part of the setup: while it loads, the dialog is open, and ×, Cancel and
			// Escape close it (a window still being set up cannot be closed).
			void this.load();
		} );
	}

	private load(): Promise<void> {
		const env = this.env;
		return Promise.all( [ invitablePrograms( env ), currentUser( env.client ) ] ).then( ( [ entries, me ] ) => {
			this.limit = me.editLimit || null;
			if ( !entries.length ) {
				this.showError( msg( 'mentorship-welcome-no-programs' ) );
				return undefined;
			}
			const fields = new MessageFields( env, entries, this.$overlay );
			// Messages for editors without an account only where the program sends them any.
			fields.setFilter( ( option ) => {
				const program = fields.program();
				return option.audience === 'anonymous' && program && anonymousPolicy( program.config ) === 'refuse' ?
					null : { data: option.id, label: labelOf( env, option ) };
			} );
			this.fields = fields;
			this.$fieldsSlot.empty().append( fields.$element );
			fields.onProgramChange( () => this.programChanged() );
			// The program chosen is read (its trust chain) before the form is shown.
			return fields.select().then( () => {
				if ( this.stage === 'loading' ) {
					this.$form.show();
					this.setStage( 'form' );
				}
			} );
		} ).catch( ( e: unknown ) => {
			this.showError( errorText( e ) );
		} );
	}

	/** The program chosen is being read, is usable (Review), or cannot be used (says why; with no other, the dialog stops). */
	private programChanged(): void {
		const fields = this.fields as MessageFields;
		const state = fields.state();
		this.actions.setAbilities( { review: state.state === 'ready' } );
		if ( state.state === 'checking' ) {
			this.showStatus( 'notice', msg( 'mentorship-welcome-program-checking', state.label ) );
			return;
		}
		const why = unusableText( state, fields.count() > 1 );
		if ( why && fields.count() < 2 ) {
			this.showError( why );
			return;
		}
		this.showStatus( why ? 'error' : 'notice', why );
	}

	// ---- Review ------------------------------------------------------------------------

	private async review(): Promise<void> {
		const fields = this.fields as MessageFields;
		const option = fields.option();
		const program = fields.program();
		const names = parseNames( this.names.getValue() );
		this.errors.clear();
		if ( !program ) {
			// The program chosen cannot be used (the line above the form says why).
			return;
		}
		if ( !names.length || !option ) {
			this.errors.showText( msg( 'mentorship-welcome-batch-no-names' ) );
			this.updateSize();
			return;
		}
		if ( names.length > MAX_NAMES ) {
			this.errors.showText( msg( 'mentorship-welcome-batch-too-many', formatNumber( MAX_NAMES ) ) );
			this.updateSize();
			return;
		}
		this.note.keep();
		this.reviewed = program;
		const facts: Record<string, UserFacts> = {};
		const order: string[] = [];
		for ( let i = 0; i < names.length; i += CHECK_CHUNK ) {
			const result = await checkUsers( this.env.client, program, names.slice( i, i + CHECK_CHUNK ), this.env.clock.now() );
			for ( const name of result.names ) {
				if ( !facts[ name ] ) {
					order.push( name );
					facts[ name ] = result.facts[ name ] as UserFacts;
				}
			}
		}
		const policy = anonymousPolicy( program.config );
		const goOn = !!this.goOn.isSelected();
		this.rows = order.map( ( user ) => {
			const skip = verdict( facts[ user ] as UserFacts, this.env.user || '', policy, option, goOn );
			const $state = $( '<td>' ).addClass( 'mg-welcome-state' );
			const $link = $( '<a>' ).attr( 'href', this.env.url( userTalkTitle( user ) ) ).attr( 'target', '_blank' ).text( user );
			const $row = $( '<tr>' ).attr( 'data-user', user ).append( $( '<th>' ).attr( 'scope', 'row' ).append( $link ), $state );
			const row: Row = { user: user, skip: skip, $state: $state, $row: $row };
			this.setRow( row, skip ? 'skipped' : 'ready', skip );
			return row;
		} );
		this.$tbody.empty().append( this.rows.map( ( r ) => r.$row ) );
		const ready = this.rows.filter( ( r ) => !r.skip ).length;
		this.$summary.empty().append( $( '<p>' ).text( msg( 'mentorship-welcome-batch-summary', formatNumber( ready ), formatNumber( this.rows.length - ready ) ) ) );
		if ( this.limit && ready ) {
			const minutes = Math.max( 1, Math.ceil( estimateBatchMs( ready, this.limit, 10 ) / 60000 ) );
			this.$summary.append( $( '<p>' ).addClass( 'mg-muted' ).text( msg( 'mentorship-welcome-batch-pace', formatNumber( this.limit.hits ), formatNumber( this.limit.seconds ), formatNumber( minutes ) ) ) );
		}
		this.$progressBox.hide();
		await this.renderMessage( option );
		this.actions.get( { actions: 'send' } ).forEach( ( a ) => {
			a.setLabel( msg( 'mentorship-welcome-batch-send', formatNumber( ready ) ) );
			a.setDisabled( ready === 0 );
		} );
		this.setStage( 'preview' );
	}

	/**
	 * The message exactly as it will be posted, rendered by the wiki for the first recipient
	 * (the others get the same text with their own name), so that nothing is sent unseen.
	 * Sending uses the same program configuration, read when the dialog opened.
	 */
	private renderMessage( option: MessageOption ): Promise<void> {
		this.$rendered.empty();
		const first = this.rows.filter( ( r ) => !r.skip )[ 0 ];
		if ( !first ) {
			return Promise.resolve();
		}
		const fields = this.fields as MessageFields;
		const c = composition( this.env, this.reviewed as WelcomeProgram, option, fields.language(), this.note.getValue() );
		const post = composeFor( c, first.user, isoSeconds( this.env.clock.now() ), newId( this.env.random ) );
		return this.env.client.parse( { title: post.page, text: post.text, sectiontitle: post.sectiontitle } ).then( ( html ) => {
			const intro = msg( 'mentorship-welcome-batch-rendered', first.user );
			const $body = $( '<div>' ).addClass( 'mg-preview' ).attr( { lang: c.language, dir: languageDir( c.language ), role: 'region', 'aria-label': intro } );
			// HTML made by the wiki's own parser (sanitised there), as in any edit preview.
			$body[ 0 ]!.innerHTML = html;
			this.$rendered.append( $( '<p>' ).addClass( 'mg-preview-intro' ).text( intro ), $body );
		} );
	}

	private setRow( row: Row, state: RowState | 'ready', skip?: Skip | null, error?: unknown ): void {
		const program = this.reviewed as WelcomeProgram;
		let text: string;
		switch ( state ) {
			case 'skipped':
				text = msg( 'mentorship-welcome-state-skipped', skipText( this.env, program, skip as Skip ) );
				break;
			case 'failed':
				text = msg( 'mentorship-welcome-state-failed', errorText( error ) );
				break;
			case 'ready':
				text = msg( 'mentorship-welcome-state-ready' );
				break;
			case 'waiting':
				text = msg( 'mentorship-welcome-state-waiting' );
				break;
			case 'sending':
				text = msg( 'mentorship-welcome-state-sending' );
				break;
			default:
				text = msg( 'mentorship-welcome-state-sent' );
		}
		row.$state.text( text );
		row.$row.attr( 'class', 'mg-welcome-row-' + state );
	}

	// ---- Sending -----------------------------------------------------------------------

	private send(): Promise<BatchReport> {
		const fields = this.fields as MessageFields;
		const program = this.reviewed as WelcomeProgram;
		const option = fields.option() as MessageOption;
		const client = this.env.client.withMaxlag( 5 );
		const w = welcomeWriter( this.env, program, client, new Store( client ) );
		const users = this.rows.filter( ( r ) => !r.skip ).map( ( r ) => r.user );
		const skipped = this.rows.filter( ( r ) => !!r.skip ).map( ( r ) => ( { user: r.user, skip: r.skip as Skip } ) );
		this.sender = new BatchSender( {
			client: client,
			store: w.store,
			program: program,
			composition: composition( this.env, program, option, fields.language(), this.note.getValue() ),
			users: users,
			skipped: skipped,
			limit: this.limit,
			goOn: !!this.goOn.isSelected(),
			logSummary: w.logSummary,
			random: this.env.random,
			onProgress: ( p ) => this.onProgress( p ),
		} );
		for ( const row of this.rows ) {
			if ( !row.skip ) {
				this.setRow( row, 'waiting' );
			}
		}
		this.$progressBox.show();
		this.pauseButton.setLabel( msg( 'mentorship-welcome-batch-pause' ) );
		this.stopButton.setDisabled( false );
		this.setStage( 'progress' );
		window.addEventListener( 'beforeunload', this.onUnload );
		return this.sender.run().then( ( report ) => {
			window.removeEventListener( 'beforeunload', this.onUnload );
			this.report = report;
			this.note.sent();
			if ( report.sent.length ) {
				rememberProgram( this.env, program.id );
			}
			this.showReport( report, program );
			return report;
		}, ( e: unknown ) => {
			window.removeEventListener( 'beforeunload', this.onUnload );
			throw e;
		} );
	}

	private onProgress( p: BatchProgress ): void {
		if ( p.row ) {
			const row = this.rows.filter( ( r ) => r.user === ( p.row as { user: string } ).user )[ 0 ];
			if ( row ) {
				this.setRow( row, p.row.state, p.row.skip, p.row.error );
			}
		}
		const done = p.sent + p.failed + p.skipped;
		this.progress.setProgress( p.total ? Math.round( 100 * done / p.total ) : 100 );
		const text = msg( 'mentorship-welcome-batch-progress', formatNumber( done ), formatNumber( p.total ),
			formatNumber( p.sent ), formatNumber( p.failed ), formatNumber( p.skipped ) );
		if ( this.$progressText.text() !== text ) {
			this.$progressText.text( text );
		}
		let wait = '';
		if ( p.phase === 'waiting' && p.waitMs ) {
			const seconds = Math.ceil( p.waitMs / 1000 );
			wait = p.waitReason === 'ratelimited' ? msg( 'mentorship-welcome-batch-waiting-ratelimited', formatNumber( seconds ) ) :
				p.waitReason === 'maxlag' ? msg( 'mentorship-welcome-batch-waiting-maxlag', formatNumber( seconds ) ) :
					msg( 'mentorship-welcome-batch-waiting-pace', formatNumber( seconds ) );
		} else if ( p.phase === 'recording' ) {
			wait = msg( 'mentorship-welcome-batch-recording' );
		} else if ( p.phase === 'paused' ) {
			wait = p.stopped ? msg( 'mentorship-welcome-batch-stopped', errorText( p.stopped ) ) :
				msg( 'mentorship-welcome-batch-paused', formatNumber( p.total - done ) );
			this.pauseButton.setLabel( msg( 'mentorship-welcome-batch-resume' ) );
		}
		this.$waitText.text( wait ).toggleClass( 'mg-welcome-stopped', !!p.stopped );
	}

	private togglePause(): void {
		const sender = this.sender;
		if ( !sender ) {
			return;
		}
		if ( sender.isPaused() ) {
			sender.resume();
			this.pauseButton.setLabel( msg( 'mentorship-welcome-batch-pause' ) );
			this.$waitText.text( '' );
		} else {
			sender.pause();
		}
	}

	private stop(): void {
		if ( this.sender ) {
			this.sender.cancel();
			this.stopButton.setDisabled( true );
			this.pauseButton.setDisabled( true );
		}
	}

	// ---- Report ------------------------------------------------------------------------

	private showReport( outcome: BatchReport, program: WelcomeProgram ): void {
		const $r = $( '<div>' );
		if ( outcome.cancelled ) {
			$r.append( new OO.ui.MessageWidget( { type: 'warning', label: msg( 'mentorship-welcome-report-cancelled' ) } ).$element );
		}
		$r.append( heading( msg( 'mentorship-welcome-report-sent', formatNumber( outcome.sent.length ) ), 3 ).addClass( 'mg-welcome-report-sent' ) );
		if ( outcome.sent.length ) {
			$r.append( $( '<ul>' ).append( outcome.sent.map( ( s ) => $( '<li>' ).append(
				$( '<a>' ).attr( 'href', this.env.url( s.title ) ).text( s.user ),
			) ) ) );
		}
		if ( outcome.skipped.length ) {
			$r.append( heading( msg( 'mentorship-welcome-report-skipped', formatNumber( outcome.skipped.length ) ), 3 ).addClass( 'mg-welcome-report-skipped' ) );
			$r.append( $( '<ul>' ).append( outcome.skipped.map( ( s ) => $( '<li>' ).append(
				$( '<bdi>' ).text( s.user ), document.createTextNode( ': ' + skipText( this.env, program, s.skip ) ),
			) ) ) );
		}
		if ( outcome.failed.length ) {
			$r.append( heading( msg( 'mentorship-welcome-report-failed', formatNumber( outcome.failed.length ) ), 3 ).addClass( 'mg-welcome-report-failed' ) );
			$r.append( $( '<ul>' ).append( outcome.failed.map( ( f ) => $( '<li>' ).append(
				$( '<bdi>' ).text( f.user ), document.createTextNode( ': ' + errorText( f.error ) ),
			) ) ) );
		}
		if ( outcome.unrecorded.length ) {
			$r.append( new OO.ui.MessageWidget( {
				type: 'warning',
				label: msg( 'mentorship-welcome-report-unrecorded', formatNumber( outcome.unrecorded.length ), errorText( ( outcome.unrecorded[ 0 ] as { error: unknown } ).error ) ),
			} ).$element );
		}
		$r.append( $( '<p>' ).append( $( '<a>' ).attr( 'href', this.logUrl( program ) ).text( msg( 'mentorship-welcome-report-log' ) ) ) );
		this.showDone( $r.children() );
	}

	/** The month's log page, or the list of its shards. */
	private logUrl( program: WelcomeProgram ): string {
		const month = monthOf( isoSeconds( this.env.clock.now() ) );
		return invitationShards( program.config ) > 1 ?
			this.env.url( 'Special:PrefixIndex/' + programPrefix( program.id ) + 'invitations/' + month + '/' ) :
			this.env.url( invitationLogTitle( program.id, month ) );
	}

	protected handlers(): Handlers {
		return {
			review: () => this.review(),
			send: () => {
				// Not waited for: the dialog stays usable (pause, stop) while it sends.
				this.send().catch( ( e: unknown ) => {
					this.backToForm( e );
				} );
			},
		};
	}

	/** The final report (for tests). */
	public getReport(): BatchReport | null {
		return this.report;
	}
}

stagedStatics( WelcomeBatchDialog, 'mentorshipWelcomeBatch', [
	{ action: 'review', label: OO.ui.deferMsg( 'mentorship-welcome-batch-review' ), flags: [ 'primary', 'progressive' ], modes: [ 'form' ] },
	{ action: 'send', label: '', flags: [ 'primary', 'progressive' ], modes: [ 'preview' ] },
] );
