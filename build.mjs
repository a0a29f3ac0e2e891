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
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as acorn from 'acorn';
import * as esbuild from 'esbuild';
import ts from 'typescript';
import { analyze } from 'eslint-scope';
import { buildUserScript } from './build-userscript.mjs';

const ROOT = dirname( fileURLToPath( import.meta.url ) );
/** Named, with its licence, at the top of every minified page. */
const PROJECT = ( ( pkg ) => ( {
	name: pkg.name,
	description: pkg.description,
	license: pkg.license,
	repository: pkg.repository && ( pkg.repository.url || pkg.repository )
} ) )( JSON.parse( readFileSync( join( ROOT, 'package.json' ), 'utf8' ) ) );
const SECTION = 'mentorship';
/** Hidden gadgets holding the shared code's messages in one language each. */
export const MESSAGE_MODULE_PREFIX = 'mentorship-i18n-';
/** The shared base of the lazily loaded code; the features name it (or the panel) as `parent`. */
const SPLIT_BASE = 'mentorship-core';
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
 * languages listed in `bundledLanguages`.
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
export function lowerToEs5( code, fileName, { noEmitHelpers = false } = {} ) {
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
			noEmitHelpers
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
		...( header.minified ? [
			` * ${ PROJECT.name } (${ PROJECT.description }), licence ${ PROJECT.license }.`,
			` * Minified (short names): the readable source is the files above, in ${ PROJECT.name }${ PROJECT.repository ? ' (' + PROJECT.repository + ')' : '' }`,
			` * at commit ${ header.commit }; \`node build.mjs --readable\` builds this page unminified.`
		] : [] ),
		' * Generated: edit the source, not this page. It is rebuilt and replaced on each deploy.',
		' */',
		body.replace( /\s+$/, '' ),
		'/* </nowiki> */',
		''
	];
	return lines.join( '\n' );
}

/** The entry esbuild bundles: the gadget's script, or in the single-module build every feature's. */
function entryFor( def ) {
	if ( def.entries ) {
		return { contents: def.entries.map( ( e ) => `import ${ JSON.stringify( './' + e ) };` ).join( '\n' ), resolveDir: ROOT, sourcefile: def.id, loader: 'ts' };
	}
	return null;
}

const ESBUILD_OPTIONS = {
	absWorkingDir: ROOT,
	bundle: true,
	write: false,
	metafile: true,
	platform: 'browser',
	target: 'es2017',
	charset: 'utf8',
	legalComments: 'none',
	logLevel: 'silent',
	treeShaking: true
};

/** Fails on an import that no module offers: it would be undefined at run time (esbuild only warns). */
function checkWarnings( id, result ) {
	const undefinedImports = result.warnings.filter( ( w ) => /will always be undefined|no matching export/i.test( w.text ) );
	if ( undefinedImports.length ) {
		throw new BuildError( `${ id }: ` + undefinedImports.map( ( w ) => `${ w.location ? w.location.file + ': ' : '' }${ w.text }` ).join( '; ' ) );
	}
}

/**
 * Lowers a bundle to ECMAScript 5, minified when asked (again after lowering: the names
 * lowering adds, and whitespace), in a closure, and checks it.
 */
async function finishScript( code, fileName, minify, prelude = '', lowered = lowerToEs5( code, fileName.replace( /[:]/g, '-' ) ) ) {
	if ( minify ) {
		// The code is ES5 already, and stays so (printed as ES5: no shorthand properties;
		// checked below); the names TypeScript's lowering adds (_a, _loop_1…) are shortened too.
		lowered = ( await esbuild.transform( lowered, { minifyWhitespace: true, minifyIdentifiers: true, minifySyntax: true, legalComments: 'none', charset: 'utf8', target: 'es5' } ) ).code;
	}
	const body = `( function () {\n'use strict';\n${ prelude }${ lowered.replace( /^"use strict";\n?/, '' ).replace( /\s+$/, '' ) }\n}() );`;
	checkEs5( body, fileName );
	return body;
}

/**
 * Bundles a gadget's script, lowered to ECMAScript 5 and checked. `minify`: short local names
 * and compact syntax (esbuild before lowering, whitespace after); property names and the
 * names modules share (mw.libs) are kept. ResourceLoader minifies whitespace only.
 */
async function bundleScript( def, messages, version, commit, minify = false, prelude = '' ) {
	const stdin = entryFor( def );
	const result = await esbuild.build( {
		...ESBUILD_OPTIONS,
		...( stdin ? { stdin } : { entryPoints: [ def.script ] } ),
		format: 'iife',
		minifyIdentifiers: minify,
		minifySyntax: minify,
		plugins: [ virtualModules( def, messages, version, commit ) ]
	} ).catch( ( e ) => {
		throw new BuildError( `${ def.script }: ${ e.message }` );
	} );
	checkWarnings( def.id, result );
	return finishScript( result.outputFiles[ 0 ].text, `MediaWiki:Gadget-${ def.id }.js`, minify, prelude );
}

/** Source files (src/…) that put code in an output of a metafile. */
function codeInputs( output ) {
	return Object.keys( output.inputs ).filter( ( f ) => f.startsWith( 'src/' ) && output.inputs[ f ].bytesInOutput > 0 );
}

/** The feature that owns a source file (the longest `owns` prefix of a feature), or null. */
export function ownerOf( file, defs ) {
	let best = null;
	let length = -1;
	for ( const def of defs ) {
		for ( const prefix of def.owns || [] ) {
			if ( file.startsWith( prefix ) && prefix.length > length ) {
				best = def.id;
				length = prefix.length;
			}
		}
	}
	return best;
}

/** The name of the hidden gadget holding the code that exactly `features` share (in FEATURES order). */
function sharedModuleId( features, all ) {
	return features.length === all.length ? SPLIT_BASE : `${ SPLIT_BASE }-shared-${ features.join( '-' ) }`;
}

/** A name for a variable that `text` does not use. */
function freshName( text, stem ) {
	for ( let i = 0; ; i++ ) {
		const name = stem + i;
		if ( !new RegExp( '\\b' + name.replace( /\$/g, '\\$' ) + '(?![\\w$])' ).test( text ) ) {
			return name;
		}
	}
}

/** An output of the code split, parsed, with its module scope (eslint-scope). */
function parseChunk( text ) {
	const ast = acorn.parse( text, { ecmaVersion: 'latest', sourceType: 'module', ranges: true } );
	const scopes = analyze( ast, { ecmaVersion: 2022, sourceType: 'module' } );
	const moduleScope = scopes.globalScope.childScopes.find( ( s ) => s.type === 'module' );
	const variables = Object.fromEntries( moduleScope.variables.map( ( v ) => [ v.name, v ] ) );
	return { ast, variables };
}

/**
 * The names an output of the code split exports whose binding it assigns after its
 * declaration (a `let` that changes): they must be read where they live at each use.
 */
export function liveExports( text ) {
	const { ast, variables } = parseChunk( text );
	const live = new Set();
	for ( const node of ast.body ) {
		if ( node.type === 'ExportNamedDeclaration' && !node.declaration && !node.source ) {
			for ( const spec of node.specifiers ) {
				const v = variables[ spec.local.name ];
				if ( v && v.references.some( ( r ) => r.isWrite() && !r.init ) ) {
					live.add( spec.exported.name );
				}
			}
		}
	}
	return live;
}

/**
 * Turns one output of the code split (an ES module: imports from other outputs at the top,
 * `export { … }` at the end) into a script for a module of its own. Its imports become
 * local variables read from the module that exports them (mw.libs.mentorshipChunks[ id ]),
 * once, when the module runs (its dependencies ran before it), so the code calls them
 * directly; its exports, an object of those values set at its end. A binding that the
 * exporting module assigns after its declaration (`liveOf( path )`, from liveExports: scope
 * analysis by eslint-scope) is read through a getter at each use. `idOf( path )`: the module
 * id of an output.
 */
export function linkChunk( text, fileName, idOf, liveOf ) {
	const { ast, variables } = parseChunk( text );
	// Shorthand properties ({ a }): a reference there is rewritten as `a: …`.
	const shorthand = new Set();
	const visit = ( node ) => {
		if ( node.type === 'Property' && node.shorthand && node.value.type === 'Identifier' ) {
			shorthand.add( node.value.start );
		}
		for ( const key of Object.keys( node ) ) {
			const child = node[ key ];
			for ( const c of Array.isArray( child ) ? child : [ child ] ) {
				if ( c && typeof c.type === 'string' ) {
					visit( c );
				}
			}
		}
	};
	visit( ast );
	const edits = [];
	const declarations = [];
	let exports = null;
	let names = text;
	for ( const node of ast.body ) {
		if ( node.type === 'ImportDeclaration' ) {
			const from = node.source.value;
			const path = 'split/' + from.replace( /^\.\//, '' );
			const id = /^\.\/chunk-/.test( from ) ? idOf( path ) : null;
			if ( !id || node.specifiers.some( ( spec ) => spec.type !== 'ImportSpecifier' ) ) {
				throw new BuildError( `${ fileName }: an import the split cannot link: ${ text.slice( node.start, node.end ) }` );
			}
			edits.push( [ node.start, node.end, '' ] );
			if ( !node.specifiers.length ) {
				continue;
			}
			const chunk = freshName( names, 'chunk$' );
			names += ' ' + chunk;
			const parts = [ `${ chunk } = mw.libs.mentorshipChunks[ ${ JSON.stringify( id ) } ]` ];
			const live = liveOf( path );
			for ( const spec of node.specifiers ) {
				const imported = spec.imported.name;
				const local = spec.local.name;
				if ( !live.has( imported ) ) {
					parts.push( `${ local } = ${ chunk }.${ imported }` );
					continue;
				}
				for ( const ref of variables[ local ].references ) {
					const at = ref.identifier.start;
					edits.push( [ at, ref.identifier.end, ( shorthand.has( at ) ? local + ': ' : '' ) + `${ chunk }.${ imported }` ] );
				}
			}
			declarations.push( `var ${ parts.join( ', ' ) };\n` );
		} else if ( node.type === 'ExportNamedDeclaration' && !node.declaration && !node.source ) {
			exports = node.specifiers.map( ( spec ) => [ spec.exported.name, spec.local.name ] );
			edits.push( [ node.start, node.end, '' ] );
		} else if ( /^Export/.test( node.type ) ) {
			throw new BuildError( `${ fileName }: an export the split cannot link: ${ text.slice( node.start, node.end ).slice( 0, 160 ) }` );
		}
	}
	edits.sort( ( x, y ) => y[ 0 ] - x[ 0 ] );
	let out = text;
	for ( const [ start, end, replacement ] of edits ) {
		out = out.slice( 0, start ) + replacement + out.slice( end );
	}
	out = declarations.join( '' ) + out;
	if ( exports ) {
		const live = liveOf( fileName );
		const members = exports.map( ( [ name, local ] ) => live.has( name ) ? `get ${ name }() { return ${ local }; }` : `${ name }: ${ local }` );
		out += `mw.libs.mentorshipChunks = mw.libs.mentorshipChunks || {};\nmw.libs.mentorshipChunks[ ${ JSON.stringify( idOf( fileName ) ) } ] = { ${ members.join( ', ' ) } };\n`;
	}
	return out;
}

/**
 * The code split, by esbuild: the features' entries (gadgets/mentorship-core-*.json, each
 * with its `feature`) bundled together with splitting, so that each top-level statement
 * (a function, a class, a constant) is in exactly one output: the feature's own when only it
 * uses it, else a chunk of the code exactly those features share. Each output becomes a
 * hidden gadget: the feature's module, mentorship-core for what every feature uses (with the
 * styles and the base's ResourceLoader dependencies), mentorship-core-shared-a-b for what
 * only features a and b use. A module takes what it imports from another at run time
 * (mw.libs.mentorshipChunks), through esbuild's getters, so a value that changes is read
 * live. Fails when a file a feature owns (`owns`) would put code in a module another feature
 * loads (but one that runs only `within` it: the console in the panel): one feature's code
 * would then load with another's.
 *
 * Returns the modules: { id, features, script (bundled, not lowered), imports (module ids),
 * inputs (source files with code in it) }.
 */
export async function splitModules( base, features, messages, version, commit, minify ) {
	const order = features.map( ( f ) => f.feature );
	const result = await esbuild.build( {
		...ESBUILD_OPTIONS,
		entryPoints: Object.fromEntries( features.map( ( f ) => [ f.feature, f.script ] ) ),
		outdir: 'split',
		splitting: true,
		format: 'esm',
		chunkNames: 'chunk-[hash]',
		minifyIdentifiers: minify,
		minifySyntax: minify,
		plugins: [ virtualModules( base, messages, version, commit ) ]
	} ).catch( ( e ) => {
		throw new BuildError( `code split: ${ e.message }` );
	} );
	checkWarnings( 'code split', result );
	const outputs = result.metafile.outputs;
	const texts = Object.fromEntries( result.outputFiles.map( ( o ) => [ relative( ROOT, o.path ).split( sep ).join( '/' ), o.text ] ) );
	// Which features load each output: those whose entry reaches it through static imports.
	const reach = {};
	for ( const f of features ) {
		const entry = Object.keys( outputs ).find( ( o ) => outputs[ o ].entryPoint === f.script );
		const walk = ( o ) => {
			const set = reach[ o ] = reach[ o ] || new Set();
			if ( !set.has( f.feature ) ) {
				set.add( f.feature );
				outputs[ o ].imports.filter( ( i ) => i.kind === 'import-statement' && outputs[ i.path ] ).forEach( ( i ) => walk( i.path ) );
			}
		};
		walk( entry );
	}
	const idOf = {};
	for ( const o of Object.keys( outputs ) ) {
		const entry = features.find( ( f ) => outputs[ o ].entryPoint === f.script );
		idOf[ o ] = entry ? entry.id : sharedModuleId( order.filter( ( f ) => reach[ o ].has( f ) ), order );
	}
	const problems = [];
	const modules = [];
	const live = Object.fromEntries( Object.keys( outputs ).map( ( o ) => [ o, liveExports( texts[ o ] ) ] ) );
	const liveOf = ( path ) => live[ path ] || new Set();
	for ( const o of Object.keys( outputs ) ) {
		const inputs = codeInputs( outputs[ o ] );
		for ( const file of inputs ) {
			// A feature's file may ship with a feature that runs only within it (the console,
			// `within` the panel), never with another.
			const owner = ownerOf( file, features );
			const mine = ( f ) => {
				const d = features.find( ( g ) => g.feature === f );
				return d.id === owner || ( !!d.within && features.some( ( g ) => g.feature === d.within && g.id === owner ) );
			};
			if ( owner && owner !== idOf[ o ] && !( reach[ o ].size > 1 && [ ...reach[ o ] ].every( mine ) ) ) {
				problems.push( `${ file } belongs to ${ owner } but would ship in ${ idOf[ o ] }` );
			}
		}
		// Imports from other outputs come from mw.libs.mentorshipChunks at run time; the
		// exports go there (linkChunk).
		const script = linkChunk( texts[ o ], o, ( path ) => idOf[ path ], liveOf );
		modules.push( {
			id: idOf[ o ],
			features: order.filter( ( f ) => reach[ o ].has( f ) ),
			script,
			imports: outputs[ o ].imports.filter( ( i ) => i.kind === 'import-statement' && outputs[ i.path ] ).map( ( i ) => idOf[ i.path ] ),
			inputs
		} );
	}
	if ( problems.length ) {
		throw new BuildError( 'code split: one feature\'s code would load with another\'s: ' + problems.join( '; ' ) );
	}
	if ( !modules.some( ( m ) => m.id === SPLIT_BASE ) ) {
		modules.push( { id: SPLIT_BASE, features: order, script: '', imports: [], inputs: [] } );
	}
	return modules;
}

/**
 * The message keys a module's code names (quoted in full). Keys named in several modules go
 * to the one all of their features load (else the base); keys named nowhere (built from parts
 * at run time) to the base, but for the loaders' labels (`loaderKeys`): the loaders carry
 * those, and the lazy code does not show them.
 */
function placeMessages( modules, messages, loaderKeys = [] ) {
	const keys = Object.keys( messages.en ).filter( ( k ) => !k.startsWith( 'mentorship-gadget-' ) );
	const found = {};
	for ( const m of modules ) {
		const named = new Set( ( m.script.match( /["'`]mentorship-[a-z0-9-]+["'`]/g ) || [] ).map( ( q ) => q.slice( 1, -1 ) ) );
		for ( const k of keys ) {
			if ( named.has( k ) ) {
				( found[ k ] = found[ k ] || [] ).push( m );
			}
		}
	}
	const keysOf = Object.fromEntries( modules.map( ( m ) => [ m.id, [] ] ) );
	for ( const k of keys ) {
		const holders = found[ k ] || [];
		let home = holders.length === 1 ? holders[ 0 ] : null;
		if ( holders.length > 1 ) {
			const wanted = new Set( holders.flatMap( ( h ) => h.features ) );
			const fits = modules.filter( ( m ) => m.features.length > 1 && [ ...wanted ].every( ( f ) => m.features.includes( f ) ) )
				.sort( ( a, b ) => a.features.length - b.features.length );
			home = fits[ 0 ] || null;
		}
		if ( home || !loaderKeys.includes( k ) ) {
			keysOf[ home ? home.id : SPLIT_BASE ].push( k );
		}
	}
	return keysOf;
}

/**
 * The helpers TypeScript adds when it lowers to ES5 (__extends, __awaiter, __generator…), by
 * name: their code, as TypeScript emits it. The split's modules share one copy, in the base.
 */
const TS_HELPER = /\b__(extends|assign|rest|decorate|param|awaiter|generator|spreadArray|spreadArrays|spread|read|values|makeTemplateObject|createBinding|exportStar|importDefault|importStar|classPrivateField(Get|Set|In)|await|asyncGenerator|asyncDelegator|asyncValues|setFunctionName|propKey)\b/g;

function loweringHelpers() {
	const sample = 'class A extends B {}\nasync function f() { await g( ...h ); }\nconst o = { ...p };\nconst w = [ ...h, 1 ];\nconst { t, ...u } = v;\n';
	const out = lowerToEs5( sample, 'helpers.ts' );
	const helpers = {};
	for ( const st of acorn.parse( out, { ecmaVersion: 5, sourceType: 'script' } ).body ) {
		if ( st.type === 'VariableDeclaration' && /^__/.test( st.declarations[ 0 ].id.name ) ) {
			helpers[ st.declarations[ 0 ].id.name ] = out.slice( st.start, st.end );
		}
	}
	return helpers;
}

/**
 * Lowers the split's modules with one copy of TypeScript's helpers: the base defines those any
 * module uses and offers them (mw.libs.mentorshipHelpers); the others take theirs from it.
 * Returns the lowered code by module id, each with its helper prelude.
 */
function lowerSplit( modules ) {
	const helpers = loweringHelpers();
	const lowered = Object.fromEntries( modules.map( ( m ) => [ m.id, lowerToEs5( m.script, `MediaWiki-Gadget-${ m.id }.js`, { noEmitHelpers: true } ) ] ) );
	const uses = ( id ) => Object.keys( helpers ).filter( ( h ) => new RegExp( '\\b' + h + '\\b' ).test( lowered[ id ] ) );
	const used = [ ...new Set( modules.flatMap( ( m ) => uses( m.id ) ) ) ];
	const unknown = [ ...new Set( modules.flatMap( ( m ) => lowered[ m.id ].match( TS_HELPER ) || [] ) ) ].filter( ( h ) => !helpers[ h ] );
	if ( unknown.length ) {
		throw new BuildError( `code split: TypeScript helpers without a shared copy (add a use to loweringHelpers' sample): ${ unknown.join( ', ' ) }` );
	}
	for ( const m of modules ) {
		const mine = m.id === SPLIT_BASE ? used : uses( m.id );
		const prelude = m.id === SPLIT_BASE ?
			used.map( ( h ) => helpers[ h ] ).join( '\n' ) + `\nmw.libs.mentorshipHelpers = { ${ used.map( ( h ) => `${ h }: ${ h }` ).join( ', ' ) } };\n` :
			( mine.length ? 'var helpers = mw.libs.mentorshipHelpers;\n' + mine.map( ( h ) => `var ${ h } = helpers.${ h };` ).join( '\n' ) + '\n' : '' );
		lowered[ m.id ] = prelude + lowered[ m.id ];
	}
	return lowered;
}

/** Code that adds a module's English messages to mw.libs.mentorshipMessages (ensureMessages installs them). */
function englishPrelude( keys, messages ) {
	if ( !keys.length ) {
		return '';
	}
	const table = Object.fromEntries( keys.map( ( k ) => [ k, messages.en[ k ] ] ) );
	return 'var mentorshipMessages = mw.libs.mentorshipMessages = mw.libs.mentorshipMessages || {};\n' +
		'var english = mentorshipMessages.en = mentorshipMessages.en || {};\n' +
		`var bundled = ${ JSON.stringify( table ) };\n` +
		'for ( var key in bundled ) {\n\tenglish[ key ] = bundled[ key ];\n}\n';
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
 * The single-module layout (`--single`): the base holds every feature, with all their
 * dependencies and messages, as before the split (kept to compare the two in the bench).
 */
function singleLayout( base, features ) {
	const union = ( lists ) => [ ...new Set( lists.flat() ) ];
	return {
		...base,
		entries: [ base.script ].concat( features.map( ( f ) => f.script ) ),
		styles: union( [ base.styles ].concat( features.map( ( f ) => f.styles ) ) ),
		dependencies: union( [ base.dependencies ].concat( features.map( ( f ) => f.dependencies ) ) ),
		optionalDependencies: union( [ base.optionalDependencies || [] ].concat( features.map( ( f ) => f.optionalDependencies || [] ) ) ),
		budget: base.singleBudget || base.budget
	};
}

/** A module and every module it loads with (its imports, theirs, and the base). */
function closureOf( id, byId ) {
	const seen = [];
	const visit = ( at ) => {
		if ( !seen.includes( at ) ) {
			seen.push( at );
			( byId[ at ].imports || [] ).forEach( visit );
		}
	};
	visit( id );
	if ( !seen.includes( SPLIT_BASE ) ) {
		seen.push( SPLIT_BASE );
	}
	return seen;
}

/**
 * Builds everything into `outDir` (default dist/). Returns the manifest, a size report and
 * what each first click costs; throws BuildError on any failure. `single`: the lazy code as
 * one module (MENTORSHIP_SINGLE_MODULE=1). `minify`: short local names (the default;
 * MENTORSHIP_READABLE=1 or --readable keeps them).
 */
export async function build( { outDir = join( ROOT, 'dist' ), quiet = false, languages = wantedLanguages(), single = process.env.MENTORSHIP_SINGLE_MODULE === '1', minify = process.env.MENTORSHIP_READABLE !== '1', overrides = {} } = {} ) {
	const started = Date.now();
	const pkg = readJson( join( ROOT, 'package.json' ) );
	const version = pkg.version;
	const commit = commitId();
	const messages = readMessages( languages );
	const shipped = Object.keys( messages ).sort();
	// overrides: per gadget id, options replacing those of gadgets/*.json (for tests).
	const all = readDefinitions().map( ( d ) => ( { ...d, ...overrides[ d.id ] } ) );
	const features = all.filter( ( d ) => d.feature );
	const base = all.find( ( d ) => d.id === SPLIT_BASE );
	const loaders = all.filter( ( d ) => d !== base && !d.feature );
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

	// The lazy modules: { def, script (ES5, checked), source, part, keys }.
	const lazy = [];
	const allKeys = messageKeys( { messages: '*' }, messages );
	if ( single ) {
		const def = singleLayout( base, features );
		lazy.push( { def, script: await bundleScript( def, messages, version, commit, minify, englishPrelude( allKeys, messages ) ),
			source: def.entries.join( ', ' ), part: 'all the shared code, loaded on demand', keys: allKeys } );
	} else {
		const modules = await splitModules( base, features, messages, version, commit, minify );
		const keysOf = placeMessages( modules, messages, loaders.flatMap( ( d ) => messageKeys( d, messages ) ) );
		const lowered = lowerSplit( modules );
		const extras = ( f ) => features.find( ( d ) => d.feature === f ).dependencies;
		for ( const m of modules ) {
			const feature = features.find( ( d ) => d.id === m.id );
			const rl = m.id === SPLIT_BASE ? base.dependencies : feature ? feature.dependencies :
				extras( m.features[ 0 ] ).filter( ( dep ) => m.features.every( ( f ) => extras( f ).includes( dep ) ) );
			const gadgets = ( m.id === SPLIT_BASE ? [] : [ SPLIT_BASE ] ).concat( m.imports.filter( ( id ) => id !== SPLIT_BASE ) );
			const def = m.id === SPLIT_BASE ? { ...base, messages: keysOf[ m.id ] } : {
				...( feature || {
					id: m.id, description: base.description, styles: [], default: false, hidden: true, rights: [],
					budget: base.sharedBudget, shared: m.features
				} ),
				dependencies: gadgets.map( ( id ) => 'ext.gadget.' + id ).concat( rl ),
				imports: m.imports,
				messages: keysOf[ m.id ]
			};
			if ( m.id === SPLIT_BASE ) {
				def.imports = [];
			}
			const script = await finishScript( m.script, `MediaWiki:Gadget-${ m.id }.js`, minify, englishPrelude( keysOf[ m.id ], messages ), lowered[ m.id ] );
			lazy.push( {
				def, script, keys: keysOf[ m.id ], inputs: m.inputs, features: m.features,
				source: m.inputs.join( ', ' ) || 'none',
				part: feature ? `the ${ feature.feature } feature, loaded on demand` : m.id === SPLIT_BASE ?
					'what every feature uses, loaded on demand' : `what ${ m.features.join( ', ' ) } share, loaded on demand`
			} );
		}
		lazy.sort( ( a, b ) => ( a.def.id === SPLIT_BASE ? -1 : b.def.id === SPLIT_BASE ? 1 : a.def.id < b.def.id ? -1 : 1 ) );
	}
	const defs = [];
	for ( const def of loaders ) {
		defs.push( def );
		const script = await bundleScript( def, messages, version, commit, minify );
		await write( `MediaWiki:Gadget-${ def.id }.js`, 'javascript', wrapPage( script, {
			gadget: def.id, version, commit, minified: minify, file: def.script, source: def.script, part: def.hidden ? 'shared by the loaders' : 'loader'
		} ), def.id );
	}
	for ( const l of lazy ) {
		defs.push( l.def );
		await write( `MediaWiki:Gadget-${ l.def.id }.js`, 'javascript', wrapPage( l.script, {
			gadget: l.def.id, version, commit, minified: minify, file: l.def.id, source: l.source, part: l.part
		} ), l.def.id );
	}
	for ( const def of defs ) {
		if ( def.styles.length ) {
			const css = def.styles.map( ( file ) => `/* ${ file } */\n` + readFileSync( join( ROOT, file ), 'utf8' ).trim() ).join( '\n\n' );
			await write( `MediaWiki:Gadget-${ def.id }.css`, 'css', wrapPage( css, {
				gadget: def.id, version, commit, file: def.styles.join( ', ' ), source: def.styles.join( ', ' ), part: 'styles'
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
	const byId = Object.fromEntries( defs.map( ( d ) => [ d.id, d ] ) );
	// Message modules: the lazy code bundles English; each other language is a hidden gadget
	// per feature (the messages of every module the feature loads; the single module's all),
	// loaded in the same request as the feature.
	const messageModules = [];
	const groups = single ? [ { suffix: '', keys: allKeys, of: SPLIT_BASE } ] : features.map( ( f ) => ( {
		suffix: '-' + f.feature, of: f.id,
		keys: closureOf( f.id, byId ).flatMap( ( id ) => byId[ id ].messages )
	} ) );
	for ( const group of groups ) {
		for ( const lang of shipped.filter( ( l ) => l !== 'en' ) ) {
			const subset = {};
			for ( const key of group.keys ) {
				if ( messages[ lang ][ key ] !== undefined ) {
					subset[ key ] = messages[ lang ][ key ];
				}
			}
			if ( !Object.keys( subset ).length ) {
				continue;
			}
			const id = `${ MESSAGE_MODULE_PREFIX }${ lang.toLowerCase() }${ group.suffix }`;
			const body = '( function () {\n\'use strict\';\n' +
				'var libs = mw.libs, key;\n' +
				'libs.mentorshipMessages = libs.mentorshipMessages || {};\n' +
				`var table = libs.mentorshipMessages[ ${ JSON.stringify( lang ) } ] = libs.mentorshipMessages[ ${ JSON.stringify( lang ) } ] || {};\n` +
				`var texts = ${ JSON.stringify( subset, null, '\t' ) };\n` +
				'for ( key in texts ) {\n\ttable[ key ] = texts[ key ];\n}\n' +
				'}() );';
			checkEs5( body, `MediaWiki:Gadget-${ id }.js` );
			await write( `MediaWiki:Gadget-${ id }.js`, 'javascript', wrapPage( body, {
				gadget: id, version, commit, file: `i18n/${ lang }.json`, source: `i18n/${ lang }.json`, part: `messages of ${ group.of } in ${ lang }`
			} ), id );
			const description = messages.en[ 'mentorship-gadget-messages' ].replace( '$1', lang );
			await write( `MediaWiki:Gadget-${ id }`, 'wikitext', description, id );
			messageModules.push( { id, dependencies: [], rights: [], styles: [], hidden: true, default: false, messagesOf: group.of, lang } );
		}
	}
	for ( const lang of shipped ) {
		const text = messages[ lang ][ 'mentorship-gadget-section' ];
		if ( text !== undefined ) {
			await write( `MediaWiki:Gadget-section-${ SECTION }` + ( lang === 'en' ? '' : '/' + lang ), 'wikitext', text, null );
		}
	}

	// The same code as a user script (issue 19): build-userscript.mjs.
	const userScript = await buildUserScript( {
		outDir, root: ROOT, loaders, lazy: lazy.map( ( l ) => l.def ), features, messageModules, single, messagePrefix: MESSAGE_MODULE_PREFIX,
		bundle: ( def, prelude = '' ) => bundleScript( def, messages, version, commit, minify, prelude ),
		wrap: wrapPage, checkEs5, header: { version, commit, minified: minify }
	} );

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
	// What a first click costs of this project's code: the feature with every module it
	// loads with (the base, the shared chunks), as served in one load.php response, in
	// English (another language adds its message module: `withLanguage`).
	const clicks = [];
	const served = ( ids ) => sizes.filter( ( f ) => ids.includes( f.gadget ) && f.served !== undefined ).map( ( f ) => servedTexts[ f.title ] ).join( '\n' );
	for ( const f of single ? [ { ...base, feature: 'all', id: SPLIT_BASE, firstClick: base.singleFirstClick } ] : features ) {
		const modules = closureOf( f.id, byId );
		const gzip = gzipLength( served( modules ) );
		const withLanguage = {};
		for ( const lang of shipped.filter( ( l ) => l !== 'en' ) ) {
			withLanguage[ lang ] = gzipLength( served( modules.concat( messageModules.filter( ( m ) => m.lang === lang && m.messagesOf === f.id ).map( ( m ) => m.id ) ) ) );
		}
		const budget = f.firstClick || {};
		const over = budget.gzip !== undefined && gzip > budget.gzip;
		clicks.push( { feature: f.feature, modules, gzip, withLanguage, budget, over } );
		if ( over ) {
			failures.push( `the first click on ${ f.feature } (${ modules.join( ' + ' ) }): ${ gzip } bytes served gzipped, budget ${ budget.gzip }` );
		}
	}
	const ms = Date.now() - started;
	const split = single ? null : Object.fromEntries( lazy.map( ( l ) => [ l.def.id, { features: l.features, inputs: l.inputs, messages: l.keys } ] ) );
	writeFileSync( join( outDir, 'sizes.json' ), JSON.stringify( { report, clicks, split, ms }, null, '\t' ) + '\n' );
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
		for ( const c of clicks ) {
			console.log( `first click, ${ c.feature }: ${ c.modules.join( ' + ' ) } = ${ kb( c.gzip ) } served gzipped` +
				( c.budget.gzip ? ` (budget ${ kb( c.budget.gzip ) })${ c.over ? '  OVER BUDGET' : '' }` : '' ) );
		}
		console.log( `user script: entry ${ kb( userScript.sizes.entry.servedGzip ) } served gzipped on page view (the gadgets' four loaders: ${ kb( userScript.sizes.loaders.servedGzip ) }), ` +
			`${ userScript.pages.length } pages in ${ relative( ROOT, outDir ) || '.' }/user-script/` );
		console.log( `${ pages.length } pages written to ${ relative( ROOT, outDir ) || '.' }/ in ${ ms } ms (version ${ version }, commit ${ commit })` );
	}
	if ( failures.length ) {
		throw new BuildError( 'Over budget: ' + failures.join( '; ' ) +
			( shipped.length > 1 ? ` (loaders carry their labels in each of the ${ shipped.length } languages shipped: a wiki can ship fewer with --languages or MENTORSHIP_LANGUAGES)` : '' ) );
	}
	return { manifest, report, clicks };
}

if ( process.argv[ 1 ] === fileURLToPath( import.meta.url ) ) {
	// node build.mjs [--languages es,fr]: the languages to ship besides English (default: all).
	// --single: the lazy code as one module (mentorship-core), as before the split.
	// --readable: local names kept (larger; the budgets of the first clicks are for minified code).
	const { values } = parseArgs( { options: { languages: { type: 'string' }, single: { type: 'boolean' }, readable: { type: 'boolean' } } } );
	const languages = values.languages ? values.languages.split( ',' ).map( ( l ) => l.trim() ).filter( Boolean ) : wantedLanguages();
	build( { languages, ...( values.single ? { single: true } : {} ), ...( values.readable ? { minify: false } : {} ) } ).catch( ( e ) => {
		console.error( e instanceof BuildError ? 'Build failed: ' + e.message : e );
		process.exit( 1 );
	} );
}
