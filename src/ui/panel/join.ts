/**
 * Joining a program, as a mentee or as a mentor: topics from the program's list,
 * languages, goals or an introduction in one's own words, and an explicit consent that
 * this is public on the wiki. Writes the user's own profile, then the roster.
 */

import { LIMITS, Membership } from '../../core/format';
import { JOIN_AS_MENTOR } from '../../core/graduation-rules';
import { DEFAULT_CAPACITY } from '../../core/program';
import { join, saveProfile } from '../../wiki/membership';
import { ErrorArea } from '../errors';
import { msg } from '../i18n';
import { languageName } from '../lists';
import { jq } from '../windows';
import { RadioGroup } from '../radio-group';
import { CountedText, heading, submittedFromDateBox, tagInput, tagValues } from '../widgets';
import { TabContext } from './context';

const LANGUAGE_CODE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;

/** Topic and language pickers for a program, shared by the join form and the profile forms. */
export function interestFields( ctx: TabContext, selectedTopics: string[], selectedLanguages: string[] ): {
	topics: OO.ui.MenuTagMultiselectWidget;
	languages: OO.ui.MenuTagMultiselectWidget;
	$element: JQuery;
} {
	const config = ctx.view.loaded.state.config;
	const topics = tagInput( config.topics.map( ( t ) => ( { data: t, label: t } ) ), selectedTopics.filter( ( t ) => config.topics.indexOf( t ) !== -1 ), {
		placeholder: msg( 'mentorship-join-topics-placeholder' ),
	} );
	const known = config.languages.slice();
	const userLanguage = ctx.env.userLanguage;
	if ( known.indexOf( userLanguage ) === -1 ) {
		known.push( userLanguage );
	}
	for ( const l of selectedLanguages ) {
		if ( known.indexOf( l ) === -1 ) {
			known.push( l );
		}
	}
	const languages = tagInput( known.map( ( l ) => ( { data: l, label: languageName( l ) } ) ),
		selectedLanguages.length ? selectedLanguages : [ userLanguage ], {
			placeholder: msg( 'mentorship-join-languages-placeholder' ),
			free: true,
			validate: LANGUAGE_CODE,
			labelOf: languageName,
		} );
	const $element = $( '<div>' ).append(
		new OO.ui.FieldLayout( topics, { label: msg( 'mentorship-join-topics' ), align: 'top', help: msg( 'mentorship-join-topics-help' ), helpInline: true } ).$element,
		new OO.ui.FieldLayout( languages, { label: msg( 'mentorship-join-languages' ), align: 'top', help: msg( 'mentorship-join-languages-help' ), helpInline: true } ).$element,
	);
	return { topics, languages, $element };
}

/** What the user told another program already, to start from. */
function earlier( ctx: TabContext ): Membership | null {
	const profile = ctx.view.loaded.state.profiles[ ctx.view.viewer.name ];
	if ( !profile ) {
		return null;
	}
	const ids = Object.keys( profile.programs );
	return ids.length ? profile.programs[ ids[ ids.length - 1 ] as string ] || null : null;
}

/**
 * The join form. Opened from the invitation to mentor (the panel's `as=mentor`), it starts
 * as a mentor, with what the viewer's mentee profile says (topics, languages); a mentee with
 * a confirmed mentor may co-mentor beside them first (coMentor, no places of their own), and
 * their profile keeps that mentor as `formerMentor`.
 */
export function joinForm( ctx: TabContext ): JQuery {
	const before = ctx.view.viewer.membership || earlier( ctx );
	const invited = mw.util.getParamValue( 'as' ) === JOIN_AS_MENTOR;
	const former = ctx.view.viewer.role === 'mentee' ? ctx.view.viewer.mentor : null;
	const role = new RadioGroup( msg( 'mentorship-join-role' ), [
		{ data: 'mentee', label: msg( 'mentorship-join-as-mentee' ) },
		{ data: 'mentor', label: msg( 'mentorship-join-as-mentor' ) },
	], invited || ( before && before.role === 'mentor' ) ? 'mentor' : 'mentee' );
	const interests = interestFields( ctx, before ? before.topics : [], before ? before.languages : [] );
	const goals = new CountedText( {
		label: msg( 'mentorship-join-goals' ),
		help: msg( 'mentorship-join-goals-help' ),
		max: LIMITS.goals,
		value: before && before.goals ? before.goals : '',
	} );
	const intro = new CountedText( {
		label: msg( 'mentorship-join-intro' ),
		help: msg( 'mentorship-join-intro-help' ),
		max: LIMITS.intro,
		value: before && before.intro ? before.intro : '',
	} );
	const capacity = new OO.ui.NumberInputWidget( {
		min: 0, max: LIMITS.capacity, step: 1, isInteger: true,
		value: String( before && before.capacity !== undefined ? before.capacity : DEFAULT_CAPACITY ),
	} );
	const capacityField = new OO.ui.FieldLayout( capacity as unknown as OO.ui.Widget, { label: msg( 'mentorship-join-capacity' ), align: 'top', help: msg( 'mentorship-join-capacity-help' ), helpInline: true } );
	const coMentor = new OO.ui.CheckboxInputWidget( { selected: false } );
	const coMentorField = new OO.ui.FieldLayout( coMentor, {
		label: msg( 'mentorship-join-comentor', former || '' ), align: 'inline', help: msg( 'mentorship-join-comentor-help' ), helpInline: true,
	} );
	const consent = new OO.ui.CheckboxInputWidget( { required: true } );
	const consentField = new OO.ui.FieldLayout( consent, {
		label: msg( 'mentorship-join-consent', 'User:' + ctx.view.viewer.name + '/mentorship.json' ),
		align: 'inline',
	} );
	const button = new OO.ui.ButtonInputWidget( { label: msg( 'mentorship-join-submit' ), flags: [ 'primary', 'progressive' ], type: 'submit' } );
	const errors = new ErrorArea();
	const toggle = (): void => {
		const mentor = role.getValue() === 'mentor';
		goals.$element.toggle( !mentor );
		intro.$element.toggle( mentor );
		capacityField.toggle( mentor && !coMentor.isSelected() );
		coMentorField.toggle( mentor && !!former );
	};
	role.onChange( toggle );
	coMentor.on( 'change', toggle );
	toggle();

	const submit = (): void => {
		errors.clear();
		if ( !consent.isSelected() ) {
			errors.showText( msg( 'mentorship-join-consent-needed' ) );
			consent.focus();
			return;
		}
		const asMentor = role.getValue() === 'mentor';
		const membership: Membership = {
			role: asMentor ? 'mentor' : 'mentee',
			joined: ctx.actor().ctx.now,
			topics: tagValues( interests.topics ),
			languages: tagValues( interests.languages ),
		};
		if ( asMentor ) {
			membership.capacity = Math.max( 0, Math.min( LIMITS.capacity, Math.round( Number( capacity.getValue() ) || 0 ) ) );
			membership.status = 'active';
			if ( intro.getValue().trim() ) {
				membership.intro = intro.getValue().trim();
			}
			if ( former ) {
				membership.formerMentor = former;
				if ( coMentor.isSelected() ) {
					membership.coMentor = former;
					membership.capacity = 0;
				}
			}
		} else if ( goals.getValue().trim() ) {
			membership.goals = goals.getValue().trim();
		}
		button.setDisabled( true );
		ctx.setStatus( msg( 'mentorship-join-saving' ) );
		void jq( join( ctx.actor(), ctx.id, ctx.view.loaded.state.config, membership ) ).then( () => {
			ctx.setStatus( msg( 'mentorship-join-done', ctx.view.loaded.state.config.name ) );
			ctx.reload( asMentor ? 'mentees' : 'mentor' );
		}, ( e: unknown ) => {
			ctx.setStatus( '' );
			button.setDisabled( false );
			errors.show( e );
		} );
	};
	const form = new OO.ui.FormLayout( { classes: [ 'mg-join' ] } );
	form.on( 'submit', submit );
	form.$element.append(
		$( '<p>' ).text( msg( 'mentorship-join-intro-text' ) ),
		role.$element,
		interests.$element,
		goals.$element,
		intro.$element,
		capacityField.$element,
		coMentorField.$element,
		consentField.$element,
		errors.$element,
		new OO.ui.FieldLayout( button, { align: 'top' } ).$element,
	);
	return form.$element;
}

/**
 * A profile form: the fields, a Save button, and on submit the member's own profile
 * updated with `patch()`, the page reloaded on the same tab, and failures shown in place.
 */
export function profileForm( ctx: TabContext, fields: JQuery[], patch: () => Partial<Membership> ): JQuery {
	const errors = new ErrorArea();
	const save = new OO.ui.ButtonInputWidget( { label: msg( 'mentorship-profile-save' ), flags: [ 'primary', 'progressive' ], type: 'submit' } );
	const form = new OO.ui.FormLayout( { classes: [ 'mg-profile' ] } );
	form.on( 'submit', () => {
		if ( submittedFromDateBox() ) {
			return;
		}
		errors.clear();
		save.setDisabled( true );
		void jq( saveProfile( ctx.actor(), ctx.id, patch() ) ).then( () => {
			save.setDisabled( false );
			ctx.setStatus( msg( 'mentorship-profile-saved' ) );
			ctx.reload( 'profile' );
		}, ( e: unknown ) => {
			save.setDisabled( false );
			errors.show( e );
		} );
	} );
	form.$element.append( heading( msg( 'mentorship-profile-heading' ) ), ...fields, errors.$element,
		new OO.ui.FieldLayout( save, { align: 'top' } ).$element );
	return form.$element;
}
