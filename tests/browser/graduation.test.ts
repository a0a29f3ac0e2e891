/**
 * Mentees become mentors (issue 18), in Chromium on the real wiki: a mentee whose term has
 * ended is offered to graduate in their mentor's mentees tab; the mentor graduates them by
 * mouse (Graduate, their words, Preview of the recognition and the certificate, Graduate and
 * post, Done: controls found by their visible names), which loads the graduation module on
 * that click. The recognition is on the mentee's talk page, signed, with the words as typed
 * (no category), and the certificate page is in the program's folder. The mentee follows the
 * invitation from their talk page: the panel opens the join form as a mentor, filled in from
 * their mentee profile, and they join as a co-mentor beside their mentor. The coordinator's
 * dashboard then counts one graduate who became a mentor.
 */

import { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateTitle } from '../../src/core/graduation';
import { loadConsole } from '../../src/wiki/console';
import { admin, config, mentee, mentor, program, programId, unique, users } from '../support/fixtures';
import { apiRequests, launch, loadedModules, shot, url, userPage } from '../support/browser';
import { actionButton, mouseClick, PRIMARY } from '../support/mouse';

let browser: Browser;

beforeAll( async () => {
	browser = await launch();
} );

afterAll( async () => {
	await browser?.close();
} );

const RELEASE = process.env.MENTORSHIP_MW || '1.39';
const HOSTILE = 'Proud of you }} | ~~~~ [[Category:Graduates]] </nowiki><b>x</b>';

describe( 'mentees become mentors', () => {
	it( 'a mentee graduates; the recognition and the certificate exist; the invitation opens a prefilled join form; the dashboard counts one graduate who became a mentor', async () => {
		const coordinator = unique( 'Grad Coord' );
		const guide = unique( 'Grad Mentor' );
		const grad = unique( 'Grad Mentee' );
		const sessions = await users( [ coordinator, guide, grad ] );
		const id = programId( 'graduation' );
		// A term of 30 days from a start long past: the term has ended for everyone.
		const cfg = config( { coordinators: [ coordinator ], termDays: 30, start: '2026-01-01' } );
		await program( id, sessions[ coordinator ]!, cfg, [
			{ name: guide, membership: mentor( [ 'Art' ], [ 'en' ], { capacity: 5 } ) },
			{ name: grad, membership: mentee( [ 'Art', 'Music' ], [ 'en', 'fr' ] ), mentor: guide },
		], sessions );

		// The mentor's mentees tab offers Graduate; the click loads the graduation module.
		const asMentor = await userPage( browser, guide );
		const { page } = asMentor;
		await page.goto( url( 'Special:BlankPage/Mentorship', { program: id, withgadget: 'mentorship-match' } ) );
		const graduate = page.getByRole( 'button', { name: `Graduate ${ grad }`, exact: true } );
		await graduate.waitFor();
		expect( loadedModules( asMentor.requests ).flat() ).not.toContain( 'ext.gadget.mentorship-core-graduation' );
		await mouseClick( page, graduate );
		const dialog = page.locator( '.mg-graduation-dialog' );
		await dialog.locator( '.oo-ui-processDialog-title', { hasText: `Graduate ${ grad }` } ).waitFor();
		expect( loadedModules( asMentor.requests ).flat() ).toContain( 'ext.gadget.mentorship-core-graduation' );
		await expect( dialog.locator( '.mg-graduation-due' ).textContent() ).resolves.toMatch( new RegExp( `^${ grad }'s term ended on .*2026: they may graduate\\.$` ) );
		const note = dialog.getByRole( 'textbox', { name: 'Your words' } );
		await note.fill( HOSTILE );

		// The preview: the recognition and the certificate, as the wiki parses them.
		await mouseClick( page, actionButton( dialog, PRIMARY, 'Preview' ) );
		const preview = dialog.locator( '.mg-preview' );
		await preview.getByText( HOSTILE ).waitFor();
		await expect( preview.textContent() ).resolves.toContain( `you have completed the mentorship program ${ cfg.name }` );
		await expect( preview.getByRole( 'link', { name: 'Become a mentor (one click)' } ).count() ).resolves.toBe( 1 );
		const certificatePreview = dialog.locator( '.mg-graduation-certificate' );
		await expect( certificatePreview.textContent() ).resolves.toContain( 'Certificate of completion' );
		await expect( certificatePreview.textContent() ).resolves.toContain( `This certifies that ${ grad } completed the mentorship program ${ cfg.name }` );
		await shot( page, 'graduation-preview' );

		// Post: what it costs, and how long it takes, as the browser saw it.
		asMentor.requests.length = 0;
		const started = Date.now();
		await mouseClick( page, actionButton( dialog, PRIMARY, 'Graduate and post' ) );
		await dialog.getByText( `${ grad } graduated. The recognition:` ).waitFor();
		const took = Date.now() - started;
		const api = apiRequests( asMentor.requests );
		const writes = api.filter( ( r ) => r.method() === 'POST' ).length;
		console.log( `graduation, ${ RELEASE }: ${ api.length } API requests (${ writes } POST) for the certificate, the post and the milestone, ${ took } ms from the click to the result` );
		await expect( dialog.getByRole( 'link', { name: certificateTitle( id, grad ) } ).count() ).resolves.toBe( 1 );
		await mouseClick( page, actionButton( dialog, PRIMARY, 'Done' ) );
		await dialog.waitFor( { state: 'hidden' } );
		await page.getByRole( 'button', { name: 'Graduated', exact: true } ).waitFor();

		// The recognition: a new section on the mentee's talk page, signed by the mentor, the words as typed.
		const a = await admin();
		const talk = await a.client.readPage( 'User talk:' + grad );
		expect( talk.content ).toContain( `== Congratulations, ${ grad }: you graduated from ${ cfg.name }! ==` );
		expect( talk.content ).toContain( `[[User:${ guide }|${ guide }]]` );
		expect( talk.content ).toContain( '<nowiki>Proud of you }} | ~~~~ [[Category:Graduates]] &lt;/nowiki&gt;&lt;b&gt;x&lt;/b&gt;</nowiki>' );
		const parsed = await a.client.get( { action: 'parse', page: 'User talk:' + grad, prop: 'categories' } );
		expect( ( parsed.parse as { categories: unknown[] } ).categories ).toEqual( [] );
		// The certificate: a page in the program's folder, signed by the mentor.
		const certificate = await a.client.readPage( certificateTitle( id, grad ) );
		expect( certificate.exists ).toBe( true );
		expect( certificate.content ).toContain( `This certifies that [[User:${ grad }|${ grad }]] completed the mentorship program` );
		expect( certificate.content ).toContain( `Signed: [[User:${ guide }|${ guide }]]` );
		expect( certificate.content ).not.toContain( '~~~~\n</div>' );
		await asMentor.context.close();

		// The invitation, followed from the talk page: the join form as a mentor, filled in from the mentee profile.
		const asGrad = await userPage( browser, grad );
		const gp = asGrad.page;
		await gp.goto( url( 'User talk:' + grad ) );
		await mouseClick( gp, gp.getByRole( 'link', { name: 'Become a mentor (one click)' } ) );
		await gp.getByRole( 'tab', { name: 'Become a mentor', selected: true } ).waitFor();
		expect( new URL( gp.url() ).searchParams.get( 'as' ) ).toBe( 'mentor' );
		await expect( gp.getByRole( 'radio', { name: 'As a mentor: I can help newcomers' } ).isChecked() ).resolves.toBe( true );
		const join = gp.locator( '.mg-join' );
		await expect( join.locator( '.oo-ui-menuTagMultiselectWidget' ).nth( 0 ).locator( '.oo-ui-tagItemWidget' ).allTextContents() ).resolves.toEqual( [ 'Art', 'Music' ] );
		await expect( join.locator( '.oo-ui-menuTagMultiselectWidget' ).nth( 1 ).locator( '.oo-ui-tagItemWidget' ).allTextContents() ).resolves.toEqual( [ 'English (en)', 'French (fr)' ] );
		await shot( gp, 'graduation-become-mentor' );
		await mouseClick( gp, gp.getByRole( 'checkbox', { name: `Co-mentor beside ${ guide } first (no mentees of my own yet)` } ) );
		await mouseClick( gp, gp.getByRole( 'checkbox', { name: /I understand that what I enter here is public/ } ) );
		await mouseClick( gp, gp.getByRole( 'button', { name: 'Join the program' } ) );
		await gp.getByRole( 'tab', { name: 'Your mentees' } ).waitFor();
		await gp.locator( '.mg-role', { hasText: 'co-mentor beside' } ).getByRole( 'link', { name: guide } ).waitFor();
		const own = JSON.parse( ( await a.client.readPage( `User:${ grad }/mentorship.json` ) ).content as string ) as { programs: Record<string, Record<string, unknown>> };
		expect( own.programs[ id ] ).toEqual( expect.objectContaining( { role: 'mentor', formerMentor: guide, coMentor: guide, capacity: 0, topics: [ 'Art', 'Music' ], languages: [ 'en', 'fr' ] } ) );
		await asGrad.context.close();

		const data = await loadConsole( a.client, id, Date.now() );
		expect( data.dashboard.summary.graduates.graduates ).toEqual( [ grad ] );
		expect( data.dashboard.summary.graduates.mentors ).toEqual( [ grad ] );
		expect( data.dashboard.summary.graduates.medianDays ).toEqual( expect.any( Number ) );

		// The coordinator's dashboard counts one graduate who became a mentor.
		const asCoordinator = await userPage( browser, coordinator );
		await asCoordinator.page.goto( url( 'Special:BlankPage/Mentorship', { program: id, view: 'console', withgadget: 'mentorship-match' } ) );
		await asCoordinator.page.locator( '.mg-card', { hasText: 'Graduates' } ).filter( { hasText: '1 graduate; 1 became a mentor.' } ).waitFor( { timeout: 60000 } );
		await expect( asCoordinator.page.locator( '.mg-card', { hasText: 'Graduates' } ).innerText() ).resolves.toMatch( /Median time from graduating to mentoring: [\d.,]+ days?\./ );
		await asCoordinator.page.locator( '.mg-card', { hasText: 'Graduates' } ).scrollIntoViewIfNeeded();
		await shot( asCoordinator.page, 'console-graduates' );
		await asCoordinator.context.close();
	} );
} );
