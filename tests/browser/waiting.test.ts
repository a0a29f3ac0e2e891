/**
 * Nobody waits unseen (issue 18), in Chromium on the real wiki: a question left unanswered
 * past the program's limit is in the mentee's panel as waiting; the next page view's Ask
 * control says so with no API request; Ask then offers the backup mentor with the question
 * written, and the re-ask on the backup's talk page quotes and links the original; once the
 * mentor replies in its section, the panel shows it answered.
 */

import { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Question } from '../../src/core/format';
import { decodeMentorCache, MENTOR_OPTION } from '../../src/core/program';
import { sectionLink } from '../../src/core/wikitext';
import { Session } from '../../scripts/lib/accounts';
import { article, config, enableGadgets, mentee, mentor, program, programId, unique, users } from '../support/fixtures';
import { apiRequests, launch, LOADER_MODULES, pageViewCost, shot, url, userPage } from '../support/browser';

let browser: Browser;

beforeAll( async () => {
	browser = await launch();
} );

afterAll( async () => {
	await browser?.close();
} );

const DAY = 86400000;

function iso( ms: number ): string {
	return new Date( ms ).toISOString().replace( /\.\d{3}Z$/, 'Z' );
}

async function option( s: Session, name: string ): Promise<string | null> {
	const response = await s.client.get( { action: 'query', meta: 'userinfo', uiprop: 'options' } );
	const options = ( response.query as { userinfo: { options: Record<string, unknown> } } ).userinfo.options;
	return typeof options[ name ] === 'string' ? options[ name ] as string : null;
}

async function openQuestions( page: Page, id: string ): Promise<void> {
	await page.goto( url( 'Special:BlankPage/Mentorship', { program: id, withgadget: 'mentorship-match' } ) );
	await page.locator( '.mentorship-panel .mg-program h2' ).waitFor();
	await page.locator( '.mg-own-questions ul.mg-questions li' ).first().waitFor();
}

/** The panel's item for the question `heading` asked of `to`. */
function questionItem( page: Page, heading: string, to: string ): Locator {
	return page.locator( '.mg-own-questions li', { has: page.getByRole( 'link', { name: heading, exact: true } ), hasText: 'to ' + to + ' ·' } );
}

describe( 'nobody waits unseen', () => {
	it( 'a question unanswered past the limit: waiting in the panel, said on page view for free, re-asked of the backup quoting and linking it, then answered', async () => {
		const coordinator = unique( 'Wait Coord' );
		const mentorName = unique( 'Wait Mentor' );
		const backupName = unique( 'Wait Backup' );
		const menteeName = unique( 'Wait Mentee' );
		const sessions = await users( [ coordinator, mentorName, backupName, menteeName ] );
		const id = programId( 'wait' );
		const title = `Waiting test ${ id }`;
		await article( sessions[ coordinator ]!, title, 'An article for the waiting test.' );

		// The question the mentee asked five days ago (the program's limit is three), posted as
		// the gadget posts it: a new section on the mentor's talk page, recorded in their profile.
		const heading = `Question from ${ menteeName } about ${ title }`;
		const mentorTalk = 'User talk:' + mentorName;
		const posted = await sessions[ menteeName ]!.client.edit( {
			title: mentorTalk, section: 'new', sectiontitle: heading, text: 'How do I add an infobox? ~~~~', summary: 'question',
		} );
		const original: Question = {
			id: 'waitq1', page: mentorTalk, section: heading, revid: posted.newrevid as number,
			time: iso( Date.now() - 5 * DAY ), to: mentorName, via: 'mentor', article: title,
		};
		await program( id, sessions[ coordinator ]!, config( { coordinators: [ coordinator ], unansweredDays: 3 } ), [
			{ name: mentorName, membership: mentor( [ 'Art' ], [ 'en' ], { backup: backupName } ) },
			{ name: backupName, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: menteeName, membership: mentee( [ 'Art' ], [ 'en' ], { questions: [ original ] } ), mentor: mentorName },
		], sessions );
		await enableGadgets( sessions[ menteeName ]!, [ 'mentorship-ask', 'mentorship-match' ] );
		// As before this change: the cached mentor knows nothing of the question.
		expect( decodeMentorCache( await option( sessions[ menteeName ]!, MENTOR_OPTION ) ) ).toEqual( { program: id, mentor: mentorName } );

		const user = await userPage( browser, menteeName );
		const { page } = user;

		// The panel lists the question, waiting, with a link to its section; the cached mentor learns when it became overdue.
		await openQuestions( page, id );
		const item = questionItem( page, heading, mentorName );
		await expect( item.textContent() ).resolves.toContain( 'Unanswered for 5 days' );
		await expect( item.getByRole( 'link', { name: heading, exact: true } ).getAttribute( 'href' ) ).resolves.toMatch( /#Question_from_/ );
		await shot( page, 'panel-own-questions-waiting' );
		await expect.poll( async () => decodeMentorCache( await option( sessions[ menteeName ]!, MENTOR_OPTION ) ), { timeout: 30000 } )
			.toEqual( { program: id, mentor: mentorName, due: iso( Date.parse( original.time ) + 3 * DAY ) } );

		// The article's page view: the control says a reply is overdue, with no API request and no module but the loaders'.
		const cost = await pageViewCost( user, sessions[ menteeName ]!, url( title ), [ 'mentorship-ask' ] );
		expect( cost.api ).toEqual( [] );
		expect( cost.lazy ).toEqual( [] );
		expect( cost.added.filter( ( m ) => !LOADER_MODULES.test( m ) ) ).toEqual( [] );
		const control = page.locator( '#ca-mentorship-ask a' );
		await expect( control.textContent() ).resolves.toBe( 'Ask my mentor (no reply yet)' );
		await shot( page, 'ask-control-waiting' );

		// Ask: the backup is offered and chosen, the question is written; the preview links the original.
		await control.click();
		// The dialog has read the pages (and checked the mentor's replies).
		await page.locator( '[data-mg-ready="1"]' ).waitFor( { state: 'attached' } );
		const dialog = page.locator( '.mg-ask-dialog' );
		await expect( dialog.locator( '.mg-ask-unanswered' ).textContent() ).resolves.toContain( 'has had no reply for 5 days' );
		await expect( page.getByRole( 'radio', { name: new RegExp( backupName ) } ).isChecked() ).resolves.toBe( true );
		const written = await page.getByRole( 'textbox', { name: 'Your question' } ).inputValue();
		expect( written ).toMatch( /^I asked my mentor a question on .+ and have had no reply yet/ );
		await page.getByRole( 'button', { name: 'Preview' } ).click();
		await page.locator( '.mg-preview h2' ).waitFor();
		const previewLink = page.locator( '.mg-preview a', { hasText: heading } );
		await expect( previewLink.getAttribute( 'href' ) ).resolves.toMatch( /#Question_from_/ );
		await shot( page, 'ask-reask-preview' );
		await page.getByRole( 'button', { name: 'Send' } ).click();
		await page.locator( '.mg-ask-dialog [role=status] .oo-ui-messageWidget' ).waitFor();

		// The re-ask is on the backup's talk page, quoting and linking the original; the mentor's page has nothing new.
		const backupTalk = await sessions[ backupName ]!.client.readPage( 'User talk:' + backupName );
		expect( backupTalk.content ).toContain( written );
		expect( backupTalk.content ).toContain( sectionLink( mentorTalk, heading ) );
		expect( backupTalk.content ).toContain( 'has not been answered yet' );
		const mentorRead = await sessions[ mentorName ]!.client.readPage( mentorTalk );
		expect( mentorRead.content ).not.toContain( written );
		// Its link leads to the original's section.
		await page.goto( url( 'User talk:' + backupName ) );
		await page.locator( '#mw-content-text a', { hasText: heading } ).first().click();
		await page.waitForURL( /User_talk.*#Question_from_/ );
		const target = await page.evaluate( () => {
			const id = decodeURIComponent( location.hash.slice( 1 ) );
			const element = document.getElementById( id );
			return element ? element.textContent : null;
		} );
		expect( target ).toContain( heading );

		// The mentor replies in the question's section (as the reply tool and section edits write the summary).
		await sessions[ mentorName ]!.client.postWithToken( {
			action: 'edit', title: mentorTalk, section: 1, appendtext: '\n:Use the infobox template. ~~~~', summary: `/* ${ heading } */ Reply`,
		} );
		await openQuestions( page, id );
		await expect( questionItem( page, heading, mentorName ).textContent() ).resolves.toMatch( /^Answered/ );
		// The re-ask waits now, not overdue: the control is plain again on the next page view.
		await expect( page.locator( '.mg-own-questions li' ).first().textContent() ).resolves.toContain( 'to ' + backupName );
		await expect( questionItem( page, heading, backupName ).textContent() ).resolves.toMatch( /^Unanswered, asked today/ );
		await shot( page, 'panel-own-questions-answered' );
		const cache = decodeMentorCache( await option( sessions[ menteeName ]!, MENTOR_OPTION ) );
		expect( cache && cache.due && Date.parse( cache.due ) > Date.now() ).toBe( true );
		user.requests.length = 0;
		await page.goto( url( title ) );
		await expect( page.locator( '#ca-mentorship-ask a' ).textContent() ).resolves.toBe( 'Ask my mentor' );
		expect( apiRequests( user.requests ) ).toEqual( [] );
		await user.context.close();
	} );
} );
