/**
 * Escaping that holds: program names, notes, topics and labels full of tildes, `$&`, `$1`
 * and `{{!}}` add no signature, expand nothing and are not mangled, in questions, notices,
 * invitations, edit summaries and exports.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { buildQuestion } from '../../src/core/ask-post';
import { toCsv, toWikitable } from '../../src/core/export';
import { parseCsv } from '../support/csv';
import { buildNotice } from '../../src/core/notices';
import { decodeMentorCache } from '../../src/core/program';
import { programIdFrom, programIdOf } from '../../src/core/program-titles';
import { buildInvitation } from '../../src/core/welcome/messages';
import { escapeInline, fillSummary, signature } from '../../src/core/wikitext';

const en = JSON.parse( readFileSync( new URL( '../../i18n/en.json', import.meta.url ), 'utf8' ) ) as Record<string, string>;
const messages = ( key: string ): string => en[ key ] as string;

const HOSTILE = [ '~~~', '~~~~', '~~~~~', 'a~~~b~~~~c', '$&', '$1', '$\'', '{{!}}', 'Art ~~~~ $& $1 {{!}} 2026' ];

/** Runs of three or more tildes: what the wiki turns into a signature or a date on save. */
function signatures( wikitext: string ): string[] {
	return wikitext.match( /~{3,}/g ) || [];
}

/** Wikitext that saving would expand besides our own signature at the end (nowiki is left alone by the save). */
function expandable( wikitext: string ): string[] {
	const sig = signature();
	const body = ( wikitext.endsWith( sig ) ? wikitext.slice( 0, -sig.length ) : wikitext )
		.replace( /<nowiki>[^<]*<\/nowiki>/g, '' );
	return signatures( body ).concat( body.match( /\{\{!\}\}|\{\{\s*subst:/g ) || [] );
}

describe( 'escaping that holds', () => {
	it( 'encodes every tilde inline, so no run of three survives', () => {
		for ( const h of HOSTILE ) {
			expect( signatures( escapeInline( h ) ) ).toEqual( [] );
		}
		expect( escapeInline( '~~~~' ) ).toBe( '&#126;&#126;&#126;&#126;' );
		expect( escapeInline( 'see https://x.org ISBN 123' ) ).toBe( 'see https&#58;//x.org ISBN&#32;123' );
		expect( escapeInline( '__NOTOC__' ) ).not.toContain( '__' );
	} );

	it( 'fills edit summaries with a function: $&, $1 and $\' stay as typed', () => {
		for ( const h of HOSTILE ) {
			expect( fillSummary( 'Mentorship: joining $1', h ) ).toBe( 'Mentorship: joining ' + h );
		}
	} );

	it( 'adds no signature and keeps the text in notices', () => {
		for ( const h of HOSTILE ) {
			for ( const kind of [ 'intro', 'handover', 'matched-mentee', 'released' ] as const ) {
				const post = buildNotice( { kind: kind, id: 'n1', programId: 'p', programName: h, from: 'Mara', to: 'Ann', about: 'Noor', note: h }, messages );
				expect( expandable( post.text ) ).toEqual( [] );
				expect( post.text.endsWith( signature() ) ).toBe( true );
				expect( signatures( post.sectiontitle ) ).toEqual( [] );
				expect( post.summary ).toContain( h );
			}
		}
	} );

	it( 'adds no signature and keeps the text in questions', () => {
		for ( const h of HOSTILE ) {
			const post = buildQuestion( {
				id: 'q1', programId: 'p', programName: h, mentee: 'Ann', recipient: { kind: 'mentor', user: 'Mara' },
				detour: null, article: { title: 'Paris', revid: 5 }, question: h,
			}, messages );
			expect( expandable( post.text ) ).toEqual( [] );
			expect( post.summary ).toContain( h );
		}
	} );

	it( 'adds no second signature in invitations, whatever the program is called', () => {
		for ( const h of HOSTILE ) {
			const post = buildInvitation( {
				programId: 'p', programName: h, kind: 'welcome', language: 'en',
				variant: { subject: 'Welcome to $program', text: 'Hello $user, $program welcomes you. $signup' },
				user: 'Newbie', inviter: 'Carol', note: h, time: '2026-01-20T12:00:00Z', id: 'i1', signupLabel: h, summary: '$1 ($2)',
			} );
			expect( expandable( post.text ) ).toEqual( [] );
			expect( signatures( post.sectiontitle ) ).toEqual( [] );
			expect( post.summary ).toContain( h );
		}
	} );

	it( 'exports tables with no signature and CSV as typed', () => {
		for ( const h of HOSTILE ) {
			const table = toWikitable( h, [ 'Name', h ], [ [ h, h ] ] );
			expect( expandable( table ) ).toEqual( [] );
			expect( parseCsv( toCsv( [ h ], [ [ h ] ] ) ) ).toEqual( [ [ h ], [ h ] ] );
		}
	} );

	it( 'accepts program ids only by the id pattern, wherever they come from', () => {
		expect( programIdFrom( 'art-2026' ) ).toBe( 'art-2026' );
		for ( const bad of [ '', '../x', 'a b', 'a|b', '{{x}}', '~~~~', 'a/b', '-x', null, undefined, 42 ] ) {
			expect( programIdFrom( bad ) ).toBeNull();
		}
		expect( programIdOf( 'Project:Mentorship/Programs/art-2026/config.json' ) ).toBe( 'art-2026' );
		expect( programIdOf( 'Project:Mentorship/Programs/a~~~~b/config.json' ) ).toBeNull();
		expect( decodeMentorCache( JSON.stringify( { v: 1, program: 'x]]{{y', mentor: 'Mara' } ) ) ).toBeNull();
		expect( decodeMentorCache( JSON.stringify( { v: 1, program: 'p', mentor: 'Ma|ra' } ) ) ).toBeNull();
		expect( decodeMentorCache( JSON.stringify( { v: 1, program: 'p', mentor: 'Mara' } ) ) ).toEqual( { program: 'p', mentor: 'Mara' } );
	} );
} );
