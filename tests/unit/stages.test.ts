import { describe, expect, it } from 'vitest';
import { MILESTONES, Milestone, ProgramConfig, Roster } from '../../src/core/format';
import {
	DEFAULT_STAGE_THRESHOLDS, detectMilestones, MemberFacts, MILESTONE_MESSAGES, mentorSince, STAGE_MESSAGES,
	stageOf, stageThresholds, StageThresholds, STAGES,
} from '../../src/core/stages';

const TODAY = '2026-03-01';

/** A registration `days` before TODAY. */
function registered( days: number ): string {
	return new Date( Date.UTC( 2026, 2, 1 ) - days * 86400000 ).toISOString().replace( /\.\d+Z$/, 'Z' );
}

function facts( name: string, edits: number, days: number | null, extra: Partial<MemberFacts> = {} ): MemberFacts {
	return { name: name, edits: edits, registration: days === null ? null : registered( days ), ...extra };
}

function milestone( type: Milestone['type'], note?: string ): Milestone {
	const m: Milestone = { type: type, time: '2026-02-01T00:00:00Z', by: 'Coordinator' };
	if ( note ) {
		m.note = note;
	}
	return m;
}

describe( 'stageOf', () => {
	it( 'needs both edits and tenure, with the default thresholds', () => {
		expect( stageOf( facts( 'Zoë', 0, 0 ), TODAY ).stage ).toBe( 'nascent' );
		expect( stageOf( facts( 'Zoë', 9, 100 ), TODAY ).stage ).toBe( 'nascent' );
		expect( stageOf( facts( 'Zoë', 50, 6 ), TODAY ).stage ).toBe( 'nascent' );
		expect( stageOf( facts( 'Zoë', 10, 7 ), TODAY ).stage ).toBe( 'emerging' );
		expect( stageOf( facts( 'Zoë', 99, 400 ), TODAY ).stage ).toBe( 'emerging' );
		expect( stageOf( facts( 'Zoë', 100, 30 ), TODAY ).stage ).toBe( 'expanding' );
		expect( stageOf( facts( 'Zoë', 5000, 89 ), TODAY ).stage ).toBe( 'expanding' );
		expect( stageOf( facts( 'Zoë', 500, 90 ), TODAY ).stage ).toBe( 'elevated' );
	} );

	it( 'says why, and what the next stage takes', () => {
		const result = stageOf( facts( 'José_Luis', 42, 12 ), TODAY );
		expect( result ).toEqual( {
			stage: 'emerging',
			reasons: [ { key: 'mentorship-stage-reason-edits', params: [ 'José_Luis', 42, 12 ] } ],
			next: { stage: 'expanding', edits: 58, days: 18 },
		} );
		expect( stageOf( facts( 'A', 3, 2 ), TODAY ).next ).toEqual( { stage: 'emerging', edits: 7, days: 5 } );
		const expanding = stageOf( facts( 'A', 200, 40 ), TODAY );
		expect( expanding.next ).toEqual( { stage: 'elevated', edits: 300, days: 50, milestones: 1 } );
		expect( stageOf( facts( 'A', 600, 100 ), TODAY ).next ).toBeNull();
	} );

	it( 'counts an old account without a registration date as long-standing', () => {
		const result = stageOf( facts( 'محمد', 150, null ), TODAY );
		expect( result.stage ).toBe( 'expanding' );
		expect( result.reasons ).toEqual( [ { key: 'mentorship-stage-reason-edits-undated', params: [ 'محمد', 150 ] } ] );
		expect( result.next ).toEqual( { stage: 'elevated', edits: 350, days: 0, milestones: 1 } );
	} );

	it( 'counts advanced rights, being a mentor and recorded milestones as leadership', () => {
		const rollbacker = stageOf( facts( 'A', 140, 40, { groups: [ '*', 'user', 'autoconfirmed', 'rollbacker' ] } ), TODAY );
		expect( rollbacker.stage ).toBe( 'elevated' );
		expect( rollbacker.reasons ).toEqual( [
			{ key: 'mentorship-stage-reason-right', params: [ 'A', [ 'rollbacker' ], 1 ] },
			{ key: 'mentorship-stage-reason-edits', params: [ 'A', 140, 40 ] },
		] );
		// Signals lift a member one stage above their activity, not from Emerging to Elevated.
		expect( stageOf( facts( 'A', 40, 20, { groups: [ 'rollbacker' ] } ), TODAY ).stage ).toBe( 'emerging' );
		expect( stageOf( facts( 'A', 40, 20, { groups: [ 'autoconfirmed', 'extendedconfirmed' ] } ), TODAY ).stage ).toBe( 'emerging' );
		const mentor = stageOf( facts( 'A', 100, 30, { mentor: true } ), TODAY );
		expect( [ mentor.stage, mentor.reasons[ 0 ]!.key ] ).toEqual( [ 'elevated', 'mentorship-stage-reason-mentor' ] );
		const event = stageOf( facts( 'A', 100, 30, { milestones: [ milestone( 'organised-event' ) ] } ), TODAY );
		expect( [ event.stage, event.reasons[ 0 ] ] ).toEqual( [ 'elevated', { key: 'mentorship-stage-reason-milestones', params: [ 'A', 1 ] } ] );
		// Reached by activity: the edits come first, the rights after.
		const both = stageOf( facts( 'A', 900, 900, { groups: [ 'sysop', 'bureaucrat' ] } ), TODAY );
		expect( both.reasons.map( ( r ) => r.key ) ).toEqual( [ 'mentorship-stage-reason-edits', 'mentorship-stage-reason-right' ] );
	} );

	it( 'stages by what the person did: 2 edits on an account 0 days old are Nascent, whatever rights, milestones or mentoring (issue 15)', () => {
		const fresh = stageOf( facts( 'A', 2, 0, {
			groups: [ 'sysop', 'bureaucrat' ], mentor: true,
			milestones: [ milestone( 'organised-event' ), milestone( 'wikiproject-task' ) ],
		} ), TODAY );
		expect( fresh.stage ).toBe( 'nascent' );
		expect( fresh.next ).toEqual( { stage: 'emerging', edits: 8, days: 7 } );
		// The same signals with the edits and tenure of Expanding lift them to Elevated.
		expect( stageOf( facts( 'A', 100, 30, { groups: [ 'sysop' ] } ), TODAY ).stage ).toBe( 'elevated' );
	} );

	it( 'does not count a right twice when the roster records it', () => {
		const thresholds: StageThresholds = { ...DEFAULT_STAGE_THRESHOLDS, elevated: { edits: 500, days: 90, milestones: 2 } };
		const once = facts( 'A', 3, 1, { groups: [ 'rollbacker' ], milestones: [ milestone( 'gained-right', 'rollbacker' ) ] } );
		expect( stageOf( once, TODAY, thresholds ).stage ).toBe( 'nascent' );
		expect( stageOf( once, TODAY, thresholds ).next ).toEqual( { stage: 'emerging', edits: 7, days: 6 } );
		const twice = { ...once, edits: 100, registration: registered( 30 ), mentor: true };
		expect( stageOf( twice, TODAY, thresholds ).stage ).toBe( 'elevated' );
	} );

	it( 'follows the program\'s thresholds, and never takes milestones 0 as a route', () => {
		const config = { stages: {
			emerging: { edits: 1, days: 0 },
			expanding: { edits: 20, days: 0, milestones: 0 },
			elevated: { edits: 50, days: 10 },
		} } as unknown as ProgramConfig;
		const t = stageThresholds( config );
		expect( stageOf( facts( 'A', 1, 0 ), TODAY, t ).stage ).toBe( 'emerging' );
		expect( stageOf( facts( 'A', 30, 0, { mentor: true } ), TODAY, t ).stage ).toBe( 'expanding' );
		expect( stageOf( facts( 'A', 0, 0, { mentor: true } ), TODAY, t ).stage ).toBe( 'nascent' );
		expect( stageThresholds( {} as ProgramConfig ) ).toBe( DEFAULT_STAGE_THRESHOLDS );
		// A custom list of advanced groups.
		expect( stageOf( facts( 'A', 0, 0, { groups: [ 'steward' ] } ), TODAY, DEFAULT_STAGE_THRESHOLDS, [ 'local-admin' ] ).stage ).toBe( 'nascent' );
	} );

	it( 'has a message for every stage and milestone type', () => {
		expect( STAGES.map( ( s ) => STAGE_MESSAGES[ s ] ) ).toEqual( STAGES.map( ( s ) => 'mentorship-stage-' + s ) );
		expect( MILESTONES.map( ( m ) => MILESTONE_MESSAGES[ m ] ) ).toEqual( MILESTONES.map( ( m ) => 'mentorship-milestone-' + m ) );
	} );
} );

describe( 'milestones the wiki shows', () => {
	it( 'finds rights gained since joining, from the rights log', () => {
		const found = detectMilestones( {
			name: 'Zoë',
			groups: [ 'autoconfirmed', 'rollbacker', 'autopatrolled' ],
			rightsLog: [
				{ time: '2026-02-10T00:00:00Z', added: [ 'autopatrolled' ] },
				{ time: '2025-06-01T00:00:00Z', added: [ 'rollbacker' ] },
				{ time: '2026-02-20T00:00:00Z', added: [ 'patroller' ] },
				{ time: '2026-02-21T00:00:00Z', added: [ 'confirmed' ] },
			],
			since: '2026-01-01T00:00:00Z',
		} );
		// Rollbacker came before joining; patroller was removed again; confirmed is no advanced right.
		expect( found ).toEqual( [ {
			type: 'gained-right',
			time: '2026-02-10T00:00:00Z',
			note: 'autopatrolled',
			reason: { key: 'mentorship-milestone-detected-right', params: [ 'Zoë', 'autopatrolled' ] },
		} ] );
	} );

	it( 'suggests each advanced group held when there is no log, once', () => {
		const found = detectMilestones( {
			name: 'A',
			groups: [ 'sysop', 'user', 'rollbacker' ],
			milestones: [ milestone( 'gained-right', 'rollbacker' ) ],
		} );
		expect( found.map( ( f ) => [ f.type, f.note, f.time ] ) ).toEqual( [ [ 'gained-right', 'sysop', undefined ] ] );
	} );

	it( 'finds who became a mentor, unless recorded or before joining', () => {
		const rosters: Roster[] = [
			{ version: 1, members: { 'José Luis': { role: 'mentee', joined: '2025-09-01T00:00:00Z' } } },
			{ version: 1, members: { 'José Luis': { role: 'mentor', joined: '2026-02-15T00:00:00Z' } } },
			{ version: 1, members: { 'José Luis': { role: 'mentor', joined: '2026-01-15T00:00:00Z', left: '2026-01-30T00:00:00Z' } } },
		];
		const since = mentorSince( rosters, 'José Luis' );
		expect( since ).toBe( '2026-01-15T00:00:00Z' );
		expect( mentorSince( rosters, 'Nobody' ) ).toBeNull();
		const base = { name: 'José Luis', mentorSince: since, since: '2025-09-01T00:00:00Z', rightsLog: [ { time: '2026-02-01T00:00:00Z', added: [ 'rollbacker' ] } ] };
		expect( detectMilestones( base ).map( ( f ) => [ f.type, f.time, f.reason.key ] ) ).toEqual( [
			[ 'became-mentor', '2026-01-15T00:00:00Z', 'mentorship-milestone-detected-mentor' ],
			[ 'gained-right', '2026-02-01T00:00:00Z', 'mentorship-milestone-detected-right' ],
		] );
		expect( detectMilestones( { ...base, milestones: [ milestone( 'became-mentor' ) ] } ).map( ( f ) => f.type ) ).toEqual( [ 'gained-right' ] );
		expect( detectMilestones( { ...base, since: '2026-03-01T00:00:00Z' } ) ).toEqual( [] );
	} );
} );
