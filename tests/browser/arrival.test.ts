/**
 * Invited people arrive somewhere (issue 15): a posted invitation's link, followed by a
 * reader who is not logged in and has no gadget turned on, opens the program in the panel
 * with its name and description and the ways in ("Create an account", "Log in"), which
 * come back to the program. The reader's visit writes nothing.
 */

import { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInvitation } from '../../src/core/welcome/messages';
import { isoSeconds } from '../../src/core/dates';
import { postSection } from '../../src/wiki/posting';
import { config, PASSWORD, program, programId, unique, users } from '../support/fixtures';
import { apiRequests, launch, newPage, shot, url } from '../support/browser';

let browser: Browser;

beforeAll( async () => {
	browser = await launch();
} );

afterAll( async () => {
	await browser?.close();
} );

describe( 'following an invitation', () => {
	it( 'opens the program for a logged-out reader, with its description and links to create an account or log in that return to it', async () => {
		const coord = unique( 'Arr Coord' );
		const guest = unique( 'Arr Guest' );
		const sessions = await users( [ coord, guest ] );
		const id = programId( 'arrival' );
		const name = 'Museum residency ' + id;
		await program( id, sessions[ coord ]!, config( {
			name: name,
			coordinators: [ coord ],
			description: 'Edit articles about the museum\'s collection with a mentor.',
		} ), [], sessions );
		const post = buildInvitation( {
			programId: id, programName: name, kind: 'invite', language: 'en',
			variant: { subject: 'Join $program', text: 'Hello $user, you are welcome to $signup.' },
			user: guest, inviter: coord, note: '', time: isoSeconds( Date.now() ), id: 'arrival-' + id,
			signupLabel: 'join the program', summary: '$1',
		} );
		await postSection( sessions[ coord ]!.client, post, coord );

		const reader = await newPage( browser );
		const { page } = reader;
		await page.goto( url( 'User talk:' + guest ) );
		const link = page.locator( '#mw-content-text a', { hasText: 'join the program' } );
		const href = await link.getAttribute( 'href' );
		expect( href ).toContain( 'withgadget=mentorship-match' );
		expect( href ).toContain( 'program=' + id );
		// An ordinary link to the wiki, not one marked as leaving it (no external-link arrow).
		await expect( link.evaluate( ( a ) => a.closest( '.plainlinks' ) !== null ) ).resolves.toBe( true );
		await expect( link.evaluate( ( a ) => getComputedStyle( a ).backgroundImage ) ).resolves.toBe( 'none' );

		reader.requests.length = 0;
		await link.click();
		const panel = page.locator( '.mentorship-panel .mg-program' );
		await expect( panel.locator( 'h2' ).innerText() ).resolves.toBe( name );
		await expect( panel.locator( '.mg-program-description' ).innerText() ).resolves.toContain( 'museum\'s collection' );
		await expect( page.locator( '#mw-content-text' ).innerText() ).resolves.not.toContain( 'intentionally left blank' );
		const create = panel.getByRole( 'button', { name: 'Create an account', exact: true } );
		const login = panel.getByRole( 'button', { name: 'Log in', exact: true } );
		for ( const [ control, special ] of [ [ create, 'Special:CreateAccount' ], [ login, 'Special:UserLogin' ] ] as const ) {
			const target = new URL( ( await control.getAttribute( 'href' ) )!, page.url() );
			expect( target.searchParams.get( 'title' ) ).toBe( special );
			expect( target.searchParams.get( 'returnto' ) ).toBe( 'Special:BlankPage/Mentorship' );
			expect( target.searchParams.get( 'returntoquery' ) ).toBe( 'program=' + id + '&withgadget=mentorship-match' );
		}
		await shot( page, 'arrival-logged-out' );
		// Read only: no POST, no token, no edit, no option.
		const writes = apiRequests( reader.requests ).filter( ( r ) => r.method() !== 'GET' || /action=(edit|options)|meta=tokens/.test( r.url() ) );
		expect( writes.map( ( r ) => r.url() ) ).toEqual( [] );

		// "Log in" comes back to the program, where the guest can join.
		await login.click();
		await page.locator( '#wpName1' ).fill( guest );
		await page.locator( '#wpPassword1' ).fill( PASSWORD );
		await Promise.all( [ page.waitForNavigation(), page.locator( '#wpLoginAttempt' ).click() ] );
		await page.getByRole( 'tab', { name: 'Join' } ).waitFor();
		await expect( panel.locator( 'h2' ).innerText() ).resolves.toBe( name );
		await reader.context.close();
	} );
} );
