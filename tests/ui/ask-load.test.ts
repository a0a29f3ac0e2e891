/**
 * The ask dialog's later steps are their own module (mentorship-core-asksend), loaded on the
 * first Preview through the loaders' withCore: meanwhile Preview is busy and the dialog stays
 * usable; when the load fails, the form says so with Retry, and nothing typed is lost; Retry
 * loads it again, and Preview goes on.
 */

import { describe, expect, it } from 'vitest';
import { setSource, withCore } from '../../src/gadgets/common/loader';
import type { LoaderLib } from '../../src/gadgets/common/lib';
import { ASK_SEND } from '../../src/ui/ask/send';
import { mouseClick, openDialog, seedProgram, setupUi, type } from '../support/ui';
import { askDialog, QUESTION, questionBox } from './drivers';

const MODULE = 'ext.gadget.mentorship-core-asksend';

describe( 'the ask dialog\'s later steps, loaded on the first Preview', () => {
	it( 'a load that fails keeps the question, says so with Retry; Retry loads them and Preview goes on', async () => {
		const ui = setupUi();
		seedProgram( ui.wiki );
		const lib = ui.mw.libs.mentorship as { askSend?: unknown };
		delete lib.askSend;
		// ResourceLoader as the loaders see it: each load of the module is a promise the test settles.
		const loads: { feature: string; load: JQuery.Deferred<unknown> }[] = [];
		setSource( ( feature ) => {
			const load = $.Deferred();
			loads.push( { feature: feature, load: load } );
			return { modules: [ MODULE ], ready: load.promise() };
		} );
		const registry: Record<string, { state: string; dependencies: string[] }> = { [ MODULE ]: { state: 'loading', dependencies: [] } };
		( ui.mw.loader as unknown as { moduleRegistry: typeof registry } ).moduleRegistry = registry;
		ui.mw.libs.mentorshipLoader = { withCore: withCore } as Partial<LoaderLib>;
		const o = await openDialog( askDialog( ui ) );
		expect( o.stage ).toBe( 'form' );
		// Opening the dialog loaded nothing more.
		expect( loads ).toEqual( [] );

		type( questionBox( o ), QUESTION );
		o.click( 'preview' );
		expect( loads.map( ( l ) => l.feature ) ).toEqual( [ 'asksend' ] );
		// Preview is busy; the dialog is not (× and Cancel still close it).
		await o.settle();
		const $button = o.action( 'preview' ).$element;
		expect( $button.attr( 'aria-busy' ) ).toBe( 'true' );
		expect( ( $button[ 0 ] as HTMLElement ).classList.contains( 'mg-loading' ) ).toBe( true );
		expect( o.stage ).toBe( 'form' );
		// A second click while it loads asks for nothing more.
		o.click( 'preview' );
		await o.settle();
		expect( loads.length ).toBe( 1 );

		registry[ MODULE ]!.state = 'error';
		loads[ 0 ]!.load.reject( new Error( 'network' ) );
		await o.settle( () => o.dialog.$element.find( '.mg-load-error' ).length === 1 );
		const $failure = o.dialog.$element.find( '.mg-load-error' );
		expect( $failure.attr( 'role' ) ).toBe( 'alert' );
		expect( $failure.text() ).toContain( 'Could not load the mentorship tools.' );
		expect( o.stage ).toBe( 'form' );
		expect( questionBox( o ).getValue() ).toBe( QUESTION );
		expect( $button.attr( 'aria-busy' ) ).toBe( 'false' );
		expect( ( $button[ 0 ] as HTMLElement ).classList.contains( 'mg-loading' ) ).toBe( false );
		expect( o.action( 'preview' ).isDisabled() ).toBe( false );

		// Retry: the module is asked for again (its state back to "registered"), and once it
		// has run, Preview goes on with what was typed.
		const $retry = $failure.find( 'button' );
		expect( $retry.text() ).toBe( 'Retry' );
		mouseClick( $retry[ 0 ] as HTMLElement );
		expect( registry[ MODULE ]!.state ).toBe( 'registered' );
		expect( loads.length ).toBe( 2 );
		expect( o.dialog.$element.find( '.mg-load-error' ).length ).toBe( 0 );
		expect( $button.attr( 'aria-busy' ) ).toBe( 'true' );
		lib.askSend = ASK_SEND;
		loads[ 1 ]!.load.resolve();
		await o.settle( () => o.stage === 'preview' );
		expect( o.dialog.$element.find( '.mg-preview' ).text() ).toContain( QUESTION );
		expect( $button.attr( 'aria-busy' ) ).toBe( 'false' );
		// Nothing was written by previewing.
		expect( ui.wiki.edits ).toEqual( [] );
		o.destroy();
	} );

	it( 'closed while they load, the dialog does not go on to the preview when they arrive; the draft is kept', async () => {
		const ui = setupUi();
		seedProgram( ui.wiki );
		const lib = ui.mw.libs.mentorship as { askSend?: unknown };
		delete lib.askSend;
		const loads: JQuery.Deferred<unknown>[] = [];
		setSource( () => {
			const load = $.Deferred();
			loads.push( load );
			return { modules: [ MODULE ], ready: load.promise() };
		} );
		ui.mw.libs.mentorshipLoader = { withCore: withCore } as Partial<LoaderLib>;
		const o = await openDialog( askDialog( ui ) );
		type( questionBox( o ), QUESTION );
		o.click( 'preview' );
		await o.settle();
		o.click( 'cancel' );
		await o.waitClosed();
		lib.askSend = ASK_SEND;
		loads[ 0 ]!.resolve();
		expect( o.stage ).toBe( 'form' );
		// Opened again: the question is back.
		const again = await openDialog( askDialog( ui ) );
		expect( questionBox( again ).getValue() ).toBe( QUESTION );
		again.destroy();
		o.destroy();
	} );
} );
