/**
 * The pairing rule on the real wiki: a pairing counts only when the mentee's own profile
 * names the mentor and both users' own profiles (which only they can write) show they are
 * current members in those roles. Someone who edits the roster can reorder the index but
 * cannot pair anyone (see trust.test.ts for re-pairing by roster edits).
 */

import { describe, expect, it } from 'vitest';
import { PROFILE, ROSTER } from '../../src/core/format';
import { mentorOf } from '../../src/core/program';
import { confirmedMembers, menteesByMentor, profileJoin, rosterJoin, rosterSetMentor } from '../../src/core/roster';
import { profileTitle, rosterTitle } from '../../src/core/titles';
import { loadProgram } from '../../src/wiki/programs';
import { isoSeconds } from '../../src/core/dates';
import { Store } from '../../src/wiki/store';
import { anonClient, membership, sessions, setUpProgram, uniqueId, uniqueName } from '../support/fixtures';

describe( 'data layer: the pairing rule with loadProgram and mentorOf', () => {
	it( 'a roster entry naming a mentor who never joined, or a mentee whose profile does not show the program, is no pairing; a proper one is', async () => {
		const program = await setUpProgram( { id: 'pairing', mentors: 1, mentees: 1, pair: true } );
		const mentor = program.mentors[ 0 ]!;
		const paired = program.mentees[ 0 ]!;
		const [ ghost, lured, outsider, vandal ] = await sessions( [
			uniqueName( 'It Ghost' ), uniqueName( 'It Lured' ), uniqueName( 'It Outsider' ), uniqueName( 'It Vandal' ),
		] );
		// Lured joined the program as a mentee, in their own profile.
		await new Store( lured!.client ).update( profileTitle( lured!.name ), PROFILE,
			( p ) => profileJoin( p, program.id, membership( 'mentee', { mentor: ghost!.name } ) ), { summary: 'Integration test: join' } );
		// The outsider has a profile, for another program only.
		await new Store( outsider!.client ).update( profileTitle( outsider!.name ), PROFILE,
			( p ) => profileJoin( p, uniqueId( 'elsewhere' ), membership( 'mentee' ) ), { summary: 'Integration test: join elsewhere' } );
		// A vandal edits the roster: Ghost (an account that never joined) as a mentor paired
		// with Lured, and the outsider as a mentee of the real mentor.
		const now = isoSeconds( Date.now() );
		await new Store( vandal!.client ).update( rosterTitle( program.id ), ROSTER, ( r ) => {
			rosterJoin( r, ghost!.name, 'mentor', now );
			rosterJoin( r, lured!.name, 'mentee', now );
			rosterSetMentor( r, lured!.name, ghost!.name );
			rosterJoin( r, outsider!.name, 'mentee', now );
			rosterSetMentor( r, outsider!.name, mentor );
			return r;
		}, { summary: 'Integration test: a roster edit by someone else' } );

		const loaded = await loadProgram( anonClient(), program.id );
		const state = loaded.state;
		expect( Object.keys( state.members ).sort() ).toEqual( [ mentor, paired, ghost!.name, lured!.name, outsider!.name ].sort() );
		expect( loaded.errors ).toEqual( {} );

		expect( mentorOf( state, paired ) ).toBe( mentor );
		expect( mentorOf( state, lured!.name ) ).toBeNull();
		expect( mentorOf( state, outsider!.name ) ).toBeNull();
		expect( state.profiles[ ghost!.name ] ).toBeNull();
		expect( state.profiles[ outsider!.name ]!.programs[ program.id ] ).toBeUndefined();
		expect( confirmedMembers( state ) ).toEqual( [ mentor, paired, lured!.name ].sort() );
		expect( menteesByMentor( state ) ).toEqual( { [ mentor ]: [ paired ] } );
	} );
} );
