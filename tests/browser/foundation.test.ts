/**
 * The foundation in a real browser: a user ticks mentorship-ask in Special:Preferences (the
 * real page), opens an article and sees the control; the page view costs no API request
 * and adds no module but the loaders' (no OOUI); clicking loads the ask feature and what it
 * uses, in one request.
 */

import { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, config, mentee, mentor, program, programId, unique, users, wiki } from '../support/fixtures';
import { apiRequests, CORE_GADGET, featureRequests, launch, loadedModules, loads, OOUI, pageViewCost, shot, url, userPage } from '../support/browser';

let browser: Browser;

beforeAll( async () => {
	browser = await launch();
} );

afterAll( async () => {
	await browser?.close();
} );

describe( 'gadgets in the browser', () => {
	it( 'are turned on in Special:Preferences, cost nothing on page view and load the lazy part on click', async () => {
		const coordinator = unique( 'Founda Coord' );
		const mentorName = unique( 'Founda Mentor' );
		const menteeName = unique( 'Founda Mentee' );
		const sessions = await users( [ coordinator, mentorName, menteeName ] );
		const id = programId( 'found' );
		await program( id, sessions[ coordinator ]!, config( { coordinators: [ coordinator ] } ), [
			{ name: mentorName, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: menteeName, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: mentorName },
		], sessions );
		const title = 'Foundation test article ' + id;
		await article( sessions[ coordinator ]!, title, 'An article about art.' );

		const user = await userPage( browser, menteeName );
		const { page } = user;
		// The real preferences page, as a user would: the Gadgets tab, the checkbox, Save.
		await page.goto( url( 'Special:Preferences' ) + '#mw-prefsection-gadgets' );
		const box = page.locator( 'input[name="wpgadget-mentorship-ask"]' );
		await expect( box.isChecked() ).resolves.toBe( false );
		await page.click( '#mw-prefsection-gadgets-tab, a[href="#mw-prefsection-gadgets"]' ).catch( () => undefined );
		await box.check();
		await shot( page, 'preferences-gadgets' );
		await Promise.all( [ page.waitForNavigation(), page.click( '#prefcontrol button, #prefcontrol input[type=submit]' ) ] );
		await expect( page.locator( 'input[name="wpgadget-mentorship-ask"]' ).isChecked() ).resolves.toBe( true );

		user.requests.length = 0;
		await page.goto( url( title ) );
		await page.waitForLoadState( 'networkidle' );
		const control = page.locator( '#ca-mentorship-ask a' );
		await expect( control.textContent() ).resolves.toBe( 'Ask my mentor' );
		await shot( page, 'ask-control' );
		expect( loads( user.requests, CORE_GADGET ).map( ( r ) => r.url() ) ).toEqual( [] );
		// Against the same view with the gadget off: no API request, no module but the
		// loaders' own (no OOUI, no mediawiki.user and its cookies), on either release.
		const cost = await pageViewCost( user, sessions[ menteeName ]!, url( title ), [ 'mentorship-ask' ] );
		expect( cost ).toEqual( { api: [], added: [ 'ext.gadget.mentorship-ask', 'ext.gadget.mentorship-loader' ], lazy: [] } );
		// Each view with the gadget on, whatever the skin loads by itself.
		if ( wiki().release === '1.39' ) {
			expect( apiRequests( user.requests ).map( ( r ) => r.url() ) ).toEqual( [] );
			expect( loads( user.requests, OOUI ).map( ( r ) => r.url() ) ).toEqual( [] );
		}
		user.requests.length = 0;

		await control.click();
		await page.getByRole( 'textbox', { name: 'Your question' } ).waitFor( { state: 'visible' } );
		expect( loads( user.requests, CORE_GADGET ).length ).toBeGreaterThan( 0 );
		expect( loads( user.requests, OOUI ).length ).toBeGreaterThan( 0 );
		// The code split: the click loads the ask feature, the base and the code ask shares
		// with other features, in one load.php request (ResourceLoader sends the OOUI they use
		// in another, being of another group); no welcome, panel or console code, no message
		// module (English), no date input.
		const ours = featureRequests( user.requests );
		expect( ours ).toHaveLength( 1 );
		expect( ours[ 0 ] ).toContain( 'ext.gadget.mentorship-core' );
		expect( ours[ 0 ] ).toContain( 'ext.gadget.mentorship-core-ask' );
		const shared = 'ext.gadget.mentorship-core-shared-';
		const askUses = ( n: string ): boolean => n === 'ext.gadget.mentorship-core' || n === 'ext.gadget.mentorship-core-ask' ||
			( n.indexOf( shared ) === 0 && n.slice( shared.length ).split( '-' ).includes( 'ask' ) );
		expect( ( ours[ 0 ] as string[] ).filter( ( n ) => !askUses( n ) ) ).toEqual( [] );
		expect( loadedModules( user.requests ).flat().filter( ( n ) => /^mediawiki\.widgets/.test( n ) ) ).toEqual( [] );
		await expect( page.evaluate( () => {
			const lib = ( window as unknown as { mw: { libs: { mentorship: Record<string, unknown> } } } ).mw.libs.mentorship;
			return [ 'ask', 'welcome', 'welcomeBatch', 'mountPanel', 'consoleTab' ].filter( ( f ) => typeof lib[ f ] === 'function' );
		} ) ).resolves.toEqual( [ 'ask' ] );
		await user.context.close();
	} );
} );
