/**
 * Mentors see their mentees' goals (issue 15): what a mentee answered to "What would you
 * like to do on the wiki?" is shown under their name in the mentor's "Your mentees" tab and
 * in the console's members' table, as text (markup typed stays typed) in its own direction.
 */

import { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config, mentee, mentor, program, programId, unique, users } from '../support/fixtures';
import { launch, shot, url, userPage } from '../support/browser';

let browser: Browser;

beforeAll( async () => {
	browser = await launch();
} );

afterAll( async () => {
	await browser?.close();
} );

const GOALS = 'Write about <b>women painters</b> [[Frida Kahlo]] {{tl}}';
const ARABIC = 'أريد أن أكتب عن المتاحف';

async function expectGoals( cell: Locator, text: string ): Promise<void> {
	const goals = cell.locator( '.mg-goals bdi[dir=auto]' );
	await expect( goals.innerText() ).resolves.toBe( text );
	// Text only: the markup typed is not turned into elements.
	await expect( goals.locator( '*' ).count() ).resolves.toBe( 0 );
}

describe( 'mentees\' goals', () => {
	it( 'are shown to their mentor and to the coordinators, as typed, with dir="auto"', async () => {
		const coord = unique( 'Goal Coord' );
		const guide = unique( 'Goal Mentor' );
		const one = unique( 'Goal Mentee' );
		const two = unique( 'Goal Mentee Ar' );
		const sessions = await users( [ coord, guide, one, two ] );
		const id = programId( 'goals' );
		await program( id, sessions[ coord ]!, config( { coordinators: [ coord ] } ), [
			{ name: guide, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: one, membership: mentee( [ 'Art' ], [ 'en' ], { goals: GOALS } ), mentor: guide },
			{ name: two, membership: mentee( [ 'Art' ], [ 'ar' ], { goals: ARABIC } ), mentor: guide },
		], sessions );

		const asMentor = await userPage( browser, guide );
		await asMentor.page.goto( url( 'Special:BlankPage/Mentorship', { program: id, withgadget: 'mentorship-match' } ) );
		const mentees = asMentor.page.locator( '.mg-mentees table' );
		await mentees.waitFor();
		await expectGoals( mentees.getByRole( 'rowheader', { name: new RegExp( one ) } ), GOALS );
		await expectGoals( mentees.getByRole( 'rowheader', { name: new RegExp( two ) } ), ARABIC );
		await shot( asMentor.page, 'goals-mentor' );
		await asMentor.context.close();

		const asCoord = await userPage( browser, coord );
		await asCoord.page.goto( url( 'Special:BlankPage/Mentorship', { program: id, view: 'console', withgadget: 'mentorship-match' } ) );
		await asCoord.page.locator( '.mg-members tbody tr' ).first().waitFor();
		await expectGoals( asCoord.page.locator( `.mg-members tr[data-member="${ one }"] th` ), GOALS );
		await expectGoals( asCoord.page.locator( `.mg-members tr[data-member="${ two }"] th` ), ARABIC );
		await expect( asCoord.page.locator( `.mg-members tr[data-member="${ guide }"] .mg-goals` ).count() ).resolves.toBe( 0 );
		await asCoord.context.close();
	} );
} );
