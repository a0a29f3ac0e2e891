/**
 * What the gadgets cost in Chromium on the real local wiki: a page view with all gadgets on
 * against the same page with them off (requests, bytes, load time), and each action from
 * click to usable (API requests, bytes, time), as medians of repeated runs.
 */

import { gzipSync } from 'node:zlib';
import { Browser, Page, Request } from 'playwright-core';
import { Session } from '../scripts/lib/accounts';
import { article, config, enableGadgets, mentee, mentor, program, programId, unique, users } from '../tests/support/fixtures';
import { launch, url, userPage, UserPage } from '../tests/support/browser';
import { setGadgets } from '../scripts/lib/accounts';
import { LocalWiki } from '../scripts/lib/localwiki';

export function median( values: number[] ): number {
	const sorted = values.slice().sort( ( a, b ) => a - b );
	const mid = Math.floor( sorted.length / 2 );
	return sorted.length % 2 ? sorted[ mid ]! : Math.round( ( sorted[ mid - 1 ]! + sorted[ mid ]! ) / 2 );
}

function isApi( r: Request ): boolean {
	return /\/api\.php/.test( r.url() );
}

function isLoad( r: Request ): boolean {
	return /\/load\.php/.test( r.url() );
}

function modulesOf( r: Request ): string {
	try {
		return decodeURIComponent( new URL( r.url() ).searchParams.get( 'modules' ) || '' );
	} catch ( e ) {
		return '';
	}
}

/**
 * Bytes of the requests' response bodies, gzipped as a production server sends them (PHP's
 * built-in server sends them uncompressed).
 */
export async function bytesOf( requests: Request[] ): Promise<number> {
	let total = 0;
	for ( const r of requests ) {
		const response = await r.response();
		if ( response ) {
			try {
				total += gzipSync( await response.body(), { level: 6 } ).length;
			} catch ( e ) {
				// Redirects and aborted requests have no body.
			}
		}
	}
	return total;
}

export interface PageViewRow {
	page: string;
	on: { apiRequests: number; loadRequests: number; gadgetModuleRequests: number; ooui: boolean; loadMs: number };
	off: { apiRequests: number; loadRequests: number; loadMs: number };
	ratio: number;
	loads: number;
}

export interface GadgetBytes {
	/** What ResourceLoader serves for the three visible gadgets' modules (scripts and styles), as sent on a page view. */
	raw: number;
	gzip: number;
}

async function loadTime( page: Page ): Promise<number> {
	return page.evaluate( () => {
		const nav = performance.getEntriesByType( 'navigation' )[ 0 ] as PerformanceNavigationTiming | undefined;
		return nav ? Math.round( nav.loadEventEnd - nav.startTime ) : 0;
	} );
}

async function view( user: UserPage, target: string, loads: number ): Promise<{ requests: Request[]; times: number[] }> {
	const times: number[] = [];
	let first: Request[] = [];
	for ( let i = 0; i < loads; i++ ) {
		user.requests.length = 0;
		await user.page.goto( target, { waitUntil: 'load' } );
		await user.page.waitForLoadState( 'networkidle' );
		times.push( await loadTime( user.page ) );
		if ( i === 0 ) {
			first = user.requests.slice();
		}
	}
	return { requests: first, times };
}

export async function benchPageViews( wiki: LocalWiki, loads: number, log: ( line: string ) => void ): Promise<{ rows: PageViewRow[]; bytes: GadgetBytes }> {
	const reader = unique( 'Bench Reader' );
	const other = unique( 'Bench Newcomer' );
	const coord = unique( 'Bench PV Coord' );
	const teacher = unique( 'Bench PV Mentor' );
	const sessions = await users( [ reader, other, coord, teacher ] );
	const id = programId( 'benchpv' );
	await program( id, sessions[ coord ]!, config( { coordinators: [ coord ] } ), [
		{ name: teacher, membership: mentor( [ 'Art' ], [ 'en' ] ) },
		{ name: reader, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: teacher },
	], sessions );
	const title = 'Benchmark article ' + id;
	await article( sessions[ coord ]!, title, 'A benchmark article.\n\n== Section ==\nText. '.repeat( 20 ) );
	await sessions[ other ]!.client.edit( { title: 'User talk:' + other, text: 'Hello.', summary: 'bench', createonly: true } );
	const pages: [ string, string ][] = [
		[ 'article', url( title ) ],
		[ 'user talk page', url( 'User talk:' + other ) ],
		[ 'new-users log', url( 'Special:Log/newusers' ) ],
	];
	const browser = await launch();
	const user = await userPage( browser, reader );
	const rows: PageViewRow[] = [];
	const ids = [ 'mentorship-ask', 'mentorship-welcome', 'mentorship-match' ];
	for ( const [ name, target ] of pages ) {
		await setGadgets( sessions[ reader ]!, { 'mentorship-ask': true, 'mentorship-welcome': true, 'mentorship-match': true } );
		// A first visit warms the caches of both the wiki and the browser.
		await user.page.goto( target );
		const on = await view( user, target, loads );
		await setGadgets( sessions[ reader ]!, { 'mentorship-ask': false, 'mentorship-welcome': false, 'mentorship-match': false } );
		await user.page.goto( target );
		const off = await view( user, target, loads );
		const onLoads = on.requests.filter( isLoad );
		const row: PageViewRow = {
			page: name,
			on: {
				apiRequests: on.requests.filter( isApi ).length,
				loadRequests: onLoads.length,
				gadgetModuleRequests: onLoads.filter( ( r ) => /mentorship/.test( modulesOf( r ) ) ).length,
				ooui: onLoads.some( ( r ) => /oojs-ui/.test( modulesOf( r ) ) ) && !off.requests.filter( isLoad ).some( ( r ) => /oojs-ui/.test( modulesOf( r ) ) ),
				loadMs: median( on.times ),
			},
			off: { apiRequests: off.requests.filter( isApi ).length, loadRequests: off.requests.filter( isLoad ).length, loadMs: median( off.times ) },
			ratio: 0,
			loads,
		};
		row.ratio = Math.round( 100 * row.on.loadMs / Math.max( 1, row.off.loadMs ) ) / 100;
		rows.push( row );
		log( `  ${ name }: on ${ row.on.loadMs } ms (${ row.on.apiRequests } API), off ${ row.off.loadMs } ms, ratio ${ row.ratio }` );
	}
	await setGadgets( sessions[ reader ]!, { 'mentorship-ask': true, 'mentorship-welcome': true, 'mentorship-match': true } );
	await user.context.close();
	await browser.close();
	// The bytes ResourceLoader sends for the three loaders, as a page view asks for them.
	const response = await fetch( `${ wiki.server }/load.php?lang=en&modules=${ ids.map( ( g ) => 'ext.gadget.' + g ).join( '%7C' ) }&skin=vector` );
	const body = Buffer.from( await response.arrayBuffer() );
	return { rows, bytes: { raw: body.length, gzip: gzipSync( body, { level: 6 } ).length } };
}

export interface ActionRow {
	action: string;
	apiRequests: number;
	bytes: number;
	ms: number;
	runs: number;
}

export interface Measured {
	api: number;
	bytes: number;
	ms: number;
}

/** Runs `act` (which clicks and waits until the result is usable) and measures it. */
export async function measure( user: UserPage, act: () => Promise<void> ): Promise<Measured> {
	user.requests.length = 0;
	const start = performance.now();
	await act();
	const ms = performance.now() - start;
	const requests = user.requests.slice();
	return { api: requests.filter( isApi ).length, bytes: await bytesOf( requests.filter( ( r ) => isApi( r ) || isLoad( r ) ) ), ms };
}

export function summarise( action: string, runs: Measured[] ): ActionRow {
	return {
		action,
		apiRequests: median( runs.map( ( r ) => r.api ) ),
		bytes: median( runs.map( ( r ) => r.bytes ) ),
		ms: median( runs.map( ( r ) => Math.round( r.ms ) ) ),
		runs: runs.length,
	};
}

async function waitEnabledQuestion( page: Page ): Promise<void> {
	await page.locator( '.mg-ask-dialog[data-mg-ready]' ).waitFor();
}

export type ExtraAction = ( browser: Browser, runs: number ) => Promise<ActionRow>;

/**
 * Each action, `runs` times: open the ask dialog, send a question, join a program, choose a
 * mentor. Actions of other features (welcome, dashboard) are passed in as `extra`.
 */
export async function benchActions( runs: number, log: ( line: string ) => void, extra: ExtraAction[] = [] ): Promise<ActionRow[]> {
	const browser = await launch();
	const rows: ActionRow[] = [];
	const open: Measured[] = [];
	const send: Measured[] = [];
	const joins: Measured[] = [];
	const chooses: Measured[] = [];
	for ( let run = 0; run < runs; run++ ) {
		const coord = unique( `BenchA${ run } Coord` );
		const teacher = unique( `BenchA${ run } Mentor` );
		const pupil = unique( `BenchA${ run } Mentee` );
		const joiner = unique( `BenchA${ run } Joiner` );
		const sessions: Record<string, Session> = await users( [ coord, teacher, pupil, joiner ] );
		const id = programId( 'bencha' + run );
		await program( id, sessions[ coord ]!, config( { coordinators: [ coord ] } ), [
			{ name: teacher, membership: mentor( [ 'Art', 'History' ], [ 'en' ], { capacity: 10 } ) },
			{ name: pupil, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: teacher },
		], sessions );
		await enableGadgets( sessions[ pupil ]!, [ 'mentorship-ask' ] );
		const title = 'Benchmark action article ' + id;
		await article( sessions[ coord ]!, title, 'Text.' );

		const asker = await userPage( browser, pupil );
		await asker.page.goto( url( title ) );
		await asker.page.waitForLoadState( 'networkidle' );
		open.push( await measure( asker, async () => {
			await asker.page.locator( '#ca-mentorship-ask a' ).click();
			await waitEnabledQuestion( asker.page );
		} ) );
		await asker.page.getByRole( 'textbox', { name: 'Your question' } ).fill( 'A benchmark question ' + run );
		await asker.page.getByRole( 'button', { name: 'Preview' } ).click();
		await asker.page.locator( '.mg-preview h2' ).waitFor();
		send.push( await measure( asker, async () => {
			await asker.page.getByRole( 'button', { name: 'Send' } ).click();
			await asker.page.locator( '.mg-ask-dialog [role=status] .oo-ui-messageWidget' ).waitFor();
		} ) );
		await asker.context.close();

		const newcomer = await userPage( browser, joiner );
		await newcomer.page.goto( url( 'Special:BlankPage/Mentorship', { program: id, withgadget: 'mentorship-match' } ) );
		await newcomer.page.locator( '.mg-join' ).waitFor();
		await newcomer.page.getByRole( 'checkbox', { name: /I understand/ } ).check();
		joins.push( await measure( newcomer, async () => {
			await newcomer.page.getByRole( 'button', { name: 'Join the program' } ).click();
			await newcomer.page.locator( 'ol.mg-mentor-cards > li' ).first().waitFor();
		} ) );
		await newcomer.page.locator( 'ol.mg-mentor-cards .oo-ui-buttonElement-button' ).first().click();
		await newcomer.page.locator( '.mg-notice-dialog' ).waitFor();
		await newcomer.page.locator( '.mg-notice-dialog .oo-ui-checkboxInputWidget input' ).uncheck();
		chooses.push( await measure( newcomer, async () => {
			await newcomer.page.locator( '.oo-ui-processDialog-actions-primary .oo-ui-buttonElement-button' ).click();
			await newcomer.page.locator( '.mg-notice-dialog' ).waitFor( { state: 'hidden' } );
			await newcomer.page.getByRole( 'tab', { name: 'Your mentor' } ).waitFor();
		} ) );
		await newcomer.context.close();
		log( `  run ${ run + 1 } of ${ runs } done` );
	}
	rows.push( summarise( 'open the ask dialog', open ) );
	rows.push( summarise( 'send a question', send ) );
	rows.push( summarise( 'join a program (until suggestions show)', joins ) );
	rows.push( summarise( 'choose a mentor', chooses ) );
	for ( const action of extra ) {
		rows.push( await action( browser, runs ) );
	}
	await browser.close();
	return rows;
}
