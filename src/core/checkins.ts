/**
 * The end of a term: when a member's term ends, the check-in they answer in their own
 * profile (satisfaction 1 to 5 and one line of comment), and its summary for the
 * coordinator.
 */

import { calendarDays } from './dates';
import { Checkin, LIMITS, Membership, Profile, ProgramConfig } from './format';
import { compareNames } from './names';

/** The check-in opens this many days before the term ends (at most a quarter of the term). */
export const CHECKIN_WINDOW_DAYS = 14;
/** Check-ins kept in a profile per program (the schema's limit). */
export const CHECKINS_KEPT = 50;

export type TermState = 'before' | 'running' | 'ending' | 'over';

export interface Term {
	/** YYYY-MM-DD: the program's start, or the member's join date when the program has none. */
	start: string;
	/** YYYY-MM-DD: start plus the term's length. */
	end: string;
	state: TermState;
	/** Days from today to the end (negative once over). */
	daysLeft: number;
}

function addDays( date: string, days: number ): string {
	const t = Date.UTC( +date.slice( 0, 4 ), +date.slice( 5, 7 ) - 1, +date.slice( 8, 10 ) ) + days * 86400000;
	return new Date( t ).toISOString().slice( 0, 10 );
}

/**
 * A member's term in a program, today; null when the program sets no term length. The
 * term starts with the program (config.start) or, when it has no start, when the
 * member joined.
 */
export function termOf( config: ProgramConfig, membership: Membership | null, today: string ): Term | null {
	if ( !config.termDays ) {
		return null;
	}
	const start = config.start || ( membership ? membership.joined.slice( 0, 10 ) : null );
	if ( !start ) {
		return null;
	}
	const end = addDays( start, config.termDays );
	const daysLeft = calendarDays( today, end );
	const window = Math.min( CHECKIN_WINDOW_DAYS, Math.max( 1, Math.ceil( config.termDays / 4 ) ) );
	let state: TermState;
	if ( today < start ) {
		state = 'before';
	} else if ( daysLeft <= 0 ) {
		state = 'over';
	} else if ( daysLeft <= window ) {
		state = 'ending';
	} else {
		state = 'running';
	}
	return { start: start, end: end, state: state, daysLeft: daysLeft };
}

/** Whether members are asked for their check-in: the term is ending or over. */
export function checkinOpen( term: Term | null ): boolean {
	return !!term && ( term.state === 'ending' || term.state === 'over' );
}

/** The member's latest check-in (by time), or null. */
export function latestCheckin( membership: Membership | null | undefined ): Checkin | null {
	const list = ( membership && membership.checkins ) || [];
	let latest: Checkin | null = null;
	for ( const c of list ) {
		if ( !latest || c.time >= latest.time ) {
			latest = c;
		}
	}
	return latest;
}

/** A check-in as a member answers it: satisfaction 1 to 5 (whole), one line of comment. */
export function makeCheckin( time: string, satisfaction: number, comment: string ): Checkin {
	return {
		time: time,
		satisfaction: Math.min( 5, Math.max( 1, Math.round( satisfaction ) ) ),
		comment: comment.replace( /\s+/g, ' ' ).replace( /^ | $/g, '' ).slice( 0, LIMITS.comment ),
	};
}

/**
 * Adds a check-in to the member's own membership (idempotent: a check-in with the same
 * time is not added twice; the oldest go beyond CHECKINS_KEPT).
 */
export function profileAddCheckin( profile: Profile, programId: string, checkin: Checkin ): Profile {
	const membership = profile.programs[ programId ];
	if ( !membership || membership.left ) {
		return profile;
	}
	const list = membership.checkins || [];
	if ( list.some( ( c ) => c.time === checkin.time ) ) {
		return profile;
	}
	list.push( { time: checkin.time, satisfaction: checkin.satisfaction, comment: checkin.comment } );
	membership.checkins = list.slice( Math.max( 0, list.length - CHECKINS_KEPT ) );
	return profile;
}

export interface CheckinEntry {
	name: string;
	checkin: Checkin;
}

export interface CheckinSummary {
	/** Members who answered (their latest check-in counts). */
	count: number;
	/** Average satisfaction, to one decimal; null without answers. */
	average: number | null;
	/** How many answered 1, 2, 3, 4 and 5. */
	distribution: [ number, number, number, number, number ];
	/** The comments that say something, newest first. */
	comments: CheckinEntry[];
	/** The program's goal for the average, and whether it is met. */
	goal?: number;
	met?: boolean;
}

/** Summarises each member's latest check-in. */
export function summariseCheckins( entries: CheckinEntry[], goal?: number ): CheckinSummary {
	const distribution: [ number, number, number, number, number ] = [ 0, 0, 0, 0, 0 ];
	let sum = 0;
	for ( const e of entries ) {
		sum += e.checkin.satisfaction;
		const i = e.checkin.satisfaction - 1;
		distribution[ i ] = ( distribution[ i ] as number ) + 1;
	}
	const average = entries.length ? Math.round( 10 * sum / entries.length ) / 10 : null;
	const comments = entries.filter( ( e ) => e.checkin.comment.trim() !== '' )
		.sort( ( a, b ) => compareNames( b.checkin.time, a.checkin.time ) || compareNames( a.name, b.name ) );
	const summary: CheckinSummary = { count: entries.length, average: average, distribution: distribution, comments: comments };
	if ( goal !== undefined ) {
		summary.goal = goal;
		summary.met = average !== null && average >= goal;
	}
	return summary;
}
