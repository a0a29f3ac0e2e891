import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildNotice, NoticeKind } from '../../src/core/notices';

const en = JSON.parse( readFileSync( join( __dirname, '..', '..', 'i18n', 'en.json' ), 'utf8' ) ) as Record<string, string>;
const messages = ( key: string ): string => en[ key ] as string;

function notice( kind: NoticeKind, note?: string ): ReturnType<typeof buildNotice> {
	return buildNotice( { kind, id: 'n1', programId: 'art-2026', programName: 'Art | 2026', from: 'Mara', to: 'Ann Lee', about: 'Noor', note }, messages );
}

describe( 'graceful exits: the notices of leaving', () => {
	it( 'thank the other person, name the program and are signed', () => {
		for ( const kind of [ 'mentee-left', 'handover', 'handover-none' ] as NoticeKind[] ) {
			const post = notice( kind );
			expect( post.text ).toMatch( /Thank you/ );
			expect( post.text ).toContain( 'program=art-2026' );
			expect( post.text ).toContain( 'Art &#124; 2026' );
			expect( post.text.trim().endsWith( new Array( 5 ).join( '~' ) ) ).toBe( true );
			expect( post.page ).toBe( 'User talk:Ann Lee' );
		}
		expect( notice( 'handover' ).text ).toContain( '[[User:Noor|Noor]]' );
	} );

	it( 'thank the member who leaves, in the panel', () => {
		expect( en[ 'mentorship-leave-done' ] ).toMatch( /Thank you/ );
		expect( en[ 'mentorship-leave-mentor-done' ] ).toMatch( /Thank you/ );
	} );

	it( 'show the leaver\'s note as typed', () => {
		const post = notice( 'mentee-left', 'Bye {{delete}} ~~~~' );
		expect( post.text ).toContain( '<nowiki>Bye {{delete}} ~~~~</' );
	} );
} );

describe( 'the notices of a matched cohort', () => {
	it( 'tell the mentee their mentor and the mentor their mentee', () => {
		const mentee = buildNotice( { kind: 'matched-mentee', id: 'm1', programId: 'p', programName: 'P', from: 'Carol', to: 'Ann', about: 'Mara' }, messages );
		const mentor = buildNotice( { kind: 'matched-mentor', id: 'm2', programId: 'p', programName: 'P', from: 'Carol', to: 'Mara', about: 'Ann' }, messages );
		expect( mentee.page ).toBe( 'User talk:Ann' );
		expect( mentee.text ).toContain( 'propose a mentor for you: [[User:Mara|Mara]]' );
		expect( mentor.page ).toBe( 'User talk:Mara' );
		expect( mentor.text ).toContain( 'as the mentor of [[User:Ann|Ann]]' );
		expect( mentee.marker ).not.toBe( mentor.marker );
	} );
} );
