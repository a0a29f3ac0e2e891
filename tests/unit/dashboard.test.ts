import { describe, expect, it } from 'vitest';
import {
	AccountFacts, ActivityFacts, buildDashboard, DashboardInput, pendingQuestions, profileAddMilestone,
} from '../../src/core/dashboard';
import { Membership, Profile, ProgramConfig, Question, Roster, RosterMember } from '../../src/core/format';
import { ProgramState } from '../../src/core/program';

const P = 'dash-2026';
const NOW = '2026-03-01T12:00:00Z';

function question( id: string, to: string | undefined, time: string, section = 'Question ' + id ): Question {
	const q: Question = { id: id, page: to ? 'User talk:' + to : 'Project:Help desk', section: section, revid: 100, time: time };
	if ( to ) {
		q.to = to;
	}
	return q;
}

interface Spec {
	entry: RosterMember;
	membership?: Partial<Membership> | null;
}

function program( specs: Record<string, Spec>, config: Partial<ProgramConfig> = {} ): ProgramState {
	const members: Record<string, RosterMember> = {};
	const profiles: Record<string, Profile | null> = {};
	for ( const name of Object.keys( specs ) ) {
		const spec = specs[ name ]!;
		members[ name ] = spec.entry;
		profiles[ name ] = spec.membership === null ? null : {
			version: 1,
			// The mentee's own profile names the mentor the roster indexes (the pairing rule asks the profile).
			programs: { [ P ]: { role: spec.entry.role, joined: spec.entry.joined, topics: [], languages: [ 'en' ], ...( spec.entry.mentor ? { mentor: spec.entry.mentor } : {} ), ...spec.membership } },
		};
	}
	return {
		id: P,
		config: {
			version: 1, name: 'Dash', description: '', coordinators: [ 'Carol' ], topics: [], languages: [ 'en' ],
			unansweredDays: 3, goals: { milestones: 2, attrition: 0.25, satisfaction: 4 }, ...config,
		},
		members: members,
		profiles: profiles,
	};
}

function account( editcount: number, registration: string, groups: string[] = [ '*', 'user' ] ): AccountFacts {
	return { exists: true, editcount: editcount, registration: registration, groups: groups };
}

function activity( count: number, last?: string ): ActivityFacts {
	return last ? { count: count, last: last, capped: false } : { count: count, capped: false };
}

/** A cohort: two mentors, five mentees (one left, one inactive, one unconfirmed), questions, invitations, rights. */
function input(): DashboardInput {
	const state = program( {
		Mara: { entry: { role: 'mentor', joined: '2026-01-10T00:00:00Z' }, membership: { capacity: 2, status: 'active' } },
		Noor: { entry: { role: 'mentor', joined: '2026-01-10T00:00:00Z' }, membership: { capacity: 1, status: 'away', awayUntil: '2026-04-01' } },
		Ann: {
			entry: { role: 'mentee', joined: '2026-01-12T00:00:00Z', mentor: 'Mara' },
			membership: {
				questions: [
					// Past the limit, never answered.
					question( 'q1', 'Mara', '2026-02-20T10:00:00Z' ),
					// Past the limit, answered in its section.
					question( 'q2', 'Mara', '2026-02-21T10:00:00Z' ),
					// Recent: not counted yet.
					question( 'q3', 'Mara', '2026-02-28T10:00:00Z' ),
					// The help desk: nobody in particular owes an answer.
					question( 'q4', undefined, '2026-02-01T10:00:00Z' ),
				],
				checkins: [ { time: '2026-02-27T10:00:00Z', satisfaction: 5, comment: 'Mara, is great | thanks' } ],
			},
		},
		Ben: { entry: { role: 'mentee', joined: '2026-02-05T00:00:00Z', mentor: 'Mara' }, membership: { checkins: [ { time: '2026-02-28T00:00:00Z', satisfaction: 3, comment: '' } ] } },
		Cas: { entry: { role: 'mentee', joined: '2026-01-15T00:00:00Z' } },
		Dee: { entry: { role: 'mentee', joined: '2026-01-15T00:00:00Z', left: '2026-02-01T00:00:00Z' } },
		Eve: { entry: { role: 'mentee', joined: '2026-02-20T00:00:00Z', mentor: 'Noor' }, membership: null },
	} );
	const other: Roster = { version: 1, members: { Cas: { role: 'mentor', joined: '2026-02-15T00:00:00Z' }, Mara: { role: 'mentor', joined: '2025-01-01T00:00:00Z' } } };
	return {
		program: state,
		// Carol coordinates: the milestones she recorded in her own profile count.
		coordinatorProfiles: { Carol: { version: 1, programs: {}, recorded: { [ P ]: [ { member: 'Ann', type: 'organised-event', time: '2026-02-10T00:00:00Z', note: 'Edit-a-thon' } ] } } },
		now: NOW,
		accounts: {
			Mara: account( 4000, '2015-01-01T00:00:00Z', [ '*', 'user', 'sysop' ] ),
			Noor: account( 800, '2020-01-01T00:00:00Z' ),
			Ann: account( 150, '2026-01-05T00:00:00Z', [ '*', 'user', 'rollbacker' ] ),
			Ben: account( 12, '2026-02-01T00:00:00Z' ),
			Cas: account( 40, '2025-12-01T00:00:00Z' ),
			Dee: account( 2, '2026-01-14T00:00:00Z' ),
			Eve: account( 1, '2026-02-19T00:00:00Z' ),
		},
		activity: {
			Mara: activity( 30, '2026-02-28T00:00:00Z' ),
			Noor: activity( 0 ),
			Ann: activity( 25, '2026-03-01T08:00:00Z' ),
			Ben: activity( 0 ),
			Cas: activity( 3, '2026-02-10T00:00:00Z' ),
			Dee: activity( 0 ),
			Eve: activity( 1, '2026-02-20T00:00:00Z' ),
		},
		replies: [
			{ user: 'Mara', title: 'User talk:Mara', timestamp: '2026-02-21T12:00:00Z', comment: '/* Question q2 */ reply' },
			// An answer to q1's section by someone else does not count.
			{ user: 'Noor', title: 'User talk:Mara', timestamp: '2026-02-21T12:00:00Z', comment: '/* Question q1 */ reply' },
		],
		repliesComplete: true,
		invitations: [
			{ user: 'Ben', by: 'Carol', time: '2026-02-01T10:00:00Z', kind: 'welcome', lang: 'en', revid: 9 },
			{ user: 'Ben', by: 'Mara', time: '2026-02-03T10:00:00Z', kind: 'welcome', lang: 'en', revid: 10 },
			// Joined before the invitation: it did not bring them.
			{ user: 'Ann', by: 'Carol', time: '2026-02-01T10:00:00Z', kind: 'welcome', lang: 'en', revid: 11 },
			{ user: 'Stranger', by: 'Carol', time: '2026-02-01T10:00:00Z', kind: 'welcome', lang: 'es', revid: 12 },
		],
		rosters: [ { version: 1, members: state.members }, other ],
		rightsLog: { Ann: [ { time: '2026-02-15T00:00:00Z', added: [ 'rollbacker' ] } ] },
		rightsLogSince: '2026-01-01T00:00:00Z',
	};
}

describe( 'the dashboard\'s rows', () => {
	const dashboard = buildDashboard( input() );
	const row = ( name: string ): ReturnType<typeof buildDashboard>[ 'rows' ][ number ] => dashboard.rows.find( ( r ) => r.name === name )!;

	it( 'lists every roster member: mentors first, then mentees, those who left last', () => {
		expect( dashboard.rows.map( ( r ) => r.name ) ).toEqual( [ 'Mara', 'Noor', 'Ann', 'Ben', 'Cas', 'Eve', 'Dee' ] );
		expect( dashboard.rows.map( ( r ) => r.status ) ).toEqual( [ 'active', 'inactive', 'active', 'inactive', 'active', 'unconfirmed', 'left' ] );
	} );

	it( 'gives each mentee their mentor under the pairing rule, and each mentor their load', () => {
		expect( row( 'Ann' ).mentor ).toBe( 'Mara' );
		expect( row( 'Cas' ).mentor ).toBeNull();
		// Eve's own profile does not confirm her membership.
		expect( row( 'Eve' ).mentor ).toBeNull();
		expect( row( 'Mara' ).load ).toEqual( { mentees: 2, capacity: 2 } );
		expect( row( 'Noor' ).load ).toEqual( { mentees: 0, capacity: 1 } );
		expect( row( 'Dee' ).load ).toBeUndefined();
	} );

	it( 'gives stages with their reasons, from edits, tenure, rights and milestones', () => {
		expect( row( 'Ann' ).stage!.stage ).toBe( 'elevated' );
		expect( row( 'Ann' ).stage!.reasons.map( ( r ) => r.key ) ).toContain( 'mentorship-stage-reason-right' );
		expect( row( 'Ben' ).stage!.stage ).toBe( 'emerging' );
		expect( row( 'Dee' ).stage!.stage ).toBe( 'nascent' );
		expect( row( 'Mara' ).stage!.stage ).toBe( 'elevated' );
		// A mentee here who became a mentor in another program: a leadership signal.
		expect( row( 'Cas' ).stage!.reasons.map( ( r ) => r.key ) ).toContain( 'mentorship-stage-reason-mentor' );
	} );

	it( 'a new mentor (2 edits, an account of today) is no leadership stage and is offered no "Became a mentor" (issue 15)', () => {
		const data = input();
		data.program.members.Finn = { role: 'mentor', joined: '2026-03-01T00:00:00Z' };
		data.program.profiles.Finn = { version: 1, programs: { [ P ]: { role: 'mentor', joined: '2026-03-01T00:00:00Z', topics: [], languages: [ 'en' ], capacity: 1, status: 'active' } } };
		data.accounts.Finn = account( 2, '2026-03-01T00:00:00Z' );
		data.activity.Finn = activity( 2, '2026-03-01T08:00:00Z' );
		const finn = buildDashboard( data ).rows.find( ( r ) => r.name === 'Finn' )!;
		expect( finn.stage!.stage ).toBe( 'nascent' );
		expect( finn.stage!.reasons.map( ( r ) => r.key ) ).not.toContain( 'mentorship-stage-reason-mentor' );
		expect( finn.detected ).toEqual( [] );
		// Noor mentors too, with 800 edits since 2020: staged by those, not by mentoring.
		expect( row( 'Noor' ).stage!.reasons.map( ( r ) => r.key ) ).not.toContain( 'mentorship-stage-reason-mentor' );
		expect( row( 'Noor' ).detected ).toEqual( [] );
	} );

	it( 'gives edits in the last 30 days and the last edit', () => {
		expect( row( 'Ann' ).edits ).toBe( 25 );
		expect( row( 'Ann' ).lastEdit ).toBe( '2026-03-01T08:00:00Z' );
		expect( row( 'Ben' ).edits ).toBe( 0 );
		expect( row( 'Ben' ).lastEdit ).toBeNull();
		expect( row( 'Ben' ).editcount ).toBe( 12 );
	} );

	it( 'counts questions unanswered by their recipient beyond the program\'s limit', () => {
		expect( row( 'Ann' ).unanswered.map( ( u ) => u.question.id ) ).toEqual( [ 'q1' ] );
		expect( row( 'Ann' ).unanswered[ 0 ]!.days ).toBe( 9 );
		expect( row( 'Ben' ).unanswered ).toEqual( [] );
	} );

	it( 'lists milestones recorded, and those the wiki shows since the member joined', () => {
		expect( row( 'Ann' ).recorded.map( ( m ) => m.type ) ).toEqual( [ 'organised-event' ] );
		expect( row( 'Ann' ).detected ).toEqual( [ {
			type: 'gained-right', note: 'rollbacker', time: '2026-02-15T00:00:00Z',
			reason: { key: 'mentorship-milestone-detected-right', params: [ 'Ann', 'rollbacker' ] },
		} ] );
		// Cas became a mentor in another program after joining this one.
		expect( row( 'Cas' ).detected.map( ( d ) => d.type ) ).toEqual( [ 'became-mentor' ] );
		// Mara has been a mentor since before this program; her sysop right is older than the log read.
		expect( row( 'Mara' ).detected ).toEqual( [] );
	} );

	it( 'counts only milestones a coordinator of the program recorded in their own profile', () => {
		const forged = input();
		// A roster entry claiming a milestone "by" the coordinator (anyone can edit the roster).
		( forged.program.members.Ann as Record<string, unknown> ).milestones = [ { type: 'other', time: '2026-02-11T00:00:00Z', by: 'Carol' } ];
		// Someone who is not a coordinator, in their own profile.
		forged.coordinatorProfiles!.Vandal = { version: 1, programs: {}, recorded: { [ P ]: [ { member: 'Ann', type: 'other', time: '2026-02-12T00:00:00Z' } ] } };
		// A coordinator's record for another program.
		forged.coordinatorProfiles!.Carol!.recorded!.other = [ { member: 'Ann', type: 'other', time: '2026-02-13T00:00:00Z' } ];
		const built = buildDashboard( forged );
		expect( built.rows.find( ( r ) => r.name === 'Ann' )!.recorded ).toEqual( [ { type: 'organised-event', time: '2026-02-10T00:00:00Z', by: 'Carol', note: 'Edit-a-thon' } ] );
		expect( built.summary.milestones ).toEqual( buildDashboard( input() ).summary.milestones );
		// A coordinator removed from the config no longer counts.
		const removed = input();
		removed.program.config.coordinators = [ 'Dana' ];
		expect( buildDashboard( removed ).rows.find( ( r ) => r.name === 'Ann' )!.recorded ).toEqual( [] );
	} );

	it( 'counts a milestone the member\'s confirmed mentor recorded in their own profile (praise), not one recorded by anyone else', () => {
		const praised = input();
		const profiles = praised.program.profiles;
		// Mara is Ann's confirmed mentor (Ann's own profile names her): her record counts, by her.
		profiles.Mara!.recorded = { [ P ]: [ { member: 'Ann', type: 'first-article', time: '2026-02-20T00:00:00Z', note: 'Monet' } ] };
		// Noor is not Ann's mentor; Eve's profile does not confirm the pairing the roster claims.
		profiles.Noor!.recorded = { [ P ]: [ { member: 'Ann', type: 'first-upload', time: '2026-02-21T00:00:00Z' }, { member: 'Eve', type: 'active-editing', time: '2026-02-21T00:00:00Z' } ] };
		// A roster entry that names Mara as Cas's mentor, forged: Cas's profile does not.
		( praised.program.members.Cas as RosterMember ).mentor = 'Mara';
		profiles.Mara!.recorded[ P ]!.push( { member: 'Cas', type: 'first-upload', time: '2026-02-22T00:00:00Z' } );
		const built = buildDashboard( praised );
		const rec = ( name: string ): unknown => built.rows.find( ( r ) => r.name === name )!.recorded;
		expect( rec( 'Ann' ) ).toEqual( [
			{ type: 'organised-event', time: '2026-02-10T00:00:00Z', by: 'Carol', note: 'Edit-a-thon' },
			{ type: 'first-article', time: '2026-02-20T00:00:00Z', by: 'Mara', note: 'Monet' },
		] );
		expect( rec( 'Eve' ) ).toEqual( [] );
		expect( rec( 'Cas' ) ).toEqual( [] );
		// Good work praised is recorded and shown, but it is no leadership step: the goal and the stage count none of it.
		expect( built.summary.milestones ).toEqual( buildDashboard( input() ).summary.milestones );
		const leadership = input();
		leadership.program.profiles.Mara!.recorded = { [ P ]: [ { member: 'Ann', type: 'wikiproject-task', time: '2026-02-20T00:00:00Z' } ] };
		expect( buildDashboard( leadership ).summary.milestones.reached ).toBe( buildDashboard( input() ).summary.milestones.reached + 1 );
		expect( built.rows.find( ( r ) => r.name === 'Ann' )!.stage ).toEqual( buildDashboard( input() ).rows.find( ( r ) => r.name === 'Ann' )!.stage );
	} );

	it( 'gives the latest check-in and the first invitation', () => {
		expect( row( 'Ann' ).checkin!.satisfaction ).toBe( 5 );
		expect( row( 'Cas' ).checkin ).toBeNull();
		expect( row( 'Ben' ).invited ).toBe( '2026-02-01T10:00:00Z' );
		expect( row( 'Cas' ).invited ).toBeNull();
	} );

	it( 'treats rights as undated when the rights log was not read back to the member\'s joining', () => {
		const partial = input();
		partial.rightsLogSince = '2026-02-20T00:00:00Z';
		partial.rightsLog = {};
		const ann = buildDashboard( partial ).rows.find( ( r ) => r.name === 'Ann' )!;
		expect( ann.detected ).toEqual( [ { type: 'gained-right', note: 'rollbacker', reason: { key: 'mentorship-milestone-detected-right', params: [ 'Ann', 'rollbacker' ] } } ] );
	} );
} );

describe( 'the dashboard\'s summaries', () => {
	const summary = buildDashboard( input() ).summary;

	it( 'counts members and the mentors\' load', () => {
		expect( summary.counts ).toEqual( { mentors: 2, mentees: 3, left: 1, unconfirmed: 1 } );
		expect( summary.load.mentors ).toEqual( [
			{ name: 'Mara', mentees: 2, capacity: 2, state: 'active' },
			{ name: 'Noor', mentees: 0, capacity: 1, state: 'away' },
		] );
		expect( summary.load.places ).toBe( 3 );
		expect( summary.load.taken ).toBe( 2 );
		expect( summary.load.full ).toBe( 1 );
		expect( summary.load.over ).toEqual( [] );
	} );

	it( 'names mentees without a mentor and inactive members, and measures attrition against the goal', () => {
		expect( summary.withoutMentor ).toEqual( [ 'Cas' ] );
		expect( summary.inactive ).toEqual( [ 'Noor', 'Ben' ] );
		// Ann, Ben, Cas, Dee: Dee left, Ben inactive: 2 of 4.
		expect( summary.attrition ).toEqual( { mentees: 4, left: 1, inactive: 1, rate: 0.5, goal: 0.25, met: false } );
	} );

	it( 'counts unanswered questions, invitations that turned into members, milestones and check-ins against the goals', () => {
		expect( summary.unanswered ).toEqual( { questions: 1, members: 1, complete: true } );
		expect( summary.invitations ).toEqual( { sent: 4, invitees: 3, joined: [ 'Ben' ] } );
		// Ann: an event and a right; Cas: became a mentor.
		expect( summary.milestones ).toEqual( { reached: 3, members: 2, goal: 2, met: true } );
		expect( summary.checkins.count ).toBe( 2 );
		expect( summary.checkins.average ).toBe( 4 );
		expect( summary.checkins.met ).toBe( true );
		expect( summary.checkins.comments.map( ( c ) => c.name ) ).toEqual( [ 'Ann' ] );
	} );

	it( 'has no rate and no goal without mentees and goals', () => {
		const empty = buildDashboard( { ...input(), program: program( {}, { goals: undefined } ), invitations: [] } ).summary;
		expect( empty.attrition ).toEqual( { mentees: 0, left: 0, inactive: 0, rate: null } );
		expect( empty.milestones ).toEqual( { reached: 0, members: 0 } );
		expect( empty.invitations ).toEqual( { sent: 0, invitees: 0, joined: [] } );
	} );
} );

describe( 'what the dashboard must read', () => {
	it( 'asks for the talk-page edits of the recipients of questions past the limit, since the oldest', () => {
		expect( pendingQuestions( input().program, NOW ) ).toEqual( { users: [ 'Mara' ], since: '2026-02-20T10:00:00Z' } );
		expect( pendingQuestions( input().program, '2026-02-22T00:00:00Z' ) ).toBeNull();
	} );
} );

describe( 'recording a milestone', () => {
	it( 'adds it to the recorder\'s own profile once (idempotent), per program and member', () => {
		const profile: Profile = { version: 1, programs: {} };
		const record = { type: 'wikiproject-task' as const, time: '2026-02-01T00:00:00Z', note: 'Women in Red drive' };
		profileAddMilestone( profile, P, 'Ann', record );
		profileAddMilestone( profile, P, 'Ann', record );
		expect( profile.recorded ).toEqual( { [ P ]: [ { member: 'Ann', ...record } ] } );
		profileAddMilestone( profile, P, 'Ben', record );
		profileAddMilestone( profile, 'other', 'Ann', { type: 'other', time: '2026-02-02T00:00:00Z' } );
		expect( profile.recorded![ P ]!.map( ( m ) => m.member ) ).toEqual( [ 'Ann', 'Ben' ] );
		expect( profile.recorded!.other ).toEqual( [ { member: 'Ann', type: 'other', time: '2026-02-02T00:00:00Z' } ] );
	} );
} );
