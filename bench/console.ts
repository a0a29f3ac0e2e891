/**
 * Console benchmark (issue 7's figures):
 *
 * - the dashboard of a program of 500 members on the local test wiki: loadConsole, as the
 *   console runs it, for the kept fixture perf500-v1 (tests/integration/performance.test.ts
 *   makes it): API requests and time, three runs, logged in as its coordinator;
 * - matching 2,000 mentees with 200 mentors as the browser runs it: the console's code
 *   (bench/console-matching.ts) bundled and lowered to ECMAScript 5 exactly as the gadget
 *   is, run in Debian's Chromium (and in Node for comparison): time, and total fit
 *   against first-come greedy.
 *
 *   MENTORSHIP_TEST_WIKI_PORT=… npx tsx bench/console.ts     prints the figures
 *   benchConsole()                                          returns them
 */

import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { checkEs5, lowerToEs5 } from '../build.mjs';
import { login } from '../scripts/lib/accounts';
import { localWiki } from '../scripts/lib/localwiki';
import { loadConsole } from '../src/wiki/console';
import { MatchingFigures, runMatching } from './console-matching';

const ROOT = join( dirname( fileURLToPath( import.meta.url ) ), '..' );
/** The kept fixture of tests/integration/performance.test.ts, and its coordinator. */
export const FIXTURE = { program: 'perf500-v1', coordinator: 'Perf Coordinator', password: 'integration-test-password' };

export interface DashboardFigures {
	program: string;
	members: number;
	/** Each run: requests and milliseconds. */
	runs: { requests: number; ms: number }[];
}

export interface ConsoleBench {
	node: string;
	dashboard: DashboardFigures | { skipped: string };
	matching: {
		node: MatchingFigures;
		chromium: MatchingFigures | { skipped: string };
	};
}

/** The dashboard's load, three times, on the test wiki (port from MENTORSHIP_TEST_WIKI_PORT). */
export async function benchDashboard( runs = 3 ): Promise<DashboardFigures | { skipped: string }> {
	const wiki = localWiki( 'test', 8766 );
	let session;
	try {
		session = await login( wiki, FIXTURE.coordinator, FIXTURE.password );
	} catch ( e ) {
		return { skipped: `cannot log in as ${ FIXTURE.coordinator } on ${ wiki.server } (run tests/integration/performance.test.ts once to make the fixture): ${ String( e ) }` };
	}
	const out: DashboardFigures = { program: FIXTURE.program, members: 0, runs: [] };
	for ( let r = 0; r < runs; r++ ) {
		session.client.requestCount = 0;
		const start = performance.now();
		const data = await loadConsole( session.client, FIXTURE.program, Date.now() );
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

export async function benchConsole( options: { dashboard?: boolean; mentees?: number; mentors?: number } = {} ): Promise<ConsoleBench> {
	const n = options.mentees || 2000;
	const m = options.mentors || 200;
	return {
		node: process.version,
		dashboard: options.dashboard === false ? { skipped: 'not asked' } : await benchDashboard(),
		matching: {
			node: runMatching( n, m ),
			chromium: await benchMatchingInChromium( n, m ),
		},
	};
}

function describe( label: string, f: MatchingFigures | { skipped: string } ): string {
	if ( 'skipped' in f ) {
		return `${ label }: skipped (${ f.skipped })`;
	}
	return `${ label }: ${ f.mentees } mentees x ${ f.mentors } mentors (${ f.places } free places): ${ f.ms } ms ` +
		`(proposal ${ f.proposeMs } ms; median of ${ f.runs }); ${ f.matched } pairs, total fit ${ f.total } ` +
		`against greedy ${ f.greedy.total } with ${ f.greedy.matched } pairs (+${ f.gainPercent }%)`;
}

if ( process.argv[ 1 ] && import.meta.url === pathToFileURL( process.argv[ 1 ] ).href ) {
	const result = await benchConsole();
	const d = result.dashboard;
	if ( 'skipped' in d ) {
		console.log( `dashboard: skipped (${ d.skipped })` );
	} else {
		console.log( `dashboard of ${ d.program } (${ d.members } members): ` + d.runs.map( ( r ) => `${ r.requests } requests in ${ r.ms } ms` ).join( '; ' ) );
	}
	console.log( describe( 'matching in Chromium (ES5 bundle)', result.matching.chromium ) );
	console.log( describe( 'matching in Node ' + result.node, result.matching.node ) );
}
