/**
 * The same gadgets on each supported release and on the skins people use, side by side in
 * one run: what a page view costs with the ask gadget on (API requests, modules added,
 * bytes of the gadgets' own modules) and how long "Ask my mentor" takes from click to a
 * question box that takes input. Vector (legacy), Vector 2022, and Minerva at a phone's size.
 *
 * Runs on its own too: `npx tsx bench/releases.ts [--quick]`.
 */

import { pathToFileURL } from 'node:url';
import { Page, Request } from 'playwright-core';
import { deploy } from '../scripts/lib/deploy';
import { setGadgets } from '../scripts/lib/accounts';
import { ensureInstalled, ensureMediaWiki, localWiki, Release, RELEASES, startServer } from '../scripts/lib/localwiki';
import { article, config, mentee, mentor, program, programId, unique, users } from '../tests/support/fixtures';
import { launch, url, userPage, UserPage } from '../tests/support/browser';
import { bytesOf, median } from './browser';

export interface ReleaseRow {
	release: Release;
	skin: string;
	phone: boolean;
	/** API requests of a page view with the gadgets on. */
	apiRequests: number;
	/** Modules ready on the page with the gadgets on and not without them. */
	modulesAdded: string[];
	/** The gadgets' own modules as load.php sent them on that page view, gzipped. */
	gadgetBytes: number;
	/** Click to a question box that takes input (median). */
	openAskMs: number;
	/** API requests and bytes (gzipped) of opening the dialog. */
	openAskApi: number;
	openAskBytes: number;
	runs: number;
}

const SKINS: { skin: string; phone: boolean }[] = [
	{ skin: 'vector', phone: false },
	{ skin: 'vector-2022', phone: false },
	{ skin: 'minerva', phone: true },
];

function isLoad( r: Request ): boolean {
	return /\/load\.php/.test( r.url() );
}

async function readyModules( page: Page ): Promise<string[]> {
	return page.evaluate( () => mw.loader.getModuleNames().filter( ( m ) => mw.loader.getState( m ) === 'ready' ) );
}

async function pageView( user: UserPage, target: string ): Promise<{ api: number; modules: string[]; gadgetBytes: number }> {
	user.requests.length = 0;
	await user.page.goto( target );
	await user.page.waitForLoadState( 'networkidle' );
	const requests = user.requests.slice();
	const ours = requests.filter( ( r ) => isLoad( r ) && /mentorship/.test( decodeURIComponent( new URL( r.url() ).searchParams.get( 'modules' ) || '' ) ) );
	return {
		api: requests.filter( ( r ) => /\/api\.php/.test( r.url() ) ).length,
		modules: await readyModules( user.page ),
		gadgetBytes: await bytesOf( ours ),
	};
}

async function benchRelease( release: Release, runs: number, log: ( line: string ) => void ): Promise<ReleaseRow[]> {
	process.env.MENTORSHIP_MW = release;
	const wiki = localWiki( 'test', release );
	ensureMediaWiki( release );
	ensureInstalled( wiki );
	await startServer( wiki );
	await deploy( { api: wiki.api, auth: { username: wiki.bot.name, password: wiki.bot.password }, log: () => undefined, build: false } );
	const coord = unique( 'BenchRel Coord' );
	const teacher = unique( 'BenchRel Mentor' );
	const reader = unique( 'BenchRel Mentee' );
	const sessions = await users( [ coord, teacher, reader ] );
	const id = programId( 'benchrel' );
	await program( id, sessions[ coord ]!, config( { coordinators: [ coord ] } ), [
		{ name: teacher, membership: mentor( [ 'Art' ], [ 'en' ], { capacity: 50 } ) },
		{ name: reader, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: teacher },
	], sessions );
	const title = 'Release benchmark article ' + id;
	await article( sessions[ coord ]!, title, 'A benchmark article.\n\n== Section ==\nText. '.repeat( 20 ) );
	const browser = await launch();
	const rows: ReleaseRow[] = [];
	try {
		for ( const { skin, phone } of SKINS ) {
			await sessions[ reader ]!.client.postWithToken( { action: 'options', change: [ 'skin=' + skin ] } );
			const user = await userPage( browser, reader, { phone } );
			await setGadgets( sessions[ reader ]!, { 'mentorship-ask': false } );
			await user.page.goto( url( title ) );
			const off = await pageView( user, url( title ) );
			await setGadgets( sessions[ reader ]!, { 'mentorship-ask': true } );
			await user.page.goto( url( title ) );
			const on = await pageView( user, url( title ) );
			const times: number[] = [];
			const apis: number[] = [];
			const bytes: number[] = [];
			for ( let run = 0; run < runs; run++ ) {
				await user.page.goto( url( title ) );
				await user.page.waitForLoadState( 'networkidle' );
				const control = user.page.getByRole( 'button', { name: 'Ask my mentor' } );
				await control.waitFor();
				user.requests.length = 0;
				const start = performance.now();
				await control.click();
				await user.page.waitForFunction( () => {
					const box = document.querySelector( '.mg-ask-dialog textarea:not([aria-hidden])' ) as HTMLTextAreaElement | null;
					return !!box && !box.disabled && box.offsetParent !== null;
				} );
				times.push( Math.round( performance.now() - start ) );
				const requests = user.requests.slice();
				apis.push( requests.filter( ( r ) => /\/api\.php/.test( r.url() ) ).length );
				bytes.push( await bytesOf( requests.filter( ( r ) => isLoad( r ) || /\/api\.php/.test( r.url() ) ) ) );
			}
			const row: ReleaseRow = {
				release, skin, phone,
				apiRequests: on.api,
				modulesAdded: on.modules.filter( ( m ) => !off.modules.includes( m ) ).sort(),
				gadgetBytes: on.gadgetBytes,
				openAskMs: median( times ),
				openAskApi: median( apis ),
				openAskBytes: median( bytes ),
				runs,
			};
			rows.push( row );
			log( `  ${ release } ${ skin }${ phone ? ' (phone)' : '' }: page view ${ row.apiRequests } API, +${ row.modulesAdded.join( ', ' ) } (${ row.gadgetBytes } B); ask ${ row.openAskMs } ms` );
			await user.context.close();
		}
	} finally {
		await browser.close();
	}
	return rows;
}

/** Every release, each skin: `runs` openings of the ask dialog each. */
export async function benchReleases( runs: number, log: ( line: string ) => void ): Promise<ReleaseRow[]> {
	const before = process.env.MENTORSHIP_MW;
	const rows: ReleaseRow[] = [];
	try {
		for ( const release of RELEASES ) {
			rows.push( ...await benchRelease( release, runs, log ) );
		}
	} finally {
		if ( before === undefined ) {
			delete process.env.MENTORSHIP_MW;
		} else {
			process.env.MENTORSHIP_MW = before;
		}
	}
	return rows;
}

/** The table for docs/performance.md. */
export function releaseTable( rows: ReleaseRow[] ): string[] {
	const lines = [
		'| release | skin | page view: API requests | modules added | their bytes (gzipped) | open the ask dialog | its API requests | its bytes (gzipped) |',
		'|---|---|---:|---|---:|---:|---:|---:|',
	];
	for ( const r of rows ) {
		lines.push( `| ${ r.release } | ${ r.skin }${ r.phone ? ' (375 × 812, touch)' : '' } | ${ r.apiRequests } | ${ r.modulesAdded.map( ( m ) => '`' + m + '`' ).join( ', ' ) } | ` +
			`${ ( r.gadgetBytes / 1024 ).toFixed( 1 ) } KB | ${ r.openAskMs } ms | ${ r.openAskApi } | ${ ( r.openAskBytes / 1024 ).toFixed( 1 ) } KB |` );
	}
	return lines;
}

if ( process.argv[ 1 ] && import.meta.url === pathToFileURL( process.argv[ 1 ] ).href ) {
	const quick = process.argv.includes( '--quick' );
	benchReleases( quick ? 2 : 5, ( line ) => process.stdout.write( line + '\n' ) ).then( ( rows ) => {
		process.stdout.write( releaseTable( rows ).join( '\n' ) + '\n' );
	} ).catch( ( e: unknown ) => {
		process.stderr.write( ( e instanceof Error ? e.stack || e.message : String( e ) ) + '\n' );
		process.exit( 1 );
	} );
}
