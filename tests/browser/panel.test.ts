/**
 * The matching panel in Chromium on the real wiki: a mentee joins and chooses the
 * best-fitting mentor; the mentor sees the mentee and their questions; a mentor away with
 * a backup; a mentor who leaves and hands over; hostile text shown as text.
 */

import { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROFILE, ROSTER } from '../../src/core/format';
import { decodeMentorCache, MENTOR_OPTION } from '../../src/core/program';
import { profileTitle, rosterTitle } from '../../src/core/titles';
import { Store } from '../../src/wiki/store';
import { Session } from '../../scripts/lib/accounts';
import { article, config, enableGadgets, mentee, mentor, program, programId, unique, users } from '../support/fixtures';
import { launch, shot, url, userPage } from '../support/browser';
import { HAS_DISCUSSION_TOOLS, notifications, replyWithTool, topic } from '../support/talk';

let browser: Browser;

beforeAll( async () => {
	browser = await launch();
} );

afterAll( async () => {
	await browser?.close();
} );

function panelUrl( id: string, view?: string ): string {
	// withgadget: the link a program gives people who have not turned the gadget on.
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

async function option( s: Session, name: string ): Promise<string | null> {
	const response = await s.client.get( { action: 'query', meta: 'userinfo', uiprop: 'options' } );
	const options = ( ( response.query as { userinfo: { options: Record<string, unknown> } } ).userinfo.options );
	return typeof options[ name ] === 'string' ? options[ name ] as string : null;
}

describe( 'the matching panel', () => {
	it( 'a mentee joins, sees the best-fitting mentor first with reasons, chooses; pages, option and ask control agree', async () => {
		const coord = unique( 'Pan Coord' );
		const history = unique( 'Pan History' );
		const science = unique( 'Pan Science' );
		const music = unique( 'Pan Music' );
		const newbie = unique( 'Pan Newbie' );
		const sessions = await users( [ coord, history, science, music, newbie ] );
		const id = programId( 'panjoin' );
		const cfg = config( { coordinators: [ coord ] } );
		await program( id, sessions[ coord ]!, cfg, [
			{ name: history, membership: mentor( [ 'History' ], [ 'en' ], { intro: 'I love old maps.' } ) },
			{ name: science, membership: mentor( [ 'Science', 'Medicine' ], [ 'es', 'en' ], { intro: 'Chemist.' } ) },
			{ name: music, membership: mentor( [ 'Music' ], [ 'fr' ] ) },
		], sessions );
		await enableGadgets( sessions[ newbie ]!, [ 'mentorship-match', 'mentorship-ask' ] );

		const user = await userPage( browser, newbie );
		const { page } = user;
		await openPanel( page, id );
		await page.getByRole( 'tab', { name: 'Join' } ).waitFor();
		// Topics: Science and Medicine; languages: es.
		const topics = page.locator( '.mg-join .oo-ui-menuTagMultiselectWidget' ).first();
		for ( const topic of [ 'Science', 'Medicine' ] ) {
			await topics.locator( 'input' ).click();
			await page.keyboard.type( topic );
			// By mouse: the suggestion is clicked (the menu's filter may lag behind fast typing,
			// leaving another option highlighted; a person clicks what they mean).
			await page.locator( '.oo-ui-menuOptionWidget:visible', { hasText: new RegExp( `^${ topic }$` ) } ).click();
			await topics.locator( '.oo-ui-tagItemWidget', { hasText: topic } ).waitFor();
			await page.keyboard.press( 'Escape' );
		}
		const languages = page.locator( '.mg-join .oo-ui-menuTagMultiselectWidget' ).nth( 1 );
		await languages.locator( 'input' ).click();
		await page.keyboard.type( 'es' );
		await page.keyboard.press( 'Enter' );
		await page.keyboard.press( 'Escape' );
		await expect( topics.locator( '.oo-ui-tagItemWidget' ).allTextContents() ).resolves.toEqual( [ 'Science', 'Medicine' ] );
		await expect( languages.locator( '.oo-ui-tagItemWidget' ).allTextContents() ).resolves.toEqual( [ 'English (en)', 'Spanish (es)' ] );
		await page.getByRole( 'textbox', { name: 'What would you like to do on the wiki?' } ).fill( 'Write about chemists from Seville.' );
		await page.getByRole( 'checkbox', { name: /I understand that what I enter here is public/ } ).check();
		await shot( page, 'panel-join' );
		await page.getByRole( 'button', { name: 'Join the program' } ).click();
		await page.locator( '.mg-mentor-cards .mg-mentor-card' ).first().waitFor();
		const first = page.locator( 'ol.mg-mentor-cards > li' ).first();
		await expect( first.locator( 'h4' ).textContent() ).resolves.toBe( science );
		const reasonsText = await first.locator( '.mg-reasons' ).innerText();
		expect( reasonsText ).toMatch( /Science/ );
		expect( reasonsText ).toMatch( /Medicine/ );
		expect( reasonsText ).toMatch( /es|Spanish/ );
		await shot( page, 'panel-suggestions' );

		await first.getByRole( 'button', { name: `Choose ${ science } as your mentor` } ).click();
		await page.getByRole( 'button', { name: 'Preview' } ).click();
		await page.locator( '.mg-notice-dialog .mg-preview h2' ).waitFor();
		await page.getByRole( 'button', { name: 'Choose as my mentor' } ).click();
		await page.locator( '.mg-notice-dialog' ).waitFor( { state: 'hidden' } );
		await page.getByRole( 'tab', { name: 'Your mentor' } ).waitFor();

		const store = new Store( sessions[ coord ]!.client );
		const roster = await store.read( rosterTitle( id ), ROSTER );
		expect( roster.value!.members[ newbie ]!.mentor ).toBe( science );
		const menteeProfile = await store.read( profileTitle( newbie ), PROFILE );
		expect( menteeProfile.value!.programs[ id ]!.mentor ).toBe( science );
		expect( menteeProfile.value!.programs[ id ]!.role ).toBe( 'mentee' );
		const mentorProfile = await store.read( profileTitle( science ), PROFILE );
		expect( mentorProfile.value!.programs[ id ]!.role ).toBe( 'mentor' );
		expect( decodeMentorCache( await option( sessions[ newbie ]!, MENTOR_OPTION ) ) ).toEqual( { program: id, mentor: science } );
		const talk = await sessions[ coord ]!.client.readPage( 'User talk:' + science );
		expect( talk.content ).toContain( 'Write about chemists from Seville.' );

		const title = 'Panel test article ' + id;
		await article( sessions[ coord ]!, title, 'Text.' );
		await page.goto( url( title ) );
		await expect( page.locator( '#ca-mentorship-ask a' ).getAttribute( 'title' ) ).resolves.toContain( science );
		await user.context.close();
	} );

	it( 'the mentor sees the new mentee, and a question stays unanswered until the mentor replies in its section', async () => {
		const coord = unique( 'PanQ Coord' );
		const teacher = unique( 'PanQ Mentor' );
		const pupil = unique( 'PanQ Mentee' );
		const sessions = await users( [ coord, teacher, pupil ] );
		const id = programId( 'panq' );
		await program( id, sessions[ coord ]!, config( { coordinators: [ coord ] } ), [
			{ name: teacher, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: pupil, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: teacher },
		], sessions );
		await enableGadgets( sessions[ pupil ]!, [ 'mentorship-ask' ] );
		const title = 'Panel question article ' + id;
		await article( sessions[ coord ]!, title, 'Text.' );

		// The mentee asks through the real dialog.
		const asker = await userPage( browser, pupil );
		await asker.page.goto( url( title ) );
		await asker.page.locator( '#ca-mentorship-ask a' ).click();
		const box = asker.page.getByRole( 'textbox', { name: 'Your question' } );
		await box.waitFor();
		await asker.page.waitForFunction( () => !( document.querySelector( '.mg-ask-dialog textarea:not([aria-hidden])' ) as HTMLTextAreaElement ).disabled );
		await box.fill( 'Where do I find free images?' );
		await asker.page.getByRole( 'button', { name: 'Preview' } ).click();
		await asker.page.locator( '.mg-preview h2' ).waitFor();
		await asker.page.getByRole( 'button', { name: 'Send' } ).click();
		await asker.page.locator( '.mg-ask-dialog [role=status] .oo-ui-messageWidget' ).waitFor();
		await asker.context.close();

		const user = await userPage( browser, teacher );
		const { page } = user;
		await openPanel( page, id, 'mentees' );
		const row = page.locator( '.mg-table tbody tr', { hasText: pupil } );
		await row.waitFor().catch( async ( e: unknown ) => {
			await shot( page, 'panel-mentees-failed' );
			throw e;
		} );
		await expect( row.locator( '.mg-unanswered' ).count() ).resolves.toBe( 1 );
		await shot( page, 'panel-mentees' );

		const profile = await new Store( sessions[ pupil ]!.client ).read( profileTitle( pupil ), PROFILE );
		const question = profile.value!.programs[ id ]!.questions![ 0 ]!;
		if ( HAS_DISCUSSION_TOOLS ) {
			// As on Wikimedia wikis: the question is a topic with reply buttons, the mentor was
			// notified by the wiki (Echo), and answers with DiscussionTools' reply tool.
			const notices = await notifications( sessions[ teacher ]! );
			expect( notices.filter( ( n ) => n.type === 'edit-user-talk' && n.agent && n.agent.name === pupil ) ).toHaveLength( 1 );
			await page.goto( url( question.page ) );
			await topic( page, question.section ).locator( '.ext-discussiontools-init-section-subscribeButton, .ext-discussiontools-init-section-metadata' ).first().waitFor();
			await shot( page, 'talk-question-topic' );
			await replyWithTool( page, question.section, 'Try Wikimedia Commons.' );
			await shot( page, 'talk-question-answered' );
			const answered = await sessions[ teacher ]!.client.readPage( question.page );
			expect( answered.content ).toContain( 'Try Wikimedia Commons.' );
		} else {
			// The mentor replies in the question's section (as the reply tool or a section edit does).
			const talk = await sessions[ teacher ]!.client.readPage( question.page );
			await sessions[ teacher ]!.client.edit( {
				title: question.page, section: 1, text: '== ' + question.section + ' ==\nQuestion.\n:Try Commons. ~~~~',
				summary: '/* ' + question.section + ' */ reply', baserevid: talk.revid,
			} );
		}
		await openPanel( page, id, 'mentees' );
		await row.waitFor();
		await expect( row.locator( '.mg-answered' ).count() ).resolves.toBe( 1 );
		await expect( row.locator( '.mg-unanswered' ).count() ).resolves.toBe( 0 );
		await user.context.close();
	} );

	it( 'a mentor sets away with a backup in the panel; the mentee\'s ask dialog routes to the backup', async () => {
		const coord = unique( 'PanA Coord' );
		const away = unique( 'PanA Mentor' );
		const backup = unique( 'PanA Backup' );
		const pupil = unique( 'PanA Mentee' );
		const sessions = await users( [ coord, away, backup, pupil ] );
		const id = programId( 'pana' );
		await program( id, sessions[ coord ]!, config( { coordinators: [ coord ] } ), [
			{ name: away, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: backup, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: pupil, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: away },
		], sessions );
		await enableGadgets( sessions[ pupil ]!, [ 'mentorship-ask' ] );

		const user = await userPage( browser, away );
		const { page } = user;
		await openPanel( page, id, 'profile' );
		await page.getByRole( 'radio', { name: 'Away for a while' } ).check();
		await page.locator( '.mg-profile .mw-widget-dateInputWidget' ).click();
		const date = page.locator( '.mg-profile .mw-widget-dateInputWidget input[type=text]:visible' ).first();
		await date.fill( '2099-03-01' );
		await page.keyboard.press( 'Tab' );
		await page.locator( '.mg-profile .oo-ui-dropdownWidget' ).last().click();
		await page.locator( '.oo-ui-menuOptionWidget', { hasText: backup } ).click();
		await shot( page, 'panel-mentor-profile' );
		await page.getByRole( 'button', { name: 'Save' } ).click();
		await page.locator( '.mentorship-panel > .mg-status', { hasText: 'Saved.' } ).waitFor();
		const saved = await new Store( sessions[ away ]!.client ).read( profileTitle( away ), PROFILE );
		const membership = saved.value!.programs[ id ]!;
		expect( membership.status ).toBe( 'away' );
		expect( membership.awayUntil ).toBe( '2099-03-01' );
		expect( membership.backup ).toBe( backup );
		await user.context.close();

		const title = 'Panel away article ' + id;
		await article( sessions[ coord ]!, title, 'Text.' );
		const asker = await userPage( browser, pupil );
		await asker.page.goto( url( title ) );
		await asker.page.locator( '#ca-mentorship-ask a' ).click();
		const notice = asker.page.locator( '.mg-ask-recipient' );
		await notice.filter( { hasText: backup } ).waitFor();
		await expect( notice.textContent() ).resolves.toContain( 'away until' );
		await asker.context.close();
	} );

	it( 'a mentor leaves and hands over: every mentee is proposed the new mentor, with a notice, and accepts in one click in the panel', async () => {
		const coord = unique( 'PanL Coord' );
		const leaving = unique( 'PanL Leaving' );
		const other = unique( 'PanL Other' );
		const a = unique( 'PanL MenteeA' );
		const b = unique( 'PanL MenteeB' );
		const sessions = await users( [ coord, leaving, other, a, b ] );
		const id = programId( 'panl' );
		await program( id, sessions[ coord ]!, config( { coordinators: [ coord ] } ), [
			{ name: leaving, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: other, membership: mentor( [ 'Art' ], [ 'en' ], { capacity: 5 } ) },
			{ name: a, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: leaving },
			{ name: b, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: leaving },
		], sessions );
		const user = await userPage( browser, leaving );
		const { page } = user;
		await openPanel( page, id, 'leave' );
		// Nobody is handed to a mentor the leaving mentor did not choose (issue 15): each
		// mentee starts "back to the program", and the mentor picks by mouse.
		for ( const name of [ a, b ] ) {
			const picker = page.getByRole( 'combobox', { name: new RegExp( '^' + name ) } );
			await expect( picker.innerText() ).resolves.toContain( 'Back to the program' );
			await picker.click();
			await page.getByRole( 'option', { name: new RegExp( '^' + other ) } ).click();
			await expect( picker.innerText() ).resolves.toContain( other );
		}
		await page.getByRole( 'button', { name: 'Hand over and leave' } ).click();
		await page.locator( '.mg-notice-dialog textarea:not([aria-hidden])' ).first().fill( 'It was a pleasure.' );
		await page.getByRole( 'button', { name: 'Preview' } ).click();
		await page.locator( '.mg-notice-dialog .mg-preview h2' ).waitFor();
		await shot( page, 'panel-handover-preview' );
		await page.locator( '.mg-notice-dialog' ).getByRole( 'button', { name: 'Hand over and leave' } ).click();
		await page.locator( '.mg-notice-dialog' ).waitFor( { state: 'hidden', timeout: 60000 } );
		const store = new Store( sessions[ coord ]!.client );
		const roster = await store.read( rosterTitle( id ), ROSTER );
		// A handover is a proposal: nobody's mentor changes until the mentee accepts.
		expect( roster.value!.members[ a ]!.proposal ).toMatchObject( { mentor: other, by: leaving } );
		expect( roster.value!.members[ b ]!.proposal ).toMatchObject( { mentor: other, by: leaving } );
		expect( roster.value!.members[ leaving ]!.left ).toBeTruthy();
		for ( const name of [ a, b ] ) {
			const talk = await sessions[ coord ]!.client.readPage( 'User talk:' + name );
			expect( talk.content ).toContain( 'It was a pleasure.' );
			expect( talk.content ).toContain( '[[User:' + other + '|' );
		}
		const profile = await store.read( profileTitle( leaving ), PROFILE );
		expect( profile.value!.programs[ id ]!.left ).toBeTruthy();
		await user.context.close();

		// Mentee A accepts in one click; their profile, the index and the cached mentor follow.
		const menteeA = await userPage( browser, a );
		await openPanel( menteeA.page, id );
		await menteeA.page.locator( '.mg-proposal' ).waitFor();
		await shot( menteeA.page, 'panel-proposal' );
		await menteeA.page.getByRole( 'button', { name: 'Accept ' + other + ' as your mentor' } ).click();
		await menteeA.page.locator( '.mg-proposal' ).waitFor( { state: 'detached' } );
		const profileA = await store.read( profileTitle( a ), PROFILE );
		expect( profileA.value!.programs[ id ]!.mentor ).toBe( other );
		const after = await store.read( rosterTitle( id ), ROSTER );
		expect( after.value!.members[ a ]!.mentor ).toBe( other );
		expect( after.value!.members[ a ]!.proposal ).toBeUndefined();
		expect( decodeMentorCache( await option( sessions[ a ]!, MENTOR_OPTION ) ) ).toEqual( { program: id, mentor: other } );
		// Mentee B has not accepted: their profile still names the mentor who left (so no mentor), the proposal waits.
		expect( ( await store.read( profileTitle( b ), PROFILE ) ).value!.programs[ id ]!.mentor ).toBe( leaving );
		expect( after.value!.members[ b ]!.proposal ).toMatchObject( { mentor: other } );
		await menteeA.context.close();
	} );

	it( 'intros, goals and topics with markup and scripts are shown as text: nothing runs, nothing is linked', async () => {
		const hostile = '<img src=x onerror="window.mgPwned=1"><script>window.mgPwned=2</script>[javascript:window.mgPwned=3 click] <a href="javascript:window.mgPwned=4">a</a>';
		const coord = unique( 'PanX Coord' );
		const evil = unique( 'PanX Mentor' );
		const viewer = unique( 'PanX Viewer' );
		const sessions = await users( [ coord, evil, viewer ] );
		const id = programId( 'panx' );
		const cfg = config( { coordinators: [ coord ], topics: [ 'Art', '<img src=x onerror="window.mgPwned=5">' ], description: hostile } );
		await program( id, sessions[ coord ]!, cfg, [
			{ name: evil, membership: mentor( [ 'Art', '<img src=x onerror="window.mgPwned=5">' ], [ 'en' ], { intro: hostile } ) },
			{ name: viewer, membership: mentee( [ 'Art' ], [ 'en' ], { goals: hostile } ) },
		], sessions );
		const user = await userPage( browser, viewer );
		const { page } = user;
		const dialogs: string[] = [];
		page.on( 'dialog', ( d ) => {
			dialogs.push( d.message() );
			void d.dismiss();
		} );
		await openPanel( page, id );
		// The mentor's introduction, as typed, in their card; then the mentee's goals, as typed, in their form.
		await page.locator( '.mg-mentor-card', { hasText: '<script>window.mgPwned=2</script>' } ).first().waitFor();
		await page.getByRole( 'tab', { name: 'Your profile' } ).click();
		const goals = page.getByRole( 'textbox', { name: 'What would you like to do on the wiki?' } );
		await expect.poll( () => goals.inputValue() ).toBe( hostile );
		const panel = page.locator( '.mentorship-panel' );
		await expect( panel.locator( 'img, script' ).count() ).resolves.toBe( 0 );
		await expect( panel.locator( 'a[href^="javascript"]' ).count() ).resolves.toBe( 0 );
		await expect( page.evaluate( () => ( window as unknown as { mgPwned?: number } ).mgPwned ) ).resolves.toBeUndefined();
		await expect( panel.innerText() ).resolves.toContain( '<script>window.mgPwned=2</script>' );
		expect( dialogs ).toEqual( [] );
		await shot( page, 'panel-hostile-text' );
		await user.context.close();
	} );
} );
