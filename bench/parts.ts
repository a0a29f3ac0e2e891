/**
 * Sizes of parts of the shared code, as the gadget ships them (bundled, lowered to ES5,
 * minified as ResourceLoader does, gzipped): how much the data layer (client and store)
 * adds to the lazily loaded code, and each feature.
 */

import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { checkEs5, lowerToEs5 } from '../build.mjs';
import { ROOT } from '../scripts/lib/localwiki';

export interface PartSize {
	part: string;
	modules: string[];
	served: number;
	gzip: number;
}

async function size( part: string, modules: string[] ): Promise<PartSize> {
	const entry = modules.map( ( m, i ) => `import * as m${ i } from './${ m }'; ( window as unknown as Record<string, unknown> ).p${ i } = m${ i };` ).join( '\n' );
	const bundled = await esbuild.build( {
		stdin: { contents: entry, resolveDir: ROOT, loader: 'ts' },
		bundle: true, write: false, format: 'iife', target: 'es2017', platform: 'browser', charset: 'utf8', logLevel: 'silent',
		plugins: [ {
			name: 'no-messages',
			setup( build ) {
				build.onResolve( { filter: /^mentorship:/ }, ( a ) => ( { path: a.path, namespace: 'm' } ) );
				build.onLoad( { filter: /.*/, namespace: 'm' }, () => ( { contents: 'export default {}; export const VERSION = ""; export const COMMIT = "";', loader: 'js' } ) );
			},
		} ],
	} );
	const lowered = lowerToEs5( bundled.outputFiles[ 0 ]!.text, part + '.js' );
	checkEs5( lowered, part );
	const served = ( await esbuild.transform( lowered, { minifyWhitespace: true, legalComments: 'none', charset: 'utf8' } ) ).code;
	return { part, modules, served: Buffer.byteLength( served ), gzip: gzipSync( Buffer.from( served ), { level: 9 } ).length };
}

export async function benchParts(): Promise<PartSize[]> {
	return [
		await size( 'data layer (client, errors, transports, store)', [ 'src/wiki/client', 'src/wiki/errors', 'src/wiki/mw-transport', 'src/wiki/store' ] ),
		await size( 'data format and validator', [ 'src/core/format', 'src/core/schema' ] ),
		await size( 'matching and stages', [ 'src/core/matching', 'src/core/stages' ] ),
		await size( 'ask dialog', [ 'src/ui/ask/dialog' ] ),
		await size( 'matching panel', [ 'src/ui/panel/panel' ] ),
	];
}
