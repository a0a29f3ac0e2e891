/**
 * On a phone: Minerva at 375 × 812 with touch, on each release. The page's control floats
 * within a thumb's reach (Minerva on 1.39 renders no portlet link at all), the page view
 * stays free, and the dialogs fit the screen. A mentee asks a question; a newcomer joins a
 * program and chooses a mentor.
 */

import { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE } from '../../src/core/format';
import { decodeMentorCache, MENTOR_OPTION } from '../../src/core/program';
import { profileTitle } from '../../src/core/titles';
import { Store } from '../../src/wiki/store';
import { Session } from '../../scripts/lib/accounts';
import { article, config, enableGadgets, mentee, mentor, program, programId, unique, users } from '../support/fixtures';
import { launch, pageViewCost, PHONE, shot, url, userPage } from '../support/browser';

let browser: Browser;

beforeAll( async () => {
	browser = await launch();
} );

afterAll( async () => {
	await browser?.close();
} );

/** What MobileFrontend would give a phone: Minerva, as the user's skin. */
async function useMinerva( s: Session ): Promise<void> {
	await s.client.postWithToken( { action: 'options', change: [ 'skin=minerva' ] } );
}

/** The control is on screen, in the lower part (where a thumb reaches), and a touch target (44 px). */
async function expectThumbReach( control: Locator ): Promise<{ x: number; y: number; width: number; height: number }> {
	await control.waitFor( { state: 'visible' } );
	const box = await control.boundingBox();
	expect( box ).not.toBeNull();
	const b = box as { x: number; y: number; width: number; height: number };
	expect( b.height ).toBeGreaterThanOrEqual( 44 );
	expect( b.x ).toBeGreaterThanOrEqual( 0 );
	expect( b.x + b.width ).toBeLessThanOrEqual( PHONE.width );
	expect( b.y ).toBeGreaterThanOrEqual( PHONE.height * 2 / 3 );
	expect( b.y + b.height ).toBeLessThanOrEqual( PHONE.height );
	return b;
}

/** The open dialog fits the phone's screen: nothing to scroll sideways, nothing cut off, no floating control over it. */
async function expectDialogFits( page: Page ): Promise<void> {
	await page.locator( '.mg-floating' ).waitFor( { state: 'hidden' } );
	const frame = page.locator( '.oo-ui-windowManager-modal > .oo-ui-dialog.oo-ui-window-active .oo-ui-window-frame' );
	await frame.waitFor( { state: 'visible' } );
	const box = await frame.boundingBox() as { x: number; y: number; width: number; height: number };
	expect( box.x ).toBeGreaterThanOrEqual( 0 );
	expect( box.y ).toBeGreaterThanOrEqual( 0 );
	expect( box.x + box.width ).toBeLessThanOrEqual( PHONE.width + 0.5 );
	expect( box.y + box.height ).toBeLessThanOrEqual( PHONE.height + 0.5 );
	await expectNoSidewaysScroll( page );
}

/**
 * Nothing wider than the screen: the elements that stick out are named when something does.
 * What an ancestor clips (a dialog title cut with an ellipsis) does not stick out.
 */
async function expectNoSidewaysScroll( page: Page ): Promise<void> {
	const wide = await page.evaluate( ( width ) => Array.from( document.querySelectorAll( 'body *' ) )
		.filter( ( e ) => e.getBoundingClientRect().right > width + 1 && getComputedStyle( e ).position !== 'fixed' && e.getClientRects().length )
		.filter( ( e ) => {
			for ( let a = e.parentElement; a; a = a.parentElement ) {
				if ( /hidden|clip/.test( getComputedStyle( a ).overflowX ) && a.getBoundingClientRect().right <= width + 1 ) {
					return false;
				}
			}
			return true;
		} )
		// The innermost ones: those none of whose children stick out themselves.
		.filter( ( e ) => !Array.from( e.children ).some( ( c ) => c.getBoundingClientRect().right > width + 1 ) )
		.map( ( e ) => `${ e.tagName.toLowerCase() }.${ String( e.className ).split( ' ' ).join( '.' ) } (${ Math.round( e.getBoundingClientRect().right ) } px)` ), PHONE.width );
	expect( wide ).toEqual( [] );
	expect( await page.evaluate( () => document.documentElement.scrollWidth ) ).toBeLessThanOrEqual( PHONE.width );
}

describe( `on a phone with Minerva (MediaWiki ${ process.env.MENTORSHIP_MW || '1.39' })`, () => {
	it( 'a mentee taps Ask my mentor at the bottom of the screen, asks and sends; the page view made no request', async () => {
		const coordinator = unique( 'Mob Coord' );
		const mentorName = unique( 'Mob Mentor' );
		const menteeName = unique( 'Mob Mentee' );
		const sessions = await users( [ coordinator, mentorName, menteeName ] );
		const id = programId( 'mobask' );
		await program( id, sessions[ coordinator ]!, config( { coordinators: [ coordinator ] } ), [
			{ name: mentorName, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: menteeName, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: mentorName },
		], sessions );
		await enableGadgets( sessions[ menteeName ]!, [ 'mentorship-ask' ] );
		await useMinerva( sessions[ menteeName ]! );
		const title = 'Phone article ' + id;
		await article( sessions[ coordinator ]!, title, 'An article read on a phone.' );

		const user = await userPage( browser, menteeName, { phone: true } );
		const { page } = user;
		// Against the same view with the gadget off: no API request, no module but the loaders'.
		const cost = await pageViewCost( user, sessions[ menteeName ]!, url( title ), [ 'mentorship-ask' ] );
		expect( cost ).toEqual( { api: [], added: [ 'ext.gadget.mentorship-ask', 'ext.gadget.mentorship-loader' ], lazy: [] } );
		expect( await page.evaluate( () => mw.config.get( 'skin' ) ) ).toBe( 'minerva' );
		const control = page.getByRole( 'button', { name: 'Ask my mentor' } );
		await control.waitFor();
		await shot( page, 'phone-ask-control' );
		await expectThumbReach( control );

		await control.tap();
		const question = page.getByRole( 'textbox', { name: 'Your question' } );
		await question.waitFor( { state: 'visible' } );
		await expectDialogFits( page );
		const text = 'Which sources count as reliable for a painting?';
		await question.fill( text );
		await shot( page, 'phone-ask-dialog' );
		await page.getByRole( 'button', { name: 'Preview' } ).tap();
		await page.locator( '.mg-preview h2' ).waitFor();
		await expectDialogFits( page );
		await page.getByRole( 'button', { name: 'Send' } ).tap();
		await page.locator( '.mg-ask-dialog [role=status] .oo-ui-messageWidget' ).waitFor();
		await shot( page, 'phone-ask-done' );

		const talk = await sessions[ mentorName ]!.client.readPage( 'User talk:' + mentorName );
		expect( talk.content ).toContain( text );
		const profile = await new Store( sessions[ menteeName ]!.client ).read( profileTitle( menteeName ), PROFILE );
		expect( ( profile.value!.programs[ id ]!.questions || [] ).map( ( q ) => q.to ) ).toEqual( [ mentorName ] );
		await user.context.close();
	} );

	it( 'a newcomer opens the program, joins and chooses a mentor, all by touch', async () => {
		const coordinator = unique( 'Mob Jcoord' );
		const mentorName = unique( 'Mob Jmentor' );
		const newcomer = unique( 'Mob Newcomer' );
		const sessions = await users( [ coordinator, mentorName, newcomer ] );
		const id = programId( 'mobjoin' );
		await program( id, sessions[ coordinator ]!, config( { coordinators: [ coordinator ] } ), [
			{ name: mentorName, membership: mentor( [ 'History' ], [ 'en' ], { intro: 'I help with history articles.' } ) },
		], sessions );
		await useMinerva( sessions[ newcomer ]! );

		const user = await userPage( browser, newcomer, { phone: true } );
		const { page } = user;
		await page.goto( url( 'Special:BlankPage/Mentorship', { program: id, withgadget: 'mentorship-match' } ) );
		await page.getByRole( 'tab', { name: 'Join' } ).waitFor();
		await shot( page, 'phone-panel-program' );
		await expectNoSidewaysScroll( page );
		const topics = page.locator( '.mg-join .oo-ui-menuTagMultiselectWidget' ).first();
		await topics.locator( 'input' ).tap();
		await page.keyboard.type( 'History' );
		await page.locator( '.oo-ui-menuOptionWidget.oo-ui-optionWidget-highlighted', { hasText: 'History' } ).waitFor();
		await page.keyboard.press( 'Enter' );
		await page.keyboard.press( 'Escape' );
		await expect( topics.locator( '.oo-ui-tagItemWidget' ).allTextContents() ).resolves.toEqual( [ 'History' ] );
		await page.getByRole( 'textbox', { name: 'What would you like to do on the wiki?' } ).fill( 'Write about my town.' );
		await page.getByRole( 'checkbox', { name: /I understand that what I enter here is public/ } ).tap();
		await shot( page, 'phone-panel-join' );
		await page.getByRole( 'button', { name: 'Join the program' } ).tap();
		const card = page.locator( 'ol.mg-mentor-cards > li' ).first();
		await card.waitFor();
		await expect( card.locator( 'h4' ).textContent() ).resolves.toBe( mentorName );
		await shot( page, 'phone-panel-suggestions' );
		await card.getByRole( 'button', { name: `Choose ${ mentorName } as your mentor` } ).tap();
		await expectDialogFits( page );
		await page.getByRole( 'button', { name: 'Preview' } ).tap();
		await page.locator( '.mg-notice-dialog .mg-preview h2' ).waitFor();
		await page.getByRole( 'button', { name: 'Choose as my mentor' } ).tap();
		await page.locator( '.mg-notice-dialog' ).waitFor( { state: 'hidden' } );
		await page.getByRole( 'tab', { name: 'Your mentor' } ).waitFor();
		await shot( page, 'phone-panel-mentor' );

		const profile = await new Store( sessions[ newcomer ]!.client ).read( profileTitle( newcomer ), PROFILE );
		expect( profile.value!.programs[ id ]!.mentor ).toBe( mentorName );
		const options = await sessions[ newcomer ]!.client.get( { action: 'query', meta: 'userinfo', uiprop: 'options' } );
		const cached = ( options.query as { userinfo: { options: Record<string, string> } } ).userinfo.options[ MENTOR_OPTION ];
		expect( decodeMentorCache( cached ) ).toEqual( { program: id, mentor: mentorName } );
		await user.context.close();
	} );
} );
