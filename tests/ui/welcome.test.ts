/**
 * The welcome dialog (one user) and the batch dialog in jsdom: stages, focus, the preview
 * laid out in the message's language, posting, each failure returning to the form with the
 * note kept, and the batch's review, progress (where Escape does not close) and report.
 */

import { describe, expect, it } from 'vitest';
import { languageDir } from '../../src/core/languages';
import { configTitle, userTalkTitle } from '../../src/core/titles';
import { WelcomeBatchDialog } from '../../src/ui/welcome/batch';
import { MessageFields } from '../../src/ui/welcome/common';
import { WelcomeDialog } from '../../src/ui/welcome/dialog';
import { openDialog, Opened, programConfig, seedProgram, setupUi, type, Ui } from '../support/ui';
import { noteBox } from './drivers';
import { FAILURES } from './failures';

const NOTE = 'Glad to see you here.';

async function openWelcome( options: Parameters<typeof setupUi>[ 0 ] = {} ): Promise<{ ui: Ui; o: Opened }> {
	const ui = setupUi( { user: 'Carol', ...options } );
	seedProgram( ui.wiki, { mentee: 'Bob' } );
	return { ui: ui, o: await openDialog( new WelcomeDialog( { env: ui.env, user: 'Newbie' } ) ) };
}

function fields( o: Opened ): MessageFields {
	return ( o.dialog as unknown as { fields: MessageFields } ).fields;
}

async function toPreview( o: Opened ): Promise<void> {
	type( noteBox( o ), NOTE );
	o.click( 'preview' );
	await o.settle( () => o.stage === 'preview' );
}

describe( 'welcome dialog', () => {
	it( 'opens on the form with the message choice focused, and previews in the language of the message', async () => {
		const { ui, o } = await openWelcome( { userLanguage: 'ar', contentLanguage: 'en' } );
		expect( o.stage ).toBe( 'form' );
		expect( o.focused() ).not.toBeNull();
		expect( fields( o ).kind.$element[ 0 ]!.contains( o.focused() ) ).toBe( true );
		await toPreview( o );
		const $preview = o.dialog.$element.find( '.mg-preview' );
		const language = fields( o ).language();
		expect( $preview.attr( 'lang' ) ).toBe( language );
		expect( $preview.attr( 'dir' ) ).toBe( languageDir( language ) );
		expect( $preview.text() ).toContain( NOTE );
		expect( o.focused() ).toBe( $preview[ 0 ] );
		expect( ui.wiki.edits ).toEqual( [] );
		o.destroy();
	} );

	it( 'posts: the message is on the talk page, the result has the focus; × closes', async () => {
		const { ui, o } = await openWelcome();
		await toPreview( o );
		o.click( 'post' );
		await o.settle( () => o.stage === 'done' );
		expect( ui.wiki.latest( userTalkTitle( 'Newbie' ) )!.content ).toContain( NOTE );
		expect( o.focused() ).toBe( o.dialog.$element.find( '.mg-dialog-done a' )[ 0 ] );
		o.click( 'close' );
		await o.waitClosed();
		o.destroy();
	} );

	it.each( FAILURES )( 'a $kind failure of Post returns to the form with the note kept and says why', async ( failure ) => {
		const { ui, o } = await openWelcome();
		await toPreview( o );
		failure.apply( ui.wiki, ( title ) => title === userTalkTitle( 'Newbie' ) );
		o.click( 'post' );
		await o.settle( () => o.stage === 'form' );
		expect( o.errorShown() ).toContain( failure.says );
		expect( noteBox( o ).getValue() ).toBe( NOTE );
		expect( o.focused() ).not.toBeNull();
		o.destroy();
	} );

	it( 'someone who cannot be invited: with one program the dialog stops there; with two, the other program can still be chosen', async () => {
		const ui = setupUi( { user: 'Carol' } );
		seedProgram( ui.wiki, { mentee: 'Bob' } );
		// Inviting oneself is refused.
		const alone = await openDialog( new WelcomeDialog( { env: ui.env, user: 'Carol' } ) );
		expect( alone.stage ).toBe( 'error' );
		expect( alone.actions().map( ( a ) => a.getAction() ) ).toEqual( [ 'close' ] );
		alone.destroy();
		ui.wiki.put( configTitle( 'music' ), programConfig( { name: 'Music mentorship' } ), { user: 'Carol' } );
		const o = await openDialog( new WelcomeDialog( { env: ui.env, user: 'Carol' } ) );
		expect( o.stage ).toBe( 'form' );
		expect( o.dialog.$element.find( '.mg-welcome-status' ).text() ).toContain( 'Carol' );
		expect( o.action( 'preview' ).isDisabled() ).toBe( true );
		o.click( 'cancel' );
		await o.waitClosed();
		o.destroy();
	} );

	it( 'with no program to invite to, says so and offers Close only', async () => {
		const ui = setupUi( { user: 'Carol' } );
		const o = await openDialog( new WelcomeDialog( { env: ui.env, user: 'Newbie' } ) );
		expect( o.stage ).toBe( 'error' );
		expect( o.dialog.$element.find( '.mg-dialog-error' ).text() ).toContain( 'program' );
		expect( o.actions().map( ( a ) => a.getAction() ) ).toEqual( [ 'close' ] );
		o.destroy();
	} );
} );

describe( 'batch invitations', () => {
	async function openBatch( names: string[] ): Promise<{ ui: Ui; o: Opened }> {
		const ui = setupUi( { user: 'Carol' } );
		seedProgram( ui.wiki, { mentee: 'Bob' } );
		return { ui: ui, o: await openDialog( new WelcomeBatchDialog( { env: ui.env, names: names } ) ) };
	}

	it( 'reviews the names (focus on the summary), sends, and reports (focus on the report); Done closes', async () => {
		const { ui, o } = await openBatch( [ 'Newbie1', 'Newbie2' ] );
		expect( o.stage ).toBe( 'form' );
		expect( o.focused() ).toBe( o.dialog.$element.find( '.mg-welcome-names textarea' )[ 0 ] );
		o.click( 'review' );
		await o.settle( () => o.stage === 'preview' );
		expect( o.dialog.$element.find( '.mg-welcome-table tbody tr' ).length ).toBe( 2 );
		expect( o.focused() ).toBe( o.dialog.$element.find( '.mg-welcome-summary' )[ 0 ] );
		// The message as the wiki renders it, before anything is sent (issue 14): what Send posts.
		const $rendered = o.dialog.$element.find( '.mg-welcome-rendered' );
		expect( $rendered.find( '.mg-preview-intro' ).text() ).toContain( 'here to Newbie1' );
		expect( $rendered.find( '.mg-preview' ).attr( 'lang' ) ).toBe( 'en' );
		expect( $rendered.find( '.mg-preview h2' ).text() ).not.toBe( '' );
		const rendered = $rendered.find( '.mg-preview p' ).text();
		expect( rendered ).toContain( 'Newbie1' );
		expect( ui.wiki.edits ).toEqual( [] );
		o.click( 'send' );
		await o.settle( () => o.stage === 'done' );
		expect( o.dialog.$element.find( '.mg-welcome-report-sent' ).text() ).toContain( '2' );
		expect( ui.wiki.latest( userTalkTitle( 'Newbie1' ) ) ).toBeDefined();
		// What was posted is the text that was shown (the parse double shows the wikitext as text).
		const posted = ui.wiki.latest( userTalkTitle( 'Newbie1' ) )!.content;
		expect( posted ).toContain( rendered.split( '\n' )[ 0 ]!.slice( 0, 40 ) );
		expect( o.focused() ).toBe( o.dialog.$element.find( '.mg-welcome-report' )[ 0 ] );
		o.click( 'done' );
		await o.waitClosed();
		o.destroy();
	} );

	it( 'the program\'s own mentor and mentee are skipped in the review, saying why; only the newcomer is sent to', async () => {
		const { ui, o } = await openBatch( [ 'Alice', 'Bob', 'Newbie1' ] );
		o.click( 'review' );
		await o.settle( () => o.stage === 'preview' );
		const state = ( name: string ): string => o.dialog.$element.find( `.mg-welcome-table tr[data-user="${ name }"] .mg-welcome-state` ).text();
		expect( state( 'Alice' ) ).toContain( 'already a mentor in Art mentorship' );
		expect( state( 'Bob' ) ).toContain( 'already a mentee in Art mentorship' );
		expect( state( 'Newbie1' ) ).toBe( 'ready' );
		o.click( 'send' );
		await o.settle( () => o.stage === 'done' );
		expect( ui.wiki.latest( userTalkTitle( 'Newbie1' ) ) ).toBeDefined();
		expect( ui.wiki.latest( userTalkTitle( 'Alice' ) )!.content ).toBe( 'Talk to me.' );
		expect( ui.wiki.latest( userTalkTitle( 'Bob' ) ) ).toBeUndefined();
		o.destroy();
	} );

	it( 'while sending there is no ×, Escape does not close, and Stop ends with a report', async () => {
		const { ui, o } = await openBatch( [ 'Newbie1', 'Newbie2', 'Newbie3' ] );
		o.click( 'review' );
		await o.settle( () => o.stage === 'preview' );
		let release: () => void = () => undefined;
		const held = new Promise<void>( ( resolve ) => {
			release = resolve;
		} );
		const request = ui.wiki.request.bind( ui.wiki );
		ui.wiki.request = async ( method, params ) => {
			if ( params.action === 'edit' ) {
				await held;
			}
			return request( method, params );
		};
		o.click( 'send' );
		await o.settle( () => o.stage === 'progress' );
		expect( o.actions() ).toEqual( [] );
		expect( o.focused() ).toBe( o.dialog.$element.find( '.mg-welcome-pause .oo-ui-buttonElement-button' )[ 0 ] );
		o.escape();
		expect( o.closed ).toBe( false );
		expect( o.stage ).toBe( 'progress' );
		( o.dialog.$element.find( '.mg-welcome-stop .oo-ui-buttonElement-button' )[ 0 ] as HTMLElement ).dispatchEvent( Object.defineProperty( new MouseEvent( 'click', { bubbles: true } ), 'which', { value: 1 } ) );
		release();
		await o.settle( () => o.stage === 'done' );
		expect( o.dialog.$element.find( '.mg-welcome-report' ).text() ).toContain( 'stopped' );
		o.destroy();
	} );

	it( 'a review that fails returns to the form with the names and note kept', async () => {
		const { ui, o } = await openBatch( [ 'Newbie1' ] );
		type( noteBox( o ), NOTE );
		ui.wiki.beforeRequest = ( params ) => params.list !== undefined ? { failure: 'network', detail: 'down' } : null;
		o.click( 'review' );
		await o.settle( () => !!o.errorShown() );
		expect( o.stage ).toBe( 'form' );
		expect( o.errorShown() ).toContain( 'could not be reached' );
		expect( ( o.dialog.$element.find( '.mg-welcome-names textarea' )[ 0 ] as HTMLTextAreaElement ).value ).toBe( 'Newbie1' );
		expect( noteBox( o ).getValue() ).toBe( NOTE );
		o.destroy();
	} );
} );
