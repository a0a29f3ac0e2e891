/**
 * A dialog that is still loading (the wiki is slow to answer) is open, and closes with its ×
 * and with Escape: a window that is still being set up cannot be closed, so no dialog may
 * wait for the wiki in its setup.
 */

import { describe, expect, it } from 'vitest';
import { StagedDialog } from '../../src/ui/staged-dialog';
import { WelcomeBatchDialog } from '../../src/ui/welcome/batch';
import { WelcomeDialog } from '../../src/ui/welcome/dialog';
import { Opened, seedProgram, setupUi, Ui } from '../support/ui';
import { askDialog } from './drivers';

const DIALOGS: [ string, ( ui: Ui ) => StagedDialog ][] = [
	[ 'ask', ( ui ) => askDialog( ui ) ],
	[ 'welcome', ( ui ) => new WelcomeDialog( { env: ui.env, user: 'Newbie' } ) ],
	[ 'batch', ( ui ) => new WelcomeBatchDialog( { env: ui.env, names: [ 'Newbie1' ] } ) ],
];

describe.each( DIALOGS )( 'the %s dialog while the wiki has not answered', ( _name, make ) => {
	it.each( [ '×', 'Escape' ] )( 'closes with %s', async ( how ) => {
		const ui = setupUi( { user: 'Carol' } );
		seedProgram( ui.wiki, { mentee: 'Bob' } );
		const request = ui.wiki.request.bind( ui.wiki );
		let answered = false;
		// The wiki answers nothing until the dialog is closed.
		const held: ( () => void )[] = [];
		ui.wiki.request = ( method, params ) => new Promise<void>( ( resolve ) => {
			held.push( resolve );
		} ).then( () => {
			answered = true;
			return request( method, params );
		} );
		const dialog = make( ui );
		const manager = new OO.ui.WindowManager();
		$( document.body ).append( manager.$element );
		manager.addWindows( [ dialog ] );
		const instance = manager.openWindow( dialog );
		const o = new Opened( dialog, manager );
		void instance.closed.then( () => {
			o.closed = true;
		} );
		await instance.opened;
		expect( o.stage ).toBe( 'loading' );
		expect( held.length ).toBeGreaterThan( 0 );
		// The dialog has the focus already: a key pressed now reaches it, not the page.
		const focused = document.activeElement as HTMLElement;
		expect( $.contains( dialog.$element[ 0 ] as HTMLElement, focused ) ).toBe( true );
		if ( how === '×' ) {
			o.click( 'cancel' );
		} else {
			$( focused ).trigger( $.Event( 'keydown', { which: OO.ui.Keys.ESCAPE, keyCode: OO.ui.Keys.ESCAPE } ) );
		}
		await o.waitClosed();
		expect( o.closed ).toBe( true );
		expect( answered ).toBe( false );
		held.forEach( ( go ) => go() );
		o.destroy();
	} );
} );
