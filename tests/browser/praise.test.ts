/**
 * Good work is recognised (issue 18), in Chromium on the real wiki: a mentor opens their
 * mentees tab; a confirmed mentee who created their first article is suggested, and the
 * mentor thanks them by mouse (Thank, the message, Preview, Post thanks, Done: controls found
 * by their visible names). The thanks is on the mentee's talk page, signed by the mentor, and
 * the milestone the mentor recorded counts in the program's dashboard, confirmed by the mentor.
 * A mentee who hid suggestions (the switch in their profile tab) and a user whose roster entry alone names the mentor (forged)
 * are not suggested, though they created articles too. Where the wiki has the Thanks
 * extension (1.43 here), "Thank for the edit" thanks for the article's creation.
 */

import { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rosterTitle } from '../../src/core/titles';
import { loadConsole } from '../../src/wiki/console';
import { admin, config, mentee, mentor, program, programId, unique, users } from '../support/fixtures';
import { apiRequests, launch, loadedModules, url, userPage } from '../support/browser';
import { actionButton, mouseClick, PRIMARY } from '../support/mouse';

let browser: Browser;

beforeAll( async () => {
	browser = await launch();
} );

afterAll( async () => {
	await browser?.close();
} );

const RELEASE = process.env.MENTORSHIP_MW || '1.39';

describe( 'good work is recognised', () => {
	it( 'suggests the confirmed mentee who created a first article; the mentor thanks them with a preview; the post and the milestone exist', async () => {
		const coordinator = unique( 'Praise Coord' );
		const guide = unique( 'Praise Mentor' );
		const creator = unique( 'Praise Creator' );
		const shy = unique( 'Praise Shy' );
		const forged = unique( 'Praise Forged' );
		const sessions = await users( [ coordinator, guide, creator, shy, forged ] );
		const id = programId( 'praise' );
		const cfg = config( { coordinators: [ coordinator ] } );
		await program( id, sessions[ coordinator ]!, cfg, [
			{ name: guide, membership: mentor( [ 'Art' ], [ 'en' ], { capacity: 5 } ) },
			{ name: creator, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: guide },
			{ name: shy, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: guide },
			{ name: forged, membership: mentee( [ 'Art' ], [ 'en' ] ) },
		], sessions );
		// The forged pairing: the roster names the mentor, the user's own profile does not.
		const roster = await sessions[ coordinator ]!.client.readPage( rosterTitle( id ) );
		const members = JSON.parse( roster.content as string ) as { members: Record<string, { mentor?: string }> };
		( members.members[ forged ] as { mentor?: string } ).mentor = guide;
		await sessions[ coordinator ]!.client.edit( { title: rosterTitle( id ), text: JSON.stringify( members ), summary: 'forged', baserevid: roster.revid } );

		// Each of the three creates their first article.
		const titles: Record<string, string> = {};
		for ( const name of [ creator, shy, forged ] ) {
			titles[ name ] = `Praise article ${ id } by ${ name }`;
			await sessions[ name ]!.client.edit( { title: titles[ name ] as string, text: 'A first article.', summary: 'new article', createonly: true } );
		}

		// The shy mentee turns the suggestions about them off, in their own profile tab.
		const asShy = await userPage( browser, shy );
		await asShy.page.goto( url( 'Special:BlankPage/Mentorship', { program: id, withgadget: 'mentorship-match' } ) );
		await mouseClick( asShy.page, asShy.page.getByRole( 'tab', { name: 'Your profile' } ) );
		await mouseClick( asShy.page, asShy.page.getByRole( 'checkbox', { name: 'Don\'t prompt my mentor to praise my work' } ) );
		await mouseClick( asShy.page, asShy.page.getByRole( 'button', { name: 'Save', exact: true } ) );
		await asShy.page.getByText( 'Saved.' ).waitFor();
		await asShy.context.close();
		const shyProfile = JSON.parse( ( await sessions[ shy ]!.client.readPage( `User:${ shy }/mentorship.json` ) ).content as string ) as { programs: Record<string, { hidePraise?: boolean }> };
		expect( shyProfile.programs[ id ]!.hidePraise ).toBe( true );

		const asMentor = await userPage( browser, guide );
		const { page } = asMentor;
		asMentor.requests.length = 0;
		await page.goto( url( 'Special:BlankPage/Mentorship', { program: id, withgadget: 'mentorship-match' } ) );
		const praise = page.locator( '.mg-praise' );
		await praise.waitFor();
		await page.locator( '.mg-praise:not([aria-busy])' ).waitFor();
		const items = praise.locator( 'li' );
		await expect( items.allTextContents() ).resolves.toEqual( [
			expect.stringContaining( `${ creator } created their first article: ${ titles[ creator ] }` ),
		] );
		await expect( praise.textContent() ).resolves.not.toContain( shy );
		await expect( praise.textContent() ).resolves.not.toContain( forged );
		// What the suggestions cost: one request for the confirmed mentees' page creations, the hidden one not asked about.
		const api = apiRequests( asMentor.requests ).map( ( r ) => new URL( r.url() ).searchParams );
		const creations = api.filter( ( p ) => p.get( 'ucshow' ) === 'new' );
		// Its time, from sending to the response's end, as the browser measured it.
		const request = apiRequests( asMentor.requests ).find( ( r ) => new URL( r.url() ).searchParams.get( 'ucshow' ) === 'new' )!;
		await request.response();
		const waited = Math.round( request.timing().responseEnd );
		expect( creations ).toHaveLength( 1 );
		expect( ( creations[ 0 ]!.get( 'ucuser' ) || '' ).split( '|' ) ).toEqual( [ creator ] );
		console.log( `praise, ${ RELEASE }: ${ creations.length } request for the suggestions, answered in ${ waited } ms; the mentees tab ${ api.length } API requests in all` );
		expect( loadedModules( asMentor.requests ).flat() ).toContain( 'ext.gadget.mentorship-core-needs' );

		// Thanks for the edit, with the wiki's own Thanks extension where it has one.
		const item = items.nth( 0 );
		const thankEdit = item.getByRole( 'button', { name: 'Thank for the edit', exact: true } );
		if ( RELEASE === '1.43' ) {
			await mouseClick( page, thankEdit );
			await item.getByText( 'Edit thanked' ).waitFor();
			const log = await ( await admin() ).client.get( { action: 'query', list: 'logevents', letype: 'thanks', leuser: guide } );
			const thanked = ( log.query as { logevents: { title: string; action: string }[] } ).logevents;
			expect( thanked.map( ( e ) => e.action + ' ' + e.title ) ).toEqual( [ 'thank User:' + creator ] );
		} else {
			await expect( thankEdit.count() ).resolves.toBe( 0 );
		}

		// Thank, by mouse: the form, the preview, the post.
		await mouseClick( page, item.getByRole( 'button', { name: `Thank ${ creator }`, exact: true } ) );
		const dialog = page.locator( '.mg-praise-dialog' );
		await dialog.locator( '.oo-ui-processDialog-title', { hasText: `Thank ${ creator }` } ).waitFor();
		const note = dialog.getByRole( 'textbox', { name: 'Your message' } );
		await note.fill( 'Your article is a fine start }} | ~~~~ [[Category:Praise]]' );
		await mouseClick( page, actionButton( dialog, PRIMARY, 'Preview' ) );
		const preview = dialog.locator( '.mg-preview' );
		await preview.getByText( 'Your article is a fine start }} | ~~~~ [[Category:Praise]]' ).waitFor();
		await expect( preview.textContent() ).resolves.toContain( `congratulations on your first article, ${ titles[ creator ] }` );
		await mouseClick( page, actionButton( dialog, PRIMARY, 'Post thanks' ) );
		await dialog.getByText( `Your thanks to ${ creator } is posted and kept as a milestone:` ).waitFor();
		await mouseClick( page, actionButton( dialog, PRIMARY, 'Done' ) );
		await dialog.waitFor( { state: 'hidden' } );
		await item.getByRole( 'button', { name: 'Thanked', exact: true } ).waitFor();

		// The post: a new section on the mentee's talk page, signed by the mentor, the words as typed.
		const a = await admin();
		const talk = await a.client.readPage( 'User talk:' + creator );
		expect( talk.content ).toContain( `== Well done, ${ creator }! ==` );
		expect( talk.content ).toContain( `[[User:${ guide }|${ guide }]]` );
		expect( talk.content ).toContain( '<nowiki>Your article is a fine start }} | ~~~~ [[Category:Praise]]</nowiki>' );
		// What they typed put the page in no category (and signed nothing).
		const parsed = await a.client.get( { action: 'parse', page: 'User talk:' + creator, prop: 'categories' } );
		expect( ( parsed.parse as { categories: unknown[] } ).categories ).toEqual( [] );
		// The milestone: in the mentor's own profile, and it counts, confirmed by the mentor.
		const data = await loadConsole( a.client, id, Date.now() );
		const row = data.dashboard.rows.find( ( r ) => r.name === creator )!;
		expect( row.recorded ).toEqual( [ expect.objectContaining( { type: 'first-article', by: guide, note: titles[ creator ] } ) ] );

		// Reloaded, the mentee is not suggested again for it.
		await page.reload();
		await page.locator( '.mg-praise:not([aria-busy])' ).waitFor();
		await expect( praise.locator( 'li' ).count() ).resolves.toBe( 0 );
		await asMentor.context.close();
	} );
} );
