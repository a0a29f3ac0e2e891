/**
 * The user script's entry: the same loaders as the gadgets, for a user who installs the
 * project in their own common.js (no interface administrator needed). build-userscript.mjs
 * makes the entry page from this file, the gadgets' own loaders (mentorship-ask,
 * -welcome, -match) and a table of the lazy modules; the lazy modules and message modules
 * are the gadgets' pages, stored under the user's own space.
 *
 * On page view it does what the loaders do, and no more: no request, no OOUI (their
 * styles are added from the entry). On a click, withCore loads the ResourceLoader modules
 * the feature needs (the gadget definitions' dependencies, from the build) with
 * mw.loader.using, and the feature's code and messages from the wiki's raw pages, by the
 * revisions the deploy pinned (`oldid`), run in the order the code split needs.
 *
 * It steps aside where the wiki has the mentorship gadgets installed (their modules are
 * registered by the startup module: no request to know it), saying so once in the console
 * when the user has them off; and it runs once however many lines load it.
 */

import messages from 'mentorship:loader-messages';
import type { Feature } from '../../lib/contract';
import { addLink, onActivate, panelUrl, setMessages, setSource, withCore } from '../common/loader';
import type { UserScriptLib, UserScriptSettings } from '../common/lib';

/** What the build knows (build-userscript.mjs writes it before this code). */
interface UserBuild {
	/** A hash of the pages, to version their addresses when they are not pinned. */
	version: string;
	/** Per lazy module: its ResourceLoader dependencies, those it takes where the wiki has them, its styles. */
	modules: Record<string, { deps: string[]; optional: string[]; css: boolean }>;
	/** Per feature: its modules in the order they run, and the languages of its message modules. */
	features: Record<string, { modules: string[]; i18n: string[]; messages: string }>;
	/** The loaders' styles. */
	css: string;
}

/** What the deploy pins (scripts/lib/user-script.ts): where the pages are and their revisions. */
interface UserPins {
	base?: string;
	oldids?: Record<string, number>;
}

declare const mentorshipUserBuild: UserBuild;
declare const mentorshipUserPins: UserPins;

/**
 * The gadgets: installed on the wiki when the startup module registers any of them (a state,
 * whether the user has them on or not); on for the user when one's state is past "registered".
 */
const GADGETS = [ 'loader', 'ask', 'welcome', 'match' ];

function gadgets(): 'on' | 'installed' | null {
	let found: 'on' | 'installed' | null = null;
	for ( let i = 0; i < GADGETS.length; i++ ) {
		const state = mw.loader.getState( 'ext.gadget.mentorship-' + GADGETS[ i ] );
		if ( state && state !== 'registered' ) {
			return 'on';
		}
		found = state ? 'installed' : found;
	}
	return found;
}

/** This script's own address (only while it first runs), and the entry's revision in it. */
const own = document.currentScript ? ( document.currentScript as HTMLScriptElement ).src : '';
const ownOldid = Number( ( /[?&]oldid=(\d+)/.exec( own ) || [] )[ 1 ] || 0 );

/** Where the pages are: the pinned base, else the folder of this script's own address. */
function base(): string {
	if ( mentorshipUserPins.base ) {
		return mentorshipUserPins.base;
	}
	const title = own ? mw.util.getParamValue( 'title', own ) : null;
	return title ? title.replace( /[^/]*$/, '' ) : '';
}

let offered = false;
const UPDATE_MESSAGES = [ 'mentorship-userscript-update', 'mentorship-userscript-update-use', 'mentorship-userscript-update-done' ];

/**
 * After a feature has loaded (never on page view): when the author has published a newer
 * entry than the revision the user's common.js pins, offer it, with a link to the changes;
 * with the user's consent, the line in their common.js is changed to the new revision (read,
 * then edited against the revision read). Nothing changes without that consent.
 */
function offerUpdate(): void {
	const folder = mentorshipUserPins.base;
	const me = mw.config.get( 'wgUserName' ) as string | null;
	if ( offered || !ownOldid || !folder || !me ) {
		return;
	}
	offered = true;
	type Revision = { revid: number; user?: string; slots?: { main?: { content?: string } } };
	type Pages = { query?: { pages?: { revisions?: Revision[] }[] } };
	const latest = ( response: Pages ): Revision | null => {
		const pages = ( response.query && response.query.pages ) || [];
		const revisions = pages[ 0 ] && pages[ 0 ].revisions;
		return revisions && revisions[ 0 ] ? revisions[ 0 ] : null;
	};
	const api = new mw.Api();
	const mine = 'User:' + me + '/common.js';
	const pinned = 'oldid=' + ownOldid + '&';
	api.get( { action: 'query', prop: 'revisions', titles: folder + 'main.js', rvprop: 'ids|user', formatversion: 2 } ).then( ( response: Pages ) => {
		const newest = latest( response );
		if ( !newest || newest.revid <= ownOldid ) {
			return;
		}
		// Its labels came with the feature's code (the build puts keys no module names in the
		// shared base, and in every feature's message modules): English, then the user's language.
		const tables = ( mw.libs as { mentorshipMessages?: Record<string, Record<string, string>> } ).mentorshipMessages || {};
		const lang = String( mw.config.get( 'wgUserLanguage' ) );
		const chain = [ 'en', lang.split( '-' )[ 0 ] as string, lang ];
		for ( let c = 0; c < chain.length; c++ ) {
			const table = tables[ chain[ c ] as string ] || {};
			for ( let k = 0; k < UPDATE_MESSAGES.length; k++ ) {
				const key = UPDATE_MESSAGES[ k ] as string;
				if ( table[ key ] ) {
					mw.messages.set( key, table[ key ] );
				}
			}
		}
		const diff = mw.util.wikiScript( 'index' ) + '?' + $.param( { diff: newest.revid, oldid: ownOldid } );
		OO.ui.confirm( $( '<div>' ).append( mw.message( 'mentorship-userscript-update', newest.user || '', diff ).parseDom() ), {
			actions: [
				{ action: 'reject', label: OO.ui.deferMsg( 'ooui-dialog-message-reject' ), flags: 'safe' },
				{ action: 'accept', label: mw.msg( 'mentorship-userscript-update-use' ), flags: [ 'primary', 'progressive' ] },
			],
		} ).then( ( accepted: boolean ) => {
			if ( !accepted ) {
				return;
			}
			api.get( { action: 'query', prop: 'revisions', titles: mine, rvprop: 'ids|content', rvslots: 'main', formatversion: 2 } ).then( ( read: Pages ) => {
				const current = latest( read );
				const text = current && current.slots && current.slots.main ? current.slots.main.content || '' : '';
				// Only the line that loads this revision changes; a line loaded otherwise is left alone.
				if ( !current || text.indexOf( pinned ) < 0 ) {
					return;
				}
				api.postWithEditToken( {
					action: 'edit', title: mine, text: text.split( pinned ).join( 'oldid=' + newest.revid + '&' ),
					baserevid: current.revid, nocreate: true, assert: 'user', summary: mw.msg( 'mentorship-userscript-update-use' ), formatversion: 2,
				} ).then( () => {
					mw.notify( mw.msg( 'mentorship-userscript-update-done' ), { tag: 'mentorship' } );
				} );
			} );
		} );
	} );
}

let folder = '';

/** The raw page's address: by the pinned revision, else by title and the build's hash. */
function rawUrl( name: string, ctype: string ): string {
	const oldid = ( mentorshipUserPins.oldids || {} )[ name ];
	const params: Record<string, string> = oldid ? { oldid: String( oldid ) } :
		{ title: folder + name, v: mentorshipUserBuild.version };
	params.action = 'raw';
	params.ctype = ctype;
	return mw.util.wikiScript( 'index' ) + '?' + $.param( params );
}

/** Page texts asked for (a failed one is forgotten, for Retry), and pages run. */
const asked: Record<string, JQuery.Promise<string>> = {};
const ran: Record<string, boolean> = {};

function fetchText( name: string ): JQuery.Promise<string> {
	if ( !asked[ name ] ) {
		const request = $.ajax( { url: rawUrl( name, 'text/javascript' ), dataType: 'text', cache: true } ).then( ( text: string ) => text, () => {
			delete asked[ name ];
			return $.Deferred().reject().promise();
		} );
		asked[ name ] = request as unknown as JQuery.Promise<string>;
	}
	return asked[ name ] as JQuery.Promise<string>;
}

/** Runs a page's code as the page's own scripts run: in a script element (as ResourceLoader does). */
function run( text: string ): void {
	const script = document.createElement( 'script' );
	script.text = text;
	document.head.appendChild( script );
	document.head.removeChild( script );
}

/** The language codes whose message modules a feature takes, as the gadgets' loader picks them. */
function languages( offered: string[] ): string[] {
	const user = String( mw.config.get( 'wgUserLanguage' ) );
	const content = String( mw.config.get( 'wgContentLanguage' ) );
	const codes = [ user.split( '-' )[ 0 ], user, content.split( '-' )[ 0 ], content ];
	const out: string[] = [];
	for ( let i = 0; i < codes.length; i++ ) {
		const code = String( codes[ i ] ).toLowerCase();
		if ( code !== 'en' && out.indexOf( code ) < 0 && offered.indexOf( code ) >= 0 ) {
			out.push( code );
		}
	}
	return out;
}

/** A feature from the user's pages: its ResourceLoader modules, its styles, then its code and messages, in order. */
function fromPages( feature: Feature ): { modules: string[]; ready: JQuery.Promise<unknown> } {
	const spec = mentorshipUserBuild.features[ feature ] || { modules: [], i18n: [], messages: '' };
	const modules: string[] = [];
	const pages: string[] = [];
	for ( let i = 0; i < spec.modules.length; i++ ) {
		const id = spec.modules[ i ] as string;
		const module = mentorshipUserBuild.modules[ id ] || { deps: [], optional: [], css: false };
		const deps = module.deps.concat( module.optional.filter( ( name ) => mw.loader.getState( name ) !== null ) );
		for ( let j = 0; j < deps.length; j++ ) {
			if ( modules.indexOf( deps[ j ] as string ) < 0 ) {
				modules.push( deps[ j ] as string );
			}
		}
		if ( module.css && !ran[ id + '.css' ] ) {
			ran[ id + '.css' ] = true;
			mw.loader.load( rawUrl( id + '.css', 'text/css' ), 'text/css' );
		}
		pages.push( id + '.js' );
	}
	const langs = languages( spec.i18n );
	for ( let i = 0; i < langs.length; i++ ) {
		pages.push( spec.messages.replace( '$1', langs[ i ] as string ) + '.js' );
	}
	// Fetched in parallel, run in order once all have come (and the ResourceLoader modules).
	const wanted = pages.filter( ( name ) => !ran[ name ] );
	const ready = $.when( mw.loader.using( modules ), ...wanted.map( fetchText ) ).then( ( ...args: unknown[] ) => {
		for ( let i = 0; i < wanted.length; i++ ) {
			const name = wanted[ i ] as string;
			if ( !ran[ name ] ) {
				ran[ name ] = true;
				run( args[ i + 1 ] as string );
			}
		}
		offerUpdate();
	} );
	return { modules: modules, ready: ready };
}

let started = false;

function start( on: Required<UserScriptSettings>, loaders: Partial<Record<keyof UserScriptSettings, () => void>> ): void {
	// Once: a second line in common.js runs the entry again, which calls this same start.
	if ( started ) {
		return;
	}
	started = true;
	mw.loader.using( 'mediawiki.util' ).then( () => {
		folder = base();
		( mw.libs.mentorshipUserScript as UserScriptLib ).install = folder + 'install.js';
		setSource( fromPages );
		setMessages( messages );
		mw.util.addCSS( mentorshipUserBuild.css );
		mw.libs.mentorshipLoader = { setMessages: setMessages, withCore: withCore, addLink: addLink, onActivate: onActivate, panelUrl: panelUrl };
		const names: ( keyof UserScriptSettings )[] = [ 'ask', 'welcome', 'panel' ];
		for ( let i = 0; i < names.length; i++ ) {
			const run = loaders[ names[ i ] as keyof UserScriptSettings ];
			if ( on[ names[ i ] as keyof UserScriptSettings ] && run ) {
				run();
			}
		}
	} );
}

// Once (a second line in common.js adds nothing), and not where the wiki has the gadgets.
const win = window as unknown as { mentorshipSettings?: UserScriptSettings; mentorshipUserScriptSeen?: boolean };
if ( !win.mentorshipUserScriptSeen ) {
	win.mentorshipUserScriptSeen = true;
	const wiki = gadgets();
	if ( wiki === 'installed' ) {
		// Off for the user: said once per page, in the console (a notice would load a module on every page view).
		setMessages( messages );
		mw.log.warn( mw.msg( 'mentorship-userscript-gadget-installed',
			String( mw.config.get( 'wgArticlePath' ) ).replace( '$1', 'Special:Preferences' ) + '#mw-prefsection-gadgets' ) );
	} else if ( !wiki ) {
		const settings = win.mentorshipSettings || {};
		const on: Required<UserScriptSettings> = { ask: settings.ask !== false, welcome: settings.welcome !== false, panel: settings.panel !== false };
		const lib: UserScriptLib = { on: on, install: '', start: ( loaders ) => start( on, loaders ) };
		mw.libs.mentorshipUserScript = lib;
	}
}
