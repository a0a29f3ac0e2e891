#!/usr/bin/env node
/**
 * Builds the gadgets: src/ and gadgets/ -> dist/ (the wiki pages to install and
 * dist/manifest.json). See README.md ("How the build works") and shared DESIGN.md.
 *
 * For each gadget: bundle its TypeScript entry with esbuild (mw, $ and OO are page
 * globals, never bundled), lower the bundle to ECMAScript 5 with the TypeScript compiler,
 * check it with an ES5 parser, wrap it so that it is safe as wiki page text, and write it
 * with its styles, its description page and the messages it needs in every language.
 */

import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as acorn from 'acorn';
import * as esbuild from 'esbuild';
import ts from 'typescript';

const ROOT = dirname( fileURLToPath( import.meta.url ) );
const SECTION = 'mentorship';
/** Hidden gadgets holding the shared code's messages in one language each. */
export const MESSAGE_MODULE_PREFIX = 'mentorship-i18n-';
const GLOBAL_PACKAGES = /^(jquery|oojs|oojs-ui|mediawiki)(\/|$)/;

export class BuildError extends Error {}

function readJson( path ) {
	return JSON.parse( readFileSync( path, 'utf8' ) );
}

function git( args ) {
	try {
		return execFileSync( 'git', args, { cwd: ROOT, encoding: 'utf8', stdio: [ 'ignore', 'pipe', 'ignore' ] } ).trim();
	} catch ( e ) {
		return '';
	}
}

/** Short commit id, with "+dirty" when the work tree has changes. */
export function commitId() {
	const head = git( [ 'rev-parse', '--short=7', 'HEAD' ] ) || 'unknown';
	const dirty = git( [ 'status', '--porcelain', '--untracked-files=no' ] ) !== '';
	return dirty ? head + '+dirty' : head;
}

/** Gadget definitions from gadgets/*.json, checked. */
export function readDefinitions() {
	const dir = join( ROOT, 'gadgets' );
	return readdirSync( dir ).filter( ( f ) => f.endsWith( '.json' ) ).sort().map( ( file ) => {
		const id = file.replace( /\.json$/, '' );
		const def = readJson( join( dir, file ) );
		if ( !/^[a-z][a-z0-9-]*$/.test( id ) ) {
			throw new BuildError( `gadgets/${ file }: "${ id }" is not a valid gadget id` );
		}
		for ( const key of [ 'description', 'script', 'dependencies', 'messages' ] ) {
			if ( def[ key ] === undefined ) {
				throw new BuildError( `gadgets/${ file }: "${ key }" is missing` );
			}
		}
		return { id, styles: [], default: false, hidden: false, rights: [], ...def };
	} );
}

/**
 * The languages a wiki wants shipped, from MENTORSHIP_LANGUAGES ("es,fr"): English always
 * comes too. Unset or empty: every language of i18n/.
 */
export function wantedLanguages() {
	const list = ( process.env.MENTORSHIP_LANGUAGES || '' ).split( ',' ).map( ( l ) => l.trim() ).filter( Boolean );
	return list.length ? list : null;
}

/**
 * Messages by language from i18n/*.json (banana format), without @metadata; only English
 * and `languages` when given (a wiki that ships only some languages keeps its loaders small:
 * they carry their labels in every shipped language).
 */
export function readMessages( languages = null ) {
	const dir = join( ROOT, 'i18n' );
	const out = {};
	const files = readdirSync( dir ).filter( ( f ) => f.endsWith( '.json' ) );
	for ( const lang of languages || [] ) {
		if ( !files.includes( lang + '.json' ) ) {
			throw new BuildError( `language "${ lang }" was asked for, but i18n/${ lang }.json does not exist` );
		}
	}
	for ( const file of files ) {
		const lang = file.replace( /\.json$/, '' );
		if ( lang === 'qqq' || ( languages && lang !== 'en' && !languages.includes( lang ) ) ) {
			continue;
		}
		const messages = readJson( join( dir, file ) );
		delete messages[ '@metadata' ];
		out[ lang ] = messages;
	}
	if ( !out.en ) {
		throw new BuildError( 'i18n/en.json is missing' );
	}
	return out;
}

/** The message keys a gadget uses: its list, or with "*" every message but the gadget descriptions. */
function messageKeys( def, messages ) {
	return def.messages === '*' ?
		Object.keys( messages.en ).filter( ( k ) => !k.startsWith( 'mentorship-gadget-' ) ) :
		def.messages;
}

/**
 * The messages a gadget bundles, by language: its keys in every language, or only in the
 * languages listed in `bundledLanguages` (the others then come as message modules).
 */
function messagesFor( def, messages ) {
	const keys = messageKeys( def, messages );
	for ( const key of keys ) {
		if ( messages.en[ key ] === undefined ) {
			throw new BuildError( `gadgets/${ def.id }.json: message "${ key }" is not in i18n/en.json` );
		}
	}
	const table = {};
	const languages = def.bundledLanguages || Object.keys( messages ).sort();
	for ( const lang of languages ) {
		const subset = {};
		for ( const key of keys ) {
			if ( messages[ lang ][ key ] !== undefined ) {
				subset[ key ] = messages[ lang ][ key ];
			}
		}
		if ( Object.keys( subset ).length ) {
			table[ lang ] = subset;
		}
	}
	return table;
}

/**
 * The same table in a compact form for loaders, which run on every page view: the keys once,
 * and per language the texts in that order (0 where the language lacks one).
 */
function compactMessages( table, keys ) {
	const compact = { k: keys };
	for ( const lang of Object.keys( table ) ) {
		compact[ lang ] = keys.map( ( key ) => table[ lang ][ key ] === undefined ? 0 : table[ lang ][ key ] );
	}
	return compact;
}

function virtualModules( def, messages, version, commit ) {
	return {
		name: 'mentorship-virtual',
		setup( build ) {
			build.onResolve( { filter: /^mentorship:(messages|loader-messages|build)$/ }, ( args ) => ( { path: args.path, namespace: 'mentorship' } ) );
			build.onLoad( { filter: /.*/, namespace: 'mentorship' }, ( args ) => {
				if ( args.path === 'mentorship:messages' ) {
					return { contents: 'export default ' + JSON.stringify( messagesFor( def, messages ) ) + ';', loader: 'js' };
				}
				if ( args.path === 'mentorship:loader-messages' ) {
					return { contents: 'export default ' + JSON.stringify( compactMessages( messagesFor( def, messages ), messageKeys( def, messages ) ) ) + ';', loader: 'js' };
				}
				return { contents: `export const VERSION = ${ JSON.stringify( version ) }; export const COMMIT = ${ JSON.stringify( commit ) };`, loader: 'js' };
			} );
			build.onResolve( { filter: GLOBAL_PACKAGES }, ( args ) => ( {
				errors: [ { text: `"${ args.path }" comes from the page (mw, $, OO are globals): declare it as a ResourceLoader dependency instead of importing it` } ]
			} ) );
		}
	};
}

/** Lowers modern JavaScript to ECMAScript 5 (TypeScript emits the helpers it needs). */
export function lowerToEs5( code, fileName ) {
	const out = ts.transpileModule( code, {
		fileName,
		reportDiagnostics: true,
		compilerOptions: {
			target: ts.ScriptTarget.ES5,
			module: ts.ModuleKind.CommonJS,
			allowJs: true,
			removeComments: false,
			newLine: ts.NewLineKind.LineFeed,
			downlevelIteration: false,
			importHelpers: false,
			noEmitHelpers: false
		}
	} );
	const errors = ( out.diagnostics || [] ).filter( ( d ) => d.category === ts.DiagnosticCategory.Error );
	if ( errors.length ) {
		throw new BuildError( `${ fileName }: cannot lower to ES5: ` + errors.map( ( d ) => ts.flattenDiagnosticMessageText( d.messageText, '\n' ) ).join( '; ' ) );
	}
	return out.outputText;
}

/** Fails, naming file, line and column, unless `code` parses as ECMAScript 5. */
export function checkEs5( code, fileName ) {
	try {
		acorn.parse( code, { ecmaVersion: 5, sourceType: 'script', locations: true } );
	} catch ( e ) {
		const loc = e.loc || { line: 0, column: 0 };
		const line = code.split( '\n' )[ loc.line - 1 ] || '';
		throw new BuildError( `${ fileName }:${ loc.line }:${ loc.column + 1 }: not ECMAScript 5: ${ e.message }\n  ${ line.trim().slice( 0, 160 ) }` );
	}
}

/**
 * Fails when a text would change meaning when saved as a wiki page: signatures (~~~,
 * ~~~~, ~~~~~) and subst: are expanded on save even in script pages, and a </nowiki>
 * would end our protection early.
 */
export function checkPageSafe( text, fileName ) {
	const rules = [
		[ /~~~/, 'a signature (~~~): it would be replaced by a name or date on save' ],
		[ /\{\{\s*(safe)?subst:/i, 'a {{subst:}}: it would be expanded on save' ],
		[ /<\/nowiki>/i, 'a </nowiki>: it would end the page\'s protection' ]
	];
	for ( const [ pattern, what ] of rules ) {
		const m = pattern.exec( text );
		if ( m ) {
			const line = text.slice( 0, m.index ).split( '\n' ).length;
			const content = text.split( '\n' )[ line - 1 ].trim().slice( 0, 160 );
			throw new BuildError( `${ fileName }, output line ${ line }: contains ${ what }:\n  ${ content }` );
		}
	}
}

function wrapPage( body, header ) {
	checkPageSafe( body, header.file );
	const lines = [
		'/* <nowiki> */',
		'/**',
		` * Gadget: ${ header.gadget }${ header.part ? ' (' + header.part + ')' : '' }`,
		` * Version: ${ header.version } (commit ${ header.commit })`,
		` * Source: ${ header.source }`,
		' * Generated: edit the source, not this page. It is rebuilt and replaced on each deploy.',
		' */',
		body.replace( /\s+$/, '' ),
		'/* </nowiki> */',
		''
	];
	return lines.join( '\n' );
}

async function bundleScript( def, messages, version, commit ) {
	const result = await esbuild.build( {
		absWorkingDir: ROOT,
		entryPoints: [ def.script ],
		bundle: true,
		write: false,
		format: 'iife',
		platform: 'browser',
		target: 'es2017',
		charset: 'utf8',
		legalComments: 'none',
		logLevel: 'silent',
		treeShaking: true,
		plugins: [ virtualModules( def, messages, version, commit ) ]
	} ).catch( ( e ) => {
		throw new BuildError( `${ def.script }: ${ e.message }` );
	} );
	const fileName = `MediaWiki:Gadget-${ def.id }.js`;
	const lowered = lowerToEs5( result.outputFiles[ 0 ].text, fileName.replace( /[:]/g, '-' ) );
	const body = `( function () {\n'use strict';\n${ lowered.replace( /^"use strict";\n/, '' ) }\n}() );`;
	checkEs5( body, fileName );
	return body;
}

function fileFor( title ) {
	const safe = title.replace( /\//g, '%2F' );
	return 'pages/' + ( /\.(js|css)$/.test( title ) ? safe : safe + '.wikitext' );
}

/** What ResourceLoader would serve of each page, by title (for the budgets). */
const servedTexts = {};

function gzipLength( text ) {
	return gzipSync( Buffer.from( text ), { level: 9 } ).length;
}

/**
 * Sizes of a page: as stored, and as served to readers. ResourceLoader minifies scripts
 * and styles (whitespace and comments only, no renaming); esbuild's whitespace-only
 * minification is close to it, and the benchmarks measure the real load.php response.
 */
async function sizeOf( title, text ) {
	const size = { raw: Buffer.byteLength( text ), gzip: gzipLength( text ) };
	const loader = /\.js$/.test( title ) ? 'js' : /\.css$/.test( title ) ? 'css' : null;
	if ( loader ) {
		const served = ( await esbuild.transform( text, { loader, minifyWhitespace: true, legalComments: 'none', charset: 'utf8' } ) ).code;
		size.served = Buffer.byteLength( served );
		size.servedGzip = gzipLength( served );
		// Kept to gzip a gadget's script and styles together, as ResourceLoader sends them in one response.
		servedTexts[ title ] = served;
	}
	return size;
}

function kb( n ) {
	return ( n / 1024 ).toFixed( 1 ) + ' KB';
}

/**
 * ResourceLoader targets, for MediaWiki before 1.41: without `mobile`, a gadget does not load
 * on the mobile site (MobileFrontend). Later releases have no targets and ignore the option.
 */
const TARGETS = [ 'desktop', 'mobile' ];

/**
 * One line of MediaWiki:Gadgets-definition for a gadget. Its dependencies are the modules
 * every supported release has; `optionalDependencies` (modules only some releases have,
 * such as 1.39's es6-polyfills) are added by the deploy where the target wiki has them.
 */
export function definitionLine( def ) {
	const options = [ 'ResourceLoader' ];
	if ( def.dependencies.length ) {
		options.push( 'dependencies=' + def.dependencies.join( ',' ) );
	}
	options.push( 'targets=' + TARGETS.join( ',' ) );
	if ( def.rights.length ) {
		options.push( 'rights=' + def.rights.join( ',' ) );
	}
	if ( def.default ) {
		options.push( 'default' );
	}
	if ( def.hidden ) {
		options.push( 'hidden' );
	}
	if ( def.supportsUrlLoad ) {
		options.push( 'supportsUrlLoad' );
	}
	const files = [ `${ def.id }.js` ].concat( def.styles.length ? [ `${ def.id }.css` ] : [] );
	return `* ${ def.id }[${ options.join( '|' ) }]|${ files.join( '|' ) }`;
}

/**
 * Builds everything into `outDir` (default dist/). Returns the manifest and a size
 * report; throws BuildError on any failure.
 */
export async function build( { outDir = join( ROOT, 'dist' ), quiet = false, languages = wantedLanguages() } = {} ) {
	const started = Date.now();
	const pkg = readJson( join( ROOT, 'package.json' ) );
	const version = pkg.version;
	const commit = commitId();
	const defs = readDefinitions();
	const messages = readMessages( languages );
	const shipped = Object.keys( messages ).sort();
	const pages = [];
	const sizes = [];
	const write = async ( title, contentmodel, text, gadget ) => {
		const file = fileFor( title );
		mkdirSync( dirname( join( outDir, file ) ), { recursive: true } );
		writeFileSync( join( outDir, file ), text );
		pages.push( { title, file, contentmodel } );
		sizes.push( { title, gadget, ...( await sizeOf( title, text ) ) } );
	};

	rmSync( outDir, { recursive: true, force: true } );
	mkdirSync( join( outDir, 'pages' ), { recursive: true } );

	for ( const def of defs ) {
		const header = { gadget: def.id, version, commit };
		const script = await bundleScript( def, messages, version, commit );
		await write( `MediaWiki:Gadget-${ def.id }.js`, 'javascript', wrapPage( script, {
			...header, file: def.script, source: def.script, part: def.hidden ? 'shared code, loaded on demand' : 'loader'
		} ), def.id );
		if ( def.styles.length ) {
			const css = def.styles.map( ( file ) => `/* ${ file } */\n` + readFileSync( join( ROOT, file ), 'utf8' ).trim() ).join( '\n\n' );
			await write( `MediaWiki:Gadget-${ def.id }.css`, 'css', wrapPage( css, {
				...header, file: def.styles.join( ', ' ), source: def.styles.join( ', ' ), part: 'styles'
			} ), def.id );
		}
		for ( const lang of shipped ) {
			const text = messages[ lang ][ def.description ];
			if ( text === undefined ) {
				if ( lang === 'en' ) {
					throw new BuildError( `gadgets/${ def.id }.json: description "${ def.description }" is not in i18n/en.json` );
				}
				continue;
			}
			checkPageSafe( text, `i18n/${ lang }.json (${ def.description })` );
			await write( `MediaWiki:Gadget-${ def.id }` + ( lang === 'en' ? '' : '/' + lang ), 'wikitext', text, def.id );
		}
	}
	// Message modules: for a gadget that bundles only some languages (the shared code bundles
	// English), one hidden gadget per other language, loaded with it in the same request.
	const messageModules = [];
	for ( const def of defs.filter( ( d ) => d.bundledLanguages ) ) {
		const keys = messageKeys( def, messages );
		for ( const lang of shipped.filter( ( l ) => !def.bundledLanguages.includes( l ) ) ) {
			const subset = {};
			for ( const key of keys ) {
				if ( messages[ lang ][ key ] !== undefined ) {
					subset[ key ] = messages[ lang ][ key ];
				}
			}
			const id = `${ MESSAGE_MODULE_PREFIX }${ lang.toLowerCase() }`;
			const body = '( function () {\n\'use strict\';\n' +
				'var libs = mw.libs;\n' +
				'libs.mentorshipMessages = libs.mentorshipMessages || {};\n' +
				`libs.mentorshipMessages[ ${ JSON.stringify( lang ) } ] = ${ JSON.stringify( subset, null, '\t' ) };\n` +
				'}() );';
			checkEs5( body, `MediaWiki:Gadget-${ id }.js` );
			await write( `MediaWiki:Gadget-${ id }.js`, 'javascript', wrapPage( body, {
				gadget: id, version, commit, file: `i18n/${ lang }.json`, source: `i18n/${ lang }.json`, part: `messages of ${ def.id } in ${ lang }`
			} ), id );
			const description = messages.en[ 'mentorship-gadget-messages' ].replace( '$1', lang );
			await write( `MediaWiki:Gadget-${ id }`, 'wikitext', description, id );
			messageModules.push( { id, dependencies: [], rights: [], styles: [], hidden: true, default: false } );
		}
	}
	for ( const lang of shipped ) {
		const text = messages[ lang ][ 'mentorship-gadget-section' ];
		if ( text !== undefined ) {
			await write( `MediaWiki:Gadget-section-${ SECTION }` + ( lang === 'en' ? '' : '/' + lang ), 'wikitext', text, null );
		}
	}

	const manifest = {
		version,
		commit,
		pages,
		definitions: {
			section: SECTION,
			lines: defs.concat( messageModules ).map( definitionLine ),
			optionalDependencies: Object.fromEntries( defs.filter( ( d ) => d.optionalDependencies && d.optionalDependencies.length )
				.map( ( d ) => [ d.id, d.optionalDependencies ] ) )
		}
	};
	writeFileSync( join( outDir, 'manifest.json' ), JSON.stringify( manifest, null, '\t' ) + '\n' );

	// Sizes against budgets: a gadget's budget covers what a page view loads of it, its
	// script and styles as served (minified, gzipped).
	const failures = [];
	const report = [];
	for ( const def of defs.concat( messageModules ) ) {
		const own = sizes.filter( ( s ) => s.gadget === def.id && s.served !== undefined );
		const total = { raw: 0, gzip: 0, served: 0, servedGzip: 0 };
		for ( const f of own ) {
			for ( const k of [ 'raw', 'gzip', 'served' ] ) {
				total[ k ] += f[ k ];
			}
		}
		total.servedGzip = gzipLength( own.map( ( f ) => servedTexts[ f.title ] ).join( '\n' ) );
		const budget = def.budget || {};
		const over = budget.gzip !== undefined && total.servedGzip > budget.gzip;
		report.push( { gadget: def.id, files: own, total, budget, over } );
		if ( over ) {
			failures.push( `${ def.id }: ${ total.servedGzip } bytes served gzipped, budget ${ budget.gzip }` );
		}
	}
	const ms = Date.now() - started;
	writeFileSync( join( outDir, 'sizes.json' ), JSON.stringify( { report, ms }, null, '\t' ) + '\n' );
	if ( !quiet ) {
		const rows = [ [ 'page', 'page raw', 'page gzip', 'served', 'served gzip', 'budget' ] ];
		for ( const r of report ) {
			for ( const f of r.files ) {
				rows.push( [ f.title, kb( f.raw ), kb( f.gzip ), kb( f.served ), kb( f.servedGzip ), '' ] );
			}
			rows.push( [ `  = ${ r.gadget }${ r.over ? '  OVER BUDGET' : '' }`, kb( r.total.raw ), kb( r.total.gzip ),
				kb( r.total.served ), kb( r.total.servedGzip ), r.budget.gzip ? kb( r.budget.gzip ) : '-' ] );
		}
		const widths = rows[ 0 ].map( ( _, i ) => Math.max( ...rows.map( ( row ) => row[ i ].length ) ) );
		for ( const row of rows ) {
			console.log( row.map( ( cell, i ) => ( i === 0 ? cell.padEnd( widths[ i ] ) : cell.padStart( widths[ i ] ) ) ).join( '  ' ) );
		}
		console.log( `${ pages.length } pages written to ${ relative( ROOT, outDir ) || '.' }/ in ${ ms } ms (version ${ version }, commit ${ commit })` );
	}
	if ( failures.length ) {
		throw new BuildError( 'Over budget: ' + failures.join( '; ' ) +
			( shipped.length > 1 ? ` (loaders carry their labels in each of the ${ shipped.length } languages shipped: a wiki can ship fewer with --languages or MENTORSHIP_LANGUAGES)` : '' ) );
	}
	return { manifest, report };
}

if ( process.argv[ 1 ] === fileURLToPath( import.meta.url ) ) {
	// node build.mjs [--languages es,fr]: the languages to ship besides English (default: all).
	const { values } = parseArgs( { options: { languages: { type: 'string' } } } );
	const languages = values.languages ? values.languages.split( ',' ).map( ( l ) => l.trim() ).filter( Boolean ) : wantedLanguages();
	build( { languages } ).catch( ( e ) => {
		console.error( e instanceof BuildError ? 'Build failed: ' + e.message : e );
		process.exit( 1 );
	} );
}
