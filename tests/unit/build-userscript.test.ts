/**
 * The user-script build (build-userscript.mjs, issue 19): the entry is ECMAScript 5, pinned
 * and unpinned; the lazy and message pages are the gadgets' own texts; each feature's modules
 * come in run order with the ResourceLoader dependencies of the gadget definitions; and the
 * entry, run against a stand-in `mw`, runs the loaders the settings turn on (all by default)
 * and none where the wiki has the mentorship gadgets (a word in the console when the user has them
 * off), once however many lines load it.
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

/**
 * Runs the entry (`times` times in one page: the line twice in common.js) against a stand-in
 * mw whose startup module registered `states` (a gadget the wiki has is "registered", one the
 * user has on is past it); returns how many loaders it started, whether it set its library,
 * and what it wrote in the console.
 */
function runEntry( states: Record<string, string>, settings?: Record<string, boolean>, times = 1 ): { loaders: number; lib: boolean; warned: string[] } {
	let loaders = 0;
	const warned: string[] = [];
	const resolved = { then: ( f: () => void ) => f() };
	const texts: Record<string, string> = {};
	const mw = {
		libs: {} as Record<string, unknown>,
		loader: { getState: ( name: string ) => states[ name ] || null, using: () => resolved },
		config: { get: ( key: string ) => ( { wgUserLanguage: 'en', wgContentLanguage: 'en', wgArticlePath: '/wiki/$1' } as Record<string, string> )[ key ] || null },
		messages: { set: ( t: Record<string, string> ) => Object.assign( texts, t ) },
		msg: ( key: string, ...params: string[] ) => ( texts[ key ] || key ).replace( /\$(\d)/g, ( ...m: string[] ) => params[ Number( m[ 1 ] ) - 1 ] as string ),
		log: { warn: ( text: string ) => warned.push( text ) },
		util: { addCSS: () => undefined, getParamValue: () => null },
		hook: () => ( { add: () => undefined } ),
	};
	const $ = (): void => {
		loaders++;
	};
	const context = { mw, $, window: settings ? { mentorshipSettings: settings } : {}, document: { currentScript: null } };
	for ( let i = 0; i < times; i++ ) {
		runInNewContext( entry, context );
	}
	return { loaders, lib: !!mw.libs.mentorshipUserScript, warned };
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
		expect( Object.keys( t.features ).sort() ).toEqual( [ 'ask', 'asksend', 'batch', 'console', 'graduation', 'needs', 'panel', 'snapshots', 'welcome' ] );
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

	it( 'runs the loaders the settings turn on, all by default, once however many lines load it', () => {
		expect( runEntry( {} ) ).toEqual( { loaders: 3, lib: true, warned: [] } );
		expect( runEntry( {}, { welcome: false } ) ).toEqual( { loaders: 2, lib: true, warned: [] } );
		expect( runEntry( {}, { ask: false, welcome: false, panel: false } ) ).toEqual( { loaders: 0, lib: true, warned: [] } );
		// The line twice in common.js: the second run adds nothing.
		expect( runEntry( {}, undefined, 2 ) ).toEqual( { loaders: 3, lib: true, warned: [] } );
	} );

	it( 'does nothing where the wiki has the gadgets: silently when the user has one on, else saying so once in the console', () => {
		expect( runEntry( { 'ext.gadget.mentorship-loader': 'loading', 'ext.gadget.mentorship-ask': 'registered' } ) ).toEqual( { loaders: 0, lib: false, warned: [] } );
		expect( runEntry( { 'ext.gadget.mentorship-ask': 'ready' } ) ).toEqual( { loaders: 0, lib: false, warned: [] } );
		// Installed (registered by the startup module) but off for the user: no request, one line in the console.
		const installed = { 'ext.gadget.mentorship-loader': 'registered', 'ext.gadget.mentorship-ask': 'registered', 'ext.gadget.mentorship-match': 'registered' };
		const aside = runEntry( installed, undefined, 2 );
		expect( aside.loaders ).toBe( 0 );
		expect( aside.lib ).toBe( false );
		expect( aside.warned ).toEqual( [ expect.stringContaining( 'this wiki has the mentorship gadgets' ) ] );
		expect( aside.warned[ 0 ] ).toContain( '/wiki/Special:Preferences#mw-prefsection-gadgets' );
	} );

	it( 'costs a page view a few kilobytes: the entry against the gadgets\' loaders', () => {
		expect( manifest.sizes.entry.servedGzip ).toBeLessThan( 7 * 1024 );
		expect( manifest.sizes.loaders.servedGzip ).toBeLessThan( manifest.sizes.entry.servedGzip );
	} );
} );
