/**
 * A response lost after the wiki saved an edit (a dropped connection, a proxy timeout):
 * the client sees a network failure, the store reads again and finds its change applied,
 * and the page holds exactly one copy of the change, from one edit.
 */

import { describe, expect, it } from 'vitest';
import { CONFIG, PROFILE, Question, ROSTER } from '../../src/core/format';
import { configTitle, profileTitle, rosterTitle, userTalkTitle } from '../../src/core/titles';
import { WikiClient } from '../../src/wiki/client';
import { recordQuestion } from '../../src/wiki/ask-send';
import { joinProgram } from '../../src/wiki/programs';
import { isoSeconds } from '../../src/core/dates';
import { Store } from '../../src/wiki/store';
import { createPage } from '../../src/wiki/create-page';
import {
	anonClient, history, losingFirstSaves, membership, programConfig, session, setUpProgram, uniqueId, uniqueName, writeContext,
} from '../support/fixtures';

describe( 'data layer: a response lost after the wiki saved', () => {
	it( 'recording a question whose save response is lost: the question is recorded once, in one edit', async () => {
		const program = await setUpProgram( { id: 'lostq', mentors: 1, mentees: 1, pair: true } );
		const mentee = program.members[ program.mentees[ 0 ]! ]!;
		const title = profileTitle( mentee.name );
		const editsBefore = ( await history( title ) ).length;
		const losing = losingFirstSaves( mentee.transport, 1 );
		const client = new WikiClient( { transport: losing } );
		const question: Question = {
			id: 'q-' + uniqueId( 'lost' ),
			to: program.mentors[ 0 ]!,
			page: userTalkTitle( program.mentors[ 0 ]! ),
			section: 'A question about sources',
			revid: 1,
			time: isoSeconds( Date.now() ),
		};

		await recordQuestion( writeContext( mentee, new Store( client ) ), program.id, question );

		expect( losing.lost ).toBe( 1 );
		const profile = await new Store( anonClient() ).read( title, PROFILE );
		const questions = profile.value!.programs[ program.id ]!.questions || [];
		expect( questions.filter( ( q ) => q.id === question.id ) ).toHaveLength( 1 );
		expect( questions ).toHaveLength( 1 );
		const edits = await history( title );
		expect( edits.length - editsBefore ).toBe( 1 );
		expect( edits[ edits.length - 1 ]!.user ).toBe( mentee.name );
	} );

	it( 'joining a program when the responses of both saves are lost: the member is added once, one edit per page', async () => {
		const program = await setUpProgram( { id: 'lostjoin' } );
		const user = await session( uniqueName( 'It Joiner' ) );
		const roster = rosterTitle( program.id );
		const rosterEditsBefore = ( await history( roster ) ).length;
		const losing = losingFirstSaves( user.transport, 2 );
		const client = new WikiClient( { transport: losing } );

		const result = await joinProgram( writeContext( user, new Store( client ) ), program.id, program.config, membership( 'mentee' ) );

		expect( losing.lost ).toBe( 2 );
		const saved = await new Store( anonClient() ).read( roster, ROSTER );
		expect( Object.keys( saved.value!.members ).filter( ( n ) => n === user.name ) ).toHaveLength( 1 );
		expect( saved.value!.members[ user.name ]!.role ).toBe( 'mentee' );
		const rosterEdits = ( await history( roster ) ).slice( rosterEditsBefore );
		expect( rosterEdits.map( ( e ) => e.user ) ).toEqual( [ user.name ] );
		const profileEdits = await history( profileTitle( user.name ) );
		expect( profileEdits.map( ( e ) => e.user ) ).toEqual( [ user.name ] );
		console.log( `[lost join] the store reports changed=${ result.roster.changed } for the roster and changed=${ result.profile.changed } ` +
			'for the profile (the saves whose responses were lost)' );
	} );

	it( 'creating a program whose save response is lost: one config page, created once', async () => {
		const coordinator = await session( uniqueName( 'It Coordinator' ) );
		const id = uniqueId( 'lostcreate' );
		const losing = losingFirstSaves( coordinator.transport, 1 );
		const store = new Store( new WikiClient( { transport: losing } ) );
		const config = programConfig( coordinator.name );

		const result = await createPage( store, configTitle( id ), CONFIG, config, 'Integration test: new program' );

		expect( losing.lost ).toBe( 1 );
		expect( result.value ).toEqual( config );
		expect( ( await history( configTitle( id ) ) ).map( ( e ) => e.user ) ).toEqual( [ coordinator.name ] );
	} );
} );
