import { describe, expect, it } from 'vitest';
import {
	checkinOpen, latestCheckin, makeCheckin, profileAddCheckin, summariseCheckins, termOf,
} from '../../src/core/checkins';
import { Membership, Profile } from '../../src/core/format';
import { config, menteeProfile } from './fixtures/pages';

function member( joined: string, extra: Partial<Membership> = {} ): Membership {
	return { role: 'mentee', joined: joined, topics: [], languages: [ 'en' ], ...extra };
}

describe( 'the term', () => {
	it( 'runs from the program start for termDays; the check-in opens in its last 14 days and stays open after', () => {
		const cfg = config(); // start 2026-01-10, 90 days: ends 2026-04-10
		const m = member( '2026-01-12T00:00:00Z' );
		expect( termOf( cfg, m, '2026-01-05' ) ).toEqual( { start: '2026-01-10', end: '2026-04-10', state: 'before', daysLeft: 95 } );
		expect( termOf( cfg, m, '2026-03-26' )!.state ).toBe( 'running' );
		expect( termOf( cfg, m, '2026-03-26' )!.daysLeft ).toBe( 15 );
		expect( termOf( cfg, m, '2026-03-27' )!.state ).toBe( 'ending' );
		expect( termOf( cfg, m, '2026-04-09' )!.state ).toBe( 'ending' );
		expect( termOf( cfg, m, '2026-04-10' )!.state ).toBe( 'over' );
		expect( termOf( cfg, m, '2027-01-01' )!.daysLeft ).toBeLessThan( 0 );
		expect( checkinOpen( termOf( cfg, m, '2026-03-26' ) ) ).toBe( false );
		expect( checkinOpen( termOf( cfg, m, '2026-03-27' ) ) ).toBe( true );
		expect( checkinOpen( termOf( cfg, m, '2026-05-01' ) ) ).toBe( true );
	} );

	it( 'starts when the member joined when the program has no start; a short term opens for its last quarter', () => {
		const cfg = { ...config(), start: undefined, termDays: 8 };
		const term = termOf( cfg, member( '2026-02-01T09:00:00Z' ), '2026-02-07' );
		expect( term ).toEqual( { start: '2026-02-01', end: '2026-02-09', state: 'ending', daysLeft: 2 } );
		expect( termOf( cfg, member( '2026-02-01T09:00:00Z' ), '2026-02-06' )!.state ).toBe( 'running' );
	} );

	it( 'is none without a term length', () => {
		expect( termOf( { ...config(), termDays: undefined }, member( '2026-01-01T00:00:00Z' ), '2026-06-01' ) ).toBeNull();
		expect( checkinOpen( null ) ).toBe( false );
	} );
} );

describe( 'check-ins', () => {
	it( 'are one whole satisfaction from 1 to 5 and one line of comment of at most 300 characters', () => {
		expect( makeCheckin( 'T', 4.4, '  Good\nmentor,  thanks ' ) ).toEqual( { time: 'T', satisfaction: 4, comment: 'Good mentor, thanks' } );
		expect( makeCheckin( 'T', 9, '' ).satisfaction ).toBe( 5 );
		expect( makeCheckin( 'T', -1, '' ).satisfaction ).toBe( 1 );
		expect( makeCheckin( 'T', 3, 'x'.repeat( 400 ) ).comment ).toHaveLength( 300 );
	} );

	it( 'are added to the member\'s own membership once, and the latest counts', () => {
		const profile: Profile = menteeProfile();
		const c = makeCheckin( '2026-04-01T10:00:00Z', 5, 'Great' );
		profileAddCheckin( profile, 'art-2026', c );
		profileAddCheckin( profile, 'art-2026', c );
		const m = profile.programs[ 'art-2026' ]!;
		expect( m.checkins ).toHaveLength( 2 );
		expect( latestCheckin( m ) ).toEqual( c );
		expect( latestCheckin( null ) ).toBeNull();
		// Not in a program the user is not (or no longer) in.
		profileAddCheckin( profile, 'other', c );
		expect( profile.programs.other ).toBeUndefined();
		m.left = '2026-04-02T00:00:00Z';
		profileAddCheckin( profile, 'art-2026', makeCheckin( '2026-04-03T00:00:00Z', 1, '' ) );
		expect( m.checkins ).toHaveLength( 2 );
	} );

	it( 'keep at most 50, dropping the oldest', () => {
		const profile = menteeProfile();
		for ( let i = 0; i < 60; i++ ) {
			profileAddCheckin( profile, 'art-2026', makeCheckin( '2026-05-01T00:00:' + String( i ).padStart( 2, '0' ) + 'Z', 3, '' ) );
		}
		const list = profile.programs[ 'art-2026' ]!.checkins!;
		expect( list ).toHaveLength( 50 );
		expect( list[ 49 ]!.time ).toBe( '2026-05-01T00:00:59Z' );
	} );

	it( 'are summarised: count, average to one decimal, distribution, comments newest first, the goal', () => {
		const summary = summariseCheckins( [
			{ name: 'Ana', checkin: { time: '2026-04-01T00:00:00Z', satisfaction: 5, comment: 'Loved it' } },
			{ name: 'Bo', checkin: { time: '2026-04-03T00:00:00Z', satisfaction: 4, comment: '' } },
			{ name: 'Cy', checkin: { time: '2026-04-02T00:00:00Z', satisfaction: 2, comment: 'Too little time' } },
		], 4 );
		expect( summary.count ).toBe( 3 );
		expect( summary.average ).toBe( 3.7 );
		expect( summary.distribution ).toEqual( [ 0, 1, 0, 1, 1 ] );
		expect( summary.comments.map( ( c ) => c.name ) ).toEqual( [ 'Cy', 'Ana' ] );
		expect( summary.goal ).toBe( 4 );
		expect( summary.met ).toBe( false );
		expect( summariseCheckins( [] ) ).toEqual( { count: 0, average: null, distribution: [ 0, 0, 0, 0, 0 ], comments: [] } );
		expect( summariseCheckins( [], 3 ).met ).toBe( false );
	} );
} );
