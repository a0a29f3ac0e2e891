/**
 * Console benchmark (issue 7's figures), on the real local test wiki:
 *
 * - the dashboard's data (loadConsole, the code the console runs) for the scale fixtures of
 *   50, 500 and 5,000 members (bench/scale.ts makes them once): API requests and time;
 * - "open the dashboard" in Chromium for the coordinator of the 500-member program: from the
 *   click on the Console tab to the members' table, with the API requests and bytes it took;
 * - matching 2,000 mentees with 200 mentors as the browser runs it: the console's code
 *   (bench/console-matching.ts) bundled and lowered to ECMAScript 5 exactly as the gadget
 *   is, run in Debian's Chromium (and in Node for comparison): time, and total fit
 *   against first-come greedy.
 *
 *   npx tsx bench/console.ts [--quick]    prints the figures (--quick: no 5,000 members)
 *   benchFeature(), benchAction()         for npm run bench (bench/run.ts)
 */

import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { Browser, chromium } from 'playwright-core';
import { checkEs5, lowerToEs5 } from '../build.mjs';
import { adminSession } from '../scripts/lib/accounts';
import { ensureInstalled, ensureMediaWiki, startServer } from '../scripts/lib/localwiki';
import { CONFIG } from '../src/core/format';
import { configTitle } from '../src/core/titles';
import { loadConsole } from '../src/wiki/console';
import { Store, UNCHANGED } from '../src/wiki/store';
import { enableGadgets, users, wiki } from '../tests/support/fixtures';
import { logIn, newPage, url } from '../tests/support/browser';
import { ActionRow, measure, Measured, summarise } from './browser';
import { MatchingFigures, runMatching } from './console-matching';
import { scaleFixture } from './scale';

const ROOT = join( dirname( fileURLToPath( import.meta.url ) ), '..' );

export interface DashboardFigures {
	program: string;
	members: number;
	/** Each run: requests and milliseconds. */
	runs: { requests: number; ms: number }[];
}

export interface ConsoleBench {
	node: string;
	dashboard: DashboardFigures[];
	matching: {
		node: MatchingFigures;
		chromium: MatchingFigures | { skipped: string };
	};
}

/** The dashboard's data of the scale fixture of `size` members, `runs` times, as its coordinator (Admin). */
export async function benchDashboard( size: number, runs = 3 ): Promise<DashboardFigures> {
	const w = wiki();
	const id = await scaleFixture( w, size );
	const admin = await adminSession( w );
	const out: DashboardFigures = { program: id, members: 0, runs: [] };
	for ( let r = 0; r < runs; r++ ) {
		const start = performance.now();
		const data = await loadConsole( admin.client, id, Date.now() );
		out.runs.push( { requests: data.requests, ms: Math.round( performance.now() - start ) } );
		out.members = data.dashboard.rows.length;
	}
	return out;
}

/** The matching code as the gadget ships it: bundled, lowered to ECMAScript 5, checked. */
export async function matchingBundle(): Promise<string> {
	const result = await esbuild.build( {
		absWorkingDir: ROOT,
		entryPoints: [ 'bench/console-matching.ts' ],
		bundle: true,
		format: 'iife',
		globalName: 'mgBench',
		target: 'es2017',
		write: false,
		logLevel: 'silent',
	} );
	const code = lowerToEs5( result.outputFiles[ 0 ]!.text, 'bench-matching.js' );
	checkEs5( code, 'bench-matching.js' );
	return code;
}

/** Matching n mentees with m mentors in Chromium (ES5 bundle), as the console does in the browser. */
export async function benchMatchingInChromium( n: number, m: number ): Promise<MatchingFigures | { skipped: string }> {
	let browser;
	try {
		browser = await chromium.launch( { executablePath: '/usr/bin/chromium', args: [ '--headless', '--no-sandbox', '--disable-gpu' ] } );
	} catch ( e ) {
		return { skipped: 'no Chromium at /usr/bin/chromium: ' + String( e ) };
	}
	try {
		const page = await browser.newPage();
		await page.addScriptTag( { content: await matchingBundle() } );
		return await page.evaluate( ( [ a, b ] ) => ( window as unknown as { mgBench: { runMatching( n: number, m: number ): MatchingFigures } } ).mgBench.runMatching( a!, b! ), [ n, m ] );
	} finally {
		await browser.close();
	}
}

export async function benchConsole( options: { quick?: boolean; log?: ( line: string ) => void; mentees?: number; mentors?: number } = {} ): Promise<ConsoleBench> {
	const log = options.log || ( () => undefined );
	const n = options.mentees || 2000;
	const m = options.mentors || 200;
	const dashboard: DashboardFigures[] = [];
	for ( const size of options.quick ? [ 50, 500 ] : [ 50, 500, 5000 ] ) {
		const d = await benchDashboard( size );
		log( `  dashboard of ${ d.members } members: ` + d.runs.map( ( r ) => `${ r.requests } requests in ${ r.ms } ms` ).join( '; ' ) );
		dashboard.push( d );
	}
	const result: ConsoleBench = {
		node: process.version,
		dashboard,
		matching: {
			node: runMatching( n, m ),
			chromium: await benchMatchingInChromium( n, m ),
		},
	};
	log( '  ' + describe( 'matching in Chromium (ES5 bundle)', result.matching.chromium ) );
	return result;
}

/** For npm run bench (bench/run.ts): the figures under extra.console. */
export function benchFeature( options: { quick: boolean; log: ( line: string ) => void } ): Promise<ConsoleBench> {
	return benchConsole( options );
}

/**
 * For npm run bench's actions table: a coordinator of the 500-member program, on its page,
 * clicks the Console tab; timed until the members' table shows.
 */
export async function benchAction( browser: Browser, runs: number ): Promise<ActionRow> {
	const w = wiki();
	const id = await scaleFixture( w, 500 );
	const coord = 'Bench Dashboard Coordinator';
	const sessions = await users( [ coord ] );
	const admin = await adminSession( w );
	await new Store( admin.client ).update( configTitle( id ), CONFIG, ( c ) => c.coordinators.includes( coord ) ? UNCHANGED :
		{ ...c, coordinators: c.coordinators.concat( coord ) }, { summary: 'bench: a coordinator for the dashboard', create: false } );
	await enableGadgets( sessions[ coord ]!, [ 'mentorship-match' ] );
	const rows: Measured[] = [];
	for ( let run = 0; run < runs; run++ ) {
		const user = await newPage( browser );
		await logIn( user, coord );
		await user.page.goto( url( 'Special:BlankPage/Mentorship', { program: id, view: 'join' } ) );
		const tab = user.page.getByRole( 'tab', { name: 'Console' } );
		await tab.waitFor( { timeout: 60000 } );
		await user.page.waitForLoadState( 'networkidle' );
		rows.push( await measure( user, async () => {
			await tab.click();
			await user.page.locator( '.mg-members tbody tr' ).first().waitFor( { timeout: 120000 } );
		} ) );
		await user.context.close();
	}
	return summarise( 'open the dashboard (500 members)', rows );
}

export function describe( label: string, f: MatchingFigures | { skipped: string } ): string {
	if ( 'skipped' in f ) {
		return `${ label }: skipped (${ f.skipped })`;
	}
	return `${ label }: ${ f.mentees } mentees x ${ f.mentors } mentors (${ f.places } free places): ${ f.ms } ms ` +
		`(proposal ${ f.proposeMs } ms; median of ${ f.runs }); ${ f.matched } pairs, total fit ${ f.total } ` +
		`against greedy ${ f.greedy.total } with ${ f.greedy.matched } pairs (+${ f.gainPercent }%)`;
}

if ( process.argv[ 1 ] && import.meta.url === pathToFileURL( process.argv[ 1 ] ).href ) {
	const quick = process.argv.includes( '--quick' );
	( async () => {
		ensureMediaWiki( wiki().release );
		ensureInstalled( wiki() );
		await startServer( wiki() );
		const result = await benchConsole( { quick, log: ( line ) => process.stdout.write( line + '\n' ) } );
		process.stdout.write( describe( 'matching in Node ' + result.node, result.matching.node ) + '\n' );
	} )().catch( ( e: unknown ) => {
		process.stderr.write( ( e instanceof Error ? e.stack || e.message : String( e ) ) + '\n' );
		process.exit( 1 );
	} );
}
