/**
 * Good work is recognised (issue 18), in jsdom with real OOUI: the mentor's praise
 * suggestions (the mentee as text; a mentee who hid them neither asked about nor shown),
 * "Thank for the edit" only where the wiki has the Thanks extension, and the thanks dialog:
 * the mentor's words previewed, posted signed on the mentee's talk page, the milestone
 * recorded in the mentor's own profile.
 */

import { afterEach, describe, expect, it, vi } from 'vitest';
import { Profile } from '../../src/core/format';
import { praiseSection } from '../../src/ui/panel/praise';
import { MentorView } from '../../src/wiki/membership';
import { ApiParams, ApiResponse } from '../../src/wiki/transport';
import { listParam } from '../unit/fakes/transport';
import { mouseClick, openDialog, programConfig, setupUi, type, Ui } from '../support/ui';
import { mentorContext, noteBox, praiseDialog } from './drivers';

const TITLE = 'Monet <img src=x onerror=alert(1)>';

function view( names: string[], hidden?: string ): MentorView {
	return {
		loaded: { state: { id: 'art', config: programConfig(), profiles: { Tester: null } } },
		viewer: { name: 'Tester' },
		mentees: names.map( ( name ) => ( {
			name: name,
			membership: { role: 'mentee', joined: '2026-01-01T00:00:00Z', mentor: 'Tester', topics: [], languages: [], hidePraise: name === hidden ? true : undefined },
			user: { name: name, exists: true, invalid: false, groups: [], gender: name === 'Noor' ? 'female' : 'unknown' },
			activity: { count: name === 'Busy' ? 12 : 0, capped: false },
		} ) ),
		replies: [],
		repliesComplete: true,
	} as unknown as MentorView;
}

/** The wiki answers the creations query and thanks; every request is counted. */
function answer( ui: Ui ): ApiParams[] {
	const calls: ApiParams[] = [];
	const base = ui.wiki.request.bind( ui.wiki );
	ui.wiki.request = async ( method: 'GET' | 'POST', params: ApiParams ): Promise<ApiResponse> => {
		if ( params.list === 'usercontribs' ) {
			calls.push( params );
			const users = listParam( params.ucuser );
			return { batchcomplete: true, query: { usercontribs: users.includes( 'Noor' ) ? [ { user: 'Noor', ns: 0, revid: 201, title: TITLE, timestamp: '2026-01-18T10:00:00Z' } ] : [] } };
		}
		if ( params.action === 'thank' ) {
			calls.push( params );
			return { result: { success: 1, recipient: 'Noor' } };
		}
		return base( method, params );
	};
	return calls;
}

function withThanks( on: boolean ): void {
	( mw as unknown as { loader: unknown } ).loader = { getState: ( name: string ) => ( on && name === 'ext.thanks' ? 'registered' : null ) };
}

afterEach( () => {
	delete ( mw as unknown as { loader?: unknown } ).loader;
	$( document.body ).empty();
} );

function button( $root: JQuery, label: string ): HTMLElement {
	const found = $root.find( '.oo-ui-buttonElement-button' ).toArray().filter( ( b ) => b.textContent === label )[ 0 ];
	expect( found, 'a button ' + label ).toBeDefined();
	return found as HTMLElement;
}

describe( 'the mentor\'s praise suggestions', () => {
	it( 'lists the mentees who qualify, as text; not one who hid suggestions; thanks for the edit where the wiki has Thanks', async () => {
		const ui = setupUi();
		withThanks( true );
		const calls = answer( ui );
		const $section = praiseSection( mentorContext( ui ), view( [ 'Noor', 'Busy', 'Quiet', 'Shy' ], 'Shy' ) );
		$( document.body ).append( $section );
		expect( $section.find( 'h3' ).text() ).toBe( 'Good work' );
		await vi.waitFor( () => expect( $section.find( 'li' ).length ).toBeGreaterThan( 0 ) );
		// One request: the creations of the three mentees who did not hide suggestions.
		expect( calls ).toHaveLength( 1 );
		expect( listParam( calls[ 0 ]!.ucuser ) ).toEqual( [ 'Noor', 'Busy', 'Quiet' ] );
		expect( $section.find( 'li' ).toArray().map( ( li ) => $( li ).children( 'span' ).first().text() ) ).toEqual( [
			'Busy made 12 edits in the last 30 days. ',
			'Noor created her first article: ' + TITLE + ' ',
		] );
		expect( $section.find( 'img' ) ).toHaveLength( 0 );
		expect( $section.find( 'li[data-mentee="Shy"]' ) ).toHaveLength( 0 );
		// The edit counts came from the tab: no revision to thank for, so only Noor's item offers it.
		expect( $section.find( 'li[data-mentee="Busy"] .oo-ui-buttonElement-button' ).toArray().map( ( b ) => b.textContent ) ).toEqual( [ 'Thank' ] );
		const $noor = $section.find( 'li[data-mentee="Noor"]' );
		mouseClick( button( $noor, 'Thank for the edit' ) );
		await vi.waitFor( () => expect( $noor.text() ).toContain( 'Edit thanked' ) );
		expect( calls[ 1 ] ).toMatchObject( { action: 'thank', rev: 201, source: 'mentorship' } );
		// "Thank" opens the thanks dialog, about Noor.
		mouseClick( button( $noor, 'Thank' ) );
		await vi.waitFor( () => expect( $( document.body ).find( '.mg-praise-dialog .oo-ui-processDialog-title' ).text() ).toBe( 'Thank Noor' ) );
	} );

	it( 'offers no thanks for an edit where the wiki has no Thanks extension', async () => {
		const ui = setupUi();
		withThanks( false );
		answer( ui );
		const $section = praiseSection( mentorContext( ui ), view( [ 'Noor' ] ) );
		$( document.body ).append( $section );
		await vi.waitFor( () => expect( $section.find( 'li' ).length ).toBe( 1 ) );
		expect( $section.find( '.oo-ui-buttonElement-button' ).toArray().map( ( b ) => b.textContent ) ).toEqual( [ 'Thank' ] );
	} );
} );

describe( 'the thanks dialog', () => {
	it( 'previews the mentor\'s words as typed, posts them signed on the mentee\'s talk page, and records the milestone', async () => {
		const ui = setupUi();
		const opened = await openDialog( praiseDialog( ui ) );
		expect( noteBox( opened ).getValue() ).toBe( 'Well done, Noor, and thank you for your work!' );
		type( noteBox( opened ), 'Great }} work | ~~~~ <nowiki> [[Category:X]]' );
		opened.click( 'preview' );
		await opened.settle( () => opened.stage === 'preview' );
		const preview = ( opened.dialog as unknown as { $preview: JQuery } ).$preview.text();
		// (The test wiki's parser shows the wikitext: the words are inside nowiki, their own tag escaped.)
		expect( preview ).toContain( '<nowiki>Great }} work | ~~~~ &lt;nowiki&gt; [[Category:X]]</nowiki>' );
		opened.click( 'post' );
		await opened.settle( () => opened.stage === 'done' );
		const page = ui.wiki.latest( 'User talk:Noor' )!;
		expect( page.content ).toContain( '== Well done, Noor! ==' );
		expect( page.content ).toContain( '[[Claude Monet]]' );
		// One signature (the mentor's); what they typed is inside nowiki.
		expect( page.content.replace( /<nowiki>[^]*?<\/nowiki>/g, '' ).split( '~~~~' ) ).toHaveLength( 2 );
		const profile = ui.wiki.value( 'User:Tester/mentorship.json' ) as Profile;
		expect( profile.recorded!.art ).toEqual( [ { member: 'Noor', type: 'first-article', time: '2026-01-18T09:00:00Z', note: 'Claude Monet' } ] );
		expect( opened.dialog.$element.text() ).toContain( 'Your thanks to Noor is posted and kept as a milestone:' );
		opened.click( 'done' );
		await opened.waitClosed();
	} );
} );
