/**
 * The foundation on the real wiki (issue: build and deploy): what the wiki serves of each
 * gadget is ES5 code, the wiki lists exactly the gadgets the build defines (those of
 * gadgets/*.json, the shared modules of the code split and the message modules) with their
 * options, and a deploy keeps other gadgets' definitions byte for byte and is a no-op when
 * nothing changed.
 */

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as acorn from 'acorn';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFINITION_PAGE, deploy } from '../../scripts/lib/deploy';
import { ROOT } from '../../scripts/lib/localwiki';
import { registeredModules } from '../../scripts/lib/modules';
import { build, type Manifest } from '../../build.mjs';
import { admin, anonClient, pageText, revids, RUN, wiki } from '../support/fixtures';

interface GadgetJson {
	dependencies: string[];
	optionalDependencies?: string[];
	styles?: string[];
	default?: boolean;
	hidden?: boolean;
	supportsUrlLoad?: boolean;
	rights?: string[];
}

const definitions: Record<string, GadgetJson> = {};
for ( const file of readdirSync( join( ROOT, 'gadgets' ) ).filter( ( f ) => f.endsWith( '.json' ) ) ) {
	definitions[ file.replace( /\.json$/, '' ) ] = JSON.parse( readFileSync( join( ROOT, 'gadgets', file ), 'utf8' ) ) as GadgetJson;
}
const ids = Object.keys( definitions ).sort();
const features = [ 'ask', 'asksend', 'batch', 'console', 'graduation', 'needs', 'panel', 'snapshots', 'welcome' ];
// The hidden message modules the build makes: per translation, one per feature (the lazy code bundles English).
const messageModuleIds = readdirSync( join( ROOT, 'i18n' ) ).map( ( f ) => f.replace( /\.json$/, '' ) )
	.filter( ( l ) => l !== 'en' && l !== 'qqq' ).flatMap( ( l ) => features.map( ( f ) => `mentorship-i18n-${ l }-${ f }` ) );

/** The gadgets the build defines (its Gadgets-definition lines), as the test wiki has them deployed. */
interface Line {
	id: string;
	dependencies: string[];
	hidden: boolean;
	default: boolean;
	supportsUrlLoad: boolean;
	rights: string[];
	files: string[];
}
const built = await build( { outDir: mkdtempSync( join( tmpdir(), 'mentorship-foundation-' ) ), quiet: true } );
const lines: Line[] = built.manifest.definitions.lines.map( ( line ) => {
	const m = /^\* ([a-z0-9-]+)\[([^\]]*)\]\|(.*)$/.exec( line ) as RegExpExecArray;
	const options = ( m[ 2 ] as string ).split( '|' );
	const value = ( name: string ): string[] => {
		const o = options.find( ( x ) => x.indexOf( name + '=' ) === 0 );
		return o ? o.slice( name.length + 1 ).split( ',' ) : [];
	};
	return {
		id: m[ 1 ] as string, dependencies: value( 'dependencies' ), rights: value( 'rights' ), files: ( m[ 3 ] as string ).split( '|' ),
		hidden: options.includes( 'hidden' ), default: options.includes( 'default' ), supportsUrlLoad: options.includes( 'supportsUrlLoad' ),
	};
} );
const builtIds = lines.map( ( l ) => l.id ).filter( ( id ) => id.indexOf( 'mentorship-i18n-' ) !== 0 ).sort();

interface GadgetRow {
	id: string;
	metadata: {
		settings: { rights: string[]; default: boolean; hidden: boolean; supportsUrlLoad: boolean; category: string };
		module: { scripts: string[]; styles: string[]; dependencies: string[] };
	};
}

async function listGadgets(): Promise<GadgetRow[]> {
	const response = await anonClient().get( { action: 'query', list: 'gadgets', gaprop: 'id|metadata' } );
	return ( response.query as { gadgets: GadgetRow[] } ).gadgets;
}

describe( 'foundation: build and deploy on the real wiki', () => {
	it( 'defines the four gadgets of the design in gadgets/, the hidden loader base the three visible ones share, and the features of the lazy code', () => {
		expect( ids ).toEqual( [ 'mentorship-ask', 'mentorship-core', 'mentorship-core-ask', 'mentorship-core-asksend', 'mentorship-core-batch', 'mentorship-core-console', 'mentorship-core-graduation', 'mentorship-core-needs', 'mentorship-core-panel',
			'mentorship-core-snapshots', 'mentorship-core-welcome', 'mentorship-loader', 'mentorship-match', 'mentorship-welcome' ] );
		// The build adds the modules of code that some features share (mentorship-core-shared-…).
		expect( builtIds.filter( ( id ) => !ids.includes( id ) ).every( ( id ) => id.indexOf( 'mentorship-core-shared-' ) === 0 ) ).toBe( true );
		expect( builtIds.filter( ( id ) => ids.includes( id ) ) ).toEqual( ids );
		for ( const id of [ 'mentorship-ask', 'mentorship-match', 'mentorship-welcome' ] ) {
			expect( ( definitions[ id ] as GadgetJson ).dependencies[ 0 ] ).toBe( 'ext.gadget.mentorship-loader' );
		}
		expect( ( definitions[ 'mentorship-loader' ] as GadgetJson ).hidden ).toBe( true );
	} );

	it.each( builtIds.concat( messageModuleIds ) )( 'load.php serves %s as ECMAScript 5 code, with no "JavaScript parse error"', async ( id ) => {
		const url = `${ wiki().server }/load.php?modules=ext.gadget.${ id }&only=scripts&debug=false&lang=en&skin=vector`;
		const response = await fetch( url );
		const body = await response.text();
		expect( response.status ).toBe( 200 );
		expect( body ).not.toContain( 'JavaScript parse error' );
		expect( body ).not.toMatch( /mw\.log\.error|Problematic modules|\/\* exception/ );
		// Code, not an empty module: our bundle (strict-mode wrapper, messages of the gadget).
		expect( body ).toContain( '\'use strict\'' );
		expect( body ).toContain( 'mentorship-' );
		expect( body.length ).toBeGreaterThan( 500 );
		// What the wiki serves parses as ES5: an ES2015 construct would have been replaced by the error above.
		expect( () => acorn.parse( body, { ecmaVersion: 5, sourceType: 'script' } ) ).not.toThrow();
	} );

	it( 'list=gadgets shows the gadgets with the options of gadgets/*.json, and a hidden message module per translation', async () => {
		const all = await listGadgets();
		const messageModules = all.filter( ( g ) => g.id.indexOf( 'mentorship-i18n-' ) === 0 );
		expect( messageModules.map( ( g ) => g.id ).sort() ).toEqual( messageModuleIds.slice().sort() );
		for ( const g of messageModules ) {
			expect( g.metadata.settings.hidden, g.id ).toBe( true );
			expect( g.metadata.module.dependencies, g.id ).toEqual( [] );
		}
		const gadgets = all.filter( ( g ) => !messageModules.includes( g ) );
		expect( gadgets.map( ( g ) => g.id ).sort() ).toEqual( builtIds );
		const registry = await registeredModules( wiki().api );
		for ( const g of gadgets ) {
			const line = lines.find( ( l ) => l.id === g.id ) as Line;
			const def = definitions[ g.id ] || { dependencies: [], hidden: true };
			const { settings, module } = g.metadata;
			// The optional dependencies this release has come first, then the required ones.
			const optional = ( def.optionalDependencies || [] ).filter( ( m ) => registry.has( m ) );
			expect( { id: g.id, dependencies: module.dependencies }, g.id ).toEqual( { id: g.id, dependencies: optional.concat( line.dependencies ) } );
			// A gadget of gadgets/ declares what its definition gives it, besides the shared modules
			// it loads with; a shared module what all of its features declare.
			const own = line.dependencies.filter( ( d ) => d.indexOf( 'ext.gadget.mentorship-core' ) !== 0 );
			const sharers = g.id.indexOf( 'mentorship-core-shared-' ) === 0 ? g.id.slice( 'mentorship-core-shared-'.length ).split( '-' ) : [];
			expect( own, g.id ).toEqual( sharers.length ?
				( definitions[ 'mentorship-core-' + sharers[ 0 ] ] as GadgetJson ).dependencies.filter( ( d ) => sharers.every( ( f ) => ( definitions[ 'mentorship-core-' + f ] as GadgetJson ).dependencies.includes( d ) ) ) :
				def.dependencies.filter( ( d ) => d.indexOf( 'ext.gadget.mentorship-core' ) !== 0 ) );
			expect( settings.hidden, `${ g.id } hidden` ).toBe( !!def.hidden );
			expect( settings.default, `${ g.id } default` ).toBe( !!def.default );
			expect( settings.supportsUrlLoad, `${ g.id } supportsUrlLoad` ).toBe( !!def.supportsUrlLoad );
			expect( settings.rights, `${ g.id } rights` ).toEqual( def.rights || [] );
			expect( settings.category ).toBe( 'mentorship' );
			expect( module.scripts ).toEqual( [ `MediaWiki:Gadget-${ g.id }.js` ] );
			expect( module.styles ).toEqual( line.files.filter( ( f ) => /\.css$/.test( f ) ).map( ( f ) => `MediaWiki:Gadget-${ f }` ) );
		}
	} );

	describe( 'a deploy into a wiki that has other gadgets', () => {
		const outDir = mkdtempSync( join( tmpdir(), `mentorship-deploy-${ RUN }-` ) );
		let original: string | null = null;

		afterAll( async () => {
			rmSync( outDir, { recursive: true, force: true } );
			if ( original !== null ) {
				// Put the definition back as the suite's setup deployed it.
				const a = await admin();
				const now = await a.client.readPage( DEFINITION_PAGE );
				if ( now.content !== original ) {
					await a.client.edit( { title: DEFINITION_PAGE, text: original, summary: 'Integration test: restore', baserevid: now.revid } );
				}
			}
		} );

		it( 'keeps the other sections byte for byte, and a second deploy makes no edit', async () => {
			const a = await admin();
			original = await pageText( DEFINITION_PAGE );
			expect( original ).not.toBeNull();
			const ours = ( original as string ).split( '\n' ).filter( ( l ) => /^\* mentorship-/.test( l ) );
			expect( ours ).toHaveLength( builtIds.length + messageModuleIds.length );
			// Other gadgets before and after our section, with bytes a careless rewrite would lose
			// (a comment, trailing spaces and a tab, non-ASCII); ours in reverse order, which
			// changes nothing for readers but makes the deploy rewrite the page.
			const before = [
				'== other ==',
				'* other-gadget[ResourceLoader]|other-gadget.js',
				'<!-- gardé tel quel : espaces et tabulation à la fin -->  \t',
				'* other-two[ResourceLoader|dependencies=mediawiki.util]|other-two.js|other-two.css',
				'',
			].join( '\n' );
			const after = [
				'',
				'== other-after ==',
				'* other-after-gadget[ResourceLoader]|other-after-gadget.js',
			].join( '\n' );
			const staged = `${ before }\n== mentorship ==\n${ ours.slice().reverse().join( '\n' ) }\n${ after }`;
			const current = await a.client.readPage( DEFINITION_PAGE );
			await a.client.edit( { title: DEFINITION_PAGE, text: staged, summary: 'Integration test: another gadget', baserevid: current.revid } );
			const stored = await pageText( DEFINITION_PAGE ) as string;
			expect( stored ).toBe( staged );

			const first = await deploy( {
				api: wiki().api, auth: { username: wiki().bot.name, password: wiki().bot.password }, outDir, log: () => undefined,
			} );
			expect( first.edited ).toContain( DEFINITION_PAGE );
			const deployed = await pageText( DEFINITION_PAGE ) as string;
			expect( deployed.startsWith( before + '\n== mentorship ==\n' ) ).toBe( true );
			expect( deployed.endsWith( after ) ).toBe( true );
			expect( deployed ).toBe( `${ before }\n== mentorship ==\n${ first.definitionLines.join( '\n' ) }\n${ after }` );

			const titles = first.manifest.pages.map( ( p ) => p.title ).concat( [ DEFINITION_PAGE ] );
			const revisionsBefore = await revids( titles );
			const second = await deploy( {
				api: wiki().api, auth: { username: wiki().bot.name, password: wiki().bot.password }, outDir, log: () => undefined,
			} );
			expect( second.edits ).toBe( 0 );
			expect( second.created ).toEqual( [] );
			expect( second.edited ).toEqual( [] );
			expect( second.unchanged.sort() ).toEqual( titles.slice().sort() );
			expect( await revids( titles ) ).toEqual( revisionsBefore );
			expect( await pageText( DEFINITION_PAGE ) ).toBe( deployed );
		} );
	} );
	it( `declares only modules that MediaWiki ${ wiki().release } has: every gadget's dependency is in its registry, and so is what loading the shared code pulls in`, async () => {
		const registry = await registeredModules( wiki().api );
		expect( registry.size ).toBeGreaterThan( 200 );
		for ( const line of lines ) {
			for ( const dep of line.dependencies ) {
				expect( { id: line.id, dep, registered: registry.has( dep ) } ).toEqual( { id: line.id, dep, registered: true } );
			}
		}
		// 1.39 has es6-polyfills (declared there, optionally); 1.43 has not (never declared there).
		const served = ( await listGadgets() ).find( ( g ) => g.id === 'mentorship-core' ) as GadgetRow;
		expect( served.metadata.module.dependencies.includes( 'es6-polyfills' ) ).toBe( wiki().release === '1.39' );
		expect( registry.has( 'es6-polyfills' ) ).toBe( wiki().release === '1.39' );
		// The whole dependency tree of each feature, as load.php resolves it, loads without an unknown module.
		for ( const feature of features ) {
			const response = await fetch( `${ wiki().server }/load.php?modules=ext.gadget.mentorship-core-${ feature }&only=scripts&debug=1` );
			const body = await response.text();
			expect( body, feature ).not.toMatch( /Unknown module|not found|JavaScript parse error/ );
		}
	} );

	it( 'refuses to deploy a gadget whose dependency the wiki lacks, naming the module, and writes nothing', async () => {
		const outDir = mkdtempSync( join( tmpdir(), `mentorship-missing-${ RUN }-` ) );
		try {
			await deploy( { api: wiki().api, auth: { username: wiki().bot.name, password: wiki().bot.password }, outDir, log: () => undefined, dryRun: true } );
			const manifestFile = join( outDir, 'manifest.json' );
			const manifest = JSON.parse( readFileSync( manifestFile, 'utf8' ) ) as Manifest;
			manifest.definitions.lines = manifest.definitions.lines.map( ( l ) => /^\* mentorship-ask\[/.test( l ) ? l.replace( 'mediawiki.util', 'mediawiki.util,ext.nonexistent.module' ) : l );
			// A page that would change, so that a deploy that did not refuse would write it.
			const page = manifest.pages.find( ( p ) => p.title === 'MediaWiki:Gadget-mentorship-welcome.css' ) as { file: string };
			writeFileSync( join( outDir, page.file ), readFileSync( join( outDir, page.file ), 'utf8' ) + '\n/* changed */\n' );
			writeFileSync( manifestFile, JSON.stringify( manifest ) );
			const titles = manifest.pages.map( ( p ) => p.title ).concat( [ DEFINITION_PAGE ] );
			const before = await revids( titles );
			await expect( deploy( { api: wiki().api, auth: { username: wiki().bot.name, password: wiki().bot.password }, outDir, log: () => undefined, build: false } ) )
				.rejects.toThrow( /"ext\.nonexistent\.module", which the gadget mentorship-ask depends on/ );
			expect( await revids( titles ) ).toEqual( before );
		} finally {
			rmSync( outDir, { recursive: true, force: true } );
		}
	} );
} );
