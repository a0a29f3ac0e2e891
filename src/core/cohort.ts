/**
 * Matching a whole cohort in the coordinator's console: every mentee without a mentor
 * matched at once (solveExact: the optimum, with the panel's score), compared with
 * first-come greedy, each pair with the reasons of its score; the coordinator's changes
 * scored the same way and checked against every mentor's free places; and the roster
 * change that applies the pairs.
 */

import { Membership, Roster } from './format';
import { assignmentOf, compileCohort, Fit, fitScore, MenteeCandidate, mentorCandidates, MentorCandidate, rankMentors, solveGreedy, unmatchedMentees, Weights, weightsOf } from './matching';
import { solveExact } from './min-cost-flow';
import { compareNames } from './names';
import { availability, capacityOf, ProgramState } from './program';
import { confirmedLoads } from './roster';

/** A mentee with the mentor the plan gives them, or null for none. */
export interface PlanPair {
	mentee: string;
	mentor: string | null;
}

/** A scored pair: the fit (reasons and points) of the mentor for the place the mentee takes. */
export interface ScoredPair {
	mentee: string;
	mentor: string;
	fit: Fit;
}

/** Why the optimum left a mentee without a mentor. */
export type UnmatchedReason = 'no-fit' | 'no-room';

export interface CohortContext {
	today: string;
	weights: Weights;
	/** The mentees to match, in the order the solvers see them (sign-up, then name). */
	mentees: MenteeCandidate[];
	/** Every confirmed mentor, with the load the roster gives them (as the panel counts it). */
	mentors: MentorCandidate[];
	/** The mentor each mentee's roster entry names now (not a confirmed pairing), if any. */
	before: Record<string, string | undefined>;
}

export interface Proposal {
	context: CohortContext;
	/** The optimum's choice for each mentee (in context order). */
	plan: PlanPair[];
	unmatched: { mentee: string; reason: UnmatchedReason }[];
	total: number;
	/** The first-come greedy baseline on the same cohort. */
	greedy: { total: number; matched: number };
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * What the console matches: the program's confirmed mentees without a mentor, and its
 * confirmed mentors with their load from the roster (confirmedLoads, as the panel) and
 * their last edit when known.
 */
export function cohortContext( program: ProgramState, today: string, lastEdits: Record<string, string | null | undefined> = {} ): CohortContext {
	const mentees = unmatchedMentees( program ).sort( ( a, b ) => compareNames( a.membership.joined, b.membership.joined ) || compareNames( a.name, b.name ) );
	const before: Record<string, string | undefined> = {};
	for ( const m of mentees ) {
		const entry = program.members[ m.name ];
		before[ m.name ] = entry ? entry.mentor : undefined;
	}
	return {
		today: today,
		weights: weightsOf( program.config ),
		mentees: mentees,
		mentors: mentorCandidates( program, { loads: confirmedLoads( program ), lastEdits: lastEdits } ),
		before: before,
	};
}

/** Matches the cohort: the optimal assignment, and greedy's total on the same cohort for comparison. */
export function proposeCohort( context: CohortContext ): Proposal {
	const cohort = compileCohort( context.mentees, context.mentors, context.today, { weights: context.weights } );
	const optimal = assignmentOf( cohort, solveExact( cohort ) );
	const greedy = assignmentOf( cohort, solveGreedy( cohort ) );
	const chosen: Record<string, string> = {};
	for ( const p of optimal.pairs ) {
		chosen[ '#' + p.mentee ] = p.mentor;
	}
	const m = cohort.mentors.length;
	const unmatched: Proposal[ 'unmatched' ] = [];
	cohort.mentees.forEach( ( name, i ) => {
		if ( chosen[ '#' + name ] === undefined ) {
			let allowed = false;
			for ( let j = 0; j < m && !allowed; j++ ) {
				allowed = ( cohort.fit[ i * m + j ] as number ) >= 0 && ( cohort.places[ j ] as number[] ).length > 0;
			}
			unmatched.push( { mentee: name, reason: allowed ? 'no-room' : 'no-fit' } );
		}
	} );
	return {
		context: context,
		plan: context.mentees.map( ( x ) => ( { mentee: x.name, mentor: hasOwn.call( chosen, '#' + x.name ) ? chosen[ '#' + x.name ] as string : null } ) ),
		unmatched: unmatched,
		total: optimal.total,
		greedy: { total: greedy.total, matched: greedy.pairs.length },
	};
}

export interface ScoredPlan {
	pairs: ScoredPair[];
	total: number;
	/** Mentors given more mentees than they have free places (or who cannot take any now). */
	over: { mentor: string; given: number; free: number }[];
	/** Mentees the plan leaves without a mentor. */
	without: string[];
}

/**
 * Scores a plan as the solvers do: mentees in context order, each mentor's k-th new mentee
 * taking the k-th free place (so the load points, and the total, are those of the
 * assignment). A pair beyond a mentor's free places is scored as the mentor being full
 * and listed in `over`.
 */
export function scorePlan( context: CohortContext, plan: PlanPair[] ): ScoredPlan {
	const mentors: Record<string, MentorCandidate> = {};
	for ( const m of context.mentors ) {
		mentors[ '#' + m.name ] = m;
	}
	const memberships: Record<string, Membership> = {};
	for ( const x of context.mentees ) {
		memberships[ '#' + x.name ] = x.membership;
	}
	const order: Record<string, number> = {};
	context.mentees.forEach( ( x, i ) => {
		order[ '#' + x.name ] = i;
	} );
	const sorted = plan.slice().sort( ( a, b ) => ( order[ '#' + a.mentee ] === undefined ? 1e9 : order[ '#' + a.mentee ] as number ) -
		( order[ '#' + b.mentee ] === undefined ? 1e9 : order[ '#' + b.mentee ] as number ) || compareNames( a.mentee, b.mentee ) );
	const taken: Record<string, number> = {};
	const out: ScoredPlan = { pairs: [], total: 0, over: [], without: [] };
	for ( const p of sorted ) {
		const mentor = p.mentor === null ? undefined : mentors[ '#' + p.mentor ];
		const membership = memberships[ '#' + p.mentee ];
		if ( !mentor || !membership ) {
			out.without.push( p.mentee );
			continue;
		}
		const k = taken[ '#' + mentor.name ] || 0;
		taken[ '#' + mentor.name ] = k + 1;
		const candidate: MentorCandidate = { name: mentor.name, membership: mentor.membership, load: mentor.load + k };
		if ( mentor.lastEdit ) {
			candidate.lastEdit = mentor.lastEdit;
		}
		const fit = fitScore( membership, candidate, context.today, context.weights );
		out.pairs.push( { mentee: p.mentee, mentor: mentor.name, fit: fit } );
		out.total += fit.score;
	}
	for ( const m of context.mentors ) {
		const given = taken[ '#' + m.name ] || 0;
		const free = availability( m.membership, context.today ).state === 'active' ? Math.max( 0, capacityOf( m.membership ) - m.load ) : 0;
		if ( given > free ) {
			out.over.push( { mentor: m.name, given: given, free: free } );
		}
	}
	return out;
}

/** The mentors who can take a mentee now (available, below capacity) and their free places in all. */
export function roomOf( context: CohortContext ): { mentors: number; places: number } {
	let mentors = 0;
	let places = 0;
	for ( const m of context.mentors ) {
		const free = availability( m.membership, context.today ).state === 'active' ? capacityOf( m.membership ) - m.load : 0;
		if ( free > 0 ) {
			mentors++;
			places += free;
		}
	}
	return { mentors: mentors, places: places };
}

/**
 * The mentors a coordinator can choose for one mentee, best fit first: those who can take
 * a mentee now (available, with a free place before this plan), each scored for the
 * mentee's first place with them.
 */
export function choicesFor( context: CohortContext, mentee: string ): Fit[] {
	const x = context.mentees.find( ( m ) => m.name === mentee );
	return x ? rankMentors( x.membership, context.mentors, context.today, { weights: context.weights } ) : [];
}

/** How much more total fit `total` has than `baseline`, in percent (one decimal); null when the baseline is 0. */
export function gainPercent( total: number, baseline: number ): number | null {
	return baseline > 0 ? Math.round( 1000 * ( total - baseline ) / baseline ) / 10 : null;
}

export interface RosterAssignment {
	mentee: string;
	mentor: string;
	/** The mentor the mentee's entry named when the plan was made (undefined: none). */
	before?: string;
}

/**
 * Writes the coordinator's pairs into a roster page as proposals (a change for
 * Store.update, idempotent): a proposal changes nobody's pairing until the mentee accepts
 * it. A pair is proposed only when the mentee's entry is current, a mentee, and still names
 * the mentor it named when the plan was made (someone who chose a mentor in the meantime
 * keeps their choice): those are added to `skipped`.
 */
export function rosterAssign( roster: Roster, pairs: RosterAssignment[], skipped: string[], by: string, time: string ): Roster {
	for ( const p of pairs ) {
		const entry = roster.members[ p.mentee ];
		if ( !entry || entry.left || entry.role !== 'mentee' ) {
			skipped.push( p.mentee );
			continue;
		}
		if ( entry.mentor === p.mentor || ( entry.proposal && entry.proposal.mentor === p.mentor ) ) {
			continue;
		}
		if ( entry.mentor !== p.before ) {
			skipped.push( p.mentee );
			continue;
		}
		entry.proposal = { mentor: p.mentor, by: by, time: time };
	}
	return roster;
}

/**
 * The pause between two posts that keeps within an edit rate limit (`hits` edits per
 * `seconds`), in milliseconds; 0 without a limit.
 */
export function editInterval( limit: { hits: number; seconds: number } | undefined ): number {
	if ( !limit || !( limit.hits > 0 ) || !( limit.seconds > 0 ) ) {
		return 0;
	}
	return Math.ceil( 1000 * limit.seconds / limit.hits );
}
