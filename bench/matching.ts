/**
 * Matching benchmark: time and total fit of the exact assignment against the greedy
 * baseline on seeded random cohorts of realistic shape (tests/support/cohorts.ts), and
 * the exact solver checked against brute force where brute force can reach.
 *
 *   npx tsx bench/matching.ts        prints a table
 *   benchMatching()                  returns the figures (for bench/results.json)
 */

import { pathToFileURL } from 'node:url';
import { assignmentOf, compileCohort, solveGreedy } from '../src/core/matching';
import { solveExact } from '../src/core/min-cost-flow';
import { solveBrute } from '../tests/support/matching-brute';
import { randomCohort, seeded } from '../tests/support/cohorts';

export interface SolverFigures {
	/** Milliseconds: compiling the cohort, solving and building the result (median of the runs). */
	ms: number;
	matched: number;
	total: number;
}

export interface MatchingBenchRow {
	size: string;
	mentees: number;
	mentors: number;
	/** Free places of eligible mentors. */
	places: number;
	optimal: SolverFigures;
	greedy: SolverFigures;
	/** How much more total fit the optimum has than greedy, in percent. */
	gainPercent: number;
}

export interface MatchingBench {
	node: string;
	rows: MatchingBenchRow[];
	/** Small cohorts where brute force also found the optimum: how many agreed. */
	exactness: { instances: number; agree: number; maxMentees: number; maxMentors: number };
}

export const SIZES: [ number, number ][] = [ [ 100, 20 ], [ 1000, 100 ], [ 2000, 200 ], [ 10000, 1000 ] ];

function median( values: number[] ): number {
	const sorted = values.slice().sort( ( a, b ) => a - b );
	return sorted[ Math.floor( sorted.length / 2 ) ]!;
}

function measure( instance: ReturnType<typeof randomCohort>, solve: typeof solveExact, runs: number ): SolverFigures {
	const times: number[] = [];
	let result = { pairs: [] as unknown[], total: 0 };
	for ( let r = 0; r < runs; r++ ) {
		const start = performance.now();
		const cohort = compileCohort( instance.mentees, instance.mentors, instance.today );
		result = assignmentOf( cohort, solve( cohort ) );
		times.push( performance.now() - start );
	}
	return { ms: Math.round( median( times ) * 10 ) / 10, matched: result.pairs.length, total: result.total };
}

export function benchMatching( sizes: [ number, number ][] = SIZES, exactInstances = 300 ): MatchingBench {
	const rows: MatchingBenchRow[] = [];
	for ( const [ n, m ] of sizes ) {
		const instance = randomCohort( n * 7919 + m, n, m );
		const cohort = compileCohort( instance.mentees, instance.mentors, instance.today );
		const runs = n * m <= 200000 ? 5 : n * m <= 1000000 ? 3 : 1;
		const optimal = measure( instance, solveExact, runs );
		const greedy = measure( instance, solveGreedy, runs );
		rows.push( {
			size: n + 'x' + m,
			mentees: n,
			mentors: m,
			places: cohort.places.reduce( ( sum, row ) => sum + row.length, 0 ),
			optimal: optimal,
			greedy: greedy,
			gainPercent: greedy.total ? Math.round( 1000 * ( optimal.total - greedy.total ) / greedy.total ) / 10 : 0,
		} );
	}
	let agree = 0;
	const maxMentees = 8;
	const maxMentors = 4;
	const random = seeded( 2026 );
	for ( let seed = 1; seed <= exactInstances; seed++ ) {
		const n = 1 + Math.floor( random() * maxMentees );
		const m = 1 + Math.floor( random() * maxMentors );
		const instance = randomCohort( seed, n, m, { topics: 3 + ( seed % 6 ), maxCapacity: 1 + ( seed % 3 ) } );
		const cohort = compileCohort( instance.mentees, instance.mentors, instance.today );
		const exact = assignmentOf( cohort, solveExact( cohort ) );
		const brute = solveBrute( cohort );
		if ( exact.pairs.length === brute.matched && exact.total === brute.total ) {
			agree++;
		}
	}
	return {
		node: process.version,
		rows: rows,
		exactness: { instances: exactInstances, agree: agree, maxMentees: maxMentees, maxMentors: maxMentors },
	};
}

if ( process.argv[ 1 ] && import.meta.url === pathToFileURL( process.argv[ 1 ] ).href ) {
	const result = benchMatching();
	console.log( 'size           places  optimal: ms   matched  total   greedy: ms  matched  total   gain' );
	for ( const r of result.rows ) {
		console.log( [
			r.size.padEnd( 14 ), String( r.places ).padStart( 6 ),
			String( r.optimal.ms ).padStart( 13 ), String( r.optimal.matched ).padStart( 9 ), String( r.optimal.total ).padStart( 7 ),
			String( r.greedy.ms ).padStart( 12 ), String( r.greedy.matched ).padStart( 8 ), String( r.greedy.total ).padStart( 7 ),
			( r.gainPercent + '%' ).padStart( 7 ),
		].join( ' ' ) );
	}
	const e = result.exactness;
	console.log( `exact optimum = brute force on ${ e.agree } of ${ e.instances } cohorts (up to ${ e.maxMentees } mentees x ${ e.maxMentors } mentors) [node ${ result.node }]` );
}
