/**
 * The code split against the single module, side by side in one run, on each release: the
 * same build script makes both (`build( { single } )`, `node build.mjs --single`), each is
 * deployed in turn to the same wiki, and the first click of each action is measured in a
 * fresh browser (nothing cached): the lazy modules it loads, the bytes of this project's code
 * and of everything transferred (load.php and api.php responses, gzipped), and the time
 * from the click to a usable result. The ratio is what counts: times on a 2-core machine
 * shared with other work are noisy.
 *
 * Runs on its own too: `npx tsx bench/split.ts [--quick]`.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Browser, Request } from 'playwright-core';
import { build } from '../build.mjs';
import { deploy } from '../scripts/lib/deploy';
import { ensureInstalled, ensureMediaWiki, localWiki, Release, RELEASES, startServer } from '../scripts/lib/localwiki';
import { article, config, enableGadgets, mentee, mentor, program, programId, unique, users } from '../tests/support/fixtures';
import { launch, loadedModules, logIn, newPage, url, UserPage } from '../tests/support/browser';
import { median } from './browser';

export type Layout = 'split' | 'single';

export interface SplitRow {
	release: Release;
	layout: Layout;
	action: string;
	/** The gadgets' lazy modules the click loaded (message modules aside: English). */
	modules: string[];
	/** load.php requests the click caused, and how many modules they named. */
	loadRequests: number;
	moduleCount: number;
	/** This project's code (load.php responses of mentorship modules), gzipped. */
	ownBytes: number;
	/**
	 * Of which the lazy code: the responses that name its modules (mentorship-core…, their
	 * messages), without the page's loaders (which a page view loads, and the panel's
	 * first click, a page load, counts in ownBytes).
	 */
	lazyBytes: number;
	/** Everything the click caused (load.php and api.php), gzipped. */
	allBytes: number;
	/** Of which the API's responses (data, not code: grows with the wiki's programs). */
	apiBytes: number;
	/**
	 * The other modules the click loaded (OOUI, MediaWiki's), each with its size as load.php
	 * serves it alone, gzipped (modules sent together compress a little better).
	 */
	others: { module: string; gzip: number }[];
	/** Programs on the wiki when measured (the welcome dialog reads every program's config). */
	programs: number;
	/** A page load (the panel) rather than a click on a page already loaded. */
	pageLoad: boolean;
	/** Click to usable (median). */
	ms: number;
	runs: number;
}

const isLoad = ( r: Request ): boolean => /\/load\.php/.test( r.url() );
const isApi = ( r: Request ): boolean => /\/api\.php/.test( r.url() );
const ours = ( r: Request ): boolean => isLoad( r ) && /mentorship/.test( decodeURIComponent( new URL( r.url() ).searchParams.get( 'modules' ) || '' ) );
const lazy = ( r: Request ): boolean => isLoad( r ) && /mentorship-(core|i18n)/.test( decodeURIComponent( new URL( r.url() ).searchParams.get( 'modules' ) || '' ) );

async function gzipBytes( requests: Request[] ): Promise<number> {
	let total = 0;
	for ( const r of requests ) {
		const response = await r.response();
		if ( response ) {
			try {
				total += gzipSync( await response.body(), { level: 6 } ).length;
			} catch ( e ) {
				// No body (redirect, aborted).
			}
		}
	}
	return total;
}

interface Run { modules: string[]; loadRequests: number; moduleCount: number; ownBytes: number; lazyBytes: number; allBytes: number; apiBytes: number; others: string[]; loadUrl: string; ms: number }

async function click( user: UserPage, act: () => Promise<void> ): Promise<Run> {
	user.requests.length = 0;
	const start = performance.now();
	await act();
	const ms = Math.round( performance.now() - start );
	const requests = user.requests.slice();
	const loads = loadedModules( requests );
	return {
		modules: [ ...new Set( loads.flat().filter( ( m ) => /^ext\.gadget\.mentorship-core/.test( m ) ) ) ].sort(),
		loadRequests: requests.filter( isLoad ).length,
		moduleCount: loads.flat().length,
		ownBytes: await gzipBytes( requests.filter( ours ) ),
		lazyBytes: await gzipBytes( requests.filter( lazy ) ),
		allBytes: await gzipBytes( requests.filter( ( r ) => isLoad( r ) || isApi( r ) ) ),
		apiBytes: await gzipBytes( requests.filter( isApi ) ),
		others: [ ...new Set( loads.flat().filter( ( m ) => !/^ext\.gadget\.mentorship-/.test( m ) ) ) ].sort(),
		loadUrl: ( requests.find( isLoad ) || { url: () => '' } ).url(),
		ms,
	};
}

interface Actors { coord: string; teacher: string; pupil: string; newbie: string; title: string; id: string }

async function actors(): Promise<Actors> {
	const a = { coord: unique( 'BenchS Coord' ), teacher: unique( 'BenchS Mentor' ), pupil: unique( 'BenchS Mentee' ), newbie: unique( 'BenchS Newbie' ) };
	const sessions = await users( [ a.coord, a.teacher, a.pupil, a.newbie ] );
	const id = programId( 'benchs' );
	await program( id, sessions[ a.coord ]!, config( { coordinators: [ a.coord ] } ), [
		{ name: a.teacher, membership: mentor( [ 'Art' ], [ 'en' ], { capacity: 50 } ) },
		{ name: a.pupil, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: a.teacher },
	], sessions );
	await enableGadgets( sessions[ a.pupil ]!, [ 'mentorship-ask' ] );
	await enableGadgets( sessions[ a.coord ]!, [ 'mentorship-welcome', 'mentorship-match' ] );
	const title = 'Split benchmark article ' + id;
	await article( sessions[ a.coord ]!, title, 'A benchmark article.' );
	return { ...a, title, id };
}

const ACTIONS: { action: string; as: keyof Actors; pageLoad?: boolean; run: ( user: UserPage, who: Actors ) => Promise<Run> }[] = [
	{
		action: 'open the ask dialog', as: 'pupil', run: async ( user, who ) => {
			await user.page.goto( url( who.title ) );
			await user.page.waitForLoadState( 'networkidle' );
			return click( user, async () => {
				await user.page.locator( '#ca-mentorship-ask a' ).click();
				await user.page.locator( '.mg-ask-dialog[data-mg-ready]' ).waitFor();
			} );
		},
	},
	{
		// The ask dialog's later steps load on its first Preview (mentorship-core-asksend): from
		// the click on Preview to the preview shown (with the API's parse).
		action: 'preview a question (ask dialog open)', as: 'pupil', run: async ( user, who ) => {
			await user.page.goto( url( who.title ) );
			await user.page.waitForLoadState( 'networkidle' );
			await user.page.locator( '#ca-mentorship-ask a' ).click();
			await user.page.locator( '.mg-ask-dialog[data-mg-ready]' ).waitFor();
			await user.page.getByRole( 'textbox', { name: 'Your question' } ).fill( 'How do I cite a museum catalogue?' );
			await user.page.waitForLoadState( 'networkidle' );
			return click( user, async () => {
				await user.page.getByRole( 'button', { name: 'Preview' } ).click();
				await user.page.locator( '.mg-ask-dialog[data-mg-stage=preview] .mg-preview h2' ).waitFor();
			} );
		},
	},
	{
		action: 'open the welcome dialog', as: 'coord', run: async ( user, who ) => {
			await user.page.goto( url( 'User talk:' + who.newbie ) );
			await user.page.waitForLoadState( 'networkidle' );
			return click( user, async () => {
				await user.page.locator( '#ca-mentorship-welcome a' ).click();
				await user.page.locator( '.mg-welcome-dialog .mg-welcome-kind input[type=radio]' ).first().waitFor();
			} );
		},
	},
	{
		// The batch invitations: from the new-users log, a feature of its own.
		action: 'open the batch invitation dialog', as: 'coord', run: async ( user ) => {
			await user.page.goto( url( 'Special:Log/newusers' ) );
			await user.page.waitForLoadState( 'networkidle' );
			return click( user, async () => {
				await user.page.locator( 'a.mg-log-batch' ).click();
				await user.page.locator( '.mg-welcome-batch .mg-welcome-kind input[type=radio]' ).first().waitFor();
			} );
		},
	},
	{
		// The panel loads with the page: from the navigation to the mentee's tabs.
		action: 'open the panel (a mentee)', as: 'pupil', pageLoad: true, run: async ( user, who ) => {
			await user.page.goto( url( who.title ) );
			await user.page.waitForLoadState( 'networkidle' );
			return click( user, async () => {
				await user.page.goto( url( 'Special:BlankPage/Mentorship', { program: who.id, withgadget: 'mentorship-match' } ) );
				await user.page.getByRole( 'tab', { name: 'Your mentor' } ).waitFor();
			} );
		},
	},
	{
		// A coordinator who is not a member starts in the console: the panel and the console.
		action: 'open the panel on the console (a coordinator)', as: 'coord', pageLoad: true, run: async ( user, who ) => {
			await user.page.goto( url( who.title ) );
			await user.page.waitForLoadState( 'networkidle' );
			return click( user, async () => {
				await user.page.goto( url( 'Special:BlankPage/Mentorship', { program: who.id } ) );
				await user.page.locator( '.mg-console' ).first().waitFor();
			} );
		},
	},
];

/** Each module alone as load.php serves it (same language and skin as the click's request), gzipped. */
async function moduleSizes( names: string[], loadUrl: string ): Promise<{ module: string; gzip: number }[]> {
	const sizes: { module: string; gzip: number }[] = [];
	if ( !loadUrl ) {
		return sizes;
	}
	for ( const name of names ) {
		const u = new URL( loadUrl );
		u.searchParams.delete( 'version' );
		u.searchParams.set( 'modules', name );
		const body = Buffer.from( await ( await fetch( u.href ) ).arrayBuffer() );
		sizes.push( { module: name, gzip: gzipSync( body, { level: 6 } ).length } );
	}
	return sizes;
}

/** The programs on the wiki (their config pages). */
async function programCount( api: string ): Promise<number> {
	let count = 0;
	let cont: Record<string, string> = { continue: '' };
	for ( ;; ) {
		const q = new URLSearchParams( { action: 'query', format: 'json', formatversion: '2', list: 'allpages', apnamespace: '4', apprefix: 'Mentorship/Programs/', aplimit: 'max', ...cont } );
		const r = await ( await fetch( api + '?' + q.toString() ) ).json() as { query: { allpages: { title: string }[] }; continue?: Record<string, string> };
		count += r.query.allpages.filter( ( p ) => /\/config\.json$/.test( p.title ) ).length;
		if ( !r.continue ) {
			return count;
		}
		cont = r.continue;
	}
}

async function benchLayout( browser: Browser, release: Release, layout: Layout, who: Actors, runs: number, log: ( line: string ) => void ): Promise<SplitRow[]> {
	const wiki = localWiki( 'test', release );
	const outDir = mkdtempSync( join( tmpdir(), 'mentorship-bench-' + layout + '-' ) );
	try {
		await build( { outDir, quiet: true, single: layout === 'single' } );
		await deploy( { api: wiki.api, auth: { username: wiki.bot.name, password: wiki.bot.password }, outDir, log: () => undefined, build: false } );
	} finally {
		rmSync( outDir, { recursive: true, force: true } );
	}
	const rows: SplitRow[] = [];
	const programs = await programCount( wiki.api );
	for ( const { action, as, pageLoad, run } of ACTIONS ) {
		const measured: Run[] = [];
		for ( let i = 0; i < runs; i++ ) {
			const user = await newPage( browser );
			await logIn( user, who[ as ] );
			measured.push( await run( user, who ) );
			await user.context.close();
		}
		const first = measured[ 0 ] as Run;
		const row: SplitRow = {
			release, layout, action,
			modules: first.modules,
			loadRequests: median( measured.map( ( m ) => m.loadRequests ) ),
			moduleCount: median( measured.map( ( m ) => m.moduleCount ) ),
			ownBytes: median( measured.map( ( m ) => m.ownBytes ) ),
			lazyBytes: median( measured.map( ( m ) => m.lazyBytes ) ),
			allBytes: median( measured.map( ( m ) => m.allBytes ) ),
			apiBytes: median( measured.map( ( m ) => m.apiBytes ) ),
			// A page load (the panel) loads the whole page's modules: only a click's are listed.
			others: pageLoad ? [] : await moduleSizes( first.others, first.loadUrl ),
			programs,
			pageLoad: !!pageLoad,
			ms: median( measured.map( ( m ) => m.ms ) ),
			runs,
		};
		rows.push( row );
		log( `  ${ release } ${ layout } ${ action }: ${ row.modules.join( ', ' ) }; ${ ( row.ownBytes / 1024 ).toFixed( 1 ) } KB own, ${ ( row.allBytes / 1024 ).toFixed( 1 ) } KB in all (API ${ ( row.apiBytes / 1024 ).toFixed( 1 ) } KB, ${ programs } programs); ${ row.ms } ms; also ${ row.others.map( ( o ) => o.module ).join( ' ' ) }` );
	}
	return rows;
}

/** Each release: the single module, then the split (left deployed), `runs` first clicks of each action. */
export async function benchSplit( runs: number, log: ( line: string ) => void ): Promise<SplitRow[]> {
	const before = process.env.MENTORSHIP_MW;
	const rows: SplitRow[] = [];
	try {
		for ( const release of RELEASES ) {
			process.env.MENTORSHIP_MW = release;
			const wiki = localWiki( 'test', release );
			ensureMediaWiki( release );
			ensureInstalled( wiki );
			await startServer( wiki );
			await deploy( { api: wiki.api, auth: { username: wiki.bot.name, password: wiki.bot.password }, log: () => undefined } );
			const who = await actors();
			const browser = await launch();
			try {
				for ( const layout of [ 'single', 'split' ] as Layout[] ) {
					rows.push( ...await benchLayout( browser, release, layout, who, runs, log ) );
				}
			} finally {
				await browser.close();
			}
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

function kb( bytes: number ): string {
	return ( bytes / 1024 ).toFixed( 1 ) + ' KB';
}

/** The table for docs/performance.md: each action, single then split, and the ratios. */
export function splitTable( rows: SplitRow[] ): string[] {
	const lines = [
		'| release | action | build | lazy modules loaded | load.php requests (modules) | this project\'s code (gzipped) | of which the lazy code | in all (gzipped) | of which API | click to usable |',
		'|---|---|---|---|---:|---:|---:|---:|---:|---:|',
	];
	for ( const split of rows.filter( ( r ) => r.layout === 'split' ) ) {
		const single = rows.find( ( r ) => r.layout === 'single' && r.release === split.release && r.action === split.action );
		for ( const r of single ? [ single, split ] : [ split ] ) {
			lines.push( `| ${ r.release } | ${ r.action } | ${ r.layout } | ${ r.modules.map( ( m ) => '`' + m.replace( 'ext.gadget.', '' ) + '`' ).join( ', ' ) || '–' } | ` +
				`${ r.loadRequests } (${ r.moduleCount }) | ${ kb( r.ownBytes ) } | ${ kb( r.lazyBytes ) } | ${ kb( r.allBytes ) } | ${ r.apiBytes === undefined ? '–' : kb( r.apiBytes ) } | ${ r.ms } ms |` );
		}
		if ( single ) {
			const ratio = ( a: number, b: number ): string => b ? ( a / b ).toFixed( 2 ) : '–';
			lines.push( `| ${ split.release } | ${ split.action } | **split / single** | | | **${ ratio( split.ownBytes, single.ownBytes ) }** | **${ ratio( split.lazyBytes, single.lazyBytes ) }** | **${ ratio( split.allBytes, single.allBytes ) }** | | **${ ratio( split.ms, single.ms ) }** |` );
		}
	}
	return lines;
}

/**
 * What else each first click of the split build loaded, module by module (each alone as
 * load.php serves it, gzipped), and the programs on the wiki, whose configs the welcome
 * dialog reads.
 */
export function othersTable( rows: SplitRow[] ): string[] {
	const lines = [ '| release | action | programs on the wiki | other modules loaded (each alone, gzipped) | their sum |', '|---|---|---:|---|---:|' ];
	for ( const r of rows.filter( ( row ) => row.layout === 'split' && row.others && !row.pageLoad ) ) {
		lines.push( `| ${ r.release } | ${ r.action } | ${ r.programs } | ${ r.others.map( ( o ) => '`' + o.module + '` ' + kb( o.gzip ) ).join( ', ' ) || '–' } | ` +
			`${ kb( r.others.reduce( ( sum, o ) => sum + o.gzip, 0 ) ) } |` );
	}
	return lines;
}

if ( process.argv[ 1 ] && import.meta.url === pathToFileURL( process.argv[ 1 ] ).href ) {
	const quick = process.argv.includes( '--quick' );
	benchSplit( quick ? 2 : 5, ( line ) => process.stdout.write( line + '\n' ) ).then( ( rows ) => {
		process.stdout.write( splitTable( rows ).join( '\n' ) + '\n' + JSON.stringify( rows ) + '\n' );
	} ).catch( ( e: unknown ) => {
		process.stderr.write( ( e instanceof Error ? e.stack || e.message : String( e ) ) + '\n' );
		process.exit( 1 );
	} );
}
