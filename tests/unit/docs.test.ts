import { describe, expect, it } from 'vitest';
import { CONFIG, INVITATIONS, PROFILE, ROSTER } from '../../src/core/format';
import { decodeMentorCache, encodeMentorCache } from '../../src/core/program';
import { describeIssue, Schema, validate } from '../../src/core/schema';
import { SNAPSHOT } from '../../src/core/snapshot';
import { fnv1a, shardOf } from '../../src/core/titles';
import { DOC, docExamples } from './fixtures/doc-examples';

const KINDS: Record<string, Schema<unknown>> = {
	profile: PROFILE.schema as Schema<unknown>,
	config: CONFIG.schema as Schema<unknown>,
	roster: ROSTER.schema as Schema<unknown>,
	'invitation-log': INVITATIONS.schema as Schema<unknown>,
	snapshot: SNAPSHOT.schema as Schema<unknown>,
};

describe( 'docs/data-format.md', () => {
	const found = docExamples();

	it( 'has an example of every kind of page, each marker followed by a JSON block', () => {
		expect( found.map( ( e ) => e.kind ).sort() ).toEqual( [ 'config', 'config', 'invitation-log', 'profile', 'profile', 'profile', 'roster', 'snapshot' ] );
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
		expect( value ).toBe( encodeMentorCache( { program: 'art-2026', mentor: 'Alice', due: '2026-03-04T10:00:00Z' } ) );
		expect( decodeMentorCache( value ) ).toEqual( { program: 'art-2026', mentor: 'Alice', due: '2026-03-04T10:00:00Z' } );
		// Version 1, as written before `due`, still decodes.
		expect( decodeMentorCache( '{"v":1,"program":"art-2026","mentor":"Alice"}' ) ).toEqual( { program: 'art-2026', mentor: 'Alice' } );
	} );
} );
