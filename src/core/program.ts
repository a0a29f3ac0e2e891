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

import { Membership, Profile, ProgramConfig, Proposal, Question, Role, Roster, RosterMember } from './format';
import { clone } from './json';
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

/** The names to consider: the roster's index and every profile that was read. */
function knownNames( program: ProgramState ): string[] {
	const names = Object.keys( program.members );
	for ( const name in program.profiles ) {
		if ( Object.prototype.hasOwnProperty.call( program.profiles, name ) && !Object.prototype.hasOwnProperty.call( program.members, name ) ) {
			names.push( name );
		}
	}
	return names;
}

export function confirmedMembers( program: ProgramState, role?: Role ): string[] {
	return knownNames( program ).filter( ( name ) => isConfirmedMember( program, name, role ) ).sort();
}

/** Every mentor's confirmed mentees (among the profiles read). */
export function menteesByMentor( program: ProgramState ): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for ( const mentor of confirmedMembers( program, 'mentor' ) ) {
		out[ mentor ] = [];
	}
	for ( const mentee of confirmedMembers( program, 'mentee' ) ) {
		const mentor = mentorOf( program, mentee );
		if ( mentor ) {
			( out[ mentor ] || ( out[ mentor ] = [] ) ).push( mentee );
		}
	}
	return out;
}

/**
 * Each mentor's number of confirmed mentees, among the profiles read. Entries that no
 * profile confirms (ghosts, forged pairings) count for nothing.
 */
export function confirmedLoads( program: ProgramState ): Record<string, number> {
	const loads: Record<string, number> = {};
	const byMentor = menteesByMentor( program );
	for ( const mentor in byMentor ) {
		if ( Object.prototype.hasOwnProperty.call( byMentor, mentor ) ) {
			loads[ mentor ] = ( byMentor[ mentor ] as string[] ).length;
		}
	}
	return loads;
}

/**
 * The mentees the roster lists with `mentor` (the index of choices): whose profiles to
 * read to count the mentor's load. At most `max`, oldest first.
 */
export function listedMenteesOf( program: ProgramState, mentor: string, max: number ): string[] {
	return Object.keys( program.members ).filter( ( name ) => {
		const e = program.members[ name ] as RosterMember;
		return !e.left && e.role === 'mentee' && e.mentor === mentor;
	} ).sort( ( a, b ) => {
		const ja = ( program.members[ a ] as RosterMember ).joined;
		const jb = ( program.members[ b ] as RosterMember ).joined;
		return ja < jb ? -1 : ja > jb ? 1 : ( a < b ? -1 : a > b ? 1 : 0 );
	} ).slice( 0, max );
}

/**
 * A mentor proposed to the mentee (by a coordinator's match or a leaving mentor's handover)
 * that the mentee has not accepted yet, when the proposed mentor is a current mentor.
 */
export function proposalFor( program: ProgramState, mentee: string ): Proposal | null {
	const entry = activeEntry( program, mentee );
	const proposal = entry && entry.role === 'mentee' ? entry.proposal : undefined;
	if ( !proposal || proposal.mentor === mentee || !isConfirmedMember( program, mentee, 'mentee' ) ||
		!isConfirmedMember( program, proposal.mentor, 'mentor' ) ) {
		return null;
	}
	if ( mentorOf( program, mentee ) === proposal.mentor ) {
		return null;
	}
	return proposal;
}

/** How many of the program's confirmed mentors are available and below their capacity. */
export function mentorsWithRoom( program: ProgramState, today: string ): { room: number; total: number } {
	const loads = confirmedLoads( program );
	const mentors = confirmedMembers( program, 'mentor' );
	let room = 0;
	for ( const name of mentors ) {
		const membership = activeMembership( program.profiles[ name ], program.id );
		if ( availability( membership, today ).state === 'active' && ( loads[ name ] || 0 ) < capacityOf( membership ) ) {
			room++;
		}
	}
	return { room: room, total: mentors.length };
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

function sortedMembers( members: Record<string, RosterMember> ): Record<string, RosterMember> {
	// Sorted keys put concurrent insertions on different lines, so the wiki can merge them.
	const out: Record<string, RosterMember> = {};
	for ( const name of Object.keys( members ).sort() ) {
		out[ name ] = members[ name ] as RosterMember;
	}
	return out;
}

/** Adds or re-activates a member in the roster (keeping an existing pairing and members it does not know). */
export function rosterJoin( roster: Roster, name: string, role: Role, time: string ): Roster {
	const existing = roster.members[ name ];
	if ( existing && !existing.left && existing.role === role ) {
		return roster;
	}
	const entry: RosterMember = existing || { role: role, joined: time };
	if ( existing ) {
		delete entry.left;
		if ( existing.role !== role ) {
			entry.role = role;
			entry.joined = time;
			delete entry.mentor;
		}
	}
	roster.members[ name ] = entry;
	roster.members = sortedMembers( roster.members );
	return roster;
}

/** Marks a roster entry or a membership as left at `time` (once): one who has left has no mentor. */
function markLeft( entry: { left?: string; mentor?: string } | undefined, time: string ): void {
	if ( entry && !entry.left ) {
		entry.left = time;
		delete entry.mentor;
	}
}

export function rosterLeave( roster: Roster, name: string, time: string ): Roster {
	markLeft( roster.members[ name ], time );
	// A mentor who leaves leaves nobody paired with them.
	for ( const other of Object.keys( roster.members ) ) {
		const e = roster.members[ other ] as RosterMember;
		if ( e.mentor === name ) {
			delete e.mentor;
		}
	}
	return roster;
}

/**
 * Sets (or with null, clears) the index of a mentee's own choice in the roster; written by
 * the mentee with their profile. A proposal the choice settles is removed.
 */
export function rosterSetMentor( roster: Roster, mentee: string, mentor: string | null ): Roster {
	const entry = roster.members[ mentee ];
	if ( !entry ) {
		return roster;
	}
	if ( mentor === null ) {
		delete entry.mentor;
	} else {
		entry.mentor = mentor;
	}
	if ( entry.proposal && ( mentor === null || entry.proposal.mentor === mentor ) ) {
		delete entry.proposal;
	}
	return roster;
}

/**
 * Proposes a mentor to a mentee (or with null, withdraws the proposal): a coordinator's
 * match or a leaving mentor's handover. It changes nobody's pairing until the mentee accepts.
 */
export function rosterPropose( roster: Roster, mentee: string, mentor: string | null, by: string, time: string ): Roster {
	const entry = roster.members[ mentee ];
	if ( !entry || entry.left || entry.role !== 'mentee' ) {
		return roster;
	}
	if ( mentor === null ) {
		delete entry.proposal;
	} else if ( !entry.proposal || entry.proposal.mentor !== mentor ) {
		entry.proposal = { mentor: mentor, by: by, time: time };
	}
	return roster;
}

/**
 * Pairings written the old way (a coordinator or a handover set `mentor` in the roster,
 * which the mentee's own profile does not name): under the consent rule they count for
 * nothing, so the migration turns each into a proposal the mentee accepts in one click.
 * Returns mentee → mentor for the entries to migrate (current mentees whose profile was read
 * and does not name the roster's mentor, with no proposal yet, and a confirmed mentor).
 */
export function legacyPairings( program: ProgramState ): Record<string, string> {
	const out: Record<string, string> = {};
	for ( const name of Object.keys( program.members ).sort() ) {
		const entry = program.members[ name ] as RosterMember;
		const own = activeMembership( program.profiles[ name ], program.id );
		if ( entry.left || entry.role !== 'mentee' || !entry.mentor || entry.proposal || !own || own.role !== 'mentee' ) {
			continue;
		}
		if ( own.mentor !== entry.mentor && isConfirmedMember( program, entry.mentor, 'mentor' ) ) {
			out[ name ] = entry.mentor;
		}
	}
	return out;
}

/** The migration's change: each legacy pairing becomes a proposal, the index of choices follows the profiles. */
export function rosterMigrateLegacy( roster: Roster, pairings: Record<string, string>, own: Record<string, string | null>, by: string, time: string ): Roster {
	for ( const mentee of Object.keys( pairings ) ) {
		const entry = roster.members[ mentee ];
		if ( !entry || entry.left || entry.role !== 'mentee' || entry.mentor !== pairings[ mentee ] ) {
			continue;
		}
		entry.proposal = { mentor: pairings[ mentee ] as string, by: by, time: time };
		const choice = own[ mentee ];
		if ( choice ) {
			entry.mentor = choice;
		} else {
			delete entry.mentor;
		}
	}
	return roster;
}

/** A mentor releases a mentee, in the mentor's own profile (their pairing stops counting). */
export function profileRelease( profile: Profile, programId: string, mentee: string ): Profile {
	const membership = profile.programs[ programId ];
	if ( membership && membership.role === 'mentor' ) {
		const released = membership.released || [];
		if ( released.indexOf( mentee ) === -1 ) {
			released.push( mentee );
		}
		membership.released = released;
	}
	return profile;
}

export function profileJoin( profile: Profile, programId: string, given: Membership ): Profile {
	// A copy: the page must not share objects with the caller (who may retry with the same one).
	// Members set to undefined are kept: they clear what the profile had.
	const membership = {} as Membership;
	for ( const key in given ) {
		if ( Object.prototype.hasOwnProperty.call( given, key ) ) {
			( membership as Record<string, unknown> )[ key ] = clone( ( given as Record<string, unknown> )[ key ] );
		}
	}
	const existing = profile.programs[ programId ];
	if ( existing && !existing.left && existing.role === membership.role ) {
		// Already a member: update what they told us, keep their history.
		const merged: Membership = existing;
		for ( const key in membership ) {
			if ( Object.prototype.hasOwnProperty.call( membership, key ) && key !== 'joined' && key !== 'questions' ) {
				( merged as Record<string, unknown> )[ key ] = ( membership as Record<string, unknown> )[ key ];
			}
		}
		return profile;
	}
	const fresh: Membership = membership;
	if ( existing && existing.questions ) {
		fresh.questions = existing.questions;
	}
	profile.programs[ programId ] = fresh;
	return profile;
}

export function profileLeave( profile: Profile, programId: string, time: string ): Profile {
	markLeft( profile.programs[ programId ], time );
	return profile;
}

export function profileSetMentor( profile: Profile, programId: string, mentor: string | null ): Profile {
	const membership = profile.programs[ programId ];
	if ( membership ) {
		if ( mentor === null ) {
			delete membership.mentor;
		} else {
			membership.mentor = mentor;
		}
	}
	return profile;
}

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
