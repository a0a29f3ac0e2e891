/**
 * Mentees become mentors, in the panel (issue 18): the mentor's Graduate button for each
 * mentee whose term ended or who met the program's thresholds (the dialog is its own module,
 * loaded on the first click), and the co-mentors beside a mentor.
 */

import { isoDate } from '../../core/dates';
import { coMentorsOf, graduationDue } from '../../core/graduation-rules';
import { MenteeRow, MentorView } from '../../wiki/membership';
import { graduateLazily } from '../graduation/load';
import { msg } from '../i18n';
import { userLink } from '../widgets';
import { TabContext } from './context';

/** Whether the viewer already recorded `mentee`'s graduation in their own profile. */
function graduatedBy( view: MentorView, mentee: string ): boolean {
	const profile = view.loaded.state.profiles[ view.viewer.name ];
	const list = profile && profile.recorded && Object.prototype.hasOwnProperty.call( profile.recorded, view.loaded.state.id ) ? profile.recorded[ view.loaded.state.id ] || [] : [];
	return list.some( ( r ) => r.member === mentee && r.type === 'graduated' );
}

/** The mentee's Graduate button (when they may graduate), or the word Graduated. */
export function graduateCell( ctx: TabContext, view: MentorView, row: MenteeRow ): JQuery {
	if ( graduatedBy( view, row.name ) ) {
		return $( '<span>' ).addClass( 'mg-graduated' ).text( msg( 'mentorship-graduation-graduated' ) );
	}
	const config = view.loaded.state.config;
	if ( !row.membership ) {
		return $( [] );
	}
	const due = graduationDue( config, row.membership, ( row.user && row.user.editcount ) || 0, isoDate( ctx.env.clock.now() ) );
	if ( !due.due ) {
		return $( [] );
	}
	const button = new OO.ui.ButtonWidget( { label: msg( 'mentorship-graduation-graduate' ), flags: [ 'progressive' ], framed: false, classes: [ 'mg-graduate' ] } );
	button.$button.attr( 'aria-label', msg( 'mentorship-graduation-graduate-who', row.name ) );
	button.on( 'click', () => {
		void graduateLazily( {
			env: ctx.env, actor: ctx.actor, programId: ctx.id, programName: config.name, mentee: row.name,
			mentor: view.viewer.name, due: due, gender: row.user ? row.user.gender : 'unknown',
		}, button.$button[ 0 ] as HTMLElement ).then( ( done ) => {
			if ( done ) {
				button.setDisabled( true ).setLabel( msg( 'mentorship-graduation-graduated' ) );
				button.$button.removeAttr( 'aria-label' );
			}
		} );
	} );
	return button.$element;
}

/** "Co-mentoring beside you: …" for a mentor with confirmed co-mentors (among the mentors read). */
export function coMentorsLine( ctx: TabContext ): JQuery {
	const names = coMentorsOf( ctx.view.loaded.state, ctx.view.viewer.name );
	if ( !names.length ) {
		return $( [] );
	}
	const $line = $( '<p>' ).addClass( 'mg-co-mentors' ).append( $( '<span>' ).text( msg( 'mentorship-comentor-beside-you', names.length ) + ' ' ) );
	names.forEach( ( n, i ) => {
		$line.append( i ? ', ' : '', userLink( n ) );
	} );
	return $line;
}
