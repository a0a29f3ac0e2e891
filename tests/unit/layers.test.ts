import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The part of ESLint 8's Node API used here (the package ships no types). */
interface LintMessage {
	ruleId: string | null;
	message: string;
}
interface ESLintApi {
	ESLint: new ( options: { cwd: string } ) => {
		lintText( code: string, options: { filePath: string } ): Promise<{ messages: LintMessage[] }[]>;
	};
}
const { ESLint } = createRequire( __filename )( 'eslint' ) as ESLintApi;

const ROOT = resolve( __dirname, '../..' );
const SRC = join( ROOT, 'src' );

function tsFiles( dir: string ): string[] {
	const out: string[] = [];
	for ( const name of readdirSync( dir ) ) {
		const path = join( dir, name );
		if ( statSync( path ).isDirectory() ) {
			out.push( ...tsFiles( path ) );
		} else if ( name.endsWith( '.ts' ) && !name.endsWith( '.d.ts' ) ) {
			out.push( path );
		}
	}
	return out;
}

/** Each file's project imports (relative specifiers resolved to files), type-only ones included. */
function importGraph(): Map<string, string[]> {
	const graph = new Map<string, string[]>();
	const files = tsFiles( SRC );
	const known = new Set( files );
	for ( const file of files ) {
		const text = readFileSync( file, 'utf8' );
		const targets: string[] = [];
		for ( const match of text.matchAll( /^\s*(?:import|export)\b[^;'"]*?from\s*['"](\.[^'"]+)['"]|^\s*import\s*['"](\.[^'"]+)['"]/gm ) ) {
			const spec = match[ 1 ] || match[ 2 ];
			const base = resolve( dirname( file ), spec );
			const target = [ base + '.ts', join( base, 'index.ts' ), base ].find( ( p ) => known.has( p ) );
			if ( target ) {
				targets.push( target );
			}
		}
		graph.set( file, targets );
	}
	return graph;
}

/** The strongly connected components of more than one file (or a file importing itself), by Tarjan. */
function circles( graph: Map<string, string[]> ): string[][] {
	let counter = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const found: string[][] = [];
	const visit = ( node: string ): void => {
		index.set( node, counter );
		low.set( node, counter );
		counter++;
		stack.push( node );
		onStack.add( node );
		for ( const next of graph.get( node ) || [] ) {
			if ( !index.has( next ) ) {
				visit( next );
				low.set( node, Math.min( low.get( node )!, low.get( next )! ) );
			} else if ( onStack.has( next ) ) {
				low.set( node, Math.min( low.get( node )!, index.get( next )! ) );
			}
		}
		if ( low.get( node ) === index.get( node ) ) {
			const component: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete( member );
				component.push( relative( ROOT, member ) );
			} while ( member !== node );
			if ( component.length > 1 || ( graph.get( node ) || [] ).includes( node ) ) {
				found.push( component.sort() );
			}
		}
	};
	for ( const node of graph.keys() ) {
		if ( !index.has( node ) ) {
			visit( node );
		}
	}
	return found;
}

describe( 'layers', () => {
	it( 'finds a circle when there is one (the detector itself)', () => {
		const graph = new Map( [ [ 'a', [ 'b' ] ], [ 'b', [ 'c' ] ], [ 'c', [ 'a' ] ], [ 'd', [ 'a' ] ] ] );
		expect( circles( graph ).map( ( c ) => c.length ) ).toEqual( [ 3 ] );
	} );

	it( 'reads the imports of src/ (the graph is not empty)', () => {
		const graph = importGraph();
		const edges = [ ...graph.values() ].reduce( ( n, list ) => n + list.length, 0 );
		expect( graph.size ).toBeGreaterThan( 50 );
		expect( edges ).toBeGreaterThan( 100 );
	} );

	it( 'has no import circle in src/', () => {
		expect( circles( importGraph() ) ).toEqual( [] );
	} );

	it( 'lets `npm run lint` report an import that runs up a layer', async () => {
		const eslint = new ESLint( { cwd: ROOT } );
		const lint = async ( path: string, source: string ): Promise<string[]> => {
			const [ result ] = await eslint.lintText( source, { filePath: join( ROOT, path ) } );
			return result.messages.filter( ( m ) => m.ruleId === 'no-restricted-imports' ).map( ( m ) => m.message );
		};
		const up = [
			[ 'src/core/x.ts', "import { msg } from '../ui/i18n';\nexport const x = msg;\n" ],
			[ 'src/core/x.ts', "import { WikiClient } from '../wiki/client';\nexport type X = WikiClient;\n" ],
			[ 'src/wiki/x.ts', "import { msg } from '../ui/i18n';\nexport const x = msg;\n" ],
			[ 'src/ui/panel/x.ts', "import { CORE_MODULE } from '../../gadgets/common/lib';\nexport const x = CORE_MODULE;\n" ],
		];
		for ( const [ path, source ] of up ) {
			const messages = await lint( path, source );
			expect( messages, path + ': ' + source ).toHaveLength( 1 );
			expect( messages[ 0 ] ).toMatch( /Layer: src\/(core|wiki|ui)\b/ );
		}
		// Imports that go down or sideways are allowed.
		expect( await lint( 'src/ui/x.ts', "import { WikiClient } from '../wiki/client';\nexport type X = WikiClient;\n" ) ).toEqual( [] );
		expect( await lint( 'src/core/x.ts', "import { fnv1a } from './titles';\nexport const x = fnv1a;\n" ) ).toEqual( [] );
	}, 60000 );
} );

describe( 'README: How it is built', () => {
	it( 'names only files and folders that exist', () => {
		const readme = readFileSync( join( ROOT, 'README.md' ), 'utf8' );
		const start = readme.indexOf( '## How it is built' );
		const end = readme.indexOf( '\n## ', start + 1 );
		const section = readme.slice( start, end === -1 ? undefined : end );
		const named = [ ...new Set( [ ...section.matchAll( /`((?:src|tests|scripts|bench|gadgets|docs)\/[\w./-]*\w\/?)`/g ) ].map( ( m ) => m[ 1 ] as string ) ) ];
		expect( start ).toBeGreaterThan( -1 );
		expect( named.length ).toBeGreaterThan( 20 );
		expect( named.filter( ( path ) => !existsSync( join( ROOT, path ) ) ) ).toEqual( [] );
	} );
} );
