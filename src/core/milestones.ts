/**
 * Recording a milestone in the recorder's own profile (a coordinator in the console, a mentor
 * praising a mentee): only its owner can write a user's JSON page, so the recorder cannot be
 * forged. Whose records count is src/core/dashboard.ts's rule.
 */

import { MilestoneType, Profile, RecordedMilestone } from './format';

const hasOwn = Object.prototype.hasOwnProperty;

export interface MilestoneRecord {
	type: MilestoneType;
	/** ISO timestamp. */
	time: string;
	note?: string;
}

/**
 * Records a milestone of `member` in the recorder's own profile (a change for Store.update,
 * idempotent: the same member, type, time and note are not recorded twice).
 */
export function profileAddMilestone( profile: Profile, programId: string, member: string, record: MilestoneRecord ): Profile {
	const recorded = profile.recorded || {};
	const list = hasOwn.call( recorded, programId ) ? recorded[ programId ] as RecordedMilestone[] : [];
	if ( list.some( ( m ) => m.member === member && m.type === record.type && m.time === record.time && ( m.note || '' ) === ( record.note || '' ) ) ) {
		return profile;
	}
	const entry: RecordedMilestone = { member: member, type: record.type, time: record.time };
	if ( record.note ) {
		entry.note = record.note;
	}
	list.push( entry );
	recorded[ programId ] = list;
	profile.recorded = recorded;
	return profile;
}
