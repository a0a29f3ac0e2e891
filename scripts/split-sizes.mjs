#!/usr/bin/env node
/**
 * What each source file costs a first click: `node scripts/split-sizes.mjs [feature…]`.
 *
 * Bundles the features' entries as build.mjs does (esbuild with splitting, names and syntax
 * minified), cuts each output at esbuild's `// src/file.ts` marks, and measures each file's
 * code in the modules a first click loads: minified as ES2017, then lowered to ES5 as the
 * build lowers it (TypeScript, helpers shared) and whitespace-minified, each gzipped alone
 * (so the figures rank files; gzipped together they are smaller). The English messages a
 * module carries are counted apart (as the build places them).
 */

import { gzipSync } from 'node:zlib';
import { relative, sep } from 'node:path';
import * as esbuild from 'esbuild';
import { lowerToEs5, readDefinitions, readMessages } from '../build.mjs';

const gz = ( text ) => gzipSync( Buffer.from( text ), { level: 9 } ).length;
const kb = ( n ) => ( n / 1024 ).toFixed( 1 );

const defs = readDefinitions();
const features = defs.filter( ( d ) => d.feature );
const messages = readMessages();
const wanted = process.argv.slice( 2 );

const result = await esbuild.build( {
	absWorkingDir: process.cwd(),
	bundle: true,
	write: false,
	metafile: true,
	platform: 'browser',
	target: 'es2017',
	charset: 'utf8',
	legalComments: 'none',
	logLevel: 'silent',
	treeShaking: true,
	entryPoints: Object.fromEntries( features.map( ( f ) => [ f.feature, f.script ] ) ),
	outdir: 'split',
	splitting: true,
	format: 'esm',
	chunkNames: 'chunk-[hash]',
	minifyIdentifiers: true,
	minifySyntax: true,
	plugins: [ {
		name: 'virtual',
		setup( build ) {
			build.onResolve( { filter: /^mentorship:/ }, ( args ) => ( { path: args.path, namespace: 'mentorship' } ) );
			build.onLoad( { filter: /.*/, namespace: 'mentorship' }, () => ( { contents: 'export const VERSION = "1.0.0"; export const COMMIT = "x";', loader: 'js' } ) );
		}
	} ]
} );
const outputs = result.metafile.outputs;
const texts = Object.fromEntries( result.outputFiles.map( ( o ) => [ relative( process.cwd(), o.path ).split( sep ).join( '/' ), o.text ] ) );

/** An output's code by source file, at esbuild's marks. */
function slices( text ) {
	const out = {};
	let file = '(module glue)';
	for ( const line of text.split( '\n' ) ) {
		const m = /^\/\/ (src\/\S+|mentorship:\S+)$/.exec( line );
		if ( m ) {
			file = m[ 1 ];
			continue;
		}
		out[ file ] = ( out[ file ] || '' ) + line + '\n';
	}
	return out;
}

/** A slice lowered to ES5 as the build does it, whitespace-minified. */
async function lowered( code, name ) {
	// Slices end without their exports; import/export lines are the module glue.
	const body = code.replace( /^(import|export) [^;]*;$/gm, '' );
	const es5 = lowerToEs5( body, name, { noEmitHelpers: true } );
	return ( await esbuild.transform( es5, { minifyWhitespace: true, legalComments: 'none', charset: 'utf8', target: 'es5' } ) ).code;
}

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

const keys = Object.keys( messages.en ).filter( ( k ) => !k.startsWith( 'mentorship-gadget-' ) );
for ( const f of features.filter( ( d ) => !wanted.length || wanted.includes( d.feature ) ) ) {
	const rows = [];
	const named = new Set();
	let esTotal = 0;
	let es5Total = 0;
	let all5 = '';
	for ( const o of Object.keys( outputs ).filter( ( p ) => reach[ p ].has( f.feature ) ) ) {
		for ( const k of ( texts[ o ].match( /["'`]mentorship-[a-z0-9-]+["'`]/g ) || [] ) ) {
			named.add( k.slice( 1, -1 ) );
		}
		for ( const [ file, code ] of Object.entries( slices( texts[ o ] ) ) ) {
			const es = code.replace( /^(import|export) [^;]*;$/gm, '' );
			const es5 = await lowered( code, file.replace( /[/:]/g, '-' ) + '.js' );
			all5 += es5 + '\n';
			rows.push( { file, shared: [ ...reach[ o ] ].join( ',' ), es: gz( es ), es5: gz( es5 ), esRaw: es.length, es5Raw: es5.length } );
			esTotal += gz( es );
			es5Total += gz( es5 );
		}
	}
	const msgs = keys.filter( ( k ) => named.has( k ) );
	const msgText = JSON.stringify( Object.fromEntries( msgs.map( ( k ) => [ k, messages.en[ k ] ] ) ) );
	rows.sort( ( a, b ) => b.es5 - a.es5 );
	console.log( `\n== first click: ${ f.feature } (files gzipped alone: ES2017 ${ kb( esTotal ) } KB, ES5 ${ kb( es5Total ) } KB; all ES5 code gzipped together ${ kb( gz( all5 ) ) } KB; English messages named: ${ msgs.length }, ${ kb( gz( msgText ) ) } KB gzipped)` );
	console.log( 'file'.padEnd( 44 ) + 'in'.padEnd( 28 ) + 'es2017 min'.padStart( 11 ) + 'gz'.padStart( 8 ) + 'es5 min'.padStart( 9 ) + 'gz'.padStart( 8 ) + '  lowering' );
	for ( const r of rows ) {
		console.log( r.file.padEnd( 44 ) + r.shared.padEnd( 28 ) + kb( r.esRaw ).padStart( 11 ) + kb( r.es ).padStart( 8 ) + kb( r.es5Raw ).padStart( 9 ) + kb( r.es5 ).padStart( 8 ) + ( '+' + kb( r.es5 - r.es ) ).padStart( 10 ) );
	}
}
