/**
 * The code split (build.mjs): the lazy code is one module per feature, the code every
 * feature uses (mentorship-core) and the code only some share (mentorship-core-shared-…);
 * each holds only its features' code, declares only the ResourceLoader modules its features
 * use, carries the messages its code names, and stays within its budget and its first
 * click's; the build fails when one feature's code would ship in a module another feature
 * loads. `single` builds the former layout.
 */

import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, linkChunk, liveExports } from '../../build.mjs';

interface Click { feature: string; modules: string[]; gzip: number; budget: { gzip?: number }; over: boolean }
interface Module { features: string[]; inputs: string[]; messages: string[] }
interface Sizes {
	report: { gadget: string; total: { servedGzip: number }; budget: { gzip?: number } }[];
	clicks: Click[];
	split: Record<string, Module> | null;
}

const dirs: string[] = [];
function outDir(): string {
	const dir = mkdtempSync( join( tmpdir(), 'mentorship-split-' ) );
	dirs.push( dir );
	return dir;
}

afterAll( () => {
	for ( const dir of dirs ) {
		rmSync( dir, { recursive: true, force: true } );
	}
} );

const FEATURES = [ 'ask', 'asksend', 'welcome', 'batch', 'panel', 'console', 'needs', 'graduation', 'snapshots' ];
let split: { dir: string; sizes: Sizes; lines: string[] };
let single: { dir: string; sizes: Sizes; lines: string[] };

function page( dir: string, id: string ): string {
	return readFileSync( join( dir, 'pages', `MediaWiki:Gadget-${ id }.js` ), 'utf8' );
}

function line( lines: string[], id: string ): string {
	return lines.find( ( l ) => l.startsWith( `* ${ id }[` ) ) as string;
}

/** The module whose code holds a source file (exactly one). */
function holder( file: string ): string[] {
	const modules = split.sizes.split as Record<string, Module>;
	return Object.keys( modules ).filter( ( id ) => ( modules[ id ] as Module ).inputs.includes( file ) );
}

beforeAll( async () => {
	for ( const one of [ false, true ] ) {
		const dir = outDir();
		const { manifest } = await build( { outDir: dir, quiet: true, single: one } );
		const sizes = JSON.parse( readFileSync( join( dir, 'sizes.json' ), 'utf8' ) ) as Sizes;
		const result = { dir, sizes, lines: manifest.definitions.lines };
		if ( one ) {
			single = result;
		} else {
			split = result;
		}
	}
}, 180000 );

describe( 'the code split', () => {
	it( 'puts what every feature uses in mentorship-core and each feature\'s own files in its module, once', () => {
		for ( const file of [ 'src/wiki/client.ts', 'src/wiki/store.ts', 'src/core/errors.ts', 'src/wiki/errors.ts',
			'src/ui/errors.ts', 'src/ui/i18n.ts' ] ) {
			expect( { file, modules: holder( file ) } ).toEqual( { file, modules: [ 'mentorship-core' ] } );
		}
		// What every feature uses, the "Needs you" module too since its praise suggestions post
		// with a staged dialog and record milestones in a profile.
		expect( holder( 'src/core/format.ts' ) ).toEqual( [ 'mentorship-core' ] );
		// The dialog base: every feature but the ask dialog's later steps (they run in its dialog).
		expect( holder( 'src/ui/staged-dialog.ts' ) ).toEqual( [ 'mentorship-core-shared-ask-batch-console-graduation-needs-panel-snapshots-welcome' ] );
		// The mentor's "Needs you" list and praise suggestions are their own module, loaded within the panel; the panel has only its loader.
		for ( const file of [ 'src/core/needs-you.ts', 'src/wiki/needs-you.ts', 'src/ui/panel/needs-you.ts', 'src/core/praise.ts', 'src/wiki/praise.ts', 'src/ui/panel/praise.ts' ] ) {
			expect( { file, modules: holder( file ) } ).toEqual( { file, modules: [ 'mentorship-core-needs' ] } );
		}
		expect( holder( 'src/ui/panel/needs-you-load.ts' ) ).toEqual( [ 'mentorship-core-panel' ] );
		// Graduating a mentee is its own module (the mentor's and the coordinator's Graduate button load it).
		for ( const file of [ 'src/ui/graduation/dialog.ts', 'src/wiki/graduation.ts', 'src/core/graduation.ts' ] ) {
			expect( { file, modules: holder( file ) } ).toEqual( { file, modules: [ 'mentorship-core-graduation' ] } );
		}
		// The dashboard's snapshots are their own module, loaded within the console; the console has only its loader.
		for ( const file of [ 'src/core/snapshot.ts', 'src/wiki/snapshots.ts', 'src/ui/console/snapshots.ts' ] ) {
			expect( { file, modules: holder( file ) } ).toEqual( { file, modules: [ 'mentorship-core-snapshots' ] } );
		}
		expect( holder( 'src/ui/console/snapshots-load.ts' ) ).toEqual( [ 'mentorship-core-console' ] );
		expect( holder( 'src/ui/ask/dialog.ts' ) ).toEqual( [ 'mentorship-core-ask' ] );
		expect( holder( 'src/wiki/ask.ts' ) ).toEqual( [ 'mentorship-core-ask' ] );
		expect( holder( 'src/ui/ask/send-load.ts' ) ).toEqual( [ 'mentorship-core-ask' ] );
		// The ask dialog's later steps (Preview on: the post, sending it, the result; the choice
		// after an unanswered question) are their own module, loaded from the dialog.
		for ( const file of [ 'src/core/ask-post.ts', 'src/wiki/ask-send.ts', 'src/ui/ask/send.ts' ] ) {
			expect( { file, modules: holder( file ) } ).toEqual( { file, modules: [ 'mentorship-core-asksend' ] } );
		}
		expect( holder( 'src/ui/welcome/dialog.ts' ) ).toEqual( [ 'mentorship-core-welcome' ] );
		// The batch invitations (the new-users log) are a feature of their own: the welcome dialog does not load them.
		expect( holder( 'src/ui/welcome/batch.ts' ) ).toEqual( [ 'mentorship-core-batch' ] );
		expect( holder( 'src/wiki/welcome-batch.ts' ) ).toEqual( [ 'mentorship-core-batch' ] );
		expect( holder( 'src/core/welcome/pacing.ts' ) ).toEqual( [ 'mentorship-core-batch' ] );
		expect( holder( 'src/core/welcome/messages.ts' ) ).toEqual( [ 'mentorship-core-shared-batch-welcome' ] );
		expect( holder( 'src/ui/panel/panel.ts' ) ).toEqual( [ 'mentorship-core-panel' ] );
		expect( holder( 'src/ui/console/match.ts' ) ).toEqual( [ 'mentorship-core-console' ] );
		// The console's solver and dashboard are the console's, not the panel's.
		expect( holder( 'src/core/min-cost-flow.ts' ) ).toEqual( [ 'mentorship-core-console' ] );
		expect( holder( 'src/core/dashboard.ts' ) ).toEqual( [ 'mentorship-core-console' ] );
		// Matching mentors, a program's members and its writes, the program settings: the panel's and the console's.
		for ( const file of [ 'src/core/matching.ts', 'src/core/roster.ts', 'src/wiki/programs.ts', 'src/core/program-config.ts' ] ) {
			expect( { file, modules: holder( file ) } ).toEqual( { file, modules: [ 'mentorship-core-shared-console-panel' ] } );
		}
		// A module's code is in that module only: the others take it at run time.
		for ( const feature of FEATURES ) {
			expect( page( split.dir, 'mentorship-core-' + feature ) ).toContain( 'mw.libs.mentorshipChunks[' );
		}
	} );

	it( 'loads with a feature only modules of code that feature uses', () => {
		const modules = split.sizes.split as Record<string, Module>;
		for ( const c of split.sizes.clicks ) {
			for ( const id of c.modules ) {
				expect( { id, feature: c.feature, uses: ( modules[ id ] as Module ).features.includes( c.feature ) } )
					.toEqual( { id, feature: c.feature, uses: true } );
			}
		}
		const clicks = Object.fromEntries( split.sizes.clicks.map( ( c ) => [ c.feature, c ] ) );
		for ( const feature of FEATURES ) {
			const others = FEATURES.filter( ( f ) => f !== feature && !( ( feature === 'console' || feature === 'needs' || feature === 'graduation' ) && f === 'panel' ) &&
				!( feature === 'asksend' && f === 'ask' ) );
			expect( clicks[ feature ]!.modules.filter( ( id ) => others.some( ( f ) => id === 'mentorship-core-' + f ) ) ).toEqual( [] );
		}
		// Files a click does not run are not loaded with it (esbuild splits by file: a file
		// shared with other features comes whole, so such files are split by who uses them).
		const files = ( feature: string ): string[] => ( clicks[ feature ] as Click ).modules.flatMap( ( id ) => ( modules[ id ] as Module ).inputs );
		const notLoaded = {
			ask: [ 'src/ui/widgets.ts', 'src/wiki/programs.ts', 'src/wiki/program-list.ts', 'src/core/roster.ts', 'src/wiki/questions.ts', 'src/core/program-config.ts', 'src/core/matching.ts',
				// Needed from Preview on only.
				'src/core/ask-post.ts', 'src/core/wikitext.ts', 'src/wiki/posting.ts', 'src/wiki/ask-send.ts', 'src/ui/writers.ts', 'src/ui/ask/send.ts', 'src/ui/radio-group.ts' ],
			welcome: [ 'src/ui/welcome/batch.ts', 'src/wiki/welcome-batch.ts', 'src/core/welcome/pacing.ts', 'src/wiki/programs.ts', 'src/core/roster.ts', 'src/core/program-config.ts', 'src/core/matching.ts', 'src/core/ask.ts' ],
		};
		for ( const [ feature, list ] of Object.entries( notLoaded ) ) {
			expect( { feature, loaded: files( feature ).filter( ( f ) => list.includes( f ) ) } ).toEqual( { feature, loaded: [] } );
		}
	} );

	it( 'declares per module only what its features use: no date input or mediawiki.user for ask, no module for page views', () => {
		const ask = line( split.lines, 'mentorship-core-ask' );
		expect( ask ).not.toContain( 'mediawiki.widgets' );
		expect( ask ).not.toContain( 'mediawiki.user' );
		expect( line( split.lines, 'mentorship-core' ) ).not.toContain( 'mediawiki.widgets' );
		expect( line( split.lines, 'mentorship-core-welcome' ) ).not.toContain( 'mediawiki.widgets' );
		expect( line( split.lines, 'mentorship-core-panel' ) ).toContain( 'mediawiki.widgets.DateInputWidget' );
		for ( const l of split.lines.filter( ( x ) => /^\* mentorship-core/.test( x ) ) ) {
			expect( l ).toMatch( /\|hidden\]/ );
		}
		for ( const id of [ 'mentorship-ask', 'mentorship-welcome', 'mentorship-match', 'mentorship-loader' ] ) {
			expect( line( split.lines, id ) ).not.toMatch( /mediawiki\.user|oojs|mentorship-core/ );
		}
	} );

	it( 'declares the icon packs its code shows, and no other', () => {
		// The icons MediaWiki's oojs-ui-core, -widgets and -windows bring (1.39 and 1.43).
		const builtIn = [ 'add', 'alert', 'infoFilled', 'error', 'check', 'close', 'info', 'search', 'subtract', 'success', 'attachment', 'collapse', 'expand', 'trash', 'upload', 'previous' ];
		const themes = join( 'node_modules', 'oojs-ui', 'dist', 'themes', 'wikimediaui' );
		const packOf: Record<string, string> = {};
		for ( const file of readdirSync( themes ).filter( ( f ) => /^icons-.*\.json$/.test( f ) ) ) {
			for ( const icon of Object.keys( ( JSON.parse( readFileSync( join( themes, file ), 'utf8' ) ) as { images: Record<string, unknown> } ).images ) ) {
				packOf[ icon ] = 'oojs-ui.styles.' + file.replace( /\.json$/, '' );
			}
		}
		const modules = split.sizes.split as Record<string, Module>;
		const lines = split.lines;
		const packsOf = ( id: string ): string[] => line( lines, id ).match( /oojs-ui\.styles\.icons-[a-z-]+/g ) || [];
		for ( const c of split.sizes.clicks ) {
			const needed = new Set<string>();
			for ( const id of c.modules ) {
				for ( const file of ( modules[ id ] as Module ).inputs.filter( ( f ) => /\.ts$/.test( f ) ) ) {
					const source = readFileSync( file, 'utf8' );
					// `icon: 'name'`, or `icon: test ? 'one' : 'other'`.
					for ( const expression of source.match( /icon: [^,}\n]+/g ) || [] ) {
						for ( const icon of ( expression.match( /'\w+'/g ) || [] ).map( ( q ) => q.slice( 1, -1 ) ).filter( ( i ) => !builtIn.includes( i ) ) ) {
							const pack = packOf[ icon ] as string;
							expect( { icon, pack } ).toEqual( { icon, pack: expect.stringMatching( /^oojs-ui\.styles\.icons-/ ) } );
							// A pack loaded where the icon is shown (a rare path) is not declared.
							if ( !source.includes( `mw.loader.load( '${ pack }' )` ) ) {
								needed.add( pack );
							}
						}
					}
				}
			}
			const declared = new Set( c.modules.flatMap( packsOf ) );
			expect( { feature: c.feature, declared: [ ...declared ].sort() } ).toEqual( { feature: c.feature, declared: [ ...needed ].sort() } );
		}
	} );

	it( 'ships messages with the code that shows them, per feature and language', () => {
		const modules = split.sizes.split as Record<string, Module>;
		expect( modules[ 'mentorship-core-ask' ]!.messages ).toContain( 'mentorship-ask-send' );
		expect( modules[ 'mentorship-core-console' ]!.messages ).toContain( 'mentorship-console-match-apply' );
		expect( page( split.dir, 'mentorship-core-ask' ) ).not.toContain( '"mentorship-console-' );
		expect( page( split.dir, 'mentorship-i18n-fr-ask' ) ).toContain( '"mentorship-ask-send"' );
		expect( page( split.dir, 'mentorship-i18n-fr-ask' ) ).not.toContain( '"mentorship-console-match-apply"' );
		expect( page( split.dir, 'mentorship-i18n-fr-console' ) ).toContain( '"mentorship-console-match-apply"' );
		// Each feature's message module has every message of the modules it loads.
		for ( const c of split.sizes.clicks ) {
			const text = page( split.dir, 'mentorship-i18n-fr-' + c.feature );
			for ( const id of c.modules ) {
				for ( const key of ( modules[ id ] as Module ).messages.slice( 0, 5 ) ) {
					expect( { feature: c.feature, key, found: text.includes( `"${ key }"` ) } ).toEqual( { feature: c.feature, key, found: true } );
				}
			}
		}
	} );

	it( 'starts each minified page with the project, its licence and where the readable source is', () => {
		for ( const id of Object.keys( split.sizes.split as Record<string, Module> ).concat( [ 'mentorship-ask', 'mentorship-loader' ] ) ) {
			const head = page( split.dir, id ).slice( 0, 2000 );
			expect( head, id ).toMatch( /^\/\* <nowiki> \*\/\n\/\*\*\n \* Gadget: / );
			expect( head, id ).toContain( 'mentorship-gadgets' );
			expect( head, id ).toContain( 'licence MIT' );
			expect( head, id ).toMatch( /readable source is the files above/ );
		}
	} );

	it( 'measures every module and every first click against its budget', () => {
		const clicks = Object.fromEntries( split.sizes.clicks.map( ( c ) => [ c.feature, c ] ) );
		for ( const feature of FEATURES ) {
			const click = clicks[ feature ] as Click;
			expect( click.modules ).toContain( 'mentorship-core' );
			expect( click.modules ).toContain( 'mentorship-core-' + feature );
			expect( click.budget.gzip, feature ).toBeGreaterThan( 0 );
			expect( click.gzip, feature ).toBeLessThanOrEqual( click.budget.gzip as number );
		}
		// Each first click costs far less than the single module.
		const whole = single.sizes.clicks[ 0 ] as Click;
		expect( whole.modules ).toEqual( [ 'mentorship-core' ] );
		expect( clicks.ask!.gzip ).toBeLessThan( whole.gzip * 0.36 );
		expect( clicks.welcome!.gzip ).toBeLessThan( whole.gzip * 0.42 );
		expect( clicks.batch!.gzip ).toBeLessThan( whole.gzip * 0.48 );
		expect( clicks.panel!.gzip ).toBeLessThan( whole.gzip * 0.7 );
		for ( const r of split.sizes.report.filter( ( g ) => /^mentorship-core/.test( g.gadget ) ) ) {
			expect( r.budget.gzip, r.gadget ).toBeGreaterThan( 0 );
			expect( r.total.servedGzip, r.gadget ).toBeLessThanOrEqual( r.budget.gzip as number );
		}
	} );

	it( 'fails when a first click exceeds its budget', async () => {
		await expect( build( { outDir: outDir(), quiet: true, overrides: { 'mentorship-core-ask': { firstClick: { gzip: 20000 } } } } ) )
			.rejects.toThrow( /the first click on ask \(mentorship-core-ask \+ [a-z+ -]+\): \d+ bytes served gzipped, budget 20000/ );
	}, 60000 );

	it( 'fails when one feature\'s code would land in a module another feature loads', async () => {
		// The drafts kept while typing, claimed by ask: welcome and batch use them too.
		await expect( build( { outDir: outDir(), quiet: true, overrides: {
			'mentorship-core-ask': { owns: [ 'src/ui/ask/', 'src/wiki/ask.ts', 'src/gadgets/mentorship-core-ask/', 'src/ui/drafts.ts' ] },
		} } ) ).rejects.toThrow( /src\/ui\/drafts\.ts belongs to mentorship-core-ask but would ship in mentorship-core-shared-ask-batch-welcome/ );
		// The console's files in the panel's module: the panel would load the console.
		await expect( build( { outDir: outDir(), quiet: true, overrides: {
			'mentorship-core-console': { owns: [ 'src/ui/console/', 'src/wiki/program-settings.ts' ] },
		} } ) ).rejects.toThrow( /src\/wiki\/program-settings\.ts belongs to mentorship-core-console but would ship in mentorship-core-shared-console-panel/ );
	}, 120000 );
} );

describe( 'linking the split\'s modules', () => {
	// Two outputs as esbuild writes them: a shared chunk and an entry that imports from it.
	const shared = 'var n = 1, k = { a: 2 };\nfunction inc() { n++; }\nfunction get() { return n; }\nvar C = class { get v() { return n; } };\n' +
		'export { n as a, inc as b, get as c, k as d, C as e };\n';
	const entry = 'import { a as n, b as inc, c as get, d as k, e as C } from "./chunk-ABC.js";\n' +
		'function f(e) { var n = e; return n; }\nvar before = n;\ninc();\nvar out = { n, before, get: get(), k: k.a, v: new C().v, f: f(7) };\nexport { out as x };\n';
	const ids: Record<string, string> = { 'split/chunk-ABC.js': 'mentorship-core', 'split/entry.js': 'mentorship-core-ask' };
	const live: Record<string, Set<string>> = { 'split/chunk-ABC.js': liveExports( shared ), 'split/entry.js': liveExports( entry ) };
	const link = ( text: string, file: string ): string => linkChunk( text, file, ( p ) => ids[ p ], ( p ) => live[ p ] || new Set() );

	it( 'reads a binding its module changes where it lives, the others once, and calls them directly', () => {
		expect( [ ...live[ 'split/chunk-ABC.js' ] as Set<string> ] ).toEqual( [ 'a' ] );
		const scripts = [ link( shared, 'split/chunk-ABC.js' ), link( entry, 'split/entry.js' ) ];
		expect( scripts[ 1 ] ).not.toMatch( /\bimport\b|\bexport\b/ );
		expect( scripts[ 1 ] ).toContain( 'inc();' );
		const mw = { libs: {} as Record<string, Record<string, Record<string, unknown>>> };
		for ( const script of scripts ) {
			// eslint-disable-next-line no-new-func
			new Function( 'mw', script )( mw );
		}
		// The entry saw 1 before it called inc(), then 2 through the getter; `n` inside f is its own.
		expect( mw.libs.mentorshipChunks[ 'mentorship-core-ask' ].x ).toEqual( { n: 2, before: 1, get: 2, k: 2, v: 2, f: 7 } );
	} );

	it( 'fails on an import it cannot link', () => {
		expect( () => link( 'import * as all from "./chunk-ABC.js";\nall.b();\n', 'split/entry.js' ) ).toThrow( /an import the split cannot link/ );
		expect( () => link( 'import { a } from "./elsewhere.js";\na();\n', 'split/entry.js' ) ).toThrow( /an import the split cannot link/ );
	} );
} );

describe( 'the single-module build', () => {
	it( 'has the former layout: mentorship-core holds every feature, with every dependency and message', () => {
		expect( single.lines.filter( ( l ) => /^\* mentorship-core-/.test( l ) ) ).toEqual( [] );
		const core = page( single.dir, 'mentorship-core' );
		expect( core ).toContain( '"mentorship-console-match-apply"' );
		expect( core ).not.toContain( 'mentorshipChunks' );
		expect( line( single.lines, 'mentorship-core' ) ).toContain( 'mediawiki.widgets.DateInputWidget' );
		expect( line( single.lines, 'mentorship-core' ) ).not.toContain( 'ext.gadget.' );
		expect( single.lines ).toContain( '* mentorship-i18n-fr[ResourceLoader|targets=desktop,mobile|hidden]|mentorship-i18n-fr.js' );
	} );
} );
