import { describe, expect, it } from 'vitest';
import { fnv1a, programIdOf, rosterTitle, shardOf } from '../../src/core/titles';

describe( 'titles', () => {
	it( 'hashes like reference FNV-1a (32 bit, UTF-8)', () => {
		expect( fnv1a( '' ) ).toBe( 0x811c9dc5 );
		expect( fnv1a( 'a' ) ).toBe( 0xe40c292c );
		expect( fnv1a( 'foobar' ) ).toBe( 0xbf9cf968 );
	} );

	it( 'puts a member in the same shard whatever the name form', () => {
		expect( shardOf( 'Jane_Doe', 16 ) ).toBe( shardOf( 'Jane Doe', 16 ) );
		expect( rosterTitle( 'p', 16, 'Jane Doe' ) ).toMatch( /^Project:Mentorship\/Programs\/p\/roster\/\d+\.json$/ );
		expect( rosterTitle( 'p' ) ).toBe( 'Project:Mentorship/Programs/p/roster.json' );
	} );

	it( 'finds the program id in a local title', () => {
		expect( programIdOf( 'Wikipedia:Mentorship/Programs/art-2026/config.json' ) ).toBe( 'art-2026' );
		expect( programIdOf( 'Wikipedia:Other' ) ).toBeNull();
	} );
} );
