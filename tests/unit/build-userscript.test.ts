/**
 * The user-script build (build-userscript.mjs, issue 19): the entry is ECMAScript 5, pinned
 * and unpinned; the lazy and message pages are the gadgets' own texts; each feature's modules
 * come in run order with the ResourceLoader dependencies of the gadget definitions; and the
 * entry, run against a stand-in `mw`, runs the loaders the settings turn on (all by default)
 * and none where the user has a mentorship gadget on.
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import * as acorn from 'acorn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../build.mjs';
import { pinsLine, UserScriptManifest } from '../../scripts/lib/user-script';

let dir: string;
let lines: string[];
let manifest: UserScriptManifest;
let entry: string;

beforeAll( async () => {
	dir = mkdtempSync( join( tmpdir(), 'mentorship-user-script-' ) );
	lines = ( await build( { outDir: dir, quiet: true } ) ).manifest.definitions.lines;
	manifest = JSON.parse( readFileSync( join( dir, 'user-script', 'manifest.json' ), 'utf8' ) ) as UserScriptManifest;
	entry = readFileSync( join( dir, 'user-script', 'pages', manifest.entry ), 'utf8' );
}, 180000 );

afterAll( () => {
	rmSync( dir, { recursive: true, force: true } );
} );

interface Table {
	modules: Record<string, { deps: string[]; optional: string[]; css: boolean }>;
	features: Record<string, { modules: string[]; i18n: string[]; messages: string }>;
}

function table(): Table {
	const m = /^var mentorshipUserBuild = (.*);$/m.exec( entry );
	return JSON.parse( ( m as RegExpExecArray )[ 1 ] as string ) as Table;
}

/** A gadget's dependencies as its definition line declares them. */
function dependencies( id: string ): string[] {
	const line = lines.find( ( l ) => l.startsWith( `* ${ id }[` ) ) as string;
	const m = /dependencies=([^|\]]*)/.exec( line );
	return m ? ( m[ 1 ] as string ).split( ',' ) : [];
}

/** Runs the entry against a stand-in mw; returns how many loaders it started and whether it set its library. */
function runEntry( states: Record<string, string>, settings?: Record<string, boolean> ): { loaders: number; lib: boolean } {
	let loaders = 0;
	const resolved = { then: ( f: () => void ) => f() };
	const mw = {
		libs: {} as Record<string, unknown>,
		loader: { getState: ( name: string ) => states[ name ] || ( /^ext\.gadget\.mentorship-/.test( name ) ? 'registered' : null ), using: () => resolved },
		config: { get: ( key: string ) => ( { wgUserLanguage: 'en', wgContentLanguage: 'en' } as Record<string, string> )[ key ] || null },
		messages: { set: () => undefined },
		util: { addCSS: () => undefined, getParamValue: () => null },
		hook: () => ( { add: () => undefined } ),
	};
	const $ = (): void => {
		loaders++;
	};
	runInNewContext( entry, { mw, $, window: settings ? { mentorshipSettings: settings } : {}, document: { currentScript: null } } );
	return { loaders, lib: !!mw.libs.mentorshipUserScript };
}

describe( 'the user-script build', () => {
	it( 'writes an ECMAScript 5 entry, still ES5 once the deploy pins it', () => {
		expect( manifest.entry ).toBe( 'main.js' );
		const parse = ( code: string ): unknown => acorn.parse( code, { ecmaVersion: 5, sourceType: 'script' } );
		expect( () => parse( entry ) ).not.toThrow();
		expect( entry.match( /^var mentorshipUserPins = \{\};$/mg ) ).toHaveLength( 1 );
		const pinned = entry.replace( /^var mentorshipUserPins = .*;$/m, () => pinsLine( 'User:Jane Doe/mentorship/', { 'mentorship-core.js': 42 } ) );
		expect( () => parse( pinned ) ).not.toThrow();
		expect( pinned ).toContain( '"oldids":{"mentorship-core.js":42}' );
	} );

	it( 'ships the gadgets\' own lazy and message pages, unchanged', () => {
		const names = manifest.pages.map( ( p ) => p.name ).filter( ( n ) => n !== manifest.entry );
		const gadgets = lines.map( ( l ) => ( /^\* ([a-z0-9-]+)\[/.exec( l ) as RegExpExecArray )[ 1 ] as string )
			.filter( ( id ) => /^mentorship-(core|i18n)/.test( id ) );
		expect( names.filter( ( n ) => n.endsWith( '.js' ) ).map( ( n ) => n.replace( /\.js$/, '' ) ).sort() ).toEqual( gadgets.sort() );
		for ( const name of names ) {
			expect( readFileSync( join( dir, 'user-script', 'pages', name ), 'utf8' ), name ).toBe( readFileSync( join( dir, 'pages', 'MediaWiki:Gadget-' + name ), 'utf8' ) );
		}
	} );

	it( 'gives each feature its modules in run order, with the gadget definitions\' dependencies', () => {
		const t = table();
		expect( Object.keys( t.features ).sort() ).toEqual( [ 'ask', 'batch', 'console', 'graduation', 'needs', 'panel', 'snapshots', 'welcome' ] );
		for ( const feature of Object.keys( t.features ) ) {
			const modules = ( t.features[ feature ] as Table['features'][string] ).modules;
			expect( modules[ 0 ] ).toBe( 'mentorship-core' );
			expect( modules[ modules.length - 1 ] ).toBe( 'mentorship-core-' + feature );
			// Each module after those it depends on.
			modules.forEach( ( id, i ) => {
				const before = dependencies( id ).filter( ( d ) => d.startsWith( 'ext.gadget.' ) ).map( ( d ) => d.slice( 'ext.gadget.'.length ) );
				expect( before.filter( ( d ) => !modules.includes( d ) || modules.indexOf( d ) > i ), id ).toEqual( [] );
			} );
		}
		for ( const id of Object.keys( t.modules ) ) {
			expect( ( t.modules[ id ] as Table['modules'][string] ).deps, id ).toEqual( dependencies( id ).filter( ( d ) => !d.startsWith( 'ext.gadget.' ) ) );
		}
		expect( ( t.features.ask as Table['features'][string] ).i18n.sort() ).toEqual( [ 'ar', 'es', 'fr' ] );
	} );

	it( 'runs the loaders the settings turn on, all by default, and none where a mentorship gadget is on', () => {
		expect( runEntry( {} ) ).toEqual( { loaders: 3, lib: true } );
		expect( runEntry( {}, { welcome: false } ) ).toEqual( { loaders: 2, lib: true } );
		expect( runEntry( {}, { ask: false, welcome: false, panel: false } ) ).toEqual( { loaders: 0, lib: true } );
		expect( runEntry( { 'ext.gadget.mentorship-loader': 'loading' } ) ).toEqual( { loaders: 0, lib: false } );
		expect( runEntry( { 'ext.gadget.mentorship-ask': 'ready' } ) ).toEqual( { loaders: 0, lib: false } );
	} );

	it( 'costs a page view a few kilobytes: the entry against the gadgets\' loaders', () => {
		expect( manifest.sizes.entry.servedGzip ).toBeLessThan( 7 * 1024 );
		expect( manifest.sizes.loaders.servedGzip ).toBeLessThan( manifest.sizes.entry.servedGzip );
	} );
} );
