/**
 * The ask dialog in jsdom: each stage and where the focus goes, the box that does not start
 * red, the preview in the content language's direction inside an Arabic interface, and each
 * failure of Send returning to the form with the question kept.
 */

import { describe, expect, it } from 'vitest';
import { profileTitle, userTalkTitle } from '../../src/core/titles';
import { networkDown } from '../unit/fakes/transport';
import { mouseClick, openDialog, Opened, seedProgram, setupUi, type, Ui } from '../support/ui';
import { askDialog, QUESTION, questionBox } from './drivers';
import { FAILURES } from './failures';

async function openAsk( options: Parameters<typeof setupUi>[ 0 ] = {} ): Promise<{ ui: Ui; o: Opened }> {
	const ui = setupUi( options );
	seedProgram( ui.wiki );
	return { ui: ui, o: await openDialog( askDialog( ui ) ) };
}

async function toPreview( o: Opened ): Promise<void> {
	type( questionBox( o ), QUESTION );
	o.click( 'preview' );
	await o.settle( () => o.stage === 'preview' );
}

describe( 'ask dialog', () => {
	it( 'opens on the form: who receives the question, the question box focused and not red, Preview off until something is typed', async () => {
		const { o } = await openAsk();
		expect( o.stage ).toBe( 'form' );
		expect( o.dialog.$element.find( '.mg-ask-recipient' ).text() ).toContain( 'your mentor, Alice' );
		const box = questionBox( o );
		expect( o.focused() ).toBe( box.$input[ 0 ] );
		expect( o.action( 'preview' ).isDisabled() ).toBe( true );
		// Focus leaves the empty box: still not flagged (it used to turn red with `required`).
		box.$input.trigger( 'blur' );
		await new Promise( ( resolve ) => {
			box.getValidity().always( resolve );
		} );
		expect( box.hasFlag( 'invalid' ) ).toBe( false );
		expect( box.$input.attr( 'aria-invalid' ) ).toBeUndefined();
		expect( box.$input.attr( 'aria-required' ) ).toBe( 'true' );
		type( box, QUESTION );
		expect( o.action( 'preview' ).isDisabled() ).toBe( false );
		o.destroy();
	} );

	it( 'previews what will be posted, in the content language\'s direction inside an Arabic interface, with the focus on it', async () => {
		const { ui, o } = await openAsk( { userLanguage: 'ar', contentLanguage: 'en' } );
		await toPreview( o );
		const $preview = o.dialog.$element.find( '.mg-preview' );
		expect( $preview.attr( 'lang' ) ).toBe( 'en' );
		expect( $preview.attr( 'dir' ) ).toBe( 'ltr' );
		expect( $preview.find( 'h2' ).length ).toBe( 1 );
		expect( $preview.text() ).toContain( QUESTION );
		expect( o.focused() ).toBe( $preview[ 0 ] );
		// Nothing was written by previewing.
		expect( ui.wiki.edits ).toEqual( [] );
		o.destroy();
	} );

	it( 'previews right to left when the wiki writes Arabic', async () => {
		const { o } = await openAsk( { userLanguage: 'en', contentLanguage: 'ar' } );
		await toPreview( o );
		const $preview = o.dialog.$element.find( '.mg-preview' );
		expect( [ $preview.attr( 'lang' ), $preview.attr( 'dir' ) ] ).toEqual( [ 'ar', 'rtl' ] );
		o.destroy();
	} );

	it( 'Back returns to the form with the question kept and focused', async () => {
		const { o } = await openAsk();
		await toPreview( o );
		o.click( 'back' );
		await o.settle( () => o.stage === 'form' );
		expect( questionBox( o ).getValue() ).toBe( QUESTION );
		expect( o.focused() ).toBe( questionBox( o ).$input[ 0 ] );
		o.destroy();
	} );

	it( 'sends: the question is on the mentor\'s talk page, the result links to it and has the focus, the draft is gone; Done closes', async () => {
		const { ui, o } = await openAsk();
		await toPreview( o );
		o.click( 'send' );
		await o.settle( () => o.stage === 'done' );
		expect( ui.wiki.latest( userTalkTitle( 'Alice' ) )!.content ).toContain( QUESTION );
		const link = o.dialog.$element.find( '.mg-dialog-done a' )[ 0 ];
		expect( link && link.getAttribute( 'href' ) ).toContain( 'User_talk%3AAlice' );
		expect( o.focused() ).toBe( link );
		expect( ui.mw.storage.get( 'mg-draft-ask-Tester' ) ).toBeNull();
		o.click( 'done' );
		await o.waitClosed();
		o.destroy();
	} );

	it.each( FAILURES )( 'a $kind failure of Send returns to the form with the question kept, says why, and focuses the question', async ( failure ) => {
		const { ui, o } = await openAsk();
		await toPreview( o );
		failure.apply( ui.wiki, ( title ) => title === userTalkTitle( 'Alice' ) );
		o.click( 'send' );
		await o.settle( () => o.stage === 'form' );
		expect( o.errorShown() ).toContain( failure.says );
		expect( questionBox( o ).getValue() ).toBe( QUESTION );
		expect( o.focused() ).toBe( questionBox( o ).$input[ 0 ] );
		// The log-in button's icon comes with it (no first click loads that icon pack).
		expect( ui.mw.loader.requested ).toEqual( failure.kind === 'session' ? [ 'oojs-ui.styles.icons-interactions' ] : [] );
		// And the draft survives a closed tab.
		expect( ui.mw.storage.get( 'mg-draft-ask-Tester' ) ).toContain( 'museum catalogue' );
		o.destroy();
	} );

	it( 'closed with × right after typing and opened again: the question is back; emptied and closed: it stays empty', async () => {
		const ui = setupUi();
		seedProgram( ui.wiki );
		const first = await openDialog( askDialog( ui ) );
		type( questionBox( first ), QUESTION );
		first.click( 'cancel' );
		await first.waitClosed();
		first.destroy();
		// At once, before the typing pause that saves a draft would have passed.
		const second = await openDialog( askDialog( ui ) );
		expect( questionBox( second ).getValue() ).toBe( QUESTION );
		type( questionBox( second ), '' );
		second.click( 'cancel' );
		await second.waitClosed();
		second.destroy();
		const third = await openDialog( askDialog( ui ) );
		expect( questionBox( third ).getValue() ).toBe( '' );
		expect( ui.mw.storage.get( 'mg-draft-ask-Tester' ) ).toBeNull();
		third.destroy();
	} );

	it( 'after an edit-filter warning, "Send anyway" sends the same question', async () => {
		const { ui, o } = await openAsk();
		await toPreview( o );
		let warned = false;
		ui.wiki.refuseEdit = ( params ) => {
			if ( !warned && params.title === userTalkTitle( 'Alice' ) ) {
				warned = true;
				return { errors: [ { code: 'abusefilter-warning', text: 'Warning', module: 'edit', data: { abusefilter: { id: 1, description: 'Many capitals' } } } ] };
			}
			return null;
		};
		o.click( 'send' );
		await o.settle( () => o.stage === 'form' && !!o.errorShown() );
		expect( o.errorShown() ).toContain( 'warns about this edit' );
		const $anyway = o.dialog.$element.find( '.mg-error-actions .oo-ui-buttonElement-button' );
		expect( $anyway.text() ).toBe( 'Send anyway' );
		mouseClick( $anyway[ 0 ]! );
		await o.settle( () => o.stage === 'done' );
		expect( ui.wiki.latest( userTalkTitle( 'Alice' ) )!.content ).toContain( QUESTION );
		o.destroy();
	} );

	it( 'a preview that cannot be made leaves the form as it was, with the failure shown', async () => {
		const { ui, o } = await openAsk();
		type( questionBox( o ), QUESTION );
		ui.wiki.beforeRequest = ( params ) => params.action === 'parse' ? networkDown : null;
		o.click( 'preview' );
		await o.settle( () => !!o.errorShown() );
		expect( o.stage ).toBe( 'form' );
		expect( o.errorShown() ).toContain( 'could not be reached' );
		expect( questionBox( o ).getValue() ).toBe( QUESTION );
		o.destroy();
	} );

	it( 'a dialog that cannot load says so, with the focus on the reason and Close', async () => {
		const ui = setupUi();
		ui.wiki.beforeRequest = () => networkDown;
		const o = await openDialog( askDialog( ui ) );
		expect( o.stage ).toBe( 'error' );
		expect( o.dialog.$element.find( '.mg-dialog-error' ).text() ).toContain( 'could not be reached' );
		expect( o.focused() ).toBe( o.dialog.$element.find( '.mg-dialog-error' )[ 0 ] );
		expect( o.actions().map( ( a ) => a.getAction() ).sort() ).toEqual( [ 'close' ] );
		o.destroy();
	} );

	it( 'a mentor away with no backup, in a program with no help desk, still gets the question; the mentee is told they may answer late', async () => {
		const ui = setupUi();
		seedProgram( ui.wiki, { config: { helpDesk: undefined } } );
		ui.wiki.put( profileTitle( 'Alice' ), {
			version: 1,
			programs: { art: { role: 'mentor', joined: '2026-01-10T09:00:00Z', topics: [ 'Painting' ], languages: [ 'en' ], capacity: 3, status: 'away', awayUntil: '2099-03-01' } },
		}, { user: 'Alice' } );
		const o = await openDialog( askDialog( ui ) );
		expect( o.stage ).toBe( 'form' );
		const recipient = o.dialog.$element.find( '.mg-ask-recipient' ).text();
		expect( recipient ).not.toContain( 'no mentor' );
		expect( recipient ).toMatch( /Alice, is away until .*2099.* may answer late/ );
		expect( questionBox( o ).isDisabled() ).toBe( false );
		expect( o.focused() ).toBe( questionBox( o ).$input[ 0 ] );
		await toPreview( o );
		o.click( 'send' );
		await o.settle( () => o.stage === 'done' );
		expect( ui.wiki.latest( userTalkTitle( 'Alice' ) )!.content ).toContain( QUESTION );
		o.destroy();
	} );

	it( 'someone outside the program is told how to find a mentor; the box stays off and the focus is on the link', async () => {
		const ui = setupUi();
		seedProgram( ui.wiki, { mentee: 'Someone else' } );
		const o = await openDialog( askDialog( ui ) );
		expect( o.stage ).toBe( 'form' );
		expect( questionBox( o ).isDisabled() ).toBe( true );
		const link = o.dialog.$element.find( '.mg-ask-recipient a' )[ 0 ];
		expect( link && link.getAttribute( 'href' ) ).toBe( '/panel' );
		expect( o.focused() ).toBe( link );
		o.destroy();
	} );
} );
