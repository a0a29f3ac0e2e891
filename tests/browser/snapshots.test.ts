/**
 * Dated snapshots (issue 18), in Chromium on the real wiki: a coordinator publishes a
 * snapshot from the dashboard (Publish snapshot, a note, Preview, Publish, Done: controls
 * found by their visible names), a month later (the page's clock set by Playwright, the
 * gadget reading the time through its injected clock) another one after a mentee left and
 * another took a leadership step; the dashboard then shows the trend over the term and the
 * year. A snapshot a vandal forged is set aside, unread. Then the cost of a snapshot of a
 * 500-member program (bench/scale.ts makes it once): the requests and time of publishing it,
 * and of reading the snapshots for the trends.
 */

import { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIG } from '../../src/core/format';
import { isoSeconds } from '../../src/core/dates';
import { Snapshot, snapshotTableTitle, snapshotTitle } from '../../src/core/snapshot';
import { configTitle } from '../../src/core/titles';
import { recordMilestone } from '../../src/wiki/console';
import { leaveProgram } from '../../src/wiki/programs';
import { Store, UNCHANGED } from '../../src/wiki/store';
import { adminSession } from '../../scripts/lib/accounts';
import { scaleFixture } from '../../bench/scale';
import { config, mentee, mentor, program, programId, unique, users, wiki, writeContext, writeFigures } from '../support/fixtures';
import { apiRequests, launch, shot, url, userPage } from '../support/browser';
import { mouseClick } from '../support/mouse';
import { expectAccessible, focused, tabToElement } from '../support/access';

let browser: Browser;

beforeAll( async () => {
	browser = await launch();
} );

afterAll( async () => {
	await browser?.close();
} );

const DAY = 86400000;
const RELEASE = process.env.MENTORSHIP_MW || '1.39';

async function openDashboard( page: Page, id: string ): Promise<void> {
	await page.goto( url( 'Special:BlankPage/Mentorship', { withgadget: 'mentorship-match', program: id, view: 'console' } ) );
	await page.locator( '.mg-members tbody tr' ).first().waitFor( { timeout: 120000 } );
	await page.locator( '.mg-snapshots:not([aria-busy])' ).waitFor( { timeout: 60000 } );
}

/** Publish snapshot → the note → Preview → Publish → Done; returns the preview's text. */
async function publish( page: Page, note: string ): Promise<string> {
	await mouseClick( page, page.getByRole( 'button', { name: 'Publish snapshot' } ) );
	const dialog = page.locator( '.mg-snapshot-dialog' );
	await page.locator( '.mg-snapshot-dialog[data-mg-stage="form"]' ).waitFor();
	await dialog.getByRole( 'textbox', { name: 'Note (optional)' } ).fill( note );
	await mouseClick( page, dialog.getByRole( 'button', { name: 'Preview' } ) );
	const preview = dialog.locator( '.mg-preview table.wikitable' );
	await preview.waitFor();
	const text = await dialog.locator( '.mg-preview' ).innerText();
	await mouseClick( page, dialog.getByRole( 'button', { name: 'Publish', exact: true } ) );
	await dialog.locator( '.mg-dialog-done' ).getByText( /is published/ ).waitFor( { timeout: 60000 } );
	await mouseClick( page, dialog.getByRole( 'button', { name: 'Done' } ) );
	await page.locator( '.mg-snapshot-dialog' ).waitFor( { state: 'hidden' } );
	await page.locator( '.mg-snapshots:not([aria-busy])' ).waitFor( { timeout: 60000 } );
	return text;
}

/** The same by keyboard alone, with axe on the dialog and on the section. */
async function publishByKeys( page: Page, note: string ): Promise<void> {
	await tabToElement( page, page.getByRole( 'button', { name: 'Publish snapshot' } ), { max: 300 } );
	await page.keyboard.press( 'Enter' );
	await page.locator( '.mg-snapshot-dialog[data-mg-stage="form"]' ).waitFor();
	const dialog = page.locator( '.mg-snapshot-dialog' );
	const box = dialog.getByRole( 'textbox', { name: 'Note (optional)' } );
	await expect.poll( () => focused( box ) ).toBe( true );
	await page.keyboard.type( note );
	await expectAccessible( page, '.mg-snapshot-dialog' );
	await tabToElement( page, dialog.getByRole( 'button', { name: 'Preview' } ), { max: 20 } );
	await page.keyboard.press( 'Enter' );
	await dialog.locator( '.mg-preview table.wikitable' ).waitFor();
	await tabToElement( page, dialog.getByRole( 'button', { name: 'Publish', exact: true } ), { max: 20 } );
	await page.keyboard.press( 'Enter' );
	await dialog.locator( '.mg-dialog-done' ).getByText( /is published/ ).waitFor( { timeout: 60000 } );
	await tabToElement( page, dialog.getByRole( 'button', { name: 'Done' } ), { max: 20 } );
	await page.keyboard.press( 'Enter' );
	await page.locator( '.mg-snapshot-dialog' ).waitFor( { state: 'hidden' } );
}

describe( 'dated snapshots', () => {
	it( 'two snapshots a month apart (dates injected) give a trend view; a forged snapshot is set aside; the second by keyboard alone, axe finding nothing', async () => {
		const coordinator = unique( 'Snap Coord' );
		const guide = unique( 'Snap Mentor' );
		const stays = unique( 'Snap Stays' );
		const leaves = unique( 'Snap Leaves' );
		const vandal = unique( 'Snap Vandal' );
		const sessions = await users( [ coordinator, guide, stays, leaves, vandal ] );
		const id = programId( 'snap' );
		const cfg = config( { coordinators: [ coordinator ], termDays: 90 } );
		await program( id, sessions[ coordinator ]!, cfg, [
			{ name: guide, membership: mentor( [ 'Art' ], [ 'en' ], { capacity: 5 } ) },
			{ name: stays, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: guide },
			{ name: leaves, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: guide },
		], sessions );

		const now = Date.now();
		const first = new Date( now - 31 * DAY );
		const user = await userPage( browser, coordinator );
		const { page } = user;
		// The gadget takes the time from its clock (Date): set, it dates the first snapshot a month back.
		await page.clock.setFixedTime( first );
		await openDashboard( page, id );
		await expect( page.locator( '.mg-snapshots' ).innerText() ).resolves.toContain( 'No snapshot published by a coordinator' );
		const preview = await publish( page, 'Month one {{done}}' );
		expect( preview ).toContain( 'Month one {{done}}' );
		expect( preview ).toContain( stays );
		const day1 = isoSeconds( first.getTime() ).slice( 0, 10 );
		const stored = JSON.parse( ( await sessions[ coordinator ]!.client.readPage( snapshotTitle( id, day1 ) ) ).content as string ) as Snapshot;
		expect( stored ).toMatchObject( { program: id, date: day1, by: coordinator, note: 'Month one {{done}}' } );
		expect( Object.keys( stored.members ).sort() ).toEqual( [ guide, leaves, stays ].sort() );
		const table = await sessions[ coordinator ]!.client.readPage( snapshotTableTitle( id, day1 ) );
		expect( table.content ).toContain( '{| class="wikitable sortable"' );

		// A month on: one mentee leaves, the other takes a leadership step the coordinator records.
		await leaveProgram( writeContext( sessions[ leaves ]! ), id, cfg );
		await recordMilestone( {
			store: new Store( sessions[ coordinator ]!.client ), user: coordinator, now: isoSeconds( now ),
			summaries: { create: 't', config: 't', roster: 't', match: 't', milestone: 'test: milestone' },
		}, id, stays, { type: 'organised-event', time: isoSeconds( now ) } );
		// A vandal forges a snapshot in between, showing a great month.
		const forgedDay = isoSeconds( now - 10 * DAY ).slice( 0, 10 );
		await sessions[ vandal ]!.client.edit( {
			title: snapshotTitle( id, forgedDay ), text: JSON.stringify( { ...stored, date: forgedDay, by: coordinator } ), contentmodel: 'json', summary: 'forged', createonly: true,
		} );

		await page.clock.setFixedTime( new Date( now ) );
		await openDashboard( page, id );
		const section = page.locator( '.mg-snapshots' );
		await expect( section.locator( '.mg-snapshots-set-aside' ).innerText() ).resolves.toContain( `last edited by ${ vandal }, who does not coordinate the program` );
		await publishByKeys( page, 'Month two' );
		await section.getByText( '2 snapshots count' ).waitFor( { timeout: 60000 } );
		await page.locator( '.mg-snapshots:not([aria-busy])' ).waitFor();
		await expectAccessible( page, '.mg-snapshots' );
		const rows = section.locator( '.mg-trends tbody tr' );
		await expect( rows.evaluateAll( ( trs ) => trs.map( ( tr ) => tr.getAttribute( 'data-period' ) ) ) ).resolves.toEqual( [ 'term', 'year' ] );
		const term = rows.first();
		await expect( term.locator( 'th' ).innerText() ).resolves.toMatch( /Over a term \(90 days\)[\s\S]*snapshots are closer than the period/ );
		await expect( term.locator( '.mg-trend-attrition' ).innerText() ).resolves.toBe( '50% (one lost of 2 mentees)' );
		await expect( term.locator( '.mg-trend-leadership' ).innerText() ).resolves.toBe( 'one step by one mentee' );
		await expect( term.locator( '.mg-trend-stages' ).innerText() ).resolves.toMatch( /moved up, .* moved down, .* stayed/ );
		await shot( page, 'console-snapshots-trend' );
		await user.context.close();
	}, 240000 );

	it( 'a snapshot of 500 members: requests and time to publish it and to read the trends', async () => {
		const w = wiki();
		const id = await scaleFixture( w, 500 );
		const coordinator = unique( 'Snap Scale Coord' );
		await users( [ coordinator ] );
		const admin = await adminSession( w );
		await new Store( admin.client ).update( configTitle( id ), CONFIG, ( c ) => c.coordinators.includes( coordinator ) ? UNCHANGED :
			{ ...c, coordinators: c.coordinators.concat( coordinator ) }, { summary: 'test: a coordinator for snapshots', create: false } );
		const user = await userPage( browser, coordinator );
		const { page } = user;
		// A day no other run of this test used (the fixture is kept between runs): a created page, not a replaced one.
		const day = new Date( Date.now() - Math.floor( Math.random() * 300 ) * DAY );
		await page.clock.setFixedTime( day );
		await openDashboard( page, id );
		await page.waitForLoadState( 'networkidle' );
		const requests: Request[] = user.requests;
		requests.length = 0;
		const started = Date.now();
		await mouseClick( page, page.getByRole( 'button', { name: 'Publish snapshot' } ) );
		const dialog = page.locator( '.mg-snapshot-dialog' );
		await page.locator( '.mg-snapshot-dialog[data-mg-stage="form"]' ).waitFor();
		await mouseClick( page, dialog.getByRole( 'button', { name: 'Preview' } ) );
		await dialog.locator( '.mg-preview table.wikitable' ).waitFor( { timeout: 60000 } );
		const previewMs = Date.now() - started;
		const previewRequests = apiRequests( requests ).length;
		const publishStart = Date.now();
		requests.length = 0;
		await mouseClick( page, dialog.getByRole( 'button', { name: 'Publish', exact: true } ) );
		await dialog.locator( '.mg-dialog-done' ).getByText( /is published/ ).waitFor( { timeout: 120000 } );
		const publishMs = Date.now() - publishStart;
		const publishRequests = apiRequests( requests ).map( ( r ) => ( r.method() === 'POST' ? new URLSearchParams( r.postData() || '' ) : new URL( r.url() ).searchParams ).get( 'action' ) );
		requests.length = 0;
		const trendsStart = Date.now();
		await mouseClick( page, dialog.getByRole( 'button', { name: 'Done' } ) );
		// The section reads the snapshots again: the list, then the snapshot just published.
		await expect.poll( () => apiRequests( requests ).length, { timeout: 60000 } ).toBeGreaterThanOrEqual( 2 );
		await page.locator( '.mg-snapshots:not([aria-busy])' ).waitFor( { timeout: 60000 } );
		const trendsMs = Date.now() - trendsStart;
		const trendsRequests = apiRequests( requests ).length;
		const snapshot = JSON.parse( ( await admin.client.readPage( snapshotTitle( id, isoSeconds( day.getTime() ).slice( 0, 10 ) ) ) ).content as string ) as Snapshot;
		expect( Object.keys( snapshot.members ) ).toHaveLength( 500 );
		const figures = {
			release: RELEASE, members: 500,
			preview: { requests: previewRequests, ms: previewMs },
			publish: { requests: publishRequests.length, actions: publishRequests, ms: publishMs },
			trends: { requests: trendsRequests, ms: trendsMs },
			jsonBytes: JSON.stringify( snapshot ).length,
		};
		process.stdout.write( 'snapshot of 500 members: ' + JSON.stringify( figures ) + '\n' );
		writeFigures( 'snapshots-500-' + RELEASE, figures );
		// Preview: whether today's exists (1) and the parse (1). Publish: read, save, for each page (4, plus a token).
		expect( previewRequests ).toBeLessThanOrEqual( 3 );
		expect( publishRequests.length ).toBeLessThanOrEqual( 6 );
		// The trends: the list and one read.
		expect( trendsRequests ).toBe( 2 );
		await expect( page.locator( '.mg-snapshot-list' ).innerText() ).resolves.toContain( new Date( day.getTime() ).toLocaleDateString( 'en', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } ) );
		await user.context.close();
	}, 600000 );
} );
