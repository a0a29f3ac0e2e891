/**
 * What people met in their first hour (issue 15, items 2 to 7), done as they did it: by
 * mouse and by the visible names of controls, keys where the help text names them.
 * Each test failed before its fix.
 */

import { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE } from '../../src/core/format';
import { profileTitle } from '../../src/core/titles';
import { isoSeconds } from '../../src/core/dates';
import { Store } from '../../src/wiki/store';
import { adminSession } from '../../scripts/lib/accounts';
import { article, config, enableGadgets, mentee, mentor, program, programId, unique, users, wiki } from '../support/fixtures';
import { launch, url, userPage } from '../support/browser';

let browser: Browser;

beforeAll( async () => {
	browser = await launch();
} );

afterAll( async () => {
	await browser?.close();
} );

function panelUrl( id: string, view?: string ): string {
	const params: Record<string, string> = { program: id, withgadget: 'mentorship-match' };
	if ( view ) {
		params.view = view;
	}
	return url( 'Special:BlankPage/Mentorship', params );
}

async function openPanel( page: Page, id: string, view?: string ): Promise<void> {
	await page.goto( panelUrl( id, view ) );
	await page.locator( '.mentorship-panel .mg-program h2' ).waitFor();
}

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

	it( 'item 3: typing a language code or name and pressing Enter adds it and removes none; joining saves them', async () => {
		const coord = unique( 'Fh3 Coord' );
		const guide = unique( 'Fh3 Mentor' );
		const newbie = unique( 'Fh3 Newbie' );
		const sessions = await users( [ coord, guide, newbie ] );
		const id = programId( 'fh3' );
		await program( id, sessions[ coord ]!, config( { coordinators: [ coord ] } ), [
			{ name: guide, membership: mentor( [ 'Art' ], [ 'fr' ] ) },
		], sessions );
		const user = await userPage( browser, newbie );
		const { page } = user;
		await openPanel( page, id );
		await page.getByRole( 'tab', { name: 'Join' } ).waitFor();
		const languages = page.locator( '.mg-join .oo-ui-menuTagMultiselectWidget' ).nth( 1 );
		const tags = languages.locator( '.oo-ui-tagItemWidget' );
		await expect( tags.allTextContents() ).resolves.toEqual( [ 'English (en)' ] );
		await languages.locator( 'input' ).click();
		// As fast as a keyboard goes: no waiting between typing and Enter.
		await page.keyboard.type( 'fr' );
		await page.keyboard.press( 'Enter' );
		await expect( tags.allTextContents() ).resolves.toEqual( [ 'English (en)', 'French (fr)' ] );
		// A name the program lists, typed in the user's language.
		await page.keyboard.type( 'Spanish' );
		await page.keyboard.press( 'Enter' );
		await expect( tags.allTextContents() ).resolves.toEqual( [ 'English (en)', 'French (fr)', 'Spanish (es)' ] );
		// A code the program does not list.
		await page.keyboard.type( 'de' );
		await page.keyboard.press( 'Enter' );
		// Enter on a language already there keeps it.
		await page.keyboard.type( 'en' );
		await page.keyboard.press( 'Enter' );
		await page.keyboard.press( 'Escape' );
		await expect( tags.allTextContents() ).resolves.toEqual( [ 'English (en)', 'French (fr)', 'Spanish (es)', 'German (de)' ] );
		await page.getByRole( 'checkbox', { name: /I understand that what I enter here is public/ } ).check();
		await page.getByRole( 'button', { name: 'Join the program' } ).click();
		await page.locator( '.mg-mentor-cards .mg-mentor-card' ).first().waitFor();
		const saved = await new Store( sessions[ newbie ]!.client ).read( profileTitle( newbie ), PROFILE );
		expect( saved.value!.programs[ id ]!.languages ).toEqual( [ 'en', 'fr', 'es', 'de' ] );
		await user.context.close();
	} );

	it( 'item 4: Enter in the named "Away until" box confirms the date without saving; Save saves it with the backup, once', async () => {
		const coord = unique( 'Fh4 Coord' );
		const away = unique( 'Fh4 Mentor' );
		const backup = unique( 'Fh4 Backup' );
		const sessions = await users( [ coord, away, backup ] );
		const id = programId( 'fh4' );
		await program( id, sessions[ coord ]!, config( { coordinators: [ coord ] } ), [
			{ name: away, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: backup, membership: mentor( [ 'Art' ], [ 'en' ] ) },
		], sessions );
		const revisions = async (): Promise<number> => {
			const response = await sessions[ coord ]!.client.get( { action: 'query', prop: 'revisions', titles: profileTitle( away ), rvprop: 'ids', rvlimit: 50, formatversion: 2 } );
			const pages = ( response.query as { pages: { revisions?: unknown[] }[] } ).pages;
			return ( pages[ 0 ]!.revisions || [] ).length;
		};
		const before = await revisions();
		const user = await userPage( browser, away );
		const { page } = user;
		await openPanel( page, id, 'profile' );
		await page.getByRole( 'radio', { name: 'Away for a while' } ).check();
		// Found by its name, as a screen reader announces it (it read "YYYY-MM-DD").
		await page.getByRole( 'button', { name: 'Away until' } ).click( { timeout: 10000 } );
		const date = page.getByRole( 'textbox', { name: 'Away until' } );
		await date.waitFor( { timeout: 10000 } );
		await date.fill( '2099-03-01' );
		await date.press( 'Enter' );
		await page.getByRole( 'combobox', { name: 'Backup mentor' } ).click();
		await page.locator( '.oo-ui-menuOptionWidget', { hasText: backup } ).click();
		await page.getByRole( 'button', { name: 'Save' } ).click();
		await page.locator( '.mentorship-panel > .mg-status', { hasText: 'Saved.' } ).waitFor();
		const saved = await new Store( sessions[ away ]!.client ).read( profileTitle( away ), PROFILE );
		const membership = saved.value!.programs[ id ]!;
		expect( [ membership.status, membership.awayUntil, membership.backup ] ).toEqual( [ 'away', '2099-03-01', backup ] );
		// One save: Enter in the date box saved nothing by itself.
		await expect( revisions() ).resolves.toBe( before + 1 );
		await user.context.close();
	} );

	it( 'item 5: batch invitations skip the program\'s own mentors and mentees, saying why', async () => {
		const coord = unique( 'Fh5 Coord' );
		const guide = unique( 'Fh5 Mentor' );
		const pupil = unique( 'Fh5 Mentee' );
		const newbie = unique( 'Fh5 Newbie' );
		const sessions = await users( [ coord, guide, pupil, newbie ] );
		const id = programId( 'fh5' );
		const cfg = config( { coordinators: [ coord ] } );
		await program( id, sessions[ coord ]!, cfg, [
			{ name: guide, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: pupil, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: guide },
		], sessions );
		await enableGadgets( sessions[ coord ]!, [ 'mentorship-welcome' ] );
		const user = await userPage( browser, coord );
		const { page } = user;
		await page.goto( url( 'Special:Log/newusers' ) );
		await page.locator( 'a.mg-log-batch' ).click();
		const dialog = page.locator( '.mg-welcome-batch' );
		await dialog.locator( '.mg-welcome-kind input[type=radio]' ).first().check();
		await page.getByRole( 'textbox', { name: 'Names, one a line' } ).fill( [ guide, pupil, newbie ].join( '\n' ) );
		await page.getByRole( 'button', { name: 'Check names' } ).click();
		const state = ( name: string ): Locator => dialog.locator( `.mg-welcome-table tr[data-user="${ name }"] .mg-welcome-state` );
		await state( newbie ).waitFor();
		await expect( state( newbie ).innerText() ).resolves.toBe( 'ready' );
		await expect( state( guide ).innerText() ).resolves.toContain( `already a mentor in ${ cfg.name }` );
		await expect( state( pupil ).innerText() ).resolves.toContain( `already a mentee in ${ cfg.name }` );
		await expect( dialog.getByRole( 'button', { name: 'Send to one user' } ).isVisible() ).resolves.toBe( true );
		await user.context.close();
	} );

	it( 'item 6: "The program … was created." stays above the loaded console until its × is clicked', async () => {
		const coord = unique( 'Fh6 Coord' );
		await users( [ coord ] );
		const id = programId( 'fh6' );
		const name = 'First hour program ' + id;
		const user = await userPage( browser, coord );
		const { page } = user;
		await page.goto( url( 'Special:BlankPage/Mentorship', { withgadget: 'mentorship-match' } ) );
		await page.getByRole( 'button', { name: 'Create a program' } ).click();
		await page.getByRole( 'textbox', { name: 'Program id' } ).fill( id );
		await page.getByRole( 'textbox', { name: 'Name', exact: true } ).fill( name );
		await page.getByRole( 'textbox', { name: 'Description' } ).fill( 'Made by the first-hour test.' );
		await page.locator( '.mg-protection' ).waitFor( { state: 'hidden' } );
		await page.getByRole( 'button', { name: 'Create the program' } ).click();
		// The console has loaded: its tabs are there and nothing is busy.
		await page.getByRole( 'tab', { name: 'Dashboard' } ).waitFor( { timeout: 60000 } );
		await page.locator( '.mg-console:not([aria-busy])' ).waitFor();
		await page.locator( '.mg-program:not([aria-busy])' ).waitFor();
		const notice = page.locator( '.mentorship-panel .oo-ui-messageWidget', { hasText: `The program ${ name } was created.` } );
		await expect( notice.isVisible() ).resolves.toBe( true );
		// Still there after the page has settled (it used to vanish within a second).
		await page.evaluate( () => new Promise( ( resolve ) => {
			requestAnimationFrame( () => requestAnimationFrame( resolve ) );
		} ) );
		await expect( notice.isVisible() ).resolves.toBe( true );
		await notice.getByRole( 'button', { name: 'Close' } ).click();
		await notice.waitFor( { state: 'hidden' } );
		await user.context.close();
	} );

	it( 'item 7: the question box does not start red: not when the dialog opens, nor when the focus moves on before anything is typed', async () => {
		const coord = unique( 'Fh7 Coord' );
		const guide = unique( 'Fh7 Mentor' );
		const pupil = unique( 'Fh7 Mentee' );
		const sessions = await users( [ coord, guide, pupil ] );
		const id = programId( 'fh7' );
		await program( id, sessions[ coord ]!, config( { coordinators: [ coord ] } ), [
			{ name: guide, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: pupil, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: guide },
		], sessions );
		await enableGadgets( sessions[ pupil ]!, [ 'mentorship-ask' ] );
		const title = 'First hour red box article ' + id;
		await article( sessions[ coord ]!, title, 'Text.' );
		const asker = await userPage( browser, pupil );
		const { page } = asker;
		await page.goto( url( title ) );
		await page.locator( '#ca-mentorship-ask' ).getByRole( 'button', { name: 'Ask my mentor', exact: true } ).click();
		await page.locator( '.mg-ask-dialog[data-mg-ready]' ).waitFor();
		const box = page.getByRole( 'textbox', { name: 'Your question' } );
		// The widget around the box carries OOUI's red 'invalid' flag.
		const widget = page.locator( '.mg-ask-dialog .mg-ask-question' );
		const flagged = async (): Promise<[ boolean, string | null ]> => [
			( await widget.getAttribute( 'class' ) || '' ).split( ' ' ).includes( 'oo-ui-flaggedElement-invalid' ),
			await box.getAttribute( 'aria-invalid' ),
		];
		const settled = (): Promise<unknown> => page.evaluate( () => new Promise( ( resolve ) => {
			requestAnimationFrame( () => requestAnimationFrame( resolve ) );
		} ) );
		await expect( flagged() ).resolves.toEqual( [ false, null ] );
		// The mentee clicks into the box, then moves on with Tab before typing (to the
		// checkbox, to read the dialog): the box is checked on leaving it.
		await box.click();
		await page.keyboard.press( 'Tab' );
		await expect( box.evaluate( ( el ) => el === document.activeElement ) ).resolves.toBe( false );
		await settled();
		await expect( flagged() ).resolves.toEqual( [ false, null ] );
		// Still required, for screen readers, and Preview waits for a question.
		await expect( box.getAttribute( 'aria-required' ) ).resolves.toBe( 'true' );
		await expect( page.getByRole( 'button', { name: 'Preview' } ).isDisabled() ).resolves.toBe( true );
		await asker.context.close();
	} );

	it( 'confusing: one\'s own mentor is not "Full", languages read one way, each "Open" names its program, a question asked today is not "unanswered for 0 days"', async () => {
		const coord = unique( 'FhC Coord' );
		const guide = unique( 'FhC Mentor' );
		const other = unique( 'FhC Other' );
		const pupil = unique( 'FhC Mentee' );
		const sessions = await users( [ coord, guide, other, pupil ] );
		const id = programId( 'fhc' );
		const cfg = config( { coordinators: [ coord ], name: 'Confusing program ' + id } );
		await program( id, sessions[ coord ]!, cfg, [
			{ name: guide, membership: mentor( [ 'Art' ], [ 'ar', 'en' ], { capacity: 1 } ) },
			{ name: other, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: pupil, membership: mentee( [ 'Art' ], [ 'en' ], {
				questions: [ { id: 'q1', to: guide, page: 'User talk:' + guide, section: 'A question today', revid: 1, time: isoSeconds( Date.now() ), via: 'mentor' } ],
			} ), mentor: guide },
		], sessions );

		const asMentee = await userPage( browser, pupil );
		await openPanel( asMentee.page, id, 'mentor' );
		const card = asMentee.page.locator( '.mg-mentee .mg-mentor-card' ).first();
		await card.waitFor();
		await expect( card.locator( 'h4' ).innerText() ).resolves.toBe( guide );
		const text = await card.innerText();
		expect( text ).not.toMatch( /Full/ );
		// The reason and the card's line name languages alike.
		expect( text ).toContain( 'Speaks English (en)' );
		expect( text ).toContain( 'Speaks: Arabic (ar) and English (en)' );
		expect( text ).not.toMatch( /Speaks en\b/ );
		// A mentor who speaks only what the reason names: said once, not twice.
		const otherCard = asMentee.page.locator( '.mg-mentor-card', { hasText: other } ).first();
		await otherCard.waitFor();
		const otherText = await otherCard.innerText();
		expect( otherText ).toContain( 'Speaks English (en)' );
		expect( otherText ).not.toContain( 'Speaks:' );
		// The list of programs: each button says which program it opens.
		await asMentee.page.goto( url( 'Special:BlankPage/Mentorship', { withgadget: 'mentorship-match' } ) );
		await asMentee.page.getByRole( 'button', { name: 'Open ' + cfg.name, exact: true } ).waitFor();
		await asMentee.context.close();

		const asMentor = await userPage( browser, guide );
		await openPanel( asMentor.page, id, 'mentees' );
		const row = asMentor.page.locator( '.mg-table tbody tr', { hasText: pupil } );
		await row.waitFor();
		await expect( row.locator( '.mg-unanswered' ).innerText() ).resolves.toBe( 'Unanswered, asked today' );
		await asMentor.context.close();
	} );

	it( 'confusing: a batch skip reason says a block has no end date, not "expires: infinite"', async () => {
		const coord = unique( 'FhB Coord' );
		const blocked = unique( 'FhB Blocked' );
		const sessions = await users( [ coord, blocked ] );
		const id = programId( 'fhb' );
		await program( id, sessions[ coord ]!, config( { coordinators: [ coord ] } ), [], sessions );
		await enableGadgets( sessions[ coord ]!, [ 'mentorship-welcome' ] );
		const admin = await adminSession( wiki() );
		await admin.client.postWithToken( { action: 'block', user: blocked, expiry: 'infinite', reason: 'First hour test block' } );
		const user = await userPage( browser, coord );
		const { page } = user;
		await page.goto( url( 'Special:Log/newusers' ) );
		await page.locator( 'a.mg-log-batch' ).click();
		const dialog = page.locator( '.mg-welcome-batch' );
		await dialog.locator( '.mg-welcome-kind input[type=radio]' ).first().check();
		await page.getByRole( 'textbox', { name: 'Names, one a line' } ).fill( blocked );
		await page.getByRole( 'button', { name: 'Check names' } ).click();
		const state = dialog.locator( `.mg-welcome-table tr[data-user="${ blocked }"] .mg-welcome-state` );
		await state.waitFor();
		const reason = await state.innerText();
		expect( reason ).toMatch( /blocked by .*, with no end date/ );
		expect( reason ).not.toContain( 'infinite' );
		await user.context.close();
	} );

	it( 'confusing: the console\'s counts for a first cohort: no "0 invitations sent to 0 people", no "1 of one mentee", no "+0%"', async () => {
		const coord = unique( 'FhK Coord' );
		const guide = unique( 'FhK Mentor' );
		const pupil = unique( 'FhK Mentee' );
		const sessions = await users( [ coord, guide, pupil ] );
		const id = programId( 'fhk' );
		await program( id, sessions[ coord ]!, config( { coordinators: [ coord ] } ), [
			{ name: guide, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: pupil, membership: mentee( [ 'Art' ], [ 'en' ] ) },
		], sessions );
		const user = await userPage( browser, coord );
		const { page } = user;
		await openPanel( page, id, 'console' );
		const invitations = page.locator( '.mg-cards .mg-card', { hasText: 'Invitations' } );
		await invitations.waitFor( { timeout: 60000 } );
		await expect( invitations.innerText() ).resolves.toContain( 'No invitations have been sent yet.' );
		await page.getByRole( 'tab', { name: 'Match the cohort' } ).click();
		await page.locator( '.mg-match' ).getByRole( 'button', { name: 'Match the cohort' } ).click();
		await page.locator( '.mg-pairs tbody tr' ).first().waitFor();
		await expect( page.locator( '.mg-match-summary' ).innerText() ).resolves.toMatch( /^The mentee matched \(computed in \d+ ms\)\.$/ );
		const totals = await page.locator( '.mg-match-totals' ).innerText();
		expect( totals ).toMatch( /^Total fit: \d+ points, as much as first come, first served would reach with one pair\.$/ );
		expect( totals ).not.toContain( '%' );
		await user.context.close();
	} );
} );
