/**
 * Deploys the user script (issue 19) to the deploying user's own space: the pages of
 * dist/user-script/ as User:NAME/mentorship/<page>, with only the user's own rights (a
 * BotPassword with the grant "Edit your user CSS/JSON/JavaScript": editmyuserjs,
 * editmyusercss). The same reads, diffs, dry run and "only pages that differ" as the gadget
 * deploy (pageWriter).
 *
 * Pinning: the feature pages are written first; the entry then gets their revisions (its
 * `var mentorshipUserPins` line: the folder and each page's oldid), so it loads exactly those;
 * and the line for common.js loads the entry by its own oldid. A later deploy changes nothing
 * in the account of someone who added that line until they take a new line.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from '../../build.mjs';
import { escapeInline, fillTemplate } from '../../src/core/wikitext';
import { currentUser } from '../../src/wiki/current-user';
import { Store } from '../../src/wiki/store';
import { Auth, connect, pageWriter, WriteCounts } from './deploy';
import { ROOT } from './localwiki';

/** What build-userscript.mjs writes in dist/user-script/manifest.json. */
export interface UserScriptManifest {
	version: string;
	commit: string;
	entry: string;
	pages: { name: string; file: string; contentmodel: string }[];
	sizes: { entry: { raw: number; served: number; servedGzip: number }; loaders: { served: number; servedGzip: number } };
}

export interface UserScriptDeployOptions {
	api: string;
	auth: Auth;
	dryRun?: boolean;
	outDir?: string;
	build?: boolean;
	languages?: string[] | null;
	log?: ( line: string ) => void;
}

export interface UserScriptDeployResult extends WriteCounts {
	/** The folder, User:NAME/mentorship/. */
	folder: string;
	/** The pinned revisions, by page name (the entry's among them). */
	oldids: Record<string, number>;
	/** The line to put in common.js (null in a dry run that would change the entry). */
	line: string | null;
	/** The revision of the install page (folder + INSTALL_PAGE), which shows the line; null when not known (a dry run). */
	install: number | null;
	manifest: UserScriptManifest;
}

/** The entry's pins line, as the deploy writes it. */
export function pinsLine( folder: string, oldids: Record<string, number> ): string {
	return 'var mentorshipUserPins = ' + JSON.stringify( { base: folder, oldids } ) + ';';
}

/** The line for common.js: the entry by its revision. */
export function commonJsLine( index: string, oldid: number ): string {
	return `mw.loader.load( '${ index }?oldid=${ oldid }&action=raw&ctype=text/javascript' ); // Mentorship (user script)`;
}

/** The page that shows the line (under the folder): a .js page, so that only its owner can edit it. */
export const INSTALL_PAGE = 'install.js';

/** A message of i18n/ in a language (or its base language), else in English. */
function message( key: string, language: string ): string {
	for ( const code of [ language, language.split( '-' )[ 0 ] as string, 'en' ] ) {
		try {
			const texts = JSON.parse( readFileSync( join( ROOT, 'i18n', code + '.json' ), 'utf8' ) ) as Record<string, string>;
			if ( texts[ key ] ) {
				return texts[ key ] as string;
			}
		} catch {
			// No messages in that language: the next one.
		}
	}
	throw new Error( `i18n/en.json has no message ${ key }` );
}

/**
 * The install page's text: what the link "turn it on" (an invitation's) shows above the edit
 * box of the reader's own common.js (its editintro: the page is transcluded as wikitext,
 * never run), in the wiki's language, then the line exactly as printed, in a <pre> block
 * (no wikitext in it: &, < and > escaped).
 */
export function installText( line: string, deployer: string, language: string ): string {
	const pre = line.replace( /&/g, '&amp;' ).replace( /</g, '&lt;' ).replace( />/g, '&gt;' );
	return '<div class="mentorship-install">' + fillTemplate( message( 'mentorship-userscript-install-intro', language ), [ escapeInline( deployer ) ] ) +
		'\n<pre class="mentorship-install-line">' + pre + '</pre></div>\n';
}

export async function deployUserScript( options: UserScriptDeployOptions ): Promise<UserScriptDeployResult> {
	const log = options.log || ( ( line: string ) => process.stdout.write( line + '\n' ) );
	const outDir = options.outDir || join( ROOT, 'dist' );
	if ( options.build !== false ) {
		await build( { outDir, quiet: true, languages: options.languages } );
	}
	const dir = join( outDir, 'user-script' );
	const manifest = JSON.parse( readFileSync( join( dir, 'manifest.json' ), 'utf8' ) ) as UserScriptManifest;
	const client = await connect( options.api, options.auth );
	const me = await currentUser( client );
	if ( me.anon ) {
		throw new Error( 'Not logged in: check the credentials' );
	}
	const needed = [ 'editmyuserjs' ].concat( manifest.pages.some( ( p ) => p.contentmodel === 'css' ) ? [ 'editmyusercss' ] : [] );
	const lacking = needed.filter( ( r ) => !me.rights.includes( r ) );
	if ( lacking.length && !options.dryRun ) {
		throw new Error( `${ me.name } lacks the rights ${ lacking.join( ', ' ) }: use a BotPassword with the grant "Edit your user CSS/JSON/JavaScript"` );
	}
	const folder = `User:${ me.name }/mentorship/`;
	const site = await client.get( { action: 'query', meta: 'siteinfo', siprop: 'general' } );
	const general = ( ( site.query || {} ) as { general?: { server: string; script: string; lang: string } } ).general;
	if ( !general ) {
		throw new Error( 'The wiki did not say where its index.php is (siteinfo)' );
	}
	const index = general.server + general.script;
	const result: UserScriptDeployResult = { created: [], edited: [], unchanged: [], edits: 0, folder, oldids: {}, line: null, install: null, manifest };
	const titles = manifest.pages.map( ( p ) => folder + p.name ).concat( [ folder + INSTALL_PAGE ] );
	const current = await client.readPages( titles );
	const write = pageWriter( new Store( client ), current, !!options.dryRun, log, result );
	const summary = ( exists: boolean ): string => `Mentorship user script ${ manifest.version } (${ manifest.commit }): ${ exists ? 'update' : 'install' }`;
	const put = ( name: string, wanted: string, contentmodel: string ): Promise<number | undefined> => write( folder + name,
		( now, exists ) => exists && now.replace( /\s+$/, '' ) === wanted.replace( /\s+$/, '' ) ? null : wanted,
		summary, contentmodel, ( exists ) => `${ exists ? 'updated' : 'created' } ${ folder + name }` );
	let unknown = false;
	for ( const page of manifest.pages.filter( ( p ) => p.name !== manifest.entry ) ) {
		const revid = await put( page.name, readFileSync( join( dir, page.file ), 'utf8' ), page.contentmodel );
		if ( revid ) {
			result.oldids[ page.name ] = revid;
		} else {
			unknown = true;
		}
	}
	const entryPage = manifest.pages.find( ( p ) => p.name === manifest.entry );
	if ( !entryPage ) {
		throw new Error( 'dist/user-script/manifest.json names no entry page' );
	}
	const template = readFileSync( join( dir, entryPage.file ), 'utf8' );
	const entry = template.replace( /^var mentorshipUserPins = .*;$/m, () => pinsLine( folder, result.oldids ) );
	const entryRevid = await put( entryPage.name, entry, 'javascript' );
	if ( entryRevid ) {
		result.oldids[ entryPage.name ] = entryRevid;
		result.line = commonJsLine( index, entryRevid );
		// The page invitations link to (the line, exactly as printed, for the reader's common.js).
		const installRevid = await put( INSTALL_PAGE, installText( result.line, me.name, general.lang || 'en' ), 'javascript' );
		result.install = installRevid || null;
	}
	log( `${ options.dryRun ? 'Dry run: would write' : 'Wrote' } ${ result.created.length + result.edited.length } pages ` +
		`(${ result.created.length } new), ${ result.unchanged.length } unchanged, under ${ folder }` );
	if ( result.line ) {
		log( 'Add this line to your common.js (Special:MyPage/common.js), or give it to whoever wants this version:\n\n  ' + result.line + '\n' );
		log( 'Others turn it on from this link (invitations sent from the script carry it): their own common.js\'s form, the line shown above the box:\n\n  ' +
			index + '?' + new URLSearchParams( { title: 'Special:MyPage/common.js', action: 'edit', editintro: folder + INSTALL_PAGE } ).toString() + '\n' );
	} else if ( unknown ) {
		log( 'The line for common.js names the revisions the deploy writes: run it without --dry-run to get it.' );
	}
	return result;
}
