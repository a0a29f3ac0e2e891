/**
 * Loading a program of 500 members (config, roster, every member's profile, and every
 * member's edit count and block state) on the real wiki: the request count is asserted,
 * the time is measured and reported (console and test-results/integration/),
 * never asserted.
 *
 * The fixture is 500 real accounts with their profiles and the roster, made in bulk (one
 * maintenance process for the accounts, one XML import for the pages: seconds, where
 * writing them through the API took five minutes); this test measures reading. It is kept
 * on the wiki and reused: a rerun only checks it (and completes what is missing).
 */

import { beforeAll, describe, expect, it } from 'vitest';
import { createUsers, importPages } from '../../scripts/lib/bulk';
import { toPageText } from '../../src/core/json';
import { CONFIG, PROFILE, ROSTER } from '../../src/core/format';
import { confirmedMembers, menteesByMentor, profileJoin, rosterJoin, rosterSetMentor } from '../../src/core/roster';
import { configTitle, profileTitle, rosterTitle } from '../../src/core/titles';
import { loadProgramView, MENTOR_PAGE } from '../../src/wiki/membership';
import { loadProgram } from '../../src/wiki/programs';
import { isoSeconds } from '../../src/core/dates';
import { Store } from '../../src/wiki/store';
import { createPage } from '../../src/wiki/create-page';
import {
	anonClient, createAccounts, membership, programConfig, session, Session, wiki, writeFigures,
} from '../support/fixtures';

/** Fixed names: the fixture outlives the run. Bump the version to rebuild it after a format change. */
const PROGRAM = 'perf500-v1';
const MENTORS = Array.from( { length: 50 }, ( _, i ) => `Perf Mentor ${ String( i + 1 ).padStart( 3, '0' ) }` );
const MENTEES = Array.from( { length: 450 }, ( _, i ) => `Perf Mentee ${ String( i + 1 ).padStart( 3, '0' ) }` );
const MEMBERS = [ ...MENTORS, ...MENTEES ];
const COORDINATOR = 'Perf Coordinator';
const mentorOfIndex = ( i: number ): string => MENTORS[ i % MENTORS.length ] as string;

interface FixtureReport {
	ms: number;
	/** Milliseconds of each step: accounts, profiles (login and write), program (config and roster). */
	steps: { accounts: number; profiles: number; program: number };
	accountsCreated: number;
	profilesWritten: number;
	rosterAdded: number;
}

/** Makes (or completes) the 500-member program; every step skips what is already there. */
async function ensureFixture(): Promise<FixtureReport> {
	const started = Date.now();
	const anon = anonClient();
	const known = ( await anon.users( [ COORDINATOR, ...MEMBERS ] ) ).users;
	const missingAccounts = [ COORDINATOR, ...MEMBERS ].filter( ( n ) => !known[ n ] || !known[ n ]!.exists );
	// The coordinator logs in (a password); the members' accounts only need to exist.
	await createAccounts( [ COORDINATOR ].filter( ( n ) => missingAccounts.includes( n ) ) );
	createUsers( wiki(), missingAccounts.filter( ( n ) => n !== COORDINATOR ), PROGRAM );
	const accountsDone = Date.now();

	const profiles = await new Store( anon ).readMany( MEMBERS.map( profileTitle ), PROFILE );
	const needProfile = MEMBERS.filter( ( n ) => {
		const doc = profiles[ profileTitle( n ) ];
		return !doc || !doc.value || !doc.value.programs[ PROGRAM ];
	} );
	importPages( wiki(), needProfile.map( ( name ) => {
		const i = MENTEES.indexOf( name );
		const m = i === -1 ?
			membership( 'mentor', { capacity: 10, topics: [ 'History', 'Science' ] } ) :
			membership( 'mentee', { mentor: mentorOfIndex( i ), goals: `Goal of ${ name }` } );
		const doc = profiles[ profileTitle( name ) ];
		const profile = profileJoin( doc && doc.value ? doc.value : { version: 1, programs: {} }, PROGRAM, m );
		return { title: profileTitle( name ), text: toPageText( profile ), model: 'json' as const };
	} ), PROGRAM );
	const profilesDone = Date.now();
	const coordinator: Session = await session( COORDINATOR );
	const store = new Store( coordinator.client );
	await createPage( store, configTitle( PROGRAM ), CONFIG, programConfig( COORDINATOR, { name: 'Performance fixture: 500 members' } ),
		'Integration test: the 500-member program' );
	let rosterAdded = 0;
	const now = isoSeconds( Date.now() );
	await store.update( rosterTitle( PROGRAM ), ROSTER, ( r ) => {
		rosterAdded = 0;
		for ( const name of MENTORS ) {
			if ( !r.members[ name ] ) {
				rosterJoin( r, name, 'mentor', now );
				rosterAdded++;
			}
		}
		MENTEES.forEach( ( name, i ) => {
			if ( !r.members[ name ] ) {
				rosterJoin( r, name, 'mentee', now );
				rosterSetMentor( r, name, mentorOfIndex( i ) );
				rosterAdded++;
			}
		} );
		return r;
	}, { summary: 'Integration test: the 500-member roster' } );
	const done = Date.now();
	return {
		ms: done - started,
		steps: { accounts: accountsDone - started, profiles: profilesDone - accountsDone, program: done - profilesDone },
		accountsCreated: missingAccounts.length, profilesWritten: needProfile.length, rosterAdded,
	};
}

describe( 'data layer: performance of loading a large program', () => {
	let fixture: FixtureReport;

	beforeAll( async () => {
		fixture = await ensureFixture();
		console.log( `[500 fixture] ready in ${ ( fixture.ms / 1000 ).toFixed( 1 ) } s: ${ fixture.accountsCreated } accounts created, ` +
			`${ fixture.profilesWritten } profiles written, ${ fixture.rosterAdded } roster entries added ` +
			`(accounts ${ fixture.steps.accounts } ms, profiles ${ fixture.steps.profiles } ms, config and roster ${ fixture.steps.program } ms)` );
		// The check of a kept fixture takes seconds: keep the figures of the last build apart.
		writeFigures( fixture.accountsCreated || fixture.profilesWritten || fixture.rosterAdded ? 'fixture500-built' : 'fixture500-checked', fixture );
	}, 1800000 );

	it( 'loads a program of 500 members with profiles, edit counts and blocks in at most 25 requests (13 with the config\'s trust chain; time reported)', async () => {
		const coordinator = await session( COORDINATOR );
		const runs: { requests: number; ms: number }[] = [];
		let loaded: Awaited<ReturnType<typeof loadProgram>> | undefined;
		for ( let run = 0; run < 3; run++ ) {
			const client = coordinator.client;
			client.requestCount = 0;
			const started = performance.now();
			loaded = await loadProgram( client, PROGRAM, { users: true } );
			runs.push( { requests: client.requestCount, ms: Math.round( performance.now() - started ) } );
		}
		console.log( `[500 load] requests ${ runs.map( ( r ) => r.requests ).join( ', ' ) }; ` +
			`duration ${ runs.map( ( r ) => r.ms + ' ms' ).join( ', ' ) } (3 runs, logged-in coordinator)` );
		writeFigures( 'load500', runs );

		for ( const r of runs ) {
			expect( r.requests ).toBeLessThanOrEqual( 25 );
		}
		const { state, users, errors } = loaded!;
		expect( errors ).toEqual( {} );
		expect( Object.keys( state.members ).sort() ).toEqual( MEMBERS.slice().sort() );
		expect( MEMBERS.filter( ( n ) => !state.profiles[ n ] ) ).toEqual( [] );
		expect( confirmedMembers( state ) ).toHaveLength( 500 );
		expect( Object.values( menteesByMentor( state ) ).reduce( ( sum, list ) => sum + list.length, 0 ) ).toBe( 450 );
		// Every member's account: an edit count and no block.
		expect( MEMBERS.filter( ( n ) => !users[ n ] || !users[ n ]!.exists ) ).toEqual( [] );
		expect( MEMBERS.filter( ( n ) => typeof users[ n ]!.editcount !== 'number' ) ).toEqual( [] );
		expect( MEMBERS.filter( ( n ) => users[ n ]!.block ) ).toEqual( [] );
	} );

	it( 'opens the program page of a mentee in the 500-member program in at most 10 requests (one page of mentors; time reported)', async () => {
		const mentee = MENTEES[ 0 ] as string;
		const client = anonClient();
		const runs: { requests: number; ms: number }[] = [];
		for ( let run = 0; run < 3; run++ ) {
			client.requestCount = 0;
			const started = performance.now();
			const view = await loadProgramView( client, PROGRAM, mentee, Date.now() );
			runs.push( { requests: client.requestCount, ms: Math.round( performance.now() - started ) } );
			expect( view.viewer.mentor ).toBe( mentorOfIndex( 0 ) );
			expect( view.mentorsShown ).toBe( MENTOR_PAGE );
			expect( view.mentorsListed ).toBe( MENTORS.length );
		}
		console.log( `[500 program page] requests ${ runs.map( ( r ) => r.requests ).join( ', ' ) }; ` +
			`duration ${ runs.map( ( r ) => r.ms + ' ms' ).join( ', ' ) } (3 runs, a mentee's view: ${ MENTOR_PAGE } mentors of ${ MENTORS.length })` );
		writeFigures( 'page500', runs );
		for ( const r of runs ) {
			expect( r.requests ).toBeLessThanOrEqual( 10 );
		}
	} );
} );
