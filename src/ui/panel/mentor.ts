/**
 * The mentor's tabs: "Your mentees" (each mentee's account and activity, and their
 * questions with whether each is answered, unanswered first; release a mentee), "Your
 * profile" (topics, languages, capacity, introduction, status with away-until and backup)
 * and "Leave" (hand every mentee to another mentor or back to the program, then leave).
 */

import { daysBetween, isAnswered } from '../../core/ask';
import { buildNotice } from '../../core/notices';
import { LIMITS, Membership, MentorStatus, Question } from '../../core/format';
import { activeMembership, availability, capacityOf, DEFAULT_CAPACITY, unansweredDays } from '../../core/program';
import { confirmedLoads, confirmedMembers, menteesByMentor } from '../../core/roster';
import { userTalkTitle } from '../../core/titles';
import { isoDate, isoSeconds } from '../../core/dates';
import { handOverAndLeave, Handover, loadMentorView, MenteeRow, MentorView, releaseMentee } from '../../wiki/membership';
import { formatDate } from '../env';
import { ErrorArea, errorText } from '../errors';
import { formatNumber, msg } from '../i18n';
import { confirmNotice } from '../notice-dialog';
import { RadioGroup } from '../radio-group';
import { CountedText, dataTable, goalsBlock, heading, nameDateInput, nameDropdown, pageLink, statusLine, tagValues, unansweredText, userLink, withOverlay } from '../widgets';
import { checkinSection } from './checkin';
import { needsYou } from './needs-you-load';
import { coMentorsLine, graduateCell } from './graduate';
import { coMentorOf } from '../../core/graduation-rules';
import { interestFields, profileForm } from './join';
import { TabContext } from './context';

interface QuestionRow {
	question: Question;
	answered: boolean;
	days: number;
}

function questionsOf( row: MenteeRow, view: MentorView, nowIso: string ): QuestionRow[] {
	const me = view.viewer.name;
	const mine = ( ( row.membership && row.membership.questions ) || [] ).filter( ( q ) => q.to === me );
	const rows = mine.map( ( q ) => ( {
		question: q,
		answered: isAnswered( q, view.replies, userTalkTitle( row.name ) ),
		days: Math.floor( daysBetween( q.time, nowIso ) ),
	} ) );
	// Unanswered first, oldest first among them; then the answered, newest first.
	return rows.sort( ( a, b ) => {
		if ( a.answered !== b.answered ) {
			return a.answered ? 1 : -1;
		}
		return a.answered ? ( a.question.time < b.question.time ? 1 : -1 ) : ( a.question.time < b.question.time ? -1 : 1 );
	} );
}

function questionList( rows: QuestionRow[], limit: number, env: TabContext[ 'env' ] ): JQuery {
	if ( !rows.length ) {
		return $( '<span>' ).addClass( 'mg-muted' ).text( msg( 'mentorship-mentees-no-questions' ) );
	}
	const $list = $( '<ul>' ).addClass( 'mg-questions' );
	for ( const row of rows ) {
		const late = !row.answered && row.days >= limit;
		const $state = $( '<span>' ).addClass( row.answered ? 'mg-answered' : late ? 'mg-unanswered-late' : 'mg-unanswered' )
			.text( row.answered ? msg( 'mentorship-question-answered' ) : unansweredText( row.days ) );
		const $link = $( '<a>' ).attr( 'href', env.url( row.question.page ) + '#' + encodeURIComponent( row.question.section.replace( / /g, '_' ) ) )
			.text( row.question.section );
		$list.append( $( '<li>' ).append( $state, ' ', $link, ' ', $( '<span>' ).addClass( 'mg-muted' ).text( formatDate( row.question.time ) ) ) );
	}
	return $list;
}

export function menteesTab( ctx: TabContext ): JQuery {
	const $box = $( '<div>' ).addClass( 'mg-mentees' ).attr( 'aria-busy', 'true' );
	const $status = statusLine().text( msg( 'mentorship-mentees-loading' ) );
	$box.append( checkinSection( ctx ), $status );
	loadMentorView( ctx.env.client, ctx.id, ctx.view.viewer.name, ctx.env.clock.now() ).then( ( view ) => {
		$box.removeAttr( 'aria-busy' );
		$status.text( '' );
		renderMentees( ctx, view, $box );
	}, ( e: unknown ) => {
		$box.removeAttr( 'aria-busy' );
		$status.text( errorText( e ) );
	} );
	return $box;
}

function renderMentees( ctx: TabContext, view: MentorView, $box: JQuery ): void {
	const nowIso = isoSeconds( ctx.env.clock.now() );
	const limit = unansweredDays( view.loaded.state.config );
	const membership = activeMembership( view.loaded.state.profiles[ view.viewer.name ], ctx.id );
	const capacity = capacityOf( membership );
	$box.append( $( '<p>' ).text( msg( 'mentorship-mentees-count', view.mentees.length, capacity ) ), coMentorsLine( ctx ) );
	if ( !view.mentees.length ) {
		$box.append( $( '<p>' ).text( msg( 'mentorship-mentees-none' ) ) );
		return;
	}
	$box.append( needsYou( ctx, view ) );
	const rows = view.mentees.map( ( row ) => ( { row: row, questions: questionsOf( row, view, nowIso ) } ) );
	// Mentees with unanswered questions first.
	rows.sort( ( a, b ) => {
		const ua = a.questions.filter( ( q ) => !q.answered ).length;
		const ub = b.questions.filter( ( q ) => !q.answered ).length;
		return ub - ua || ( a.row.name < b.row.name ? -1 : 1 );
	} );
	const $tbody = $( '<tbody>' );
	const $table = dataTable( 'wikitable mg-table', msg( 'mentorship-mentees-caption' ), [
		'mentorship-col-mentee', 'mentorship-col-registered', 'mentorship-col-edits30', 'mentorship-col-last-edit',
		'mentorship-col-blocked', 'mentorship-col-questions', 'mentorship-col-actions',
	].map( ( key ) => msg( key ) ), $tbody );
	for ( const { row, questions } of rows ) {
		const user = row.user;
		const activity = row.activity;
		const release = new OO.ui.ButtonWidget( { label: msg( 'mentorship-mentees-release' ), flags: [ 'destructive' ], framed: false } );
		release.$button.attr( 'aria-label', msg( 'mentorship-mentees-release-who', row.name ) );
		release.on( 'click', () => {
			void confirmNotice( {
				env: ctx.env,
				title: msg( 'mentorship-release-title', row.name ),
				explanation: msg( 'mentorship-release-explanation', row.name ),
				confirm: msg( 'mentorship-mentees-release' ),
				preview: ( note ) => buildNotice( {
					kind: 'released', id: 'preview', programId: ctx.id, programName: view.loaded.state.config.name,
					from: view.viewer.name, to: row.name, note: note,
				}, ctx.env.content ),
				run: ( note ) => releaseMentee( ctx.actor(), ctx.id, view.loaded.state.config, row.name, note ),
			}, release.$element[ 0 ] ).then( ( done ) => {
				if ( done ) {
					ctx.setStatus( msg( 'mentorship-release-done', row.name ) );
					ctx.reload( 'mentees' );
				}
			} );
		} );
		let last = '—';
		if ( activity && activity.last ) {
			last = formatDate( activity.last );
		} else if ( user && user.editcount ) {
			last = msg( 'mentorship-mentees-last-edit-older' );
		}
		$tbody.append( $( '<tr>' ).append(
			$( '<th>' ).attr( 'scope', 'row' ).append(
				userLink( row.name ),
				row.membership ? goalsBlock( row.membership.goals ) : $( '<div>' ).addClass( 'mg-muted' ).text( msg( 'mentorship-mentees-unconfirmed' ) ),
			),
			$( '<td>' ).text( user && user.registration ? formatDate( user.registration ) : '—' ),
			$( '<td>' ).text( activity ? formatNumber( activity.count ) + ( activity.capped ? '+' : '' ) : '—' ),
			$( '<td>' ).text( last ),
			$( '<td>' ).text( user && user.block ? msg( user.block.partial ? 'mentorship-mentees-blocked-partial' : 'mentorship-mentees-blocked', formatDate( user.block.expiry ) ) : msg( 'mentorship-mentees-not-blocked' ) ),
			$( '<td>' ).append( questionList( questions, limit, ctx.env ) ),
			$( '<td>' ).append( graduateCell( ctx, view, row ), ' ', release.$element ),
		) );
	}
	$box.append( $table );
	if ( !view.repliesComplete ) {
		$box.append( $( '<p>' ).addClass( 'mg-muted' ).text( msg( 'mentorship-mentees-replies-partial' ) ) );
	}
}

export function mentorProfileTab( ctx: TabContext ): JQuery {
	const state = ctx.view.loaded.state;
	const me = ctx.view.viewer.name;
	const membership = ctx.view.viewer.membership as Membership;
	const interests = interestFields( ctx, membership.topics, membership.languages );
	const capacity = new OO.ui.NumberInputWidget( {
		min: 0, max: LIMITS.capacity, step: 1, isInteger: true,
		value: String( membership.capacity !== undefined ? membership.capacity : DEFAULT_CAPACITY ),
	} );
	const intro = new CountedText( { label: msg( 'mentorship-join-intro' ), help: msg( 'mentorship-join-intro-help' ), max: LIMITS.intro, value: membership.intro || '' } );
	const status = new RadioGroup( msg( 'mentorship-profile-status' ), [
		{ data: 'active', label: msg( 'mentorship-status-active' ) },
		{ data: 'away', label: msg( 'mentorship-status-away' ) },
		{ data: 'leaving', label: msg( 'mentorship-status-leaving' ) },
	], membership.status || 'active' );
	const until = new mw.widgets.DateInputWidget( withOverlay( {
		value: membership.awayUntil || '',
		mustBeAfter: isoDate( ctx.env.clock.now() - 86400000 ),
	} ) );
	// A co-mentor is no backup: no question is routed to them.
	const others = confirmedMembers( state, 'mentor' ).filter( ( n ) => n !== me && !coMentorOf( state, n ) );
	const backup = new OO.ui.DropdownInputWidget( {
		options: [ { data: '', label: msg( 'mentorship-profile-no-backup' ) } ].concat( others.map( ( n ) => ( { data: n, label: n } ) ) ),
		value: membership.backup && others.indexOf( membership.backup ) !== -1 ? membership.backup : '',
		dropdown: withOverlay( {} ),
	} );
	nameDropdown( backup, msg( 'mentorship-profile-backup' ) );
	const untilField = new OO.ui.FieldLayout( until as unknown as OO.ui.Widget, { label: msg( 'mentorship-profile-away-until' ), align: 'top' } );
	nameDateInput( until, untilField );
	const backupField = new OO.ui.FieldLayout( backup, { label: msg( 'mentorship-profile-backup' ), align: 'top', help: msg( 'mentorship-profile-backup-help' ), helpInline: true } );
	const toggle = (): void => {
		untilField.toggle( status.getValue() === 'away' );
	};
	status.onChange( toggle );
	toggle();
	// Co-mentoring beside the former mentor (a graduate's choice, in their own profile): unticked, they take mentees of their own.
	const beside = membership.coMentor || membership.formerMentor || null;
	const coMentor = new OO.ui.CheckboxInputWidget( { selected: !!membership.coMentor } );
	const coMentorField = new OO.ui.FieldLayout( coMentor, {
		label: msg( 'mentorship-join-comentor', beside || '' ), align: 'inline', help: msg( 'mentorship-join-comentor-help' ), helpInline: true,
	} );
	coMentorField.toggle( !!beside );
	return profileForm( ctx, [
		coMentorField.$element,
		interests.$element,
		new OO.ui.FieldLayout( capacity as unknown as OO.ui.Widget, { label: msg( 'mentorship-join-capacity' ), align: 'top', help: msg( 'mentorship-join-capacity-help' ), helpInline: true } ).$element,
		intro.$element,
		status.$element,
		untilField.$element,
		backupField.$element,
	], () => {
		const value = status.getValue() as MentorStatus;
		const date = until.getValue();
		return {
			topics: tagValues( interests.topics ),
			languages: tagValues( interests.languages ),
			capacity: beside && coMentor.isSelected() ? 0 : Math.max( 0, Math.min( LIMITS.capacity, Math.round( Number( capacity.getValue() ) || 0 ) ) ),
			coMentor: beside && coMentor.isSelected() ? beside : undefined,
			intro: intro.getValue().trim() || undefined,
			status: value,
			awayUntil: value === 'away' && date ? date : undefined,
			backup: backup.getValue() || undefined,
		};
	} );
}

/** Other mentors a mentee can be handed to: available and with room, the least loaded first. */
function handoverChoices( ctx: TabContext ): { name: string; free: number }[] {
	const state = ctx.view.loaded.state;
	const today = isoDate( ctx.env.clock.now() );
	const loads = confirmedLoads( state );
	return confirmedMembers( state, 'mentor' ).filter( ( n ) => n !== ctx.view.viewer.name ).map( ( name ) => {
		const m = activeMembership( state.profiles[ name ], ctx.id );
		return { name: name, free: availability( m, today ).state === 'active' ? capacityOf( m ) - ( loads[ name ] || 0 ) : 0 };
	} ).filter( ( c ) => c.free > 0 ).sort( ( a, b ) => b.free - a.free || ( a.name < b.name ? -1 : 1 ) );
}

export function mentorLeaveTab( ctx: TabContext ): JQuery {
	const state = ctx.view.loaded.state;
	const me = ctx.view.viewer.name;
	// Only the mentees whose own profiles name this mentor.
	const mine = ( menteesByMentor( state )[ me ] || [] ).slice().sort();
	const choices = handoverChoices( ctx );
	const $box = $( '<div>' ).addClass( 'mg-leave' );
	$box.append( heading( msg( 'mentorship-leave-mentor-heading' ) ), $( '<p>' ).text( msg( 'mentorship-leave-mentor-explanation', mine.length ) ) );
	const pickers: { mentee: string; widget: OO.ui.DropdownInputWidget }[] = [];
	// No mentor is chosen for anyone in advance: the leaving mentor knows their mentees and
	// picks for each (a pre-selected name was handed every mentee unseen). Until then each
	// goes back to the program, where they choose again: nobody is paired without a choice.
	for ( const mentee of mine ) {
		const widget = new OO.ui.DropdownInputWidget( {
			options: [ { data: '', label: msg( 'mentorship-leave-back-to-program' ) } ].concat( choices.map( ( c ) => ( { data: c.name, label: msg( 'mentorship-leave-to-mentor', c.name, c.free ) } ) ) ),
			value: '',
			dropdown: withOverlay( {} ),
		} );
		nameDropdown( widget, mentee );
		pickers.push( { mentee, widget } );
		$box.append( new OO.ui.FieldLayout( widget, { label: mentee, align: 'left' } ).$element );
	}
	const progress = new OO.ui.ProgressBarWidget( { progress: 0 } );
	progress.toggle( false );
	const $progress = statusLine();
	const errors = new ErrorArea();
	const button = new OO.ui.ButtonWidget( { label: msg( 'mentorship-leave-mentor-button' ), flags: [ 'destructive', 'primary' ] } );
	button.on( 'click', () => {
		const plan: Handover[] = pickers.map( ( p ) => ( { mentee: p.mentee, to: p.widget.getValue() || null } ) );
		const config = state.config;
		void confirmNotice( {
			env: ctx.env,
			title: msg( 'mentorship-leave-mentor-heading' ),
			explanation: msg( 'mentorship-leave-mentor-confirm', plan.length ),
			confirm: msg( 'mentorship-leave-mentor-button' ),
			noteLabel: msg( 'mentorship-leave-note' ),
			preview: ( note ) => plan.length ? buildNotice( {
				kind: plan[ 0 ]!.to ? 'handover' : 'handover-none', id: 'preview', programId: ctx.id, programName: config.name,
				from: me, to: plan[ 0 ]!.mentee, about: plan[ 0 ]!.to || undefined, note: note,
			}, ctx.env.content ) : null,
			run: ( note ) => {
				progress.toggle( true );
				return handOverAndLeave( ctx.actor(), ctx.id, config, plan, note, ( p ) => {
					progress.setProgress( Math.round( 100 * p.done / p.total ) );
					$progress.text( p.error ? msg( 'mentorship-leave-failed-one', p.mentee || '', errorText( p.error ) ) : msg( 'mentorship-leave-progress', p.done, p.total ) );
				} ).then( ( result ) => {
					if ( result.failed.length ) {
						throw result.failed[ 0 ]!.error;
					}
				} );
			},
		}, button.$element[ 0 ] ).then( ( done ) => {
			if ( done ) {
				ctx.setStatus( msg( 'mentorship-leave-mentor-done' ) );
				ctx.reload();
			}
		}, ( e: unknown ) => errors.show( e ) );
	} );
	$box.append( errors.$element, progress.$element, $progress, button.$element );
	if ( ctx.view.viewer.entry && ctx.view.viewer.membership ) {
		$box.append( $( '<p>' ).addClass( 'mg-muted' ).append(
			$( '<span>' ).text( msg( 'mentorship-leave-profile-page' ) + ' ' ),
			pageLink( 'User:' + me + '/mentorship.json' ),
		) );
	}
	return $box;
}
