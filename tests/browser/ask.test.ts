/**
 * "Ask my mentor" journeys in Chromium on the real wiki: ask and send, a mentor away
 * (routed to the backup), no mentor, a session that ends before Send, and a question full
 * of markup meant to break the page.
 */

import { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE } from '../../src/core/format';
import { profileTitle } from '../../src/core/titles';
import { Store } from '../../src/wiki/store';
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

interface Setup {
	sessions: Record<string, Session>;
	mentorName: string;
	menteeName: string;
	backupName: string;
	id: string;
	title: string;
	revid: number;
}

async function setup( tag: string, away = false ): Promise<Setup> {
	const coordinator = unique( `Ask${ tag } Coord` );
	const mentorName = unique( `Ask${ tag } Mentor` );
	const backupName = unique( `Ask${ tag } Backup` );
	const menteeName = unique( `Ask${ tag } Mentee` );
	const sessions = await users( [ coordinator, mentorName, backupName, menteeName ] );
	const id = programId( 'ask' + tag.toLowerCase() );
	await program( id, sessions[ coordinator ]!, config( { coordinators: [ coordinator ] } ), [
		{ name: mentorName, membership: mentor( [ 'Art' ], [ 'en' ], away ? { status: 'away', awayUntil: '2099-01-31', backup: backupName } : { backup: backupName } ) },
		{ name: backupName, membership: mentor( [ 'Art' ], [ 'en' ] ) },
		{ name: menteeName, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: mentorName },
	], sessions );
	await enableGadgets( sessions[ menteeName ]!, [ 'mentorship-ask' ] );
	const title = `Ask test ${ tag } ${ id }`;
	const revid = await article( sessions[ coordinator ]!, title, `An article for the ${ tag } test.` );
	return { sessions, mentorName, menteeName, backupName, id, title, revid };
}

async function openDialog( page: Page ): Promise<void> {
	await page.locator( '#ca-mentorship-ask a' ).click();
	const question = page.getByRole( 'textbox', { name: 'Your question' } );
	await question.waitFor( { state: 'visible' } );
	await page.waitForFunction( () => {
		const box = document.querySelector( '.mg-ask-dialog textarea:not([aria-hidden])' ) as HTMLTextAreaElement | null;
		return !!box && !box.disabled;
	} );
}

async function talkText( s: Session, page: string ): Promise<{ text: string; revisions: { user?: string; anon?: boolean }[] }> {
	const read = await s.client.readPage( page );
	const history = await s.client.get( { action: 'query', prop: 'revisions', titles: page, rvprop: 'user|flags', rvlimit: 50 } );
	const pages = ( history.query as { pages: { revisions?: { user?: string; anon?: boolean }[] }[] } ).pages;
	return { text: read.content || '', revisions: ( pages[ 0 ] && pages[ 0 ].revisions ) || [] };
}

describe( 'Ask my mentor', () => {
	it( 'a mentee asks from an article, previews and sends; the mentor\'s talk page and the profile have it', async () => {
		const s = await setup( 'Send' );
		const user = await userPage( browser, s.menteeName );
		const { page } = user;
		// The page view costs nothing: against the same view with the gadget off, no API
		// request, and no module but the loaders' own (no OOUI, no mentorship.user).
		const cost = await pageViewCost( user, s.sessions[ s.menteeName ]!, url( s.title ), [ 'mentorship-ask' ] );
		expect( cost.api ).toEqual( [] );
		expect( cost.lazy ).toEqual( [] );
		expect( cost.added.filter( ( m ) => !LOADER_MODULES.test( m ) ) ).toEqual( [] );
		expect( cost.added ).toEqual( [ 'ext.gadget.mentorship-ask', 'ext.gadget.mentorship-loader' ] );
		user.requests.length = 0;

		await openDialog( page );
		// Opening costs three API requests: profiles, config, roster and the mentor's replies
		// together, then the config's trust chain (its revisions' authors, then the content of
		// those by coordinators), so that nobody but a coordinator can reroute the question.
		expect( apiRequests( user.requests ).length ).toBe( 3 );
		await expect( page.locator( '.mg-ask-recipient' ).textContent() ).resolves.toContain( s.mentorName );
		const question = 'How do I cite a museum catalogue in this article?';
		await page.getByRole( 'textbox', { name: 'Your question' } ).fill( question );
		await expect( page.locator( '.mg-counter' ).textContent() ).resolves.toContain( String( question.length ) );
		await shot( page, 'ask-dialog' );
		await page.getByRole( 'button', { name: 'Preview' } ).click();
		await page.locator( '.mg-preview h2' ).waitFor();
		await expect( page.locator( '.mg-preview' ).textContent() ).resolves.toContain( question );
		await shot( page, 'ask-preview' );
		user.requests.length = 0;
		await page.getByRole( 'button', { name: 'Send' } ).click();
		await page.locator( '.mg-ask-dialog [role=status] .oo-ui-messageWidget' ).waitFor();
		await shot( page, 'ask-done' );
		const edits = apiRequests( user.requests ).filter( ( r ) => r.method() === 'POST' && /action=edit/.test( r.postData() || '' ) );
		expect( edits.length ).toBe( 2 );

		const talk = await talkText( s.sessions[ s.mentorName ]!, 'User talk:' + s.mentorName );
		expect( talk.text ).toContain( question );
		expect( talk.text ).toContain( '[[' + s.title + ']]' );
		expect( talk.text ).toContain( 'Special:PermanentLink/' + s.revid );
		expect( talk.text ).toMatch( new RegExp( '\\[\\[User:' + s.menteeName + '\\|' ) );
		const profile = await new Store( s.sessions[ s.menteeName ]!.client ).read( profileTitle( s.menteeName ), PROFILE );
		const questions = profile.value!.programs[ s.id ]!.questions || [];
		expect( questions.length ).toBe( 1 );
		expect( questions[ 0 ]!.to ).toBe( s.mentorName );
		expect( questions[ 0 ]!.article ).toBe( s.title );
		expect( questions[ 0 ]!.page ).toBe( 'User talk:' + s.mentorName );
		await user.context.close();
	} );

	it( 'a mentor marked away: the dialog says so and the question goes to the backup', async () => {
		const s = await setup( 'Away', true );
		const user = await userPage( browser, s.menteeName );
		const { page } = user;
		await page.goto( url( s.title ) );
		await openDialog( page );
		const notice = await page.locator( '.mg-ask-recipient' ).textContent();
		expect( notice ).toContain( s.mentorName );
		expect( notice ).toContain( 'away until' );
		expect( notice ).toContain( s.backupName );
		await shot( page, 'ask-away' );
		await page.getByRole( 'textbox', { name: 'Your question' } ).fill( 'Who reviews new articles?' );
		await page.getByRole( 'button', { name: 'Preview' } ).click();
		await page.locator( '.mg-preview h2' ).waitFor();
		await page.getByRole( 'button', { name: 'Send' } ).click();
		await page.locator( '.mg-ask-dialog [role=status] .oo-ui-messageWidget' ).waitFor();
		const backupTalk = await talkText( s.sessions[ s.backupName ]!, 'User talk:' + s.backupName );
		expect( backupTalk.text ).toContain( 'Who reviews new articles?' );
		expect( backupTalk.text ).toContain( 'is away until 2099-01-31' );
		const mentorTalk = await s.sessions[ s.mentorName ]!.client.readPage( 'User talk:' + s.mentorName );
		expect( mentorTalk.exists ).toBe( false );
		await user.context.close();
	} );

	it( 'a mentee with no mentor sees "Find a mentor"', async () => {
		const name = unique( 'AskNone Mentee' );
		const sessions = await users( [ name ] );
		await enableGadgets( sessions[ name ]!, [ 'mentorship-ask' ] );
		const title = 'Ask test none ' + programId( 'x' );
		await article( sessions[ name ]!, title, 'Text.' );
		const user = await userPage( browser, name );
		await user.page.goto( url( title ) );
		const link = user.page.locator( '#ca-mentorship-find a' );
		await expect( link.textContent() ).resolves.toBe( 'Find a mentor' );
		await expect( link.getAttribute( 'href' ) ).resolves.toContain( 'Special:BlankPage/Mentorship' );
		expect( await user.page.locator( '#ca-mentorship-ask' ).count() ).toBe( 0 );
		await user.context.close();
	} );

	it( 'the session ends before Send: the error is shown, the text stays, no edit from an IP address', async () => {
		const s = await setup( 'Session' );
		const user = await userPage( browser, s.menteeName );
		const { page } = user;
		await page.goto( url( s.title ) );
		await openDialog( page );
		const question = 'Is this source reliable enough?';
		await page.getByRole( 'textbox', { name: 'Your question' } ).fill( question );
		await page.getByRole( 'button', { name: 'Preview' } ).click();
		await page.locator( '.mg-preview h2' ).waitFor();
		await user.context.clearCookies();
		await page.getByRole( 'button', { name: 'Send' } ).click();
		const error = page.locator( '.mg-error' );
		await error.waitFor( { state: 'visible' } );
		await expect( error.textContent() ).resolves.toContain( 'no longer logged in' );
		await expect( page.getByRole( 'textbox', { name: 'Your question' } ).inputValue() ).resolves.toBe( question );
		await shot( page, 'ask-session-lost' );
		const talk = await talkText( s.sessions[ s.mentorName ]!, 'User talk:' + s.mentorName );
		expect( talk.revisions.filter( ( r ) => r.anon ) ).toEqual( [] );
		expect( talk.text ).not.toContain( question );
		await user.context.close();
	} );

	it( 'a question full of markup is posted as written without breaking the page or running anything', async () => {
		const s = await setup( 'Markup' );
		const user = await userPage( browser, s.menteeName );
		const { page } = user;
		const dialogs: string[] = [];
		page.on( 'dialog', ( d ) => {
			dialogs.push( d.message() );
			void d.dismiss();
		} );
		await page.goto( url( s.title ) );
		await openDialog( page );
		const question = [
			'Why does }} end my template?',
			'</div></div> and <script>alert("x")</script> and <img src=x onerror=alert(1)>',
			'~~~~ signed here? ~~~ and ~~~~~ too',
			'== A heading line ==',
			'* a list item',
			'{{subst:CURRENTYEAR}} [[Category:Broken]] __NOTOC__',
		].join( '\n' );
		await page.getByRole( 'textbox', { name: 'Your question' } ).fill( question );
		await page.getByRole( 'button', { name: 'Preview' } ).click();
		await page.locator( '.mg-preview h2' ).waitFor();
		await page.getByRole( 'button', { name: 'Send' } ).click();
		await page.locator( '.mg-ask-dialog [role=status] .oo-ui-messageWidget' ).waitFor();

		// The talk page as readers see it.
		const view = await userPage( browser, s.mentorName );
		await view.page.on( 'dialog', ( d ) => {
			dialogs.push( d.message() );
			void d.dismiss();
		} );
		await view.page.goto( url( 'User talk:' + s.mentorName ) );
		const content = view.page.locator( '#mw-content-text .mw-parser-output' );
		await expect( content.locator( 'h2' ).count() ).resolves.toBe( 1 );
		await expect( content.locator( 'script' ).count() ).resolves.toBe( 0 );
		await expect( content.locator( 'img' ).count() ).resolves.toBe( 0 );
		const shown = await content.innerText();
		for ( const line of question.split( '\n' ) ) {
			expect( shown ).toContain( line );
		}
		// One signature only, the mentee's: the tildes they typed were not expanded.
		const talk = await talkText( s.sessions[ s.mentorName ]!, 'User talk:' + s.mentorName );
		expect( talk.text.split( '[[User:' + s.menteeName + '|' ).length - 1 ).toBe( 1 );
		expect( talk.text ).toContain( '~~~~ signed here?' );
		const cats = await view.page.locator( '#catlinks a[title="Category:Broken"]' ).count();
		expect( cats ).toBe( 0 );
		await shot( view.page, 'ask-markup-talk-page' );
		expect( dialogs ).toEqual( [] );
		await view.context.close();
		await user.context.close();
	} );
} );
