/**
 * Nobody waits unseen (issue 18), the mentor's side, in Chromium on the real wiki: a mentor
 * with 20 confirmed mentees opens their mentees tab; its "Needs you" list names the mentee
 * whose edit was undone (tagged mw-reverted by MediaWiki's deferred job) and who was warned on
 * their talk page (a substituted uw- template), the blocked mentee and the mentee whose
 * question waits, each with a link that leads where to act. A user whose roster entry alone
 * names the mentor (a forged pairing) is not listed, though reverted too. The requests the
 * tab makes are counted.
 */

import { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Question } from '../../src/core/format';
import { rosterTitle } from '../../src/core/titles';
import { runJobs } from '../../scripts/lib/localwiki';
import { Session } from '../../scripts/lib/accounts';
import { admin, article, block, config, mentee, mentor, program, programId, unique, users, wiki } from '../support/fixtures';
import { apiRequests, launch, loadedModules, shot, url, userPage } from '../support/browser';

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

/** The user's edit of `title`, undone by the administrator; returns the undone revision. */
async function editUndone( s: Session, title: string, text: string ): Promise<number> {
	const read = await s.client.readPage( title );
	const saved = await s.client.edit( { title, text: read.content + '\n' + text, summary: 'test edit', baserevid: read.revid } );
	const a = await admin();
	await a.client.postWithToken( { action: 'edit', title, undo: saved.newrevid as number, summary: 'undo' } );
	return saved.newrevid as number;
}

/** What the page's URL asks for, decoded. */
function params( page: Page ): URLSearchParams {
	return new URL( page.url() ).searchParams;
}

describe( 'the mentor\'s "Needs you" list', () => {
	it( 'lists the reverted, warned, blocked and waiting mentees (and not a forged one), each with a link that leads where to act', async () => {
		const coordinator = unique( 'Needs Coord' );
		const guide = unique( 'Needs Mentor' );
		const warned = unique( 'Needs Warned' );
		const blocked = unique( 'Needs Blocked' );
		const asking = unique( 'Needs Asking' );
		const forged = unique( 'Needs Forged' );
		const quiet: string[] = [];
		for ( let i = 1; i <= 17; i++ ) {
			quiet.push( unique( 'Needs Quiet ' + i ) );
		}
		const sessions = await users( [ coordinator, guide, warned, blocked, asking, forged ].concat( quiet ) );
		const id = programId( 'needs' );
		const title = `Needs you test ${ id }`;
		await article( await admin(), title, 'An article for the needs-you test.' );

		// The question the mentee asked five days ago, posted as the gadget posts it.
		const heading = `Question from ${ asking } about ${ title }`;
		const mentorTalk = 'User talk:' + guide;
		const posted = await sessions[ asking ]!.client.edit( { title: mentorTalk, section: 'new', sectiontitle: heading, text: 'How do I cite a book? ~~~~', summary: 'question' } );
		const question: Question = {
			id: 'needsq1', page: mentorTalk, section: heading, revid: posted.newrevid as number,
			time: iso( Date.now() - 5 * DAY ), to: guide, via: 'mentor', article: title,
		};
		const cfg = config( { coordinators: [ coordinator ], needsYou: { days: 14 } } );
		await program( id, sessions[ coordinator ]!, cfg, [
			{ name: guide, membership: mentor( [ 'Art' ], [ 'en' ], { capacity: 25 } ) },
			{ name: warned, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: guide },
			{ name: blocked, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: guide },
			{ name: asking, membership: mentee( [ 'Art' ], [ 'en' ], { questions: [ question ] } ), mentor: guide },
			{ name: forged, membership: mentee( [ 'Art' ], [ 'en' ] ) },
			...quiet.map( ( name ) => ( { name, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: guide } ) ),
		], sessions );
		// The forged pairing: someone names the mentor in the forged user's roster entry (their own profile does not).
		const roster = await sessions[ coordinator ]!.client.readPage( rosterTitle( id ) );
		const members = JSON.parse( roster.content as string ) as { members: Record<string, { mentor?: string }> };
		( members.members[ forged ] as { mentor?: string } ).mentor = guide;
		await sessions[ coordinator ]!.client.edit( { title: rosterTitle( id ), text: JSON.stringify( members ), summary: 'forged', baserevid: roster.revid } );

		// The warned mentee's edit is undone, and so is the forged one's; MediaWiki tags them by a deferred job.
		const undone = await editUndone( sessions[ warned ]!, title, 'Unsourced claim.' );
		await editUndone( sessions[ forged ]!, title, 'Another claim.' );
		runJobs( wiki(), 'revertedTagUpdate' );
		// A warning as Twinkle leaves it: a substituted user-warning template, which names itself in a comment.
		const a = await admin();
		await sessions[ coordinator ]!.client.edit( { title: 'User talk:' + warned, text: '== Welcome ==\nWelcome to the wiki! ~~~~', summary: 'welcome', createonly: true } );
		await a.client.edit( { title: 'Template:Uw-vandalism1', text: 'Please do not add unsourced content. <!-- Template:uw-vandalism1 -->', summary: 'warning template' } );
		const warning = await a.client.edit( { title: 'User talk:' + warned, section: 'new', sectiontitle: 'Your edit', text: '{{subst:uw-vandalism1}} ~~~~', summary: 'Warning' } );
		expect( ( await a.client.readPage( 'User talk:' + warned ) ).content ).toContain( '<!-- Template:uw-vandalism1 -->' );
		await block( blocked, 'Needs-you test block' );

		const asMentor = await userPage( browser, guide );
		const { page } = asMentor;
		const open = async (): Promise<void> => {
			await page.goto( url( 'Special:BlankPage/Mentorship', { program: id, withgadget: 'mentorship-match' } ) );
			await page.locator( '.mg-needs-you' ).waitFor();
			await page.locator( '.mg-needs-you:not([aria-busy])' ).waitFor();
		};
		asMentor.requests.length = 0;
		await open();
		const needs = page.locator( '.mg-needs-you' );
		const items = needs.locator( 'li' );
		await expect( items.allTextContents() ).resolves.toEqual( [
			`${ blocked } is blocked indefinitely: they cannot edit. block log`,
			`${ asking } has waited 5 days for your reply to their question: ${ heading }`,
			expect.stringMatching( new RegExp( `^${ warned } received a warning or notice from .+ on their talk page on .+: the edit \\(Uw-vandalism1\\)$` ) ),
			`An edit by ${ warned } was reverted in the last 14 days; see their edit to: ${ title }`,
		] );
		await expect( needs.textContent() ).resolves.not.toContain( forged );
		await shot( page, 'panel-needs-you' );

		// What the tab cost: the needs list's own requests, with 20 confirmed mentees (and one forged entry).
		const api = apiRequests( asMentor.requests ).map( ( r ) => new URL( r.url() ).searchParams );
		const reverts = api.filter( ( p ) => p.get( 'uctag' ) === 'mw-reverted' );
		const talk = api.filter( ( p ) => p.get( 'prop' ) === 'revisions' && /^User talk:/.test( p.get( 'titles' ) || '' ) && !p.get( 'list' ) );
		expect( reverts ).toHaveLength( 1 );
		expect( ( reverts[ 0 ]!.get( 'ucuser' ) || '' ).split( '|' ).sort() ).toEqual( [ warned, blocked, asking ].concat( quiet ).sort() );
		expect( talk ).toHaveLength( 1 );
		console.log( `needs you, 20 mentees: ${ reverts.length + talk.length } requests for the list; the mentees tab ${ api.length } API requests in all` );
		// Its code came in its own module, when the tab showed.
		expect( loadedModules( asMentor.requests ).flat() ).toContain( 'ext.gadget.mentorship-core-needs' );

		// Each link leads where to act: the block log, the question's section, the warning's diff, the reverted edit's diff.
		await items.nth( 0 ).getByRole( 'link', { name: 'block log' } ).click();
		await page.waitForURL( /Special(:|%3A)Log/ );
		await expect( page.locator( '#mw-content-text' ).textContent() ).resolves.toContain( 'Needs-you test block' );

		await open();
		await items.nth( 1 ).getByRole( 'link', { name: heading } ).click();
		await page.waitForURL( /#Question_from_/ );
		const target = await page.evaluate( () => {
			const element = document.getElementById( decodeURIComponent( location.hash.slice( 1 ) ) );
			return element ? element.textContent : null;
		} );
		expect( target ).toContain( heading );

		await open();
		await items.nth( 2 ).getByRole( 'link' ).click();
		await page.locator( 'table.diff' ).waitFor();
		expect( params( page ).get( 'oldid' ) ).toBe( String( warning.newrevid ) );
		await expect( page.locator( 'table.diff' ).textContent() ).resolves.toContain( 'Please do not add unsourced content.' );

		await open();
		await items.nth( 3 ).getByRole( 'link', { name: title } ).click();
		await page.locator( 'table.diff' ).waitFor();
		expect( params( page ).get( 'oldid' ) ).toBe( String( undone ) );
		await expect( page.locator( 'table.diff' ).textContent() ).resolves.toContain( 'Unsourced claim.' );
		await asMentor.context.close();
	} );
} );
