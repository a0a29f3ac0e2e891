/**
 * The notice dialog ("Choose Alice as your mentor", leaving, handing over) and the milestone
 * dialog in jsdom: each stage and its focus, what a failure keeps, and what is written.
 */

import { describe, expect, it } from 'vitest';
import { Profile } from '../../src/core/format';
import { profileTitle } from '../../src/core/titles';
import { NoticeDialog } from '../../src/ui/notice-dialog';
import { apiError } from '../unit/fakes/transport';
import { openDialog, PROGRAM, setupUi } from '../support/ui';
import { milestoneDialog, noteBox, noticeConfig } from './drivers';
import { FAILURES } from './failures';

const NOTE = 'I would like to write about painters.';

describe( 'notice dialog', () => {
	it( 'shows the form with the note focused, previews the notice in the content language, confirms and closes', async () => {
		const ui = setupUi( { userLanguage: 'ar', contentLanguage: 'en' } );
		const runs: string[] = [];
		const dialog = new NoticeDialog( noticeConfig( ui, { run: async ( note ) => {
			runs.push( note );
		} } ) );
		const o = await openDialog( dialog );
		expect( o.stage ).toBe( 'form' );
		expect( o.dialog.title.getLabel() ).toBe( 'Choose Alice as your mentor' );
		expect( o.focused() ).toBe( noteBox( o ).$input[ 0 ] );
		noteBox( o ).setValue( NOTE );
		o.click( 'preview' );
		await o.settle( () => o.stage === 'preview' );
		const $preview = o.dialog.$element.find( '.mg-preview' );
		expect( [ $preview.attr( 'lang' ), $preview.attr( 'dir' ) ] ).toEqual( [ 'en', 'ltr' ] );
		expect( $preview.text() ).toContain( NOTE );
		expect( o.focused() ).toBe( $preview[ 0 ] );
		expect( o.action( 'confirm' ).getLabel() ).toBe( 'Choose Alice' );
		o.click( 'confirm' );
		await o.waitClosed();
		expect( runs ).toEqual( [ NOTE ] );
		expect( dialog.done ).toBe( true );
		o.destroy();
	} );

	it( 'closed with ×, nothing is done', async () => {
		const ui = setupUi();
		let ran = false;
		const dialog = new NoticeDialog( noticeConfig( ui, { run: async () => {
			ran = true;
		} } ) );
		const o = await openDialog( dialog );
		o.click( 'cancel' );
		await o.waitClosed();
		expect( [ ran, dialog.done ] ).toEqual( [ false, false ] );
		o.destroy();
	} );

	it.each( FAILURES )( 'a $kind failure returns to the form with the note kept and focused', async ( failure ) => {
		const ui = setupUi();
		failure.apply( ui.wiki, ( title ) => title === 'User talk:Alice' );
		const dialog = new NoticeDialog( noticeConfig( ui, {
			run: async ( note ) => {
				await ui.env.client.edit( { title: 'User talk:Alice', text: note, summary: 'test', section: 'new', sectiontitle: 'A new mentee' } );
			},
		} ) );
		const o = await openDialog( dialog );
		noteBox( o ).setValue( NOTE );
		o.click( 'preview' );
		await o.settle( () => o.stage === 'preview' );
		o.click( 'confirm' );
		await o.settle( () => o.stage === 'form' && !!o.errorShown() );
		expect( o.errorShown() ).toContain( failure.says );
		expect( noteBox( o ).getValue() ).toBe( NOTE );
		expect( o.focused() ).toBe( noteBox( o ).$input[ 0 ] );
		expect( dialog.done ).toBe( false );
		o.destroy();
	} );

	it( 'with the optional post unticked, it skips the preview and runs at once', async () => {
		const ui = setupUi();
		const runs: boolean[] = [];
		const dialog = new NoticeDialog( noticeConfig( ui, { withNote: false, optionalPost: 'Tell my mentor', run: async ( _note, post ) => {
			runs.push( post );
		} } ) );
		const o = await openDialog( dialog );
		( o.dialog as unknown as { postBox: OO.ui.CheckboxInputWidget } ).postBox.setSelected( false );
		o.click( 'preview' );
		await o.waitClosed();
		expect( runs ).toEqual( [ false ] );
		o.destroy();
	} );
} );

describe( 'milestone dialog', () => {
	it( 'records a milestone in the coordinator\'s own profile and closes; the type is focused first', async () => {
		const ui = setupUi( { user: 'Carol' } );
		const dialog = milestoneDialog( ui );
		const o = await openDialog( dialog );
		expect( o.stage ).toBe( 'form' );
		expect( o.focused() ).not.toBeNull();
		o.click( 'save' );
		await o.waitClosed();
		expect( dialog.done ).toBe( true );
		const profile = ui.wiki.value( profileTitle( 'Carol' ) ) as Profile;
		expect( profile.recorded![ PROGRAM ]!.map( ( m ) => m.member ) ).toEqual( [ 'Bob' ] );
		o.destroy();
	} );

	it( 'a date that is not a date keeps the dialog open and says so', async () => {
		const ui = setupUi( { user: 'Carol' } );
		const o = await openDialog( milestoneDialog( ui ) );
		( o.dialog as unknown as { date: OO.ui.TextInputWidget } ).date.setValue( 'soon' );
		o.click( 'save' );
		await o.settle( () => !!o.errorShown() );
		expect( o.closed ).toBe( false );
		expect( ui.wiki.edits ).toEqual( [] );
		o.destroy();
	} );

	it( 'a protected roster keeps the dialog open with the failure shown', async () => {
		const ui = setupUi( { user: 'Carol' } );
		ui.wiki.refuseEdit = () => apiError( 'protectedpage', 'Protected.' );
		const o = await openDialog( milestoneDialog( ui ) );
		o.click( 'save' );
		await o.settle( () => !!o.errorShown() );
		expect( o.errorShown() ).toContain( 'is protected' );
		expect( o.stage ).toBe( 'form' );
		o.destroy();
	} );
} );
