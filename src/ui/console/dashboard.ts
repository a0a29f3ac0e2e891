/**
 * The console's dashboard: the cohort's summaries against the program's goals, a table
 * of members (role, mentor, stage and why, edits in the last 30 days, last edit,
 * questions unanswered beyond the limit, milestones, check-in), recording a milestone,
 * and the exports (CSV download, a wikitable to paste into a report page).
 */

import { Cell, toCsv, toWikitable } from '../../core/export';
import { Milestone } from '../../core/format';
import { DashboardSummary, MemberRow } from '../../core/dashboard';
import { DetectedMilestone, MILESTONE_MESSAGES, STAGE_MESSAGES } from '../../core/stages';
import { unansweredDays } from '../../core/program';
import { legacyPairings } from '../../core/roster';
import { userLink as wikiUserLink } from '../../core/wikitext';
import { migrateLegacyPairings } from '../../wiki/console';
import { isoDate } from '../../core/dates';
import { formatDate } from '../env';
import { consoleWriter } from '../writers';
import { errorText } from '../errors';
import { formatNumber, msg } from '../i18n';
import { listText, reasonText } from '../lists';
import { dataTable, goalsBlock, heading, statusLine, unansweredText, userLink, withTyped } from '../widgets';
import { ConsoleContext } from './context';
import { openMilestoneDialog } from './milestone-dialog';
import { coMentorText, consoleGraduateButton, graduatesLines } from './graduates';
import { snapshots } from './snapshots-load';

function dateOnly( iso: string ): string {
	return iso.slice( 0, 10 );
}

function roleText( row: MemberRow ): string {
	return msg( row.role === 'mentor' ? 'mentorship-console-role-mentor' : 'mentorship-console-role-mentee' );
}

function statusText( row: MemberRow, date: ( iso: string ) => string ): string {
	switch ( row.status ) {
		case 'left':
			return msg( 'mentorship-console-status-left', row.left ? date( row.left ) : '—' );
		case 'inactive':
			return msg( 'mentorship-console-status-inactive' );
		case 'unconfirmed':
			return msg( 'mentorship-console-status-unconfirmed' );
		default:
			return msg( 'mentorship-console-status-active' );
	}
}

function mentorText( row: MemberRow ): string {
	if ( row.role === 'mentor' ) {
		return ( row.load ? msg( 'mentorship-console-load', row.load.mentees, row.load.capacity ) : '—' ) + coMentorText( row );
	}
	return row.mentor || '—';
}

function stageName( row: MemberRow ): string {
	return row.stage ? msg( STAGE_MESSAGES[ row.stage.stage ] ) : '—';
}

function stageReasons( row: MemberRow ): string[] {
	return row.stage ? row.stage.reasons.map( reasonText ) : [];
}

function lastEditText( row: MemberRow, date: ( iso: string ) => string ): string {
	if ( row.lastEdit ) {
		return date( row.lastEdit );
	}
	return row.editcount ? msg( 'mentorship-mentees-last-edit-older' ) : '—';
}

function milestoneText( m: Milestone, date: ( iso: string ) => string ): string {
	const type = msg( MILESTONE_MESSAGES[ m.type ] );
	return m.note ?
		msg( 'mentorship-console-milestone-recorded-note', type, date( m.time ), m.note ) :
		msg( 'mentorship-console-milestone-recorded', type, date( m.time ) );
}

function detectedText( d: DetectedMilestone, date: ( iso: string ) => string ): string {
	return d.time ?
		msg( 'mentorship-console-milestone-detected-dated', reasonText( d.reason ), date( d.time ) ) :
		msg( 'mentorship-console-milestone-detected', reasonText( d.reason ) );
}

function checkinText( row: MemberRow ): string {
	if ( !row.checkin ) {
		return '—';
	}
	return row.checkin.comment ?
		msg( 'mentorship-console-checkin-cell-comment', row.checkin.satisfaction, row.checkin.comment ) :
		msg( 'mentorship-console-checkin-cell', row.checkin.satisfaction );
}

/** The invitations line, with no "0 invitations sent to 0 people; 0 of them joined". */
function invitationsText( sent: number, invitees: number, joined: number ): string {
	if ( !sent ) {
		return msg( 'mentorship-console-invitations-none' );
	}
	return joined ? msg( 'mentorship-console-invitations', sent, invitees, joined ) : msg( 'mentorship-console-invitations-none-joined', sent, invitees );
}

/** The columns of the members' table and of its exports. */
export function columns(): string[] {
	return [
		msg( 'mentorship-console-col-member' ),
		msg( 'mentorship-console-col-role' ),
		msg( 'mentorship-console-col-status' ),
		msg( 'mentorship-console-col-mentor' ),
		msg( 'mentorship-console-col-stage' ),
		msg( 'mentorship-console-col-stage-why' ),
		msg( 'mentorship-col-edits30' ),
		msg( 'mentorship-col-last-edit' ),
		msg( 'mentorship-console-col-unanswered' ),
		msg( 'mentorship-console-col-milestones' ),
		msg( 'mentorship-console-col-checkin' ),
	];
}

/** A member's row as the exports hold it: text, dates as YYYY-MM-DD, the name as a user link in wikitext. */
export function exportCells( row: MemberRow ): Cell[] {
	const milestones = row.recorded.map( ( m ) => milestoneText( m, dateOnly ) )
		.concat( row.detected.map( ( d ) => detectedText( d, dateOnly ) ) );
	return [
		{ text: row.name, wikitext: wikiUserLink( row.name ) },
		roleText( row ),
		statusText( row, dateOnly ),
		mentorText( row ),
		stageName( row ),
		stageReasons( row ).join( '; ' ),
		row.edits === null ? '' : String( row.edits ) + ( row.editsCapped ? '+' : '' ),
		row.lastEdit ? dateOnly( row.lastEdit ) : lastEditText( row, dateOnly ),
		String( row.unanswered.length ),
		milestones.join( '; ' ),
		row.checkin ? checkinText( row ) : '',
	];
}

/** A short text and whether the goal is met, for a summary with a goal. */
function goalLine( met: boolean | undefined, text: string ): JQuery {
	if ( met === undefined ) {
		return $( [] );
	}
	return $( '<p>' ).addClass( met ? 'mg-goal-met' : 'mg-goal-missed' ).append(
		new OO.ui.IconWidget( { icon: met ? 'check' : 'alert', title: '' } ).$element.attr( 'aria-hidden', 'true' ),
		$( '<span>' ).text( ' ' + text + ' ' + msg( met ? 'mentorship-console-goal-met' : 'mentorship-console-goal-missed' ) ),
	);
}

function names( list: string[], max = 20 ): JQuery {
	if ( !list.length ) {
		return $( [] );
	}
	const $list = $( '<ul>' ).addClass( 'mg-inline-list' );
	for ( const n of list.slice( 0, max ) ) {
		$list.append( $( '<li>' ).append( userLink( n ) ) );
	}
	if ( list.length > max ) {
		$list.append( $( '<li>' ).text( msg( 'mentorship-console-and-more', list.length - max ) ) );
	}
	return $list;
}

function card( title: string, ...content: JQuery[] ): JQuery {
	return $( '<section>' ).addClass( 'mg-card' ).append( $( '<h4>' ).text( title ), ...content );
}

function percent( share: number ): string {
	return formatNumber( Math.round( share * 1000 ) / 10 ) + '%';
}

function summaryCards( ctx: ConsoleContext, summary: DashboardSummary ): JQuery {
	const config = ctx.data.loaded.state.config;
	const s = summary;
	const load = s.load;
	const $load = $( '<ul>' ).addClass( 'mg-load' );
	for ( const m of load.mentors ) {
		const state = m.state === 'active' ? '' : ' ' + msg( m.state === 'away' ? 'mentorship-console-mentor-away' : 'mentorship-console-mentor-leaving' );
		$load.append( $( '<li>' ).append( userLink( m.name ), document.createTextNode( ' ' + msg( 'mentorship-console-load', m.mentees, m.capacity ) + state ) ) );
	}
	const attrition = s.attrition;
	const checkins = s.checkins;
	const $comments = $( '<ul>' ).addClass( 'mg-comments' );
	for ( const c of checkins.comments.slice( 0, 50 ) ) {
		$comments.append( $( '<li>' ).append(
			userLink( c.name ),
			' ',
			withTyped( msg( 'mentorship-console-checkin-summary-comment', c.checkin.satisfaction, c.checkin.comment ), c.checkin.comment ),
		) );
	}
	return $( '<div>' ).addClass( 'mg-cards' ).append(
		card( msg( 'mentorship-console-card-members' ),
			$( '<p>' ).text( msg( 'mentorship-console-members-count', s.counts.mentors, s.counts.mentees, s.counts.left, s.counts.unconfirmed ) ) ),
		card( msg( 'mentorship-console-card-load' ),
			$( '<p>' ).text( msg( 'mentorship-console-load-summary', load.taken, load.places, load.full ) ),
			load.over.length ? $( '<p>' ).addClass( 'mg-goal-missed' ).text( msg( 'mentorship-console-load-over', load.over.length, listText( load.over ) ) ) : $( [] ),
			load.mentors.length ? $( '<details>' ).append( $( '<summary>' ).text( msg( 'mentorship-console-load-each', load.mentors.length ) ), $load ) : $( [] ) ),
		card( msg( 'mentorship-console-card-without-mentor' ),
			$( '<p>' ).text( msg( 'mentorship-console-without-mentor', s.withoutMentor.length ) ), names( s.withoutMentor ) ),
		card( msg( 'mentorship-console-card-attrition' ),
			$( '<p>' ).text( attrition.rate === null ? msg( 'mentorship-console-attrition-none' ) :
				msg( 'mentorship-console-attrition', percent( attrition.rate ), attrition.left, attrition.inactive, attrition.mentees ) ),
			goalLine( attrition.met, msg( 'mentorship-console-attrition-goal', percent( attrition.goal || 0 ) ) ),
			$( '<p>' ).text( msg( 'mentorship-console-inactive', s.inactive.length ) ), names( s.inactive ) ),
		card( msg( 'mentorship-console-card-unanswered' ),
			$( '<p>' ).text( msg( 'mentorship-console-unanswered', s.unanswered.questions, s.unanswered.members, unansweredDays( config ) ) ),
			s.unanswered.complete ? $( [] ) : $( '<p>' ).addClass( 'mg-muted' ).text( msg( 'mentorship-console-unanswered-partial' ) ) ),
		card( msg( 'mentorship-console-card-invitations' ),
			$( '<p>' ).text( invitationsText( s.invitations.sent, s.invitations.invitees, s.invitations.joined.length ) ),
			names( s.invitations.joined ) ),
		card( msg( 'mentorship-console-card-milestones' ),
			$( '<p>' ).text( msg( 'mentorship-console-milestones', s.milestones.reached, s.milestones.members ) ),
			goalLine( s.milestones.met, msg( 'mentorship-console-milestones-goal', s.milestones.goal || 0 ) ) ),
		card( msg( 'mentorship-console-card-graduates' ), graduatesLines( s ) ),
		card( msg( 'mentorship-console-card-checkins' ),
			$( '<p>' ).text( checkins.average === null ? msg( 'mentorship-console-checkins-none' ) :
				msg( 'mentorship-console-checkins', checkins.count, formatNumber( checkins.average ) ) ),
			goalLine( checkins.met, msg( 'mentorship-console-checkins-goal', formatNumber( checkins.goal || 0 ) ) ),
			checkins.comments.length ? $comments : $( [] ) ),
	);
}

function milestonesCell( ctx: ConsoleContext, row: MemberRow ): JQuery {
	const $cell = $( '<td>' );
	const $list = $( '<ul>' ).addClass( 'mg-milestones' );
	for ( const m of row.recorded ) {
		$list.append( $( '<li>' ).append( withTyped( milestoneText( m, formatDate ), m.note ) ) );
	}
	for ( const d of row.detected ) {
		const record = new OO.ui.ButtonWidget( { label: msg( 'mentorship-console-milestone-record-detected' ), framed: false, flags: [ 'progressive' ] } );
		record.$button.attr( 'aria-label', msg( 'mentorship-console-milestone-record-detected-who', reasonText( d.reason ), row.name ) );
		record.on( 'click', () => openMilestoneDialog( ctx, row.name, record.$button[ 0 ] as HTMLElement, d ) );
		$list.append( $( '<li>' ).addClass( 'mg-detected' ).append( $( '<span>' ).text( detectedText( d, formatDate ) + ' ' ), record.$element ) );
	}
	if ( row.recorded.length || row.detected.length ) {
		$cell.append( $list );
	}
	const add = new OO.ui.ButtonWidget( { label: msg( 'mentorship-console-milestone-add' ), icon: 'add', framed: false, classes: [ 'mg-milestone-add' ] } );
	add.$button.attr( 'aria-label', msg( 'mentorship-console-milestone-add-who', row.name ) );
	add.on( 'click', () => openMilestoneDialog( ctx, row.name, add.$button[ 0 ] as HTMLElement ) );
	return $cell.append( add.$element, consoleGraduateButton( ctx, row ) );
}

function unansweredCell( ctx: ConsoleContext, row: MemberRow ): JQuery {
	const $cell = $( '<td>' ).addClass( 'mg-number' );
	if ( !row.unanswered.length ) {
		return $cell.text( formatNumber( 0 ) );
	}
	const $list = $( '<ul>' ).addClass( 'mg-questions' );
	for ( const u of row.unanswered ) {
		$list.append( $( '<li>' ).append(
			$( '<a>' ).attr( 'href', ctx.env.url( u.question.page ) + '#' + encodeURIComponent( u.question.section.replace( / /g, '_' ) ) ).text( u.question.section ),
			document.createTextNode( ' ' ),
			$( '<span>' ).addClass( 'mg-unanswered-late' ).text( unansweredText( u.days ) ),
		) );
	}
	return $cell.append( $( '<strong>' ).text( formatNumber( row.unanswered.length ) ), $list );
}

/** A row's class by status (in full, so that the classes can be found). */
const STATUS_CLASSES: Record<MemberRow[ 'status' ], string> = {
	active: 'mg-status-active',
	inactive: 'mg-status-inactive',
	left: 'mg-status-left',
	unconfirmed: 'mg-status-unconfirmed',
};

function membersTable( ctx: ConsoleContext, rows: MemberRow[] ): JQuery {
	// "Why" goes under the stage on screen; the exports keep it as a column.
	const heads = columns();
	heads.splice( 5, 1 );
	const $body = $( '<tbody>' );
	for ( const row of rows ) {
		const $stage = $( '<td>' ).append( $( '<strong>' ).text( stageName( row ) ) );
		const reasons = stageReasons( row );
		if ( reasons.length ) {
			const $why = $( '<ul>' ).addClass( 'mg-reasons' );
			for ( const r of reasons ) {
				$why.append( $( '<li>' ).text( r ) );
			}
			$stage.append( $why );
		}
		$body.append( $( '<tr>' ).attr( 'data-member', row.name ).addClass( STATUS_CLASSES[ row.status ] ).append(
			$( '<th>' ).attr( 'scope', 'row' ).append( userLink( row.name ), goalsBlock( row.goals ) ),
			$( '<td>' ).text( roleText( row ) ),
			$( '<td>' ).text( statusText( row, formatDate ) ),
			$( '<td>' ).append( row.role === 'mentee' && row.mentor ? userLink( row.mentor ) : document.createTextNode( mentorText( row ) ) ),
			$stage,
			$( '<td>' ).addClass( 'mg-number' ).text( row.edits === null ? '—' : formatNumber( row.edits ) + ( row.editsCapped ? '+' : '' ) ),
			$( '<td>' ).text( lastEditText( row, formatDate ) ),
			unansweredCell( ctx, row ),
			milestonesCell( ctx, row ),
			$( '<td>' ).append( withTyped( checkinText( row ), row.checkin && row.checkin.comment ) ),
		) );
	}
	return $( '<div>' ).addClass( 'mg-table-scroll' ).attr( { tabindex: '0', role: 'region', 'aria-label': msg( 'mentorship-console-members-caption' ) } ).append(
		dataTable( 'wikitable mg-table mg-members', msg( 'mentorship-console-members-caption' ), heads, $body ),
	);
}

function exports( ctx: ConsoleContext, rows: MemberRow[] ): JQuery {
	const config = ctx.data.loaded.state.config;
	const today = isoDate( ctx.env.clock.now() );
	const cells = rows.map( exportCells );
	const csv = toCsv( columns(), cells );
	const fileName = ctx.id + '-' + today + '.csv';
	let url: string;
	try {
		url = URL.createObjectURL( new Blob( [ csv ], { type: 'text/csv;charset=utf-8' } ) );
	} catch ( e ) {
		url = 'data:text/csv;charset=utf-8,' + encodeURIComponent( csv );
	}
	// A link to the file, which the browser downloads under its name. (Set here: OOUI would
	// turn a blob: address into a relative one, and calls any of its buttons a button.)
	const download = new OO.ui.ButtonWidget( { label: msg( 'mentorship-console-export-csv' ), icon: 'download' } );
	download.$button.attr( { href: url, download: fileName } ).removeAttr( 'role' );
	download.$element.addClass( 'mg-export-csv' );
	const wikitable = toWikitable( msg( 'mentorship-console-wikitable-caption', config.name, today ), columns(), cells );
	const text = new OO.ui.MultilineTextInputWidget( { value: wikitable, readOnly: true, rows: 6, classes: [ 'mg-wikitable' ] } );
	const $copied = statusLine();
	const copy = new OO.ui.ButtonWidget( { label: msg( 'mentorship-console-export-copy' ), icon: 'articles' } );
	copy.on( 'click', () => {
		text.select();
		let done = false;
		try {
			done = document.execCommand( 'copy' );
		} catch ( e ) {
			done = false;
		}
		$copied.text( msg( done ? 'mentorship-console-export-copied' : 'mentorship-console-export-copy-manually' ) );
	} );
	return $( '<section>' ).addClass( 'mg-exports' ).append(
		heading( msg( 'mentorship-console-export-heading' ), 4 ),
		$( '<p>' ).text( msg( 'mentorship-console-export-help', rows.length ) ),
		download.$element,
		new OO.ui.FieldLayout( text, { label: msg( 'mentorship-console-export-wikitable' ), align: 'top' } ).$element,
		copy.$element,
		$copied,
	);
}

/** The dashboard panel. */
/**
 * Pairings written before the consent rule (only in the roster): they count for nothing
 * until the mentee accepts, so the coordinator turns them into proposals, in one click.
 */
function migrationBox( ctx: ConsoleContext ): JQuery {
	const legacy = Object.keys( legacyPairings( ctx.data.loaded.state ) );
	if ( !legacy.length ) {
		return $( [] );
	}
	const config = ctx.data.loaded.state.config;
	const button = new OO.ui.ButtonWidget( { label: msg( 'mentorship-console-migrate-button', legacy.length ), flags: [ 'progressive' ] } );
	const $status = statusLine();
	button.on( 'click', () => {
		button.setDisabled( true );
		migrateLegacyPairings( consoleWriter( ctx.env, config.name ), ctx.id, config, ctx.data.loaded.state ).then( ( n ) => {
			ctx.setStatus( msg( 'mentorship-console-migrate-done', n ) );
			ctx.refresh();
		}, ( e: unknown ) => {
			button.setDisabled( false );
			$status.text( errorText( e ) );
		} );
	} );
	return new OO.ui.MessageWidget( {
		type: 'notice',
		classes: [ 'mg-migrate' ],
		label: $( '<div>' ).append( $( '<p>' ).text( msg( 'mentorship-console-migrate', legacy.length, legacy.slice( 0, 10 ).join( ', ' ) ) ), button.$element, $status ),
	} ).$element;
}

/** Invitation records that are invalid: set aside (the others count), kept in their log page. */
function logSetAsideBox( ctx: ConsoleContext ): JQuery {
	const items = ctx.data.loaded.setAside.filter( ( a ) => /\/invitations\//.test( a.page ) );
	if ( !items.length ) {
		return $( [] );
	}
	const pages: string[] = [];
	const $list = $( '<ul>' );
	for ( const item of items ) {
		if ( pages.indexOf( item.page ) === -1 ) {
			pages.push( item.page );
		}
		const issue = item.entry.issues[ 0 ];
		$list.append( $( '<li>' ).text( msg( 'mentorship-panel-set-aside-entry', String( item.entry.key ), issue ? issue.path : '', issue ? issue.got : '' ) ) );
	}
	return new OO.ui.MessageWidget( {
		type: 'warning',
		classes: [ 'mg-log-set-aside' ],
		label: $( '<div>' ).append( $( '<p>' ).text( msg( 'mentorship-console-log-set-aside', items.length, pages.join( ', ' ) ) ), $list ),
	} ).$element;
}

export function dashboardView( ctx: ConsoleContext ): JQuery {
	const dashboard = ctx.data.dashboard;
	const $box = $( '<div>' ).addClass( 'mg-dashboard' );
	const problems = Object.keys( ctx.data.loaded.errors );
	if ( problems.length ) {
		$box.append( new OO.ui.MessageWidget( {
			type: 'warning',
			label: msg( 'mentorship-panel-unreadable-pages', problems.length, problems.slice( 0, 3 ).join( ', ' ) ),
		} ).$element );
	}
	$box.append( migrationBox( ctx ), logSetAsideBox( ctx ) );
	$box.append(
		heading( msg( 'mentorship-console-summary-heading' ) ),
		summaryCards( ctx, dashboard.summary ),
		heading( msg( 'mentorship-console-members-heading' ) ),
		membersTable( ctx, dashboard.rows ),
		exports( ctx, dashboard.rows ),
		snapshots( ctx ),
	);
	return $box;
}
