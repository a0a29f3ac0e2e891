import { describe, expect, it } from 'vitest';
import { configTitle, fnv1a, profileTitle, rosterShardTitle, rosterTitle, shardOf, userTalkTitle } from '../../src/core/titles';
import { invitationLogTitle, monthOf, programIdOf, rosterTitles } from '../../src/core/program-titles';

describe( 'titles', () => {
	it( 'hashes like reference FNV-1a (32 bit, UTF-8)', () => {
		// Vectors from the FNV reference and from an independent implementation over UTF-8 bytes.
		expect( fnv1a( '' ) ).toBe( 0x811c9dc5 );
		expect( fnv1a( 'a' ) ).toBe( 0xe40c292c );
		expect( fnv1a( 'b' ) ).toBe( 0xe70c2de5 );
		expect( fnv1a( 'foobar' ) ).toBe( 0xbf9cf968 );
		expect( fnv1a( 'Jane Doe' ) ).toBe( 0xa0e56901 );
	} );

	it( 'hashes the UTF-8 bytes of characters beyond ASCII, astral ones included', () => {
		expect( fnv1a( 'ß' ) ).toBe( 0x309e0517 );
		expect( fnv1a( 'Ünïcödé' ) ).toBe( 0x030667f2 );
		expect( fnv1a( '日本語' ) ).toBe( 0x805f5ce7 );
		expect( fnv1a( '😀' ) ).toBe( 0x33a29608 );
	} );

	it( 'gives shards from the display form of a name', () => {
		expect( shardOf( 'Jane Doe', 16 ) ).toBe( 0xa0e56901 % 16 );
		expect( shardOf( 'Jane_Doe', 16 ) ).toBe( shardOf( 'Jane Doe', 16 ) );
		expect( shardOf( 'jane Doe', 16 ) ).toBe( shardOf( 'Jane Doe', 16 ) );
		expect( shardOf( ' Jane  Doe ', 7 ) ).toBe( shardOf( 'Jane Doe', 7 ) );
		expect( shardOf( 'ß', 16 ) ).toBe( 0x309e0517 % 16 );
		expect( shardOf( 'anything', 1 ) ).toBe( 0 );
	} );

	it( 'spreads names over every shard', () => {
		const seen: Record<number, number> = {};
		for ( let i = 0; i < 1000; i++ ) {
			const shard = shardOf( 'User ' + i, 8 );
			expect( shard ).toBeGreaterThanOrEqual( 0 );
			expect( shard ).toBeLessThan( 8 );
			seen[ shard ] = ( seen[ shard ] || 0 ) + 1;
		}
		expect( Object.keys( seen ) ).toHaveLength( 8 );
		for ( const count of Object.values( seen ) ) {
			expect( count ).toBeGreaterThan( 80 );
		}
	} );

	it( 'names roster pages, plain and sharded', () => {
		expect( rosterTitle( 'p' ) ).toBe( 'Project:Mentorship/Programs/p/roster.json' );
		expect( rosterTitle( 'p', 1, 'Jane Doe' ) ).toBe( 'Project:Mentorship/Programs/p/roster.json' );
		expect( rosterTitle( 'p', 16, 'Jane_Doe' ) ).toBe( 'Project:Mentorship/Programs/p/roster/1.json' );
		expect( () => rosterTitle( 'p', 16 ) ).toThrow( /member name/ );
		expect( rosterShardTitle( 'p', 3 ) ).toBe( 'Project:Mentorship/Programs/p/roster/3.json' );
		expect( rosterTitles( 'p' ) ).toEqual( [ 'Project:Mentorship/Programs/p/roster.json' ] );
		expect( rosterTitles( 'p', 3 ) ).toEqual( [
			'Project:Mentorship/Programs/p/roster/0.json',
			'Project:Mentorship/Programs/p/roster/1.json',
			'Project:Mentorship/Programs/p/roster/2.json',
		] );
		expect( rosterTitles( 'p', 16 ) ).toContain( rosterTitle( 'p', 16, 'Jane Doe' ) );
	} );

	it( 'names invitation logs by month, plain and sharded', () => {
		expect( invitationLogTitle( 'p', '2026-03' ) ).toBe( 'Project:Mentorship/Programs/p/invitations/2026-03.json' );
		expect( invitationLogTitle( 'p', '2026-03', 16, 'Jane Doe' ) ).toBe( 'Project:Mentorship/Programs/p/invitations/2026-03/1.json' );
		expect( invitationLogTitle( 'p', '2026-03', 16, 'Jane_Doe' ) ).toBe( invitationLogTitle( 'p', '2026-03', 16, 'Jane Doe' ) );
		expect( () => invitationLogTitle( 'p', '2026-03', 4 ) ).toThrow( /invitee/ );
		expect( monthOf( '2026-03-31T23:59:59Z' ) ).toBe( '2026-03' );
	} );

	it( 'names user pages in display form', () => {
		expect( configTitle( 'art-2026' ) ).toBe( 'Project:Mentorship/Programs/art-2026/config.json' );
		expect( profileTitle( 'jane_doe' ) ).toBe( 'User:Jane doe/mentorship.json' );
		expect( userTalkTitle( 'jane_doe' ) ).toBe( 'User talk:Jane doe' );
	} );

	it( 'finds the program id in a local title', () => {
		expect( programIdOf( 'Wikipedia:Mentorship/Programs/art-2026/config.json' ) ).toBe( 'art-2026' );
		expect( programIdOf( 'Project:Mentorship/Programs/p/roster/3.json' ) ).toBe( 'p' );
		expect( programIdOf( 'Wikipedia:Mentorship/Programs/config.json' ) ).toBeNull();
		expect( programIdOf( 'Wikipedia:Mentorship/Programs//config.json' ) ).toBeNull();
		expect( programIdOf( 'Wikipedia:Other' ) ).toBeNull();
	} );
} );
