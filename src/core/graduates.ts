/**
 * What the dashboard counts of graduates (issue 18, mentees become mentors): a former
 * mentor's `graduated` record that the graduate's own profile confirms, and graduates, those
 * who became mentors and the median time it took. Apart from graduation.ts so that the
 * console's first click does not ship the recognition's and certificate's builders.
 */

import { Membership, Milestone, Profile } from './format';
import { formerMentorOf } from './graduation-rules';
import { activeMembership, ProgramState } from './program';

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The `graduated` milestone `name`'s former (or current) mentor recorded in their own
 * profile, when the member's own profile names that mentor (formerMentorOf).
 */
export function recordsOfFormerMentor( program: ProgramState, name: string ): Milestone[] {
	const own = activeMembership( program.profiles[ name ], program.id );
	if ( !own || own.role !== 'mentor' ) {
		return [];
	}
	const mentor = formerMentorOf( program, name );
	const profile: Profile | null | undefined = mentor && hasOwn.call( program.profiles, mentor ) ? program.profiles[ mentor ] : null;
	const list = mentor && profile && profile.recorded && hasOwn.call( profile.recorded, program.id ) ? profile.recorded[ program.id ] || [] : [];
	return list.filter( ( r ) => r.member === name && r.type === 'graduated' ).map( ( r ) => {
		const m: Milestone = { type: r.type, time: r.time, by: mentor as string };
		if ( r.note ) {
			m.note = r.note;
		}
		return m;
	} );
}

// ---- The dashboard's counts ---------------------------------------------------------------

export interface GraduateFacts {
	name: string;
	/** Their trusted milestones (see the dashboard's rule). */
	recorded: Milestone[];
	/** Their own membership (null when it is not current or not read). */
	membership: Membership | null;
}

export interface GraduateSummary {
	/** Members with a trusted `graduated` milestone. */
	graduates: string[];
	/** Graduates who are now confirmed mentors, joined as such after graduating. */
	mentors: string[];
	/** The median of the days from graduating to joining as a mentor, or null. */
	medianDays: number | null;
}

/** The median of a list of numbers (the mean of the middle two for an even count), or null. */
export function median( values: number[] ): number | null {
	if ( !values.length ) {
		return null;
	}
	const sorted = values.slice().sort( ( a, b ) => a - b );
	const mid = Math.floor( sorted.length / 2 );
	return sorted.length % 2 ? sorted[ mid ] as number : ( ( sorted[ mid - 1 ] as number ) + ( sorted[ mid ] as number ) ) / 2;
}

/** Graduates, those who became mentors, and the median time that took (in days, to a tenth). */
export function summariseGraduates( facts: GraduateFacts[] ): GraduateSummary {
	const graduates: string[] = [];
	const mentors: string[] = [];
	const days: number[] = [];
	for ( const f of facts ) {
		const times = f.recorded.filter( ( m ) => m.type === 'graduated' ).map( ( m ) => m.time ).sort();
		if ( !times.length ) {
			continue;
		}
		graduates.push( f.name );
		const m = f.membership;
		const first = times[ 0 ] as string;
		if ( m && m.role === 'mentor' && m.joined >= first ) {
			mentors.push( f.name );
			days.push( Math.round( ( Date.parse( m.joined ) - Date.parse( first ) ) / 8640000 ) / 10 );
		}
	}
	return { graduates: graduates.sort(), mentors: mentors.sort(), medianDays: median( days ) };
}
