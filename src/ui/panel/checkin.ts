/**
 * The end-of-term check-in, in a member's own tab of the panel: when their term is ending
 * or over, how satisfied they are (1 to 5) and one line of comment, saved in their own
 * profile; the coordinator sees a summary on the dashboard.
 */

import { checkinOpen, latestCheckin, makeCheckin, termOf } from '../../core/checkins';
import { LIMITS } from '../../core/format';
import { saveCheckin } from '../../wiki/program-settings';
import { isoDate, isoSeconds } from '../../core/dates';
import { formatDate } from '../env';
import { ErrorArea } from '../errors';
import { msg } from '../i18n';
import { jq } from '../windows';
import { RadioGroup } from '../radio-group';
import { heading } from '../widgets';
import { TabContext } from './context';

/** The answers, 1 to 5 (message keys in full, for the i18n check). */
const SCALE = [
	'mentorship-console-checkin-scale-1',
	'mentorship-console-checkin-scale-2',
	'mentorship-console-checkin-scale-3',
	'mentorship-console-checkin-scale-4',
	'mentorship-console-checkin-scale-5',
];

/** The check-in section, or nothing while the member's term is running. */
export function checkinSection( ctx: TabContext ): JQuery {
	const membership = ctx.view.viewer.membership;
	const config = ctx.view.loaded.state.config;
	const today = isoDate( ctx.env.clock.now() );
	const term = termOf( config, membership, today );
	if ( !membership || !checkinOpen( term ) || !term ) {
		return $( [] );
	}
	const latest = latestCheckin( membership );
	const $box = $( '<section>' ).addClass( 'mg-checkin' ).append(
		heading( msg( 'mentorship-console-checkin-heading' ) ),
		$( '<p>' ).text( term.state === 'over' ?
			msg( 'mentorship-console-checkin-over', formatDate( term.end ), config.name ) :
			msg( 'mentorship-console-checkin-ending', formatDate( term.end ), term.daysLeft, config.name ) ),
	);
	if ( latest && latest.time >= term.start ) {
		$box.append( $( '<p>' ).addClass( 'mg-checkin-answered' ).text( msg( 'mentorship-console-checkin-answered', formatDate( latest.time ), latest.satisfaction, latest.comment ) ) );
	}
	const satisfaction = new RadioGroup( msg( 'mentorship-console-checkin-satisfaction' ),
		SCALE.map( ( key, i ) => ( { data: String( i + 1 ), label: msg( key ) } ) ),
		latest ? String( latest.satisfaction ) : '' );
	const comment = new OO.ui.TextInputWidget( { maxLength: LIMITS.comment, value: '', placeholder: msg( 'mentorship-console-checkin-comment-placeholder' ) } );
	const errors = new ErrorArea();
	const save = new OO.ui.ButtonInputWidget( {
		label: msg( latest && latest.time >= term.start ? 'mentorship-console-checkin-update' : 'mentorship-console-checkin-send' ),
		flags: [ 'primary', 'progressive' ], type: 'submit',
	} );
	const form = new OO.ui.FormLayout();
	form.on( 'submit', () => {
		errors.clear();
		const value = Number( satisfaction.getValue() );
		if ( !( value >= 1 && value <= 5 ) ) {
			errors.showText( msg( 'mentorship-console-checkin-needed' ) );
			return;
		}
		save.setDisabled( true );
		const checkin = makeCheckin( isoSeconds( ctx.env.clock.now() ), value, comment.getValue() );
		void jq( saveCheckin( ctx.actor(), ctx.id, checkin ) ).then( () => {
			ctx.setStatus( msg( 'mentorship-console-checkin-thanks' ) );
			ctx.reload();
		}, ( e: unknown ) => {
			save.setDisabled( false );
			errors.show( e );
		} );
	} );
	form.$element.append(
		satisfaction.$element,
		new OO.ui.FieldLayout( comment, { label: msg( 'mentorship-console-checkin-comment' ), align: 'top', help: msg( 'mentorship-console-checkin-comment-help' ), helpInline: true } ).$element,
		errors.$element,
		new OO.ui.FieldLayout( save, { align: 'top' } ).$element,
	);
	return $box.append( form.$element );
}
