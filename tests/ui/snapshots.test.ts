/**
 * Dated snapshots (issue 18), in jsdom with real OOUI: the dashboard's snapshots section
 * (Publish for a coordinator, the snapshots that count, the trends), the publish dialog
 * (form → preview of the table page → done; a failure returns to the form with the note
 * kept), two snapshots a month apart (the clock injected) giving a trend, and a forged
 * snapshot set aside.
 */

import { afterEach, describe, expect, it, vi } from 'vitest';
import { snapshotTableTitle, snapshotTitle } from '../../src/core/snapshot';
import { snapshotsSection } from '../../src/ui/console/snapshots';
import { networkDown } from '../unit/fakes/transport';
import { mouseClick, openDialog, PROGRAM, seedProgram, setupUi, type, Ui } from '../support/ui';
import { snapshotContext, snapshotDialog } from './drivers';

const MONTH = 30 * 86400000;

afterEach( () => {
	$( document.body ).empty();
} );

async function section( ui: Ui ): Promise<JQuery> {
	const ctx = snapshotContext( ui );
	const $s = snapshotsSection( ctx );
	$( document.body ).append( $s );
	await vi.waitFor( () => {
		if ( $s.attr( 'aria-busy' ) ) {
			throw new Error( 'loading' );
		}
	}, { timeout: 3000, interval: 5 } );
	return $s;
}

async function publish( ui: Ui, note: string ): Promise<void> {
	const opened = await openDialog( snapshotDialog( ui ) );
	type( ( opened.dialog as unknown as { note: OO.ui.TextInputWidget } ).note, note );
	opened.click( 'preview' );
	await opened.settle( () => opened.stage === 'preview' );
	opened.click( 'publish' );
	await opened.settle( () => opened.stage === 'done' );
	opened.destroy();
}

describe( 'the dashboard\'s snapshots', () => {
	it( 'offers Publish to a coordinator and says no snapshot counts yet', async () => {
		const ui = setupUi( { user: 'Carol' } );
		seedProgram( ui.wiki, { mentee: 'Bob' } );
		const $s = await section( ui );
		expect( $s.find( '.mg-snapshot-publish' ) ).toHaveLength( 1 );
		expect( $s.text() ).toContain( 'No snapshot published by a coordinator in the last 13 months.' );
		expect( $s.text() ).toContain( 'Trends show once two snapshots on different days count.' );
	} );

	it( 'speaks the user\'s language (Arabic)', async () => {
		const ui = setupUi( { user: 'Carol', userLanguage: 'ar' } );
		seedProgram( ui.wiki, { mentee: 'Bob' } );
		const $s = await section( ui );
		expect( $s.find( 'h3' ).text() ).toBe( 'اللقطات والاتجاهات' );
		expect( $s.find( '.mg-snapshot-publish' ).text() ).toBe( 'نشر لقطة' );
		expect( $s.text() ).not.toMatch( /⧼|mentorship-snapshots/ );
	} );

	it( 'offers no Publish to anyone else', async () => {
		const ui = setupUi( { user: 'Bob' } );
		seedProgram( ui.wiki, { mentee: 'Bob' } );
		const $s = await section( ui );
		expect( $s.find( '.mg-snapshot-publish' ) ).toHaveLength( 0 );
	} );

	it( 'publishes through a preview of the table page, the note shown as typed', async () => {
		const ui = setupUi( { user: 'Carol' } );
		seedProgram( ui.wiki, { mentee: 'Bob' } );
		const opened = await openDialog( snapshotDialog( ui ) );
		expect( opened.stage ).toBe( 'form' );
		const note = 'Month one <b>{{boom}}</b> ~~~~';
		type( ( opened.dialog as unknown as { note: OO.ui.TextInputWidget } ).note, note );
		opened.click( 'preview' );
		await opened.settle( () => opened.stage === 'preview' );
		const parse = ui.wiki.calls.filter( ( c ) => c.params.action === 'parse' ).pop();
		expect( parse!.params.title ).toBe( snapshotTableTitle( PROGRAM, '2026-01-20' ) );
		expect( String( parse!.params.text ) ).toContain( '<nowiki>Month one &lt;b&gt;{{boom}}&lt;/b&gt; ~~~~</nowiki>' );
		expect( ui.wiki.edits ).toHaveLength( 0 );
		opened.click( 'publish' );
		await opened.settle( () => opened.stage === 'done' );
		const json = ui.wiki.value( snapshotTitle( PROGRAM, '2026-01-20' ) ) as { by: string; note: string; members: Record<string, unknown> };
		expect( json ).toMatchObject( { by: 'Carol', note: note } );
		expect( Object.keys( json.members ).sort() ).toEqual( [ 'Alice', 'Bob' ] );
		expect( ui.wiki.latest( snapshotTableTitle( PROGRAM, '2026-01-20' ) )!.content ).toContain( '{| class="wikitable sortable"' );
		expect( opened.dialog.$element.find( '.mg-dialog-done a' ).map( ( _i, a ) => $( a ).text() ).get() )
			.toEqual( [ snapshotTableTitle( PROGRAM, '2026-01-20' ), snapshotTitle( PROGRAM, '2026-01-20' ) ] );
	} );

	it( 'warns that today\'s snapshot exists, and a failure returns to the form with the note kept', async () => {
		const ui = setupUi( { user: 'Carol' } );
		seedProgram( ui.wiki, { mentee: 'Bob' } );
		await publish( ui, 'first' );
		const opened = await openDialog( snapshotDialog( ui ) );
		expect( opened.dialog.$element.find( '.mg-dialog-status' ).text() ).toContain( 'exists already (last edited by Carol)' );
		const box = ( opened.dialog as unknown as { note: OO.ui.TextInputWidget } ).note;
		type( box, 'second thoughts' );
		opened.click( 'preview' );
		await opened.settle( () => opened.stage === 'preview' );
		ui.wiki.beforeRequest = ( p ) => p.action === 'edit' ? networkDown : null;
		opened.click( 'publish' );
		await opened.settle( () => opened.stage === 'form' && !!opened.errorShown() );
		expect( box.getValue() ).toBe( 'second thoughts' );
		expect( ( ui.wiki.value( snapshotTitle( PROGRAM, '2026-01-20' ) ) as { note: string } ).note ).toBe( 'first' );
	} );

	it( 'shows the trend of two snapshots a month apart, and sets a forged one aside unread', async () => {
		const ui = setupUi( { user: 'Carol' } );
		seedProgram( ui.wiki, { mentee: 'Bob' } );
		await publish( ui, 'one' );
		ui.clock.time += MONTH;
		await publish( ui, 'two' );
		const forged = snapshotTitle( PROGRAM, '2026-02-10' );
		ui.wiki.put( forged, { ...( ui.wiki.value( snapshotTitle( PROGRAM, '2026-01-20' ) ) as object ), date: '2026-02-10' }, { user: 'Mallory' } );
		const before = ui.wiki.calls.length;
		const $s = await section( ui );
		const read = ui.wiki.calls.slice( before ).filter( ( c ) => String( c.params.rvprop || '' ).includes( 'content' ) ).map( ( c ) => String( c.params.titles ) ).join( '|' );
		expect( read ).not.toContain( '2026-02-10' );
		expect( $s.find( '.mg-snapshots-set-aside' ).text() ).toContain( 'last edited by Mallory, who does not coordinate the program' );
		expect( $s.text() ).toContain( '2 snapshots count' );
		const $rows = $s.find( '.mg-trends tbody tr' );
		expect( $rows.map( ( _i, r ) => $( r ).attr( 'data-period' ) ).get() ).toEqual( [ 'term', 'year' ] );
		expect( $rows.first().text() ).toContain( 'Over a term (90 days)' );
		expect( $rows.first().find( '.mg-trend-stages' ).text() ).toMatch( /moved up, .* moved down, .* stayed/ );
		// Keyboard: the Publish button is a real button, reachable and usable.
		const button = $s.find( '.mg-snapshot-publish a' )[ 0 ] as HTMLElement;
		expect( button.getAttribute( 'tabindex' ) ).toBe( '0' );
		mouseClick( button );
	} );
} );
