/**
 * The on-wiki data format, version 1 (docs/data-format.md describes it for people,
 * schemas/*.schema.json for other tools; both are generated from or tested against
 * these descriptions).
 */

import {
	array, bool, date, id, Infer, language, num, object, oneOf, optional, record,
	Schema, text, timestamp, title, username, version1,
} from './schema';

export const ROLES = [ 'mentor', 'mentee' ] as const;
export type Role = typeof ROLES[ number ];

export const MENTOR_STATUSES = [ 'active', 'away', 'leaving' ] as const;
export type MentorStatus = typeof MENTOR_STATUSES[ number ];

/** Leadership steps a coordinator follows (seeds: the ladder from newcomer to organiser). */
export const MILESTONES = [ 'became-mentor', 'organised-event', 'wikiproject-task', 'gained-right', 'other', 'active-editing', 'first-article', 'first-upload', 'graduated' ] as const;
export type MilestoneType = typeof MILESTONES[ number ];

export const LIMITS = {
	topic: 80,
	topics: 50,
	languages: 20,
	goals: 1000,
	intro: 1000,
	question: 2000,
	sectionTitle: 255,
	questionsKept: 100,
	comment: 300,
	name: 100,
	description: 2000,
	message: 5000,
	coordinators: 50,
	capacity: 100,
} as const;

const topicList = array( text( LIMITS.topic ), { max: LIMITS.topics, unique: true } );
const languageList = array( language, { max: LIMITS.languages, unique: true } );
const revid = num( { integer: true, min: 1 } );

export const questionSchema = object( {
	id: id,
	to: optional( username ),
	page: title,
	section: text( LIMITS.sectionTitle ),
	revid: revid,
	time: timestamp,
	article: optional( title ),
	articleRevid: optional( revid ),
	via: optional( oneOf( [ 'mentor', 'backup', 'helpdesk' ] as const ) ),
}, 'A question asked with "Ask my mentor": where it was posted and when' );

export const checkinSchema = object( {
	time: timestamp,
	satisfaction: num( { integer: true, min: 1, max: 5 } ),
	comment: text( LIMITS.comment ),
} );

export const membershipSchema = object( {
	role: oneOf( ROLES ),
	joined: timestamp,
	left: optional( timestamp ),
	topics: topicList,
	languages: languageList,
	goals: optional( text( LIMITS.goals ) ),
	mentor: optional( username ),
	capacity: optional( num( { integer: true, min: 0, max: LIMITS.capacity } ) ),
	intro: optional( text( LIMITS.intro ) ),
	status: optional( oneOf( MENTOR_STATUSES ) ),
	awayUntil: optional( date ),
	backup: optional( username ),
	/** For a mentor: mentees they released (their pairing no longer counts, even if the mentee's profile still names them). */
	released: optional( array( username, { max: 500, unique: true } ) ),
	questions: optional( array( questionSchema, { max: LIMITS.questionsKept } ) ),
	checkins: optional( array( checkinSchema, { max: 50 } ) ),
	/** For a mentee: true when they asked that their mentor's tab suggest no praise for them. */
	hidePraise: optional( bool ),
	/** For a mentor who was a mentee of the program: the mentor they had (who may have recorded their graduation). */
	formerMentor: optional( username ),
	/** For a mentor: the mentor they co-mentor beside (no mentees of their own, no questions routed to them). */
	coMentor: optional( username ),
}, 'One program as its member describes it' );

/** A milestone NAME recorded for a member of a program that NAME coordinates (in NAME's own profile, so that no one else can write it). */
export const recordedMilestoneSchema = object( {
	member: username,
	type: oneOf( MILESTONES ),
	time: timestamp,
	note: optional( text( LIMITS.comment ) ),
} );

export const profileSchema = object( {
	version: version1,
	programs: record( id, membershipSchema ),
	recorded: optional( record( id, array( recordedMilestoneSchema, { max: 2000 } ) ) ),
}, 'User:NAME/mentorship.json: written only by NAME' );

const thresholdSchema = object( {
	edits: num( { integer: true, min: 0 } ),
	days: num( { integer: true, min: 0 } ),
	milestones: optional( num( { integer: true, min: 0 } ) ),
} );

const localisedText = ( max: number ): Schema<Record<string, string>> => record( language, text( max ) );

export const programMessageSchema = object( {
	label: localisedText( 100 ),
	subject: localisedText( 200 ),
	text: localisedText( LIMITS.message ),
	audience: optional( oneOf( [ 'registered', 'anonymous', 'all' ] as const ) ),
}, 'A message inviters can post; wikitext with $user, $inviter, $program, $signup, $note' );

export const configSchema = object( {
	version: version1,
	name: text( LIMITS.name ),
	description: text( LIMITS.description ),
	coordinators: array( username, { max: LIMITS.coordinators, unique: true } ),
	topics: topicList,
	languages: languageList,
	termDays: optional( num( { integer: true, min: 1, max: 3650 } ) ),
	start: optional( date ),
	unansweredDays: optional( num( { integer: true, min: 1, max: 60 } ) ),
	helpDesk: optional( title ),
	messages: optional( record( id, programMessageSchema ) ),
	anonymous: optional( oneOf( [ 'refuse', 'offer' ] as const ) ),
	stages: optional( object( {
		emerging: thresholdSchema,
		expanding: thresholdSchema,
		elevated: thresholdSchema,
	} ) ),
	weights: optional( object( {
		topics: optional( num( { min: 0, max: 100 } ) ),
		languages: optional( num( { min: 0, max: 100 } ) ),
		load: optional( num( { min: 0, max: 100 } ) ),
		activity: optional( num( { min: 0, max: 100 } ) ),
	} ) ),
	goals: optional( object( {
		milestones: optional( num( { integer: true, min: 0 } ) ),
		attrition: optional( num( { min: 0, max: 1 } ) ),
		satisfaction: optional( num( { min: 1, max: 5 } ) ),
	} ) ),
	shards: optional( object( {
		roster: optional( num( { integer: true, min: 1, max: 256 } ) ),
		invitations: optional( num( { integer: true, min: 1, max: 256 } ) ),
	} ) ),
	closed: optional( bool ),
	needsYou: optional( object( {
		days: optional( num( { integer: true, min: 1, max: 90 } ) ),
		templates: optional( array( title, { max: 50, unique: true } ) ),
	}, 'The mentor\'s "Needs you" list: days that count as recent; warning templates (names or their beginnings)' ) ),
	praise: optional( object( {
		edits: optional( num( { integer: true, min: 1, max: 10000 } ) ),
		days: optional( num( { integer: true, min: 1, max: 90 } ) ),
		firstArticle: optional( bool ),
		firstUpload: optional( bool ),
		template: optional( title ),
	}, 'Good work to praise' ) ),
	graduation: optional( object( {
		edits: optional( num( { integer: true, min: 0, max: 1000000 } ) ),
		days: optional( num( { integer: true, min: 0, max: 3650 } ) ),
	}, 'Mentees may graduate before the end of their term once they made `edits` edits and spent `days` days in the program' ) ),
}, 'Project:Mentorship/Programs/ID/config.json: written by coordinators' );

export const milestoneSchema = object( {
	type: oneOf( MILESTONES ),
	time: timestamp,
	by: username,
	note: optional( text( LIMITS.comment ) ),
} );

/** A mentor proposed to a mentee (a coordinator's match, a leaving mentor's handover): counts only once the mentee accepts. */
export const proposalSchema = object( {
	mentor: username,
	by: username,
	time: timestamp,
} );

export const rosterMemberSchema = object( {
	role: oneOf( ROLES ),
	joined: timestamp,
	left: optional( timestamp ),
	/** The index of the mentee's own choice (their profile's `mentor` decides). */
	mentor: optional( username ),
	proposal: optional( proposalSchema ),
} );

export const rosterSchema = object( {
	version: version1,
	members: record( username, rosterMemberSchema ),
}, 'Project:Mentorship/Programs/ID/roster.json (or one of its shards): the index of members and pairings' );

export const invitationSchema = object( {
	user: username,
	by: username,
	time: timestamp,
	kind: id,
	lang: language,
	revid: revid,
	note: optional( bool ),
} );

export const invitationLogSchema = object( {
	version: version1,
	invitations: array( invitationSchema ),
}, 'Project:Mentorship/Programs/ID/invitations/YYYY-MM.json: one record per invitation' );

export type Question = Infer<typeof questionSchema>;
export type Checkin = Infer<typeof checkinSchema>;
export type Membership = Infer<typeof membershipSchema>;
export type Profile = Infer<typeof profileSchema>;
export type ProgramConfig = Infer<typeof configSchema>;
export type ProgramMessage = Infer<typeof programMessageSchema>;
export type Thresholds = Infer<typeof thresholdSchema>;
export type Milestone = Infer<typeof milestoneSchema>;
export type RecordedMilestone = Infer<typeof recordedMilestoneSchema>;
export type RosterMember = Infer<typeof rosterMemberSchema>;
export type Proposal = Infer<typeof proposalSchema>;
export type Roster = Infer<typeof rosterSchema>;
export type Invitation = Infer<typeof invitationSchema>;
export type InvitationLog = Infer<typeof invitationLogSchema>;

/** The kinds of page, each with its schema and an empty value to create it from. */
export interface PageKind<T> {
	/** Short name used in messages: "roster.json". */
	name: string;
	schema: Schema<T>;
	empty?: () => T;
	/**
	 * The member holding the page's entries (roster members, invitation records), checked
	 * one by one: an invalid entry is set aside (kept in the page, untouched, and reported)
	 * instead of making the whole page unusable.
	 */
	entries?: { field: string; key?: Schema<string>; item: Schema<unknown> };
}

export const PROFILE: PageKind<Profile> = {
	name: 'mentorship.json',
	schema: profileSchema,
	empty: () => ( { version: 1, programs: {} } ),
};
export const CONFIG: PageKind<ProgramConfig> = { name: 'config.json', schema: configSchema };
export const ROSTER: PageKind<Roster> = {
	name: 'roster.json',
	schema: rosterSchema,
	entries: { field: 'members', key: username, item: rosterMemberSchema },
	empty: () => ( { version: 1, members: {} } ),
};
export const INVITATIONS: PageKind<InvitationLog> = {
	name: 'invitations.json',
	schema: invitationLogSchema,
	entries: { field: 'invitations', item: invitationSchema },
	empty: () => ( { version: 1, invitations: [] } ),
};
