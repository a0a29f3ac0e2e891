/**
 * What people met in their first hour (issue 15, items 2 to 6), done as they did it: by
 * mouse and by the visible names of controls, keys where the help text names them.
 * Each test failed before its fix.
 */

import { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, config, enableGadgets, mentee, mentor, program, programId, unique, users } from '../support/fixtures';
import { launch, url, userPage } from '../support/browser';

let browser: Browser;

beforeAll( async () => {
	browser = await launch();
} );

afterAll( async () => {
	await browser?.close();
} );

describe( 'the first hour', () => {
	it( 'item 2: a mentor away with no backup and no help desk still gets the question, and the mentee is told they may answer late', async () => {
		const coord = unique( 'Fh2 Coord' );
		const away = unique( 'Fh2 Mentor' );
		const pupil = unique( 'Fh2 Mentee' );
		const sessions = await users( [ coord, away, pupil ] );
		const id = programId( 'fh2' );
		// Both settings the forms allow: no help desk, and away with no backup.
		await program( id, sessions[ coord ]!, config( { coordinators: [ coord ], helpDesk: undefined } ), [
			{ name: away, membership: mentor( [ 'Art' ], [ 'en' ], { status: 'away', awayUntil: '2099-03-01' } ) },
			{ name: pupil, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: away },
		], sessions );
		await enableGadgets( sessions[ pupil ]!, [ 'mentorship-ask' ] );
		const title = 'First hour away article ' + id;
		await article( sessions[ coord ]!, title, 'Text.' );
		const asker = await userPage( browser, pupil );
		const { page } = asker;
		await page.goto( url( title ) );
		await page.locator( '#ca-mentorship-ask a' ).click();
		await page.locator( '.mg-ask-dialog[data-mg-ready]' ).waitFor();
		const recipient = page.locator( '.mg-ask-recipient' );
		await expect( recipient.innerText() ).resolves.not.toContain( 'You have no mentor' );
		await expect( recipient.innerText() ).resolves.toContain( away );
		await expect( recipient.innerText() ).resolves.toMatch( /away until .*2099.*answer late/ );
		const box = page.getByRole( 'textbox', { name: 'Your question' } );
		await expect( box.isEnabled() ).resolves.toBe( true );
		await box.click();
		await page.keyboard.type( 'How do I cite a book?' );
		await page.getByRole( 'button', { name: 'Preview' } ).click();
		await page.locator( '.mg-preview h2' ).waitFor();
		await page.getByRole( 'button', { name: 'Send' } ).click();
		await page.locator( '.mg-ask-dialog [role=status] .oo-ui-messageWidget' ).waitFor();
		const talk = await sessions[ coord ]!.client.readPage( 'User talk:' + away );
		expect( talk.content ).toContain( 'How do I cite a book?' );
		await asker.context.close();
	} );
} );
