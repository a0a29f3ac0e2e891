import { describe, expect, it } from 'vitest';
import { Membership, Profile, ProgramConfig, Roster } from '../../src/core/format';
import { isConfirmedMember, mentorOf } from '../../src/core/program';
import { configTitle, profileTitle, rosterTitle } from '../../src/core/titles';
import { WikiClient } from '../../src/wiki/client';
import { recordQuestion } from '../../src/wiki/ask-send';
import { listPrograms } from '../../src/wiki/program-list';
import { joinProgram, leaveProgram, loadProgram, rosterPageFor, setMentor, WriteContext } from '../../src/wiki/programs';
import { isoSeconds } from '../../src/core/dates';
import { Store } from '../../src/wiki/store';
import { config } from './fixtures/pages';
import { FakeClock } from './fakes/transport';
import { FakeWiki } from './fakes/wiki';
import { failure } from '../support/failure';

const P = 'art-2026';
const T = '2026-01-20T12:00:00Z';

function setup(): { wiki: FakeWiki; client: WikiClient; store: Store } {
	const wiki = new FakeWiki();
	const client = new WikiClient( { transport: wiki, clock: new FakeClock() } );
	return { wiki: wiki, client: client, store: new Store( client, { random: () => 0 } ) };
}

function membership( role: 'mentor' | 'mentee', extra: Partial<Membership> = {} ): Membership {
	return { role: role, joined: T, topics: [ 'Painting' ], languages: [ 'en' ], ...extra };
}

function profile( m: Membership ): Profile {
	return { version: 1, programs: { [ P ]: m } };
}

function name( i: number ): string {
	return 'Member ' + String( i ).padStart( 3, '0' );
}

/** A program of `count` members (every tenth a mentor), each with a profile. */
function populate( wiki: FakeWiki, count: number, cfg: ProgramConfig = config() ): string[] {
	wiki.put( configTitle( P ), cfg );
	const shards = ( cfg.shards && cfg.shards.roster ) || 1;
	const rosters: Record<string, Roster> = {};
	const names: string[] = [];
	for ( let i = 0; i < count; i++ ) {
		const n = name( i );
		names.push( n );
		const role = i % 10 === 0 ? 'mentor' : 'mentee';
		const mentor = role === 'mentee' ? name( i - ( i % 10 ) ) : undefined;
		const title = rosterTitle( P, shards, n );
		const r = rosters[ title ] || ( rosters[ title ] = { version: 1, members: {} } );
		r.members[ n ] = mentor ? { role: role, joined: T, mentor: mentor } : { role: role, joined: T };
		wiki.put( profileTitle( n ), profile( membership( role, mentor ? { mentor: mentor } : {} ) ) );
	}
	for ( const title of Object.keys( rosters ) ) {
		wiki.put( title, rosters[ title ] );
	}
	return names;
}

function ctx( store: Store, user: string ): WriteContext {
	return { store: store, user: user, now: T, summaries: { profile: 'Mentorship: profile', roster: 'Mentorship: roster' } };
}

describe( 'programs: loading', () => {
	it( 'loads 500 members with profiles and accounts in 13 requests', async () => {
		const { wiki, client } = setup();
		const names = populate( wiki, 500 );
		const loaded = await loadProgram( client, P, { users: true } );
		expect( wiki.calls ).toHaveLength( 13 );
		// The config and the roster together first, then the config's trust chain (its
		// revisions, then their content), then 50 profiles and 50 accounts a request.
		expect( wiki.calls[ 0 ]!.params.titles ).toEqual( [ configTitle( P ), rosterTitle( P ) ] );
		expect( wiki.calls[ 1 ]!.params.rvprop ).toBe( 'ids|user|timestamp' );
		expect( wiki.calls[ 2 ]!.params.revids ).toEqual( [ wiki.latest( configTitle( P ) )!.revid ] );
		for ( const call of wiki.calls.slice( 3 ) ) {
			expect( call.params.titles ).toHaveLength( 50 );
			expect( call.params.ususers ).toHaveLength( 50 );
		}
		expect( Object.keys( loaded.state.members ) ).toHaveLength( 500 );
		expect( Object.keys( loaded.users ) ).toHaveLength( 500 );
		expect( loaded.errors ).toEqual( {} );
		expect( loaded.configRevid ).toBe( wiki.latest( configTitle( P ) )!.revid );
		expect( loaded.state.config ).toEqual( config() );
		expect( names.every( ( n ) => loaded.state.profiles[ n ] !== null ) ).toBe( true );
		expect( mentorOf( loaded.state, name( 499 ) ) ).toBe( name( 490 ) );
		expect( client.requestCount ).toBe( 13 );
	} );

	it( 'loads profiles only, or the index only, in fewer requests', async () => {
		const { wiki, client } = setup();
		populate( wiki, 120 );
		await loadProgram( client, P );
		expect( wiki.calls ).toHaveLength( 1 + 2 + 3 );
		expect( wiki.calls[ 3 ]!.params.ususers ).toBeUndefined();
		const before = wiki.calls.length;
		const index = await loadProgram( client, P, { profiles: false } );
		expect( wiki.calls.length - before ).toBe( 1 + 2 );
		const untrusted = wiki.calls.length;
		await loadProgram( client, P, { profiles: false, trust: false } );
		expect( wiki.calls.length - untrusted ).toBe( 1 );
		expect( Object.keys( index.state.members ) ).toHaveLength( 120 );
		expect( index.state.profiles ).toEqual( {} );
	} );

	it( 'loads the profiles of some members only, and the mentors', async () => {
		const { wiki, client } = setup();
		populate( wiki, 30 );
		const loaded = await loadProgram( client, P, { only: [ name( 11 ) ], users: true, extraUsers: [ 'Visitor' ] } );
		expect( Object.keys( loaded.state.profiles ).sort() ).toEqual( [ name( 0 ), name( 10 ), name( 11 ), name( 20 ) ] );
		expect( Object.keys( loaded.users ).sort() ).toEqual( [ name( 0 ), name( 10 ), name( 11 ), name( 20 ), 'Visitor' ] );
	} );

	it( 'merges a sharded roster, reading the shards in one request', async () => {
		const { wiki, client } = setup();
		const cfg = { ...config(), shards: { roster: 4 } };
		populate( wiki, 40, cfg );
		// Each shard holds the members whose name hashes to it.
		for ( let k = 0; k < 4; k++ ) {
			const shard = wiki.value( 'Project:Mentorship/Programs/' + P + '/roster/' + k + '.json' ) as Roster;
			expect( Object.keys( shard.members ).length ).toBeGreaterThan( 0 );
			for ( const n of Object.keys( shard.members ) ) {
				expect( rosterTitle( P, 4, n ) ).toBe( 'Project:Mentorship/Programs/' + P + '/roster/' + k + '.json' );
			}
		}
		const loaded = await loadProgram( client, P );
		expect( wiki.calls ).toHaveLength( 5 );
		expect( wiki.calls[ 3 ]!.params.titles ).toEqual( [ 0, 1, 2, 3 ].map( ( k ) => 'Project:Mentorship/Programs/' + P + '/roster/' + k + '.json' ) );
		expect( Object.keys( loaded.state.members ) ).toHaveLength( 40 );
		expect( mentorOf( loaded.state, name( 39 ) ) ).toBe( name( 30 ) );
	} );

	it( 'loads the other shards when one is invalid, and reports it', async () => {
		const { wiki, client } = setup();
		populate( wiki, 40, { ...config(), shards: { roster: 4 } } );
		const bad = 'Project:Mentorship/Programs/' + P + '/roster/2.json';
		const lost = Object.keys( ( wiki.value( bad ) as Roster ).members );
		wiki.put( bad, { version: 1, members: [ 'nobody' ] } );
		const loaded = await loadProgram( client, P );
		expect( Object.keys( loaded.errors ) ).toEqual( [ bad ] );
		expect( loaded.errors[ bad ]!.kind ).toBe( 'invalid' );
		expect( Object.keys( loaded.state.members ) ).toHaveLength( 40 - lost.length );
	} );

	it( 'sets an invalid roster entry aside: the others load, and coordinators are told', async () => {
		const { wiki, client } = setup();
		populate( wiki, 10 );
		const roster = wiki.value( rosterTitle( P ) ) as Roster;
		( roster.members as Record<string, unknown> ).nobody = {};
		wiki.put( rosterTitle( P ), roster );
		const loaded = await loadProgram( client, P );
		expect( loaded.errors ).toEqual( {} );
		expect( Object.keys( loaded.state.members ) ).toHaveLength( 10 );
		expect( loaded.setAside.map( ( a ) => [ a.page, a.entry.key ] ) ).toEqual( [ [ rosterTitle( P ), 'nobody' ] ] );
	} );

	it( 'does not fail on an invalid profile: it is reported and counts as none', async () => {
		const { wiki, client } = setup();
		populate( wiki, 20 );
		wiki.put( profileTitle( name( 5 ) ), { version: 1, programs: { [ P ]: { role: 'mentee' } } } );
		delete wiki.pages[ FakeWiki.normalize( profileTitle( name( 6 ) ) ) ];
		wiki.put( profileTitle( name( 6 ) ), 'not json', { contentmodel: 'wikitext' } );
		delete wiki.pages[ FakeWiki.normalize( profileTitle( name( 7 ) ) ) ];
		const loaded = await loadProgram( client, P );
		expect( Object.keys( loaded.errors ).sort() ).toEqual( [ profileTitle( name( 5 ) ), profileTitle( name( 6 ) ) ] );
		expect( loaded.errors[ profileTitle( name( 5 ) ) ]!.details.issues![ 0 ]!.path ).toBe( 'programs.art-2026.joined' );
		expect( loaded.errors[ profileTitle( name( 6 ) ) ]!.kind ).toBe( 'contentmodel' );
		expect( loaded.state.profiles[ name( 5 ) ] ).toBeNull();
		expect( loaded.state.profiles[ name( 7 ) ] ).toBeNull();
		expect( mentorOf( loaded.state, name( 5 ) ) ).toBeNull();
		expect( mentorOf( loaded.state, name( 8 ) ) ).toBe( name( 0 ) );
	} );

	it( 'fails when the config is missing or invalid', async () => {
		const { wiki, client } = setup();
		const missing = await failure( loadProgram( client, P ) );
		expect( [ missing.kind, missing.params ] ).toEqual( [ 'missing', [ configTitle( P ) ] ] );
		wiki.put( configTitle( P ), { version: 1, name: 'No more' } );
		const invalid = await failure( loadProgram( client, P ) );
		expect( invalid.kind ).toBe( 'invalid' );
	} );

	it( 'loads a program without a roster as empty', async () => {
		const { wiki, client } = setup();
		wiki.put( configTitle( P ), config() );
		const loaded = await loadProgram( client, P, { users: true } );
		expect( loaded.state.members ).toEqual( {} );
		expect( wiki.calls ).toHaveLength( 1 + 2 );
	} );
} );

describe( 'programs: listing', () => {
	it( 'finds the programs by their config.json only', async () => {
		const { wiki, client } = setup();
		const base = 'Project:Mentorship/Programs/';
		wiki.put( base + 'b/config.json', { ...config(), name: 'B' } );
		wiki.put( base + 'b/roster.json', { version: 1, members: {} } );
		wiki.put( base + 'a/config.json', { ...config(), name: 'A' } );
		wiki.put( base + 'c/roster.json', { version: 1, members: {} } );
		wiki.put( base + 'd/sub/config.json', config() );
		wiki.put( base + 'config.json', config() );
		wiki.put( base + 'e/config.json', { version: 1 } );
		wiki.put( base + 'a/invitations/2026-01.json', { version: 1, invitations: [] } );
		wiki.put( 'Project:Other/x/config.json', config() );
		const programs = await listPrograms( client );
		expect( programs.map( ( p ) => p.id ) ).toEqual( [ 'a', 'b', 'e' ] );
		expect( programs[ 0 ]!.config!.name ).toBe( 'A' );
		expect( programs[ 1 ]!.config!.name ).toBe( 'B' );
		expect( programs[ 2 ]!.config ).toBeNull();
		expect( programs[ 2 ]!.error!.kind ).toBe( 'invalid' );
		expect( wiki.calls ).toHaveLength( 2 );
	} );
} );

describe( 'programs: writes', () => {
	it( 'joins: the profile first, then the roster; the pairing rule then holds', async () => {
		const { wiki, client, store } = setup();
		wiki.put( configTitle( P ), config() );
		await joinProgram( ctx( store, 'Alice' ), P, config(), membership( 'mentor' ) );
		await joinProgram( ctx( store, 'Bob' ), P, config(), membership( 'mentee' ) );
		expect( wiki.edits.map( ( e ) => e.params.title ) ).toEqual( [
			profileTitle( 'Alice' ), rosterTitle( P ), profileTitle( 'Bob' ), rosterTitle( P ),
		] );
		await setMentor( ctx( store, 'Bob' ), P, config(), 'Bob', 'Alice' );
		const loaded = await loadProgram( client, P );
		expect( isConfirmedMember( loaded.state, 'Alice', 'mentor' ) ).toBe( true );
		expect( mentorOf( loaded.state, 'Bob' ) ).toBe( 'Alice' );
		expect( ( wiki.value( profileTitle( 'Bob' ) ) as Profile ).programs[ P ]!.mentor ).toBe( 'Alice' );
	} );

	it( 'does not touch the roster when the profile cannot be written', async () => {
		const { wiki, store } = setup();
		wiki.put( profileTitle( 'Alice' ), { version: 1, programs: 'broken' } );
		const e = await failure( joinProgram( ctx( store, 'Alice' ), P, config(), membership( 'mentor' ) ) );
		expect( e.kind ).toBe( 'invalid' );
		expect( wiki.edits ).toHaveLength( 0 );
		expect( wiki.page( rosterTitle( P ) ) ).toBeUndefined();
	} );

	it( 'joining twice writes nothing the second time', async () => {
		const { wiki, store } = setup();
		const first = await joinProgram( ctx( store, 'Alice' ), P, config(), membership( 'mentor' ) );
		const second = await joinProgram( ctx( store, 'Alice' ), P, config(), membership( 'mentor' ) );
		expect( [ first.profile.changed, first.roster.changed ] ).toEqual( [ true, true ] );
		expect( [ second.profile.changed, second.roster.changed ] ).toEqual( [ false, false ] );
		expect( wiki.edits ).toHaveLength( 2 );
	} );

	it( 'writes a sharded roster to the member\'s shard', async () => {
		const { wiki, store } = setup();
		const cfg = { ...config(), shards: { roster: 8 } };
		await joinProgram( ctx( store, 'Jane Doe' ), P, cfg, membership( 'mentee' ) );
		expect( rosterPageFor( P, cfg, 'Jane Doe' ) ).toBe( 'Project:Mentorship/Programs/' + P + '/roster/' + ( 0xa0e56901 % 8 ) + '.json' );
		expect( wiki.edits[ 1 ]!.params.title ).toBe( rosterPageFor( P, cfg, 'Jane Doe' ) );
	} );

	it( 'leaves: the profile says so, the roster entry is closed and mentees in other shards are unpaired', async () => {
		const { wiki, client, store } = setup();
		const cfg = { ...config(), shards: { roster: 4 } };
		populate( wiki, 20, cfg );
		const mentor = name( 10 );
		const mentees = [ 11, 12, 13, 14, 15, 16, 17, 18, 19 ].map( name );
		await leaveProgram( ctx( store, mentor ), P, cfg, mentees );
		expect( ( wiki.value( profileTitle( mentor ) ) as Profile ).programs[ P ]!.left ).toBe( T );
		const loaded = await loadProgram( client, P );
		expect( loaded.state.members[ mentor ]!.left ).toBe( T );
		for ( const m of mentees ) {
			expect( loaded.state.members[ m ]!.mentor ).toBeUndefined();
		}
		expect( loaded.state.members[ name( 1 ) ]!.mentor ).toBe( name( 0 ) );
		// Each roster page written once.
		const rosterEdits = wiki.edits.filter( ( e ) => String( e.params.title ).includes( '/roster/' ) );
		const titles = rosterEdits.map( ( e ) => e.params.title );
		expect( new Set( titles ).size ).toBe( titles.length );
	} );

	it( 'a coordinator pairing a mentee only proposes, in the roster', async () => {
		const { wiki, store } = setup();
		populate( wiki, 12 );
		const before = wiki.latest( profileTitle( name( 11 ) ) )!.revid;
		const indexed = ( wiki.value( rosterTitle( P ) ) as Roster ).members[ name( 11 ) ]!.mentor;
		await setMentor( ctx( store, 'Carol' ), P, config(), name( 11 ), name( 0 ) );
		expect( wiki.edits.map( ( e ) => e.params.title ) ).toEqual( [ rosterTitle( P ) ] );
		expect( wiki.latest( profileTitle( name( 11 ) ) )!.revid ).toBe( before );
		const entry = ( wiki.value( rosterTitle( P ) ) as Roster ).members[ name( 11 ) ]!;
		expect( entry.mentor ).toBe( indexed );
		expect( entry.proposal ).toEqual( { mentor: name( 0 ), by: 'Carol', time: T } );
		await setMentor( ctx( store, 'Carol' ), P, config(), name( 11 ), null );
		expect( ( wiki.value( rosterTitle( P ) ) as Roster ).members[ name( 11 ) ]!.proposal ).toBeUndefined();
		expect( ( wiki.value( rosterTitle( P ) ) as Roster ).members[ name( 11 ) ]!.mentor ).toBe( indexed );
	} );

	it( 'records a question in the asker\'s own profile, once', async () => {
		const { wiki, store } = setup();
		populate( wiki, 2 );
		const q = { id: 'q-1', to: name( 0 ), page: 'User talk:' + name( 0 ), section: 'Help', revid: 77, time: T };
		await recordQuestion( ctx( store, name( 1 ) ), P, q );
		await recordQuestion( ctx( store, name( 1 ) ), P, q );
		expect( ( wiki.value( profileTitle( name( 1 ) ) ) as Profile ).programs[ P ]!.questions ).toEqual( [ q ] );
		expect( wiki.edits ).toHaveLength( 1 );
	} );

	it( 'formats times to the second', () => {
		expect( isoSeconds( Date.parse( '2026-01-20T12:00:00.123Z' ) ) ).toBe( '2026-01-20T12:00:00Z' );
	} );
} );
