/**
 * Bad entries are set aside, not fatal: an invalid roster entry or invitation record is
 * left out of what the gadgets use, kept in the page untouched by every write, and
 * reported; the page is refused only when it cannot be read at all.
 */
import { describe, expect, it } from 'vitest';
import { INVITATIONS, InvitationLog, ROSTER, Roster } from '../../src/core/format';
import { rosterJoin } from '../../src/core/roster';
import { WikiClient } from '../../src/wiki/client';
import { Store } from '../../src/wiki/store';
import { FakeClock } from './fakes/transport';
import { FakeWiki } from './fakes/wiki';
import { failure } from '../support/failure';

const TITLE = 'Project:Mentorship/Programs/p/roster.json';
const LOG = 'Project:Mentorship/Programs/p/invitations/2026-01.json';
const T = '2026-01-20T12:00:00Z';

function setup(): { wiki: FakeWiki; store: Store } {
	const wiki = new FakeWiki();
	const client = new WikiClient( { transport: wiki, clock: new FakeClock() } );
	return { wiki: wiki, store: new Store( client, { random: () => 0.5 } ) };
}

/** A roster with one bad entry in the middle: Bob names "alice", which is no user name. */
function badRoster(): unknown {
	return {
		version: 1,
		members: {
			Alice: { role: 'mentor', joined: T },
			Bob: { role: 'mentee', joined: T, mentor: 'alice' },
			Cleo: { role: 'mentee', joined: T, mentor: 'Alice' },
			'lower case': { role: 'mentee', joined: T },
		},
	};
}

describe( 'bad entries are set aside', () => {
	it( 'reads the valid entries and reports the others with their path and value', async () => {
		const { wiki, store } = setup();
		wiki.put( TITLE, badRoster() );
		const doc = await store.read( TITLE, ROSTER );
		expect( Object.keys( doc.value!.members ) ).toEqual( [ 'Alice', 'Cleo' ] );
		expect( doc.setAside!.map( ( a ) => a.key ) ).toEqual( [ 'Bob', 'lower case' ] );
		expect( doc.setAside![ 0 ]!.issues[ 0 ] ).toMatchObject( { path: 'members.Bob.mentor', expected: 'username', got: '"alice"' } );
		expect( doc.setAside![ 1 ]!.issues[ 0 ] ).toMatchObject( { path: 'members.lower case', got: '"lower case" as a key' } );
	} );

	it( 'lets a new member join and keeps the bad entries in the page, untouched and in place', async () => {
		const { wiki, store } = setup();
		wiki.put( TITLE, badRoster() );
		await store.update( TITLE, ROSTER, ( r ) => rosterJoin( r, 'Dan', 'mentee', T ), { summary: 'join' } );
		const saved = wiki.value( TITLE ) as { members: Record<string, unknown> };
		expect( Object.keys( saved.members ) ).toEqual( [ 'Alice', 'Bob', 'Cleo', 'Dan', 'lower case' ] );
		expect( saved.members.Bob ).toEqual( { role: 'mentee', joined: T, mentor: 'alice' } );
		expect( saved.members[ 'lower case' ] ).toEqual( { role: 'mentee', joined: T } );
		expect( saved.members.Dan ).toEqual( { role: 'mentee', joined: T } );
	} );

	it( 'replaces a bad entry when its member writes a valid one under the same name', async () => {
		const { wiki, store } = setup();
		wiki.put( TITLE, badRoster() );
		await store.update( TITLE, ROSTER, ( r ) => rosterJoin( r, 'Bob', 'mentee', T ), { summary: 'rejoin' } );
		expect( ( wiki.value( TITLE ) as Roster ).members.Bob ).toEqual( { role: 'mentee', joined: T } );
	} );

	it( 'drops the bad entries only when asked (a coordinator\'s repair)', async () => {
		const { wiki, store } = setup();
		wiki.put( TITLE, badRoster() );
		await store.update( TITLE, ROSTER, ( r ) => r, { summary: 'repair', dropSetAside: true } );
		expect( Object.keys( ( wiki.value( TITLE ) as Roster ).members ) ).toEqual( [ 'Alice', 'Cleo' ] );
		expect( ( await store.read( TITLE, ROSTER ) ).setAside ).toBeUndefined();
	} );

	it( 'keeps a bad invitation record at its place while a new one is added', async () => {
		const { wiki, store } = setup();
		const good = { user: 'Ann', by: 'Carol', time: T, kind: 'welcome', lang: 'en', revid: 3 };
		const bad = { user: 'Ben', by: 'carol{{!}}', time: 'yesterday', kind: 'welcome', lang: 'en', revid: 4 };
		wiki.put( LOG, { version: 1, invitations: [ good, bad, good ] } );
		const doc = await store.read( LOG, INVITATIONS );
		expect( doc.value!.invitations ).toHaveLength( 2 );
		expect( doc.setAside!.map( ( a ) => a.key ) ).toEqual( [ 1 ] );
		const added = { ...good, user: 'Cy', revid: 5 };
		await store.update( LOG, INVITATIONS, ( l ) => {
			l.invitations.push( added );
			return l;
		}, { summary: 'invite' } );
		expect( ( wiki.value( LOG ) as InvitationLog ).invitations ).toEqual( [ good, bad, good, added ] );
	} );

	it( 'still refuses a page that cannot be read at all: wrong version, entries not a record, not JSON', async () => {
		const { wiki, store } = setup();
		wiki.put( TITLE, { version: 2, members: {} } );
		expect( ( await failure( store.read( TITLE, ROSTER ) ) ).code ).toBe( 'invalid-data' );
		wiki.put( TITLE, { version: 1, members: [] } );
		expect( ( await failure( store.read( TITLE, ROSTER ) ) ).code ).toBe( 'invalid-data' );
		wiki.put( TITLE, 'not json {' );
		expect( ( await failure( store.read( TITLE, ROSTER ) ) ).code ).toBe( 'invalid-data' );
	} );
} );
