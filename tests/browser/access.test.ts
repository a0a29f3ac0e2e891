/**
 * Design for access: the ask and panel journeys completed with the keyboard alone, in
 * Arabic (right to left) and Spanish (uselang), with axe-core finding no serious or
 * critical violation in the dialogs and the panel. Screenshots for each language.
 */

import { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE, ROSTER } from '../../src/core/format';
import { profileTitle, rosterTitle } from '../../src/core/titles';
import { Store } from '../../src/wiki/store';
import { expectAccessible, tabTo } from '../support/access';
import { article, config, enableGadgets, mentee, mentor, program, programId, unique, users } from '../support/fixtures';
import { launch, shot, url, userPage } from '../support/browser';

let browser: Browser;

beforeAll( async () => {
	browser = await launch();
} );

afterAll( async () => {
	await browser?.close();
} );

const PRIMARY = '.oo-ui-processDialog-actions-primary .oo-ui-buttonElement-button';

async function pressPrimary( page: Page ): Promise<void> {
	await tabTo( page, PRIMARY );
	await page.keyboard.press( 'Enter' );
}

describe.each( [ 'ar', 'es' ] )( 'journeys by keyboard, uselang=%s', ( lang ) => {
	it( 'ask my mentor: open, type, preview, send', async () => {
		const tag = 'Kb' + lang.toUpperCase();
		const coord = unique( `${ tag } Coord` );
		const teacher = unique( `${ tag } Mentor` );
		const pupil = unique( `${ tag } Mentee` );
		const sessions = await users( [ coord, teacher, pupil ] );
		const id = programId( 'kbask' + lang );
		await program( id, sessions[ coord ]!, config( { coordinators: [ coord ] } ), [
			{ name: teacher, membership: mentor( [ 'Art' ], [ lang ] ) },
			{ name: pupil, membership: mentee( [ 'Art' ], [ lang ] ), mentor: teacher },
		], sessions );
		await enableGadgets( sessions[ pupil ]!, [ 'mentorship-ask' ] );
		const title = `Keyboard article ${ id }`;
		await article( sessions[ coord ]!, title, 'Text.' );

		const user = await userPage( browser, pupil );
		const { page } = user;
		await page.goto( url( title, { uselang: lang } ) );
		await tabTo( page, '#ca-mentorship-ask a' );
		await page.keyboard.press( 'Enter' );
		const dialog = page.locator( '.mg-ask-dialog' );
		await dialog.locator( '.mg-ask-recipient' ).filter( { hasText: teacher } ).waitFor();
		// Focus went to the question.
		await page.waitForFunction( () => ( document.activeElement as HTMLElement ).tagName === 'TEXTAREA' );
		if ( lang === 'ar' ) {
			expect( await page.evaluate( () => getComputedStyle( document.querySelector( '.mg-ask-dialog' ) as Element ).direction ) ).toBe( 'rtl' );
		}
		await page.keyboard.type( 'سؤال / pregunta: how do I cite?' );
		await expectAccessible( page, '.mg-ask-dialog' );
		await shot( page, `ask-dialog-${ lang }` );
		await pressPrimary( page );
		await dialog.locator( '.mg-preview h2' ).waitFor();
		await shot( page, `ask-preview-${ lang }` );
		await pressPrimary( page );
		await dialog.locator( '[role=status] .oo-ui-messageWidget' ).waitFor();
		await expectAccessible( page, '.mg-ask-dialog' );
		await page.keyboard.press( 'Escape' );
		await dialog.waitFor( { state: 'hidden' } );
		// Focus returns to the control that opened the dialog.
		expect( await page.evaluate( () => ( document.activeElement as HTMLElement ).closest( '#ca-mentorship-ask' ) !== null ) ).toBe( true );
		const talk = await sessions[ teacher ]!.client.readPage( 'User talk:' + teacher );
		expect( talk.content ).toContain( 'how do I cite?' );
		await user.context.close();
	} );

	it( 'the panel: join, choose a mentor, and a mentor edits their profile', async () => {
		const tag = 'KbP' + lang.toUpperCase();
		const coord = unique( `${ tag } Coord` );
		const teacher = unique( `${ tag } Mentor` );
		const pupil = unique( `${ tag } Newbie` );
		const sessions = await users( [ coord, teacher, pupil ] );
		const id = programId( 'kbpanel' + lang );
		await program( id, sessions[ coord ]!, config( { coordinators: [ coord ] } ), [
			{ name: teacher, membership: mentor( [ 'Science' ], [ lang, 'en' ], { intro: 'Intro.' } ) },
		], sessions );

		const user = await userPage( browser, pupil );
		const { page } = user;
		await page.goto( url( 'Special:BlankPage/Mentorship', { program: id, withgadget: 'mentorship-match', uselang: lang } ) );
		await page.locator( '.mg-join' ).waitFor();
		if ( lang === 'ar' ) {
			expect( await page.evaluate( () => getComputedStyle( document.querySelector( '.mentorship-panel' ) as Element ).direction ) ).toBe( 'rtl' );
		}
		await expectAccessible( page, '.mentorship-panel' );
		await shot( page, `panel-join-${ lang }` );
		// Topics: type and Enter.
		await tabTo( page, '.mg-join .oo-ui-menuTagMultiselectWidget input' );
		await page.keyboard.type( 'Science' );
		await page.locator( '.oo-ui-menuOptionWidget.oo-ui-optionWidget-highlighted', { hasText: 'Science' } ).waitFor();
		await page.keyboard.press( 'Enter' );
		await page.keyboard.press( 'Escape' );
		// The consent checkbox, then the submit button.
		await tabTo( page, '.mg-join .oo-ui-checkboxInputWidget input' );
		await page.keyboard.press( 'Space' );
		await tabTo( page, '.mg-join .oo-ui-buttonInputWidget button, .mg-join .oo-ui-buttonInputWidget input' );
		await page.keyboard.press( 'Enter' );
		await page.locator( 'ol.mg-mentor-cards > li' ).first().waitFor();
		await expectAccessible( page, '.mentorship-panel' );
		await shot( page, `panel-suggestions-${ lang }` );
		await tabTo( page, 'ol.mg-mentor-cards .oo-ui-buttonElement-button' );
		await page.keyboard.press( 'Enter' );
		await page.locator( '.mg-notice-dialog' ).waitFor();
		await expectAccessible( page, '.mg-notice-dialog' );
		await pressPrimary( page );
		await page.locator( '.mg-notice-dialog .mg-preview h2' ).waitFor();
		await pressPrimary( page );
		await page.locator( '.mg-notice-dialog' ).waitFor( { state: 'hidden' } );
		const roster = await new Store( sessions[ coord ]!.client ).read( rosterTitle( id ), ROSTER );
		expect( roster.value!.members[ pupil ]!.mentor ).toBe( teacher );
		// Tabbing through the form kept what was chosen (the user's language is preselected).
		const joined = await new Store( sessions[ pupil ]!.client ).read( profileTitle( pupil ), PROFILE );
		expect( joined.value!.programs[ id ]!.topics ).toEqual( [ 'Science' ] );
		expect( joined.value!.programs[ id ]!.languages ).toEqual( [ lang ] );
		await user.context.close();

		// The mentor changes their capacity by keyboard.
		const m = await userPage( browser, teacher );
		await m.page.goto( url( 'Special:BlankPage/Mentorship', { program: id, view: 'profile', withgadget: 'mentorship-match', uselang: lang } ) );
		await m.page.locator( '.mg-profile' ).waitFor();
		await tabTo( m.page, '.mg-profile .oo-ui-numberInputWidget input' );
		await m.page.keyboard.press( 'Control+A' );
		await m.page.keyboard.type( '5' );
		await tabTo( m.page, '.mg-profile .oo-ui-buttonInputWidget button, .mg-profile .oo-ui-buttonInputWidget input' );
		await m.page.keyboard.press( 'Enter' );
		await m.page.locator( '.mentorship-panel > .mg-status' ).filter( { hasNotText: /^$/ } ).waitFor().catch( async ( e: unknown ) => {
			await shot( m.page, `panel-profile-${ lang }-failed` );
			throw e;
		} );
		await expectAccessible( m.page, '.mentorship-panel' );
		await shot( m.page, `panel-profile-${ lang }` );
		const profile = await new Store( sessions[ teacher ]!.client ).read( profileTitle( teacher ), PROFILE );
		expect( profile.value!.programs[ id ]!.capacity ).toBe( 5 );
		await m.context.close();
	} );
} );
