/**
 * Short texts people found confusing (issue 15): a question asked today, a block with no
 * end, a language named by its code in one place and by its name in another.
 */

import { describe, expect, it } from 'vitest';
import { skipText } from '../../src/ui/welcome/common';
import { msg } from '../../src/ui/i18n';
import { languageName, reasonText } from '../../src/ui/lists';
import { CountedText, goalsBlock, paragraphs, unansweredText, withTyped } from '../../src/ui/widgets';
import { PROGRAM, programConfig, setupUi } from '../support/ui';

describe( 'texts that read well', () => {
	it( 'a question asked today is "Unanswered, asked today", not "for 0 days"', () => {
		setupUi();
		expect( unansweredText( 0 ) ).toBe( 'Unanswered, asked today' );
		expect( unansweredText( 1 ) ).toBe( 'Unanswered for 1 day' );
		expect( unansweredText( 5 ) ).toBe( 'Unanswered for 5 days' );
	} );

	it( 'a block with no end says so; one with an end gives the date, not a timestamp', () => {
		const ui = setupUi();
		const program = { id: PROGRAM, config: programConfig() };
		expect( skipText( ui.env, program, { why: 'blocked', by: 'Admin', expiry: 'infinite' } ) ).toBe( 'blocked by Admin, with no end date' );
		expect( skipText( ui.env, program, { why: 'blocked', by: 'Admin', expiry: 'infinity' } ) ).toBe( 'blocked by Admin, with no end date' );
		const dated = skipText( ui.env, program, { why: 'blocked', by: 'Admin', expiry: '2099-03-01T00:00:00Z' } );
		expect( dated ).toMatch( /^blocked by Admin until .*2099/ );
		expect( dated ).not.toContain( 'T00:00:00Z' );
	} );

	it( 'a member is left out as "already a mentor" or "already a mentee" in the program', () => {
		const ui = setupUi();
		const program = { id: PROGRAM, config: programConfig() };
		expect( skipText( ui.env, program, { why: 'member', role: 'mentor' } ) ).toBe( 'already a mentor in Art mentorship' );
		expect( skipText( ui.env, program, { why: 'member', role: 'mentee' } ) ).toBe( 'already a mentee in Art mentorship' );
	} );

	it( 'the languages a mentor shares are named as on the card ("English (en)", not "en")', () => {
		setupUi();
		const text = reasonText( { key: 'mentorship-reason-languages', params: [ 'Alice', [ 'en' ], 1 ] } );
		expect( text ).toContain( languageName( 'en' ) );
		expect( text ).not.toMatch( /\ben$/ );
	} );

	it( 'numbers in messages use the user language\'s digits, as MediaWiki\'s own do, and PLURAL still counts them', () => {
		setupUi( { userLanguage: 'ar' } );
		const text = msg( 'mentorship-mentees-count', 5, 12 );
		expect( text ).toContain( '٥ متدربين' );
		expect( text ).toContain( '١٢' );
		expect( text ).not.toMatch( /[0-9]/ );
		// Two: Arabic's dual form, chosen from the Arabic-Indic digits.
		expect( msg( 'mentorship-mentees-count', 2, 3 ) ).toContain( 'متدربَين' );
		setupUi( { userLanguage: 'en' } );
		expect( msg( 'mentorship-mentees-count', 5, 12 ) ).toBe( 'You mentor 5 mentees (you can take 12).' );
		expect( msg( 'mentorship-mentees-count', 1, 3 ) ).toBe( 'You mentor one mentee (you can take 3).' );
	} );

	it( 'text people typed (descriptions, introductions, goals) takes its own direction: dir="auto", as text', () => {
		setupUi( { userLanguage: 'ar' } );
		const $text = paragraphs( 'Edit articles about <b>art</b>.\n\nSecond paragraph.', 'mg-program-description' );
		const ps = $text.find( 'p' ).toArray();
		expect( ps.map( ( p ) => p.getAttribute( 'dir' ) ) ).toEqual( [ 'auto', 'auto' ] );
		expect( ps[ 0 ]!.textContent ).toBe( 'Edit articles about <b>art</b>.' );
		const $goals = goalsBlock( 'Write about <i>painters</i>' );
		expect( $goals.find( 'bdi' ).attr( 'dir' ) ).toBe( 'auto' );
		expect( $goals.find( 'bdi' ).children().length ).toBe( 0 );
		// And typed in it: the boxes for descriptions, introductions, goals and notes.
		const box = new CountedText( { label: 'Description', max: 100, value: '' } );
		expect( box.input.$input.attr( 'dir' ) ).toBe( 'auto' );
		// A note or comment inside an interface sentence keeps its own direction, as text.
		const $note = withTyped( '٤ من ٥: “Great <b>help</b>”', 'Great <b>help</b>' );
		expect( $note.text() ).toBe( '٤ من ٥: “Great <b>help</b>”' );
		expect( $note.find( 'bdi[dir=auto]' ).text() ).toBe( 'Great <b>help</b>' );
		expect( $note.find( 'b' ).length ).toBe( 0 );
	} );
} );
