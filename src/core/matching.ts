/**
 * Matching mentees with mentors: a transparent fit score with its reasons, the ranking
 * of a program's mentors for one mentee, and the assignment of a whole cohort.
 *
 * The score is a sum of integer points, each part shown as a reason with its points.
 * Each unit of a weight (config.weights, 0 to 100) is worth 10 points:
 *
 * - topics: 10 x `weights.topics` per shared topic (case-insensitive, trimmed);
 * - languages: 10 x `weights.languages` when they share a language (by base code, so a
 *   mentor with es-419 speaks es and the reverse);
 * - load: 10 x `weights.load`, times the share of the mentor's places still free;
 * - activity: 10 x `weights.activity` when the mentor edited in the last 7 days, half in
 *   the last 30 days, none after that (and nothing when their last edit is not known).
 *
 * With the default weights (topics 2, languages 3, load 1, activity 1) a shared topic is
 * worth 20 points, a shared language 30, a mentor with every place free 10, and one who
 * edited this week 10.
 *
 * A mentor who is away (awayUntil not yet passed), leaving, or full is not eligible: a
 * ranking can still list them, marked so, but the cohort assignment never uses them. The
 * assignment also never pairs a mentee with a mentor they share neither a topic nor a
 * language with (unless asked to with `anyFit`), when the mentee gave any: such a pair
 * could hardly talk, and a coordinator is better served by an unmatched mentee in the
 * list than by a pairing nobody would choose. A mentee who gave neither topics nor
 * languages can be paired with any eligible mentor.
 */

import { calendarDays } from './dates';
import { Membership, ProgramConfig } from './format';
import { compareNames } from './names';
import { activeMembership, availability, capacityOf, mentorOf, ProgramState } from './program';
import { confirmedLoads, confirmedMembers, menteesByMentor } from './roster';
import { Reason } from './reason';

/** How much each criterion counts; each unit is worth POINTS_PER_WEIGHT points. */
export interface Weights {
	/** Per shared topic. */
	topics: number;
	/** For a shared language. */
	languages: number;
	/** For a mentor with all places free (scaled by the free share). */
	load: number;
	/** For a mentor who edited this week (half for this month). */
	activity: number;
}

export const DEFAULT_WEIGHTS: Weights = { topics: 2, languages: 3, load: 1, activity: 1 };

/** Points per unit of weight: integer points keep a tenth of a weight unit. */
export const POINTS_PER_WEIGHT = 10;

/** The program's weights, each missing one taken from DEFAULT_WEIGHTS. */
export function weightsOf( config: ProgramConfig ): Weights {
	const w = config.weights || {};
	const pick = ( value: number | undefined, fallback: number ): number => value === undefined ? fallback : value;
	return {
		topics: pick( w.topics, DEFAULT_WEIGHTS.topics ),
		languages: pick( w.languages, DEFAULT_WEIGHTS.languages ),
		load: pick( w.load, DEFAULT_WEIGHTS.load ),
		activity: pick( w.activity, DEFAULT_WEIGHTS.activity ),
	};
}

export interface MentorCandidate {
	name: string;
	membership: Membership;
	/** Mentees the mentor has now (confirmed pairings). */
	load: number;
	/** Time of the mentor's last edit on the wiki, when known. */
	lastEdit?: string | null;
}

export interface MenteeCandidate {
	name: string;
	membership: Membership;
}

export interface Fit {
	mentor: string;
	score: number;
	/** Available, and with a free place. */
	eligible: boolean;
	/** They share a topic or a language, or the mentee gave neither. */
	overlap: boolean;
	load: number;
	capacity: number;
	/** Why, in order: availability, topics, languages, places, activity. */
	reasons: Reason[];
}

// ---- The parts of the score -------------------------------------------------------------

/** The form topics are compared in: trimmed, inner spaces folded, lower case. */
export function topicKey( topic: string ): string {
	return topic.replace( /\s+/g, ' ' ).replace( /^ | $/g, '' ).toLowerCase();
}

/** A list of topics without blanks and repeats, each with its key and its shown form. */
function topicsOf( topics: string[] ): { key: string; shown: string }[] {
	const out: { key: string; shown: string }[] = [];
	const seen: Record<string, true> = {};
	for ( const t of topics ) {
		const key = topicKey( t );
		if ( key !== '' && !seen[ '#' + key ] ) {
			seen[ '#' + key ] = true;
			out.push( { key: key, shown: t.replace( /^\s+|\s+$/g, '' ) } );
		}
	}
	return out;
}

/** The base of a language code: "es" for "es-419". */
export function baseLanguage( code: string ): string {
	return code.split( '-' )[ 0 ] as string;
}

/** Weights within the schema's range: the solvers need points never negative, and bounded. */
function usable( w: Weights ): Weights {
	const clamp = ( x: number ): number => Math.min( 100, Math.max( 0, x ) ) || 0;
	return { topics: clamp( w.topics ), languages: clamp( w.languages ), load: clamp( w.load ), activity: clamp( w.activity ) };
}

function topicPoints( shared: number, w: Weights ): number {
	return Math.round( POINTS_PER_WEIGHT * w.topics * shared );
}

function languagePoints( shared: boolean, w: Weights ): number {
	return shared ? Math.round( POINTS_PER_WEIGHT * w.languages ) : 0;
}

/** Load points of a mentee who would take a place when `free` of `capacity` are free. */
function loadPoints( free: number, capacity: number, w: Weights ): number {
	return capacity > 0 && free > 0 ? Math.round( POINTS_PER_WEIGHT * w.load * free / capacity ) : 0;
}

/** Activity points and reason; days since the last edit, or null when not known. */
function activity( name: string, lastEdit: string | null | undefined, today: string, w: Weights ): Reason | null {
	if ( !lastEdit ) {
		return null;
	}
	const days = Math.max( 0, calendarDays( lastEdit, today ) );
	if ( days <= 7 ) {
		return { key: 'mentorship-reason-active', params: [ name, days ], points: Math.round( POINTS_PER_WEIGHT * w.activity ) };
	}
	if ( days <= 30 ) {
		return { key: 'mentorship-reason-active-month', params: [ name, days ], points: Math.round( POINTS_PER_WEIGHT * w.activity / 2 ) };
	}
	return { key: 'mentorship-reason-inactive', params: [ name, lastEdit.slice( 0, 10 ), days ], points: 0 };
}

function freePlaces( mentor: MentorCandidate ): number {
	return Math.max( 0, capacityOf( mentor.membership ) - mentor.load );
}

/** Why a mentor cannot take a mentee now, or null when they can. */
function unavailable( mentor: MentorCandidate, today: string ): Reason | null {
	const state = availability( mentor.membership, today );
	if ( state.state === 'away' ) {
		return state.until ?
			{ key: 'mentorship-reason-away', params: [ mentor.name, state.until ] } :
			{ key: 'mentorship-reason-away-undated', params: [ mentor.name ] };
	}
	if ( state.state !== 'active' ) {
		return { key: 'mentorship-reason-leaving', params: [ mentor.name ] };
	}
	if ( freePlaces( mentor ) === 0 ) {
		return { key: 'mentorship-reason-full', params: [ mentor.name, mentor.load, capacityOf( mentor.membership ) ] };
	}
	return null;
}

/**
 * How well `mentor` fits a mentee with `mentee`'s topics and languages, today; the score
 * is the sum of the reasons' points.
 */
export function fitScore( mentee: Membership, mentor: MentorCandidate, today: string, given: Weights = DEFAULT_WEIGHTS ): Fit {
	const weights = usable( given );
	const name = mentor.name;
	const capacity = capacityOf( mentor.membership );
	const blocker = unavailable( mentor, today );
	const reasons: Reason[] = blocker ? [ blocker ] : [];

	const mentorTopics: Record<string, true> = {};
	for ( const t of topicsOf( mentor.membership.topics ) ) {
		mentorTopics[ '#' + t.key ] = true;
	}
	const menteeTopics = topicsOf( mentee.topics );
	const shared = menteeTopics.filter( ( t ) => mentorTopics[ '#' + t.key ] ).map( ( t ) => t.shown );
	if ( shared.length ) {
		reasons.push( { key: 'mentorship-reason-topics', params: [ name, shared.length, shared ], points: topicPoints( shared.length, weights ) } );
	}

	const menteeBases = mentee.languages.map( baseLanguage );
	const spoken = mentor.membership.languages.filter( ( code ) => menteeBases.indexOf( baseLanguage( code ) ) !== -1 );
	if ( spoken.length ) {
		reasons.push( { key: 'mentorship-reason-languages', params: [ name, spoken, spoken.length ], points: languagePoints( true, weights ) } );
	}
	const overlap = shared.length > 0 || spoken.length > 0 || ( !menteeTopics.length && !mentee.languages.length );
	if ( !overlap ) {
		reasons.push( { key: 'mentorship-reason-no-overlap', params: [ name ] } );
	} else if ( !spoken.length && mentee.languages.length ) {
		reasons.push( { key: 'mentorship-reason-no-language', params: [ name ] } );
	}

	if ( !blocker ) {
		const free = freePlaces( mentor );
		reasons.push( { key: 'mentorship-reason-places', params: [ name, free, capacity ], points: loadPoints( free, capacity, weights ) } );
	}
	const active = activity( name, mentor.lastEdit, today, weights );
	if ( active ) {
		reasons.push( active );
	}

	let score = 0;
	for ( const r of reasons ) {
		score += r.points || 0;
	}
	return {
		mentor: name,
		score: score,
		eligible: !blocker,
		overlap: overlap,
		load: mentor.load,
		capacity: capacity,
		reasons: reasons,
	};
}

/** Ranking order: eligible first, then higher score, lower load, name by code unit. */
export function compareFits( a: Fit, b: Fit ): number {
	if ( a.eligible !== b.eligible ) {
		return a.eligible ? -1 : 1;
	}
	return b.score - a.score || a.load - b.load || compareNames( a.mentor, b.mentor );
}

/**
 * The mentors for one mentee, best first. Only eligible mentors unless `all` (then the
 * others follow, each with the reason they cannot take the mentee).
 */
export function rankMentors(
	mentee: Membership, mentors: MentorCandidate[], today: string,
	options: { weights?: Weights; all?: boolean } = {},
): Fit[] {
	const fits = mentors.map( ( m ) => fitScore( mentee, m, today, options.weights ) );
	return fits.filter( ( f ) => options.all || f.eligible ).sort( compareFits );
}

// ---- Candidates from a loaded program ---------------------------------------------------

/**
 * The program's confirmed mentors, with their load (confirmed pairings unless `loads` is
 * given) and last edit (from `lastEdits`, when known).
 */
export function mentorCandidates(
	program: ProgramState,
	options: { lastEdits?: Record<string, string | null | undefined>; loads?: Record<string, number> } = {},
): MentorCandidate[] {
	const mentees = options.loads ? null : menteesByMentor( program );
	const out: MentorCandidate[] = [];
	for ( const name of confirmedMembers( program, 'mentor' ) ) {
		const membership = activeMembership( program.profiles[ name ], program.id ) as Membership;
		const load = mentees ? ( mentees[ name ] || [] ).length : ( options.loads as Record<string, number> )[ name ] || 0;
		const candidate: MentorCandidate = { name: name, membership: membership, load: load };
		const last = options.lastEdits && options.lastEdits[ name ];
		if ( last ) {
			candidate.lastEdit = last;
		}
		out.push( candidate );
	}
	return out;
}

/** The program's confirmed mentees who have no mentor (under the pairing rule). */
export function unmatchedMentees( program: ProgramState ): MenteeCandidate[] {
	return confirmedMembers( program, 'mentee' ).filter( ( name ) => !mentorOf( program, name ) ).map( ( name ) => ( {
		name: name,
		membership: activeMembership( program.profiles[ name ], program.id ) as Membership,
	} ) );
}

// ---- A cohort, compiled for the solvers -------------------------------------------------

/**
 * A cohort as the solvers see it: mentees in order of sign-up (then name), mentors by
 * name, and for each allowed pair its points without the load part. The load part
 * depends on how many new mentees a mentor takes: the k-th (from 0) gets `places[j][k]`,
 * which never grows with k, so spreading mentees is worth more than filling one mentor.
 */
export interface Cohort {
	mentees: string[];
	mentors: string[];
	/** fit[i * mentors.length + j]: points of mentee i with mentor j, or -1 when not allowed. */
	fit: Int32Array;
	/** Load points of each free place of each mentor, in the order they are taken. */
	places: number[][];
	/** Each mentor's load before the assignment. */
	load: number[];
}

export interface CohortOptions {
	weights?: Weights;
	/** Also pair mentees with mentors they share neither a topic nor a language with. */
	anyFit?: boolean;
}

/** Numbers for strings: the same string, the same number, from 0 up. */
function interner(): { id: ( key: string ) => number; find: ( key: string ) => number | undefined } {
	const table: Record<string, number> = {};
	let count = 0;
	return {
		id: ( key ) => {
			const k = '#' + key;
			return table[ k ] === undefined ? ( table[ k ] = count++ ) : table[ k ] as number;
		},
		find: ( key ) => table[ '#' + key ],
	};
}

export function compileCohort( mentees: MenteeCandidate[], mentors: MentorCandidate[], today: string, options: CohortOptions = {} ): Cohort {
	const weights = usable( options.weights || DEFAULT_WEIGHTS );
	const menteeList = mentees.slice().sort( ( a, b ) => compareNames( a.membership.joined, b.membership.joined ) || compareNames( a.name, b.name ) );
	const mentorList = mentors.slice().sort( ( a, b ) => compareNames( a.name, b.name ) );
	const n = menteeList.length;
	const m = mentorList.length;

	// Inverted indexes: for each topic key and each base language, the mentors with it.
	const topicIds = interner();
	const langIds = interner();
	const byTopic: number[][] = [];
	const byLang: number[][] = [];
	const eligible = new Uint8Array( m );
	const activityPoints = new Int32Array( m );
	const places: number[][] = [];
	const add = ( index: number[][], id: number, j: number ): void => {
		const list = index[ id ] || ( index[ id ] = [] );
		if ( list[ list.length - 1 ] !== j ) {
			list.push( j );
		}
	};
	mentorList.forEach( ( mentor, j ) => {
		for ( const t of topicsOf( mentor.membership.topics ) ) {
			add( byTopic, topicIds.id( t.key ), j );
		}
		for ( const code of mentor.membership.languages ) {
			add( byLang, langIds.id( baseLanguage( code ) ), j );
		}
		eligible[ j ] = unavailable( mentor, today ) ? 0 : 1;
		const capacity = capacityOf( mentor.membership );
		const free = eligible[ j ] ? freePlaces( mentor ) : 0;
		const row: number[] = [];
		for ( let k = 0; k < free; k++ ) {
			row.push( loadPoints( free - k, capacity, weights ) );
		}
		places[ j ] = row;
		const active = activity( mentor.name, mentor.lastEdit, today, weights );
		activityPoints[ j ] = active ? active.points as number : 0;
	} );

	const menteeTopics = menteeList.map( ( x ) => topicsOf( x.membership.topics ) );
	const pointsFor: number[] = [];
	for ( const t of menteeTopics ) {
		while ( pointsFor.length <= t.length ) {
			pointsFor.push( topicPoints( pointsFor.length, weights ) );
		}
	}
	const languageBonus = languagePoints( true, weights );
	const fit = new Int32Array( n * m );
	const topicCount = new Int32Array( m );
	const langShared = new Uint8Array( m );
	for ( let i = 0; i < n; i++ ) {
		const t = menteeTopics[ i ] as { key: string }[];
		const l = ( menteeList[ i ] as MenteeCandidate ).membership.languages;
		for ( const topic of t ) {
			const id = topicIds.find( topic.key );
			if ( id !== undefined ) {
				for ( const j of byTopic[ id ] as number[] ) {
					topicCount[ j ] = ( topicCount[ j ] as number ) + 1;
				}
			}
		}
		for ( const code of l ) {
			const id = langIds.find( baseLanguage( code ) );
			if ( id !== undefined ) {
				for ( const j of byLang[ id ] as number[] ) {
					langShared[ j ] = 1;
				}
			}
		}
		const open = !!options.anyFit || ( !t.length && !l.length );
		const row = i * m;
		for ( let j = 0; j < m; j++ ) {
			const shared = topicCount[ j ] as number;
			const lang = langShared[ j ] as number;
			fit[ row + j ] = eligible[ j ] && ( open || shared || lang ) ?
				( pointsFor[ shared ] as number ) + ( lang ? languageBonus : 0 ) + ( activityPoints[ j ] as number ) :
				-1;
			topicCount[ j ] = 0;
			langShared[ j ] = 0;
		}
	}
	return {
		mentees: menteeList.map( ( x ) => x.name ),
		mentors: mentorList.map( ( x ) => x.name ),
		fit: fit,
		places: places,
		load: mentorList.map( ( x ) => x.load ),
	};
}

export interface Pairing {
	mentee: string;
	mentor: string;
	/** The pair's points, with the load points of the place the mentee takes. */
	score: number;
}

export interface Assignment {
	/** In the cohort's mentee order (sign-up, then name). */
	pairs: Pairing[];
	unmatched: string[];
	/** Sum of the pairs' scores. */
	total: number;
}

/** A solver's choice (mentor index per mentee, -1 for none) as pairs and a total. */
export function assignmentOf( cohort: Cohort, choice: ArrayLike<number> ): Assignment {
	const m = cohort.mentors.length;
	const taken: number[] = cohort.mentors.map( () => 0 );
	const out: Assignment = { pairs: [], unmatched: [], total: 0 };
	cohort.mentees.forEach( ( mentee, i ) => {
		const j = choice[ i ] as number;
		if ( j < 0 ) {
			out.unmatched.push( mentee );
			return;
		}
		const places = cohort.places[ j ] as number[];
		const fit = cohort.fit[ i * m + j ] as number;
		const k = ( taken[ j ] as number );
		if ( fit < 0 || k >= places.length ) {
			throw new Error( 'assignmentOf: ' + mentee + ' cannot go to ' + cohort.mentors[ j ] );
		}
		taken[ j ] = k + 1;
		const score = fit + ( places[ k ] as number );
		out.pairs.push( { mentee: mentee, mentor: cohort.mentors[ j ] as string, score: score } );
		out.total += score;
	} );
	return out;
}

/**
 * The baseline: mentees in order, each takes the best mentor that still has room (ties:
 * lower load, then name).
 */
export function solveGreedy( cohort: Cohort ): Int32Array {
	const n = cohort.mentees.length;
	const m = cohort.mentors.length;
	const taken = new Int32Array( m );
	const choice = new Int32Array( n );
	for ( let i = 0; i < n; i++ ) {
		let best = -1;
		let bestScore = -1;
		let bestLoad = 0;
		for ( let j = 0; j < m; j++ ) {
			const fit = cohort.fit[ i * m + j ] as number;
			const places = cohort.places[ j ] as number[];
			const k = taken[ j ] as number;
			if ( fit < 0 || k >= places.length ) {
				continue;
			}
			const score = fit + ( places[ k ] as number );
			const load = ( cohort.load[ j ] as number ) + k;
			if ( score > bestScore || ( score === bestScore && load < bestLoad ) ) {
				best = j;
				bestScore = score;
				bestLoad = load;
			}
		}
		choice[ i ] = best;
		if ( best >= 0 ) {
			taken[ best ] = ( taken[ best ] as number ) + 1;
		}
	}
	return choice;
}

/**
 * What the panel suggests to a member: the program's mentors, best fit first, the
 * unavailable ones last. Loads come from the roster (the index), so mentees' profiles are
 * not needed; last edits come from `activity` (each member's latest edit, when read).
 */
export function suggestMentors(
	program: ProgramState,
	membership: Membership,
	activity: Record<string, { last?: string }>,
	today: string,
): Fit[] {
	const lastEdits: Record<string, string | null> = {};
	for ( const name in activity ) {
		if ( Object.prototype.hasOwnProperty.call( activity, name ) ) {
			lastEdits[ name ] = ( activity[ name ] as { last?: string } ).last || null;
		}
	}
	const candidates = mentorCandidates( program, { loads: confirmedLoads( program ), lastEdits: lastEdits } );
	return rankMentors( membership, candidates, today, { weights: weightsOf( program.config ), all: true } );
}
