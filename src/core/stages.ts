/**
 * Engagement stages and milestones (seeds: the movement's engagement taxonomy and the
 * ladder from newcomer to mentor to organiser).
 *
 * A member is at the highest stage whose thresholds they meet: `edits` AND `days` of
 * tenure, OR (when the threshold names them) `milestones` together with the edits and
 * tenure of the stage below. Leadership signals count as
 * milestones: each milestone the roster records, plus holding an advanced right and
 * having grown from mentee into mentor, each counted once unless the roster already
 * records one of that type. With the defaults a rollbacker, a sysop or a former mentee who
 * became a mentor is elevated. Being a mentor alone is no step on the ladder: people are
 * asked to mentor because they are experienced already (GrowthExperiments asks mentors for
 * 500 edits and 90 days), and their edits and tenure stage them; a mentor with 2 edits
 * was 'Elevated', and every mentor was offered a 'Became a mentor' milestone.
 */

import { calendarDays } from './dates';
import { Milestone, MilestoneType, ProgramConfig, Roster, RosterMember, Thresholds } from './format';
import { compareNames } from './names';
import { Reason } from './reason';

export const STAGES = [ 'nascent', 'emerging', 'expanding', 'elevated' ] as const;
export type Stage = typeof STAGES[ number ];

/** Each stage's name (message keys in full, for the i18n check). */
export const STAGE_MESSAGES: Record<Stage, string> = {
	nascent: 'mentorship-stage-nascent',
	emerging: 'mentorship-stage-emerging',
	expanding: 'mentorship-stage-expanding',
	elevated: 'mentorship-stage-elevated',
};

/** Each milestone type's name. */
export const MILESTONE_MESSAGES: Record<MilestoneType, string> = {
	'became-mentor': 'mentorship-milestone-became-mentor',
	'organised-event': 'mentorship-milestone-organised-event',
	'wikiproject-task': 'mentorship-milestone-wikiproject-task',
	'gained-right': 'mentorship-milestone-gained-right',
	other: 'mentorship-milestone-other',
	'active-editing': 'mentorship-milestone-active-editing',
	'first-article': 'mentorship-milestone-first-article',
	'first-upload': 'mentorship-milestone-first-upload',
	graduated: 'mentorship-milestone-graduated',
};

export interface StageThresholds {
	emerging: Thresholds;
	expanding: Thresholds;
	elevated: Thresholds;
}

export const DEFAULT_STAGE_THRESHOLDS: StageThresholds = {
	emerging: { edits: 10, days: 7 },
	expanding: { edits: 100, days: 30 },
	elevated: { edits: 500, days: 90, milestones: 1 },
};

export function stageThresholds( config: ProgramConfig ): StageThresholds {
	return config.stages || DEFAULT_STAGE_THRESHOLDS;
}

/**
 * Groups a person is granted by others for trust and know-how (not by edit count alone,
 * like autoconfirmed or extendedconfirmed). Wikis name local groups differently; pass
 * your own list where needed.
 */
export const ADVANCED_GROUPS = [
	'rollbacker', 'autopatrolled', 'patroller', 'reviewer', 'editor', 'filemover', 'extendedmover',
	'templateeditor', 'accountcreator', 'eventcoordinator', 'massmessage-sender', 'abusefilter',
	'sysop', 'interface-admin', 'bureaucrat', 'checkuser', 'suppress', 'oversight', 'steward',
];

export interface MemberFacts {
	name: string;
	/** Edit count on the wiki. */
	edits: number;
	/** Registration time; null or absent when the wiki has none (accounts from before 2006): counted as long-standing. */
	registration?: string | null;
	/** The groups the user is in now. */
	groups?: string[];
	/** Became a mentor after being a mentee (see grewIntoMentor). */
	mentor?: boolean;
	/** Milestones recorded in the roster. */
	milestones?: Milestone[];
}

export interface StageResult {
	stage: Stage;
	/** Why: what they have done (edits and tenure), then their leadership signals. */
	reasons: Reason[];
	/** The next stage and what it still takes by each route (0 when met; milestones only when that stage counts them). */
	next: { stage: Stage; edits: number; days: number; milestones?: number } | null;
}

/**
 * Whether a milestone is a leadership step (what stages and the program's milestone goal
 * count), not good work a mentor praised (active editing, a first article or upload: recorded
 * and shown, but the stages count edits on their own), nor a graduation (the end of a term,
 * counted apart as graduates).
 */
export function isLeadership( m: { type: MilestoneType } ): boolean {
	return m.type !== 'graduated' && !/^(active|first)-/.test( m.type );
}

/** Leadership signals counted as milestones, and the reasons that name them. */
function signals( facts: MemberFacts, advanced: string[] ): { count: number; reasons: Reason[] } {
	const recorded = ( facts.milestones || [] ).filter( isLeadership );
	const has = ( type: MilestoneType ): boolean => recorded.some( ( m ) => m.type === type );
	const rights = ( facts.groups || [] ).filter( ( g ) => advanced.indexOf( g ) !== -1 );
	const reasons: Reason[] = [];
	let count = recorded.length;
	if ( rights.length ) {
		count += has( 'gained-right' ) ? 0 : 1;
		reasons.push( { key: 'mentorship-stage-reason-right', params: [ facts.name, rights, rights.length ] } );
	}
	if ( facts.mentor ) {
		count += has( 'became-mentor' ) ? 0 : 1;
		reasons.push( { key: 'mentorship-stage-reason-mentor', params: [ facts.name ] } );
	}
	if ( recorded.length ) {
		reasons.push( { key: 'mentorship-stage-reason-milestones', params: [ facts.name, recorded.length ] } );
	}
	return { count: count, reasons: reasons };
}

/** The engagement stage of a member today, and why. */
export function stageOf(
	facts: MemberFacts, today: string,
	thresholds: StageThresholds = DEFAULT_STAGE_THRESHOLDS, advanced: string[] = ADVANCED_GROUPS,
): StageResult {
	const dated = !!facts.registration;
	const days = facts.registration ? Math.max( 0, calendarDays( facts.registration, today ) ) : Infinity;
	const leadership = signals( facts, advanced );
	const byActivity = ( t: Thresholds ): boolean => facts.edits >= t.edits && days >= t.days;
	// Signals lift a member one stage above what their own activity reached, never more: a
	// right or a milestone on an account with 2 edits made 0 days ago is no sign of the
	// "advanced understanding" the taxonomy (seeds 003) places at Elevated.
	const below = ( s: number ): boolean => s < 2 || byActivity( thresholds[ STAGES[ s - 1 ] as Exclude<Stage, 'nascent'> ] );
	const bySignals = ( t: Thresholds, s: number ): boolean => !!t.milestones && leadership.count >= t.milestones && below( s );

	let stage: Stage = 'nascent';
	let activityFirst = true;
	for ( let s = STAGES.length - 1; s > 0; s-- ) {
		const t = thresholds[ STAGES[ s ] as Exclude<Stage, 'nascent'> ];
		if ( byActivity( t ) || bySignals( t, s ) ) {
			stage = STAGES[ s ] as Stage;
			activityFirst = byActivity( t );
			break;
		}
	}
	// The reasons that reached the stage come first.
	const activity: Reason = dated ?
		{ key: 'mentorship-stage-reason-edits', params: [ facts.name, facts.edits, days ] } :
		{ key: 'mentorship-stage-reason-edits-undated', params: [ facts.name, facts.edits ] };
	const reasons = activityFirst ? [ activity ].concat( leadership.reasons ) : leadership.reasons.concat( [ activity ] );

	const index = STAGES.indexOf( stage );
	let next: StageResult[ 'next' ] = null;
	if ( index < STAGES.length - 1 ) {
		const nextStage = STAGES[ index + 1 ] as Exclude<Stage, 'nascent'>;
		const t = thresholds[ nextStage ];
		next = {
			stage: nextStage,
			edits: Math.max( 0, t.edits - facts.edits ),
			days: dated ? Math.max( 0, t.days - days ) : 0,
		};
		if ( t.milestones ) {
			next.milestones = Math.max( 0, t.milestones - leadership.count );
		}
	}
	return { stage: stage, reasons: reasons, next: next };
}

// ---- Milestones the wiki shows -----------------------------------------------------------

/** A change of a user's groups, from the rights log (groups added by that change). */
export interface RightsChange {
	time: string;
	added: string[];
}

/** A milestone the wiki shows and the roster does not record yet, ready to record (with `by`). */
export interface DetectedMilestone {
	type: MilestoneType;
	/** When, if known. */
	time?: string;
	/** For gained-right: the group; recording it with this note keeps it from being suggested again. */
	note?: string;
	reason: Reason;
}

export interface MilestoneFacts {
	name: string;
	/** The groups the user is in now. */
	groups?: string[];
	/** Group changes from the rights log (list=logevents, letype=rights), when read. */
	rightsLog?: RightsChange[];
	/** When the user first became a mentor (see mentorSince), or null. */
	mentorSince?: string | null;
	/** Milestones the roster records already. */
	milestones?: Milestone[];
	/** Only milestones from this time on (usually when the member joined the program). */
	since?: string;
}

/** When `name` first joined any of these rosters as a mentor (even if they left since), or null. */
export function mentorSince( rosters: Roster[], name: string ): string | null {
	let first: string | null = null;
	for ( const roster of rosters ) {
		const entry: RosterMember | undefined = roster.members[ name ];
		if ( entry && entry.role === 'mentor' && ( first === null || entry.joined < first ) ) {
			first = entry.joined;
		}
	}
	return first;
}

/**
 * When `name` became a mentor after being a mentee (a mentee entry, current or left, that
 * began before their first mentor entry in any of these rosters), or null: the step from
 * newcomer to mentor that the ladder recognises.
 */
export function grewIntoMentor( rosters: Roster[], name: string ): string | null {
	const since = mentorSince( rosters, name );
	if ( since === null ) {
		return null;
	}
	for ( const roster of rosters ) {
		const entry: RosterMember | undefined = roster.members[ name ];
		if ( entry && entry.role === 'mentee' && entry.joined < since ) {
			return since;
		}
	}
	return null;
}

/**
 * The milestones the wiki can show that the roster does not record yet: each advanced
 * right gained (from the rights log after `since` when it is given, else every advanced
 * group held now, with no time) and becoming a mentor. Ordered by time, undated last.
 */
export function detectMilestones( facts: MilestoneFacts, advanced: string[] = ADVANCED_GROUPS ): DetectedMilestone[] {
	const recorded = facts.milestones || [];
	const held = facts.groups;
	const since = facts.since || '';
	const out: DetectedMilestone[] = [];
	const known = ( group: string ): boolean => recorded.some( ( m ) => m.type === 'gained-right' && m.note === group ) ||
		out.some( ( d ) => d.note === group );
	const right = ( group: string, time?: string ): void => {
		if ( advanced.indexOf( group ) !== -1 && ( !held || held.indexOf( group ) !== -1 ) && !known( group ) ) {
			const found: DetectedMilestone = {
				type: 'gained-right',
				note: group,
				reason: { key: 'mentorship-milestone-detected-right', params: [ facts.name, group ] },
			};
			if ( time ) {
				found.time = time;
			}
			out.push( found );
		}
	};
	if ( facts.rightsLog ) {
		const log = facts.rightsLog.slice().sort( ( a, b ) => compareNames( a.time, b.time ) );
		for ( const change of log ) {
			if ( change.time >= since ) {
				change.added.forEach( ( group ) => right( group, change.time ) );
			}
		}
	} else {
		( held || [] ).forEach( ( group ) => right( group ) );
	}
	if ( facts.mentorSince && facts.mentorSince >= since && !recorded.some( ( m ) => m.type === 'became-mentor' ) ) {
		out.push( {
			type: 'became-mentor',
			time: facts.mentorSince,
			reason: { key: 'mentorship-milestone-detected-mentor', params: [ facts.name ] },
		} );
	}
	return out.sort( ( a, b ) => {
		if ( !a.time !== !b.time ) {
			return a.time ? -1 : 1;
		}
		return compareNames( a.time || '', b.time || '' ) || compareNames( a.type, b.type ) || compareNames( a.note || '', b.note || '' );
	} );
}
