/**
 * When the shared code cannot be loaded (here: its load.php request fails, as on a network
 * error), nothing stays at "Loading…": the panel and the controls say so, with Retry; and
 * Retry works once the failure is gone, without reloading the page.
 */

import { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { article, config, enableGadgets, mentee, mentor, program, programId, unique, users } from '../support/fixtures';
import { launch, shot, url, userPage } from '../support/browser';

let browser: Browser;

beforeAll( async () => {
	browser = await launch();
} );

afterAll( async () => {
	await browser?.close();
} );

/** Fails every load.php request for the shared code, counting them. */
async function breakSharedCode( page: Page ): Promise<{ failed: number; restore: () => Promise<void> }> {
	const state = { failed: 0, restore: async () => undefined as void };
	const handler = async ( route: Route ): Promise<void> => {
		const modules = new URL( route.request().url() ).searchParams.get( 'modules' ) || '';
		if ( /mentorship-core/.test( modules ) ) {
			state.failed++;
			await route.abort( 'connectionreset' );
			return;
		}
		await route.continue();
	};
	await page.route( /\/load\.php\?/, handler );
	state.restore = () => page.unroute( /\/load\.php\?/, handler );
	return state;
}

describe( 'the shared code fails to load', () => {
	it( 'the panel says so with Retry instead of "Loading…" for ever; Retry, clicked once the failure is gone, shows the panel', async () => {
		const [ name ] = [ unique( 'Fail Reader' ) ];
		await users( [ name ] );
		const user = await userPage( browser, name );
		const { page } = user;
		const broken = await breakSharedCode( page );
		await page.goto( url( 'Special:BlankPage/Mentorship', { withgadget: 'mentorship-match' } ) );
		const alert = page.getByRole( 'alert' ).filter( { hasText: 'Could not load the mentorship tools.' } );
		await alert.waitFor();
		expect( broken.failed ).toBeGreaterThan( 0 );
		await expect( page.locator( '.mg-panel-loading' ).textContent() ).resolves.not.toContain( 'Loading' );
		await shot( page, 'load-failure-panel' );

		await broken.restore();
		await alert.getByRole( 'button', { name: 'Retry' } ).click();
		await page.getByRole( 'heading', { name: 'Mentorship programs' } ).waitFor();
		await expect( page.locator( '.mg-load-error' ).count() ).resolves.toBe( 0 );
		await user.context.close();
	} );

	it( 'Ask my mentor says so in a notification with Retry; Retry opens the dialog once the failure is gone', async () => {
		const coordinator = unique( 'Fail Coord' );
		const mentorName = unique( 'Fail Mentor' );
		const menteeName = unique( 'Fail Mentee' );
		const sessions = await users( [ coordinator, mentorName, menteeName ] );
		const id = programId( 'failask' );
		await program( id, sessions[ coordinator ]!, config( { coordinators: [ coordinator ] } ), [
			{ name: mentorName, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: menteeName, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: mentorName },
		], sessions );
		await enableGadgets( sessions[ menteeName ]!, [ 'mentorship-ask' ] );
		const title = 'Load failure article ' + id;
		await article( sessions[ coordinator ]!, title, 'Text.' );

		const user = await userPage( browser, menteeName );
		const { page } = user;
		const broken = await breakSharedCode( page );
		await page.goto( url( title ) );
		await page.getByRole( 'button', { name: 'Ask my mentor' } ).click();
		const alert = page.getByRole( 'alert' ).filter( { hasText: 'Could not load the mentorship tools.' } );
		await alert.waitFor();
		expect( broken.failed ).toBeGreaterThan( 0 );
		await shot( page, 'load-failure-ask' );
		await broken.restore();
		await alert.getByRole( 'button', { name: 'Retry' } ).click();
		await page.getByRole( 'textbox', { name: 'Your question' } ).waitFor( { state: 'visible' } );
		await alert.waitFor( { state: 'detached' } );
		await user.context.close();
	} );
} );
