/**
 * The coordinator console (gadget mentorship-match, tab "Console" of a program, offered
 * to the program's coordinators only): the dashboard, matching the cohort, and the
 * program's settings. The program is loaded once for all three (loadConsole) and again
 * after each change.
 */

import { ConsoleData, loadConsole } from '../../wiki/console';
import { errorText } from '../errors';
import { msg } from '../i18n';
import { statusLine } from '../widgets';
import { TabContext } from '../panel/context';
import { ConsoleContext } from './context';
import { dashboardView } from './dashboard';
import { MatchView } from './match';
import { ProgramForm } from './program-form';

const VIEWS = [ 'dashboard', 'match', 'settings' ] as const;
type View = typeof VIEWS[ number ];

export class Console {
	public readonly $element: JQuery;
	private readonly tab: TabContext;
	private readonly $status: JQuery;
	private readonly $body: JQuery;
	private index: OO.ui.IndexLayout | null = null;
	private current: View = 'dashboard';
	/** The views built so far, and how to build each from the latest data. */
	private built: Partial<Record<View, boolean>> = {};
	private build: Record<View, () => JQuery> = { dashboard: () => $( [] ), match: () => $( [] ), settings: () => $( [] ) };

	public constructor( tab: TabContext ) {
		this.tab = tab;
		this.$status = statusLine();
		this.$body = $( '<div>' );
		this.$element = $( '<div>' ).addClass( 'mg-console' ).append( this.$status, this.$body );
	}

	public load( keep?: 'match' ): void {
		const env = this.tab.env;
		this.$element.attr( 'aria-busy', 'true' );
		this.$status.text( msg( 'mentorship-console-loading' ) );
		loadConsole( env.client, this.tab.id, env.clock.now() ).then( ( data ) => {
			this.$element.removeAttr( 'aria-busy' );
			this.$status.text( '' );
			this.render( data, keep );
		}, ( e: unknown ) => {
			this.$element.removeAttr( 'aria-busy' );
			this.$status.text( errorText( e ) );
		} );
	}

	private render( data: ConsoleData, keep?: 'match' ): void {
		const ctx: ConsoleContext = {
			env: this.tab.env,
			id: this.tab.id,
			data: data,
			actor: this.tab.actor,
			setStatus: this.tab.setStatus,
			refresh: ( k ) => this.load( k ),
		};
		const build: Record<View, () => JQuery> = {
			dashboard: () => dashboardView( ctx ),
			match: () => new MatchView( ctx ).$element,
			settings: () => new ProgramForm( {
				env: ctx.env,
				mode: 'edit',
				id: ctx.id,
				config: data.loaded.state.config,
				onSaved: () => {
					this.tab.setStatus( msg( 'mentorship-console-saved' ) );
					this.tab.reload( 'console' );
				},
			} ).$element,
		};
		this.build = build;
		if ( this.index && keep ) {
			// Rebuild the other views (those shown so far; the others are built when shown);
			// the kept one goes on with its work.
			for ( const view of VIEWS ) {
				const panel = this.index.getTabPanel( view );
				if ( view !== keep && panel && this.built[ view ] ) {
					panel.$element.empty().append( build[ view ]() );
				}
			}
			return;
		}
		const index = new OO.ui.IndexLayout( { expanded: false, framed: false, classes: [ 'mg-console-tabs' ] } );
		const labels: Record<View, string> = {
			dashboard: msg( 'mentorship-console-tab-dashboard' ),
			match: msg( 'mentorship-console-tab-match' ),
			settings: msg( 'mentorship-console-tab-settings' ),
		};
		this.built = {};
		const panels = VIEWS.map( ( v ) => new OO.ui.TabPanelLayout( v, { label: labels[ v ], expanded: false } ) );
		index.addTabPanels( panels, 0 );
		const show = ( view: View ): void => {
			if ( !this.built[ view ] ) {
				this.built[ view ] = true;
				const panel = index.getTabPanel( view );
				if ( panel ) {
					panel.$element.append( this.build[ view ]() );
				}
			}
		};
		index.on( 'set', ( panel: OO.ui.TabPanelLayout ) => {
			this.current = panel.getName() as View;
			show( this.current );
		} );
		show( this.current );
		index.setTabPanel( this.current );
		this.index = index;
		this.$body.empty().append( index.$element );
	}
}

/** The console tab of a program, for its coordinators. */
export function consoleTab( ctx: TabContext ): JQuery {
	const c = new Console( ctx );
	c.load();
	return c.$element;
}
