/**
 * Graduating a mentee (issue 18), in jsdom with real OOUI: the dialog says why the mentee may
 * graduate, previews the recognition and the certificate with the mentor's words as typed
 * (hostile input stays text), posts the recognition signed on the mentee's talk page, writes
 * the certificate in the program's folder and records the milestone in the mentor's own
 * profile; posting again after a failure writes nothing twice. A mentee who may not graduate
 * yet gets no preview.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { Profile } from '../../src/core/format';
import { certificateTitle } from '../../src/core/graduation';
import { GraduationDialog } from '../../src/ui/graduation/dialog';
import { apiError } from '../unit/fakes/transport';
import { openDialog, PROGRAM, setupUi, type } from '../support/ui';
import { graduationDialog, mentorContext, noteBox } from './drivers';

const HOSTILE = 'Bravo }} | ~~~~ </nowiki><img src=x onerror=alert(1)> [[Category:X]]';

afterEach( () => {
	$( document.body ).empty();
} );

describe( 'the graduation dialog', () => {
	it( 'previews the recognition and the certificate, posts signed, writes the certificate and records the milestone', async () => {
		const ui = setupUi();
		const opened = await openDialog( graduationDialog( ui ) );
		const $dialog = opened.dialog.$element;
		expect( $dialog.find( '.mg-graduation-due' ).text() ).toBe( 'Noor\'s term ended on January 10, 2026: she may graduate.' );
		expect( noteBox( opened ).getValue() ).toBe( 'It was a pleasure to mentor you, Noor. Well done!' );
		type( noteBox( opened ), HOSTILE );
		opened.click( 'preview' );
		await opened.settle( () => opened.stage === 'preview' );
		expect( $dialog.find( 'img' ) ).toHaveLength( 0 );
		// (The test wiki's parser shows the wikitext: the words are inside nowiki, their own tags escaped.)
		const escaped = '<nowiki>Bravo }} | ~~~~ &lt;/nowiki&gt;&lt;img src=x onerror=alert(1)&gt; [[Category:X]]</nowiki>';
		expect( ( opened.dialog as unknown as { $preview: JQuery } ).$preview.text() ).toContain( escaped );
		expect( $dialog.find( '.mg-graduation-certificate' ).text() ).toContain( 'Certificate of completion' );
		expect( $dialog.find( '.mg-graduation-certificate' ).text() ).toContain( escaped );

		opened.click( 'post' );
		await opened.settle( () => opened.stage === 'done' );
		const talk = ui.wiki.latest( 'User talk:Noor' )!;
		expect( talk.content ).toContain( '== Congratulations, Noor: you graduated from Art mentorship! ==' );
		expect( talk.content ).toContain( escaped );
		expect( talk.content ).toContain( 'view=join&as=mentor}} Become a mentor (one click)]' );
		expect( talk.content.replace( /<nowiki>[^]*?<\/nowiki>/g, '' ).split( '~~~~' ) ).toHaveLength( 2 );
		const certificate = ui.wiki.latest( certificateTitle( PROGRAM, 'Noor' ) )!;
		expect( certificate.content ).toContain( 'This certifies that [[User:Noor|Noor]] completed the mentorship program Art mentorship' );
		expect( certificate.content ).toContain( escaped );
		const profile = ui.wiki.value( 'User:Tester/mentorship.json' ) as Profile;
		expect( profile.recorded![ PROGRAM ] ).toEqual( [ expect.objectContaining( { member: 'Noor', type: 'graduated', note: certificateTitle( PROGRAM, 'Noor' ) } ) ] );
		expect( $dialog.text() ).toContain( 'Noor graduated. The recognition:' );
		expect( $dialog.find( '.mg-graduation-certificate-link' ).text() ).toBe( certificateTitle( PROGRAM, 'Noor' ) );
		opened.click( 'done' );
		await opened.waitClosed();
	} );

	it( 'writes nothing twice when posting again after a failure', async () => {
		const ui = setupUi();
		const opened = await openDialog( graduationDialog( ui ) );
		opened.click( 'preview' );
		await opened.settle( () => opened.stage === 'preview' );
		// The profile cannot be saved the first time: the certificate and the post are written, then it fails.
		let failed = false;
		ui.wiki.refuseEdit = ( params ) => {
			if ( !failed && params.title === 'User:Tester/mentorship.json' ) {
				failed = true;
				return apiError( 'protectedpage', 'This page has been protected to prevent editing or other actions.' );
			}
			return null;
		};
		opened.click( 'post' );
		await opened.settle( () => opened.stage === 'form' );
		expect( failed ).toBe( true );
		opened.click( 'preview' );
		await opened.settle( () => opened.stage === 'preview' );
		opened.click( 'post' );
		await opened.settle( () => opened.stage === 'done' );
		// The same marker: the certificate is not rewritten; the milestone is recorded once.
		expect( ui.wiki.page( certificateTitle( PROGRAM, 'Noor' ) )!.revisions ).toHaveLength( 1 );
		expect( ui.wiki.page( 'User talk:Noor' )!.revisions ).toHaveLength( 1 );
		expect( ( ui.wiki.value( 'User:Tester/mentorship.json' ) as Profile ).recorded![ PROGRAM ] ).toHaveLength( 1 );
	} );

	it( 'offers no preview for a mentee who may not graduate yet', async () => {
		const ui = setupUi();
		const ctx = mentorContext( ui );
		const opened = await openDialog( new GraduationDialog( {
			env: ui.env, actor: ctx.actor, programId: PROGRAM, programName: 'Art mentorship', mentee: 'Noor', mentor: 'Tester',
			due: { due: false, end: '2026-09-01', edits: null, days: null }, gender: 'unknown',
		} ) );
		opened.click( 'preview' );
		await opened.settle( () => opened.dialog.$element.find( '.mg-error-area, .oo-ui-messageWidget' ).text().includes( 'once the program\'s thresholds are met' ) );
		expect( opened.stage ).toBe( 'form' );
		expect( ui.wiki.latest( 'User talk:Noor' ) ).toBeUndefined();
	} );
} );
