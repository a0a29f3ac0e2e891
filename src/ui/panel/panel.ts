/**
 * The matching panel (gadget mentorship-match): at Special:BlankPage/Mentorship and in any
 * <div class="mentorship-panel" data-program="ID">. It lists the wiki's programs and opens
 * one, showing each person what fits their role: join, find or change a mentor, keep a
 * mentor profile and mentees, and, for coordinators, the console.
 */

import { ProgramConfig } from '../../core/format';
import { newConfig } from '../../core/program-config';
import { programIdFrom } from '../../core/program-titles';
import { PANEL_PAGE, panelParams, PanelContext } from '../../lib/contract';
import { listProgramsWithRoom, ProgramListing } from '../../wiki/program-list';
import { Env } from '../env';
import { errorText } from '../errors';
import { msg } from '../i18n';
import { heading, paragraphs, statusLine } from '../widgets';
import { ProgramForm } from '../console/program-form';
import { ProgramPage } from './program-page';

export class Panel {
	public readonly $element: JQuery;
	private readonly env: Env;
	private readonly context: PanelContext;
	/** Embedded in a page for one program (data-program): no list, no URL changes. */
	private readonly embedded: boolean;
	private readonly $status: JQuery;
	/** A message that stays until dismissed or until the user goes elsewhere (a program created). */
	private readonly $notice: JQuery;
	private readonly $body: JQuery;

	public constructor( container: HTMLElement, env: Env, context: PanelContext, embedded: boolean ) {
		this.env = env;
		this.context = context;
		this.embedded = embedded;
		this.$status = statusLine();
		this.$notice = $( '<div>' ).addClass( 'mg-panel-notice' ).attr( { role: 'status', 'aria-live': 'polite' } );
		this.$body = $( '<div>' ).addClass( 'mg-panel-body' );
		this.$element = $( container ).empty().addClass( 'mg-panel-mounted' ).append( this.$status, this.$notice, this.$body );
	}

	/**
	 * Shows a success message that stays until its × is clicked or the user goes to another
	 * page of the panel (the status line is cleared when the program loads).
	 */
	private showNotice( text: string ): void {
		const message = new OO.ui.MessageWidget( { type: 'success', label: text, showClose: true } );
		message.on( 'close', () => {
			this.$notice.empty();
			this.$body.find( 'h2' ).first().attr( 'tabindex', '-1' ).trigger( 'focus' );
		} );
		this.$notice.empty().append( message.$element );
	}

	private clearNotice(): void {
		this.$notice.empty();
	}

	public start(): void {
		if ( this.context.program ) {
			this.openProgram( this.context.program, this.context.view );
		} else if ( this.context.view === 'create' && this.env.user ) {
			this.showCreate();
		} else {
			this.showPrograms();
		}
		if ( !this.embedded ) {
			window.addEventListener( 'popstate', () => {
				const program = programIdFrom( mw.util.getParamValue( 'program' ) );
				if ( program ) {
					this.openProgram( program, mw.util.getParamValue( 'view' ) || undefined );
				} else if ( mw.util.getParamValue( 'view' ) === 'create' && this.env.user ) {
					this.showCreate();
				} else {
					this.showPrograms();
				}
			} );
		}
	}

	private setStatus( text: string ): void {
		this.$status.text( text );
	}

	private navigate( program: string | null, view?: string ): void {
		if ( this.embedded ) {
			return;
		}
		history.pushState( null, '', mw.util.getUrl( PANEL_PAGE, panelParams( program, view, !!mw.util.getParamValue( 'withgadget' ) ) ) );
	}

	public showPrograms(): void {
		this.clearNotice();
		this.setStatus( msg( 'mentorship-panel-loading-programs' ) );
		this.$body.empty();
		document.title = msg( 'mentorship-panel-title' ) + ' – ' + String( mw.config.get( 'wgSiteName' ) );
		listProgramsWithRoom( this.env.client ).then( ( programs ) => {
			this.setStatus( '' );
			this.renderPrograms( programs );
		}, ( e: unknown ) => {
			this.setStatus( errorText( e ) );
		} );
	}

	private renderPrograms( programs: ProgramListing[] ): void {
		this.$body.empty().append( heading( msg( 'mentorship-panel-programs' ), 2 ) );
		if ( !programs.length ) {
			this.$body.append( $( '<p>' ).text( msg( 'mentorship-panel-no-programs' ) ) );
		}
		const $list = $( '<ul>' ).addClass( 'mg-program-list' );
		for ( const program of programs ) {
			$list.append( this.programCard( program ) );
		}
		this.$body.append( $list );
		if ( this.env.user && !this.embedded ) {
			// Anyone logged in may start a program; the wiki's protection decides where they may save it.
			const create = new OO.ui.ButtonWidget( {
				label: msg( 'mentorship-console-create-button' ),
				icon: 'add',
				href: mw.util.getUrl( PANEL_PAGE, panelParams( null, 'create', false ) ),
			} );
			create.$button.on( 'click', ( e ) => {
				e.preventDefault();
				this.navigate( null, 'create' );
				this.showCreate();
			} );
			this.$body.append( $( '<div>' ).addClass( 'mg-create-program' ).append(
				$( '<p>' ).text( msg( 'mentorship-console-create-explanation' ) ),
				create.$element,
			) );
		}
	}

	/** The form that creates a program; once saved, the new program opens in its console. */
	public showCreate(): void {
		this.clearNotice();
		this.setStatus( '' );
		document.title = msg( 'mentorship-console-create-heading' ) + ' – ' + String( mw.config.get( 'wgSiteName' ) );
		const $back = $( '<a>' ).attr( 'href', mw.util.getUrl( PANEL_PAGE ) ).text( msg( 'mentorship-panel-all-programs' ) ).on( 'click', ( e ) => {
			e.preventDefault();
			this.navigate( null );
			this.showPrograms();
		} );
		const form = new ProgramForm( {
			env: this.env,
			mode: 'create',
			config: newConfig( this.env.user as string, this.env.contentLanguage ),
			onSaved: ( id, saved ) => {
				this.navigate( id, 'console' );
				this.openProgram( id, 'console' );
				this.showNotice( msg( 'mentorship-console-created', saved.name ) );
			},
			onCancel: () => {
				this.navigate( null );
				this.showPrograms();
			},
		} );
		this.$body.empty().append( $( '<p>' ).append( $back ), form.$element );
	}

	private programCard( program: ProgramListing ): JQuery {
		const $item = $( '<li>' ).addClass( 'mg-program-card' );
		if ( !program.config ) {
			return $item.append(
				$( '<strong>' ).text( program.id ),
				$( '<p>' ).addClass( 'mg-muted' ).text( program.error ? errorText( program.error ) : msg( 'mentorship-panel-program-unreadable' ) ),
			);
		}
		const config: ProgramConfig = program.config;
		const open = new OO.ui.ButtonWidget( {
			label: msg( 'mentorship-panel-open' ),
			flags: [ 'progressive' ],
			href: mw.util.getUrl( PANEL_PAGE, panelParams( program.id, null, false ) ),
			invisibleLabel: false,
			title: msg( 'mentorship-panel-open-program', config.name ),
		} );
		// Its accessible name says which program it opens (every card's button reads "Open").
		open.$button.attr( 'aria-label', msg( 'mentorship-panel-open-program', config.name ) );
		open.on( 'click', () => {
			this.navigate( program.id );
			this.openProgram( program.id );
			return false;
		} );
		// Clicking the button opens the program in place; the href keeps the link usable otherwise.
		open.$element.find( 'a' ).on( 'click', ( e ) => {
			e.preventDefault();
		} );
		$item.append(
			$( '<h3>' ).text( config.name ),
			paragraphs( config.description, 'mg-program-description' ),
			open.$element,
		);
		return $item;
	}

	public openProgram( id: string, view?: string ): void {
		this.clearNotice();
		this.setStatus( msg( 'mentorship-panel-loading-program' ) );
		const page = new ProgramPage( this.env, id, {
			embedded: this.embedded,
			onBack: this.embedded ? null : () => {
				this.navigate( null );
				this.showPrograms();
			},
			onView: ( v ) => this.navigate( id, v ),
			setStatus: ( text ) => this.setStatus( text ),
		} );
		this.$body.empty().append( page.$element );
		page.load( view );
	}
}
