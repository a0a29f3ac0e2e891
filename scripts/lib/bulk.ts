/**
 * Large fixtures on a local wiki, fast: accounts created by one maintenance process, pages
 * written by one XML import. For benchmarks and load tests only (the gadgets' own writes
 * are tested through the API); the pages are attributed to the admin.
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalWiki, maintenance, ROOT } from './localwiki';

function php( wiki: LocalWiki, script: string, args: string[], input?: string ): string {
	return execFileSync( 'php', [ ...maintenance( wiki.mwDir, script.replace( /\.php$/, '' ) ), ...args ], {
		cwd: wiki.mwDir, env: { ...process.env, MW_CONFIG_FILE: wiki.configFile }, encoding: 'utf8', input,
		maxBuffer: 64 * 1024 * 1024, stdio: [ 'pipe', 'pipe', 'pipe' ],
	} );
}

function cacheFile( name: string ): string {
	const dir = join( ROOT, '.cache' );
	mkdirSync( dir, { recursive: true } );
	return join( dir, name );
}

/** Creates the accounts that do not exist (without passwords: they are not logged in to). */
export function createUsers( wiki: LocalWiki, names: string[], tag: string ): void {
	const file = cacheFile( `users-${ tag }.json` );
	writeFileSync( file, JSON.stringify( names ) );
	// eval.php runs each (short) line on its own: the names go through a file.
	const code = `$names = json_decode( file_get_contents( ${ JSON.stringify( file ) } ), true ); ` +
		'foreach ( $names as $name ) { $u = User::newFromName( $name ); if ( $u && !$u->isRegistered() ) { $u->addToDatabase(); } }\n';
	php( wiki, 'eval.php', [], code );
}

export interface BulkPage {
	title: string;
	text: string;
	model: 'json' | 'wikitext';
}

function escapeXml( text: string ): string {
	return text.replace( /&/g, '&amp;' ).replace( /</g, '&lt;' ).replace( />/g, '&gt;' );
}

/** Writes the pages (new revisions of existing pages) with one XML import. */
export function importPages( wiki: LocalWiki, pages: BulkPage[], tag: string ): void {
	let xml = '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">\n';
	const stamp = new Date().toISOString().replace( /\.\d{3}Z$/, 'Z' );
	for ( const page of pages ) {
		xml += `<page><title>${ escapeXml( page.title ) }</title><revision><timestamp>${ stamp }</timestamp>` +
			'<contributor><username>Admin</username></contributor>' +
			`<model>${ page.model }</model><format>${ page.model === 'json' ? 'application/json' : 'text/x-wiki' }</format>` +
			`<text xml:space="preserve">${ escapeXml( page.text ) }</text></revision></page>\n`;
	}
	xml += '</mediawiki>\n';
	const file = cacheFile( `import-${ tag }.xml` );
	writeFileSync( file, xml );
	php( wiki, 'importDump.php', [ '--no-updates', file ] );
}
