/**
 * The coordinator's dashboard, as pure functions over what the wiki layer read: one row
 * per member (role, mentor, stage with its reasons, edits in the last 30 days, last edit,
 * questions unanswered beyond the program's limit, milestones recorded and detected, the
 * latest check-in), and the cohort's summaries against the program's goals (mentors'
 * load, mentees without a mentor, attrition, unanswered questions, invitations that
 * turned into members, milestones, satisfaction).
 */

import { Contribution, daysBetween, isAnswered } from './ask';
import { CheckinEntry, CheckinSummary, latestCheckin, summariseCheckins } from './checkins';
import { Checkin, Invitation, Milestone, Profile, ProgramConfig, Question, Role, Roster, RosterMember } from './format';
import { compareNames } from './names';
import { activeMembership, availability, Availability, capacityOf, isConfirmedMember, mentorOf, ProgramState, unansweredDays } from './program';
import { menteesByMentor } from './roster';
import {
	ADVANCED_GROUPS, DetectedMilestone, detectMilestones, grewIntoMentor, isLeadership, RightsChange, stageOf, StageResult, stageThresholds,
} from './stages';
import { userTalkTitle } from './titles';
import { profileAddMilestone } from './milestones';
import { GraduateSummary, recordsOfFormerMentor, summariseGraduates } from './graduates';
import { coMentorOf } from './graduation-rules';

export type { MilestoneRecord } from './milestones';
export { profileAddMilestone };

/** Edits are counted over this many days (a member without an edit in them is inactive). */
export const ACTIVITY_DAYS = 30;

/** What the wiki says of an account (list=users). */
export interface AccountFacts {
	exists: boolean;
	editcount?: number;
	/** null: an account older than the wiki's registration dates. */
	registration?: string | null;
	groups: string[];
}

/** Edits in the last ACTIVITY_DAYS days (list=usercontribs). */
export interface ActivityFacts {
	count: number;
	last?: string;
	/** The count stopped at the request limit: at least this many. */
	capped: boolean;
}

/** A talk-page edit of someone who was asked a question. */
export interface Reply extends Contribution {
	user: string;
}

export interface DashboardInput {
	program: ProgramState;
	/** ISO timestamp. */
	now: string;
	accounts: Record<string, AccountFacts>;
	activity: Record<string, ActivityFacts>;
	/** Talk-page edits (namespace 3) of everyone asked a question that is past the limit, since the oldest such question. */
	replies: Reply[];
	/** False when some of those edits could not be read (answers may be missing). */
	repliesComplete: boolean;
	/** Every invitation of the program (all its logs). */
	invitations: Invitation[];
	/** The rosters of every program on the wiki (this one included): who was a mentor, and since when. */
	rosters: Roster[];
	/** Members' rights changes from the rights log, complete from rightsLogSince on (absent: not read). */
	rightsLog?: Record<string, RightsChange[]>;
	rightsLogSince?: string;
	/** Groups that count as advanced rights (default ADVANCED_GROUPS). */
	advanced?: string[];
	/** The profiles of the program's coordinators (by the config in force): the milestones they recorded. */
	coordinatorProfiles?: Record<string, Profile | null>;
}

export type MemberStatus = 'active' | 'inactive' | 'left' | 'unconfirmed';

export interface UnansweredQuestion {
	question: Question;
	/** Whole days since it was asked. */
	days: number;
}

export interface MemberRow {
	name: string;
	role: Role;
	status: MemberStatus;
	joined: string;
	left?: string;
	/** A mentee's mentor under the pairing rule. */
	mentor: string | null;
	/** A mentor's confirmed mentees and capacity. */
	load?: { mentees: number; capacity: number };
	/** Null when the account is unknown (renamed or deleted). */
	stage: StageResult | null;
	/** Edits in the last ACTIVITY_DAYS days; null when not known. */
	edits: number | null;
	editsCapped: boolean;
	/** Latest edit within the window, or null. */
	lastEdit: string | null;
	/** Edit count on the wiki, when known. */
	editcount: number | null;
	/** Questions asked in the program and not answered by their recipient after the program's limit. */
	unanswered: UnansweredQuestion[];
	recorded: Milestone[];
	detected: DetectedMilestone[];
	checkin: Checkin | null;
	/** When the member was first invited to the program, if they were. */
	invited: string | null;
	/** A mentee's goals in their own words ("What would you like to do on the wiki?"), from their own profile. */
	goals: string | null;
	/** A mentor who co-mentors beside another (coMentorOf), or null. */
	coMentorOf?: string | null;
}

export interface MentorLoad {
	name: string;
	mentees: number;
	capacity: number;
	state: Availability[ 'state' ];
}

export interface DashboardSummary {
	counts: { mentors: number; mentees: number; left: number; unconfirmed: number };
	load: { mentors: MentorLoad[]; places: number; taken: number; full: number; over: string[] };
	/** Confirmed mentees without a mentor under the pairing rule. */
	withoutMentor: string[];
	/** Current members without an edit in the last ACTIVITY_DAYS days. */
	inactive: string[];
	/**
	 * Mentees lost: those who left and those inactive now, among every mentee who joined;
	 * rate is a share (0–1), null without mentees; goal: the program's largest share.
	 */
	attrition: { mentees: number; left: number; inactive: number; rate: number | null; goal?: number; met?: boolean };
	unanswered: { questions: number; members: number; complete: boolean };
	/** Invitations sent, people invited, and the invited who joined after their first invitation. */
	invitations: { sent: number; invitees: number; joined: string[] };
	/** Milestones mentees reached in the program (recorded and detected), and how many mentees reached one. */
	milestones: { reached: number; members: number; goal?: number; met?: boolean };
	checkins: CheckinSummary;
	/** Graduates (a trusted `graduated` milestone), those who became confirmed mentors, and the median days that took. */
	graduates: GraduateSummary;
}

export interface Dashboard {
	rows: MemberRow[];
	summary: DashboardSummary;
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Who must be asked for their talk-page edits to tell answered questions from unanswered
 * ones: the recipients of the program's questions that are past the limit, and the time
 * of the oldest of those questions. Null when there is none.
 */
export function pendingQuestions( program: ProgramState, now: string ): { users: string[]; since: string } | null {
	const limit = unansweredDays( program.config );
	const users: string[] = [];
	let since: string | null = null;
	for ( const name of Object.keys( program.members ) ) {
		const membership = activeMembership( program.profiles[ name ], program.id );
		for ( const q of ( membership && membership.questions ) || [] ) {
			if ( q.to && daysBetween( q.time, now ) >= limit ) {
				if ( users.indexOf( q.to ) === -1 ) {
					users.push( q.to );
				}
				if ( since === null || q.time < since ) {
					since = q.time;
				}
			}
		}
	}
	return since === null ? null : { users: users.sort( compareNames ), since: since };
}

function statusOf( program: ProgramState, name: string, entry: RosterMember, activity: ActivityFacts | undefined ): MemberStatus {
	const profile = program.profiles[ name ];
	const own = profile ? profile.programs[ program.id ] : undefined;
	if ( entry.left || ( own && own.left ) ) {
		return 'left';
	}
	if ( !isConfirmedMember( program, name, entry.role ) ) {
		return 'unconfirmed';
	}
	return activity && activity.count === 0 && !activity.capped ? 'inactive' : 'active';
}

function unansweredOf( program: ProgramState, name: string, input: DashboardInput, byUser: Record<string, Reply[]> ): UnansweredQuestion[] {
	const membership = activeMembership( program.profiles[ name ], program.id );
	const limit = unansweredDays( program.config );
	const out: UnansweredQuestion[] = [];
	for ( const q of ( membership && membership.questions ) || [] ) {
		const days = daysBetween( q.time, input.now );
		if ( !q.to || days < limit ) {
			continue;
		}
		if ( !isAnswered( q, byUser[ '#' + q.to ] || [], userTalkTitle( name ) ) ) {
			out.push( { question: q, days: Math.floor( days ) } );
		}
	}
	return out;
}

/** Builds the dashboard: a row per roster member (current first, mentors first, by name) and the summaries. */
export function buildDashboard( input: DashboardInput ): Dashboard {
	const program = input.program;
	const config = program.config;
	const today = input.now.slice( 0, 10 );
	const thresholds = stageThresholds( config );
	const advanced = input.advanced || ADVANCED_GROUPS;
	const byUser: Record<string, Reply[]> = {};
	for ( const r of input.replies ) {
		( byUser[ '#' + r.user ] || ( byUser[ '#' + r.user ] = [] ) ).push( r );
	}
	const firstInvited: Record<string, string> = {};
	for ( const inv of input.invitations ) {
		const key = '#' + inv.user;
		if ( !hasOwn.call( firstInvited, key ) || inv.time < ( firstInvited[ key ] as string ) ) {
			firstInvited[ key ] = inv.time;
		}
	}
	const loads = menteesByMentor( program );
	const recordedByCoordinators = coordinatorRecords( config, program.id, input.coordinatorProfiles || {} );

	const rows: MemberRow[] = [];
	for ( const name of Object.keys( program.members ) ) {
		const entry = program.members[ name ] as RosterMember;
		const account = input.accounts[ name ];
		const activity = input.activity[ name ];
		const status = statusOf( program, name, entry, activity );
		// A milestone counts only when a coordinator of the program (by the config in force)
		// or the member's confirmed mentor recorded it in their own profile, which no one
		// else can write.
		const recorded = recordedFor( recordedByCoordinators, name ).concat( mentorRecords( program, name, config.coordinators ) )
			.concat( formerMentorRecords( program, name, config.coordinators ) )
			.sort( ( a, b ) => a.time < b.time ? -1 : a.time > b.time ? 1 : 0 );
		// Mentoring counts as a step (stage, milestone) only for a former mentee.
		const since = grewIntoMentor( input.rosters.concat( [ { version: 1, members: { [ name ]: entry } } ] ), name );
		let stage: StageResult | null = null;
		if ( account && account.exists ) {
			stage = stageOf( {
				name: name,
				edits: account.editcount || 0,
				registration: account.registration,
				groups: account.groups,
				mentor: since !== null,
				milestones: recorded,
			}, today, thresholds, advanced );
		}
		const logComplete = !!input.rightsLog && input.rightsLogSince !== undefined && input.rightsLogSince <= entry.joined;
		const detected = account && account.exists ? detectMilestones( {
			name: name,
			groups: account.groups,
			rightsLog: logComplete ? ( input.rightsLog as Record<string, RightsChange[]> )[ name ] || [] : undefined,
			mentorSince: since,
			milestones: recorded,
			since: entry.joined,
		}, advanced ) : [];
		const membership = activeMembership( program.profiles[ name ], program.id );
		const row: MemberRow = {
			name: name,
			role: entry.role,
			status: status,
			joined: entry.joined,
			mentor: entry.role === 'mentee' ? mentorOf( program, name ) : null,
			stage: stage,
			edits: activity ? activity.count : null,
			editsCapped: !!activity && activity.capped,
			lastEdit: activity && activity.last ? activity.last : null,
			editcount: account && account.editcount !== undefined ? account.editcount : null,
			unanswered: unansweredOf( program, name, input, byUser ),
			recorded: recorded,
			detected: detected,
			checkin: latestCheckin( membership ),
			invited: firstInvited[ '#' + name ] || null,
			goals: entry.role === 'mentee' && membership && membership.goals ? membership.goals : null,
		};
		if ( entry.left ) {
			row.left = entry.left;
		}
		if ( entry.role === 'mentor' && status !== 'left' ) {
			row.coMentorOf = coMentorOf( program, name );
			row.load = { mentees: ( loads[ name ] || [] ).length, capacity: capacityOf( membership ) };
		}
		rows.push( row );
	}
	const rank = ( r: MemberRow ): number => ( r.status === 'left' ? 2 : 0 ) + ( r.role === 'mentee' ? 1 : 0 );
	rows.sort( ( a, b ) => rank( a ) - rank( b ) || compareNames( a.name, b.name ) );
	return { rows: rows, summary: summarise( input, rows, firstInvited ) };
}

function summarise( input: DashboardInput, rows: MemberRow[], firstInvited: Record<string, string> ): DashboardSummary {
	const program = input.program;
	const config = program.config;
	const goals = config.goals || {};
	const today = input.now.slice( 0, 10 );
	const current = rows.filter( ( r ) => r.status !== 'left' && r.status !== 'unconfirmed' );

	const mentors: MentorLoad[] = [];
	let places = 0;
	let taken = 0;
	let full = 0;
	const over: string[] = [];
	for ( const r of current ) {
		if ( r.role === 'mentor' && r.load ) {
			const state = availability( activeMembership( program.profiles[ r.name ], program.id ), today ).state;
			mentors.push( { name: r.name, mentees: r.load.mentees, capacity: r.load.capacity, state: state } );
			places += r.load.capacity;
			taken += Math.min( r.load.mentees, r.load.capacity );
			if ( r.load.mentees >= r.load.capacity ) {
				full++;
			}
			if ( r.load.mentees > r.load.capacity ) {
				over.push( r.name );
			}
		}
	}

	const mentees = rows.filter( ( r ) => r.role === 'mentee' && r.status !== 'unconfirmed' );
	const left = mentees.filter( ( r ) => r.status === 'left' ).length;
	const inactiveMentees = mentees.filter( ( r ) => r.status === 'inactive' ).length;
	const attrition: DashboardSummary[ 'attrition' ] = {
		mentees: mentees.length,
		left: left,
		inactive: inactiveMentees,
		rate: mentees.length ? ( left + inactiveMentees ) / mentees.length : null,
	};
	if ( goals.attrition !== undefined ) {
		attrition.goal = goals.attrition;
		attrition.met = attrition.rate !== null && attrition.rate <= goals.attrition;
	}

	let questions = 0;
	let asking = 0;
	for ( const r of rows ) {
		if ( r.unanswered.length ) {
			questions += r.unanswered.length;
			asking++;
		}
	}

	const invitees = Object.keys( firstInvited );
	const joined = invitees.map( ( k ) => k.slice( 1 ) ).filter( ( name ) => {
		const entry = program.members[ name ];
		return !!entry && entry.joined >= ( firstInvited[ '#' + name ] as string );
	} ).sort( compareNames );

	let reached = 0;
	let reachedBy = 0;
	for ( const r of rows ) {
		if ( r.role !== 'mentee' ) {
			continue;
		}
		const count = r.recorded.filter( ( m ) => m.time >= r.joined && isLeadership( m ) ).length +
			r.detected.filter( ( d ) => !d.time || d.time >= r.joined ).length;
		reached += count;
		if ( count ) {
			reachedBy++;
		}
	}
	const milestones: DashboardSummary[ 'milestones' ] = { reached: reached, members: reachedBy };
	if ( goals.milestones !== undefined ) {
		milestones.goal = goals.milestones;
		milestones.met = reached >= goals.milestones;
	}

	const checkins: CheckinEntry[] = [];
	for ( const r of current ) {
		if ( r.checkin ) {
			checkins.push( { name: r.name, checkin: r.checkin } );
		}
	}

	return {
		counts: {
			// Listed, current by the roster and confirmed by their own profiles, in the role.
			mentors: rows.filter( ( r ) => r.role === 'mentor' && r.status !== 'left' && r.status !== 'unconfirmed' ).length,
			mentees: rows.filter( ( r ) => r.role === 'mentee' && r.status !== 'left' && r.status !== 'unconfirmed' ).length,
			left: rows.filter( ( r ) => r.status === 'left' ).length,
			unconfirmed: rows.filter( ( r ) => r.status === 'unconfirmed' ).length,
		},
		load: { mentors: mentors, places: places, taken: taken, full: full, over: over },
		withoutMentor: current.filter( ( r ) => r.role === 'mentee' && !r.mentor ).map( ( r ) => r.name ),
		inactive: current.filter( ( r ) => r.status === 'inactive' ).map( ( r ) => r.name ),
		attrition: attrition,
		unanswered: { questions: questions, members: asking, complete: input.repliesComplete },
		invitations: { sent: input.invitations.length, invitees: invitees.length, joined: joined },
		milestones: milestones,
		checkins: summariseCheckins( checkins, goals.satisfaction ),
		graduates: graduatesOf( program, rows ),
	};
}

/** Graduates among the rows: only trusted milestones, and for the mentors they became, their confirmed own profiles. */
function graduatesOf( program: ProgramState, rows: MemberRow[] ): GraduateSummary {
	return summariseGraduates( rows.filter( ( r ) => r.status !== 'unconfirmed' ).map( ( r ) => ( {
		name: r.name,
		recorded: r.recorded,
		membership: r.status === 'left' ? null : activeMembership( program.profiles[ r.name ], program.id ),
	} ) ) );
}

// ---- Recording milestones ---------------------------------------------------------------

/** Every milestone the program's coordinators recorded in their own profiles, by member. */
function coordinatorRecords( config: ProgramConfig, programId: string, profiles: Record<string, Profile | null> ): Record<string, Milestone[]> {
	const out: Record<string, Milestone[]> = {};
	for ( const by of config.coordinators ) {
		const profile = hasOwn.call( profiles, by ) ? profiles[ by ] : null;
		const list = profile && profile.recorded && hasOwn.call( profile.recorded, programId ) ? profile.recorded[ programId ] || [] : [];
		for ( const r of list ) {
			const m: Milestone = { type: r.type, time: r.time, by: by };
			if ( r.note ) {
				m.note = r.note;
			}
			( out[ '#' + r.member ] || ( out[ '#' + r.member ] = [] ) ).push( m );
		}
	}
	return out;
}

/**
 * The milestones a mentee's confirmed mentor (their own profile names the mentor, see
 * mentorOf) recorded for them in the mentor's own profile; none when the mentor is also a
 * coordinator (already counted) or the pairing is not confirmed.
 */
function mentorRecords( program: ProgramState, name: string, coordinators: string[] ): Milestone[] {
	const mentor = mentorOf( program, name );
	if ( !mentor || coordinators.indexOf( mentor ) !== -1 ) {
		return [];
	}
	const profile = hasOwn.call( program.profiles, mentor ) ? program.profiles[ mentor ] : null;
	const list = profile && profile.recorded && hasOwn.call( profile.recorded, program.id ) ? profile.recorded[ program.id ] || [] : [];
	return list.filter( ( r ) => r.member === name ).map( ( r ) => {
		const m: Milestone = { type: r.type, time: r.time, by: mentor };
		if ( r.note ) {
			m.note = r.note;
		}
		return m;
	} );
}

/**
 * The graduation a member who became a mentor was given by the mentor their own profile
 * names as their former one (none when that mentor is a coordinator: already counted).
 */
function formerMentorRecords( program: ProgramState, name: string, coordinators: string[] ): Milestone[] {
	return recordsOfFormerMentor( program, name ).filter( ( m ) => coordinators.indexOf( m.by ) === -1 );
}

function recordedFor( records: Record<string, Milestone[]>, name: string ): Milestone[] {
	return ( records[ '#' + name ] || [] ).slice().sort( ( a, b ) => a.time < b.time ? -1 : a.time > b.time ? 1 : 0 );
}
