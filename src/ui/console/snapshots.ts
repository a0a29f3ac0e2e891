/**
 * The dashboard's snapshots (issue 18), in their own module (mentorship-core-snapshots):
 * the trends across the program's dated snapshots (over a term and a year: stage changes,
 * attrition, graduations, leadership steps), the snapshots that count and those set aside,
 * and "Publish snapshot" (form → preview of the table page → done), for coordinators.
 */

import { isoDate, isoSeconds } from '../../core/dates';
import { buildSnapshot, Snapshot, SnapshotListing, snapshotTableTitle, snapshotTitle, snapshotWikitable, TableLabels, Trend } from '../../core/snapshot';
import { STAGE_MESSAGES } from '../../core/stages';
import { fillTemplate } from '../../core/wikitext';
import { existingSnapshot, loadSnapshots, publishSnapshot, SnapshotsData } from '../../wiki/snapshots';
import { formatDate } from '../env';
import { summaryFor } from '../writers';
import { errorText } from '../errors';
import { formatNumber, msg } from '../i18n';
import { Handlers, StagedDialog, stagedStatics } from '../staged-dialog';
import { dataTable, heading, pageLink, statusLine } from '../widgets';
import { openWindow } from '../windows';
import { ConsoleContext } from './context';

function percent( share: number ): string {
	return formatNumber( Math.round( share * 1000 ) / 10 ) + '%';
}

/** The table page's texts, in the wiki's content language. */
function tableLabels( ctx: ConsoleContext, snapshot: Snapshot ): TableLabels {
	const c = ctx.env.content;
	return {
		caption: fillTemplate( c( 'mentorship-snapshots-table-caption' ), [ ctx.data.loaded.state.config.name, snapshot.date ] ),
		columns: [
			c( 'mentorship-console-col-member' ), c( 'mentorship-console-col-role' ), c( 'mentorship-console-col-status' ),
			c( 'mentorship-console-col-stage' ), c( 'mentorship-console-col-milestones' ), c( 'mentorship-snapshots-col-leadership' ),
			c( 'mentorship-snapshots-col-graduated' ),
		],
		role: ( role ) => c( role === 'mentor' ? 'mentorship-console-role-mentor' : 'mentorship-console-role-mentee' ),
		status: ( status ) => c( status === 'left' ? 'mentorship-snapshots-status-left' : status === 'inactive' ? 'mentorship-console-status-inactive' : 'mentorship-console-status-active' ),
		stage: ( stage ) => stage ? c( STAGE_MESSAGES[ stage ] ) : '',
		totals: c( 'mentorship-snapshots-table-totals' ),
		footer: c( 'mentorship-snapshots-table-footer' ),
	};
}

/** Publishing a snapshot of the dashboard: a note, a preview of the table page, then both pages written. */
export class SnapshotDialog extends StagedDialog {
	private readonly ctx: ConsoleContext;
	private note!: OO.ui.MultilineTextInputWidget;
	private snapshot: Snapshot | null = null;
	private $summary!: JQuery;

	public constructor( ctx: ConsoleContext ) {
		super( ctx.env, { size: 'large', classes: [ 'mg-snapshot-dialog' ] } );
		this.ctx = ctx;
	}

	private today(): string {
		return isoDate( this.ctx.env.clock.now() );
	}

	protected buildForm( $form: JQuery ): void {
		const totals = this.ctx.data.dashboard.summary.counts;
		this.$summary = $( '<p>' ).text( msg( 'mentorship-snapshots-publish-explanation', formatDate( this.today() ), totals.mentors, totals.mentees, totals.left ) );
		this.note = new OO.ui.MultilineTextInputWidget( { maxLength: 300, rows: 2, autosize: true, classes: [ 'mg-snapshot-note' ] } );
		$form.append(
			this.$summary,
			new OO.ui.FieldLayout( this.note, { label: msg( 'mentorship-snapshots-note' ), align: 'top', help: msg( 'mentorship-snapshots-note-help' ), helpInline: true } ).$element,
		);
	}

	public override getSetupProcess( data: unknown ): OO.ui.Process {
		return super.getSetupProcess( data ).next( () => {
			this.title.setLabel( msg( 'mentorship-snapshots-publish-title' ) );
			this.setStage( 'loading', false );
			this.showStatus( 'notice', msg( 'mentorship-snapshots-publish-checking' ) );
			existingSnapshot( this.env.client, this.ctx.id, this.today() ).then( ( found ) => {
				this.showExisting( found );
				this.setStage( 'form' );
			}, ( e: unknown ) => {
				this.showError( errorText( e ) );
			} );
		} );
	}

	private showExisting( found: SnapshotListing | null ): void {
		if ( !found ) {
			this.showStatus( 'notice', null );
			return;
		}
		this.showStatus( 'warning', msg( 'mentorship-snapshots-publish-exists', formatDate( found.day ), found.user || '—' ) );
	}

	protected focusForm(): void {
		this.note.focus();
	}

	protected handlers(): Handlers {
		return {
			preview: () => this.preview(),
			publish: () => this.publish(),
		};
	}

	private build(): Snapshot {
		const env = this.ctx.env;
		const dashboard = this.ctx.data.dashboard;
		return buildSnapshot( {
			programId: this.ctx.id,
			now: isoSeconds( env.clock.now() ),
			by: env.user as string,
			rows: dashboard.rows,
			summary: dashboard.summary,
			note: this.note.getValue().trim() || undefined,
		} );
	}

	private preview(): Promise<void> {
		const snapshot = this.build();
		this.snapshot = snapshot;
		const page = snapshotTableTitle( snapshot.program, snapshot.date );
		return this.renderPreview( { page: page, text: snapshotWikitable( snapshot, tableLabels( this.ctx, snapshot ) ) },
			msg( 'mentorship-snapshots-preview-intro', page, snapshotTitle( snapshot.program, snapshot.date ) ) );
	}

	private publish(): Promise<void> {
		const snapshot = this.snapshot || this.build();
		const text = snapshotWikitable( snapshot, tableLabels( this.ctx, snapshot ) );
		this.setStage( 'progress' );
		this.progressPanel.$element.empty().append( $( '<p>' ).text( msg( 'mentorship-snapshots-publishing' ) ) );
		const summary = summaryFor( this.ctx.env, 'mentorship-snapshots-summary', this.ctx.data.loaded.state.config.name );
		return publishSnapshot( this.ctx.env.store, snapshot, text, summary ).then( () => {
			this.done = true;
			this.showDone(
				$( '<p>' ).text( msg( 'mentorship-snapshots-publish-done', formatDate( snapshot.date ) ) ),
				$( '<ul>' ).append(
					$( '<li>' ).append( pageLink( snapshotTableTitle( snapshot.program, snapshot.date ) ) ),
					$( '<li>' ).append( pageLink( snapshotTitle( snapshot.program, snapshot.date ) ) ),
				),
			);
		} );
	}
}

stagedStatics( SnapshotDialog, 'mentorshipSnapshot', [
	{ action: 'preview', label: OO.ui.deferMsg( 'mentorship-snapshots-preview' ), flags: [ 'primary', 'progressive' ], modes: [ 'form' ] },
	{ action: 'publish', label: OO.ui.deferMsg( 'mentorship-snapshots-publish' ), flags: [ 'primary', 'progressive' ], modes: [ 'preview' ] },
] );

function periodText( t: Trend ): string {
	return msg( t.kind === 'term' ? 'mentorship-snapshots-period-term' : 'mentorship-snapshots-period-year', t.days );
}

function trendTable( trends: Trend[] ): JQuery {
	const $body = $( '<tbody>' );
	for ( const t of trends ) {
		const a = t.attrition;
		$body.append( $( '<tr>' ).attr( 'data-period', t.kind ).append(
			$( '<th>' ).attr( 'scope', 'row' ).append(
				$( '<span>' ).text( periodText( t ) ),
				$( '<br>' ),
				$( '<span>' ).addClass( 'mg-muted' ).text( msg( t.partial ? 'mentorship-snapshots-range-partial' : 'mentorship-snapshots-range', formatDate( t.from ), formatDate( t.to ) ) ),
			),
			$( '<td>' ).addClass( 'mg-trend-stages' ).text( msg( 'mentorship-snapshots-stages', t.stages.up, t.stages.down, t.stages.same ) ),
			$( '<td>' ).addClass( 'mg-number' ).text( formatNumber( t.joined ) ),
			$( '<td>' ).addClass( 'mg-trend-attrition' ).text( a.rate === null ? '—' : msg( 'mentorship-snapshots-attrition', percent( a.rate ), a.lost, a.mentees ) ),
			$( '<td>' ).addClass( 'mg-number' ).text( formatNumber( t.graduations ) ),
			$( '<td>' ).addClass( 'mg-trend-leadership' ).text( msg( 'mentorship-snapshots-leadership', t.leadership.steps, t.leadership.mentees ) ),
			$( '<td>' ).addClass( 'mg-number' ).text( formatNumber( t.milestones ) ),
		) );
	}
	return $( '<div>' ).addClass( 'mg-table-scroll' ).attr( { tabindex: '0', role: 'region', 'aria-label': msg( 'mentorship-snapshots-trends-caption' ) } ).append(
		dataTable( 'wikitable mg-table mg-trends', msg( 'mentorship-snapshots-trends-caption' ), [
			msg( 'mentorship-snapshots-col-period' ),
			msg( 'mentorship-snapshots-col-stages' ),
			msg( 'mentorship-snapshots-col-joined' ),
			msg( 'mentorship-snapshots-col-attrition' ),
			msg( 'mentorship-snapshots-col-graduations' ),
			msg( 'mentorship-snapshots-col-leadership-steps' ),
			msg( 'mentorship-snapshots-col-milestones' ),
		], $body ),
	);
}

function setAsideBox( data: SnapshotsData ): JQuery {
	const pages = data.setAside.map( ( s ) => s.title );
	const entries = data.entriesSetAside.length;
	if ( !pages.length && !entries ) {
		return $( [] );
	}
	const $label = $( '<div>' );
	if ( pages.length ) {
		$label.append( $( '<p>' ).text( msg( 'mentorship-snapshots-set-aside', pages.length ) ) );
		const $list = $( '<ul>' );
		for ( const s of data.setAside.slice( 0, 20 ) ) {
			$list.append( $( '<li>' ).append( pageLink( s.title ), document.createTextNode( ' ' + ( s.reason === 'author' ?
				msg( 'mentorship-snapshots-set-aside-author', s.user || '—' ) : msg( 'mentorship-snapshots-set-aside-invalid' ) ) ) ) );
		}
		$label.append( $list );
	}
	if ( entries ) {
		$label.append( $( '<p>' ).text( msg( 'mentorship-snapshots-entries-set-aside', entries ) ) );
	}
	return new OO.ui.MessageWidget( { type: 'warning', classes: [ 'mg-snapshots-set-aside' ], label: $label } ).$element;
}

function render( $body: JQuery, programId: string, data: SnapshotsData ): void {
	const $list = $( '<ul>' ).addClass( 'mg-inline-list mg-snapshot-list' );
	for ( const l of data.trusted.slice( -13 ).reverse() ) {
		$list.append( $( '<li>' ).append( pageLink( snapshotTableTitle( programId, l.day ), formatDate( l.day ) ) ) );
	}
	$body.empty().append(
		setAsideBox( data ),
		$( '<p>' ).text( data.trusted.length ? msg( 'mentorship-snapshots-count', data.trusted.length ) : msg( 'mentorship-snapshots-none' ) ),
		data.trusted.length ? $list : $( [] ),
		data.trends.length ? trendTable( data.trends ) : $( '<p>' ).addClass( 'mg-muted' ).text( msg( 'mentorship-snapshots-trend-needs-two' ) ),
	);
}

/** The snapshots section of the dashboard: trends, the snapshots, and Publish for a coordinator. */
export function snapshotsSection( ctx: ConsoleContext ): JQuery {
	const $status = statusLine();
	const $body = $( '<div>' );
	const $section = $( '<section>' ).addClass( 'mg-snapshots' ).append( heading( msg( 'mentorship-snapshots-heading' ), 3 ), $status, $body );
	const config = ctx.data.loaded.state.config;
	const load = (): void => {
		$section.attr( 'aria-busy', 'true' );
		$status.text( msg( 'mentorship-snapshots-loading' ) );
		loadSnapshots( ctx.env.client, ctx.id, config, isoDate( ctx.env.clock.now() ) ).then( ( data ) => {
			$section.removeAttr( 'aria-busy' );
			$status.text( '' );
			render( $body, ctx.id, data );
		}, ( e: unknown ) => {
			$section.removeAttr( 'aria-busy' );
			$status.text( errorText( e ) );
		} );
	};
	if ( ctx.env.user && config.coordinators.indexOf( ctx.env.user ) !== -1 ) {
		const publish = new OO.ui.ButtonWidget( { label: msg( 'mentorship-snapshots-publish-button' ), icon: 'add', classes: [ 'mg-snapshot-publish' ] } );
		publish.on( 'click', () => {
			const dialog = new SnapshotDialog( ctx );
			openWindow( dialog, {}, publish.$button[ 0 ] as HTMLElement ).closed.then( () => {
				if ( dialog.done ) {
					load();
				}
			} );
		} );
		$section.children( 'h3' ).after( publish.$element );
	}
	load();
	return $section;
}
