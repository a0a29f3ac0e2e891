/**
 * Welcome benchmark, on the real local wiki: the checks of 50 users before a batch (API
 * requests and time), and a batch of 50 invitations sent as the batch dialog sends them
 * (BatchSender over a client with maxlag=5, paced by the limit meta=userinfo reports),
 * once by an account with the wiki's default limits and once by an account in the group
 * 'unconfirmed' (8 edits a minute, as Wikipedia limits accounts that are not autoconfirmed):
 * the time each took, the edits, the answers `ratelimited` (the goal is none), failures.
 * Also the loader's size as served (gzipped), from the build's report.
 *
 *   npx tsx bench/welcome.ts [--quick]    prints the figures (--quick: 10 at 8 a minute)
 *   benchWelcome()                        returns them; npm run bench adds them to bench/results.json
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Browser } from 'playwright-core';
import { ensureAccounts, Session } from '../scripts/lib/accounts';
import { ensureInstalled, ensureMediaWiki, ROOT, startServer } from '../scripts/lib/localwiki';
import { ProgramConfig } from '../src/core/format';
import { Composition, messageOptions } from '../src/core/welcome/messages';
import { estimateBatchMs, RateLimit } from '../src/core/welcome/pacing';
import { WikiClient } from '../src/wiki/client';
import { currentUser } from '../src/wiki/current-user';
import { Store } from '../src/wiki/store';
import { ApiParams, ApiResponse, TokenType, Transport } from '../src/wiki/transport';
import { checkUsers } from '../src/wiki/welcome';
import { BatchSender } from '../src/wiki/welcome-batch';
import { config, enableGadgets, PASSWORD, program, programId, unique, users, wiki } from '../tests/support/fixtures';
import { newPage, logIn, url } from '../tests/support/browser';
import { ActionRow, measure, Measured, summarise } from './browser';

export interface BatchFigures {
	/** Who sent it: 'default limits' or '8 edits a minute'. */
	account: string;
	editLimit: RateLimit | null;
	invitations: number;
	sent: number;
	failed: number;
	skipped: number;
	/** Answers `ratelimited` from the wiki (waited out and retried when they happen; the goal is 0). */
	ratelimited: number;
	/** Edits made: the posts and the log writes. */
	edits: number;
	/** API requests of the whole batch (checks before each post, posts, log reads and writes). */
	requests: number;
	seconds: number;
	/** The least time the limit allows (the pacer's waits alone), for comparison. */
	paceSeconds: number;
}

export interface WelcomeBench {
	checks: { users: number; requests: number; ms: number };
	batches: BatchFigures[];
	loader: { servedGzip: number; budget: number } | null;
}

/** A transport that counts requests and the answers `ratelimited`. */
class Counting implements Transport {
	public requests = 0;
	public ratelimited = 0;
	private readonly inner: Transport;

	public constructor( inner: Transport ) {
		this.inner = inner;
	}

	public async request( method: 'GET' | 'POST', params: ApiParams ): Promise<ApiResponse> {
		this.requests++;
		const response = await this.inner.request( method, params );
		if ( ( response.errors || [] ).some( ( e ) => e.code === 'ratelimited' ) ) {
			this.ratelimited++;
		}
		return response;
	}

	public token( type: TokenType ): Promise<string> {
		return this.inner.token( type );
	}

	public badToken( type: TokenType ): void {
		this.inner.badToken( type );
	}
}

function composition( id: string, cfg: ProgramConfig, inviter: string ): Composition {
	const en = JSON.parse( readFileSync( join( ROOT, 'i18n', 'en.json' ), 'utf8' ) ) as Record<string, string>;
	const option = messageOptions( cfg, 'en', ( language, key ) => language === 'en' && en[ key ] !== undefined ? en[ key ]! : null )
		.find( ( o ) => o.id === 'invite' )!;
	return {
		programId: id, programName: cfg.name, option, language: 'en', note: 'Benchmark invitation.', inviter,
		signupLabel: en[ 'mentorship-welcome-signup-label' ]!, summary: en[ 'mentorship-welcome-post-summary' ]!,
	};
}

/** Sends `count` invitations from a new account (in `groups`) to new accounts; returns the figures. */
async function batch( tag: string, count: number, groups: string[], log: ( line: string ) => void ): Promise<BatchFigures & { checks?: WelcomeBench[ 'checks' ] }> {
	const coord = unique( `BenchW${ tag } Coord` );
	const newcomers = Array.from( { length: count }, ( _, i ) => unique( `BenchW${ tag } Newbie${ String( i + 1 ).padStart( 2, '0' ) }` ) );
	log( `  ${ count } accounts…` );
	const sessions = await users( [ coord ], groups.length ? { [ coord ]: groups } : {} );
	await ensureAccounts( wiki(), newcomers.map( ( name ) => ( { name, password: PASSWORD } ) ) );
	const id = programId( 'benchw' + tag.toLowerCase() );
	const cfg = config( { coordinators: [ coord ] } );
	await program( id, sessions[ coord ]!, cfg, [], sessions );
	const counting = new Counting( sessions[ coord ]!.transport );
	const client = new WikiClient( { transport: counting } ).withMaxlag( 5 );
	const me = await currentUser( client );

	const before = client.requestCount;
	const started = performance.now();
	const checked = await checkUsers( client, { id, config: cfg }, newcomers.slice( 0, 50 ), Date.now() );
	const checks = { users: checked.names.length, requests: client.requestCount - before, ms: Math.round( performance.now() - started ) };
	const ready = checked.names.filter( ( n ) => checked.facts[ n ]!.exists && !checked.facts[ n ]!.prior.length );

	log( `  sending ${ ready.length } (limit ${ me.editLimit ? me.editLimit.hits + ' in ' + me.editLimit.seconds + ' s' : 'none' })…` );
	const requestsBefore = counting.requests;
	const t0 = performance.now();
	const report = await new BatchSender( {
		client, store: new Store( client ), program: { id, config: cfg }, composition: composition( id, cfg, coord ),
		users: ready, limit: me.editLimit || null, logSummary: 'Benchmark: recording invitations',
		onProgress: ( p ) => {
			if ( p.row && p.row.state === 'sent' && p.sent % 10 === 0 ) {
				log( `    ${ p.sent } sent` );
			}
		},
	} ).run();
	return {
		account: groups.length ? groups.join( ',' ) + ' (' + ( me.editLimit ? me.editLimit.hits + ' edits in ' + me.editLimit.seconds + ' s' : 'no limit' ) + ')' : 'default limits',
		editLimit: me.editLimit || null,
		invitations: ready.length,
		sent: report.sent.length,
		failed: report.failed.length,
		skipped: report.skipped.length,
		ratelimited: counting.ratelimited,
		edits: report.edits,
		requests: counting.requests - requestsBefore,
		seconds: Math.round( ( performance.now() - t0 ) / 100 ) / 10,
		paceSeconds: Math.round( estimateBatchMs( ready.length, me.editLimit, 10 ) / 100 ) / 10,
		checks,
	};
}

function loaderSize(): WelcomeBench[ 'loader' ] {
	const file = join( ROOT, 'dist', 'sizes.json' );
	if ( !existsSync( file ) ) {
		return null;
	}
	const sizes = JSON.parse( readFileSync( file, 'utf8' ) ) as { report: { gadget: string; total: { servedGzip: number }; budget: { gzip?: number } }[] };
	const row = sizes.report.find( ( r ) => r.gadget === 'mentorship-welcome' );
	return row ? { servedGzip: row.total.servedGzip, budget: row.budget.gzip || 0 } : null;
}

/** The figures: checks of 50 users, a batch of 50 with default limits, one at 8 edits a minute. */
export async function benchWelcome( options: { quick?: boolean; log?: ( line: string ) => void } = {} ): Promise<WelcomeBench> {
	const log = options.log || ( () => undefined );
	log( 'Welcome: 50 invitations, default limits' );
	const free = await batch( 'Def', 50, [], log );
	const limitedCount = options.quick ? 10 : 50;
	log( `Welcome: ${ limitedCount } invitations at 8 edits a minute` );
	const limited = await batch( 'New', limitedCount, [ 'unconfirmed' ], log );
	const checks = free.checks!;
	delete free.checks;
	delete limited.checks;
	return { checks, batches: [ free, limited ], loader: loaderSize() };
}

/** For npm run bench (bench/run.ts): the figures under extra.welcome. */
export function benchFeature( options: { quick: boolean; log: ( line: string ) => void } ): Promise<WelcomeBench> {
	return benchWelcome( options );
}

/** For npm run bench's actions table: from the click on "Welcome / invite" to a usable dialog. */
export async function benchAction( browser: Browser, runs: number ): Promise<ActionRow> {
	const rows: Measured[] = [];
	for ( let run = 0; run < runs; run++ ) {
		const coord = unique( `BenchWA${ run } Coord` );
		const newbie = unique( `BenchWA${ run } Newbie` );
		const sessions: Record<string, Session> = await users( [ coord, newbie ] );
		const id = programId( 'benchwa' + run );
		await program( id, sessions[ coord ]!, config( { coordinators: [ coord ] } ), [], sessions );
		await enableGadgets( sessions[ coord ]!, [ 'mentorship-welcome' ] );
		const user = await newPage( browser );
		await logIn( user, coord );
		await user.page.goto( url( 'User talk:' + newbie ) );
		await user.page.waitForLoadState( 'networkidle' );
		rows.push( await measure( user, async () => {
			await user.page.locator( '#ca-mentorship-welcome a' ).click();
			await user.page.locator( '.mg-welcome-dialog .mg-welcome-kind input[type=radio]' ).first().waitFor();
		} ) );
		await user.context.close();
	}
	return summarise( 'open the welcome dialog (checks included)', rows );
}

if ( process.argv[ 1 ] && import.meta.url === pathToFileURL( process.argv[ 1 ] ).href ) {
	const quick = process.argv.includes( '--quick' );
	( async () => {
		ensureMediaWiki( wiki().release );
		ensureInstalled( wiki() );
		await startServer( wiki() );
		const figures = await benchWelcome( { quick, log: ( line ) => process.stdout.write( line + '\n' ) } );
		process.stdout.write( JSON.stringify( figures, null, '\t' ) + '\n' );
	} )().catch( ( e: unknown ) => {
		process.stderr.write( ( e instanceof Error ? e.stack || e.message : String( e ) ) + '\n' );
		process.exit( 1 );
	} );
}
