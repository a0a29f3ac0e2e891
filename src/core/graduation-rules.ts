/**
 * Graduation's rules that the panel and the console need before any dialog opens: when a
 * mentee may graduate (src/core/graduation.ts has the rest), who a graduate's former mentor
 * is, and co-mentoring. Apart so that the panel's first click does not ship the builders.
 */

import { calendarDays } from './dates';
import { Membership, ProgramConfig } from './format';
import { activeMembership, isConfirmedMember, mentorOf, ProgramState } from './program';

const hasOwn = Object.prototype.hasOwnProperty;

/** The panel's `as` parameter that opens the join form as a mentor. */
export const JOIN_AS_MENTOR = 'mentor';

export interface GraduationRules {
	/** Edits on the wiki the thresholds ask for, or null (no thresholds). */
	edits: number | null;
	/** Days in the program the thresholds ask for, or null. */
	days: number | null;
}

/** The program's thresholds: both `edits` and `days` must be usable for them to count. */
export function graduationRules( config: ProgramConfig ): GraduationRules {
	const g = config.graduation || {};
	const whole = ( v: unknown ): number | null => typeof v === 'number' && v >= 0 && Math.floor( v ) === v ? v : null;
	const edits = whole( g.edits );
	const days = whole( g.days );
	return edits === null || days === null ? { edits: null, days: null } : { edits: edits, days: days };
}

export type GraduationDue =
	{ due: true; because: 'term'; end: string } |
	{ due: true; because: 'thresholds'; edits: number; days: number } |
	{ due: false; end: string | null; edits: number | null; days: number | null };

/**
 * Whether a mentee may graduate now: their term ended (`end`: YYYY-MM-DD) or the program's
 * thresholds are met (`editcount` edits on the wiki, days since they joined). `today` is YYYY-MM-DD.
 */
export function graduationDue( config: ProgramConfig, membership: Membership, editcount: number, today: string ): GraduationDue {
	const start = config.start || membership.joined.slice( 0, 10 );
	let end: string | null = null;
	if ( config.termDays ) {
		const ms = Date.UTC( +start.slice( 0, 4 ), +start.slice( 5, 7 ) - 1, +start.slice( 8, 10 ) ) + config.termDays * 86400000;
		end = new Date( ms ).toISOString().slice( 0, 10 );
		if ( end <= today ) {
			return { due: true, because: 'term', end: end };
		}
	}
	const rules = graduationRules( config );
	const days = calendarDays( membership.joined, today );
	if ( rules.edits !== null && rules.days !== null && editcount >= rules.edits && days >= rules.days ) {
		return { due: true, because: 'thresholds', edits: editcount, days: days };
	}
	return { due: false, end: end, edits: rules.edits, days: rules.days };
}

/**
 * The mentor a member's own profile says they had in the program: their confirmed mentor
 * while a mentee, or, once they joined as a mentor, the `formerMentor` they named.
 */
export function formerMentorOf( program: ProgramState, name: string ): string | null {
	const own = activeMembership( program.profiles[ name ], program.id );
	if ( !own ) {
		return null;
	}
	if ( own.role === 'mentee' ) {
		return mentorOf( program, name );
	}
	return own.formerMentor && own.formerMentor !== name ? own.formerMentor : null;
}

/**
 * The mentor a confirmed mentor co-mentors beside: their own profile says `coMentor`, that
 * mentor is a confirmed current mentor of the program and has not released them. A
 * co-mentor takes no mentees of their own and no questions are routed to them.
 */
export function coMentorOf( program: ProgramState, name: string ): string | null {
	const own = activeMembership( program.profiles[ name ], program.id );
	if ( !own || own.role !== 'mentor' || !own.coMentor || own.coMentor === name ) {
		return null;
	}
	const beside = activeMembership( program.profiles[ own.coMentor ], program.id );
	if ( !beside || beside.role !== 'mentor' || ( beside.released && beside.released.indexOf( name ) !== -1 ) ) {
		return null;
	}
	return own.coMentor;
}

/** The confirmed co-mentors beside `mentor`, among the profiles read. */
export function coMentorsOf( program: ProgramState, mentor: string ): string[] {
	const out: string[] = [];
	for ( const name in program.profiles ) {
		if ( hasOwn.call( program.profiles, name ) && coMentorOf( program, name ) === mentor && isConfirmedMember( program, name, 'mentor' ) ) {
			out.push( name );
		}
	}
	return out.sort();
}

/** Whether `name`'s confirmed mentor recorded their graduation (what the panel offers the invitation to mentor on). */
export function graduatedByMentor( program: ProgramState, name: string ): boolean {
	const mentor = mentorOf( program, name );
	const profile = mentor && hasOwn.call( program.profiles, mentor ) ? program.profiles[ mentor ] : null;
	const list = profile && profile.recorded && hasOwn.call( profile.recorded, program.id ) ? profile.recorded[ program.id ] || [] : [];
	return list.some( ( r ) => r.member === name && r.type === 'graduated' );
}
