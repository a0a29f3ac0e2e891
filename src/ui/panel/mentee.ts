/**
 * The mentee's tabs: "Your mentor" / "Find a mentor" (the mentor, and the mentors ranked
 * by fit with the reasons shown, each with Choose), "Your profile" and "Leave".
 */

import { buildNotice } from '../../core/notices';
import { LIMITS, Membership } from '../../core/format';
import { activeMembership, availability, unansweredDays } from '../../core/program';
import { Fit, suggestMentors } from '../../core/matching';
import { isoDate } from '../../core/dates';
import { chooseMentor, leaveAsMentee } from '../../wiki/membership';
import { formatDate } from '../env';
import { ErrorArea } from '../errors';
import { msg } from '../i18n';
import { languageName, listText, reasonText } from '../lists';
import { confirmNotice } from '../notice-dialog';
import { CountedText, heading, paragraphs, statusLine, tagValues, userLink } from '../widgets';
import { checkinSection } from './checkin';
import { ownQuestions } from './own-questions';
import { interestFields, profileForm } from './join';
import { TabContext } from './context';

function today( ctx: TabContext ): string {
	return isoDate( ctx.env.clock.now() );
}

/** The reasons of a suggestion, as a list a screen reader reads in order. */
function reasons( suggestion: Fit ): JQuery {
	const $list = $( '<ul>' ).addClass( 'mg-reasons' );
	for ( const reason of suggestion.reasons ) {
		$list.append( $( '<li>' ).text( reasonText( reason ) ) );
	}
	return $list;
}

/** The program's mentors for the viewer, best fit first, the unavailable ones last. */
function suggestionsFor( ctx: TabContext ): Fit[] {
	const membership = ctx.view.viewer.membership;
	const state = ctx.view.loaded.state;
	const me = ctx.view.viewer.name;
	// A mentor who released the viewer is not offered again.
	return membership ? suggestMentors( state, membership, ctx.view.loaded.activity, today( ctx ) ).filter( ( s ) => {
		const m = activeMembership( state.profiles[ s.mentor ], ctx.id );
		// Nor a co-mentor (a graduate beside their former mentor, with no mentees of their own).
		return !( m && ( m.coMentor || ( m.released && m.released.indexOf( me ) !== -1 ) ) );
	} ) : [];
}

function mentorCard( ctx: TabContext, suggestion: Fit, onChoose: ( ( trigger: HTMLElement ) => void ) | null ): JQuery {
	const membership = activeMembership( ctx.view.loaded.state.profiles[ suggestion.mentor ], ctx.id );
	const $card = $( '<li>' ).addClass( 'mg-mentor-card' ).append(
		$( '<h4>' ).append( userLink( suggestion.mentor ) ),
		reasons( suggestion ),
	);
	if ( membership && membership.intro ) {
		$card.append( paragraphs( membership.intro, 'mg-intro' ) );
	}
	// Every language the mentor speaks, unless a reason named them all already.
	const named: string[] = [];
	for ( const r of suggestion.reasons ) {
		if ( r.key === 'mentorship-reason-languages' && Array.isArray( r.params[ 1 ] ) ) {
			named.push( ...( r.params[ 1 ] as string[] ) );
		}
	}
	if ( membership && membership.languages.some( ( code ) => named.indexOf( code ) === -1 ) ) {
		$card.append( $( '<p>' ).addClass( 'mg-muted' ).text( msg( 'mentorship-card-languages', listText( membership.languages.map( languageName ) ) ) ) );
	}
	if ( onChoose ) {
		const choose = new OO.ui.ButtonWidget( { label: msg( 'mentorship-choose' ), flags: [ 'progressive' ] } );
		choose.$button.attr( 'aria-label', msg( 'mentorship-choose-who', suggestion.mentor ) );
		choose.on( 'click', () => onChoose( choose.$button[ 0 ] as HTMLElement ) );
		$card.append( choose.$element );
	}
	return $card;
}

function choose( ctx: TabContext, mentor: string, trigger: HTMLElement ): void {
	const config = ctx.view.loaded.state.config;
	const me = ctx.view.viewer.name;
	const goals = ctx.view.viewer.membership && ctx.view.viewer.membership.goals;
	void confirmNotice( {
		env: ctx.env,
		title: msg( 'mentorship-choose-title', mentor ),
		explanation: msg( ctx.view.viewer.mentor ? 'mentorship-choose-change-explanation' : 'mentorship-choose-explanation', mentor, ctx.view.viewer.mentor || '' ),
		confirm: msg( 'mentorship-choose-confirm' ),
		noteLabel: msg( 'mentorship-choose-intro-label' ),
		initialNote: goals || '',
		optionalPost: msg( 'mentorship-choose-intro-post', mentor ),
		preview: ( note ) => buildNotice( {
			kind: 'intro', id: 'preview', programId: ctx.id, programName: config.name, from: me, to: mentor, about: me, note: note,
		}, ctx.env.content ),
		run: ( note, post ) => chooseMentor( ctx.actor(), ctx.id, config, mentor, post ? note : null ).then( () => undefined ),
	}, trigger ).then( ( done ) => {
		if ( done ) {
			ctx.setStatus( msg( 'mentorship-choose-done', mentor ) );
			ctx.reload( 'mentor' );
		}
	} );
}

/**
 * A mentor proposed to the viewer (by the coordinators' matching or a leaving mentor's
 * handover): it changes nothing until the viewer accepts, in one click.
 */
function proposalBox( ctx: TabContext ): JQuery {
	const proposal = ctx.view.viewer.proposal;
	if ( !proposal ) {
		return $( [] );
	}
	const config = ctx.view.loaded.state.config;
	const errors = new ErrorArea();
	const accept = new OO.ui.ButtonWidget( { label: msg( 'mentorship-proposal-accept' ), flags: [ 'progressive', 'primary' ] } );
	accept.$button.attr( 'aria-label', msg( 'mentorship-proposal-accept-who', proposal.mentor ) );
	accept.on( 'click', () => {
		accept.setDisabled( true );
		chooseMentor( ctx.actor(), ctx.id, config, proposal.mentor, null ).then( () => {
			ctx.setStatus( msg( 'mentorship-choose-done', proposal.mentor ) );
			ctx.reload( 'mentor' );
		}, ( e: unknown ) => {
			accept.setDisabled( false );
			errors.show( e );
		} );
	} );
	return $( '<div>' ).addClass( 'mg-proposal' ).append(
		$( '<p>' ).append(
			document.createTextNode( msg( 'mentorship-proposal-text', proposal.by, proposal.mentor ) + ' ' ),
			userLink( proposal.mentor ),
		),
		$( '<p>' ).addClass( 'mg-muted' ).text( msg( ctx.view.viewer.mentor ? 'mentorship-proposal-keep' : 'mentorship-proposal-none', ctx.view.viewer.mentor || '' ) ),
		errors.$element,
		accept.$element,
	);
}

/** Offers to turn on "Ask my mentor" when the mentee has not. */
function askGadgetOffer( ctx: TabContext ): JQuery {
	if ( mw.user.options.get( 'gadget-mentorship-ask' ) === '1' || mw.user.options.get( 'gadget-mentorship-ask' ) === 1 ) {
		return $( [] );
	}
	const button = new OO.ui.ButtonWidget( { label: msg( 'mentorship-enable-ask' ), icon: 'check' } );
	const $status = statusLine();
	button.on( 'click', () => {
		button.setDisabled( true );
		ctx.env.client.setOption( 'gadget-mentorship-ask', '1' ).then( () => {
			mw.user.options.set( 'gadget-mentorship-ask', '1' );
			$status.text( msg( 'mentorship-enable-ask-done' ) );
			button.toggle( false );
		}, () => {
			button.setDisabled( false );
			$status.text( msg( 'mentorship-enable-ask-failed' ) );
		} );
	} );
	return $( '<div>' ).addClass( 'mg-enable-ask' ).append( $( '<p>' ).text( msg( 'mentorship-enable-ask-explanation' ) ), button.$element, $status );
}

export function mentorTab( ctx: TabContext ): JQuery {
	const state = ctx.view.loaded.state;
	const viewer = ctx.view.viewer;
	const $box = $( '<div>' ).addClass( 'mg-mentee' ).append( checkinSection( ctx ), proposalBox( ctx ) );
	const suggestions = suggestionsFor( ctx );
	if ( viewer.mentor ) {
		const mine = suggestions.find( ( s ) => s.mentor === viewer.mentor );
		const membership = activeMembership( state.profiles[ viewer.mentor ], ctx.id );
		const state2 = availability( membership, today( ctx ) );
		$box.append( heading( msg( 'mentorship-your-mentor' ) ) );
		if ( state2.state === 'away' ) {
			$box.append( new OO.ui.MessageWidget( {
				type: 'warning',
				label: state2.until ? msg( 'mentorship-ask-mentor-away-until', viewer.mentor, formatDate( state2.until ) ) : msg( 'mentorship-ask-mentor-away', viewer.mentor ),
			} ).$element );
		}
		if ( mine ) {
			// The mentee counts in their own mentor's load: "Full" is no news to them.
			const own: Fit = { ...mine, reasons: mine.reasons.filter( ( r ) => r.key !== 'mentorship-reason-full' ) };
			$box.append( $( '<ul>' ).addClass( 'mg-mentor-cards' ).append( mentorCard( ctx, own, null ) ) );
		}
		$box.append( ownQuestions( { env: ctx.env, programId: ctx.id, me: viewer.name, membership: viewer.membership, mentor: viewer.mentor, limitDays: unansweredDays( state.config ) } ) );
		$box.append( askGadgetOffer( ctx ) );
		$box.append( heading( msg( 'mentorship-change-mentor' ) ), $( '<p>' ).text( msg( 'mentorship-change-mentor-explanation' ) ) );
	} else {
		$box.append( heading( msg( 'mentorship-suggestions' ) ), $( '<p>' ).text( msg( 'mentorship-suggestions-explanation' ) ) );
	}
	const available = suggestions.filter( ( s ) => s.eligible && s.mentor !== viewer.mentor );
	const unavailable = suggestions.filter( ( s ) => !s.eligible && s.mentor !== viewer.mentor );
	if ( !available.length ) {
		$box.append( $( '<p>' ).text( msg( 'mentorship-suggestions-none' ) ) );
	}
	const $list = $( '<ol>' ).addClass( 'mg-mentor-cards' );
	for ( const s of available ) {
		$list.append( mentorCard( ctx, s, ( trigger ) => choose( ctx, s.mentor, trigger ) ) );
	}
	$box.append( $list );
	if ( unavailable.length ) {
		const $more = $( '<ul>' ).addClass( 'mg-mentor-cards mentorship-unavailable' );
		for ( const s of unavailable ) {
			$more.append( mentorCard( ctx, s, null ) );
		}
		$box.append( $( '<details>' ).append( $( '<summary>' ).text( msg( 'mentorship-suggestions-unavailable', unavailable.length ) ), $more ) );
	}
	if ( ctx.view.mentorsListed > ctx.view.mentorsShown ) {
		// Mentors are read a page at a time: the next page only when asked for.
		const more = new OO.ui.ButtonWidget( { label: msg( 'mentorship-suggestions-more', ctx.view.mentorsListed - ctx.view.mentorsShown ) } );
		more.on( 'click', () => ctx.moreMentors() );
		$box.append( $( '<p>' ).append( more.$element ) );
	}
	if ( !viewer.mentor ) {
		$box.append( askGadgetOffer( ctx ) );
	}
	return $box;
}

export function menteeProfileTab( ctx: TabContext ): JQuery {
	const membership = ctx.view.viewer.membership as Membership;
	const interests = interestFields( ctx, membership.topics, membership.languages );
	const goals = new CountedText( { label: msg( 'mentorship-join-goals' ), help: msg( 'mentorship-join-goals-help' ), max: LIMITS.goals, value: membership.goals || '' } );
	const hide = new OO.ui.CheckboxInputWidget( { selected: !!membership.hidePraise } );
	return profileForm( ctx, [ interests.$element, goals.$element, new OO.ui.FieldLayout( hide, { label: msg( 'mentorship-praise-hide' ), align: 'inline' } ).$element ], () => ( {
		topics: tagValues( interests.topics ),
		languages: tagValues( interests.languages ),
		goals: goals.getValue().trim() || undefined,
		hidePraise: hide.isSelected() || undefined,
	} ) );
}

export function menteeLeaveTab( ctx: TabContext ): JQuery {
	const config = ctx.view.loaded.state.config;
	const mentor = ctx.view.viewer.mentor;
	const me = ctx.view.viewer.name;
	const errors = new ErrorArea();
	const button = new OO.ui.ButtonWidget( { label: msg( 'mentorship-leave-button' ), flags: [ 'destructive' ] } );
	button.on( 'click', () => {
		void confirmNotice( {
			env: ctx.env,
			title: msg( 'mentorship-leave-heading' ),
			explanation: mentor ? msg( 'mentorship-leave-mentee-explanation', mentor ) : msg( 'mentorship-leave-mentee-explanation-nomentor' ),
			confirm: msg( 'mentorship-leave-button' ),
			withNote: !!mentor,
			noteLabel: msg( 'mentorship-leave-note' ),
			preview: ( note ) => mentor ? buildNotice( {
				kind: 'mentee-left', id: 'preview', programId: ctx.id, programName: config.name, from: me, to: mentor, about: me, note: note,
			}, ctx.env.content ) : null,
			run: ( note ) => leaveAsMentee( ctx.actor(), ctx.id, config, mentor, note ),
		}, button.$element[ 0 ] ).then( ( done ) => {
			if ( done ) {
				ctx.setStatus( msg( 'mentorship-leave-done', config.name ) );
				ctx.reload();
			}
		}, ( e: unknown ) => errors.show( e ) );
	} );
	return $( '<div>' ).addClass( 'mg-leave' ).append(
		heading( msg( 'mentorship-leave-heading' ) ),
		$( '<p>' ).text( msg( 'mentorship-leave-mentee-text' ) ),
		errors.$element,
		button.$element,
	);
}
