/**
 * The user-script build (issue 19), called by build.mjs after the gadgets are built: the same
 * code, installed by one line in a user's common.js instead of by an interface administrator.
 *
 * Writes dist/user-script/:
 * - pages/main.js, the entry: src/gadgets/mentorship-user/main.ts, then the gadgets' own
 *   loaders (mentorship-ask, -welcome, -match, each run when its feature is on), and a table
 *   of the lazy modules (their ResourceLoader dependencies, from the gadget definitions,
 *   their order, their message modules, a hash of the pages). Checked as ECMAScript 5.
 * - pages/<module>.js and .css: the gadgets' lazy modules and message modules, the very texts
 *   of dist/pages/MediaWiki:Gadget-<module>.js (no feature is built twice).
 * - manifest.json: the pages (`name`: the subpage under User:NAME/mentorship/), which is
 *   the entry, and the page-view size of the entry against the gadgets' loaders.
 *
 * The deploy (npm run deploy -- --user-script, scripts/lib/user-script.ts) writes the pages
 * under the user's own space and pins them: it replaces the entry's `var mentorshipUserPins`
 * line by the revisions it wrote.
 */

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

/** The entry's subpage; its line in the entry, which the deploy replaces. */
export const USER_ENTRY = 'main.js';
export const PINS_LINE = /^var mentorshipUserPins = .*;$/m;

/** The gadgets' loaders, by the user script's feature names. */
const LOADERS = { ask: 'mentorship-ask', welcome: 'mentorship-welcome', panel: 'mentorship-match' };
const SHARED_LOADER = 'mentorship-loader';

const BASE = 'mentorship-core';

function hash( text ) {
	return createHash( 'sha1' ).update( text ).digest( 'hex' ).slice( 0, 10 );
}

function gzipLength( text ) {
	return gzipSync( Buffer.from( text ), { level: 9 } ).length;
}

async function served( text, loader ) {
	return ( await esbuild.transform( text, { loader, minifyWhitespace: true, legalComments: 'none', charset: 'utf8' } ) ).code;
}

/** A feature's modules in the order they run: what each imports first, the base before all. */
function runOrder( featureId, byId ) {
	const out = [];
	const visit = ( id ) => {
		if ( out.includes( id ) || !byId[ id ] ) {
			return;
		}
		( byId[ id ].imports || [] ).forEach( visit );
		out.push( id );
	};
	visit( BASE );
	visit( featureId );
	return out;
}

/**
 * @param {Object} o
 * @param {string} o.outDir the gadgets' output (dist/); the user script goes to its user-script/
 * @param {Object[]} o.loaders the loaders' definitions (mentorship-loader, -ask, -welcome, -match)
 * @param {Object[]} o.lazy the lazy modules' definitions, as built (dependencies, imports, styles)
 * @param {Object[]} o.features the features' definitions (gadgets/mentorship-core-*.json)
 * @param {Object[]} o.messageModules the message modules ({ id, lang, messagesOf })
 * @param {string} o.messagePrefix the message modules' prefix (mentorship-i18n-)
 * @param {string} o.root the repository (the loaders' styles are read from it)
 * @param {boolean} o.single the single-module build
 * @param {Function} o.bundle ( def, prelude ) => the def's script bundled, lowered, checked (build.mjs)
 * @param {Function} o.wrap ( body, header ) => the page text (build.mjs wrapPage)
 * @param {Function} o.checkEs5 ( code, fileName ) => throws unless ES5
 * @param {Object} o.header version, commit, minified
 * @return {Promise<Object>} the user script's manifest
 */
export async function buildUserScript( o ) {
	const dir = join( o.outDir, 'user-script' );
	rmSync( dir, { recursive: true, force: true } );
	mkdirSync( join( dir, 'pages' ), { recursive: true } );
	const pages = [];
	const texts = {};
	const add = ( name, text ) => {
		texts[ name ] = text;
		writeFileSync( join( dir, 'pages', name ), text );
		pages.push( { name, file: 'pages/' + name, contentmodel: name.endsWith( '.css' ) ? 'css' : 'javascript' } );
	};
	const gadgetPage = ( id, ext ) => readFileSync( join( o.outDir, 'pages', `MediaWiki:Gadget-${ id }.${ ext }` ), 'utf8' );

	// The lazy modules and message modules: the gadgets' pages as they are.
	const byId = Object.fromEntries( o.lazy.map( ( d ) => [ d.id, d ] ) );
	const modules = {};
	for ( const def of o.lazy ) {
		add( def.id + '.js', gadgetPage( def.id, 'js' ) );
		if ( def.styles.length ) {
			add( def.id + '.css', gadgetPage( def.id, 'css' ) );
		}
		modules[ def.id ] = {
			deps: def.dependencies.filter( ( d ) => !/^ext\.gadget\./.test( d ) ),
			optional: def.optionalDependencies || [],
			css: def.styles.length > 0
		};
	}
	for ( const m of o.messageModules ) {
		add( m.id + '.js', gadgetPage( m.id, 'js' ) );
	}
	const features = {};
	for ( const f of o.features ) {
		const of = o.single ? BASE : f.id;
		features[ f.feature ] = {
			modules: o.single ? [ BASE ] : runOrder( f.id, byId ),
			i18n: o.messageModules.filter( ( m ) => m.messagesOf === of ).map( ( m ) => m.lang.toLowerCase() ),
			messages: o.messagePrefix + '$1' + ( o.single ? '' : '-' + f.feature )
		};
	}

	// The entry: the loaders' styles (added on page view from the entry itself, no request).
	const loaderDefs = Object.fromEntries( o.loaders.map( ( d ) => [ d.id, d ] ) );
	const cssFiles = [ SHARED_LOADER ].concat( Object.values( LOADERS ) ).flatMap( ( id ) => loaderDefs[ id ].styles );
	const css = await served( cssFiles.map( ( f ) => readFileSync( join( o.root, f ), 'utf8' ) ).join( '\n' ), 'css' );
	// Unpinned (pages installed by hand), each page's address carries a hash of this build's pages.
	const table = { version: hash( Object.keys( texts ).sort().map( ( n ) => n + '\n' + texts[ n ] ).join( '\n' ) ), modules, features, css: css.trim() };
	const prelude = `var mentorshipUserPins = {};\nvar mentorshipUserBuild = ${ JSON.stringify( table ) };\n`;
	// Its labels are mentorship-loader's (and its own notice); those of the offer of a newer version come with the
	// features' code (keys no lazy module names go to the shared base and every message module).
	// Its own: where the wiki has the gadgets, it steps aside and says so (in the console).
	const main = await o.bundle( {
		...loaderDefs[ SHARED_LOADER ], id: 'mentorship-user', script: 'src/gadgets/mentorship-user/main.ts',
		messages: loaderDefs[ SHARED_LOADER ].messages.concat( [ 'mentorship-userscript-gadget-installed' ] )
	}, prelude );
	const runs = [];
	for ( const [ feature, id ] of Object.entries( LOADERS ) ) {
		runs.push( `\t\t${ feature }: function () {\n${ await o.bundle( loaderDefs[ id ] ) }\n\t\t}` );
	}
	const body = `${ main }\n( function () {\n\tvar user = mw.libs.mentorshipUserScript;\n\tif ( user ) {\n\t\tuser.start( {\n` +
		runs.join( ',\n' ) + '\n\t\t} );\n\t}\n}() );';
	o.checkEs5( body, 'user-script/' + USER_ENTRY );
	const entry = o.wrap( body, {
		gadget: 'mentorship user script', part: 'entry, loaded from common.js', version: o.header.version, commit: o.header.commit,
		minified: o.header.minified, file: 'user-script/' + USER_ENTRY,
		source: 'src/gadgets/mentorship-user/main.ts, ' + Object.values( LOADERS ).map( ( id ) => loaderDefs[ id ].script ).join( ', ' )
	} );
	if ( !PINS_LINE.test( entry ) ) {
		throw new Error( 'user script: the entry lost its mentorshipUserPins line' );
	}
	add( USER_ENTRY, entry );

	// Page view: the entry against the gadgets' loaders (script and styles), as served, gzipped.
	const loaderServed = [];
	for ( const id of [ SHARED_LOADER ].concat( Object.values( LOADERS ) ) ) {
		loaderServed.push( await served( gadgetPage( id, 'js' ), 'js' ) );
		if ( loaderDefs[ id ].styles.length ) {
			loaderServed.push( await served( gadgetPage( id, 'css' ), 'css' ) );
		}
	}
	const entryServed = await served( entry, 'js' );
	const sizes = {
		entry: { raw: Buffer.byteLength( entry ), served: Buffer.byteLength( entryServed ), servedGzip: gzipLength( entryServed ) },
		loaders: { served: Buffer.byteLength( loaderServed.join( '\n' ) ), servedGzip: gzipLength( loaderServed.join( '\n' ) ) }
	};
	const manifest = { version: o.header.version, commit: o.header.commit, entry: USER_ENTRY, pages, sizes };
	writeFileSync( join( dir, 'manifest.json' ), JSON.stringify( manifest, null, '\t' ) + '\n' );
	return manifest;
}
