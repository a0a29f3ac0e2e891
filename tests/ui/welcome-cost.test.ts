/**
 * What opening the welcome dialogs costs on a wiki with many programs, some of them forged:
 * anyone can create a program's config page, so the cost of an open must not grow with
 * them. The listing (one request, and one per 50 configs) and the trust chain of the one
 * program chosen (kept in the user's storage, so a repeat costs none), then the check of the
 * user. A forged latest revision of the program chosen changes neither its label, nor the
 * preview, nor what is posted. Programs that cannot be used say so, and what was typed stays.
 */

import { describe, expect, it } from 'vitest';
import { configTitle, userTalkTitle } from '../../src/core/titles';
import { WelcomeBatchDialog } from '../../src/ui/welcome/batch';
import { MessageFields } from '../../src/ui/welcome/common';
import { WelcomeDialog } from '../../src/ui/welcome/dialog';
import { StagedDialog } from '../../src/ui/staged-dialog';
import { openDialog, Opened, PROGRAM, programConfig, seedProgram, setupUi, type, Ui } from '../support/ui';
import { noteBox } from './drivers';

const FORGED_TEXT = 'FORGED: go to http://spam.example instead ~~~~';
const NOTE = 'See you at the museum.';
const MANY = 60;

/** Carol's program (art), forged on top by a vandal; 60 more programs, half of them forged, some naming Carol; one closed, one broken. */
function manyPrograms(): Ui {
	const ui = setupUi( { user: 'Carol' } );
	seedProgram( ui.wiki, { mentee: 'Bob' } );
	// The latest revision of Carol's program: a vandal's, naming himself and changing the texts.
	ui.wiki.put( configTitle( PROGRAM ), programConfig( {
		name: 'Forged name',
		coordinators: [ 'Carol', 'Vandal' ],
		messages: { welcome: { label: { en: 'Welcome' }, subject: { en: 'Forged subject' }, text: { en: FORGED_TEXT }, audience: 'registered' } },
	} ), { user: 'Vandal' } );
	for ( let i = 0; i < MANY; i++ ) {
		const id = 'prog-' + ( i < 10 ? '0' : '' ) + String( i );
		ui.wiki.put( configTitle( id ), programConfig( { name: 'Program ' + String( i ), coordinators: [ 'Dana' ] } ), { user: 'Dana' } );
		if ( i % 2 ) {
			// Forged by someone who is not a coordinator: a few name Carol as coordinator.
			ui.wiki.put( configTitle( id ), programConfig( { name: 'Forged ' + String( i ), coordinators: i % 10 === 1 ? [ 'Carol' ] : [ 'Vandal' ] } ), { user: 'Vandal' } );
		}
	}
	ui.wiki.put( configTitle( 'closed' ), programConfig( { name: 'Closed program', closed: true } ), { user: 'Carol' } );
	ui.wiki.put( configTitle( 'broken' ), { version: 1, name: 'No coordinators' }, { user: 'Vandal' } );
	return ui;
}

function fields( o: Opened ): MessageFields {
	return ( o.dialog as unknown as { fields: MessageFields } ).fields;
}

/** Chooses a program in the dialog's dropdown, as a pick in its menu does. */
function choose( o: Opened, id: string ): void {
	( fields( o ) as unknown as { programInput: OO.ui.DropdownInputWidget } ).programInput.setValue( id );
}

function programLabel( o: Opened ): string {
	return o.dialog.$element.find( '.mg-welcome-program .oo-ui-dropdownWidget-handle' ).text();
}

function statusText( o: Opened ): string {
	return o.dialog.$element.find( '.mg-welcome-status' ).text();
}

async function opened( ui: Ui, dialog: WelcomeDialog | WelcomeBatchDialog ): Promise<{ o: Opened; requests: number }> {
	const before = ui.wiki.calls.length;
	const o = await openDialog<StagedDialog>( dialog );
	const requests = ui.wiki.calls.length - before;
	if ( process.env.MENTORSHIP_SHOW_COSTS ) {
		process.stdout.write( `${ dialog.constructor.name } opened with ${ requests } requests\n` );
	}
	return { o, requests };
}

describe( 'opening the welcome dialogs on a wiki with many programs', () => {
	it( 'one user: a constant number of requests (listing, one trust chain, the check), none for the chain the next time; the forged revision is neither shown nor posted', async () => {
		const ui = manyPrograms();
		const first = await opened( ui, new WelcomeDialog( { env: ui.env, user: 'Newbie' } ) );
		const o = first.o;
		expect( o.stage ).toBe( 'form' );
		// Titles (1) and configs (2: 63 pages, 50 a request), art's chain (2: its history, the
		// content of Carol's revisions), the check of Newbie (1). Reading every program's chain (the old way) took 128.
		expect( first.requests ).toBeLessThanOrEqual( 6 );
		const chains = ui.wiki.calls.filter( ( c ) => c.params.prop === 'revisions|info' );
		expect( chains.map( ( c ) => c.params.titles ) ).toEqual( [ configTitle( PROGRAM ) ] );
		// Carol's program is chosen (she coordinates it), named as its coordinators named it.
		expect( fields( o ).program()!.id ).toBe( PROGRAM );
		expect( programLabel( o ) ).toBe( 'Art mentorship' );
		expect( o.dialog.$element.text() ).not.toContain( 'Forged' );
		type( noteBox( o ), NOTE );
		o.click( 'preview' );
		await o.settle( () => o.stage === 'preview' );
		const preview = o.dialog.$element.find( '.mg-preview' ).text();
		expect( preview ).toContain( 'welcome! Sign up at' );
		expect( preview ).not.toContain( 'FORGED' );
		o.click( 'post' );
		await o.settle( () => o.stage === 'done' );
		const posted = ui.wiki.latest( userTalkTitle( 'Newbie' ) )!.content;
		expect( posted ).toContain( 'Hello Newbie, welcome!' );
		expect( posted ).toContain( NOTE );
		expect( posted ).not.toContain( 'FORGED' );
		expect( posted ).not.toContain( 'Forged subject' );
		o.destroy();

		// Again: the chain is kept in Carol's storage for the same latest revision: the listing and the check only.
		const again = await opened( ui, new WelcomeDialog( { env: ui.env, user: 'Newbie2' } ) );
		expect( again.requests ).toBe( first.requests - 2 );
		expect( programLabel( again.o ) ).toBe( 'Art mentorship' );
		again.o.destroy();
	} );

	it( 'the first choice is the program last invited to; one that is closed or has no valid config says so, and what was typed stays', async () => {
		const ui = manyPrograms();
		ui.wiki.put( configTitle( 'music' ), programConfig( { name: 'Music mentorship' } ), { user: 'Carol' } );
		const { o } = await opened( ui, new WelcomeDialog( { env: ui.env, user: 'Newbie' } ) );
		type( noteBox( o ), NOTE );
		// Unverified programs are shown by their id: neither their latest name nor a forged one.
		const labels = ( fields( o ) as unknown as { programInput: OO.ui.DropdownInputWidget } ).programInput.$element.find( 'option' ).map( ( _, e ) => $( e ).text() ).get();
		expect( labels ).toContain( 'prog-01' );
		expect( labels.join( ' ' ) ).not.toContain( 'Forged' );
		expect( labels.join( ' ' ) ).not.toContain( 'Program 0' );

		choose( o, 'closed' );
		await o.settle( () => statusText( o ).includes( 'does not take new members' ) );
		expect( statusText( o ) ).toContain( 'Choose another program' );
		expect( programLabel( o ) ).toBe( 'Closed program' );
		expect( o.action( 'preview' ).isDisabled() ).toBe( true );
		choose( o, 'broken' );
		await o.settle( () => statusText( o ).includes( 'cannot be used' ) );
		expect( programLabel( o ) ).toBe( 'broken' );
		expect( o.action( 'preview' ).isDisabled() ).toBe( true );
		// Back to a usable program: the note is still there.
		const before = ui.wiki.calls.length;
		choose( o, 'music' );
		await o.settle( () => !!fields( o ).program() && !o.action( 'preview' ).isDisabled() );
		expect( programLabel( o ) ).toBe( 'Music mentorship' );
		expect( noteBox( o ).getValue() ).toBe( NOTE );
		expect( ui.wiki.calls.length - before ).toBeLessThanOrEqual( 3 );
		o.click( 'preview' );
		await o.settle( () => o.stage === 'preview' );
		o.click( 'post' );
		await o.settle( () => o.stage === 'done' );
		expect( ui.wiki.latest( userTalkTitle( 'Newbie' ) )!.content ).toContain( 'Music mentorship' );
		o.destroy();

		// Music, invited to last, comes first now (before art, which Carol coordinates too).
		const next = await opened( ui, new WelcomeDialog( { env: ui.env, user: 'Newbie2' } ) );
		expect( fields( next.o ).program()!.id ).toBe( 'music' );
		expect( next.requests ).toBeLessThanOrEqual( 4 );
		next.o.destroy();
	} );

	it( 'a program whose settings cannot be read says so; another can be chosen, and the note stays', async () => {
		const ui = manyPrograms();
		const { o } = await opened( ui, new WelcomeDialog( { env: ui.env, user: 'Newbie' } ) );
		type( noteBox( o ), NOTE );
		ui.wiki.beforeRequest = ( params ) => params.titles === configTitle( 'prog-02' ) ? { failure: 'network', detail: 'down' } : null;
		choose( o, 'prog-02' );
		await o.settle( () => statusText( o ).includes( 'could not be read' ) );
		expect( statusText( o ) ).toContain( 'could not be reached' );
		expect( statusText( o ) ).toContain( 'Choose another program' );
		expect( o.stage ).toBe( 'form' );
		expect( o.action( 'preview' ).isDisabled() ).toBe( true );
		choose( o, PROGRAM );
		await o.settle( () => !o.action( 'preview' ).isDisabled() );
		expect( noteBox( o ).getValue() ).toBe( NOTE );
		o.destroy();
	} );

	it( 'many users: a constant number of requests to open; the message reviewed and sent is the coordinators\'', async () => {
		const ui = manyPrograms();
		const { o, requests } = await opened( ui, new WelcomeBatchDialog( { env: ui.env, names: [ 'Newbie1', 'Newbie2' ] } ) );
		expect( o.stage ).toBe( 'form' );
		// The listing (3), art's chain (2), who the user is (1, for the pace of sending).
		expect( requests ).toBeLessThanOrEqual( 6 );
		expect( programLabel( o ) ).toBe( 'Art mentorship' );
		o.click( 'review' );
		await o.settle( () => o.stage === 'preview' );
		expect( o.dialog.$element.find( '.mg-welcome-rendered' ).text() ).not.toContain( 'FORGED' );
		o.click( 'send' );
		await o.settle( () => o.stage === 'done' );
		for ( const name of [ 'Newbie1', 'Newbie2' ] ) {
			const posted = ui.wiki.latest( userTalkTitle( name ) )!.content;
			expect( posted ).toContain( 'Hello ' + name + ', welcome!' );
			expect( posted ).not.toContain( 'FORGED' );
		}
		o.destroy();
	} );

	it( 'many users: a program that cannot be used offers no review until another is chosen; the names stay', async () => {
		const ui = manyPrograms();
		const { o } = await opened( ui, new WelcomeBatchDialog( { env: ui.env, names: [ 'Newbie1' ] } ) );
		choose( o, 'broken' );
		await o.settle( () => statusText( o ).includes( 'cannot be used' ) );
		expect( o.action( 'review' ).isDisabled() ).toBe( true );
		choose( o, PROGRAM );
		await o.settle( () => !o.action( 'review' ).isDisabled() );
		expect( ( o.dialog.$element.find( '.mg-welcome-names textarea' )[ 0 ] as HTMLTextAreaElement ).value ).toBe( 'Newbie1' );
		o.click( 'review' );
		await o.settle( () => o.stage === 'preview' );
		expect( o.dialog.$element.find( '.mg-welcome-table tbody tr' ).length ).toBe( 1 );
		o.destroy();
	} );
} );
