/**
 * UI tests in jsdom: the in-memory wiki of the unit tests, grown by what dialogs ask of it
 * (parse, options, userinfo, new sections), a `mw` double over it, an Env like the page's,
 * and helpers to open a dialog, click its actions as a mouse would, and wait for what follows.
 */

import { vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProgramConfig } from '../../src/core/format';
import { configTitle, profileTitle, rosterTitle, userTalkTitle } from '../../src/core/titles';
import { WikiClient } from '../../src/wiki/client';
import { MwApiTransport } from '../../src/wiki/mw-transport';
import { ApiParams, ApiResponse } from '../../src/wiki/transport';
import { Store } from '../../src/wiki/store';
import { mentorCacheOption } from '../../src/wiki/mentor-cache';
import { Env } from '../../src/ui/env';
import { contentMessage, installMessages, languageText } from '../../src/ui/i18n';
import { StagedDialog, Stage } from '../../src/ui/staged-dialog';
import { ASK_SEND } from '../../src/ui/ask/send';
import { FakeWiki } from '../unit/fakes/wiki';
import { FakeClock } from '../unit/fakes/transport';
import { installMw, MwDouble } from './mw';
import { loadLibraries } from './ooui';

const ROOT = join( __dirname, '..', '..' );

/** A banana message file, without its @metadata. */
function json( file: string ): Record<string, string> {
	const all = JSON.parse( readFileSync( file, 'utf8' ) ) as Record<string, unknown>;
	const out: Record<string, string> = {};
	for ( const key of Object.keys( all ) ) {
		if ( typeof all[ key ] === 'string' ) {
			out[ key ] = all[ key ] as string;
		}
	}
	return out;
}

const TABLES: Record<string, Record<string, string>> = {};
for ( const code of [ 'en', 'es', 'fr', 'ar' ] ) {
	TABLES[ code ] = json( join( ROOT, 'i18n', code + '.json' ) );
}
const OOUI_MESSAGES = json( join( ROOT, 'node_modules', 'oojs-ui', 'dist', 'i18n', 'en.json' ) );

function escapeHtml( text: string ): string {
	return text.replace( /&/g, '&amp;' ).replace( /</g, '&lt;' ).replace( />/g, '&gt;' );
}

/** The in-memory wiki, answering the requests dialogs make besides reads and edits. */
export class UiWiki extends FakeWiki {
	public readonly options: Record<string, string | null> = {};

	public override async request( method: 'GET' | 'POST', params: ApiParams ): Promise<ApiResponse> {
		if ( params.action === 'parse' ) {
			this.calls.push( { method: method, params: { ...params } } );
			const failure = this.beforeRequest ? this.beforeRequest( params ) : null;
			if ( failure ) {
				throw failure;
			}
			// Enough of the parser to see what would be posted: the heading and the text.
			const heading = params.sectiontitle !== undefined ? '<h2>' + escapeHtml( String( params.sectiontitle ) ) + '</h2>' : '';
			return { parse: { title: params.title, text: '<div class="mw-parser-output">' + heading + '<p>' + escapeHtml( String( params.text ) ) + '</p></div>' } };
		}
		if ( params.action === 'options' ) {
			this.calls.push( { method: method, params: { ...params } } );
			this.options[ String( params.optionname ) ] = params.optionvalue === undefined ? null : String( params.optionvalue );
			return { options: 'success' };
		}
		if ( params.action === 'query' && params.meta === 'userinfo' ) {
			this.calls.push( { method: method, params: { ...params } } );
			return { query: { userinfo: { id: 1, name: this.user, groups: [ '*', 'user' ], rights: [ 'edit' ], ratelimits: {} } } };
		}
		if ( params.action === 'edit' && params.section === 'new' ) {
			// A new section: appended to the page, as MediaWiki does.
			const latest = this.latest( String( params.title ) );
			const section = '== ' + String( params.sectiontitle ) + ' ==\n' + String( params.text );
			const rest: ApiParams = { ...params, text: latest ? latest.content + '\n\n' + section : section, section: undefined, sectiontitle: undefined };
			if ( !latest ) {
				rest.contentmodel = 'wikitext';
			}
			return super.request( method, rest );
		}
		return super.request( method, params );
	}
}

export interface Ui {
	wiki: UiWiki;
	mw: MwDouble;
	env: Env;
	clock: FakeClock;
}

/** A fresh wiki, `mw` and Env for one test: the user, the interface and content languages. */
export function setupUi( options: { user?: string; userLanguage?: string; contentLanguage?: string } = {} ): Ui {
	loadLibraries();
	const wiki = new UiWiki();
	const user = options.user === undefined ? 'Tester' : options.user;
	wiki.user = user;
	const userLanguage = options.userLanguage || 'en';
	const contentLanguage = options.contentLanguage || 'en';
	const mw = installMw( { user: user, userLanguage: userLanguage, contentLanguage: contentLanguage, transport: () => wiki } );
	mw.messages.set( OOUI_MESSAGES );
	installMessages( TABLES );
	// The ask dialog's later steps, as their module (mentorship-core-asksend) offers them once
	// loaded (tests/ui/ask-load.test.ts takes them away to load them).
	mw.libs.mentorship = { version: 'test', askSend: ASK_SEND };
	const clock = new FakeClock();
	let seed = 1;
	const client = new WikiClient( { transport: new MwApiTransport( new mw.Api() as ConstructorParameters<typeof MwApiTransport>[ 0 ] ), clock: clock, language: userLanguage } );
	const env: Env = {
		client: client,
		store: new Store( client ),
		clock: clock,
		random: () => ( seed = ( seed * 16807 ) % 2147483647 ) / 2147483647,
		user: user,
		userLanguage: userLanguage,
		contentLanguage: contentLanguage,
		storage: {
			get: ( key ) => {
				const value = mw.storage.get( key );
				return typeof value === 'string' ? value : null;
			},
			set: ( key, value ) => {
				mw.storage.set( key, value );
			},
			remove: ( key ) => {
				mw.storage.remove( key );
			},
		},
		url: ( title, params ) => mw.util.getUrl( title, params ),
		content: contentMessage,
		texts: languageText,
		mentorCache: mentorCacheOption( client, mw.user.options ),
	};
	return { wiki: wiki, mw: mw, env: env, clock: clock };
}

export const PROGRAM = 'art';

export function programConfig( overrides: Partial<ProgramConfig> = {} ): ProgramConfig {
	return {
		version: 1,
		name: 'Art mentorship',
		description: 'Mentors for art articles.',
		coordinators: [ 'Carol' ],
		topics: [ 'Painting', 'Museums' ],
		languages: [ 'en', 'fr' ],
		unansweredDays: 3,
		helpDesk: 'Project:Help desk',
		messages: {
			welcome: {
				label: { en: 'Welcome' },
				subject: { en: 'Welcome to $program' },
				text: { en: 'Hello $user, welcome! Sign up at $signup. ~~~~' },
				audience: 'registered',
			},
		},
		...overrides,
	};
}

/** A program with a mentor (Alice) and a mentee (the test's user, unless told), each confirmed by their own profile. */
export function seedProgram( wiki: UiWiki, options: { mentee?: string; config?: Partial<ProgramConfig> } = {} ): void {
	const mentee = options.mentee || wiki.user;
	const joined = '2026-01-10T09:00:00Z';
	wiki.put( configTitle( PROGRAM ), { ...programConfig( options.config ) }, { user: 'Carol' } );
	wiki.put( rosterTitle( PROGRAM ), {
		version: 1,
		members: {
			Alice: { role: 'mentor', joined: joined },
			[ mentee ]: { role: 'mentee', joined: joined, mentor: 'Alice' },
		},
	}, { user: mentee } );
	wiki.put( profileTitle( 'Alice' ), {
		version: 1,
		programs: { [ PROGRAM ]: { role: 'mentor', joined: joined, topics: [ 'Painting' ], languages: [ 'en' ], capacity: 3, status: 'active' } },
	}, { user: 'Alice' } );
	wiki.put( profileTitle( mentee ), {
		version: 1,
		programs: { [ PROGRAM ]: { role: 'mentee', joined: joined, topics: [ 'Painting' ], languages: [ 'en' ], mentor: 'Alice' } },
	}, { user: mentee } );
	wiki.put( userTalkTitle( 'Alice' ), 'Talk to me.', { contentmodel: 'wikitext', user: 'Alice' } );
}

/** The events a person's left click makes on an element. */
export function mouseClick( element: HTMLElement ): void {
	for ( const kind of [ 'mousedown', 'mouseup', 'click' ] ) {
		const event = new MouseEvent( kind, { bubbles: true, cancelable: true, button: 0, detail: 1 } );
		// Browsers report the left button as which = 1 (OOUI checks it); jsdom says 0.
		Object.defineProperty( event, 'which', { value: 1 } );
		element.dispatchEvent( event );
	}
}

/** A dialog opened in its own window manager, and whether it has closed. */
export class Opened<D extends StagedDialog = StagedDialog> {
	public closed = false;
	public closeData: unknown = null;

	public constructor( public readonly dialog: D, public readonly manager: OO.ui.WindowManager ) {}

	public get stage(): Stage {
		return this.dialog.getStage();
	}

	/** The actions shown now (visible in the current mode). */
	public actions(): OO.ui.ActionWidget[] {
		// (ActionSet#get filters by visibility only within a category such as modes.)
		return this.dialog.actions.get( { modes: this.stage } ).filter( ( a ) => a.isVisible() );
	}

	public action( name: string ): OO.ui.ActionWidget {
		const found = this.actions().filter( ( a ) => a.getAction() === name )[ 0 ];
		if ( !found ) {
			throw new Error( 'No visible action ' + name + ' in stage ' + this.stage + ' (' + this.actions().map( ( a ) => a.getAction() ).join( ', ' ) + ')' );
		}
		return found;
	}

	/** Clicks an action's button with the mouse. */
	public click( name: string ): void {
		mouseClick( this.action( name ).$button[ 0 ] as HTMLElement );
	}

	/** Presses Escape in the dialog. */
	public escape(): void {
		const event = $.Event( 'keydown', { which: OO.ui.Keys.ESCAPE, keyCode: OO.ui.Keys.ESCAPE } );
		this.dialog.$element.trigger( event );
	}

	/** Whether the error area shows a failure. */
	public errorShown(): string | null {
		const $area = this.dialog.$element.find( '.mg-error' ).parent();
		return $area.length && $area.css( 'display' ) !== 'none' ? $area.text() : null;
	}

	/** The element that has the focus, if it is in the dialog. */
	public focused(): HTMLElement | null {
		const active = document.activeElement as HTMLElement | null;
		return active && this.dialog.$element[ 0 ]!.contains( active ) ? active : null;
	}

	/** Waits until nothing is pending and `done` holds. */
	public async settle( done: () => boolean = () => true ): Promise<void> {
		await vi.waitFor( () => {
			if ( !this.closed && ( this.dialog.isPending() || !done() ) ) {
				throw new Error( 'not yet: stage ' + this.stage + ( this.dialog.isPending() ? ', pending' : '' ) );
			}
		}, { timeout: 3000, interval: 5 } );
	}

	public async waitClosed(): Promise<void> {
		await vi.waitFor( () => {
			if ( !this.closed ) {
				throw new Error( 'still open at stage ' + this.stage );
			}
		}, { timeout: 3000, interval: 5 } );
	}

	public destroy(): void {
		this.manager.destroy();
	}
}

/** Opens a dialog and waits until it has loaded (left the loading stage). */
export async function openDialog<D extends StagedDialog>( dialog: D ): Promise<Opened<D>> {
	const manager = new OO.ui.WindowManager();
	$( document.body ).append( manager.$element );
	manager.addWindows( [ dialog ] );
	const instance = manager.openWindow( dialog );
	const opened = new Opened( dialog, manager );
	void instance.closed.then( ( data: unknown ) => {
		opened.closed = true;
		opened.closeData = data;
	} );
	await instance.opened;
	await opened.settle( () => dialog.getStage() !== 'loading' );
	return opened;
}

/** Types into a text input as a person would (the value, then the input event). */
export function type( input: OO.ui.TextInputWidget, text: string ): void {
	input.$input.val( text ).trigger( 'input' );
	input.setValue( text );
}
