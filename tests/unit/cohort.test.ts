import { describe, expect, it } from 'vitest';
import {
	choicesFor, cohortContext, editInterval, gainPercent, proposeCohort, RosterAssignment, rosterAssign, scorePlan,
} from '../../src/core/cohort';
import { Membership, Profile, ProgramConfig, Roster, RosterMember } from '../../src/core/format';
import { mentorCandidates } from '../../src/core/matching';
import { assignCohort, greedyAssignment } from '../support/matching';
import { ProgramState } from '../../src/core/program';
import { confirmedLoads } from '../../src/core/roster';
import { randomCohort, seeded } from '../support/cohorts';

const P = 'cohort-2026';
const TODAY = '2026-03-01';

interface Spec {
	name: string;
	role: 'mentor' | 'mentee';
	topics?: string[];
	languages?: string[];
	capacity?: number;
	mentor?: string;
	status?: Membership[ 'status' ];
	joined?: string;
}

function state( specs: Spec[], config: Partial<ProgramConfig> = {} ): ProgramState {
	const members: Record<string, RosterMember> = {};
	const profiles: Record<string, Profile | null> = {};
	specs.forEach( ( s, i ) => {
		const joined = s.joined || '2026-02-01T10:' + String( i ).padStart( 2, '0' ) + ':00Z';
		members[ s.name ] = s.mentor ? { role: s.role, joined: joined, mentor: s.mentor } : { role: s.role, joined: joined };
		const m: Membership = { role: s.role, joined: joined, topics: s.topics || [], languages: s.languages || [ 'en' ] };
		if ( s.mentor ) {
			m.mentor = s.mentor;
		}
		if ( s.role === 'mentor' ) {
			m.capacity = s.capacity === undefined ? 3 : s.capacity;
			m.status = s.status || 'active';
		}
		profiles[ s.name ] = { version: 1, programs: { [ P ]: m } };
	} );
	return {
		id: P,
		config: { version: 1, name: 'Cohort', description: '', coordinators: [ 'Carol' ], topics: [], languages: [ 'en' ], ...config },
		members: members,
		profiles: profiles,
	};
}

const COHORT: Spec[] = [
	{ name: 'Mara', role: 'mentor', topics: [ 'History', 'Art' ], capacity: 2 },
	{ name: 'Noor', role: 'mentor', topics: [ 'Science' ], languages: [ 'ar', 'en' ], capacity: 2 },
	{ name: 'Olu', role: 'mentor', topics: [ 'Music' ], languages: [ 'fr' ], capacity: 1 },
	{ name: 'Away', role: 'mentor', topics: [ 'History' ], status: 'away' },
	{ name: 'Ann', role: 'mentee', topics: [ 'History' ] },
	{ name: 'Ben', role: 'mentee', topics: [ 'Art', 'History' ] },
	{ name: 'Cas', role: 'mentee', topics: [ 'Science' ], languages: [ 'ar' ] },
	{ name: 'Dee', role: 'mentee', topics: [ 'Music' ], languages: [ 'fr' ] },
	{ name: 'Eli', role: 'mentee', topics: [ 'Science' ] },
	{ name: 'Fay', role: 'mentee', topics: [ 'History' ] },
	{ name: 'Gus', role: 'mentee', topics: [ 'Cooking' ], languages: [ 'de' ] },
	{ name: 'Hal', role: 'mentee', topics: [ 'History' ], mentor: 'Mara' },
];

describe( 'matching the cohort in the console', () => {
	it( 'matches every mentee without a mentor, within every mentor\'s free places, with the panel\'s score', () => {
		const program = state( COHORT );
		const context = cohortContext( program, TODAY );
		// Hal is paired already: not in the cohort, and Mara has one place left.
		expect( context.mentees.map( ( m ) => m.name ) ).toEqual( [ 'Ann', 'Ben', 'Cas', 'Dee', 'Eli', 'Fay', 'Gus' ] );
		expect( context.mentors.find( ( m ) => m.name === 'Mara' )!.load ).toBe( 1 );
		const proposal = proposeCohort( context );
		const assigned = proposal.plan.filter( ( p ) => p.mentor );
		const count: Record<string, number> = {};
		for ( const p of assigned ) {
			count[ p.mentor! ] = ( count[ p.mentor! ] || 0 ) + 1;
		}
		expect( count ).toEqual( { Mara: 1, Noor: 2, Olu: 1 } );
		expect( count.Away ).toBeUndefined();
		// The same optimum and the same greedy as the matching module's.
		const expected = assignCohort( context.mentees, context.mentors, TODAY );
		expect( proposal.total ).toBe( expected.total );
		expect( proposal.greedy.total ).toBe( greedyAssignment( context.mentees, context.mentors, TODAY ).total );
		expect( proposal.total ).toBeGreaterThanOrEqual( proposal.greedy.total );
		// Gus shares nothing with anyone; the others lost to better fits.
		expect( proposal.unmatched ).toContainEqual( { mentee: 'Gus', reason: 'no-fit' } );
		expect( proposal.unmatched.filter( ( u ) => u.reason === 'no-room' ).length ).toBe( 7 - 1 - assigned.length );
	} );

	it( 'scores a plan as the assignment does: the proposal\'s total, each score the sum of its reasons', () => {
		const context = cohortContext( state( COHORT ), TODAY );
		const proposal = proposeCohort( context );
		const scored = scorePlan( context, proposal.plan );
		expect( scored.total ).toBe( proposal.total );
		expect( scored.over ).toEqual( [] );
		expect( scored.without.sort() ).toEqual( proposal.unmatched.map( ( u ) => u.mentee ).sort() );
		for ( const pair of scored.pairs ) {
			expect( pair.fit.score ).toBe( pair.fit.reasons.reduce( ( sum, r ) => sum + ( r.points || 0 ), 0 ) );
			expect( pair.fit.eligible ).toBe( true );
		}
	} );

	it( 'agrees with the optimum on random cohorts, never exceeding a capacity', () => {
		const random = seeded( 77 );
		for ( let seed = 1; seed <= 40; seed++ ) {
			const instance = randomCohort( seed, 5 + Math.floor( random() * 40 ), 1 + Math.floor( random() * 8 ) );
			const context = {
				today: instance.today, weights: { topics: 2, languages: 3, load: 1, activity: 1 },
				mentees: instance.mentees, mentors: instance.mentors, before: {},
			};
			const proposal = proposeCohort( context );
			const scored = scorePlan( context, proposal.plan );
			expect( scored.total ).toBe( proposal.total );
			expect( scored.over ).toEqual( [] );
			expect( proposal.total ).toBeGreaterThanOrEqual( proposal.greedy.total );
		}
	} );

	it( 'flags a change that gives a mentor more mentees than free places, or an unavailable mentor', () => {
		const context = cohortContext( state( COHORT ), TODAY );
		const plan = proposeCohort( context ).plan.map( ( p ) => ( { mentee: p.mentee, mentor: p.mentee === 'Gus' || p.mentee === 'Fay' ? 'Olu' : p.mentor } ) );
		const scored = scorePlan( context, plan );
		expect( scored.over ).toContainEqual( { mentor: 'Olu', given: plan.filter( ( p ) => p.mentor === 'Olu' ).length, free: 1 } );
		const beyond = scored.pairs.filter( ( p ) => p.mentor === 'Olu' && !p.fit.eligible );
		expect( beyond.length ).toBe( plan.filter( ( p ) => p.mentor === 'Olu' ).length - 1 );
		expect( beyond[ 0 ]!.fit.reasons[ 0 ]!.key ).toBe( 'mentorship-reason-full' );
		const away = scorePlan( context, [ { mentee: 'Ann', mentor: 'Away' } ] );
		expect( away.over ).toEqual( [ { mentor: 'Away', given: 1, free: 0 } ] );
		expect( away.pairs[ 0 ]!.fit.reasons[ 0 ]!.key ).toBe( 'mentorship-reason-away-undated' );
		// Someone outside the cohort or an unknown mentor leaves the mentee without one.
		expect( scorePlan( context, [ { mentee: 'Ann', mentor: 'Nobody' } ] ).without ).toEqual( [ 'Ann' ] );
	} );

	it( 'offers, for one mentee, the mentors who can take them, best first', () => {
		const context = cohortContext( state( COHORT ), TODAY );
		const choices = choicesFor( context, 'Cas' );
		expect( choices[ 0 ]!.mentor ).toBe( 'Noor' );
		expect( choices.map( ( c ) => c.mentor ) ).not.toContain( 'Away' );
		expect( choices.every( ( c ) => c.eligible ) ).toBe( true );
		expect( choicesFor( context, 'Hal' ) ).toEqual( [] );
	} );

	it( 'uses the confirmed loads, like the panel, and the mentors\' last edits', () => {
		const program = state( COHORT );
		const context = cohortContext( program, TODAY, { Noor: '2026-02-28T00:00:00Z' } );
		expect( context.mentors ).toEqual( mentorCandidates( program, { loads: confirmedLoads( program ), lastEdits: { Noor: '2026-02-28T00:00:00Z' } } ) );
		expect( context.before ).toEqual( { Ann: undefined, Ben: undefined, Cas: undefined, Dee: undefined, Eli: undefined, Fay: undefined, Gus: undefined } );
	} );

	it( 'says how much more the optimum fits than greedy', () => {
		expect( gainPercent( 110, 100 ) ).toBe( 10 );
		expect( gainPercent( 1234, 1200 ) ).toBe( 2.8 );
		expect( gainPercent( 5, 0 ) ).toBeNull();
	} );
} );

describe( 'applying pairs to the roster', () => {
	function roster(): Roster {
		return {
			version: 1,
			members: {
				Ann: { role: 'mentee', joined: 'T' },
				Ben: { role: 'mentee', joined: 'T', mentor: 'Gone' },
				Cas: { role: 'mentee', joined: 'T', mentor: 'Olu' },
				Dee: { role: 'mentee', joined: 'T', left: 'T2' },
				Mara: { role: 'mentor', joined: 'T' },
			},
		};
	}

	it( 'proposes each mentor, once (idempotent), without pairing anyone, and skips entries that changed since the plan', () => {
		const pairs: RosterAssignment[] = [
			{ mentee: 'Ann', mentor: 'Mara' },
			{ mentee: 'Ben', mentor: 'Mara', before: 'Gone' },
			// Cas chose Olu after the plan was made: kept.
			{ mentee: 'Cas', mentor: 'Mara' },
			// Dee left; Zed is not in the roster; Mara is no mentee.
			{ mentee: 'Dee', mentor: 'Mara' },
			{ mentee: 'Zed', mentor: 'Mara' },
			{ mentee: 'Mara', mentor: 'Mara' },
		];
		const skipped: string[] = [];
		const r = rosterAssign( roster(), pairs, skipped, 'Carol', 'T3' );
		// A proposal: the index of choices is untouched until the mentee accepts.
		expect( r.members.Ann!.mentor ).toBeUndefined();
		expect( r.members.Ann!.proposal ).toEqual( { mentor: 'Mara', by: 'Carol', time: 'T3' } );
		expect( r.members.Ben!.mentor ).toBe( 'Gone' );
		expect( r.members.Ben!.proposal ).toEqual( { mentor: 'Mara', by: 'Carol', time: 'T3' } );
		expect( r.members.Cas!.mentor ).toBe( 'Olu' );
		expect( r.members.Cas!.proposal ).toBeUndefined();
		expect( r.members.Dee!.proposal ).toBeUndefined();
		expect( skipped ).toEqual( [ 'Cas', 'Dee', 'Zed', 'Mara' ] );
		const again: string[] = [];
		const twice = rosterAssign( JSON.parse( JSON.stringify( r ) ), pairs.slice( 0, 2 ), again, 'Carol', 'T4' );
		expect( twice ).toEqual( r );
		expect( again ).toEqual( [] );
	} );
} );

describe( 'pacing posts by the edit limit', () => {
	it( 'leaves the period divided by the hits between two posts', () => {
		expect( editInterval( { hits: 90, seconds: 60 } ) ).toBe( 667 );
		expect( editInterval( { hits: 8, seconds: 60 } ) ).toBe( 7500 );
		expect( editInterval( undefined ) ).toBe( 0 );
		expect( editInterval( { hits: 0, seconds: 60 } ) ).toBe( 0 );
	} );
} );
