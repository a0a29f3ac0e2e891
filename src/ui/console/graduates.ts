/**
 * Mentees become mentors, in the console (issue 18): the coordinator's Graduate button on a
 * mentee's row (the dialog is its own module, loaded on the first click), the graduates'
 * card (graduates, those who became mentors, the median time it took) and a co-mentor's mark.
 */

import { DashboardSummary, MemberRow } from '../../core/dashboard';
import { isoDate } from '../../core/dates';
import { graduationDue } from '../../core/graduation-rules';
import { activeMembership } from '../../core/program';
import { graduateLazily } from '../graduation/load';
import { formatNumber, msg } from '../i18n';
import { ConsoleContext } from './context';

/** The Graduate button of a current mentee who may graduate and has not yet (a trusted graduation counts). */
export function consoleGraduateButton( ctx: ConsoleContext, row: MemberRow ): JQuery {
	const state = ctx.data.loaded.state;
	const membership = activeMembership( state.profiles[ row.name ], state.id );
	if ( row.role !== 'mentee' || row.status === 'left' || row.status === 'unconfirmed' || !membership ||
		row.recorded.some( ( m ) => m.type === 'graduated' ) ) {
		return $( [] );
	}
	const due = graduationDue( state.config, membership, row.editcount || 0, isoDate( ctx.env.clock.now() ) );
	if ( !due.due ) {
		return $( [] );
	}
	const account = ctx.data.loaded.users[ row.name ];
	const button = new OO.ui.ButtonWidget( { label: msg( 'mentorship-graduation-graduate' ), flags: [ 'progressive' ], framed: false, classes: [ 'mg-graduate' ] } );
	button.$button.attr( 'aria-label', msg( 'mentorship-graduation-graduate-who', row.name ) );
	button.on( 'click', () => {
		void graduateLazily( {
			env: ctx.env, actor: ctx.actor, programId: ctx.id, programName: state.config.name, mentee: row.name,
			mentor: row.mentor, due: due, gender: account ? account.gender : 'unknown',
		}, button.$button[ 0 ] as HTMLElement ).then( ( done ) => {
			if ( done ) {
				ctx.setStatus( msg( 'mentorship-graduation-done', row.name ) );
				ctx.refresh();
			}
		} );
	} );
	return button.$element;
}

/** The graduates' card's lines. */
export function graduatesLines( summary: DashboardSummary ): JQuery {
	const g = summary.graduates;
	return $( '<div>' ).addClass( 'mg-graduates' ).append(
		$( '<p>' ).text( msg( 'mentorship-console-graduates', g.graduates.length, g.mentors.length ) ),
		g.medianDays === null ? $( [] ) : $( '<p>' ).text( msg( 'mentorship-console-graduates-median', formatNumber( g.medianDays ) ) ),
	);
}

/** " (co-mentor beside X)" after a mentor's load, or nothing. */
export function coMentorText( row: MemberRow ): string {
	return row.coMentorOf ? ' ' + msg( 'mentorship-console-comentor', row.coMentorOf ) : '';
}
