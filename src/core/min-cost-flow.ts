/**
 * The exact cohort solver (a min-cost max-flow over the compiled cohort of
 * src/core/matching.ts): integers in, one mentor index per mentee out (-1: unmatched).
 */

import { Cohort } from './matching';

/**
 * The optimum: as many mentees matched as the places and the allowed pairs permit, and
 * among those assignments, the largest total score.
 *
 * A min-cost max-flow, source -> mentee -> mentor -> sink, solved by successive shortest
 * paths with potentials (each augmentation is a Dijkstra on non-negative reduced costs).
 * Why this one: it is exact on integer points with no epsilon to tune, its result is a
 * plain function of the input order (deterministic), and it suits the shape of the data:
 * many mentees, few mentors. (An auction with epsilon-scaling is exact on integers too,
 * but with more mentees than places it needs a reverse phase to stay optimal, and the
 * Hungarian method over places is O(places^2 x mentees).) Three things keep it fast:
 *
 * - Dijkstra runs over the m mentors only. A mentee has one way in (from the source when
 *   unmatched, from its mentor when matched), so a path mentor j -> mentee i -> mentor j'
 *   is one edge of cost c(i,j') - c(i,j) scanned from j's new mentees, and the source's
 *   edge to j' is its cheapest unmatched mentee: each mentor keeps its allowed mentees
 *   sorted by cost (once, by counting sort) and a pointer that only moves forward, as a
 *   matched mentee never becomes unmatched in this algorithm.
 * - Costs are made non-negative by a per-unit shift: an edge mentee -> mentor costs
 *   maxFit - fit, the k-th place of a mentor maxPlace - places[k]. Every unit of flow
 *   crosses exactly one edge of each kind, so the shift changes no comparison between
 *   flows of equal size, and all potentials can start at 0.
 * - The load points are per place and never grow, so a mentor's place edges have
 *   non-decreasing costs (a convex cost): the next free place is the only one a
 *   shortest path can use, and taking places in order is always optimal.
 *
 * Dijkstra stops as soon as the best path to the sink found so far is no longer than
 * every unsettled mentor's distance; unsettled mentors then take the sink's distance
 * in the potential update, which keeps all reduced costs non-negative. The flow stops
 * when no augmenting path remains, so the number of matched mentees is maximal, and each
 * successive shortest path keeps the flow of minimum cost for its size: with the shift,
 * that is the largest total score for that number of pairs.
 * Time: at most one augmentation per matched mentee, each O(m^2) to pick mentors plus
 * O(m) per new mentee of each mentor it settles (bench/matching.ts: 2,000 x 200 in well
 * under 100 ms, 10,000 x 1,000 in a few seconds).
 */
export function solveExact( cohort: Cohort ): Int32Array {
	const n = cohort.mentees.length;
	const m = cohort.mentors.length;
	const fit = cohort.fit;
	const places = cohort.places;
	const choice = new Int32Array( n );
	for ( let i = 0; i < n; i++ ) {
		choice[ i ] = -1;
	}
	let maxFit = 0;
	for ( let q = 0; q < fit.length; q++ ) {
		maxFit = Math.max( maxFit, fit[ q ] as number );
	}
	let maxPlace = 0;
	for ( const row of places ) {
		for ( const b of row ) {
			maxPlace = Math.max( maxPlace, b );
		}
	}

	// Each mentor's allowed mentees by fit, descending, then index: a counting sort of all
	// pairs at once, reading the table row by row (column reads are slow in memory), over
	// the ranks of the fit values (a few hundred at most: topic counts x language x activity).
	const rank = new Int32Array( maxFit + 1 );
	for ( let q = 0; q < fit.length; q++ ) {
		const f = fit[ q ] as number;
		if ( f >= 0 ) {
			rank[ f ] = 1;
		}
	}
	let span = 0;
	for ( let f = maxFit; f >= 0; f-- ) {
		if ( rank[ f ] ) {
			rank[ f ] = span++;
		}
	}
	span++;
	const bucket = new Int32Array( m * span );
	for ( let q = 0; q < fit.length; q++ ) {
		const f = fit[ q ] as number;
		if ( f >= 0 ) {
			const at = ( q % m ) * span + ( rank[ f ] as number ) + 1;
			bucket[ at ] = ( bucket[ at ] as number ) + 1;
		}
	}
	const start = new Int32Array( m + 1 );
	let total = 0;
	for ( let j = 0; j < m; j++ ) {
		start[ j ] = total;
		for ( let c = j * span; c < ( j + 1 ) * span; c++ ) {
			total += bucket[ c ] as number;
			bucket[ c ] = total;
		}
	}
	start[ m ] = total;
	// Now bucket[ j * span + rank ] is where mentor j's next mentee of that rank goes.
	const order = new Int32Array( total );
	for ( let i = 0, q = 0; i < n; i++ ) {
		for ( let j = 0; j < m; j++, q++ ) {
			const f = fit[ q ] as number;
			if ( f >= 0 ) {
				const at = j * span + ( rank[ f ] as number );
				const to = bucket[ at ] as number;
				order[ to ] = i;
				bucket[ at ] = to + 1;
			}
		}
	}

	// next: each mentor's first unmatched mentee in `order`; fromSource: its cost.
	const next = new Int32Array( m );
	const fromSource = new Float64Array( m );
	for ( let j = 0; j < m; j++ ) {
		const q = start[ j ] as number;
		next[ j ] = q;
		fromSource[ j ] = q < ( start[ j + 1 ] as number ) ? maxFit - ( fit[ ( order[ q ] as number ) * m + j ] as number ) : Infinity;
	}
	const taken = new Int32Array( m );
	const members: number[][] = cohort.mentors.map( () => [] );
	const potential = new Float64Array( m );
	let sinkPotential = 0;
	// reach: a mentor's tentative distance plus its potential, the value the hot loop
	// compares (reduced distance = reach - potential); -Infinity once settled.
	const reach = new Float64Array( m );
	const dist = new Float64Array( m );
	const settled = new Uint8Array( m );
	// toSink: what leads from a mentor's reach to the sink (its next place's reduced cost
	// less its potential), Infinity for a mentor without a free place.
	const toSink = new Float64Array( m );
	const viaMentee = new Int32Array( m );
	const viaMentor = new Int32Array( m );

	for ( ;; ) {
		// The sink is relaxed as soon as a mentor with a free place gets a distance (a real
		// path, so an upper bound): when it is already no longer than every unsettled
		// mentor's distance, the search ends without settling them.
		let sinkDist = Infinity;
		let last = -1;
		// Distances from the source: each mentor's cheapest unmatched mentee.
		for ( let j = 0; j < m; j++ ) {
			const row = places[ j ] as number[];
			const k = taken[ j ] as number;
			toSink[ j ] = k < row.length ? maxPlace - ( row[ k ] as number ) - sinkPotential : Infinity;
			settled[ j ] = 0;
			reach[ j ] = Infinity;
			let q = next[ j ] as number;
			const end = start[ j + 1 ] as number;
			if ( q < end && ( choice[ order[ q ] as number ] as number ) >= 0 ) {
				while ( q < end && ( choice[ order[ q ] as number ] as number ) >= 0 ) {
					q++;
				}
				next[ j ] = q;
				fromSource[ j ] = q < end ? maxFit - ( fit[ ( order[ q ] as number ) * m + j ] as number ) : Infinity;
			}
			if ( q < end ) {
				const i = order[ q ] as number;
				const raw = fromSource[ j ] as number;
				reach[ j ] = raw;
				viaMentee[ j ] = i;
				viaMentor[ j ] = -1;
				if ( raw + ( toSink[ j ] as number ) < sinkDist ) {
					sinkDist = raw + ( toSink[ j ] as number );
					last = j;
				}
			}
		}
		for ( ;; ) {
			let u = -1;
			let du = sinkDist;
			for ( let j = 0; j < m; j++ ) {
				if ( !settled[ j ] && ( reach[ j ] as number ) - ( potential[ j ] as number ) < du ) {
					u = j;
					du = ( reach[ j ] as number ) - ( potential[ j ] as number );
				}
			}
			if ( u < 0 ) {
				break;
			}
			settled[ u ] = 1;
			dist[ u ] = du;
			reach[ u ] = -Infinity;
			// Move one of u's new mentees to another mentor: c(i,v) - c(i,u) = fit(i,u) - fit(i,v).
			const list = members[ u ] as number[];
			for ( let x = 0; x < list.length; x++ ) {
				const i = list[ x ] as number;
				const base = i * m;
				const offset = du + ( potential[ u ] as number ) + ( fit[ base + u ] as number );
				for ( let v = 0; v < m; v++ ) {
					const f = fit[ base + v ] as number;
					if ( f >= 0 && offset - f < ( reach[ v ] as number ) ) {
						const raw = offset - f;
						reach[ v ] = raw;
						viaMentee[ v ] = i;
						viaMentor[ v ] = u;
						if ( raw + ( toSink[ v ] as number ) < sinkDist ) {
							sinkDist = raw + ( toSink[ v ] as number );
							last = v;
						}
					}
				}
			}
		}
		if ( last < 0 ) {
			break;
		}
		// Unsettled mentors are no closer than the sink: they take its distance.
		for ( let j = 0; j < m; j++ ) {
			potential[ j ] = ( potential[ j ] as number ) + ( settled[ j ] ? dist[ j ] as number : sinkDist );
		}
		sinkPotential += sinkDist;
		taken[ last ] = ( taken[ last ] as number ) + 1;
		for ( let v = last; v >= 0; ) {
			const i = viaMentee[ v ] as number;
			const u = viaMentor[ v ] as number;
			if ( u >= 0 ) {
				const from = members[ u ] as number[];
				from.splice( from.indexOf( i ), 1 );
			}
			( members[ v ] as number[] ).push( i );
			choice[ i ] = v;
			v = u;
		}
	}
	return choice;
}
