/**
 * Messages: every message the code uses is in en.json and documented in qqq.json, and
 * en.json holds no message nothing uses. Code names message keys as full string literals
 * ('mentorship-…'); CSS classes and ids use the mg- prefix, so the two never mix.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join( __dirname, '..', '..' );
// Gadget ids, and the public class of a panel embedded in a page (a contract in DESIGN.md).
const NOT_MESSAGES = [ 'mentorship-ask', 'mentorship-welcome', 'mentorship-match', 'mentorship-core', 'mentorship-panel' ];

function files( dir: string, ext: RegExp ): string[] {
	const out: string[] = [];
	for ( const name of readdirSync( dir ) ) {
		const path = join( dir, name );
		if ( statSync( path ).isDirectory() ) {
			out.push( ...files( path, ext ) );
		} else if ( ext.test( name ) ) {
			out.push( path );
		}
	}
	return out;
}

function json( path: string ): Record<string, string> {
	const data = JSON.parse( readFileSync( path, 'utf8' ) ) as Record<string, string>;
	delete data[ '@metadata' ];
	return data;
}

function usedKeys(): Set<string> {
	const used = new Set<string>();
	for ( const file of files( join( ROOT, 'src' ), /\.ts$/ ) ) {
		const text = readFileSync( file, 'utf8' );
		for ( const m of text.matchAll( /['"`](mentorship-[a-z0-9-]+)['"`]/g ) ) {
			if ( !NOT_MESSAGES.includes( m[ 1 ]! ) ) {
				used.add( m[ 1 ]! );
			}
		}
	}
	// Messages named by the gadget definitions (descriptions, loader messages) and the build.
	for ( const file of files( join( ROOT, 'gadgets' ), /\.json$/ ) ) {
		const def = JSON.parse( readFileSync( file, 'utf8' ) ) as { description: string; messages: string[] | string };
		used.add( def.description );
		if ( Array.isArray( def.messages ) ) {
			def.messages.forEach( ( k ) => used.add( k ) );
		}
	}
	used.add( 'mentorship-gadget-section' );
	used.add( 'mentorship-gadget-messages' );
	return used;
}

/** Keys the deploy scripts name (the user script's install page is written in the wiki's language); with class names among them. */
function deployKeys(): Set<string> {
	const keys = new Set<string>();
	for ( const file of files( join( ROOT, 'scripts', 'lib' ), /\.ts$/ ) ) {
		for ( const m of readFileSync( file, 'utf8' ).matchAll( /['"`](mentorship-[a-z0-9-]+)['"`]/g ) ) {
			keys.add( m[ 1 ]! );
		}
	}
	return keys;
}

describe( 'messages', () => {
	const en = json( join( ROOT, 'i18n', 'en.json' ) );
	const qqq = json( join( ROOT, 'i18n', 'qqq.json' ) );
	const used = usedKeys();

	it( 'every message used in the code is in en.json and documented in qqq.json', () => {
		expect( [ ...used ].filter( ( k ) => en[ k ] === undefined ) ).toEqual( [] );
		expect( [ ...used ].filter( ( k ) => qqq[ k ] === undefined ) ).toEqual( [] );
	} );

	it( 'en.json has no message that nothing uses', () => {
		const deploy = deployKeys();
		expect( Object.keys( en ).filter( ( k ) => !used.has( k ) && !deploy.has( k ) ) ).toEqual( [] );
		expect( [ ...deploy ].filter( ( k ) => /^mentorship-userscript-/.test( k ) && ( en[ k ] === undefined || qqq[ k ] === undefined ) ) ).toEqual( [] );
	} );

	it( 'no message can change the gadget pages when saved (signatures, subst, nowiki end)', () => {
		for ( const file of files( join( ROOT, 'i18n' ), /\.json$/ ) ) {
			const messages = json( file );
			for ( const key of Object.keys( messages ) ) {
				expect( `${ file }: ${ key }: ${ /~{3}|\{\{\s*(safe)?subst:|<\/nowiki>/i.test( messages[ key ]! ) }` ).toBe( `${ file }: ${ key }: false` );
			}
		}
	} );
} );
