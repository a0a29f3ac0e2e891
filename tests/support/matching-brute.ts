/**
 * Brute force over every assignment of a tiny cohort, for tests and benchmarks (no gadget
 * imports it). Same objective as solveExact: most mentees matched, then largest total.
 * Exponential: (mentors + 1) ^ mentees choices at most, so keep cohorts below ~10 x 4.
 */

import { Cohort } from '../../src/core/matching';

export interface BruteResult {
	choice: Int32Array;
	matched: number;
	total: number;
}

export function solveBrute( cohort: Cohort ): BruteResult {
	const n = cohort.mentees.length;
	const m = cohort.mentors.length;
	const taken = new Int32Array( m );
	const current = new Int32Array( n );
	const best: BruteResult = { choice: new Int32Array( n ), matched: -1, total: -1 };
	for ( let i = 0; i < n; i++ ) {
		best.choice[ i ] = -1;
	}

	// The load points depend only on how many places a mentor fills, not on who takes them.
	const visit = ( i: number, matched: number, total: number ): void => {
		if ( i === n ) {
			if ( matched > best.matched || ( matched === best.matched && total > best.total ) ) {
				best.matched = matched;
				best.total = total;
				best.choice.set( current );
			}
			return;
		}
		current[ i ] = -1;
		visit( i + 1, matched, total );
		for ( let j = 0; j < m; j++ ) {
			const fit = cohort.fit[ i * m + j ] as number;
			const places = cohort.places[ j ] as number[];
			const k = taken[ j ] as number;
			if ( fit >= 0 && k < places.length ) {
				taken[ j ] = k + 1;
				current[ i ] = j;
				visit( i + 1, matched + 1, total + fit + ( places[ k ] as number ) );
				taken[ j ] = k;
			}
		}
		current[ i ] = -1;
	};
	visit( 0, 0, 0 );
	return best;
}
