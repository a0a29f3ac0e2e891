/**
 * What the panel and the console do with a whole program, as pure functions over the page
 * values: its confirmed members, mentors' loads and room, proposals, and the changes to the
 * roster and to profiles when members join, leave and pair (the pairing rule is in
 * program.ts). Apart from program.ts so that the ask and welcome dialogs do not load them.
 */

import { Membership, Profile, Proposal, Role, Roster, RosterMember } from './format';
import { clone } from './json';
import { activeEntry, activeMembership, availability, capacityOf, isConfirmedMember, mentorOf, ProgramState } from './program';

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
