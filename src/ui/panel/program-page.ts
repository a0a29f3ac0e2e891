/**
 * One program in the panel: its name and description, who the viewer is in it, and tabs
 * for what their role can do (join; your mentor and suggestions; your mentees; your
 * profile; leave; the coordinator console).
 */

import { PANEL_GADGET, PANEL_PAGE } from '../../lib/contract';
import { ConfigTrust, dropSetAside, loadProgram, repairOwnIndex } from '../../wiki/programs';
import { isoDate } from '../../core/dates';
import { configTitle } from '../../core/titles';
import { ProgramConfig } from '../../core/format';
import { loadProgramView, MENTOR_PAGE, ProgramView } from '../../wiki/membership';
import { encodeMentorCache, MentorCache } from '../../core/program';
import { mentorsWithRoom } from '../../core/roster';
import { coMentorOf, graduatedByMentor } from '../../core/graduation-rules';
import { Env, formatDate } from '../env';
import { writeContext } from '../writers';
import { errorText } from '../errors';
import { msg } from '../i18n';
import { paragraphs, userLink } from '../widgets';
import { consoleTab } from '../console/load';
import { joinForm } from './join';
import { mentorTab, menteeProfileTab, menteeLeaveTab } from './mentee';
import { TabContext } from './context';
import { menteesTab, mentorLeaveTab, mentorProfileTab } from './mentor';

export interface PageHooks {
	embedded: boolean;
	onBack: ( () => void ) | null;
	onView: ( view: string ) => void;
	setStatus: ( text: string ) => void;
}

export class ProgramPage {
	public readonly $element: JQuery;
	private readonly env: Env;
	private readonly id: string;
	private readonly hooks: PageHooks;
	private current: string | undefined;
	/** After the first load, reloads keep the status line (it says what was just done). */
	private loaded = false;
	/** How many of the program's mentors are read and shown (a page at a time). */
	private mentorLimit = MENTOR_PAGE;

	public constructor( env: Env, id: string, hooks: PageHooks ) {
		this.env = env;
		this.id = id;
		this.hooks = hooks;
		this.$element = $( '<div>' ).addClass( 'mg-program' );
	}

	public load( tab?: string ): void {
		const env = this.env;
		if ( !env.user ) {
			this.loadForReader();
			return;
		}
		this.$element.attr( 'aria-busy', 'true' );
		loadProgramView( env.client, this.id, env.user, env.clock.now(), { mentors: this.mentorLimit } ).then( ( view ) => {
			this.$element.removeAttr( 'aria-busy' );
			if ( !this.loaded ) {
				this.hooks.setStatus( '' );
			}
			this.loaded = true;
			this.render( view, tab || this.current );
		}, ( e: unknown ) => {
			this.$element.removeAttr( 'aria-busy' );
			this.hooks.setStatus( '' );
			this.$element.empty().append( new OO.ui.MessageWidget( { type: 'error', label: errorText( e ) } ).$element );
		} );
	}

	/**
	 * A reader who is not logged in (e.g. someone who followed an invitation): the program's
	 * name and description, read only (no write, no user option), and links to create an
	 * account or log in that come back to this program.
	 */
	private loadForReader(): void {
		this.$element.attr( 'aria-busy', 'true' );
		loadProgram( this.env.client, this.id, { profiles: false } ).then( ( loaded ) => {
			this.$element.removeAttr( 'aria-busy' );
			this.hooks.setStatus( '' );
			const config = loaded.state.config;
			this.appendHeader( config );
			if ( config.closed ) {
				this.$element.append( $( '<p>' ).text( msg( 'mentorship-panel-closed' ) ) );
				return;
			}
			// Back to this program after signing up or logging in, with the panel's gadget loaded.
			const back: Record<string, string> = { returnto: String( mw.config.get( 'wgPageName' ) ) };
			if ( !this.hooks.embedded ) {
				back.returntoquery = 'program=' + this.id + '&withgadget=' + PANEL_GADGET;
			}
			const create = new OO.ui.ButtonWidget( {
				label: msg( 'mentorship-panel-create-account' ),
				flags: [ 'progressive', 'primary' ],
				href: mw.util.getUrl( 'Special:CreateAccount', back ),
			} );
			const login = new OO.ui.ButtonWidget( {
				label: msg( 'mentorship-panel-login' ),
				href: mw.util.getUrl( 'Special:UserLogin', back ),
			} );
			this.$element.append(
				$( '<p>' ).addClass( 'mg-panel-reader' ).text( msg( 'mentorship-panel-login-needed' ) ),
				$( '<div>' ).addClass( 'mg-panel-reader-actions' ).append( create.$element, login.$element ),
			);
		}, ( e: unknown ) => {
			this.$element.removeAttr( 'aria-busy' );
			this.hooks.setStatus( '' );
			this.$element.empty().append( new OO.ui.MessageWidget( { type: 'error', label: errorText( e ) } ).$element );
		} );
	}

	/** "All programs", on the panel's own page. */
	/** The page's title, the way back to all programs, the program's name and description. */
	private appendHeader( config: ProgramConfig ): void {
		document.title = config.name + ' – ' + msg( 'mentorship-panel-title' );
		this.$element.empty();
		this.appendBack();
		this.$element.append(
			$( '<h2>' ).text( config.name ),
			paragraphs( config.description, 'mg-program-description' ),
		);
	}

	private appendBack(): void {
		if ( this.hooks.onBack ) {
			const back = this.hooks.onBack;
			this.$element.append( $( '<p>' ).append( $( '<a>' ).attr( 'href', mw.util.getUrl( PANEL_PAGE ) ).text( msg( 'mentorship-panel-all-programs' ) ).on( 'click', ( e ) => {
				e.preventDefault();
				back();
			} ) ) );
		}
	}

	private render( view: ProgramView, wanted?: string ): void {
		const state = view.loaded.state;
		const config = state.config;
		const viewer = view.viewer;
		const today = isoDate( this.env.clock.now() );
		// Counted among the mentors read (a page at a time) and confirmed by their own profiles.
		const room = mentorsWithRoom( state, today );
		this.appendHeader( config );
		this.$element.append( $( '<p>' ).addClass( 'mg-muted' ).text( msg( 'mentorship-panel-counts-shown', view.mentorsListed, room.total, room.room ) ) );
		this.$element.append( this.roleLine( view ) );
		this.repairCache( view );
		this.repairIndex( view );
		const problems = Object.keys( view.loaded.errors );
		if ( problems.length ) {
			this.$element.append( new OO.ui.MessageWidget( {
				type: 'warning',
				label: msg( 'mentorship-panel-unreadable-pages', problems.length, problems.slice( 0, 3 ).join( ', ' ) ),
			} ).$element );
		}
		if ( viewer.coordinator && view.loaded.setAside.length ) {
			this.$element.append( this.setAsideBox( view ) );
		}
		if ( viewer.coordinator && view.loaded.trust ) {
			this.$element.append( this.trustBox( view ) );
		}

		const ctx: TabContext = {
			env: this.env,
			id: this.id,
			view: view,
			actor: () => ( {
				client: this.env.client,
				ctx: writeContext( this.env, config.name ),
				messages: this.env.content,
				random: this.env.random,
				mentorCache: this.env.mentorCache,
			} ),
			reload: ( tab?: string ) => this.load( tab ),
			setStatus: this.hooks.setStatus,
			show: ( tab: string ) => index.setTabPanel( tab ),
			moreMentors: () => {
				this.mentorLimit += MENTOR_PAGE;
				this.load( this.current );
			},
		};
		const tabs: { name: string; label: string; build: () => JQuery }[] = [];
		if ( viewer.role === 'mentee' ) {
			tabs.push( { name: 'mentor', label: msg( viewer.mentor ? 'mentorship-tab-your-mentor' : 'mentorship-tab-find-mentor' ), build: () => mentorTab( ctx ) } );
			tabs.push( { name: 'profile', label: msg( 'mentorship-tab-profile' ), build: () => menteeProfileTab( ctx ) } );
			tabs.push( { name: 'leave', label: msg( 'mentorship-tab-leave' ), build: () => menteeLeaveTab( ctx ) } );
			// The invitation to mentor (its link opens this tab), for a graduate or whoever follows it.
			if ( !config.closed && ( wanted === 'join' || graduatedByMentor( state, viewer.name ) ) ) {
				tabs.push( { name: 'join', label: msg( 'mentorship-tab-become-mentor' ), build: () => joinForm( ctx ) } );
			}
		} else if ( viewer.role === 'mentor' ) {
			tabs.push( { name: 'mentees', label: msg( 'mentorship-tab-mentees' ), build: () => menteesTab( ctx ) } );
			tabs.push( { name: 'profile', label: msg( 'mentorship-tab-profile' ), build: () => mentorProfileTab( ctx ) } );
			tabs.push( { name: 'leave', label: msg( 'mentorship-tab-leave' ), build: () => mentorLeaveTab( ctx ) } );
		} else if ( !config.closed ) {
			tabs.push( { name: 'join', label: msg( 'mentorship-tab-join' ), build: () => joinForm( ctx ) } );
		}
		// The console: only for the program's coordinators (the wiki decides who may save what).
		if ( viewer.coordinator ) {
			tabs.push( { name: 'console', label: msg( 'mentorship-tab-console' ), build: () => consoleTab( ctx ) } );
		}
		const index = new OO.ui.IndexLayout( { expanded: false, framed: false, classes: [ 'mg-tabs' ] } );
		const built: Record<string, boolean> = {};
		const panels = tabs.map( ( tab ) => new OO.ui.TabPanelLayout( tab.name, { label: tab.label, expanded: false } ) );
		index.addTabPanels( panels, 0 );
		const buildTab = ( name: string ): void => {
			const tab = tabs.find( ( t ) => t.name === name );
			const panel = panels.find( ( p ) => p.getName() === name );
			if ( tab && panel && !built[ name ] ) {
				built[ name ] = true;
				panel.$element.append( tab.build() );
			}
		};
		index.on( 'set', ( panel: OO.ui.TabPanelLayout ) => {
			const name = panel.getName();
			buildTab( name );
			if ( this.current !== name ) {
				this.current = name;
				this.hooks.onView( name );
			}
		} );
		// A coordinator who is not a member starts in the console.
		const fallback = viewer.coordinator && !viewer.role ? 'console' : ( tabs[ 0 ] ? tabs[ 0 ].name : undefined );
		const first = wanted && tabs.some( ( t ) => t.name === wanted ) ? wanted : fallback;
		if ( first ) {
			this.current = first;
			buildTab( first );
			index.setTabPanel( first );
		}
		if ( tabs.length ) {
			this.$element.append( index.$element );
		} else {
			this.$element.append( $( '<p>' ).text( msg( 'mentorship-panel-closed' ) ) );
		}
	}

	/**
	 * Keeps the cached mentor (what the ask control shows without a request) in line with the
	 * pages, e.g. after a coordinator matched the viewer or a mentor handed them over.
	 */
	private repairCache( view: ProgramView ): void {
		const viewer = view.viewer;
		const cached = this.env.mentorCache.read();
		let wanted: MentorCache | null | undefined;
		// The cache follows the pairing the viewer's own profile confirms, never the roster.
		if ( viewer.membership && viewer.membership.role === 'mentee' ) {
			// The same mentor keeps what the cache knows of their latest question (`due`).
			const due = cached && cached.program === this.id && cached.mentor === viewer.mentor ? cached.due : undefined;
			wanted = viewer.mentor ? { program: this.id, mentor: viewer.mentor } : null;
			if ( wanted && due ) {
				wanted.due = due;
			}
			if ( !viewer.mentor && ( !cached || cached.program !== this.id ) ) {
				wanted = undefined;
			}
		} else if ( cached && cached.program === this.id && ( !viewer.membership || viewer.membership.role === 'mentor' ) ) {
			// Not a mentee (any more: a graduate who joined as a mentor asks no mentor of this program).
			wanted = null;
		}
		if ( wanted !== undefined && encodeMentorCache( wanted ) !== encodeMentorCache( cached ) ) {
			void this.env.mentorCache.save( wanted ).then( () => undefined, () => undefined );
		}
	}

	/**
	 * For coordinators: the roster entries that are invalid, set aside (ignored and kept in
	 * the page) so that everyone else keeps working, with a one-click repair that removes them.
	 */
	private setAsideBox( view: ProgramView ): JQuery {
		const list = view.loaded.setAside;
		const $list = $( '<ul>' );
		for ( const item of list.slice( 0, 20 ) ) {
			const issue = item.entry.issues[ 0 ];
			$list.append( $( '<li>' ).text( msg( 'mentorship-panel-set-aside-entry', String( item.entry.key ), issue ? issue.path : '', issue ? issue.got : '' ) ) );
		}
		const pages: string[] = [];
		for ( const item of list ) {
			if ( pages.indexOf( item.page ) === -1 ) {
				pages.push( item.page );
			}
		}
		const repair = new OO.ui.ButtonWidget( { label: msg( 'mentorship-panel-set-aside-repair', list.length ), flags: [ 'destructive' ] } );
		const $status = $( '<span>' ).addClass( 'mg-muted' );
		repair.on( 'click', () => {
			repair.setDisabled( true );
			const ctx = writeContext( this.env, view.loaded.state.config.name );
			pages.reduce( ( p: Promise<void>, page ) => p.then( () => dropSetAside( ctx, page ) ), Promise.resolve() ).then( () => {
				this.hooks.setStatus( msg( 'mentorship-panel-set-aside-repaired', list.length ) );
				this.load( this.current );
			}, ( e: unknown ) => {
				repair.setDisabled( false );
				$status.text( errorText( e ) );
			} );
		} );
		const $box = $( '<div>' ).addClass( 'mg-set-aside' ).append(
			$( '<p>' ).text( msg( 'mentorship-panel-set-aside', list.length, pages.join( ', ' ) ) ),
			$list,
			repair.$element,
			$status,
		);
		return new OO.ui.MessageWidget( { type: 'warning', label: $box } ).$element;
	}

	/**
	 * For coordinators: edits to the program's settings by people who are not coordinators
	 * (ignored: each with its diff), and a warning when the settings page is not protected.
	 */
	private trustBox( view: ProgramView ): JQuery {
		const trust = view.loaded.trust as ConfigTrust;
		const title = configTitle( this.id );
		const $out = $( '<div>' );
		if ( trust.ignored.length ) {
			const $list = $( '<ul>' );
			for ( const r of trust.ignored.slice( -20 ) ) {
				$list.append( $( '<li>' ).append( $( '<a>' )
					.attr( 'href', mw.util.getUrl( title, { diff: String( r.revid ), oldid: String( r.parentid ) } ) )
					.text( msg( 'mentorship-panel-config-ignored-edit', r.user || '?', formatDate( r.timestamp ) ) ) ) );
			}
			$out.append( new OO.ui.MessageWidget( {
				type: 'warning',
				classes: [ 'mg-config-ignored' ],
				label: $( '<div>' ).append( $( '<p>' ).text( msg( 'mentorship-panel-config-ignored', trust.ignored.length ) ), $list ),
			} ).$element );
		}
		if ( !trust.protection.some( ( p ) => p.type === 'edit' ) ) {
			$out.append( new OO.ui.MessageWidget( {
				type: 'warning',
				classes: [ 'mg-config-unprotected' ],
				label: msg( 'mentorship-panel-config-unprotected', title ),
			} ).$element );
		}
		return $out;
	}

	/**
	 * When the roster's index names another mentor than the viewer's own profile (someone
	 * re-paired them in the roster), the viewer puts it back, so that their mentor finds them.
	 */
	private repairIndex( view: ProgramView ): void {
		const viewer = view.viewer;
		const own = viewer.membership;
		// Only towards a mentor the viewer chose: an index entry without their choice may be a
		// pairing written before the consent rule, which the coordinators turn into a proposal.
		if ( !own || own.role !== 'mentee' || !own.mentor || !viewer.entry || viewer.entry.mentor === own.mentor ) {
			return;
		}
		// Nor towards a mentor who left (the pairing no longer counts: the roster forgot it on purpose).
		if ( viewer.mentor !== own.mentor ) {
			return;
		}
		void repairOwnIndex( writeContext( this.env, view.loaded.state.config.name ), this.id, view.loaded.state.config, own.mentor, viewer.entry.mentor || null )
			.then( () => undefined, () => undefined );
	}

	private roleLine( view: ProgramView ): JQuery {
		const viewer = view.viewer;
		const $line = $( '<p>' ).addClass( 'mg-role' );
		if ( viewer.role === 'mentee' ) {
			if ( viewer.mentor ) {
				return $line.append( $( '<span>' ).text( msg( 'mentorship-panel-role-mentee-of', viewer.name ) + ' ' ), userLink( viewer.mentor ) );
			}
			return $line.text( msg( 'mentorship-panel-role-mentee', viewer.name ) );
		}
		if ( viewer.role === 'mentor' ) {
			const beside = coMentorOf( view.loaded.state, viewer.name );
			if ( beside ) {
				return $line.append( $( '<span>' ).text( msg( 'mentorship-panel-role-comentor', viewer.name ) + ' ' ), userLink( beside ) );
			}
			return $line.text( msg( 'mentorship-panel-role-mentor', viewer.name ) );
		}
		if ( viewer.membership ) {
			// The profile says "joined" but the roster does not: joining was interrupted.
			return $line.text( msg( 'mentorship-panel-role-unfinished' ) );
		}
		return $line.text( msg( viewer.coordinator ? 'mentorship-panel-role-coordinator' : 'mentorship-panel-role-none', viewer.name ) );
	}
}
