import { describe, expect, it } from 'vitest';
import { buildDashboard, DashboardInput } from '../../src/core/dashboard';
import { Membership, Profile, ProgramConfig, RecordedMilestone, RosterMember } from '../../src/core/format';
import { buildGraduation, certificateTitle } from '../../src/core/graduation';
import { coMentorOf, coMentorsOf, formerMentorOf, graduatedByMentor, graduationDue } from '../../src/core/graduation-rules';
import { median, summariseGraduates } from '../../src/core/graduates';
import { ProgramState } from '../../src/core/program';
import { profileSchema } from '../../src/core/format';
import { validate } from '../../src/core/schema';
import { WikiClient } from '../../src/wiki/client';
import { graduate } from '../../src/wiki/graduation';
import { Actor } from '../../src/wiki/membership';
import { Store } from '../../src/wiki/store';
import { FakeClock } from './fakes/transport';
import { FakeWiki } from './fakes/wiki';

const P = 'grad-2026';
const NOW = '2026-06-01T12:00:00Z';

const CONFIG: ProgramConfig = {
	version: 1, name: 'Grad', description: '', coordinators: [ 'Carol' ], topics: [], languages: [ 'en' ],
};

const messages = ( key: string ): string => '(' + key + ': $1 | $2 | $3)';

function membership( role: 'mentor' | 'mentee', joined: string, more: Partial<Membership> = {} ): Membership {
	return { role: role, joined: joined, topics: [], languages: [ 'en' ], ...more };
}

interface Spec {
	role: 'mentor' | 'mentee';
	joined: string;
	own?: Partial<Membership>;
	recorded?: RecordedMilestone[];
	left?: string;
}

function state( specs: Record<string, Spec>, config: Partial<ProgramConfig> = {} ): ProgramState {
	const members: Record<string, RosterMember> = {};
	const profiles: Record<string, Profile | null> = {};
	for ( const name of Object.keys( specs ) ) {
		const s = specs[ name ]!;
		members[ name ] = s.left ? { role: s.role, joined: s.joined, left: s.left } : { role: s.role, joined: s.joined };
		const p: Profile = { version: 1, programs: { [ P ]: membership( s.role, s.joined, s.own ) } };
		if ( s.recorded ) {
			p.recorded = { [ P ]: s.recorded };
		}
		profiles[ name ] = p;
	}
	return { id: P, config: { ...CONFIG, ...config }, members: members, profiles: profiles };
}

function dashboard( program: ProgramState, coordinatorProfiles: Record<string, Profile | null> = {} ): ReturnType<typeof buildDashboard> {
	const input: DashboardInput = {
		program: program, now: NOW, accounts: {}, activity: {}, replies: [], repliesComplete: true, invitations: [],
		rosters: [ { version: 1, members: program.members } ], coordinatorProfiles: coordinatorProfiles,
	};
	return buildDashboard( input );
}

describe( 'when a mentee may graduate', () => {
	const m = membership( 'mentee', '2026-01-10T00:00:00Z' );
	it( 'at the end of the term, from the program\'s start or from when they joined', () => {
		expect( graduationDue( { ...CONFIG, termDays: 90, start: '2026-01-01' }, m, 0, '2026-04-01' ) ).toEqual( { due: true, because: 'term', end: '2026-04-01' } );
		expect( graduationDue( { ...CONFIG, termDays: 90 }, m, 0, '2026-04-09' ).due ).toBe( false );
		expect( graduationDue( { ...CONFIG, termDays: 90 }, m, 0, '2026-04-10' ) ).toEqual( { due: true, because: 'term', end: '2026-04-10' } );
	} );
	it( 'once both thresholds are met, and not with one of them or none', () => {
		const config = { ...CONFIG, termDays: 365, graduation: { edits: 100, days: 30 } };
		expect( graduationDue( config, m, 100, '2026-02-09' ) ).toEqual( { due: true, because: 'thresholds', edits: 100, days: 30 } );
		expect( graduationDue( config, m, 99, '2026-02-09' ).due ).toBe( false );
		expect( graduationDue( config, m, 100, '2026-02-08' ).due ).toBe( false );
		expect( graduationDue( { ...CONFIG, graduation: { edits: 1 } }, m, 500, '2027-01-01' ) ).toEqual( { due: false, end: null, edits: null, days: null } );
		expect( graduationDue( CONFIG, m, 500, '2027-01-01' ).due ).toBe( false );
	} );
} );

describe( 'the recognition and the certificate', () => {
	const hostile = 'Thanks ~~~~ [[Category:Vandals]] {{subst:Delete}} </nowiki><script>x</script>\n* __NOTOC__ https://spam.example';
	const built = buildGraduation( {
		id: 'abc', programId: P, programName: 'Grad ]] {{x}} ~~~', mentee: 'Ann', by: 'Mara', mentor: 'Mara', date: '2026-06-01', note: hostile,
	}, messages );

	it( 'goes to the mentee\'s talk page, signed once, and the certificate to the program\'s folder', () => {
		expect( built.post.page ).toBe( 'User talk:Ann' );
		expect( built.certificate.page ).toBe( certificateTitle( P, 'Ann' ) );
		expect( built.certificate.page ).toBe( 'Project:Mentorship/Programs/' + P + '/Certificates/Ann' );
		for ( const text of [ built.post.text, built.certificate.text ] ) {
			// Once outside what the mentor typed (shown as typed, inside nowiki).
			expect( text.replace( /<nowiki>[^]*?<\/nowiki>/g, '' ).split( '~~~' ).length - 1 ).toBe( 1 );
			expect( text ).toContain( built.post.marker );
		}
		expect( built.post.sectiontitle ).not.toMatch( /\n/ );
	} );

	it( 'shows what the mentor typed as typed: no category, template, tag, signature or magic word survives', () => {
		for ( const text of [ built.post.text, built.certificate.text ] ) {
			const outside = text.replace( /<nowiki>[^]*?<\/nowiki>/g, '' );
			expect( outside ).not.toMatch( /\[\[Category:/ );
			expect( outside ).not.toMatch( /\{\{subst/ );
			expect( outside ).not.toMatch( /<script/ );
			expect( outside ).not.toMatch( /__NOTOC__/ );
			expect( outside ).not.toContain( '{{x}}' );
			expect( text ).toContain( '&lt;script&gt;' );
			// The nowiki the mentor typed cannot close ours.
			expect( text ).not.toContain( '</nowiki><script>' );
		}
	} );

	it( 'carries the one-click invitation to mentor: the panel, this program, the join form as a mentor', () => {
		expect( built.post.text ).toContain( 'program=' + P + '&withgadget=mentorship-match&view=join&as=mentor' );
		expect( built.post.text ).toContain( '[[' + built.certificate.page + '|' );
	} );
} );

describe( 'whose graduation counts', () => {
	const graduated = (): RecordedMilestone[] => [ { member: 'Ann', type: 'graduated', time: '2026-04-10T00:00:00Z', note: certificateTitle( P, 'Ann' ) } ];

	it( 'the confirmed mentor\'s, a coordinator\'s; a forged one counts for nothing', () => {
		const program = state( {
			Mara: { role: 'mentor', joined: '2026-01-01T00:00:00Z', recorded: graduated() },
			Ann: { role: 'mentee', joined: '2026-01-10T00:00:00Z', own: { mentor: 'Mara' } },
			Bob: { role: 'mentee', joined: '2026-01-10T00:00:00Z', own: { mentor: 'Mara' } },
			// Vic mentors nobody here: her record of Bob's graduation is forged.
			Vic: { role: 'mentor', joined: '2026-01-01T00:00:00Z', recorded: [ { member: 'Bob', type: 'graduated', time: '2026-04-10T00:00:00Z' } ] },
		} );
		expect( graduatedByMentor( program, 'Ann' ) ).toBe( true );
		expect( graduatedByMentor( program, 'Bob' ) ).toBe( false );
		const built = dashboard( program );
		expect( built.summary.graduates ).toEqual( { graduates: [ 'Ann' ], mentors: [], medianDays: null } );
		expect( built.rows.find( ( r ) => r.name === 'Bob' )!.recorded ).toEqual( [] );
		// A coordinator's record counts; a vandal's, in a profile offered as a coordinator's, does not.
		const withCarol = dashboard( program, {
			Carol: { version: 1, programs: {}, recorded: { [ P ]: [ { member: 'Bob', type: 'graduated', time: '2026-05-01T00:00:00Z' } ] } },
			Vandal: { version: 1, programs: {}, recorded: { [ P ]: [ { member: 'Ann', type: 'graduated', time: '2026-05-01T00:00:00Z' } ] } },
		} );
		expect( withCarol.summary.graduates.graduates ).toEqual( [ 'Ann', 'Bob' ] );
		expect( withCarol.rows.find( ( r ) => r.name === 'Ann' )!.recorded.map( ( m ) => m.by ) ).toEqual( [ 'Mara' ] );
	} );

	it( 'counts graduates who became mentors (their own profile names the former mentor) and the median time it took', () => {
		const program = state( {
			Mara: { role: 'mentor', joined: '2026-01-01T00:00:00Z', recorded: [
				{ member: 'Ann', type: 'graduated', time: '2026-04-10T00:00:00Z' },
				{ member: 'Ben', type: 'graduated', time: '2026-04-10T00:00:00Z' },
				{ member: 'Cy', type: 'graduated', time: '2026-04-10T00:00:00Z' },
				// Dot's profile names another former mentor: Mara's record of her is not confirmed.
				{ member: 'Dot', type: 'graduated', time: '2026-04-10T00:00:00Z' },
			] },
			Ann: { role: 'mentor', joined: '2026-04-20T00:00:00Z', own: { formerMentor: 'Mara', coMentor: 'Mara', capacity: 0 } },
			Ben: { role: 'mentor', joined: '2026-05-10T00:00:00Z', own: { formerMentor: 'Mara' } },
			// Still a mentee of Mara's: a graduate, not a mentor.
			Cy: { role: 'mentee', joined: '2026-01-10T00:00:00Z', own: { mentor: 'Mara' } },
			Dot: { role: 'mentor', joined: '2026-04-20T00:00:00Z', own: { formerMentor: 'Zed' } },
		} );
		expect( formerMentorOf( program, 'Ann' ) ).toBe( 'Mara' );
		expect( formerMentorOf( program, 'Cy' ) ).toBe( 'Mara' );
		const built = dashboard( program );
		expect( built.summary.graduates ).toEqual( { graduates: [ 'Ann', 'Ben', 'Cy' ], mentors: [ 'Ann', 'Ben' ], medianDays: 20 } );
		// Co-mentoring shows in the roster.
		expect( built.rows.find( ( r ) => r.name === 'Ann' )!.coMentorOf ).toBe( 'Mara' );
		expect( built.rows.find( ( r ) => r.name === 'Ben' )!.coMentorOf ).toBeNull();
	} );

	it( 'does not count a graduate who left, nor a mentor who joined before graduating', () => {
		expect( summariseGraduates( [
			{ name: 'A', recorded: [ { type: 'graduated', time: '2026-04-10T00:00:00Z', by: 'M' } ], membership: membership( 'mentor', '2026-04-01T00:00:00Z' ) },
			{ name: 'B', recorded: [ { type: 'graduated', time: '2026-04-10T00:00:00Z', by: 'M' } ], membership: null },
			{ name: 'C', recorded: [ { type: 'other', time: '2026-04-10T00:00:00Z', by: 'M' } ], membership: membership( 'mentor', '2026-05-01T00:00:00Z' ) },
		] ) ).toEqual( { graduates: [ 'A', 'B' ], mentors: [], medianDays: null } );
		expect( median( [ 3, 1, 2 ] ) ).toBe( 2 );
		expect( median( [ 4, 1, 2, 3 ] ) ).toBe( 2.5 );
		expect( median( [] ) ).toBeNull();
	} );
} );

describe( 'co-mentoring', () => {
	it( 'counts while the co-mentor\'s own profile says so and the mentor beside them is a current mentor who did not release them', () => {
		const program = state( {
			Mara: { role: 'mentor', joined: '2026-01-01T00:00:00Z' },
			Ann: { role: 'mentor', joined: '2026-04-20T00:00:00Z', own: { coMentor: 'Mara', capacity: 0 } },
			Ben: { role: 'mentor', joined: '2026-04-20T00:00:00Z', own: { coMentor: 'Gone' } },
			Cy: { role: 'mentee', joined: '2026-04-20T00:00:00Z', own: { coMentor: 'Mara' } },
		} );
		expect( coMentorOf( program, 'Ann' ) ).toBe( 'Mara' );
		expect( coMentorOf( program, 'Ben' ) ).toBeNull();
		expect( coMentorOf( program, 'Cy' ) ).toBeNull();
		expect( coMentorsOf( program, 'Mara' ) ).toEqual( [ 'Ann' ] );
		( program.profiles.Mara!.programs[ P ] as Membership ).released = [ 'Ann' ];
		expect( coMentorsOf( program, 'Mara' ) ).toEqual( [] );
	} );

	it( 'is in the published format', () => {
		const profile: Profile = { version: 1, programs: { [ P ]: membership( 'mentor', NOW, { formerMentor: 'Mara', coMentor: 'Mara', capacity: 0 } ) } };
		expect( validate( profileSchema, profile ).ok ).toBe( true );
		( profile.programs[ P ] as Membership ).coMentor = 'A|B';
		expect( validate( profileSchema, profile ).ok ).toBe( false );
	} );
} );

describe( 'graduating, on the wiki', () => {
	it( 'writes through the store: the certificate with baserevid, re-applied after a conflict; the milestone in the graduating mentor\'s own profile, once', async () => {
		const wiki = new FakeWiki();
		wiki.user = 'Mara';
		const client = new WikiClient( { transport: wiki, clock: new FakeClock() } );
		const store = new Store( client, { random: () => 0.5 } );
		const actor: Actor = { client: client, ctx: { store: store, user: 'Mara', now: NOW, summaries: { profile: 'p', roster: 'r' } }, messages: messages, random: () => 0.5 };
		const page = certificateTitle( P, 'Ann' );
		// An older certificate of Ann's (from another graduation), edited by someone else while we save.
		wiki.put( page, 'An older certificate', { contentmodel: 'wikitext' } );
		let first = true;
		wiki.beforeEdit = ( params ) => {
			if ( first && params.title === page ) {
				first = false;
				wiki.put( page, 'Someone edited it meanwhile', { contentmodel: 'wikitext' } );
			}
		};
		const posts = buildGraduation( { id: 'x1', programId: P, programName: 'Grad', mentee: 'Ann', by: 'Mara', mentor: 'Mara', date: '2026-06-01', note: 'Well done' }, messages );
		const progress = {};
		const done = await graduate( actor, P, 'Ann', posts, progress );
		const certificateEdits = wiki.edits.filter( ( e ) => e.params.title === page );
		expect( certificateEdits ).toHaveLength( 2 );
		for ( const e of certificateEdits ) {
			expect( e.params.baserevid ).toEqual( expect.any( Number ) );
			expect( e.params.basetimestamp ).toBeUndefined();
		}
		expect( wiki.latest( page )!.content ).toBe( posts.certificate.text );
		expect( done.certificate.title ).toBe( page );
		const profile = wiki.value( 'User:Mara/mentorship.json' ) as Profile;
		expect( profile.recorded![ P ] ).toEqual( [ { member: 'Ann', type: 'graduated', time: NOW, note: page } ] );
		// Again, with the same steps done: nothing more is written.
		const edits = wiki.edits.length;
		await graduate( actor, P, 'Ann', posts, progress );
		expect( wiki.edits.length ).toBe( edits );
		// Again from scratch (a lost answer): the certificate holds the marker and the milestone is there, so neither is written again.
		await graduate( actor, P, 'Ann', posts, {} );
		expect( wiki.edits.filter( ( e ) => e.params.title === page ) ).toHaveLength( 2 );
		expect( ( wiki.value( 'User:Mara/mentorship.json' ) as Profile ).recorded![ P ] ).toHaveLength( 1 );
	} );
} );
