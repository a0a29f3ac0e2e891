/**
 * Welcome and invitation journeys in Chromium on the real wiki: a coordinator invites a
 * newcomer from their talk page (preview, post; the section, the marker and the log record
 * are there), is told "already received … on …" the second time, sends a batch of six from
 * the new-users log (three sent, three left out with their reasons, progress throughout),
 * a note full of markup that neither breaks the message nor signs twice, page views that
 * cost nothing, ten invitations by an account limited to 8 edits a minute with no
 * rate-limit failure, and both journeys by keyboard alone in Arabic and Spanish.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminSession, Session } from '../../scripts/lib/accounts';
import { INVITATIONS, Invitation, ProgramConfig } from '../../src/core/format';
import { invitationLogTitle, monthOf } from '../../src/core/program-titles';
import { configTitle } from '../../src/core/titles';
import { parseInvitationMarkers } from '../../src/core/welcome/markers';
import { Composition, messageOptions } from '../../src/core/welcome/messages';
import { isoSeconds } from '../../src/core/dates';
import { Store } from '../../src/wiki/store';
import { sendInvitation } from '../../src/wiki/welcome';
import { expectAccessible, tabTo } from '../support/access';
import { config, enableGadgets, program, programId, unique, users, wiki } from '../support/fixtures';
import { apiRequests, CORE_GADGET, launch, loads, pageViewCost, shot, url, userPage } from '../support/browser';
import { HAS_DISCUSSION_TOOLS, notifications, replyControl, topic } from '../support/talk';
import { currentUser } from '../../src/wiki/current-user';

const en = JSON.parse( readFileSync( join( __dirname, '..', '..', 'i18n', 'en.json' ), 'utf8' ) ) as Record<string, string>;

let browser: Browser;

beforeAll( async () => {
	browser = await launch();
} );

afterAll( async () => {
	await browser?.close();
} );

const PRIMARY = '.oo-ui-processDialog-actions-primary .oo-ui-buttonElement-button';
const INVITE = 'An invitation to the program\'s mentorship';

interface Setup {
	id: string;
	coord: string;
	sessions: Record<string, Session>;
	cfg: ProgramConfig;
}

/** A program coordinated by a new account that has the welcome gadget on, and newcomers. */
async function setup( tag: string, newcomers: string[], cfg: Partial<ProgramConfig> = {}, groups: string[] = [] ): Promise<Setup> {
	const coord = unique( `Wel${ tag } Coord` );
	// A coordinator in `groups` (not autoconfirmed) does not create the program: on 1.43 a
	// newcomer may create one JSON page in two minutes (editcontentmodel, counted twice), and
	// the invitation log is theirs to create. A co-coordinator created it.
	const founder = groups.length ? unique( `Wel${ tag } Founder` ) : coord;
	const sessions = await users( founder === coord ? [ coord, ...newcomers ] : [ coord, founder, ...newcomers ], groups.length ? { [ coord ]: groups } : {} );
	const id = programId( 'wel' + tag.toLowerCase() );
	const full = config( { coordinators: founder === coord ? [ coord ] : [ founder, coord ], ...cfg } );
	await program( id, sessions[ founder ]!, full, [], sessions );
	await enableGadgets( sessions[ coord ]!, [ 'mentorship-welcome' ] );
	return { id, coord, sessions, cfg: full };
}

/** This month's invitation log (for screenshots; the records are read by logRecords). */
function logTitle( id: string ): string {
	return invitationLogTitle( id, monthOf( isoSeconds( Date.now() ) ) );
}

/**
 * The program's invitation records of this month and the one before: each record goes to
 * the log of the month it was sent in, and a run may cross midnight at a month's end
 * (stop 14's CI sent in November and read December's log).
 */
async function logRecords( s: Session, id: string ): Promise<Invitation[]> {
	const store = new Store( s.client );
	const now = monthOf( isoSeconds( Date.now() ) );
	const before = monthOf( isoSeconds( Date.now() - 3600 * 1000 ) );
	const months = before === now ? [ now ] : [ before, now ];
	const records: Invitation[] = [];
	for ( const month of months ) {
		const doc = await store.read( invitationLogTitle( id, month ), INVITATIONS );
		records.push( ...( doc.value ? doc.value.invitations : [] ) );
	}
	return records;
}

async function talk( s: Session, user: string ): Promise<string> {
	return ( await s.client.readPage( 'User talk:' + user ) ).content || '';
}

/** Sends an invitation from Node, as another tab or another inviter would. */
async function inviteFromNode( s: Session, id: string, cfg: ProgramConfig, user: string, kind: string ): Promise<void> {
	const texts = ( language: string, key: string ): string | null => language === 'en' ? en[ key ] || null : null;
	const option = messageOptions( cfg, 'en', texts ).find( ( o ) => o.id === kind )!;
	const c: Composition = {
		programId: id, programName: cfg.name, option, language: 'en', note: '', inviter: s.name,
		signupLabel: 'join the mentorship program', summary: '$1 (mentorship program: $2)',
	};
	await sendInvitation( { client: s.client, store: new Store( s.client ), program: { id, config: cfg }, logSummary: 'test', random: Math.random }, c, user );
}

async function block( name: string ): Promise<void> {
	const admin = await adminSession( wiki() );
	await admin.client.postWithToken( { action: 'block', user: name, expiry: 'infinite', reason: 'Welcome test block' } );
}

async function openWelcome( page: Page ): Promise<void> {
	await page.locator( '#ca-mentorship-welcome a' ).click();
	await page.locator( '.mg-welcome-dialog .mg-welcome-kind input[type=radio]' ).first().waitFor();
}

/** Every text the batch's progress line shows, as it changes. */
async function recordProgress( page: Page ): Promise<void> {
	await page.evaluate( () => {
		const seen: string[] = [];
		( window as unknown as { mgProgress: string[] } ).mgProgress = seen;
		const target = document.querySelector( '.mg-welcome-progress-text' ) as Element;
		new MutationObserver( () => {
			seen.push( target.textContent || '' );
		} ).observe( target, { childList: true, characterData: true, subtree: true } );
	} );
}

describe( 'welcome and invite', () => {
	it( 'a coordinator invites a newcomer from their talk page: preview, post; the section, the marker and the log record are on the wiki', async () => {
		const newbie = unique( 'WelOne Newbie' );
		const s = await setup( 'One', [ newbie ] );
		const user = await userPage( browser, s.coord );
		const { page } = user;
		// The page view costs nothing: against the same view with the gadget off, no API
		// request, no module but the loaders' own (on 1.43, DiscussionTools loads OOUI on
		// talk pages by itself), not the lazy code.
		const cost = await pageViewCost( user, s.sessions[ s.coord ]!, url( 'User talk:' + newbie ), [ 'mentorship-welcome' ] );
		expect( cost ).toEqual( { api: [], added: [ 'ext.gadget.mentorship-loader', 'ext.gadget.mentorship-welcome' ], lazy: [] } );
		await expect( page.locator( '#ca-mentorship-welcome a' ).textContent() ).resolves.toBe( 'Welcome / invite' );

		user.requests.length = 0;
		await openWelcome( page );
		// Opening costs the listing of the programs (their titles, their configs 50 a request),
		// the trust chain of the program chosen only (its history, its coordinators' revisions)
		// and the check of the newcomer: not a chain per program, as anyone can create one.
		// (This wiki holds every test's programs: reading each chain took 39 requests on 1.39.)
		// (A long request is posted: its parameters are in its body.)
		const opening = apiRequests( user.requests ).map( ( r ) => new URLSearchParams( new URL( r.url() ).search.slice( 1 ) + '&' + ( r.postData() || '' ) ) );
		const listing = opening.filter( ( q ) => q.get( 'list' ) === 'allpages' ||
			( q.get( 'prop' ) !== 'revisions|info' && ( q.get( 'titles' ) || '' ).split( '|' ).every( ( t ) => /^Project:Mentorship\/Programs\/[^/]+\/config\.json$/.test( t ) ) ) );
		const chains = opening.filter( ( q ) => q.get( 'prop' ) === 'revisions|info' ).map( ( q ) => q.get( 'titles' ) );
		expect( chains ).toEqual( [ configTitle( s.id ) ] );
		expect( opening.length - listing.length ).toBeLessThanOrEqual( 3 );
		await page.getByRole( 'radio', { name: INVITE } ).check();
		const note = 'See you at the museum on Saturday!';
		await page.getByRole( 'textbox', { name: 'A personal note (optional)' } ).fill( note );
		await shot( page, 'welcome-dialog' );
		await page.getByRole( 'button', { name: 'Preview' } ).click();
		await page.locator( '.mg-welcome-dialog .mg-preview h2' ).waitFor();
		const preview = await page.locator( '.mg-welcome-dialog .mg-preview' ).innerText();
		expect( preview ).toContain( 'An invitation to ' + s.cfg.name );
		expect( preview ).toContain( note );
		expect( preview ).toContain( 'join the mentorship program' );
		await shot( page, 'welcome-preview' );
		user.requests.length = 0;
		await page.getByRole( 'button', { name: 'Post' } ).click();
		const done = page.locator( '.mg-welcome-dialog [role=status] .oo-ui-messageWidget' );
		await done.waitFor();
		await expect( done.innerText() ).resolves.toContain( 'Your message to ' + newbie + ' was posted' );
		// Two edits: the post, and the record in the log.
		const edits = apiRequests( user.requests ).filter( ( r ) => r.method() === 'POST' && /action=edit/.test( r.postData() || '' ) );
		expect( edits.length ).toBe( 2 );

		const coord = s.sessions[ s.coord ]!;
		const text = await talk( coord, newbie );
		expect( text ).toContain( '== An invitation to ' + s.cfg.name + ' ==' );
		expect( text ).toContain( note );
		const marks = parseInvitationMarkers( text );
		expect( marks ).toEqual( [ { program: s.id, kind: 'invite', by: s.coord, time: expect.any( String ), id: expect.any( String ) } ] );
		const records = await logRecords( coord, s.id );
		expect( records ).toEqual( [ { user: newbie, by: s.coord, time: marks[ 0 ]!.time, kind: 'invite', lang: 'en', revid: expect.any( Number ), note: true } ] );
		const latest = await coord.client.readPage( 'User talk:' + newbie );
		expect( records[ 0 ]!.revid ).toBe( latest.revid );
		if ( HAS_DISCUSSION_TOOLS ) {
			// As on Wikimedia wikis: a topic with a reply button, and the newcomer notified (Echo).
			await page.goto( url( 'User talk:' + newbie ) );
			const invitation = topic( page, 'An invitation to ' + s.cfg.name );
			await invitation.waitFor();
			await replyControl( page, 'An invitation to ' + s.cfg.name ).waitFor();
			await shot( page, 'welcome-topic' );
			const notices = await notifications( s.sessions[ newbie ]! );
			expect( notices.filter( ( n ) => n.type === 'edit-user-talk' && n.agent && n.agent.name === s.coord ) ).toHaveLength( 1 );
		}

		await page.goto( url( logTitle( s.id ) ) );
		await shot( page, 'welcome-log' );
		await user.context.close();
	} );

	it( 'inviting the same newcomer again shows "already received … from … on …", and goes on only with a different message', async () => {
		const newbie = unique( 'WelTwice Newbie' );
		const s = await setup( 'Twice', [ newbie ] );
		await inviteFromNode( s.sessions[ s.coord ]!, s.id, s.cfg, newbie, 'invite' );
		const user = await userPage( browser, s.coord );
		const { page } = user;
		await page.goto( url( 'Special:Contributions/' + newbie ) );
		await openWelcome( page );
		const prior = page.locator( '.mg-welcome-prior' );
		await prior.waitFor();
		const said = await prior.innerText();
		expect( said ).toContain( `${ newbie } already received “${ INVITE }” from this program: sent by ${ s.coord } on ` );
		expect( said ).toMatch( new RegExp( String( new Date().getUTCFullYear() ) ) );
		// The same message cannot be chosen again; another one only after "send anyway".
		await expect( page.getByRole( 'radio', { name: INVITE + ' (already sent)' } ).isDisabled() ).resolves.toBe( true );
		const preview = page.getByRole( 'button', { name: 'Preview' } );
		await page.getByRole( 'radio', { name: 'An invitation to an event' } ).check();
		// Preview is off (aria-disabled on the button OOUI draws).
		await expect.poll( () => preview.isDisabled(), { timeout: 30000 } ).toBe( true );
		await shot( page, 'welcome-already' );
		await page.getByRole( 'checkbox', { name: 'Send a different message anyway' } ).check();
		await expect.poll( () => preview.isDisabled(), { timeout: 30000 } ).toBe( false );
		await preview.click();
		await page.locator( '.mg-welcome-dialog .mg-preview h2' ).waitFor();
		await page.getByRole( 'button', { name: 'Post' } ).click();
		await page.locator( '.mg-welcome-dialog [role=status] .oo-ui-messageWidget' ).waitFor();
		const kinds = parseInvitationMarkers( await talk( s.sessions[ s.coord ]!, newbie ) ).map( ( m ) => m.kind );
		expect( kinds ).toEqual( [ 'invite', 'event' ] );
		await user.context.close();
	} );

	it( 'a note with template syntax, pipes and signatures is shown as typed, and the message is signed once', async () => {
		const newbie = unique( 'WelNote Newbie' );
		const s = await setup( 'Note', [ newbie ] );
		const user = await userPage( browser, s.coord );
		const { page } = user;
		await page.goto( url( 'User talk:' + newbie ) );
		await openWelcome( page );
		await page.getByRole( 'radio', { name: 'A welcome', exact: true } ).check();
		const note = [
			'{{Welcome|name=x}} and {{subst:CURRENTYEAR}} | a pipe | [[Help:Editing|help]]',
			'Signed? ~~~~ ~~~ ~~~~~',
			'}} </div> == Not a heading == __NOTOC__',
		].join( '\n' );
		await page.getByRole( 'textbox', { name: 'A personal note (optional)' } ).fill( note );
		await page.getByRole( 'button', { name: 'Preview' } ).click();
		await page.locator( '.mg-welcome-dialog .mg-preview h2' ).waitFor();
		const preview = await page.locator( '.mg-welcome-dialog .mg-preview' ).innerText();
		for ( const line of note.split( '\n' ) ) {
			expect( preview ).toContain( line );
		}
		await page.getByRole( 'button', { name: 'Post' } ).click();
		await page.locator( '.mg-welcome-dialog [role=status] .oo-ui-messageWidget' ).waitFor();

		// As readers see the talk page: one section, the note as typed, the message intact, one signature.
		await page.goto( url( 'User talk:' + newbie ) );
		const content = page.locator( '#mw-content-text .mw-parser-output' );
		await expect( content.locator( 'h2' ).count() ).resolves.toBe( 1 );
		const shown = await content.innerText();
		for ( const line of note.split( '\n' ) ) {
			expect( shown ).toContain( line );
		}
		expect( shown ).toContain( 'join the mentorship program' );
		expect( shown ).toContain( 'If you ever have a question' );
		await expect( content.locator( `a[title="User:${ s.coord }"], a[title^="User:${ s.coord } ("]` ).count() ).resolves.toBe( 2 );
		const text = await talk( s.sessions[ s.coord ]!, newbie );
		expect( text.split( '[[User talk:' + s.coord + '|' ).length - 1 ).toBe( 1 );
		expect( text ).toContain( 'Signed? ~~~~ ~~~ ~~~~~' );
		await shot( page, 'welcome-note-talk-page' );
		await user.context.close();
	} );

	it( 'a batch of six from the new-users log: three sent, three left out with their reasons, progress throughout', async () => {
		const ready = [ 1, 2, 3 ].map( ( i ) => unique( `WelBatch Newbie${ i }` ) );
		const blocked = unique( 'WelBatch Blocked' );
		const already = unique( 'WelBatch Invited' );
		const ghost = unique( 'WelBatch Nobody' );
		const s = await setup( 'Batch', [ ...ready, blocked, already ] );
		await block( blocked );
		await inviteFromNode( s.sessions[ s.coord ]!, s.id, s.cfg, already, 'invite' );
		const user = await userPage( browser, s.coord );
		const { page } = user;
		await page.goto( url( 'Special:Log/newusers' ) );
		await page.waitForLoadState( 'networkidle' );
		// The log's own form loads OOUI; the gadget adds no request and none of its lazy code.
		expect( apiRequests( user.requests ).map( ( r ) => r.url() ) ).toEqual( [] );
		expect( loads( user.requests, CORE_GADGET ).map( ( r ) => r.url() ) ).toEqual( [] );
		// Each new account has its own link, named with the account.
		await expect( page.getByRole( 'button', { name: 'Welcome / invite ' + ready[ 0 ], exact: true } ).count() ).resolves.toBe( 1 );
		await page.locator( 'a.mg-log-batch' ).click();
		const names = page.getByRole( 'textbox', { name: 'Names, one a line' } );
		await names.waitFor();
		await page.locator( '.mg-welcome-batch .mg-welcome-kind input[type=radio]' ).first().waitFor();
		// The log's new accounts come prefilled.
		await expect( names.inputValue() ).resolves.toContain( ready[ 2 ] );
		await names.fill( [ ...ready.slice( 0, 2 ), blocked, ghost, already, ready[ 2 ] ].join( '\n' ) );
		await page.getByRole( 'radio', { name: INVITE } ).check();
		user.requests.length = 0;
		await page.getByRole( 'button', { name: 'Check names' } ).click();
		await page.locator( '.mg-welcome-table tbody tr' ).nth( 5 ).waitFor();
		// Before Send, the message as the wiki renders it (what will be posted), for the first one ready.
		await page.locator( '.mg-welcome-rendered .mg-preview h2' ).waitFor();
		await expect( page.locator( '.mg-welcome-rendered .mg-preview-intro' ).innerText() ).resolves.toContain( ready[ 0 ]! );
		// The checks of six users: one request (and one more to render the message).
		const requests = apiRequests( user.requests );
		expect( requests.filter( ( r ) => !/action=parse/.test( r.url() + ( r.postData() || '' ) ) ).length ).toBe( 1 );
		expect( requests.filter( ( r ) => /action=parse/.test( r.url() + ( r.postData() || '' ) ) ).length ).toBe( 1 );
		const state = ( name: string ): Promise<string> => page.locator( `.mg-welcome-table tr[data-user="${ name }"] .mg-welcome-state` ).innerText();
		await expect( state( ready[ 0 ]! ) ).resolves.toBe( 'ready' );
		await expect( state( blocked ) ).resolves.toMatch( /^left out: blocked by Admin/ );
		await expect( state( ghost ) ).resolves.toBe( 'left out: no such user' );
		await expect( state( already ) ).resolves.toMatch( new RegExp( `^left out: already received “${ INVITE }” from ${ s.coord } on ` ) );
		await expect( page.locator( '.mg-welcome-summary' ).innerText() ).resolves.toContain( '3 users are ready; 3 are left out.' );
		await shot( page, 'welcome-batch-review' );
		await recordProgress( page );
		await page.getByRole( 'button', { name: 'Send to 3 users' } ).click();
		const report = page.locator( '.mg-welcome-report' );
		await report.locator( '.mg-welcome-report-sent' ).waitFor( { timeout: 120000 } );
		const progress = await page.evaluate( () => ( window as unknown as { mgProgress: string[] } ).mgProgress );
		for ( const step of [ '1 of 3 messages done: 1 sent', '2 of 3 messages done: 2 sent', '3 of 3 messages done: 3 sent' ] ) {
			expect( progress.some( ( p ) => p.indexOf( step ) === 0 ) ).toBe( true );
		}
		const shown = await report.innerText();
		expect( shown ).toContain( '3 messages sent' );
		expect( shown ).toContain( '3 users left out' );
		expect( shown ).toContain( blocked + ': blocked by Admin' );
		expect( shown ).toContain( ghost + ': no such user' );
		expect( shown ).toContain( already + ': already received' );
		expect( shown ).not.toContain( 'failure' );
		await shot( page, 'welcome-batch-report' );

		const coord = s.sessions[ s.coord ]!;
		for ( const name of ready ) {
			expect( parseInvitationMarkers( await talk( coord, name ) ).map( ( m ) => m.kind ) ).toEqual( [ 'invite' ] );
		}
		expect( ( await coord.client.readPage( 'User talk:' + blocked ) ).exists ).toBe( false );
		expect( parseInvitationMarkers( await talk( coord, already ) ).length ).toBe( 1 );
		const records = await logRecords( coord, s.id );
		expect( records.map( ( r ) => r.user ).sort() ).toEqual( [ ...ready, already ].sort() );
		await user.context.close();
	} );

	// 8 edits a minute for an account that is not autoconfirmed; MediaWiki 1.43 counts each API
	// edit twice, so 4 (the client reads the release and says so: hitsPerApiEdit).
	const allowed = wiki().release === '1.39' ? 8 : 4;
	const count = allowed + 2;

	it( `${ count } invitations by an account limited to 8 edits a minute (${ allowed } API edits on MediaWiki ${ wiki().release }): no rate-limit failure`, async () => {
		const many = Array.from( { length: count }, ( _, i ) => unique( `WelRate Newbie${ i + 1 }` ) );
		const s = await setup( 'Rate', many, {}, [ 'unconfirmed' ] );
		const limits = await currentUser( s.sessions[ s.coord ]!.client );
		expect( limits.editLimit ).toEqual( { hits: allowed, seconds: 60 } );
		const user = await userPage( browser, s.coord );
		const { page } = user;
		const ratelimited: string[] = [];
		page.on( 'response', ( r: Response ) => {
			if ( /api\.php/.test( r.url() ) && r.request().method() === 'POST' ) {
				void r.text().then( ( body ) => {
					if ( /ratelimited/.test( body ) ) {
						ratelimited.push( body );
					}
				}, () => undefined );
			}
		} );
		await page.goto( url( 'Special:Log/newusers' ) );
		await page.locator( 'a.mg-log-batch' ).click();
		const names = page.getByRole( 'textbox', { name: 'Names, one a line' } );
		await names.waitFor();
		await page.locator( '.mg-welcome-batch .mg-welcome-kind input[type=radio]' ).first().waitFor();
		await names.fill( many.join( '\n' ) );
		await page.getByRole( 'button', { name: 'Check names' } ).click();
		await page.locator( '.mg-welcome-table tbody tr' ).nth( count - 1 ).waitFor();
		await expect( page.locator( '.mg-welcome-summary' ).innerText() ).resolves.toContain( `The wiki lets you make ${ allowed } edits in 60 seconds` );
		const started = Date.now();
		await page.getByRole( 'button', { name: `Send to ${ count } users` } ).click();
		await page.locator( '.mg-welcome-wait' ).filter( { hasText: 'to stay within the wiki\'s edit limit' } ).waitFor( { timeout: 60000 } );
		await shot( page, 'welcome-batch-pacing' );
		await page.locator( '.mg-welcome-report .mg-welcome-report-sent' ).waitFor( { timeout: 150000 } );
		const seconds = ( Date.now() - started ) / 1000;
		const shown = await page.locator( '.mg-welcome-report' ).innerText();
		expect( shown ).toContain( `${ count } messages sent` );
		expect( shown ).not.toContain( 'failure' );
		expect( ratelimited ).toEqual( [] );
		const records = await logRecords( s.sessions[ s.coord ]!, s.id );
		expect( records.length ).toBe( count );
		process.stdout.write( `[welcome] ${ count } invitations at ${ allowed } edits a minute: ${ seconds.toFixed( 1 ) } s, no ratelimited\n` );
		await user.context.close();
	} );
} );

describe.each( [ 'ar', 'es' ] )( 'welcome by keyboard, uselang=%s', ( lang ) => {
	const own = {
		welcome: {
			label: { en: 'Welcome', es: 'Bienvenida', ar: 'ترحيب' },
			subject: { es: '¡Bienvenida, $user!', ar: 'أهلا بك يا $user' },
			text: {
				es: 'Hola $user, ¡bienvenida! Soy $inviter, de $program.\n\n$note\n\nSi quieres una mentora, puedes $signup.',
				ar: 'مرحبا $user، أهلا بك! أنا $inviter من $program.\n\n$note\n\nإذا أردت مرشدا، يمكنك $signup.',
			},
		},
	};

	it( 'one user: open, choose, type, preview, post, close; focus returns to the control', async () => {
		const tag = 'Kb' + lang.toUpperCase();
		const newbie = unique( `Wel${ tag } Newbie` );
		const s = await setup( tag, [ newbie ], { messages: own } );
		const user = await userPage( browser, s.coord );
		const { page } = user;
		await page.goto( url( 'User talk:' + newbie, { uselang: lang } ) );
		await tabTo( page, '#ca-mentorship-welcome a' );
		await page.keyboard.press( 'Enter' );
		const dialog = page.locator( '.mg-welcome-dialog' );
		await dialog.locator( '.mg-welcome-kind input[type=radio]' ).first().waitFor();
		// Focus went to the chosen message (the first one: the program's welcome).
		await page.waitForFunction( () => ( document.activeElement as HTMLInputElement ).type === 'radio' );
		if ( lang === 'ar' ) {
			expect( await page.evaluate( () => getComputedStyle( document.querySelector( '.mg-welcome-dialog' ) as Element ).direction ) ).toBe( 'rtl' );
		}
		// The language of the message: the program has it in this language.
		await tabTo( page, '.mg-welcome-language .oo-ui-dropdownWidget-handle' );
		await page.keyboard.press( 'Enter' );
		const highlighted = page.locator( '.oo-ui-menuSelectWidget:visible .oo-ui-menuOptionWidget.oo-ui-optionWidget-highlighted' );
		await page.locator( '.oo-ui-menuSelectWidget:visible .oo-ui-menuOptionWidget' ).first().waitFor();
		for ( let i = 0; i < 5; i++ ) {
			await page.keyboard.press( 'ArrowDown' );
			await highlighted.waitFor();
			if ( ( await highlighted.innerText() ).includes( `(${ lang })` ) ) {
				break;
			}
		}
		await page.keyboard.press( 'Enter' );
		await expect( page.locator( '.mg-welcome-language .oo-ui-dropdownWidget-handle' ).innerText() ).resolves.toContain( `(${ lang })` );
		await tabTo( page, '.mg-welcome-note textarea' );
		// No dropdown keeps listening to the keyboard (OOUI's menus do while their handle has focus).
		await page.locator( '.oo-ui-menuSelectWidget-screenReaderMode' ).first().waitFor( { state: 'detached' } );
		await page.keyboard.type( 'Nota: {{no|template}} ~~~~' );
		await expect( dialog.locator( '.mg-welcome-note textarea' ).first().inputValue() ).resolves.toBe( 'Nota: {{no|template}} ~~~~' );
		await expectAccessible( page, '.mg-welcome-dialog' );
		await shot( page, `welcome-dialog-${ lang }` );
		await tabTo( page, PRIMARY );
		await page.keyboard.press( 'Enter' );
		await dialog.locator( '.mg-preview h2' ).waitFor();
		await shot( page, `welcome-preview-${ lang }` );
		await tabTo( page, PRIMARY );
		await page.keyboard.press( 'Enter' );
		await dialog.locator( '[role=status] .oo-ui-messageWidget' ).waitFor();
		await expectAccessible( page, '.mg-welcome-dialog' );
		await page.keyboard.press( 'Escape' );
		await dialog.waitFor( { state: 'hidden' } );
		expect( await page.evaluate( () => ( document.activeElement as HTMLElement ).closest( '#ca-mentorship-welcome' ) !== null ) ).toBe( true );
		const text = await talk( s.sessions[ s.coord ]!, newbie );
		expect( text ).toContain( lang === 'ar' ? 'أهلا بك!' : '¡bienvenida!' );
		expect( text ).toContain( '<nowiki>Nota: {{no|template}} ~~~~</nowiki>' );
		expect( ( await logRecords( s.sessions[ s.coord ]!, s.id ) )[ 0 ] ).toMatchObject( { user: newbie, kind: 'welcome', lang: lang, note: true } );
		await user.context.close();
	} );

	it( 'many users: names, check, send, report, close; focus returns to the control', async () => {
		const tag = 'KbB' + lang.toUpperCase();
		const newcomers = [ 1, 2 ].map( ( i ) => unique( `Wel${ tag } Newbie${ i }` ) );
		const s = await setup( tag, newcomers, { messages: own } );
		const user = await userPage( browser, s.coord );
		const { page } = user;
		await page.goto( url( 'Special:Log/newusers', { uselang: lang } ) );
		await tabTo( page, 'a.mg-log-batch' );
		await page.keyboard.press( 'Enter' );
		const dialog = page.locator( '.mg-welcome-batch' );
		await dialog.locator( '.mg-welcome-kind input[type=radio]' ).first().waitFor();
		await page.waitForFunction( () => ( document.activeElement as HTMLElement ).tagName === 'TEXTAREA' );
		await page.keyboard.press( 'Control+A' );
		await page.keyboard.type( newcomers.join( '\n' ) );
		await expectAccessible( page, '.mg-welcome-batch' );
		await shot( page, `welcome-batch-${ lang }` );
		await tabTo( page, PRIMARY );
		await page.keyboard.press( 'Enter' );
		await dialog.locator( '.mg-welcome-table tbody tr' ).nth( 1 ).waitFor();
		await expectAccessible( page, '.mg-welcome-batch' );
		await shot( page, `welcome-batch-review-${ lang }` );
		await tabTo( page, PRIMARY );
		await page.keyboard.press( 'Enter' );
		await dialog.locator( '.mg-welcome-report .mg-welcome-report-sent' ).waitFor( { timeout: 120000 } );
		await expectAccessible( page, '.mg-welcome-batch' );
		await shot( page, `welcome-batch-report-${ lang }` );
		await page.keyboard.press( 'Escape' );
		await dialog.waitFor( { state: 'hidden' } );
		expect( await page.evaluate( () => ( document.activeElement as HTMLElement ).closest( '.mg-log-batch' ) !== null ) ).toBe( true );
		for ( const name of newcomers ) {
			expect( parseInvitationMarkers( await talk( s.sessions[ s.coord ]!, name ) ).length ).toBe( 1 );
		}
		await page.goto( url( logTitle( s.id ), { uselang: lang } ) );
		await shot( page, `welcome-log-${ lang }` );
		await user.context.close();
	} );
} );
