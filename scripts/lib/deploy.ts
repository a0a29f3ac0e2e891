/**
 * Deploys the built gadgets to a wiki: the same code for a real wiki and the local one.
 *
 * Reads every target page first, writes only the pages that differ (with the baserevid of
 * the revision it read, never basetimestamp), and replaces only the lines of its own
 * section of MediaWiki:Gadgets-definition. With dryRun it prints the diffs and writes nothing.
 *
 * Before writing anything, it reads the wiki's module registry: each gadget's dependencies
 * must exist there (else it refuses, naming the module), and optional ones (modules only
 * some releases have) are declared only where the wiki has them.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, Manifest } from '../../build.mjs';
import { PageRead, WikiClient } from '../../src/wiki/client';
import { currentUser } from '../../src/wiki/current-user';
import { isMentorshipError } from '../../src/core/errors';
import { FetchTransport } from '../../src/wiki/fetch-transport';
import { Store, UNCHANGED } from '../../src/wiki/store';
import { replaceSection } from './definition';
import { unifiedDiff } from './diff';
import { ROOT } from './localwiki';
import { linesForWiki, registeredModules } from './modules';
import { userAgent } from './user-agent';
import { editText } from '../../src/wiki/text-page';

export const DEFINITION_PAGE = 'MediaWiki:Gadgets-definition';
export const GADGET_PREFIX = 'mentorship-';

export type Auth = { username: string; password: string } | { accessToken: string };

export interface DeployOptions {
	api: string;
	auth: Auth;
	dryRun?: boolean;
	/** Build into (and deploy from) this folder; default dist/. */
	outDir?: string;
	log?: ( line: string ) => void;
	/** Build first (default true). */
	build?: boolean;
	/** The languages to ship besides English (default: MENTORSHIP_LANGUAGES, else every one in i18n/). */
	languages?: string[] | null;
}

export interface DeployResult {
	created: string[];
	edited: string[];
	unchanged: string[];
	/** Edits sent (0 when nothing changed). */
	edits: number;
	manifest: Manifest;
	/** The definition lines as written for this wiki (optional dependencies it has added). */
	definitionLines: string[];
}

/**
 * MediaWiki trims trailing whitespace when it saves; compare as it will store.
 *
 * @param text
 */
export function stored( text: string ): string {
	return text.replace( /\s+$/, '' );
}

export async function connect( api: string, auth: Auth ): Promise<WikiClient> {
	const agent = userAgent( process.env.MENTORSHIP_CONTACT || ( 'username' in auth ? 'User:' + auth.username.split( '@' )[ 0 ] + ' at ' + api : undefined ) );
	const transport = new FetchTransport( 'accessToken' in auth ? { api, accessToken: auth.accessToken, userAgent: agent } : { api, userAgent: agent } );
	if ( 'username' in auth ) {
		await transport.login( auth.username, auth.password );
	}
	return new WikiClient( { transport } );
}

/** What a deploy did, page by page. */
export interface WriteCounts {
	created: string[];
	edited: string[];
	unchanged: string[];
	edits: number;
	/** Times the wiki's edit rate limit was waited out. */
	waits?: number;
}

function sleep( ms: number ): Promise<void> {
	return new Promise( ( resolve ) => {
		setTimeout( resolve, ms );
	} );
}

/** How long to wait when the wiki says `ratelimited` (its windows are a minute long). */
const RATE_LIMIT_WAIT = 15000;

/**
 * Returns a function that writes one page's new text (conflicts and lost answers go through the
 * store's policy), or shows the diff in a dry run, and counts it in `result`. It resolves to
 * the page's revision after the write (unchanged: the one read; in a dry run, a page that would
 * change: undefined). Shared by the gadget and the user-script deploys.
 *
 * @param store
 * @param current The pages as read before (readPages)
 * @param dryRun
 * @param log
 * @param result
 * @param wait How to wait out the wiki's edit rate limit (an account without `noratelimit`
 *  may save 90 edits a minute on Wikimedia wikis, and MediaWiki 1.43 counts an API edit twice):
 *  each `ratelimited` answer is waited out for a while and the page saved again, up to 10 times.
 */
export function pageWriter( store: Store, current: Record<string, PageRead>, dryRun: boolean, log: ( line: string ) => void, result: WriteCounts,
	wait: ( ms: number ) => Promise<void> = sleep ) {
	return async ( title: string, change: ( before: string, exists: boolean ) => string | null, summaryFor: ( exists: boolean ) => string, contentmodel: string | undefined, done: ( exists: boolean ) => string ): Promise<number | undefined> => {
		const read = current[ title ];
		if ( dryRun ) {
			const exists = !!read && read.exists;
			const before = exists && read ? read.content || '' : '';
			const after = change( before, exists );
			if ( after === null ) {
				result.unchanged.push( title );
				return read && read.revid;
			}
			log( unifiedDiff( stored( before ), stored( after ), title ) );
			( exists ? result.edited : result.created ).push( title );
			return undefined;
		}
		const save = (): ReturnType<typeof editText> => editText( store, title, ( before, exists ) => {
			const after = change( before, exists );
			return after === null ? UNCHANGED : after;
		}, { summary: summaryFor, contentmodel, initial: read } );
		let saved: Awaited<ReturnType<typeof editText>> | undefined;
		for ( let attempt = 0; !saved; attempt++ ) {
			try {
				saved = await save();
			} catch ( e ) {
				if ( !isMentorshipError( e, 'ratelimited' ) || attempt >= 10 ) {
					throw e;
				}
				result.waits = ( result.waits || 0 ) + 1;
				log( `The wiki limits this account's edits: waiting ${ RATE_LIMIT_WAIT / 1000 } s before saving ${ title }` );
				await wait( RATE_LIMIT_WAIT );
			}
		}
		if ( !saved.changed ) {
			result.unchanged.push( title );
			return saved.revid;
		}
		result.edits++;
		( saved.created ? result.created : result.edited ).push( title );
		log( done( !saved.created ) );
		return saved.revid;
	};
}

export async function deploy( options: DeployOptions ): Promise<DeployResult> {
	const log = options.log || ( ( line: string ) => process.stdout.write( line + '\n' ) );
	const outDir = options.outDir || join( ROOT, 'dist' );
	const manifest: Manifest = options.build === false ?
		JSON.parse( readFileSync( join( outDir, 'manifest.json' ), 'utf8' ) ) as Manifest :
		( await build( { outDir, quiet: true, languages: options.languages } ) ).manifest;
	const client = await connect( options.api, options.auth );
	const me = await currentUser( client );
	if ( me.anon ) {
		throw new Error( 'Not logged in: check the credentials' );
	}
	const needed = [ 'editsitejs', 'editsitecss', 'editinterface' ];
	const lacking = needed.filter( ( r ) => !me.rights.includes( r ) );
	if ( lacking.length && !options.dryRun ) {
		throw new Error( `${ me.name } lacks the rights ${ lacking.join( ', ' ) }: deploy with an interface administrator's BotPassword ` +
			'with the grants "Edit the MediaWiki namespace and sitewide/user JSON" and "Edit sitewide and user CSS/JS"' );
	}
	const registry = await registeredModules( options.api );
	const definitionLines = linesForWiki( manifest.definitions.lines, manifest.definitions.optionalDependencies || {}, registry );
	const summary = ( what: string ): string => `Mentorship gadgets ${ manifest.version } (${ manifest.commit }): ${ what }`;
	const result: DeployResult = { created: [], edited: [], unchanged: [], edits: 0, manifest, definitionLines };

	const titles = manifest.pages.map( ( p ) => p.title );
	const current = await client.readPages( titles.concat( [ DEFINITION_PAGE ] ) );
	const write = pageWriter( new Store( client ), current, !!options.dryRun, log, result );
	for ( const page of manifest.pages ) {
		const wanted = readFileSync( join( outDir, page.file ), 'utf8' );
		await write( page.title, ( now, exists ) => exists && stored( now ) === stored( wanted ) ? null : wanted,
			( exists ) => summary( exists ? 'update' : 'install' ), page.contentmodel,
			( exists ) => `${ exists ? 'updated' : 'created' } ${ page.title }` );
	}
	const section = manifest.definitions.section;
	await write( DEFINITION_PAGE, ( before ) => {
		const after = replaceSection( before, section, definitionLines, GADGET_PREFIX );
		return stored( before ) === stored( after ) ? null : after;
	}, () => summary( `section "${ section }"` ), undefined, () => `updated ${ DEFINITION_PAGE } (section "${ section }")` );
	log( `${ options.dryRun ? 'Dry run: would write' : 'Wrote' } ${ result.created.length + result.edited.length } pages ` +
		`(${ result.created.length } new), ${ result.unchanged.length } unchanged` );
	return result;
}
