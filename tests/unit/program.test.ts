import { describe, expect, it } from 'vitest';
import { Membership, Profile, Question, Role, Roster } from '../../src/core/format';
import { clone } from '../../src/core/json';
import { activeMembership, availability, capacityOf, decodeMentorCache, DEFAULT_CAPACITY, encodeMentorCache, isConfirmedMember, lastQuestion, mentorOf, profileAddQuestion, ProgramState, routeQuestion, unansweredDays } from '../../src/core/program';
import { confirmedMembers, confirmedLoads, listedMenteesOf, menteesByMentor, profileJoin, profileLeave, profileRelease, profileSetMentor, legacyPairings, proposalFor, rosterJoin, rosterLeave, rosterMigrateLegacy, rosterPropose, rosterSetMentor } from '../../src/core/roster';
import { config } from './fixtures/pages';

const P = 'art-2026';
const T0 = '2026-01-10T09:00:00Z';
const T1 = '2026-02-01T12:00:00Z';
const TODAY = '2026-01-20';

function membership( role: Role, extra: Partial<Membership> = {} ): Membership {
	return { role: role, joined: T0, topics: [], languages: [ 'en' ], ...extra };
}

function profileWith( m: Membership | null, programId = P ): Profile {
	return { version: 1, programs: m ? { [ programId ]: m } : {} };
}

/** A program where Alice and Bea are mentors and Bob is Alice's mentee, all confirmed. */
function program(): ProgramState {
	return {
		id: P,
		config: config(),
		members: {
			Alice: { role: 'mentor', joined: T0 },
			Bea: { role: 'mentor', joined: T0 },
			Bob: { role: 'mentee', joined: T0, mentor: 'Alice' },
		},
		profiles: {
			Alice: profileWith( membership( 'mentor', { backup: 'Bea' } ) ),
			Bea: profileWith( membership( 'mentor' ) ),
			Bob: profileWith( membership( 'mentee', { mentor: 'Alice' } ) ),
		},
	};
}

describe( 'program: the pairing rule', () => {
	it( 'pairs a mentee with a mentor when the roster and both profiles agree', () => {
		const p = program();
		expect( mentorOf( p, 'Bob' ) ).toBe( 'Alice' );
		expect( menteesByMentor( p ) ).toEqual( { Alice: [ 'Bob' ], Bea: [] } );
		expect( confirmedMembers( p ) ).toEqual( [ 'Alice', 'Bea', 'Bob' ] );
		expect( confirmedMembers( p, 'mentor' ) ).toEqual( [ 'Alice', 'Bea' ] );
	} );

	it( 'ignores the roster\'s mentor: a forged pairing in the index changes nothing', () => {
		const p = program();
		// A non-member names someone else; a mentor names himself: the mentee's own profile decides.
		p.members.Bob!.mentor = 'Mallory';
		expect( mentorOf( p, 'Bob' ) ).toBe( 'Alice' );
		p.members.Bob!.mentor = 'Bea';
		expect( mentorOf( p, 'Bob' ) ).toBe( 'Alice' );
		expect( menteesByMentor( p ) ).toEqual( { Alice: [ 'Bob' ], Bea: [] } );
		expect( confirmedLoads( p ) ).toEqual( { Alice: 1, Bea: 0 } );
		delete p.members.Bob!.mentor;
		expect( mentorOf( p, 'Bob' ) ).toBe( 'Alice' );
	} );

	it( 'does not count a mentor named by the mentee who never joined as a mentor', () => {
		const p = program();
		p.profiles.Bob!.programs[ P ]!.mentor = 'Mallory';
		expect( mentorOf( p, 'Bob' ) ).toBeNull();
		p.members.Mallory = { role: 'mentor', joined: T0 };
		p.profiles.Mallory = profileWith( null );
		expect( mentorOf( p, 'Bob' ) ).toBeNull();
		expect( isConfirmedMember( p, 'Mallory' ) ).toBe( false );
		p.profiles.Mallory = null;
		expect( mentorOf( p, 'Bob' ) ).toBeNull();
		delete p.profiles.Mallory;
		expect( mentorOf( p, 'Bob' ) ).toBeNull();
		expect( menteesByMentor( p ) ).toEqual( { Alice: [], Bea: [] } );
	} );

	it( 'does not count a member who left by their profile; a roster entry marked left does not unpair', () => {
		const p = program();
		p.profiles.Alice!.programs[ P ]!.left = T1;
		expect( mentorOf( p, 'Bob' ) ).toBeNull();
		expect( isConfirmedMember( p, 'Alice' ) ).toBe( false );

		const q = program();
		// Anyone can edit the roster: it cannot stop a pairing either.
		q.members.Alice!.left = T1;
		expect( mentorOf( q, 'Bob' ) ).toBe( 'Alice' );

		const s = program();
		s.profiles.Bob!.programs[ P ]!.left = T1;
		expect( mentorOf( s, 'Bob' ) ).toBeNull();
	} );

	it( 'takes roles from the profiles, whatever the roster says', () => {
		const p = program();
		// The roster calls Bob a mentor: a vandal cannot make him one.
		p.members.Bob!.role = 'mentor';
		expect( isConfirmedMember( p, 'Bob', 'mentor' ) ).toBe( false );
		expect( isConfirmedMember( p, 'Bob', 'mentee' ) ).toBe( true );
		expect( mentorOf( p, 'Bob' ) ).toBe( 'Alice' );

		const q = program();
		// Alice's own profile says mentee: she is no mentor, whatever the roster says.
		q.profiles.Alice!.programs[ P ]!.role = 'mentee';
		expect( mentorOf( q, 'Bob' ) ).toBeNull();
		expect( confirmedMembers( q, 'mentor' ) ).toEqual( [ 'Bea' ] );
	} );

	it( 'does not pair a mentee with another mentee, nor with themself', () => {
		const p = program();
		p.members.Carl = { role: 'mentee', joined: T0 };
		p.profiles.Carl = profileWith( membership( 'mentee' ) );
		p.profiles.Bob!.programs[ P ]!.mentor = 'Carl';
		expect( mentorOf( p, 'Bob' ) ).toBeNull();
		p.profiles.Bob!.programs[ P ]!.mentor = 'Bob';
		expect( mentorOf( p, 'Bob' ) ).toBeNull();
	} );

	it( 'has no mentor for a name whose profile was not read or names none', () => {
		const p = program();
		expect( mentorOf( p, 'Nobody' ) ).toBeNull();
		delete p.profiles.Bob!.programs[ P ]!.mentor;
		expect( mentorOf( p, 'Bob' ) ).toBeNull();
		expect( mentorOf( p, 'Alice' ) ).toBeNull();
	} );

	it( 'stops counting a pairing the mentor released in their own profile', () => {
		const p = program();
		p.profiles.Alice = profileRelease( p.profiles.Alice!, P, 'Bob' );
		expect( p.profiles.Alice.programs[ P ]!.released ).toEqual( [ 'Bob' ] );
		expect( mentorOf( p, 'Bob' ) ).toBeNull();
	} );

	it( 'counts a mentee the roster does not list when their profile was read', () => {
		const p = program();
		delete p.members.Bob;
		expect( mentorOf( p, 'Bob' ) ).toBe( 'Alice' );
		expect( confirmedMembers( p, 'mentee' ) ).toEqual( [ 'Bob' ] );
	} );

	it( 'keeps a proposal apart from the pairing until the mentee accepts', () => {
		const p = program();
		const roster: Roster = { version: 1, members: clone( p.members ) };
		rosterPropose( roster, 'Bob', 'Bea', 'Coord', T1 );
		expect( roster.members.Bob!.proposal ).toEqual( { mentor: 'Bea', by: 'Coord', time: T1 } );
		expect( roster.members.Bob!.mentor ).toBe( 'Alice' );
		p.members = roster.members;
		expect( mentorOf( p, 'Bob' ) ).toBe( 'Alice' );
		expect( proposalFor( p, 'Bob' ) ).toEqual( { mentor: 'Bea', by: 'Coord', time: T1 } );
		// A proposal of someone who is no mentor (by their own profile) is none.
		const ghost = clone( p );
		ghost.members.Bob!.proposal = { mentor: 'Ghost', by: 'Coord', time: T1 };
		expect( proposalFor( ghost, 'Bob' ) ).toBeNull();
		// Proposing to a mentor or to someone who left does nothing.
		rosterPropose( roster, 'Alice', 'Bea', 'Coord', T1 );
		expect( roster.members.Alice!.proposal ).toBeUndefined();
		// The mentee accepts: their profile names Bea, the roster's index follows and the proposal is settled.
		p.profiles.Bob = profileSetMentor( p.profiles.Bob!, P, 'Bea' );
		rosterSetMentor( roster, 'Bob', 'Bea' );
		expect( roster.members.Bob!.proposal ).toBeUndefined();
		expect( mentorOf( p, 'Bob' ) ).toBe( 'Bea' );
		expect( proposalFor( p, 'Bob' ) ).toBeNull();
		// A proposal of the mentor one already has is no proposal.
		rosterPropose( roster, 'Bob', 'Bea', 'Coord', T1 );
		expect( proposalFor( p, 'Bob' ) ).toBeNull();
		rosterPropose( roster, 'Bob', null, 'Coord', T1 );
		expect( roster.members.Bob!.proposal ).toBeUndefined();
	} );

	it( 'migrates pairings written in the roster only into proposals the mentee accepts', () => {
		const p = program();
		// Cleo was paired by a coordinator the old way: the roster names Bea, her profile no one.
		p.members.Cleo = { role: 'mentee', joined: T0, mentor: 'Bea' };
		p.profiles.Cleo = profileWith( membership( 'mentee' ) );
		// Dan's roster entry names a mentor who is no mentor: nothing to propose.
		p.members.Dan = { role: 'mentee', joined: T0, mentor: 'Nobody' };
		p.profiles.Dan = profileWith( membership( 'mentee' ) );
		expect( mentorOf( p, 'Cleo' ) ).toBeNull();
		expect( legacyPairings( p ) ).toEqual( { Cleo: 'Bea' } );
		const roster: Roster = { version: 1, members: clone( p.members ) };
		rosterMigrateLegacy( roster, legacyPairings( p ), { Cleo: null }, 'Carol', T1 );
		expect( roster.members.Cleo ).toEqual( { role: 'mentee', joined: T0, proposal: { mentor: 'Bea', by: 'Carol', time: T1 } } );
		expect( roster.members.Bob ).toEqual( p.members.Bob );
		p.members = roster.members;
		expect( proposalFor( p, 'Cleo' ) ).toEqual( { mentor: 'Bea', by: 'Carol', time: T1 } );
		expect( legacyPairings( p ) ).toEqual( {} );
	} );

	it( 'lists a mentor\'s mentees from the index, oldest first, at most as many as asked', () => {
		const p = program();
		p.members.Ghost1 = { role: 'mentee', joined: '2025-01-01T00:00:00Z', mentor: 'Alice' };
		p.members.Ghost2 = { role: 'mentee', joined: '2025-01-02T00:00:00Z', mentor: 'Alice' };
		expect( listedMenteesOf( p, 'Alice', 10 ) ).toEqual( [ 'Ghost1', 'Ghost2', 'Bob' ] );
		expect( listedMenteesOf( p, 'Alice', 2 ) ).toEqual( [ 'Ghost1', 'Ghost2' ] );
		// Ghosts (no profile) add nothing to the load.
		expect( confirmedLoads( p ).Alice ).toBe( 1 );
	} );

	it( 'reads memberships from profiles', () => {
		expect( activeMembership( null, P ) ).toBeNull();
		expect( activeMembership( undefined, P ) ).toBeNull();
		expect( activeMembership( profileWith( membership( 'mentor' ) ), P ) ).toEqual( membership( 'mentor' ) );
		expect( activeMembership( profileWith( membership( 'mentor', { left: T1 } ) ), P ) ).toBeNull();
	} );
} );

describe( 'program: availability and routing', () => {
	it( 'tells whether a mentor is available', () => {
		expect( availability( membership( 'mentor' ), TODAY ) ).toEqual( { state: 'active' } );
		expect( availability( membership( 'mentor', { status: 'active' } ), TODAY ) ).toEqual( { state: 'active' } );
		expect( availability( membership( 'mentor', { status: 'leaving' } ), TODAY ) ).toEqual( { state: 'leaving' } );
		expect( availability( membership( 'mentor', { status: 'away' } ), TODAY ) ).toEqual( { state: 'away' } );
		expect( availability( membership( 'mentee' ), TODAY ) ).toEqual( { state: 'gone' } );
		expect( availability( null, TODAY ) ).toEqual( { state: 'gone' } );
	} );

	it( 'counts a mentor away until a past date as back, and until today or later as away', () => {
		expect( availability( membership( 'mentor', { status: 'away', awayUntil: '2026-01-19' } ), TODAY ) ).toEqual( { state: 'active' } );
		expect( availability( membership( 'mentor', { status: 'away', awayUntil: TODAY } ), TODAY ) ).toEqual( { state: 'away', until: TODAY } );
		expect( availability( membership( 'mentor', { status: 'away', awayUntil: '2026-03-01' } ), TODAY ) ).toEqual( { state: 'away', until: '2026-03-01' } );
		// A date without status "away" means nothing.
		expect( availability( membership( 'mentor', { awayUntil: '2026-03-01' } ), TODAY ) ).toEqual( { state: 'active' } );
	} );

	it( 'routes a question to the mentor when available', () => {
		expect( routeQuestion( program(), 'Alice', TODAY ) ).toEqual( { to: 'mentor', user: 'Alice' } );
		const p = program();
		p.profiles.Alice!.programs[ P ]!.status = 'away';
		p.profiles.Alice!.programs[ P ]!.awayUntil = '2026-01-01';
		expect( routeQuestion( p, 'Alice', TODAY ) ).toEqual( { to: 'mentor', user: 'Alice' } );
	} );

	it( 'routes to the backup when the mentor is away and the backup is an available mentor', () => {
		const p = program();
		p.profiles.Alice!.programs[ P ]!.status = 'away';
		p.profiles.Alice!.programs[ P ]!.awayUntil = '2026-02-01';
		expect( routeQuestion( p, 'Alice', TODAY ) ).toEqual( {
			to: 'backup', user: 'Bea', because: { state: 'away', until: '2026-02-01' },
		} );
		p.profiles.Alice!.programs[ P ]!.status = 'leaving';
		expect( routeQuestion( p, 'Alice', TODAY ) ).toEqual( { to: 'backup', user: 'Bea', because: { state: 'leaving' } } );
	} );

	it( 'routes to the help desk when the backup cannot take it', () => {
		const away = program();
		away.profiles.Alice!.programs[ P ]!.status = 'away';
		away.profiles.Bea!.programs[ P ]!.status = 'away';
		expect( routeQuestion( away, 'Alice', TODAY ) ).toEqual( { to: 'helpdesk', page: 'Project:Help desk', because: { state: 'away' } } );

		const notMentor = program();
		notMentor.profiles.Alice!.programs[ P ]!.status = 'away';
		notMentor.profiles.Alice!.programs[ P ]!.backup = 'Bob';
		expect( routeQuestion( notMentor, 'Alice', TODAY ).to ).toBe( 'helpdesk' );

		const self = program();
		self.profiles.Alice!.programs[ P ]!.status = 'away';
		self.profiles.Alice!.programs[ P ]!.backup = 'Alice';
		expect( routeQuestion( self, 'Alice', TODAY ).to ).toBe( 'helpdesk' );

		const none = program();
		none.profiles.Alice!.programs[ P ]!.status = 'away';
		delete none.profiles.Alice!.programs[ P ]!.backup;
		expect( routeQuestion( none, 'Alice', TODAY ).to ).toBe( 'helpdesk' );
	} );

	it( 'routes to the help desk when the mentor is gone', () => {
		const p = program();
		p.profiles.Alice!.programs[ P ]!.left = T1;
		expect( routeQuestion( p, 'Alice', TODAY ) ).toEqual( { to: 'helpdesk', page: 'Project:Help desk', because: { state: 'gone' } } );
		expect( routeQuestion( program(), 'Nobody', TODAY ) ).toEqual( { to: 'helpdesk', page: 'Project:Help desk', because: { state: 'gone' } } );
	} );

	it( 'routes to the mentor when only the roster says the mentor left (the roster cannot reroute)', () => {
		const p = program();
		p.members.Alice!.left = T1;
		expect( routeQuestion( p, 'Alice', TODAY ) ).toEqual( { to: 'mentor', user: 'Alice' } );
	} );

	it( 'routes nowhere when there is no help desk', () => {
		const p = program();
		delete p.config.helpDesk;
		p.profiles.Alice!.programs[ P ]!.status = 'leaving';
		delete p.profiles.Alice!.programs[ P ]!.backup;
		expect( routeQuestion( p, 'Alice', TODAY ) ).toEqual( { to: 'none', because: { state: 'leaving' } } );
	} );

	it( 'has defaults for capacity and unanswered days', () => {
		expect( capacityOf( null ) ).toBe( DEFAULT_CAPACITY );
		expect( capacityOf( membership( 'mentor' ) ) ).toBe( DEFAULT_CAPACITY );
		expect( capacityOf( membership( 'mentor', { capacity: 0 } ) ) ).toBe( 0 );
		const cfg = config();
		delete cfg.unansweredDays;
		expect( unansweredDays( cfg ) ).toBe( 3 );
		cfg.unansweredDays = 7;
		expect( unansweredDays( cfg ) ).toBe( 7 );
	} );

	it( 'finds the last question', () => {
		expect( lastQuestion( null ) ).toBeNull();
		expect( lastQuestion( membership( 'mentee' ) ) ).toBeNull();
		const q1 = question( 'q1' );
		const q2 = question( 'q2' );
		expect( lastQuestion( membership( 'mentee', { questions: [ q1, q2 ] } ) ) ).toEqual( q2 );
	} );
} );

function question( id: string ): Question {
	return { id: id, to: 'Alice', page: 'User talk:Alice', section: 'Help with ' + id, revid: 10, time: T1 };
}

/**
 * Applies a change to a copy, then again to a copy of the result: both must be equal
 * (a retry after a lost response must find nothing more to do).
 */
function expectIdempotent<T>( start: T, change: ( value: T ) => T ): T {
	const once = change( clone( start ) );
	const twice = change( clone( once ) );
	expect( twice ).toEqual( once );
	return once;
}

function rosterWithExtras(): Roster {
	const r = {
		version: 1,
		botData: { lastRun: T0 },
		members: {
			Alice: { role: 'mentor', joined: T0, pronouns: 'she', milestones: [ { type: 'other', time: T0, by: 'Carol' } ] },
			Bob: { role: 'mentee', joined: T0, mentor: 'Alice', note: 'x' },
			Carl: { role: 'mentee', joined: T0, mentor: 'Alice' },
			Dee: { role: 'mentee', joined: T0, mentor: 'Bea' },
		},
	};
	return r as unknown as Roster;
}

function profileWithExtras(): Profile {
	const p = {
		version: 1,
		settings: { theme: 'dark' },
		programs: {
			[ P ]: { role: 'mentee', joined: T0, topics: [ 'Art' ], languages: [ 'en' ], mentor: 'Alice', pronouns: 'he' },
			other: { role: 'mentor', joined: T0, topics: [], languages: [], futureField: [ 1 ] },
		},
	};
	return p as unknown as Profile;
}

describe( 'program: changes are idempotent and keep unknown fields', () => {
	it( 'rosterJoin adds a member once, sorted, keeping everything else', () => {
		const once = expectIdempotent( rosterWithExtras(), ( r ) => rosterJoin( r, 'Abe', 'mentee', T1 ) );
		expect( Object.keys( once.members ) ).toEqual( [ 'Abe', 'Alice', 'Bob', 'Carl', 'Dee' ] );
		expect( once.members.Abe ).toEqual( { role: 'mentee', joined: T1 } );
		const expected = rosterWithExtras();
		for ( const name of [ 'Alice', 'Bob', 'Carl', 'Dee' ] ) {
			expect( once.members[ name ] ).toEqual( expected.members[ name ] );
		}
		expect( ( once as unknown as { botData: unknown } ).botData ).toEqual( { lastRun: T0 } );
	} );

	it( 'rosterJoin of a current member in the same role changes nothing', () => {
		const r = rosterWithExtras();
		expect( rosterJoin( clone( r ), 'Bob', 'mentee', T1 ) ).toEqual( r );
	} );

	it( 'rosterJoin re-activates a member who left, keeping the first join and unknown members', () => {
		const start = rosterWithExtras();
		start.members.Alice!.left = T0;
		const once = expectIdempotent( start, ( r ) => rosterJoin( r, 'Alice', 'mentor', T1 ) );
		const expected = rosterWithExtras().members.Alice;
		expect( once.members.Alice ).toEqual( expected );
	} );

	it( 'rosterJoin in another role starts afresh (new join time, no mentor) and keeps unknown fields', () => {
		const once = expectIdempotent( rosterWithExtras(), ( r ) => rosterJoin( r, 'Bob', 'mentor', T1 ) );
		expect( once.members.Bob ).toEqual( { role: 'mentor', joined: T1, note: 'x' } );
	} );

	it( 'rosterLeave closes the entry and clears every pairing to the leaver', () => {
		const once = expectIdempotent( rosterWithExtras(), ( r ) => rosterLeave( r, 'Alice', T1 ) );
		expect( once.members.Alice ).toEqual( { ...rosterWithExtras().members.Alice, left: T1 } );
		expect( once.members.Bob ).toEqual( { role: 'mentee', joined: T0, note: 'x' } );
		expect( once.members.Carl ).toEqual( { role: 'mentee', joined: T0 } );
		expect( once.members.Dee ).toEqual( { role: 'mentee', joined: T0, mentor: 'Bea' } );
		expect( ( once as unknown as { botData: unknown } ).botData ).toEqual( { lastRun: T0 } );
	} );

	it( 'rosterLeave of a mentee drops their own pairing; a second leave keeps the first time', () => {
		const once = expectIdempotent( rosterWithExtras(), ( r ) => rosterLeave( r, 'Bob', T1 ) );
		expect( once.members.Bob ).toEqual( { role: 'mentee', joined: T0, left: T1, note: 'x' } );
		const later = rosterLeave( clone( once ), 'Bob', '2027-01-01T00:00:00Z' );
		expect( later.members.Bob!.left ).toBe( T1 );
	} );

	it( 'rosterLeave on a shard without the leaver only clears pairings to them', () => {
		const start = rosterWithExtras();
		delete start.members.Alice;
		const once = expectIdempotent( start, ( r ) => rosterLeave( r, 'Alice', T1 ) );
		expect( once.members.Alice ).toBeUndefined();
		expect( once.members.Carl!.mentor ).toBeUndefined();
		expect( once.members.Dee!.mentor ).toBe( 'Bea' );
	} );

	it( 'rosterSetMentor sets and clears, and ignores a name not in the roster', () => {
		const set = expectIdempotent( rosterWithExtras(), ( r ) => rosterSetMentor( r, 'Dee', 'Alice' ) );
		expect( set.members.Dee ).toEqual( { role: 'mentee', joined: T0, mentor: 'Alice' } );
		const cleared = expectIdempotent( rosterWithExtras(), ( r ) => rosterSetMentor( r, 'Bob', null ) );
		expect( cleared.members.Bob ).toEqual( { role: 'mentee', joined: T0, note: 'x' } );
		expect( rosterSetMentor( rosterWithExtras(), 'Nobody', 'Alice' ) ).toEqual( rosterWithExtras() );
	} );

	it( 'profileJoin adds a membership, keeping other programs and unknown fields', () => {
		const m = membership( 'mentor', { capacity: 2 } );
		const once = expectIdempotent( profileWithExtras(), ( p ) => profileJoin( p, 'new', clone( m ) ) );
		expect( once.programs.new ).toEqual( m );
		expect( once.programs[ P ] ).toEqual( profileWithExtras().programs[ P ] );
		expect( once.programs.other ).toEqual( profileWithExtras().programs.other );
		expect( ( once as unknown as { settings: unknown } ).settings ).toEqual( { theme: 'dark' } );
	} );

	it( 'profileJoin of a current member updates what they said and keeps the rest', () => {
		const start = profileWithExtras();
		start.programs[ P ]!.questions = [ question( 'q1' ) ];
		const once = expectIdempotent( start, ( p ) => profileJoin( p, P, membership( 'mentee', {
			joined: T1, topics: [ 'Sculpture' ], questions: [],
		} ) ) );
		expect( once.programs[ P ] ).toEqual( {
			role: 'mentee', joined: T0, topics: [ 'Sculpture' ], languages: [ 'en' ], mentor: 'Alice', pronouns: 'he',
			questions: [ question( 'q1' ) ],
		} );
	} );

	it( 'profileJoin of a current member clears what they set to undefined', () => {
		const start = profileWithExtras();
		start.programs[ P ]!.goals = 'Old goals';
		const once = expectIdempotent( start, ( p ) => profileJoin( p, P, membership( 'mentee', { goals: undefined } ) ) );
		expect( once.programs[ P ]!.goals ).toBeUndefined();
		expect( once.programs[ P ]!.mentor ).toBe( 'Alice' );
	} );

	it( 'profileJoin after leaving starts a fresh membership but keeps the questions asked', () => {
		const start = profileWithExtras();
		start.programs[ P ]!.left = T0;
		start.programs[ P ]!.questions = [ question( 'q1' ) ];
		const once = expectIdempotent( start, ( p ) => profileJoin( p, P, membership( 'mentee', { joined: T1 } ) ) );
		expect( once.programs[ P ] ).toEqual( membership( 'mentee', { joined: T1, questions: [ question( 'q1' ) ] } ) );
	} );

	it( 'profileJoin does not change the membership it is given', () => {
		const start = profileWithExtras();
		start.programs[ P ]!.left = T0;
		start.programs[ P ]!.questions = [ question( 'q1' ) ];
		const m = membership( 'mentee', { joined: T1 } );
		const copy = clone( m );
		const joined = profileJoin( clone( start ), P, m );
		expect( m ).toEqual( copy );
		// The same membership joined to another profile brings nothing of the first one.
		const other = profileJoin( profileWith( null ), P, m );
		expect( other.programs[ P ] ).toEqual( copy );
		// And later changes to the page leave the caller's object alone.
		joined.programs[ P ]!.topics.push( 'Changed' );
		expect( m ).toEqual( copy );
	} );

	it( 'profileLeave closes the membership and drops the mentor, keeping the rest', () => {
		const once = expectIdempotent( profileWithExtras(), ( p ) => profileLeave( p, P, T1 ) );
		const expected = profileWithExtras().programs[ P ]!;
		delete expected.mentor;
		expect( once.programs[ P ] ).toEqual( { ...expected, left: T1 } );
		expect( once.programs.other ).toEqual( profileWithExtras().programs.other );
		expect( profileLeave( profileWith( null ), P, T1 ) ).toEqual( profileWith( null ) );
		expect( profileLeave( clone( once ), P, '2027-01-01T00:00:00Z' ).programs[ P ]!.left ).toBe( T1 );
	} );

	it( 'profileSetMentor sets and clears the mentor', () => {
		const set = expectIdempotent( profileWithExtras(), ( p ) => profileSetMentor( p, P, 'Bea' ) );
		expect( set.programs[ P ]!.mentor ).toBe( 'Bea' );
		expect( ( set.programs[ P ] as unknown as { pronouns: string } ).pronouns ).toBe( 'he' );
		const cleared = expectIdempotent( profileWithExtras(), ( p ) => profileSetMentor( p, P, null ) );
		expect( cleared.programs[ P ]!.mentor ).toBeUndefined();
		expect( profileSetMentor( profileWith( null ), P, 'Bea' ) ).toEqual( profileWith( null ) );
	} );

	it( 'profileAddQuestion records a question once and keeps the latest ones', () => {
		const once = expectIdempotent( profileWithExtras(), ( p ) => profileAddQuestion( p, P, question( 'q1' ), 100 ) );
		expect( once.programs[ P ]!.questions ).toEqual( [ question( 'q1' ) ] );
		let p = clone( once );
		for ( const id of [ 'q2', 'q3', 'q4' ] ) {
			p = profileAddQuestion( p, P, question( id ), 3 );
		}
		expect( p.programs[ P ]!.questions!.map( ( q ) => q.id ) ).toEqual( [ 'q2', 'q3', 'q4' ] );
		expect( profileAddQuestion( profileWith( null ), P, question( 'q1' ), 3 ) ).toEqual( profileWith( null ) );
	} );
} );

describe( 'program: the cached mentor', () => {
	it( 'encodes and decodes', () => {
		const value = encodeMentorCache( { program: P, mentor: 'Alice' } );
		expect( JSON.parse( value as string ) ).toEqual( { v: 2, program: P, mentor: 'Alice' } );
		expect( decodeMentorCache( value ) ).toEqual( { program: P, mentor: 'Alice' } );
		expect( encodeMentorCache( null ) ).toBeNull();
	} );

	it( 'keeps when the latest question waits too long (version 2); version 1 still decodes', () => {
		const value = encodeMentorCache( { program: P, mentor: 'Alice', due: '2026-01-23T12:00:00Z' } );
		expect( JSON.parse( value as string ) ).toEqual( { v: 2, program: P, mentor: 'Alice', due: '2026-01-23T12:00:00Z' } );
		expect( decodeMentorCache( value ) ).toEqual( { program: P, mentor: 'Alice', due: '2026-01-23T12:00:00Z' } );
		expect( decodeMentorCache( JSON.stringify( { v: 1, program: P, mentor: 'Alice' } ) ) ).toEqual( { program: P, mentor: 'Alice' } );
		// A version 1 value knows nothing of `due`; one of another type is dropped.
		expect( decodeMentorCache( JSON.stringify( { v: 1, program: P, mentor: 'Alice', due: '2026-01-23T12:00:00Z' } ) ) ).toEqual( { program: P, mentor: 'Alice' } );
		expect( decodeMentorCache( JSON.stringify( { v: 2, program: P, mentor: 'Alice', due: 5 } ) ) ).toEqual( { program: P, mentor: 'Alice' } );
	} );

	it( 'treats a missing or damaged value as no cache', () => {
		for ( const value of [
			undefined, null, '', 5, {}, 'not json', 'null', '5', '[]', '"x"',
			'{"v":3,"program":"p","mentor":"A"}', '{"program":"p","mentor":"A"}',
			'{"v":1,"program":3,"mentor":"A"}', '{"v":1,"program":"p","mentor":""}', '{"v":1,"program":"p"}',
			'{"v":1,"program":"p","mentor":"A"', // cut short
		] ) {
			expect( decodeMentorCache( value ) ).toBeNull();
		}
	} );
} );
