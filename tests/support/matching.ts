/**
 * Whole-cohort assignments for tests and the bench (the gadget computes them in
 * src/core/cohort.ts, with its explanations): the optimum and the greedy baseline.
 */

import { Assignment, assignmentOf, CohortOptions, compileCohort, MenteeCandidate, MentorCandidate, solveGreedy } from '../../src/core/matching';
import { solveExact } from '../../src/core/min-cost-flow';

/**
 * Matches every given mentee (normally unmatchedMentees()) with the given mentors
 * (mentorCandidates()), respecting each mentor's free places: the most mentees
 * possible, and among those assignments the largest total fit (see solveExact). When
 * places are scarce, the mentees who fit best get them. Between equal candidates the
 * search meets earlier sign-ups first, which favours them, but that is no promise.
 */
export function assignCohort( mentees: MenteeCandidate[], mentors: MentorCandidate[], today: string, options: CohortOptions = {} ): Assignment {
	const cohort = compileCohort( mentees, mentors, today, options );
	return assignmentOf( cohort, solveExact( cohort ) );
}

/** The greedy baseline (see solveGreedy), for comparisons and benchmarks. */
export function greedyAssignment( mentees: MenteeCandidate[], mentors: MentorCandidate[], today: string, options: CohortOptions = {} ): Assignment {
	const cohort = compileCohort( mentees, mentors, today, options );
	return assignmentOf( cohort, solveGreedy( cohort ) );
}
