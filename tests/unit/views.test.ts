/**
 * What the panel reads (against an in-memory wiki): the program list reads no roster and no
 * profile; a program's page reads one page of mentors; ghosts and forged index entries cost
 * nothing and pair nobody; a mentor's list and the migration of roster-only pairings.
 */
import { describe, expect, it } from 'vitest';
import { Membership, Profile, Roster, RosterMember } from '../../src/core/format';
import { configTitle, profileTitle, rosterTitle } from '../../src/core/titles';
import { WikiClient } from '../../src/wiki/client';
import { migrateLegacyPairings } from '../../src/wiki/console';
import { listedMentors, loadMentorView, loadProgramView, MENTOR_PAGE } from '../../src/wiki/membership';
import { listProgramsWithRoom } from '../../src/wiki/program-list';
import { loadProgram, repairOwnIndex, WriteContext } from '../../src/wiki/programs';
import { Store } from '../../src/wiki/store';
import { config } from './fixtures/pages';
import { FakeClock } from './fakes/transport';
import { FakeWiki } from './fakes/wiki';

const P = 'art-2026';
const T = '2026-01-20T12:00:00Z';
const NOW = Date.parse( '2026-01-25T00:00:00Z' );

function setup(): { wiki: FakeWiki; client: WikiClient; store: Store } {
	const wiki = new FakeWiki();
	const client = new WikiClient( { transport: wiki, clock: new FakeClock() } );
	return { wiki: wiki, client: client, store: new Store( client, { random: () => 0 } ) };
}

function member( role: 'mentor' | 'mentee', extra: Partial<Membership> = {} ): Profile {
	return { version: 1, programs: { [ P ]: { role: role, joined: T, topics: [], languages: [ 'en' ], ...extra } } };
}

/** Alice and Zed mentor; Yara is Alice's mentee by her own profile. */
function program( wiki: FakeWiki, extra: Record<string, RosterMember> = {} ): void {
	wiki.put( configTitle( P ), config(), { user: 'Carol' } );
	wiki.put( profileTitle( 'Alice' ), member( 'mentor' ) );
	wiki.put( profileTitle( 'Zed' ), member( 'mentor' ) );
	wiki.put( profileTitle( 'Yara' ), member( 'mentee', { mentor: 'Alice' } ) );
	wiki.put( rosterTitle( P ), {
		version: 1,
		members: {
			Alice: { role: 'mentor', joined: T },
			Yara: { role: 'mentee', joined: T, mentor: 'Alice' },
			Zed: { role: 'mentor', joined: T },
			...extra,
		},
	} );
}

function ctx( store: Store, user: string ): WriteContext {
	return { store: store, user: user, now: T, summaries: { profile: 'profile', roster: 'roster' } };
}

describe( 'reading costs what is shown', () => {
	it( 'keeps the program list and the program page within a few requests with 5,000 fake mentors', async () => {
		const { wiki, client } = setup();
		const ghosts: Record<string, RosterMember> = {};
		for ( let i = 0; i < 5000; i++ ) {
			ghosts[ 'Ghost ' + String( i ).padStart( 4, '0' ) ] = { role: 'mentor', joined: '2020-01-01T00:00:00Z' };
		}
		program( wiki, ghosts );
		client.requestCount = 0;
		const list = await listProgramsWithRoom( client );
		expect( list.map( ( p ) => p.id ) ).toEqual( [ P ] );
		expect( client.requestCount ).toBe( 2 );
		client.requestCount = 0;
		const view = await loadProgramView( client, P, 'Yara', NOW );
		expect( client.requestCount ).toBeLessThanOrEqual( 5 );
		expect( view.mentorsListed ).toBe( 5002 );
		expect( view.mentorsShown ).toBe( MENTOR_PAGE );
		expect( view.viewer.mentor ).toBe( 'Alice' );
		// The next page: still a page's worth.
		client.requestCount = 0;
		await loadProgramView( client, P, 'Yara', NOW, { mentors: 2 * MENTOR_PAGE } );
		expect( client.requestCount ).toBeLessThanOrEqual( 5 );
		expect( listedMentors( view.loaded.state ).slice( 0, 2 ) ).toEqual( [ 'Ghost 0000', 'Ghost 0001' ] );
	} );

	it( 'a forged re-pairing in the roster changes neither the mentee\'s mentor nor either mentor\'s list, and the mentee puts the index back', async () => {
		const { wiki, client, store } = setup();
		program( wiki, { Yara: { role: 'mentee', joined: T, mentor: 'Zed' } } );
		const view = await loadProgramView( client, P, 'Yara', NOW );
		expect( view.viewer.mentor ).toBe( 'Alice' );
		expect( ( await loadMentorView( client, P, 'Zed', NOW ) ).mentees ).toEqual( [] );
		expect( ( await loadMentorView( client, P, 'Alice', NOW ) ).mentees.map( ( r ) => r.name ) ).toEqual( [ 'Yara' ] );
		await repairOwnIndex( ctx( store, 'Yara' ), P, config(), 'Alice', 'Zed' );
		expect( ( wiki.value( rosterTitle( P ) ) as Roster ).members.Yara!.mentor ).toBe( 'Alice' );
	} );

	it( 'a repair started on page load does not undo a proposal the mentee accepted meanwhile', async () => {
		// The page read Yara's index without a mentor (her mentor left and proposed Zed) and starts
		// putting back Alice, her profile's mentor; before that edit lands, Yara accepts Zed.
		const { wiki, store } = setup();
		program( wiki, { Yara: { role: 'mentee', joined: T, proposal: { mentor: 'Zed', by: 'Alice', time: T } } } );
		wiki.put( rosterTitle( P ), { version: 1, members: { ...( wiki.value( rosterTitle( P ) ) as Roster ).members, Yara: { role: 'mentee', joined: T, mentor: 'Zed' } } } );
		await repairOwnIndex( ctx( store, 'Yara' ), P, config(), 'Alice', null );
		expect( ( wiki.value( rosterTitle( P ) ) as Roster ).members.Yara!.mentor ).toBe( 'Zed' );
	} );

	it( 'migrates pairings the roster alone held into proposals', async () => {
		const { wiki, client, store } = setup();
		program( wiki, { Bob: { role: 'mentee', joined: T, mentor: 'Zed' } } );
		wiki.put( profileTitle( 'Bob' ), member( 'mentee' ) );
		const loaded = await loadProgram( client, P );
		const writer = { store: store, user: 'Carol', now: T, summaries: { create: 'c', config: 'c', roster: 'r', match: 'm', milestone: 'm' } };
		expect( await migrateLegacyPairings( writer, P, config(), loaded.state ) ).toBe( 1 );
		const roster = wiki.value( rosterTitle( P ) ) as Roster;
		expect( roster.members.Bob ).toEqual( { role: 'mentee', joined: T, proposal: { mentor: 'Zed', by: 'Carol', time: T } } );
		expect( roster.members.Yara ).toEqual( { role: 'mentee', joined: T, mentor: 'Alice' } );
	} );
} );
