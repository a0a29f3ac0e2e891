/**
 * Browser tests: Debian's Chromium driven by playwright-core (never a downloaded browser),
 * logging in through the API in the page's own cookie jar, recording every request a page makes, and
 * saving screenshots to test-results/screenshots/ (look at them).
 */

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page, Request } from 'playwright-core';
import { ROOT } from '../../scripts/lib/localwiki';
import { Session, setGadgets } from '../../scripts/lib/accounts';
import { PASSWORD, wiki } from './fixtures';

/** Screenshots of 1.39 (legacy Vector) here; of 1.43 (Vector 2022, Minerva) in its own folder. */
export const SCREENSHOTS = join( ROOT, 'test-results', 'screenshots', ...( ( process.env.MENTORSHIP_MW || '1.39' ) === '1.39' ? [] : [ process.env.MENTORSHIP_MW as string ] ) );

/** A phone: 375 × 812 CSS pixels, touch. */
export const PHONE = { width: 375, height: 812 };

export async function launch(): Promise<Browser> {
	try {
		return await chromium.launch( {
			executablePath: '/usr/bin/chromium',
			args: [
				'--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
				'--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
			],
		} );
	} catch ( e ) {
		throw new Error( `Debian's Chromium (/usr/bin/chromium) did not start: ${ e instanceof Error ? e.message.split( '\n' )[ 0 ] : String( e ) }. ` +
			'Install it as root with: apt-get update && apt-get install -y --no-install-recommends chromium' );
	}
}

export interface UserPage {
	context: BrowserContext;
	page: Page;
	/** Every request the page made since the log was last cleared. */
	requests: Request[];
}

export interface PageOptions {
	locale?: string;
	/** A phone's screen and touch (PHONE). */
	phone?: boolean;
}

/** Pages not closed yet: what a failed test left on screen (see browser-setup.ts). */
const openPages = new Set<Page>();

export async function newPage( browser: Browser, options: PageOptions = {} ): Promise<UserPage> {
	const context = await browser.newContext( {
		viewport: options.phone ? PHONE : { width: 1280, height: 900 },
		isMobile: !!options.phone,
		hasTouch: !!options.phone,
		locale: options.locale || 'en-US',
	} );
	// Conditions, not times, are what the tests wait for; this only caps each wait. Two
	// wikis, Chromium and the test runner share two cores, and a 1.43 talk page loads
	// DiscussionTools and VisualEditor before the gadgets: 30 s was not always enough.
	context.setDefaultTimeout( 90000 );
	const page = await context.newPage();
	const requests: Request[] = [];
	page.on( 'request', ( r ) => {
		requests.push( r );
	} );
	page.on( 'pageerror', ( e ) => {
		process.stderr.write( `[page error] ${ page.url() }: ${ e.message }\n` );
	} );
	openPages.add( page );
	page.on( 'close', () => openPages.delete( page ) );
	return { context, page, requests };
}

/** The wiki's last complaints about sessions (its logs/session.log), for a page that shows the logged-out view. */
function sessionTrouble(): string {
	const file = join( wiki().dir, 'logs', 'session.log' );
	if ( !existsSync( file ) ) {
		return '';
	}
	const lines = readFileSync( file, 'utf8' ).split( '\n' ).filter( ( l ) => /Failed to load session|anonymous user|Bad data|Wrong provider|token/i.test( l ) );
	return lines.length ? `  session log (${ lines.length } complaints, the last ones):\n${ lines.slice( -4 ).map( ( l ) => '    ' + l.slice( 0, 300 ) ).join( '\n' ) }\n` : '';
}

/**
 * When a browser test fails: a screenshot of each page it left open, under
 * test-results/failures/, and each page's address and visible text on stderr, so that a
 * failure in CI can be read without running it again.
 */
export async function recordFailure( testName: string ): Promise<void> {
	const dir = join( ROOT, 'test-results', 'failures', process.env.MENTORSHIP_MW || '1.39' );
	mkdirSync( dir, { recursive: true } );
	let i = 0;
	for ( const page of openPages ) {
		i++;
		const file = join( dir, `${ testName.replace( /[^\w-]+/g, '-' ).slice( 0, 80 ) }-${ i }.png` );
		try {
			await page.screenshot( { path: file, timeout: 10000 } );
			const text = await page.evaluate( () => ( document.body ? document.body.innerText : '' ).replace( /\s+/g, ' ' ).slice( 0, 800 ) );
			const states = await page.evaluate( () => typeof mw === 'undefined' ? '' : mw.loader.getModuleNames()
				.filter( ( m ) => /mentorship|ooui|oojs|widgets/.test( m ) && [ 'loading', 'error', 'missing' ].includes( mw.loader.getState( m ) || '' ) )
				.map( ( m ) => m + ':' + mw.loader.getState( m ) ).join( ' ' ) );
			process.stderr.write( `[failed: ${ testName }] ${ page.url() }\n  screenshot: ${ file }\n  modules not ready: ${ states || 'none' }\n  text: ${ text }\n` );
			process.stderr.write( sessionTrouble() );
		} catch ( e ) {
			process.stderr.write( `[failed: ${ testName }] ${ page.url() }: could not record (${ String( e ) })\n` );
		}
	}
}

/**
 * Logs the browser in through the API (action=clientlogin, in the page's own cookie jar) and
 * checks, on a page, that the wiki sees the user.
 *
 * Not through the login form: its redirect raced on these wikis. In the session logs of a
 * failing run (logs/session.log of the test wiki), Chromium now and then sent a second
 * request for the page after the login with the session cookie from before it; the wiki made
 * that unknown session a new anonymous one, and its cookie replaced the new login's. The
 * next page then found an anonymous session under a logged-in user's cookie, and MediaWiki
 * dropped it ("Failed to load session, unpersisting"): the page rendered logged out. One or
 * two of 755 tests in three of four full runs failed so. A login through the API has no
 * redirect and no page in flight. The login form itself is MediaWiki's, and the arrival
 * test still goes through it.
 */
export async function logIn( user: UserPage, name: string, password = PASSWORD ): Promise<void> {
	const { context, page } = user;
	const api = wiki().api;
	const tokens = await ( await context.request.get( api, {
		params: { action: 'query', meta: 'tokens', type: 'login', format: 'json', formatversion: '2' },
	} ) ).json() as { query: { tokens: { logintoken: string } } };
	const response = await ( await context.request.post( api, {
		form: {
			action: 'clientlogin', username: name, password, logintoken: tokens.query.tokens.logintoken,
			loginreturnurl: wiki().server + '/', format: 'json', formatversion: '2', errorformat: 'plaintext',
		},
	} ) ).json() as { clientlogin?: { status: string; message?: string }; errors?: { text: string }[] };
	if ( !response.clientlogin || response.clientlogin.status !== 'PASS' ) {
		throw new Error( `Could not log in as ${ name }: ${ response.clientlogin ? response.clientlogin.message || response.clientlogin.status : JSON.stringify( response.errors ) }` );
	}
	await page.goto( `${ wiki().index }?title=Special:BlankPage` );
	const who = await page.evaluate( () => typeof mw === 'undefined' ? null : mw.config.get( 'wgUserName' ) as string | null );
	if ( who !== name.replace( /_/g, ' ' ) ) {
		throw new Error( `Logged in as ${ name } through the API, but the next page shows ${ who === null ? 'no user' : who }` );
	}
}

export async function userPage( browser: Browser, name: string, options: PageOptions = {} ): Promise<UserPage> {
	const user = await newPage( browser, options );
	await logIn( user, name );
	return user;
}

export function url( title: string, params: Record<string, string> = {} ): string {
	const query = new URLSearchParams( { title, ...params } );
	return `${ wiki().index }?${ query.toString() }`;
}

export async function shot( page: Page, name: string ): Promise<string> {
	mkdirSync( SCREENSHOTS, { recursive: true } );
	const file = join( SCREENSHOTS, name + '.png' );
	await page.screenshot( { path: file } );
	return file;
}

/** Requests to api.php. */
export function apiRequests( requests: Request[] ): Request[] {
	return requests.filter( ( r ) => /\/api\.php/.test( r.url() ) );
}

/** ResourceLoader requests that load any of the given modules (or any OOUI module when no list). */
export function loads( requests: Request[], pattern: RegExp ): Request[] {
	return requests.filter( ( r ) => /\/load\.php/.test( r.url() ) && pattern.test( decodeURIComponent( new URL( r.url() ).searchParams.get( 'modules' ) || '' ) ) );
}

/**
 * The modules that ResourceLoader requests load, by full name, in request order: load.php
 * packs them ("ext.gadget.mentorship-core,mentorship-core-ask|mediawiki.util"), each group
 * naming the later ones after the prefix of its first.
 */
export function loadedModules( requests: Request[] ): string[][] {
	return requests.filter( ( r ) => /\/load\.php/.test( r.url() ) ).map( ( r ) => {
		const packed = new URL( r.url() ).searchParams.get( 'modules' ) || '';
		const names: string[] = [];
		for ( const group of packed.split( '|' ).filter( Boolean ) ) {
			const [ first, ...rest ] = group.split( ',' ) as [ string, ...string[] ];
			const prefix = first.slice( 0, first.lastIndexOf( '.' ) + 1 );
			names.push( first, ...rest.map( ( name ) => prefix + name ) );
		}
		return names;
	} ).filter( ( names ) => names.length > 0 );
}

/**
 * The gadgets' own modules of each load.php request a feature's first click made: one
 * request, with the feature's module, the base and only shared modules the feature uses
 * (mentorship-core-shared-…, named for the features sharing them).
 */
export function featureRequests( requests: Request[] ): string[][] {
	return loadedModules( requests ).map( ( names ) => names.filter( ( n ) => /^ext\.gadget\.mentorship-/.test( n ) ).sort() ).filter( ( names ) => names.length );
}

export const OOUI = /oojs-ui|ooui/;
export const CORE_GADGET = /mentorship-core/;

/** axe-core's source, to inject into pages for accessibility checks. */
export function axeSource(): string {
	return readFileSync( join( ROOT, 'node_modules', 'axe-core', 'axe.min.js' ), 'utf8' );
}

/** The modules ResourceLoader has run on the page. */
export async function readyModules( page: Page ): Promise<string[]> {
	return page.evaluate( () => mw.loader.getModuleNames().filter( ( m ) => mw.loader.getState( m ) === 'ready' ) );
}

export interface PageViewCost {
	/** API requests the view made with the gadgets on and not with them off. */
	api: string[];
	/** Modules that ran with the gadgets on and not with them off. */
	added: string[];
	/** load.php requests for the shared code (mentorship-core) or a message module. */
	lazy: string[];
}

let views = 0;

async function viewOf( user: UserPage, target: string ): Promise<{ api: string[]; modules: string[]; lazy: string[] }> {
	user.requests.length = 0;
	// A URL of its own: the wiki answers a revalidation with 304 when the user's options
	// changed in the same second as the last view, and the browser would show that view again.
	views++;
	await user.page.goto( target + ( !target.includes( '?' ) ? '?' : '&' ) + 'mgview=' + views );
	await user.page.waitForLoadState( 'networkidle' );
	const requests = user.requests.slice();
	return {
		api: apiRequests( requests ).map( ( r ) => `${ r.method() } ${ r.url() } ${ r.postData() || '' }` ),
		modules: await readyModules( user.page ),
		lazy: loads( requests, /mentorship-(core|i18n)/ ).map( ( r ) => r.url() ),
	};
}

/**
 * What the gadgets add to a page view, against the same view with them off: on 1.43 a page
 * may make API requests and load OOUI by itself (DiscussionTools on talk pages, Echo), so
 * "the gadgets cost nothing" is measured as a difference. Leaves the gadgets on.
 *
 * @param user
 * @param session The same user's API session (to turn the gadgets off and on).
 * @param target
 * @param gadgets
 */
export async function pageViewCost( user: UserPage, session: Session, target: string, gadgets: string[] ): Promise<PageViewCost> {
	const set = ( on: boolean ): Record<string, boolean> => Object.fromEntries( gadgets.map( ( g ) => [ g, on ] ) );
	await setGadgets( session, set( false ) );
	const off = await viewOf( user, target );
	await setGadgets( session, set( true ) );
	const on = await viewOf( user, target );
	const api = on.api.slice();
	for ( const r of off.api ) {
		const at = api.indexOf( r );
		if ( at !== -1 ) {
			api.splice( at, 1 );
		}
	}
	return { api, added: on.modules.filter( ( m ) => !off.modules.includes( m ) ).sort(), lazy: on.lazy };
}

/** The loaders' modules: all that a page view may add (never the shared code or OOUI). */
export const LOADER_MODULES = /^ext\.gadget\.mentorship-(ask|welcome|match|loader)$/;
