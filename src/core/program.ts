/**
 * Programs, members and pairings, as pure functions over the page values.
 *
 * The pairing rule: a mentee is paired with a mentor only when the mentee's OWN profile
 * names the mentor, and both users' own profile pages show that they are current members
 * of the program in those roles (and the mentor has not released the mentee). Only the
 * owner can edit a User:NAME/mentorship.json page, so a vandal who edits the roster can
 * reorder the index but can neither enrol, pair nor reroute anyone. A coordinator's match
 * or a leaving mentor's handover is a proposal in the roster that the mentee accepts.
 */

import { Membership, Profile, ProgramConfig, Question, Role, RosterMember } from './format';
import { isId, looksLikeUserName } from './ids';

export const DEFAULT_UNANSWERED_DAYS = 3;
export const DEFAULT_CAPACITY = 3;

/** A program as loaded: its config, its roster (shards merged) and its members' profiles. */
export interface ProgramState {
	id: string;
	config: ProgramConfig;
	members: Record<string, RosterMember>;
	/** Each member's profile; null when missing or unusable (see the load's errors). */
	profiles: Record<string, Profile | null>;
}

/** The shard count of a program's roster, from its config. */
export function rosterShards( config: ProgramConfig ): number {
	return ( config.shards && config.shards.roster ) || 1;
}

/** The user's membership of a program, as their own profile states it, if current. */
export function activeMembership( profile: Profile | null | undefined, programId: string ): Membership | null {
	if ( !profile ) {
		return null;
	}
	const membership = profile.programs[ programId ];
	return membership && !membership.left ? membership : null;
}

/** A roster entry that is current (not left). */
export function activeEntry( program: ProgramState, name: string ): RosterMember | null {
	const entry = program.members[ name ];
	return entry && !entry.left ? entry : null;
}

/**
 * Is `name` a current member (in `role`, when given) by their own profile? The roster is
 * not asked: it is an index anyone can edit. A profile that was not read counts as no.
 */
export function isConfirmedMember( program: ProgramState, name: string, role?: Role ): boolean {
	const membership = activeMembership( program.profiles[ name ], program.id );
	return !!membership && ( role === undefined || membership.role === role );
}

/** The role `name` holds by their own profile, or null. */
/**
 * The mentee's mentor under the pairing rule, or null: the mentee's OWN profile names the
 * mentor, both own profiles show current membership in those roles, and the mentor has not
 * released the mentee. The roster's `mentor` is only an index and never decides.
 */
export function mentorOf( program: ProgramState, mentee: string ): string | null {
	const membership = activeMembership( program.profiles[ mentee ], program.id );
	if ( !membership || membership.role !== 'mentee' || !membership.mentor || membership.mentor === mentee ) {
		return null;
	}
	const mentor = membership.mentor;
	const mentorship = activeMembership( program.profiles[ mentor ], program.id );
	if ( !mentorship || mentorship.role !== 'mentor' ) {
		return null;
	}
	if ( mentorship.released && mentorship.released.indexOf( mentee ) !== -1 ) {
		return null;
	}
	return mentor;
}

export function capacityOf( membership: Membership | null ): number {
	return membership && membership.capacity !== undefined ? membership.capacity : DEFAULT_CAPACITY;
}

export type Availability =
	{ state: 'active' } |
	{ state: 'away'; until?: string } |
	{ state: 'leaving' } |
	{ state: 'gone' };

/** Whether a mentor is available today (an away date that has passed counts as back). */
export function availability( membership: Membership | null, today: string ): Availability {
	if ( !membership || membership.role !== 'mentor' ) {
		return { state: 'gone' };
	}
	if ( membership.status === 'leaving' ) {
		return { state: 'leaving' };
	}
	if ( membership.status === 'away' ) {
		if ( membership.awayUntil && membership.awayUntil < today ) {
			return { state: 'active' };
		}
		return membership.awayUntil ? { state: 'away', until: membership.awayUntil } : { state: 'away' };
	}
	return { state: 'active' };
}

export type Route =
	{ to: 'mentor'; user: string } |
	{ to: 'backup'; user: string; because: Availability } |
	{ to: 'helpdesk'; page: string; because: Availability | 'unanswered' } |
	{ to: 'none'; because: Availability };

/**
 * Where a mentee's question should go: their mentor when available, else the mentor's
 * backup (when the backup is an available mentor of the program), else the help desk.
 */
export function routeQuestion( program: ProgramState, mentor: string, today: string ): Route {
	const membership = activeMembership( program.profiles[ mentor ], program.id );
	const state = isConfirmedMember( program, mentor, 'mentor' ) ? availability( membership, today ) : { state: 'gone' as const };
	if ( state.state === 'active' ) {
		return { to: 'mentor', user: mentor };
	}
	const backup = membership && membership.backup;
	if ( backup && backup !== mentor && isConfirmedMember( program, backup, 'mentor' ) &&
		availability( activeMembership( program.profiles[ backup ], program.id ), today ).state === 'active' ) {
		return { to: 'backup', user: backup, because: state };
	}
	if ( program.config.helpDesk ) {
		return { to: 'helpdesk', page: program.config.helpDesk, because: state };
	}
	return { to: 'none', because: state };
}

export function unansweredDays( config: ProgramConfig ): number {
	return config.unansweredDays || DEFAULT_UNANSWERED_DAYS;
}

/** The most recent question a member asked in a program, if any. */
export function lastQuestion( membership: Membership | null ): Question | null {
	const questions = membership && membership.questions;
	return questions && questions.length ? questions[ questions.length - 1 ] as Question : null;
}

// ---- Changes: pure, idempotent functions for Store.update -----------------------------

/** Records a question (once: a question with the same id replaces nothing). */
export function profileAddQuestion( profile: Profile, programId: string, question: Question, keep: number ): Profile {
	const membership = profile.programs[ programId ];
	if ( !membership ) {
		return profile;
	}
	const questions = membership.questions || [];
	if ( questions.some( ( q ) => q.id === question.id ) ) {
		return profile;
	}
	questions.push( question );
	membership.questions = questions.slice( Math.max( 0, questions.length - keep ) );
	return profile;
}

// ---- The cached mentor (user option userjs-mentorship) ---------------------------------

export const MENTOR_OPTION = 'userjs-mentorship';

export interface MentorCache {
	program: string;
	mentor: string;
	/**
	 * From when the mentee's latest question counts as waiting too long (ISO time: the
	 * question's time plus the program's limit), while it is unanswered; absent otherwise.
	 * The ask loader compares it with the clock: a page view makes no request.
	 */
	due?: string;
}

/** Version 2 adds `due`; version 1 (program and mentor only) still decodes. */
export function encodeMentorCache( cache: MentorCache | null ): string | null {
	if ( !cache ) {
		return null;
	}
	const value: { v: number; program: string; mentor: string; due?: string } = { v: 2, program: cache.program, mentor: cache.mentor };
	if ( cache.due ) {
		value.due = cache.due;
	}
	return JSON.stringify( value );
}

export function decodeMentorCache( value: unknown ): MentorCache | null {
	if ( typeof value !== 'string' || value === '' ) {
		return null;
	}
	try {
		const parsed = JSON.parse( value ) as { v?: unknown; program?: unknown; mentor?: unknown; due?: unknown };
		if ( ( parsed.v === 1 || parsed.v === 2 ) && isId( parsed.program ) && looksLikeUserName( parsed.mentor ) ) {
			const cache: MentorCache = { program: parsed.program, mentor: parsed.mentor };
			// (Not a time: Date.parse gives NaN, and the control shows nothing waiting.)
			if ( parsed.v === 2 && typeof parsed.due === 'string' ) {
				cache.due = parsed.due;
			}
			return cache;
		}
	} catch ( e ) {
		// A damaged value counts as no cache; the next click repairs it.
	}
	return null;
}
