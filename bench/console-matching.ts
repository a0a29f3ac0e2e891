/**
 * Matching a cohort as the console runs it, from a loaded program to the scored pairs the
 * coordinator sees: the program's state (roster and profiles), cohortContext (mentees
 * without a mentor, mentors with the roster's loads and last edits), proposeCohort (the
 * optimum and greedy on the same cohort) and scorePlan (each pair's fit and reasons).
 * Pure code, bundled by bench/console.ts to run in Chromium too.
 */

import { cohortContext, gainPercent, proposeCohort, scorePlan } from '../src/core/cohort';
import { Membership, Profile, RosterMember } from '../src/core/format';
import { ProgramState } from '../src/core/program';
import { randomCohort } from '../tests/support/cohorts';

export interface MatchingFigures {
	mentees: number;
	mentors: number;
	/** Free places of the mentors who can take a mentee. */
	places: number;
	/** Milliseconds from the loaded program to the scored pairs (median of the runs). */
	ms: number;
	/** Of which: the proposal (compiling the cohort, the exact solver and greedy). */
	proposeMs: number;
	matched: number;
	total: number;
	greedy: { matched: number; total: number };
	gainPercent: number | null;
	runs: number;
}

const P = 'bench';

/** A loaded program holding a seeded random cohort (tests/support/cohorts.ts): mentors with their mentees so far, mentees without. */
export function programOf( seed: number, menteeCount: number, mentorCount: number ): { state: ProgramState; lastEdits: Record<string, string>; today: string } {
	const cohort = randomCohort( seed, menteeCount, mentorCount );
	const members: Record<string, RosterMember> = {};
	const profiles: Record<string, Profile | null> = {};
	const lastEdits: Record<string, string> = {};
	const put = ( name: string, m: Membership, entry: RosterMember ): void => {
		members[ name ] = entry;
		profiles[ name ] = { version: 1, programs: { [ P ]: m } };
	};
	for ( const mentor of cohort.mentors ) {
		put( mentor.name, mentor.membership, { role: 'mentor', joined: mentor.membership.joined } );
		if ( mentor.lastEdit ) {
			lastEdits[ mentor.name ] = mentor.lastEdit;
		}
		// The mentees they have already (the roster's pairings give their load).
		for ( let k = 0; k < mentor.load; k++ ) {
			const name = mentor.name + ' mentee ' + k;
			put( name, { role: 'mentee', joined: mentor.membership.joined, topics: [], languages: [] }, { role: 'mentee', joined: mentor.membership.joined, mentor: mentor.name } );
		}
	}
	for ( const mentee of cohort.mentees ) {
		put( mentee.name, mentee.membership, { role: 'mentee', joined: mentee.membership.joined } );
	}
	return {
		state: { id: P, config: { version: 1, name: 'Bench', description: '', coordinators: [ 'C' ], topics: [], languages: [] }, members: members, profiles: profiles },
		lastEdits: lastEdits,
		today: cohort.today,
	};
}

function now(): number {
	return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Runs the console's matching on a seeded cohort `runs` times; the median time. */
export function runMatching( menteeCount: number, mentorCount: number, seed = 2026, runs = 5 ): MatchingFigures {
	const program = programOf( seed, menteeCount, mentorCount );
	const times: number[] = [];
	const proposeTimes: number[] = [];
	let figures: MatchingFigures | null = null;
	for ( let r = 0; r < runs; r++ ) {
		const start = now();
		const context = cohortContext( program.state, program.today, program.lastEdits );
		const t0 = now();
		const proposal = proposeCohort( context );
		const t1 = now();
		const scored = scorePlan( context, proposal.plan );
		times.push( now() - start );
		proposeTimes.push( t1 - t0 );
		if ( scored.total !== proposal.total ) {
			throw new Error( 'The scored plan (' + scored.total + ') differs from the proposal (' + proposal.total + ')' );
		}
		let places = 0;
		for ( const m of context.mentors ) {
			const capacity = m.membership.capacity === undefined ? 3 : m.membership.capacity;
			const free = capacity - m.load;
			const away = m.membership.status === 'leaving' || ( m.membership.status === 'away' && !( m.membership.awayUntil && m.membership.awayUntil < program.today ) );
			places += away || free < 0 ? 0 : free;
		}
		figures = {
			mentees: context.mentees.length,
			mentors: context.mentors.length,
			places: places,
			ms: 0,
			proposeMs: 0,
			matched: scored.pairs.length,
			total: proposal.total,
			greedy: proposal.greedy,
			gainPercent: gainPercent( proposal.total, proposal.greedy.total ),
			runs: runs,
		};
	}
	const median = ( values: number[] ): number => values.slice().sort( ( a, b ) => a - b )[ Math.floor( values.length / 2 ) ] as number;
	const out = figures as MatchingFigures;
	out.ms = Math.round( median( times ) * 10 ) / 10;
	out.proposeMs = Math.round( median( proposeTimes ) * 10 ) / 10;
	return out;
}
