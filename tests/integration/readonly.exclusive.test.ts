/**
 * The wiki set read-only (by its administrators, for maintenance): a write surfaces as
 * kind "readonly" with the wiki's reason, and no page changes. This file changes the whole
 * wiki, so it runs alone (project wiki-wide), and always turns read-only mode off again.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG } from '../../src/core/format';
import { configTitle, profileTitle, rosterTitle } from '../../src/core/titles';
import { joinProgram } from '../../src/wiki/programs';
import { Store } from '../../src/wiki/store';
import { membership, readOnly, revids, session, setUpProgram, uniqueName, writeContext } from '../support/fixtures';
import { failure } from '../support/failure';

describe( 'data layer: the wiki in read-only mode', () => {
	afterEach( () => {
		readOnly( null );
	} );

	it( 'joining a program and changing a config while the wiki is read-only: kind "readonly" with the reason, nothing written', async () => {
		// Accounts, logins and the program before the wiki goes read-only.
		const program = await setUpProgram( { id: 'readonly' } );
		const user = await session( uniqueName( 'It Readonly' ) );
		const titles = [ profileTitle( user.name ), rosterTitle( program.id ), configTitle( program.id ) ];
		const before = await revids( titles );
		const reason = 'Integration test: database maintenance';

		readOnly( reason );
		const join = await failure( joinProgram( writeContext( user ), program.id, program.config, membership( 'mentee' ) ) );
		const config = await failure( new Store( program.coordinator.client ).update( configTitle( program.id ), CONFIG, ( c ) => {
			c.description = 'Changed while read-only';
			return c;
		}, { summary: 'Integration test: read-only' } ) );
		readOnly( null );

		for ( const error of [ join, config ] ) {
			expect( { kind: error.kind, code: error.code } ).toEqual( { kind: 'readonly', code: 'readonly' } );
			expect( error.params ).toEqual( [ reason ] );
			expect( error.transient ).toBe( true );
		}
		expect( await revids( titles ) ).toEqual( before );

		// Once the wiki is writable again, the same join goes through.
		await joinProgram( writeContext( user ), program.id, program.config, membership( 'mentee' ) );
		const after = await revids( titles );
		expect( after[ profileTitle( user.name ) ] ).toBeGreaterThan( 0 );
		expect( after[ rosterTitle( program.id ) ] ).toBeGreaterThan( before[ rosterTitle( program.id ) ]! );
	} );
} );
