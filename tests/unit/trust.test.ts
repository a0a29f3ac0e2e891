/**
 * A program belongs to its coordinators: the config in force is the last revision of the
 * trust chain (the creator's revision, then each made by a coordinator of the last one that
 * counted); anyone else's edit is ignored and shown to the coordinators.
 */
import { describe, expect, it } from 'vitest';
import { ProgramConfig } from '../../src/core/format';
import { ignoredSince, RevisionMeta, walkTrustChain } from '../../src/core/trust';
import { configTitle } from '../../src/core/titles';
import { WikiClient } from '../../src/wiki/client';
import { loadProgram } from '../../src/wiki/programs';
import { readTrustedConfig, trustedConfigCached } from '../../src/wiki/trust';
import { config } from './fixtures/pages';
import { FakeClock } from './fakes/transport';
import { FakeWiki } from './fakes/wiki';

const P = 'art-2026';
const T = '2026-01-20T12:00:00Z';

function rev( revid: number, user?: string ): RevisionMeta {
	return user ? { revid: revid, parentid: revid - 1, user: user, timestamp: T } : { revid: revid, parentid: revid - 1, timestamp: T };
}

function cfg( coordinators: string[], name = 'P' ): ProgramConfig {
	return { ...config(), name: name, coordinators: coordinators };
}

describe( 'the trust chain (pure)', () => {
	it( 'counts the creator, then only revisions by a coordinator of the last one that counted', () => {
		const revisions = [ rev( 1, 'Carol' ), rev( 2, 'Vandal' ), rev( 3, 'Carol' ), rev( 4, 'Dan' ), rev( 5, 'Vandal' ) ];
		const contents = {
			1: cfg( [ 'Carol' ], 'one' ),
			3: cfg( [ 'Carol', 'Dan' ], 'three' ),
			4: cfg( [ 'Dan' ], 'four' ),
		};
		const chain = walkTrustChain( revisions, contents );
		expect( 'need' in chain ).toBe( false );
		if ( !( 'need' in chain ) ) {
			expect( chain.config!.name ).toBe( 'four' );
			expect( chain.revid ).toBe( 4 );
			expect( chain.ignored.map( ( r ) => r.revid ) ).toEqual( [ 2, 5 ] );
			expect( ignoredSince( chain ).map( ( r ) => r.revid ) ).toEqual( [ 5 ] );
		}
	} );

	it( 'asks only for the content of revisions whose author may count, a batch at a time', () => {
		const revisions = [ rev( 1, 'Carol' ), rev( 2, 'Vandal' ), rev( 3, 'Carol' ), rev( 4 ), rev( 5, 'Carol' ) ];
		expect( walkTrustChain( revisions, {} ) ).toEqual( { need: [ 1, 2, 3, 4, 5 ] } );
		expect( walkTrustChain( revisions, { 1: cfg( [ 'Carol' ] ) } ) ).toEqual( { need: [ 3, 5 ] } );
		// A hidden author never counts; an invalid revision by a coordinator does not either.
		const chain = walkTrustChain( revisions, { 1: cfg( [ 'Carol' ] ), 3: null, 5: cfg( [ 'Carol' ], 'five' ) } );
		expect( 'need' in chain ? null : chain.ignored.map( ( r ) => r.revid ) ).toEqual( [ 2, 3, 4 ] );
	} );

	it( 'lets a coordinator who removed themself make no more changes', () => {
		const revisions = [ rev( 1, 'Carol' ), rev( 2, 'Carol' ), rev( 3, 'Carol' ) ];
		const chain = walkTrustChain( revisions, { 1: cfg( [ 'Carol' ] ), 2: cfg( [ 'Dan' ], 'handed over' ), 3: cfg( [ 'Carol' ], 'back' ) } );
		expect( 'need' in chain ? null : chain.config!.name ).toBe( 'handed over' );
	} );
} );

describe( 'the trust chain on a wiki', () => {
	function setup(): { wiki: FakeWiki; client: WikiClient } {
		const wiki = new FakeWiki();
		return { wiki: wiki, client: new WikiClient( { transport: wiki, clock: new FakeClock() } ) };
	}

	it( 'ignores a non-coordinator who adds themself, moves the help desk and changes a message', async () => {
		const { wiki, client } = setup();
		wiki.put( configTitle( P ), config(), { user: 'Carol' } );
		const forged = { ...config(), coordinators: [ 'Carol', 'Vandal' ], helpDesk: 'User talk:Vandal' };
		const vandal = wiki.put( configTitle( P ), forged, { user: 'Vandal' } );
		client.requestCount = 0;
		const trusted = await readTrustedConfig( client, configTitle( P ) );
		expect( client.requestCount ).toBe( 2 );
		expect( trusted.config ).toEqual( config() );
		expect( trusted.ignored.map( ( r ) => r.revid ) ).toEqual( [ vandal.revid ] );
		const loaded = await loadProgram( client, P, { profiles: false } );
		expect( loaded.state.config.coordinators ).toEqual( [ 'Carol', 'Dmitri Ivanov' ] );
		expect( loaded.state.config.helpDesk ).toBe( 'Project:Help desk' );
		expect( loaded.trust!.ignored.map( ( r ) => [ r.revid, r.user ] ) ).toEqual( [ [ vandal.revid, 'Vandal' ] ] );
		// The vandal's edits cost no content request: many of them cost the same.
		for ( let i = 0; i < 30; i++ ) {
			wiki.put( configTitle( P ), forged, { user: 'Vandal' } );
		}
		client.requestCount = 0;
		await readTrustedConfig( client, configTitle( P ) );
		expect( client.requestCount ).toBe( 2 );
		// A coordinator's edit counts.
		wiki.put( configTitle( P ), { ...config(), name: 'Renamed' }, { user: 'Dmitri Ivanov' } );
		expect( ( await loadProgram( client, P, { profiles: false } ) ).state.config.name ).toBe( 'Renamed' );
	} );

	it( 'keeps the chain\'s result per latest revision in the user\'s storage: the next read costs nothing', async () => {
		const { wiki, client } = setup();
		const first = wiki.put( configTitle( P ), config(), { user: 'Carol' } );
		const kept: Record<string, string> = {};
		const store = { get: ( k: string ) => kept[ k ] || null, set: ( k: string, v: string ) => {
			kept[ k ] = v;
		} };
		client.requestCount = 0;
		expect( ( await trustedConfigCached( client, configTitle( P ), first.revid, store ) )!.name ).toBe( config().name );
		expect( client.requestCount ).toBe( 2 );
		expect( ( await trustedConfigCached( client, configTitle( P ), first.revid, store ) )!.name ).toBe( config().name );
		expect( client.requestCount ).toBe( 2 );
		// A new revision (here by someone who is not a coordinator): read again, and still ignored.
		const vandal = wiki.put( configTitle( P ), { ...config(), helpDesk: 'User talk:Vandal' }, { user: 'Vandal' } );
		expect( ( await trustedConfigCached( client, configTitle( P ), vandal.revid, store ) )!.helpDesk ).toBe( 'Project:Help desk' );
		expect( client.requestCount ).toBe( 4 );
	} );

	it( 'keeps that no revision holds a valid config too: asked again for the same latest revision, no request', async () => {
		const { wiki, client } = setup();
		const broken = wiki.put( configTitle( P ), { version: 1, name: 'No coordinators' }, { user: 'Vandal' } );
		const kept: Record<string, string> = {};
		const store = { get: ( k: string ) => kept[ k ] || null, set: ( k: string, v: string ) => {
			kept[ k ] = v;
		} };
		client.requestCount = 0;
		expect( await trustedConfigCached( client, configTitle( P ), broken.revid, store ) ).toBeNull();
		const once = client.requestCount;
		expect( once ).toBe( 2 );
		expect( await trustedConfigCached( client, configTitle( P ), broken.revid, store ) ).toBeNull();
		expect( client.requestCount ).toBe( once );
		// A valid config after it counts (no chain yet): read again, and kept.
		const fixed = wiki.put( configTitle( P ), config(), { user: 'Carol' } );
		expect( ( await trustedConfigCached( client, configTitle( P ), fixed.revid, store ) )!.name ).toBe( config().name );
		expect( client.requestCount ).toBe( once + 2 );
	} );
} );
