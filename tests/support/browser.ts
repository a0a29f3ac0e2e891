/**
 * Browser tests: Debian's Chromium driven by playwright-core (never a downloaded browser),
 * logging in through the real login form, recording every request a page makes, and
 * saving screenshots to test-results/screenshots/ (look at them).
 */

import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page, Request } from 'playwright-core';
import { ROOT } from '../../scripts/lib/localwiki';
import { PASSWORD, wiki } from './fixtures';

export const SCREENSHOTS = join( ROOT, 'test-results', 'screenshots' );

export async function launch(): Promise<Browser> {
	return chromium.launch( {
		executablePath: '/usr/bin/chromium',
		args: [
			'--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
			'--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run',
		],
	} );
}

export interface UserPage {
	context: BrowserContext;
	page: Page;
	/** Every request the page made since the log was last cleared. */
	requests: Request[];
}

export async function newPage( browser: Browser, options: { locale?: string } = {} ): Promise<UserPage> {
	const context = await browser.newContext( {
		viewport: { width: 1280, height: 900 },
		locale: options.locale || 'en-US',
	} );
	const page = await context.newPage();
	const requests: Request[] = [];
	page.on( 'request', ( r ) => {
		requests.push( r );
	} );
	page.on( 'pageerror', ( e ) => {
		process.stderr.write( `[page error] ${ e.message }\n` );
	} );
	return { context, page, requests };
}

/** Logs in through Special:UserLogin, as a person would. */
export async function logIn( user: UserPage, name: string, password = PASSWORD ): Promise<void> {
	const { page } = user;
	await page.goto( `${ wiki().index }?title=Special:UserLogin` );
	await page.fill( '#wpName1', name );
	await page.fill( '#wpPassword1', password );
	await Promise.all( [ page.waitForNavigation(), page.click( '#wpLoginAttempt' ) ] );
}

export async function userPage( browser: Browser, name: string, options: { locale?: string } = {} ): Promise<UserPage> {
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

export const OOUI = /oojs-ui|ooui/;
export const CORE_GADGET = /mentorship-core/;

/** axe-core's source, to inject into pages for accessibility checks. */
export function axeSource(): string {
	return readFileSync( join( ROOT, 'node_modules', 'axe-core', 'axe.min.js' ), 'utf8' );
}
