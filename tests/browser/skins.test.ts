/**
 * Every skin people use, on each release: Vector (legacy), Vector 2022, MonoBook, Timeless,
 * and Minerva at a phone's size. On each, the ask control on an article and the welcome
 * control on a user talk page are visible by their names, open their dialog by mouse and by
 * keyboard (Tab to the control, Enter), and close again (the dialog's ×, Escape), focus
 * going back to the control.
 */

import { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, config, enableGadgets, mentee, mentor, program, programId, unique, users } from '../support/fixtures';
import { launch, shot, url, userPage } from '../support/browser';
import { focused, tabToElement } from '../support/access';

let browser: Browser;

beforeAll( async () => {
	browser = await launch();
} );

afterAll( async () => {
	await browser?.close();
} );

const SKINS = [ 'vector', 'vector-2022', 'monobook', 'timeless', 'minerva' ];

interface World {
	coordinator: string;
	mentee: string;
	newcomer: string;
	title: string;
}

let world: World;

beforeAll( async () => {
	const coordinator = unique( 'Skin Coord' );
	const mentorName = unique( 'Skin Mentor' );
	const menteeName = unique( 'Skin Mentee' );
	const newcomer = unique( 'Skin Newcomer' );
	const sessions = await users( [ coordinator, mentorName, menteeName, newcomer ] );
	const id = programId( 'skins' );
	await program( id, sessions[ coordinator ]!, config( { coordinators: [ coordinator ] } ), [
		{ name: mentorName, membership: mentor( [ 'Art' ], [ 'en' ] ) },
		{ name: menteeName, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: mentorName },
	], sessions );
	await enableGadgets( sessions[ menteeName ]!, [ 'mentorship-ask' ] );
	await enableGadgets( sessions[ coordinator ]!, [ 'mentorship-welcome' ] );
	const title = 'Skins article ' + id;
	await article( sessions[ coordinator ]!, title, 'An article seen in every skin.' );
	world = { coordinator, mentee: menteeName, newcomer, title };
} );

/** Opens a dialog from `control` with the keyboard: Tab from the top of the page until it has the focus, then Enter. */
async function openByKeyboard( page: Page, control: Locator ): Promise<void> {
	// From the top of the page, as after loading it (a click there could follow the logo's link).
	await page.evaluate( () => {
		( document.activeElement as HTMLElement | null )?.blur();
		window.scrollTo( 0, 0 );
	} );
	await tabToElement( page, control, { max: 250 } );
	await page.keyboard.press( 'Enter' );
}

async function closeWithX( dialog: Locator ): Promise<void> {
	const x = dialog.locator( '.oo-ui-processDialog-actions-safe .oo-ui-buttonElement-button' ).filter( { visible: true } ).first();
	await x.click();
	await dialog.waitFor( { state: 'detached' } );
}

describe.each( SKINS )( `the controls in %s (MediaWiki ${ process.env.MENTORSHIP_MW || '1.39' })`, ( skin ) => {
	const phone = skin === 'minerva';

	it( 'Ask my mentor: visible, opened by mouse and closed with ×, opened by keyboard and closed with Escape', async () => {
		const user = await userPage( browser, world.mentee, { phone } );
		const { page } = user;
		await page.goto( url( world.title, { useskin: skin } ) );
		expect( await page.evaluate( () => mw.config.get( 'skin' ) ) ).toBe( skin );
		const control = page.getByRole( 'button', { name: 'Ask my mentor' } );
		await control.waitFor( { state: 'visible' } );
		await shot( page, `skin-${ skin }-ask-control` );
		const dialog = page.locator( '.mg-ask-dialog.oo-ui-window-active' );
		await ( phone ? control.tap() : control.click() );
		await page.getByRole( 'textbox', { name: 'Your question' } ).waitFor( { state: 'visible' } );
		await shot( page, `skin-${ skin }-ask-dialog` );
		await closeWithX( dialog );

		if ( !phone ) {
			await openByKeyboard( page, control );
			await page.getByRole( 'textbox', { name: 'Your question' } ).waitFor( { state: 'visible' } );
			await page.keyboard.press( 'Escape' );
			await dialog.waitFor( { state: 'detached' } );
			await expect( focused( control ) ).resolves.toBe( true );
		}
		await user.context.close();
	} );

	it( 'Welcome / invite: visible on a user talk page, opened by mouse and by keyboard', async () => {
		const user = await userPage( browser, world.coordinator, { phone } );
		const { page } = user;
		await page.goto( url( 'User talk:' + world.newcomer, { useskin: skin } ) );
		const control = page.getByRole( 'button', { name: 'Welcome / invite' } );
		await control.waitFor( { state: 'visible' } );
		const dialog = page.locator( '.mg-welcome-dialog.oo-ui-window-active' );
		await ( phone ? control.tap() : control.click() );
		await dialog.getByRole( 'radio' ).first().waitFor( { state: 'attached' } );
		await dialog.getByRole( 'button', { name: 'Preview' } ).waitFor( { state: 'visible' } );
		await shot( page, `skin-${ skin }-welcome-dialog` );
		await closeWithX( dialog );
		if ( !phone ) {
			await openByKeyboard( page, control );
			await dialog.getByRole( 'radio' ).first().waitFor( { state: 'attached' } );
			await dialog.getByRole( 'button', { name: 'Preview' } ).waitFor( { state: 'visible' } );
			await page.keyboard.press( 'Escape' );
			await dialog.waitFor( { state: 'detached' } );
		}
		await user.context.close();
	} );
} );
