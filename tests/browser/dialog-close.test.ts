/**
 * Closing dialogs with the mouse, as people do (issue 15, item 1: only Escape closed them):
 * the ask dialog's ×, "Choose X as your mentor"'s ×, the welcome dialog's × after posting, and
 * the batch report's Done and ×.
 * Each button is clicked by the mouse at its place on the screen, and the dialog must be gone.
 * (tests/ui/dialog-actions.test.ts clicks every action of every dialog in jsdom.)
 */

import { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, config, enableGadgets, mentee, mentor, program, programId, unique, users } from '../support/fixtures';
import { launch, url, userPage } from '../support/browser';
import { actionButton, mouseClick, PRIMARY, SAFE } from '../support/mouse';

let browser: Browser;

beforeAll( async () => {
	browser = await launch();
} );

afterAll( async () => {
	await browser.close();
} );

async function expectClosed( dialog: Locator ): Promise<void> {
	await dialog.waitFor( { state: 'hidden' } );
	await expect( dialog.isVisible() ).resolves.toBe( false );
}

describe( 'closing dialogs with the mouse', () => {
	it( 'the ask dialog closes with its ×', async () => {
		const coordinator = unique( 'Close Coord' );
		const mentorName = unique( 'Close Mentor' );
		const menteeName = unique( 'Close Mentee' );
		const sessions = await users( [ coordinator, mentorName, menteeName ] );
		const id = programId( 'closeask' );
		await program( id, sessions[ coordinator ]!, config( { coordinators: [ coordinator ] } ), [
			{ name: mentorName, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: menteeName, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: mentorName },
		], sessions );
		await enableGadgets( sessions[ menteeName ]!, [ 'mentorship-ask' ] );
		const title = `Close test ${ id }`;
		await article( sessions[ coordinator ]!, title, 'An article for the close test.' );
		const user = await userPage( browser, menteeName );
		const { page } = user;
		await page.goto( url( title ) );
		await page.locator( '#ca-mentorship-ask a' ).click();
		const dialog = page.locator( '.mg-ask-dialog' );
		await page.locator( '.mg-ask-dialog[data-mg-ready]' ).waitFor();
		// The box does not start red (issue 15, item 7): nothing was typed yet.
		await expect( dialog.locator( '.mg-ask-question' ).getAttribute( 'class' ) ).resolves.not.toContain( 'oo-ui-flaggedElement-invalid' );
		await mouseClick( page, actionButton( dialog, SAFE, 'Cancel' ) );
		await expectClosed( dialog );
		await user.context.close();
	} );

	it( 'the "Choose … as your mentor" dialog closes with its ×, and no mentor is chosen', async () => {
		const coordinator = unique( 'CloseChoose Coord' );
		const mentorName = unique( 'CloseChoose Mentor' );
		const menteeName = unique( 'CloseChoose Mentee' );
		const sessions = await users( [ coordinator, mentorName, menteeName ] );
		const id = programId( 'closechoose' );
		await program( id, sessions[ coordinator ]!, config( { coordinators: [ coordinator ] } ), [
			{ name: mentorName, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: menteeName, membership: mentee( [ 'Art' ], [ 'en' ] ) },
		], sessions );
		await enableGadgets( sessions[ menteeName ]!, [ 'mentorship-match' ] );
		const user = await userPage( browser, menteeName );
		const { page } = user;
		await page.goto( url( 'Special:BlankPage/Mentorship', { program: id, withgadget: 'mentorship-match' } ) );
		const choose = page.getByRole( 'button', { name: `Choose ${ mentorName } as your mentor` } );
		await mouseClick( page, choose );
		const dialog = page.locator( '.mg-notice-dialog' );
		// The dialog is open at its form (its title names the mentor).
		await dialog.locator( '.oo-ui-processDialog-title', { hasText: `Choose ${ mentorName } as your mentor` } ).waitFor();
		await mouseClick( page, actionButton( dialog, SAFE, 'Cancel' ) );
		await expectClosed( dialog );
		// Nothing was chosen: the mentee is still offered the mentor.
		await expect( page.getByRole( 'tab', { name: 'Find a mentor' } ).isVisible() ).resolves.toBe( true );
		await expect( choose.isVisible() ).resolves.toBe( true );
		await user.context.close();
	} );

	it( 'the welcome dialog closes with its × after posting', async () => {
		const coord = unique( 'CloseWel Coord' );
		const newbie = unique( 'CloseWel Newbie' );
		const sessions = await users( [ coord, newbie ] );
		const id = programId( 'closewel' );
		await program( id, sessions[ coord ]!, config( { coordinators: [ coord ] } ), [], sessions );
		await enableGadgets( sessions[ coord ]!, [ 'mentorship-welcome' ] );
		const user = await userPage( browser, coord );
		const { page } = user;
		await page.goto( url( 'User talk:' + newbie ) );
		await page.locator( '#ca-mentorship-welcome a' ).click();
		const dialog = page.locator( '.mg-welcome-dialog' );
		await dialog.locator( '.mg-welcome-kind input[type=radio]' ).first().check();
		await mouseClick( page, actionButton( dialog, PRIMARY, 'Preview' ) );
		await dialog.locator( '.mg-preview h2' ).waitFor();
		await mouseClick( page, actionButton( dialog, PRIMARY, 'Post' ) );
		await dialog.locator( '.mg-dialog-done .oo-ui-messageWidget' ).waitFor();
		await mouseClick( page, actionButton( dialog, SAFE, 'Close' ) );
		await expectClosed( dialog );
		await user.context.close();
	} );

	it.each( [ 'Done', '×' ] )( 'the batch report closes with its %s', async ( button ) => {
		// Names and program of their own for each button (unique() is per run, not per call).
		const tag = button === 'Done' ? 'Done' : 'X';
		const coord = unique( `CloseBat${ tag } Coord` );
		const newbie = unique( `CloseBat${ tag } Newbie` );
		const sessions = await users( [ coord, newbie ] );
		const id = programId( 'closebat' + tag.toLowerCase() );
		await program( id, sessions[ coord ]!, config( { coordinators: [ coord ] } ), [], sessions );
		await enableGadgets( sessions[ coord ]!, [ 'mentorship-welcome' ] );
		const user = await userPage( browser, coord );
		const { page } = user;
		await page.goto( url( 'Special:Log/newusers' ) );
		await page.locator( 'a.mg-log-batch' ).click();
		const dialog = page.locator( '.mg-welcome-batch' );
		await dialog.locator( '.mg-welcome-kind input[type=radio]' ).first().check();
		await page.getByRole( 'textbox', { name: 'Names, one a line' } ).fill( newbie );
		await mouseClick( page, actionButton( dialog, PRIMARY, 'Check names' ) );
		const row = dialog.locator( `.mg-welcome-table tr[data-user="${ newbie }"]` );
		const failure = dialog.locator( '.mg-error' ).filter( { visible: true } );
		await row.or( failure ).first().waitFor();
		await expect( failure.count() ).resolves.toBe( 0 );
		await expect( dialog.locator( `.mg-welcome-table tr[data-user="${ newbie }"] .mg-welcome-state` ).innerText() ).resolves.toBe( 'ready' );
		await mouseClick( page, actionButton( dialog, PRIMARY, 'Send to one user' ) );
		await dialog.locator( '.mg-welcome-report-sent' ).waitFor( { timeout: 120000 } );
		if ( button === 'Done' ) {
			await mouseClick( page, actionButton( dialog, PRIMARY, 'Done' ) );
		} else {
			await mouseClick( page, actionButton( dialog, SAFE, 'Close' ) );
		}
		await expectClosed( dialog );
		await user.context.close();
	} );
} );
