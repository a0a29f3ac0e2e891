/**
 * Short texts people found confusing (issue 15): a question asked today, a block with no
 * end, a language named by its code in one place and by its name in another.
 */

import { describe, expect, it } from 'vitest';
import { skipText } from '../../src/ui/welcome/common';
import { languageName, reasonText } from '../../src/ui/i18n';
import { unansweredText } from '../../src/ui/widgets';
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
} );
