import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/localwiki';
import { CONFIG, INVITATIONS, PROFILE, ROSTER } from '../../src/core/format';
import { decodeMentorCache, encodeMentorCache } from '../../src/core/program';
import { describeIssue, Schema, validate } from '../../src/core/schema';
import { fnv1a, shardOf } from '../../src/core/titles';

const DOC = readFileSync( join( ROOT, 'docs', 'data-format.md' ), 'utf8' );

const KINDS: Record<string, Schema<unknown>> = {
	profile: PROFILE.schema as Schema<unknown>,
	config: CONFIG.schema as Schema<unknown>,
	roster: ROSTER.schema as Schema<unknown>,
	'invitation-log': INVITATIONS.schema as Schema<unknown>,
};

/** Every ```json block right after a line `<!-- example: KIND -->`. */
function examples( text: string ): { kind: string; json: string; line: number }[] {
	const out: { kind: string; json: string; line: number }[] = [];
	const marker = /^<!-- example: ([a-z-]+) -->\n```json\n([\s\S]*?)\n```$/gm;
	let m: RegExpExecArray | null;
	while ( ( m = marker.exec( text ) ) !== null ) {
		out.push( { kind: m[ 1 ] as string, json: m[ 2 ] as string, line: text.slice( 0, m.index ).split( '\n' ).length } );
	}
	return out;
}

describe( 'docs/data-format.md', () => {
	const found = examples( DOC );

	it( 'has an example of every kind of page, each marker followed by a JSON block', () => {
		expect( found.map( ( e ) => e.kind ).sort() ).toEqual( [ 'config', 'config', 'invitation-log', 'profile', 'profile', 'roster' ] );
		expect( DOC.match( /<!-- example:/g ) ).toHaveLength( found.length );
	} );

	it( 'shows only valid pages as examples', () => {
		for ( const example of found ) {
			const schema = KINDS[ example.kind ];
			expect( schema, 'unknown example kind at line ' + example.line ).toBeDefined();
			const result = validate( schema as Schema<unknown>, JSON.parse( example.json ) );
			expect( result.ok ? [] : result.issues.map( describeIssue ), example.kind + ' example at line ' + example.line ).toEqual( [] );
		}
	} );

	it( 'gives FNV-1a test vectors that the code agrees with', () => {
		const vectors = [ ...DOC.matchAll( /`"([^"`]+)"` → `(0x[0-9a-f]{8})`/g ) ];
		expect( vectors.length ).toBeGreaterThanOrEqual( 3 );
		for ( const [ , name, hash ] of vectors ) {
			expect( fnv1a( name as string ), name ).toBe( Number( hash ) );
		}
		expect( DOC ).toContain( 'with N = 16 Jane Doe is in shard ' + shardOf( 'Jane Doe', 16 ) );
	} );

	it( 'shows the cached mentor as the gadget writes it', () => {
		const block = /`userjs-mentorship`[\s\S]*?```json\n(.*)\n```/.exec( DOC );
		const value = ( block as RegExpExecArray )[ 1 ] as string;
		expect( value ).toBe( encodeMentorCache( { program: 'art-2026', mentor: 'Alice' } ) );
		expect( decodeMentorCache( value ) ).toEqual( { program: 'art-2026', mentor: 'Alice' } );
	} );
} );
