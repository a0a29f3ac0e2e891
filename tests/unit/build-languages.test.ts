/**
 * A wiki may ship only some languages (--languages, MENTORSHIP_LANGUAGES): the build then
 * makes message modules and loader labels for English and those only, and refuses a
 * language that i18n/ does not have.
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../build.mjs';

const dirs: string[] = [];
function outDir(): string {
	const dir = mkdtempSync( join( tmpdir(), 'mentorship-build-' ) );
	dirs.push( dir );
	return dir;
}

afterAll( () => {
	for ( const dir of dirs ) {
		rmSync( dir, { recursive: true, force: true } );
	}
} );

describe( 'the languages a build ships', () => {
	it( 'ships English and the languages asked for, in message modules and in the loaders\' labels', async () => {
		const dir = outDir();
		const { manifest } = await build( { outDir: dir, quiet: true, languages: [ 'es' ] } );
		const titles = manifest.pages.map( ( p ) => p.title );
		for ( const feature of [ 'ask', 'welcome', 'batch', 'panel', 'console', 'needs', 'graduation' ] ) {
			expect( titles ).toContain( `MediaWiki:Gadget-mentorship-i18n-es-${ feature }.js` );
		}
		expect( titles.filter( ( t ) => /i18n-(fr|ar)/.test( t ) ) ).toEqual( [] );
		// The loader's labels, minified: { k: [ keys ], en: [ texts ], es: [ texts ] }.
		const welcome = readFileSync( join( dir, 'pages', 'MediaWiki:Gadget-mentorship-welcome.js' ), 'utf8' );
		expect( welcome ).toMatch( /\bes: ?\[/ );
		expect( welcome ).toMatch( /\ben: ?\[/ );
		expect( welcome ).not.toMatch( /\bfr: ?\[/ );
	}, 60000 );

	it( 'refuses a language that i18n/ does not have', async () => {
		await expect( build( { outDir: outDir(), quiet: true, languages: [ 'zz' ] } ) ).rejects.toThrow( 'i18n/zz.json does not exist' );
	}, 60000 );
} );
