/**
 * Every refusal of the real wiki surfaces as a typed MentorshipError and leaves every page
 * as it was (same revision): permissions, expired sessions, blocks, protection, rate
 * limits, AbuseFilter, invalid data and wrong content models. (Read-only mode changes the
 * whole wiki: readonly.exclusive.test.ts.)
 */

import { describe, expect, it } from 'vitest';
import { ErrorKind, isMentorshipError, MentorshipError } from '../../src/core/errors';
import { CONFIG, PROFILE, ROSTER } from '../../src/core/format';
import { profileJoin, rosterJoin } from '../../src/core/roster';
import { configTitle, profileTitle, rosterTitle } from '../../src/core/titles';
import { joinProgram } from '../../src/wiki/programs';
import { isoSeconds } from '../../src/core/dates';
import { Store } from '../../src/wiki/store';
import {
	block, ensureDisallowFilter, history, membership, programConfig, protect, rateLimitedSession, revids,
	session, sessions, setUpProgram, uniqueId, uniqueName, wiki, writeContext,
} from '../support/fixtures';
import { failure } from '../support/failure';
import { currentUser } from '../../src/wiki/current-user';
import { createPage } from '../../src/wiki/create-page';

function expectKind( error: MentorshipError, kind: ErrorKind ): void {
	expect( { kind: error.kind, code: error.code, message: error.message } ).toMatchObject( { kind } );
}

describe( 'data layer: refusals surface as typed errors and change nothing', () => {
	it( 'a mentee writing a mentor\'s User:…/mentorship.json is refused: kind "permission", page unchanged', async () => {
		const program = await setUpProgram( { id: 'perm', mentors: 1, mentees: 1, pair: true } );
		const mentor = program.mentors[ 0 ]!;
		const mentee = program.members[ program.mentees[ 0 ]! ]!;
		const title = profileTitle( mentor );
		const before = await revids( [ title ] );
		expect( before[ title ] ).toBeGreaterThan( 0 );

		const error = await failure( new Store( mentee.client ).update( title, PROFILE, ( p ) => {
			p.programs[ program.id ]!.capacity = 0;
			return p;
		}, { summary: 'Integration test: not my page' } ) );
		expectKind( error, 'permission' );
		expect( error.params[ 0 ] ).toBe( title );
		expect( await revids( [ title ] ) ).toEqual( before );
	} );

	it( 'a session that expires between the read and the write: kind "session", and no edit by an IP address', async () => {
		const program = await setUpProgram( { id: 'session' } );
		const user = await session( uniqueName( 'It Expiring' ) );
		const title = rosterTitle( program.id );
		const before = await revids( [ title ] );
		let dropped = false;

		// The change runs after the store read the page with the logged-in session; it drops
		// the session, as an expiry would, before the store writes.
		const error = await failure( new Store( user.client ).update( title, ROSTER, ( r ) => {
			user.transport.clearCookies();
			dropped = true;
			return rosterJoin( r, user.name, 'mentee', isoSeconds( Date.now() ) );
		}, { summary: 'Integration test: join' } ) );
		expect( dropped ).toBe( true );
		expectKind( error, 'session' );
		expect( await revids( [ title ] ) ).toEqual( before );
		// A roster page is one an IP address may edit: the write must have been refused, not saved as anonymous.
		const revisions = await history( title );
		expect( revisions.filter( ( r ) => r.anon ) ).toEqual( [] );
		expect( revisions.map( ( r ) => r.user ) ).not.toContain( '127.0.0.1' );
	} );

	it( 'a blocked user joining a program: kind "blocked" with the blocker and reason, nothing written', async () => {
		const program = await setUpProgram( { id: 'blocked' } );
		const user = await session( uniqueName( 'It Blocked' ) );
		await block( user.name, 'Integration test: blocked for the test' );
		const titles = [ profileTitle( user.name ), rosterTitle( program.id ) ];
		const before = await revids( titles );

		const error = await failure( joinProgram( writeContext( user ), program.id, program.config, membership( 'mentee' ) ) );
		expectKind( error, 'blocked' );
		expect( error.params ).toEqual( [ 'Admin', 'Integration test: blocked for the test', 'infinite' ] );
		expect( await revids( titles ) ).toEqual( before );
		expect( before[ profileTitle( user.name ) ] ).toBe( 0 );
	} );

	it( 'a coordinator changing a config page protected edit=sysop: kind "protected", page unchanged', async () => {
		const program = await setUpProgram( { id: 'protected' } );
		const title = configTitle( program.id );
		await protect( title, 'edit=sysop' );
		const before = await revids( [ title ] );

		const error = await failure( new Store( program.coordinator.client ).update( title, CONFIG, ( c ) => {
			c.description = 'Changed while protected';
			return c;
		}, { summary: 'Integration test: protected' } ) );
		expectKind( error, 'protected' );
		expect( error.params[ 0 ] ).toBe( title );
		expect( await revids( [ title ] ) ).toEqual( before );
	} );

	// 8 edits a minute for newbies; MediaWiki 1.43 counts each API edit twice (its permission
	// check and the edit both count), so there the 5th edit is refused. The client says so.
	const allowed = wiki().release === '1.39' ? 8 : 4;

	it( `an account under the newbie limit making quick edits: edit ${ allowed + 1 } is "ratelimited" and changes nothing (MediaWiki ${ wiki().release })`, async () => {
		const user = await rateLimitedSession();
		expect( ( await currentUser( user.client ) ).editLimit ).toEqual( { hits: allowed, seconds: 60 } );
		const store = new Store( user.client );
		const title = profileTitle( user.name );
		const id = uniqueId( 'ratelimit' );
		const outcomes: string[] = [];
		let error: MentorshipError | undefined;
		let before: Record<string, number> = {};
		for ( let i = 1; i <= allowed + 1 && !error; i++ ) {
			before = await revids( [ title ] );
			try {
				await store.update( title, PROFILE, ( p ) => profileJoin( p, id, membership( 'mentee', { goals: `Goal number ${ i }` } ) ),
					{ summary: `Integration test: edit ${ i }` } );
				outcomes.push( 'saved' );
			} catch ( e ) {
				if ( !isMentorshipError( e ) ) {
					throw e;
				}
				error = e;
				outcomes.push( e.kind );
			}
		}
		expect( outcomes ).toEqual( [ ...Array( allowed ).fill( 'saved' ), 'ratelimited' ] );
		expectKind( error!, 'ratelimited' );
		expect( error!.transient ).toBe( true );
		expect( await revids( [ title ] ) ).toEqual( before );
		const saved = await new Store( user.client ).read( title, PROFILE );
		expect( saved.value!.programs[ id ]!.goals ).toBe( `Goal number ${ allowed }` );
		expect( await history( title ) ).toHaveLength( allowed );
	} );

	it( 'an AbuseFilter filter that disallows a phrase: kind "abusefilter-disallow" with the filter\'s description, nothing written', async () => {
		const phrase = 'mentorship-forbidden-phrase-for-tests';
		const description = 'Mentorship integration tests: disallow a phrase';
		const filter = await ensureDisallowFilter( phrase, description );
		const program = await setUpProgram( { id: 'abuse' } );
		const user = await session( uniqueName( 'It Filtered' ) );
		const titles = [ profileTitle( user.name ), rosterTitle( program.id ) ];
		const before = await revids( titles );

		const error = await failure( joinProgram( writeContext( user ), program.id, program.config,
			membership( 'mentee', { goals: `I want to write about ${ phrase } and more.` } ) ) );
		expectKind( error, 'abusefilter-disallow' );
		expect( error.params ).toEqual( [ description ] );
		expect( error.details.filter ).toEqual( { id: String( filter.id ), description } );
		expect( await revids( titles ) ).toEqual( before );
	} );

	it( 'a roster that cannot be read as a whole: kind "invalid" with the path of the bad field, roster not overwritten (one bad entry is only set aside: trust.test.ts)', async () => {
		const [ coordinator, user ] = await sessions( [ uniqueName( 'It Coordinator' ), uniqueName( 'It Joiner' ) ] );
		const id = uniqueId( 'invalid' );
		const config = programConfig( coordinator!.name );
		const store = new Store( coordinator!.client );
		await createPage( store, configTitle( id ), CONFIG, config, 'Integration test: new program' );
		// Written as a vandal (or an old tool) would: valid JSON, but its members are a list, not a record.
		await coordinator!.client.edit( {
			title: rosterTitle( id ), contentmodel: 'json', createonly: true, summary: 'Integration test: a bad roster',
			text: JSON.stringify( { version: 1, members: [ { name: 'Bad Entry', role: 'boss', joined: '2024-01-01T00:00:00Z' } ] } ),
		} );
		const titles = [ rosterTitle( id ), profileTitle( user!.name ) ];
		const before = await revids( titles );

		const error = await failure( new Store( user!.client ).update( rosterTitle( id ), ROSTER,
			( r ) => rosterJoin( r, user!.name, 'mentee', isoSeconds( Date.now() ) ), { summary: 'Integration test: join' } ) );
		expectKind( error, 'invalid' );
		expect( error.params[ 0 ] ).toBe( rosterTitle( id ) );
		expect( error.params[ 1 ] ).toBe( 'members' );
		expect( error.details.issues!.map( ( i ) => i.path ) ).toEqual( [ 'members' ] );
		expect( await revids( titles ) ).toEqual( before );

		// Joining through the program API surfaces the same error and leaves the roster as it was.
		const viaJoin = await failure( joinProgram( writeContext( user! ), id, config, membership( 'mentee' ) ) );
		expectKind( viaJoin, 'invalid' );
		expect( viaJoin.params[ 1 ] ).toBe( 'members' );
		const after = await revids( titles );
		expect( after[ rosterTitle( id ) ] ).toBe( before[ rosterTitle( id ) ] );
		console.log( `[invalid roster] joinProgram ${ after[ profileTitle( user!.name ) ] === before[ profileTitle( user!.name ) ] ? 'left' : 'had already written' } the joiner's own profile` );
	} );

	it( 'a roster page whose content model is wikitext: kind "contentmodel", page unchanged', async () => {
		const [ coordinator, user ] = await sessions( [ uniqueName( 'It Coordinator' ), uniqueName( 'It Joiner' ) ] );
		const id = uniqueId( 'wikitext' );
		const title = rosterTitle( id );
		// Created without contentmodel=json: a Project: page is wikitext by default, whatever its name.
		await coordinator!.client.edit( {
			title, createonly: true, summary: 'Integration test: a wikitext roster', text: '{ "version": 1, "members": {} }',
		} );
		const before = await revids( [ title ] );

		const error = await failure( new Store( user!.client ).update( title, ROSTER,
			( r ) => rosterJoin( r, user!.name, 'mentee', isoSeconds( Date.now() ) ), { summary: 'Integration test: join' } ) );
		expectKind( error, 'contentmodel' );
		expect( error.params ).toEqual( [ title, 'wikitext' ] );
		expect( await revids( [ title ] ) ).toEqual( before );
	} );
} );
