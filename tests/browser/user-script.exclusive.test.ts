/**
 * The user script (issue 19) in Chromium on the real wiki: a user with no rights but their own
 * deploys it under their own space (npm run deploy -- --user-script: only User:NAME/mentorship/
 * pages, and a second deploy writes nothing); another account, with no gadget on, adds the
 * printed line to its common.js through the API, as the README says, and then sees "Ask my
 * mentor" and "Welcome / invite", asks a question, invites a newcomer and opens the panel. The
 * page view makes no API request and adds nothing but the one script; with the gadgets on as
 * well, the controls appear once. The first clicks are measured in both modes
 * (test-results/integration/user-script.json).
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setGadgets } from '../../scripts/lib/accounts';
import { replaceSection } from '../../scripts/lib/definition';
import { deployUserScript, UserScriptDeployResult } from '../../scripts/lib/user-script';
import { admin, article, config, mentee, mentor, PASSWORD, program, programId, unique, users, wiki, writeFigures } from '../support/fixtures';
import type { Session } from '../support/fixtures';
import { apiRequests, launch, readyModules, shot, url, UserPage, userPage } from '../support/browser';
import { currentUser } from '../../src/wiki/current-user';

let browser: Browser;
let outDir: string;
let scripter: string;
let first: UserScriptDeployResult;
let second: UserScriptDeployResult;
const figures: Record<string, unknown> = {};
const DEFINITIONS = 'MediaWiki:Gadgets-definition';
let definitions = '';

beforeAll( async () => {
	browser = await launch();
	scripter = unique( 'Us Scripter' );
	await users( [ scripter ] );
	outDir = mkdtempSync( join( tmpdir(), 'mentorship-user-script-' ) );
	const auth = { username: scripter, password: PASSWORD };
	first = await deployUserScript( { api: wiki().api, auth, outDir, log: () => undefined } );
	second = await deployUserScript( { api: wiki().api, auth, outDir, build: false, log: () => undefined } );
} );

afterAll( async () => {
	await browser?.close();
	if ( definitions ) {
		await setGadgetsInstalled( true );
	}
	if ( outDir ) {
		rmSync( outDir, { recursive: true, force: true } );
	}
	writeFigures( 'user-script-' + wiki().release, figures );
} );

/**
 * The wiki without the gadgets (the user script steps aside where the wiki has them): our
 * section's lines out of MediaWiki:Gadgets-definition, as an interface admin would; put
 * back for the tests of a wiki with the gadgets (and by every run's deploy).
 */
async function setGadgetsInstalled( installed: boolean ): Promise<void> {
	const s = await admin();
	const read = await s.client.readPage( DEFINITIONS );
	if ( !definitions ) {
		definitions = read.content || '';
	}
	const text = installed ? definitions : replaceSection( definitions, 'mentorship', [], 'mentorship-' );
	if ( ( read.content || '' ) !== text.replace( /\s+$/, '' ) ) {
		await s.client.edit( { title: DEFINITIONS, text, summary: installed ? 'The gadgets back' : 'A wiki without the gadgets', baserevid: read.revid } );
	}
}

/** The address without the test's own cache breaker. */
function plain( r: Request ): string {
	return r.url().replace( /[?&]mgview=\d+/, '' );
}

let views = 0;

async function view( user: UserPage, target: string, ready?: string ): Promise<{ api: string[]; modules: string[]; others: Request[] }> {
	user.requests.length = 0;
	views++;
	await user.page.goto( target + ( target.includes( '?' ) ? '&' : '?' ) + 'mgview=' + views );
	if ( ready ) {
		await user.page.locator( ready ).waitFor();
	}
	await user.page.waitForLoadState( 'networkidle' );
	const requests = user.requests.slice();
	return {
		api: apiRequests( requests ).map( ( r ) => `${ r.method() } ${ plain( r ) } ${ r.postData() || '' }` ),
		modules: await readyModules( user.page ),
		others: requests.filter( ( r ) => !/\/(api|load)\.php/.test( r.url() ) ),
	};
}

/** What a click cost: load.php and raw-page requests, API requests, and the code's bytes (as sent, gzipped as one). */
async function clickCost( user: UserPage, click: () => Promise<void>, ready: () => Promise<void> ): Promise<Record<string, number>> {
	user.requests.length = 0;
	await click();
	await ready();
	const code = user.requests.filter( ( r ) => /\/load\.php|action=raw/.test( r.url() ) );
	const bodies: Buffer[] = [];
	for ( const r of code ) {
		const response = await r.response();
		if ( response ) {
			bodies.push( await response.body() );
		}
	}
	const all = Buffer.concat( bodies );
	// This project's code: the raw pages (user script), or the load.php responses of the gadgets' modules.
	const own: Buffer[] = [];
	for ( const r of code.filter( ( c ) => /action=raw/.test( c.url() ) || /ext\.gadget\.mentorship-/.test( decodeURIComponent( c.url() ) ) ) ) {
		const response = await r.response();
		if ( response ) {
			own.push( await response.body() );
		}
	}
	const ours = Buffer.concat( own );
	return {
		ownBytes: ours.length,
		ownGzip: gzipSync( ours, { level: 9 } ).length,
		loadRequests: code.filter( ( r ) => /\/load\.php/.test( r.url() ) ).length,
		rawRequests: code.filter( ( r ) => /action=raw/.test( r.url() ) ).length,
		apiRequests: apiRequests( user.requests ).length,
		bytes: all.length,
		gzip: gzipSync( all, { level: 9 } ).length,
	};
}

/** Writes a page as its owner, through the API (read, then edit against the revision read). */
async function writePage( s: Session, title: string, change: ( text: string ) => string ): Promise<void> {
	const read = await s.client.readPage( title );
	const text = change( read.exists ? read.content || '' : '' );
	await s.client.edit( read.exists ?
		{ title, text, summary: 'common.js', baserevid: read.revid } :
		{ title, text, summary: 'common.js', createonly: true } );
}

async function openAsk( page: Page ): Promise<void> {
	await page.getByRole( 'textbox', { name: 'Your question' } ).waitFor( { state: 'visible' } );
	await page.waitForFunction( () => {
		const box = document.querySelector( '.mg-ask-dialog textarea:not([aria-hidden])' ) as HTMLTextAreaElement | null;
		return !!box && !box.disabled;
	} );
}

describe( 'the user script, on a wiki without the gadgets', () => {
	beforeAll( () => setGadgetsInstalled( false ) );

	it( 'deploys under the user\'s own space with the user\'s own rights, pinned, and a second deploy writes nothing', async () => {
		const folder = `User:${ scripter }/mentorship/`;
		expect( first.folder ).toBe( folder );
		// The pages, and the install page (the line, shown to those who turn it on from an invitation).
		expect( first.created.length ).toBe( first.manifest.pages.length + 1 );
		expect( first.created ).toContain( folder + 'install.js' );
		expect( first.created.filter( ( t ) => t.indexOf( folder ) !== 0 ) ).toEqual( [] );
		expect( first.edited ).toEqual( [] );
		expect( first.line ).toMatch( /^mw\.loader\.load\( '[^']+\/index\.php\?oldid=\d+&action=raw&ctype=text\/javascript' \);/ );
		// The wiki's record: every edit of the account is in its own space.
		const s = ( await users( [ scripter ] ) )[ scripter ]!;
		const contribs = await s.client.get( { action: 'query', list: 'usercontribs', ucuser: scripter, uclimit: 'max', ucprop: 'title' } );
		const titles = ( contribs.query as { usercontribs: { title: string }[] } ).usercontribs.map( ( c ) => c.title );
		expect( titles.length ).toBe( first.created.length );
		expect( titles.filter( ( t ) => t.indexOf( folder ) !== 0 ) ).toEqual( [] );
		// The install page: only its owner can edit it (a .js page), and it shows the line exactly as printed.
		const install = await s.client.readPage( folder + 'install.js' );
		expect( install.revid ).toBe( first.install );
		expect( install.content ).toContain( '<pre class="mentorship-install-line">' + ( first.line as string ).replace( /&/g, '&amp;' ) + '</pre>' );
		// It needed no right beyond the user's own.
		const me = await currentUser( s.client );
		expect( me.rights.filter( ( r ) => [ 'editsitejs', 'editinterface', 'editusercss', 'edituserjs' ].includes( r ) ) ).toEqual( [] );
		// The entry loads the pages by the revisions written.
		const entry = ( await s.client.readPage( folder + 'main.js' ) ).content || '';
		expect( entry ).toContain( JSON.stringify( { base: folder, oldids: Object.fromEntries( Object.entries( first.oldids ).filter( ( [ n ] ) => n !== 'main.js' ) ) } ) );
		expect( second.edits ).toBe( 0 );
		expect( second.created.concat( second.edited ) ).toEqual( [] );
		expect( second.line ).toBe( first.line );
		figures.pages = first.manifest.pages.length;
		// Times the wiki's edit rate limit was waited out (1.43 counts an API edit twice against 90 a minute).
		figures.rateLimitWaits = first.waits || 0;
		figures.buildSizes = first.manifest.sizes;
	} );

	it( 'one line in common.js: ask, welcome and the panel, with nothing but one script on page view', async () => {
		const coordinator = unique( 'Us Coord' );
		const mentorName = unique( 'Us Mentor' );
		const me = unique( 'Us Mentee' );
		const newbie = unique( 'Us Newbie' );
		const sessions = await users( [ coordinator, mentorName, me, newbie ] );
		const id = programId( 'usask' );
		await program( id, sessions[ coordinator ]!, config( { coordinators: [ coordinator ] } ), [
			{ name: mentorName, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: me, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: mentorName },
		], sessions );
		// A program of the user's own, to invite newcomers to.
		const own = programId( 'uswel' );
		await program( own, sessions[ me ]!, config( { coordinators: [ me ] } ), [], sessions );
		const title = 'User script test article ' + id;
		await article( sessions[ coordinator ]!, title, 'An article about art.' );
		const s = sessions[ me ]!;
		await writePage( s, `User:${ me }/common.js`, () => '// My scripts.\n' );

		const before = await userPage( browser, me );
		const off = await view( before, url( title ) );
		await expect( before.page.locator( '#ca-mentorship-ask' ).count() ).resolves.toBe( 0 );
		await before.context.close();
		// As the README says: the line, added to one's own common.js. (The next visit: the
		// browser keeps ResourceLoader's startup module, which names common.js's version, for
		// minutes.)
		await writePage( s, `User:${ me }/common.js`, ( text ) => text.replace( /\s*$/, '\n' ) + first.line + '\n' );
		const user = await userPage( browser, me );
		const { page } = user;
		const on = await view( user, url( title ), '#ca-mentorship-ask a' );
		await expect( page.locator( '#ca-mentorship-ask a' ).textContent() ).resolves.toBe( 'Ask my mentor' );
		await shot( page, 'user-script-ask-control' );
		const extra = on.others.filter( ( r ) => !off.others.some( ( o ) => plain( o ) === plain( r ) ) );
		const entryOldid = first.oldids[ 'main.js' ];
		expect( extra.map( plain ) ).toEqual( [ expect.stringContaining( `oldid=${ entryOldid }&action=raw` ) ] );
		expect( on.api.filter( ( r ) => !off.api.includes( r ) ) ).toEqual( [] );
		expect( on.modules.filter( ( m ) => !off.modules.includes( m ) ) ).toEqual( [] );
		const entryResponse = await ( extra[ 0 ] as Request ).response();
		const entryBody = entryResponse ? await entryResponse.body() : Buffer.alloc( 0 );
		figures.pageView = { entryBytes: entryBody.length, entryGzip: gzipSync( entryBody, { level: 9 } ).length, apiRequests: 0, modulesAdded: 0 };

		// Ask: the feature's modules from ResourceLoader, its code from the pinned pages.
		figures.firstClickAskUserScript = await clickCost( user, () => page.locator( '#ca-mentorship-ask a' ).click(), () => openAsk( page ) );
		const raw = user.requests.filter( ( r ) => /action=raw/.test( r.url() ) ).map( ( r ) => r.url() );
		expect( raw.length ).toBeGreaterThan( 0 );
		expect( raw.filter( ( u ) => !/[?&]oldid=\d+&action=raw/.test( u ) ) ).toEqual( [] );
		const question = 'How do I cite a museum catalogue, asked from my own script?';
		await page.getByRole( 'textbox', { name: 'Your question' } ).fill( question );
		await page.getByRole( 'button', { name: 'Preview' } ).click();
		await page.locator( '.mg-preview h2' ).waitFor();
		await page.getByRole( 'button', { name: 'Send' } ).click();
		await page.locator( '.mg-ask-dialog [role=status] .oo-ui-messageWidget' ).waitFor();
		await shot( page, 'user-script-ask-done' );
		expect( ( await s.client.readPage( 'User talk:' + mentorName ) ).content || '' ).toContain( question );

		// Welcome / invite, on the newcomer's talk page: nothing but the script on page view there too.
		const talkOn = await view( user, url( 'User talk:' + newbie ), '#ca-mentorship-welcome a' );
		expect( talkOn.modules.filter( ( m ) => /mentorship/.test( m ) ) ).toEqual( [] );
		await expect( page.locator( '#ca-mentorship-welcome a' ).textContent() ).resolves.toBe( 'Welcome / invite' );
		figures.firstClickWelcomeUserScript = await clickCost( user, () => page.locator( '#ca-mentorship-welcome a' ).click(),
			() => page.locator( '.mg-welcome-dialog .mg-welcome-kind input[type=radio]' ).first().waitFor() );
		await page.locator( '.mg-welcome-dialog .mg-welcome-kind input[type=radio]:not([disabled])' ).first().check();
		await page.getByRole( 'button', { name: 'Preview' } ).click();
		await page.locator( '.mg-welcome-dialog .mg-preview h2' ).waitFor();
		await page.getByRole( 'button', { name: 'Post' } ).click();
		const done = page.locator( '.mg-welcome-dialog [role=status] .oo-ui-messageWidget' );
		await done.waitFor();
		await expect( done.innerText() ).resolves.toContain( 'Your message to ' + newbie + ' was posted' );
		await shot( page, 'user-script-welcome-done' );
		expect( ( await s.client.readPage( 'User talk:' + newbie ) ).content || '' ).toContain( '[[User:' + me );

		// The panel, from the link the script adds (no gadget to load in its address).
		const link = page.locator( '#pt-mentorship a' );
		const href = await link.getAttribute( 'href' ) || '';
		expect( href ).toContain( 'Special:BlankPage/Mentorship' );
		expect( href ).not.toContain( 'withgadget' );
		user.requests.length = 0;
		await page.goto( wiki().server + href );
		// The programs, the user's own among them.
		await page.locator( '.mentorship-panel' ).getByText( 'Test program ' + own.replace( /^uswel-/, '' ) ).first().waitFor();
		await shot( page, 'user-script-panel' );
		expect( await page.evaluate( () => mw.loader.getState( 'ext.gadget.mentorship-match' ) ) ).not.toBe( 'ready' );
		// The console, which the panel loads when its tab opens: from the pinned pages too.
		user.requests.length = 0;
		await page.goto( url( 'Special:BlankPage/Mentorship', { program: own, view: 'console' } ) );
		await page.locator( '.mg-console .mg-console-tabs' ).waitFor();
		const consoleRaw = user.requests.filter( ( r ) => /action=raw/.test( r.url() ) ).map( ( r ) => r.url() );
		expect( consoleRaw.some( ( u ) => u.includes( `oldid=${ first.oldids[ 'mentorship-core-console.js' ] }&` ) ) ).toBe( true );
		expect( apiRequests( user.requests ).length ).toBeGreaterThan( 0 );
		await shot( page, 'user-script-console' );
		await user.context.close();
	} );

	it( 'an invitation from a user-script user turns it on for its reader: the line shown on their own common.js\'s form, published by mouse, once', async () => {
		const inviter = unique( 'Us4 Inviter' );
		const coordinator = unique( 'Us4 Coord' );
		const mentorName = unique( 'Us4 Mentor' );
		const fresh = unique( 'Us4 Fresh' );
		const sessions = await users( [ inviter, coordinator, mentorName, fresh ] );
		// The reader has a mentor in another program (so that the ask control says "Ask my mentor"), and no common.js.
		const theirs = programId( 'usfresh' );
		await program( theirs, sessions[ coordinator ]!, config( { coordinators: [ coordinator ] } ), [
			{ name: mentorName, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: fresh, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: mentorName },
		], sessions );
		const own = programId( 'usinv' );
		await program( own, sessions[ inviter ]!, config( { coordinators: [ inviter ] } ), [], sessions );
		const title = 'User script turn on article ' + own;
		await article( sessions[ coordinator ]!, title, 'An article about art.' );
		await writePage( sessions[ inviter ]!, `User:${ inviter }/common.js`, () => first.line + '\n' );
		const commonJs = `User:${ fresh }/common.js`;
		const freshSession = sessions[ fresh ]!;
		expect( ( await freshSession.client.readPage( commonJs ) ).exists ).toBe( false );

		// The inviter, with the user script, invites the reader: the message says how to turn it on.
		const sender = await userPage( browser, inviter );
		await view( sender, url( 'User talk:' + fresh ), '#ca-mentorship-welcome a' );
		await sender.page.locator( '#ca-mentorship-welcome a' ).click();
		await sender.page.locator( '.mg-welcome-dialog .mg-welcome-kind input[type=radio]:not([disabled])' ).first().check();
		await sender.page.getByRole( 'button', { name: 'Preview' } ).click();
		const preview = sender.page.locator( '.mg-welcome-dialog .mg-preview' );
		await preview.locator( 'h2' ).waitFor();
		await expect( preview.getByRole( 'link', { name: 'add one line to your common.js' } ).count() ).resolves.toBe( 1 );
		await sender.page.getByRole( 'button', { name: 'Post' } ).click();
		await sender.page.locator( '.mg-welcome-dialog [role=status] .oo-ui-messageWidget' ).waitFor();
		await sender.context.close();
		const talk = ( await freshSession.client.readPage( 'User talk:' + fresh ) ).content || '';
		const folder = `User:${ scripter }/mentorship/`;
		expect( talk ).toContain( '{{fullurl:Special:MyPage/common.js|action=edit&editintro=' + encodeURIComponent( folder + 'install.js' ) + '&summary=' );

		// The reader, who runs nothing, follows the link: their own common.js's form, the line shown above it.
		const reader = await userPage( browser, fresh );
		const { page } = reader;
		const follow = async (): Promise<void> => {
			await page.goto( url( 'User talk:' + fresh ) );
			await page.getByRole( 'link', { name: 'add one line to your common.js' } ).click();
			await page.locator( '.mw-editintro .mentorship-install-line' ).waitFor();
		};
		await follow();
		await expect( page.evaluate( () => [ mw.config.get( 'wgPageName' ), mw.config.get( 'wgAction' ) ] ) ).resolves.toEqual( [ commonJs.replace( / /g, '_' ), 'edit' ] );
		const shown = await page.locator( '.mw-editintro .mentorship-install-line' ).innerText();
		expect( shown.trim() ).toBe( first.line );
		await shot( page, 'user-script-turn-on-form' );
		const box = page.getByRole( 'textbox', { name: 'Wikitext source editor' } );
		// MediaWiki preloads nothing into a .js page: the box is empty, the summary is there.
		await expect( box.inputValue() ).resolves.toBe( '' );
		await expect( page.getByRole( 'textbox', { name: /Summary/ } ).inputValue() ).resolves.toBe( 'Turning on the mentorship tools (user script)' );
		// Copied from the intro, pasted in the box, published: by mouse.
		await box.click();
		await page.keyboard.insertText( shown.trim() );
		await page.getByRole( 'button', { name: /^(Save|Publish) (page|changes)$/ } ).click();
		await page.waitForURL( ( u ) => !/action=(edit|submit)/.test( u.toString() ) );
		expect( ( await freshSession.client.readPage( commonJs ) ).content ).toBe( first.line );
		await reader.context.close();

		// From the next visit: Ask my mentor, from the user script.
		const again = await userPage( browser, fresh );
		await again.page.goto( url( title ) );
		await again.page.locator( '#ca-mentorship-ask a' ).waitFor();
		await expect( again.page.locator( '#ca-mentorship-ask a' ).textContent() ).resolves.toBe( 'Ask my mentor' );
		await expect( again.page.evaluate( () => !!mw.libs.mentorshipUserScript ) ).resolves.toBe( true );
		// Following the link again: the form holds the page as it is (nothing preloaded), the intro says not to add it twice.
		const second2 = again.page;
		await second2.goto( url( 'User talk:' + fresh ) );
		await second2.getByRole( 'link', { name: 'add one line to your common.js' } ).click();
		await second2.locator( '.mw-editintro .mentorship-install-line' ).waitFor();
		await expect( second2.locator( '.mw-editintro' ).innerText() ).resolves.toContain( 'If your common.js has the line already, add nothing' );
		await expect( second2.getByRole( 'textbox', { name: 'Wikitext source editor' } ).inputValue().then( ( v ) => v.replace( /\s+$/, '' ) ) ).resolves.toBe( first.line );
		await second2.getByRole( 'button', { name: /^(Save|Publish) (page|changes)$/ } ).click();
		await second2.waitForURL( ( u ) => !/action=(edit|submit)/.test( u.toString() ) );
		const after = ( await freshSession.client.readPage( commonJs ) ).content || '';
		expect( after.split( '\n' ).filter( ( l ) => l.trim() ) ).toEqual( [ first.line ] );
		await again.context.close();
	} );

	it( 'the line twice in common.js: the entry runs once, one set of controls', async () => {
		const coordinator = unique( 'Us5 Coord' );
		const mentorName = unique( 'Us5 Mentor' );
		const me = unique( 'Us5 Mentee' );
		const sessions = await users( [ coordinator, mentorName, me ] );
		const id = programId( 'ustwice' );
		await program( id, sessions[ coordinator ]!, config( { coordinators: [ coordinator ] } ), [
			{ name: mentorName, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: me, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: mentorName },
		], sessions );
		const title = 'User script line twice article ' + id;
		await article( sessions[ coordinator ]!, title, 'An article about art.' );
		await writePage( sessions[ me ]!, `User:${ me }/common.js`, () => first.line + '\n' + first.line + '\n' );
		const user = await userPage( browser, me );
		const { page } = user;
		const seen = await view( user, url( title ), '#ca-mentorship-ask a' );
		// Both lines ran (the entry was asked for twice, or once from the browser's cache) ...
		expect( seen.others.filter( ( r ) => /action=raw/.test( r.url() ) ).length ).toBeGreaterThan( 0 );
		// ... and one set of controls.
		await expect( page.locator( '#ca-mentorship-ask' ).count() ).resolves.toBe( 1 );
		await expect( page.locator( '#pt-mentorship' ).count() ).resolves.toBe( 1 );
		await page.locator( '#ca-mentorship-ask a' ).click();
		await openAsk( page );
		await expect( page.locator( '.mg-ask-dialog' ).count() ).resolves.toBe( 1 );
		await user.context.close();
	} );

	it( 'a newer version is offered after a feature loads, and taken only with consent: the line\'s pin changes, once', async () => {
		const me = unique( 'Us3 Member' );
		const s = ( await users( [ me ] ) )[ me ]!;
		await writePage( s, `User:${ me }/common.js`, () => '// Mine.\n' + first.line + '\n' );
		// The author publishes a new version (here: Spanish only, so the entry's table changes).
		const auth = { username: scripter, password: PASSWORD };
		const newer = await deployUserScript( { api: wiki().api, auth, outDir: mkdtempSync( join( tmpdir(), 'mentorship-user-script-' ) ), languages: [ 'es' ], log: () => undefined } );
		const oldEntry = first.oldids[ 'main.js' ] as number;
		const newEntry = newer.oldids[ 'main.js' ] as number;
		expect( newEntry ).toBeGreaterThan( oldEntry );
		expect( newer.line ).not.toBe( first.line );

		const user = await userPage( browser, me );
		const { page } = user;
		const offer = page.locator( '.oo-ui-messageDialog-message', { hasText: 'A newer version of the mentorship user script is published by ' + scripter } );
		// The panel page loads the panel feature with no click; then the offer comes. Cancel: nothing changes.
		await page.goto( url( 'Special:BlankPage/Mentorship' ) );
		await offer.waitFor();
		await expect( offer.locator( 'a' ).getAttribute( 'href' ) ).resolves.toContain( `diff=${ newEntry }&oldid=${ oldEntry }` );
		await shot( page, 'user-script-update-offer' );
		await page.locator( '.oo-ui-messageDialog-actions a', { hasText: 'Cancel' } ).click();
		await offer.waitFor( { state: 'hidden' } );
		expect( ( await s.client.readPage( `User:${ me }/common.js` ) ).content ).toBe( '// Mine.\n' + first.line );
		// Accepted: the pin moves to the new revision, in the same line.
		await page.goto( url( 'Special:BlankPage/Mentorship' ) );
		await offer.waitFor();
		await page.locator( '.oo-ui-messageDialog-actions a', { hasText: 'Use the new version' } ).click();
		await page.locator( '.mw-notification', { hasText: 'Your common.js now loads the new version' } ).waitFor();
		const text = ( await s.client.readPage( `User:${ me }/common.js` ) ).content || '';
		expect( text ).toBe( '// Mine.\n' + ( first.line as string ).replace( `oldid=${ oldEntry }&`, `oldid=${ newEntry }&` ) );
		expect( text.split( 'mw.loader.load(' ) ).toHaveLength( 2 );
		// The next visit (a new browser: ResourceLoader's startup module names common.js's
		// version) runs the new entry, and nothing is offered.
		await user.context.close();
		const next = await userPage( browser, me );
		next.requests.length = 0;
		await next.page.goto( url( 'Special:BlankPage/Mentorship' ) );
		await next.page.locator( '.mentorship-panel' ).getByText( 'Test program' ).first().waitFor();
		await next.page.waitForLoadState( 'networkidle' );
		expect( next.requests.some( ( r ) => r.url().includes( `oldid=${ newEntry }&action=raw` ) ) ).toBe( true );
		await expect( next.page.locator( '.oo-ui-messageDialog-message' ).count() ).resolves.toBe( 0 );
		await next.context.close();
	} );
} );

describe( 'the user script, where the wiki has the gadgets', () => {
	beforeAll( () => setGadgetsInstalled( true ) );

	it( 'with the gadgets on as well, the controls appear once (the gadgets\')', async () => {
		const coordinator = unique( 'Us2 Coord' );
		const mentorName = unique( 'Us2 Mentor' );
		const me = unique( 'Us2 Mentee' );
		const newbie = unique( 'Us2 Newbie' );
		const sessions = await users( [ coordinator, mentorName, me, newbie ] );
		const id = programId( 'ustwo' );
		await program( id, sessions[ coordinator ]!, config( { coordinators: [ coordinator ] } ), [
			{ name: mentorName, membership: mentor( [ 'Art' ], [ 'en' ] ) },
			{ name: me, membership: mentee( [ 'Art' ], [ 'en' ] ), mentor: mentorName },
		], sessions );
		const title = 'User script twice test article ' + id;
		await article( sessions[ coordinator ]!, title, 'An article about art.' );
		const s = sessions[ me ]!;
		await writePage( s, `User:${ me }/common.js`, () => first.line + '\n' );
		await setGadgets( s, { 'mentorship-ask': true, 'mentorship-welcome': true, 'mentorship-match': true } );
		const user = await userPage( browser, me );
		const { page } = user;
		await view( user, url( title ), '#ca-mentorship-ask a' );
		// The entry ran (it was asked for) and stepped aside.
		await page.waitForFunction( () => Array.prototype.some.call( document.scripts, ( el: HTMLScriptElement ) => /action=raw/.test( el.src ) ) ||
			performance.getEntriesByType( 'resource' ).some( ( e ) => /action=raw/.test( e.name ) ) );
		await expect( page.locator( '#ca-mentorship-ask' ).count() ).resolves.toBe( 1 );
		await expect( page.locator( '#pt-mentorship' ).count() ).resolves.toBe( 1 );
		await expect( page.evaluate( () => !!mw.libs.mentorshipUserScript ) ).resolves.toBe( false );
		figures.firstClickAskGadget = await clickCost( user, () => page.locator( '#ca-mentorship-ask a' ).click(), () => openAsk( page ) );
		await view( user, url( 'User talk:' + newbie ), '#ca-mentorship-welcome a' );
		await expect( page.locator( '#ca-mentorship-welcome' ).count() ).resolves.toBe( 1 );
		figures.firstClickWelcomeGadget = await clickCost( user, () => page.locator( '#ca-mentorship-welcome a' ).click(),
			() => page.locator( '.mg-welcome-dialog .mg-welcome-kind input[type=radio]' ).first().waitFor() );
		process.stdout.write( `user script figures (${ wiki().release }): ${ JSON.stringify( figures ) }\n` );
		await user.context.close();
	} );

	it( 'installed but off for the user: the user script does nothing, with no request, and says so once in the console', async () => {
		const me = unique( 'Us6 Member' );
		const s = ( await users( [ me ] ) )[ me ]!;
		await writePage( s, `User:${ me }/common.js`, () => first.line + '\n' + first.line + '\n' );
		const user = await userPage( browser, me );
		const { page } = user;
		const warnings: string[] = [];
		// This page view's (the sign-in's page may still be running the script when the view starts).
		page.on( 'console', ( m ) => {
			if ( /mentorship gadgets/.test( m.text() ) && /mgview=/.test( page.url() ) ) {
				warnings.push( m.text() );
			}
		} );
		const seen = await view( user, url( 'Special:BlankPage/Mentorship' ) );
		await page.waitForFunction( () => performance.getEntriesByType( 'resource' ).some( ( e ) => /action=raw/.test( e.name ) ) );
		await expect( page.evaluate( () => !!mw.libs.mentorshipUserScript ) ).resolves.toBe( false );
		await expect( page.locator( '#pt-mentorship' ).count() ).resolves.toBe( 0 );
		expect( seen.api ).toEqual( [] );
		expect( warnings ).toEqual( [ expect.stringContaining( 'Special:Preferences#mw-prefsection-gadgets' ) ] );
		// The panel's address loads the gadget for anyone (withgadget): the gadget's controls, never the script's.
		await page.goto( url( 'Special:BlankPage/Mentorship', { withgadget: 'mentorship-match' } ) );
		await page.locator( '.mentorship-panel' ).first().waitFor();
		await expect( page.evaluate( () => mw.loader.getState( 'ext.gadget.mentorship-match' ) ) ).resolves.toBe( 'ready' );
		await user.context.close();
	} );
} );
