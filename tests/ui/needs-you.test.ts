/**
 * The mentor's "Needs you" list (issue 18), in jsdom with real OOUI: read after the section
 * shows, each item naming the mentee as text, saying what happened and linking to where to
 * act; the empty list says so with the program's window.
 */

import { describe, expect, it } from 'vitest';
import { ProgramConfig, Question } from '../../src/core/format';
import { needsYouSection } from '../../src/ui/panel/needs-you';
import { TabContext } from '../../src/ui/panel/context';
import { MentorView } from '../../src/wiki/membership';
import { ApiParams, ApiResponse } from '../../src/wiki/transport';
import { listParam } from '../unit/fakes/transport';
import { programConfig, setupUi, Ui } from '../support/ui';

const WARNING = '== Warning ==\nPlease stop. <!-- Template:uw-vandalism2 --> ~~~~\n';
const SECTION = 'Question from Noor about <img src=x onerror=alert(1)>';

function view( names: string[], config: ProgramConfig, question?: Question ): MentorView {
	return {
		loaded: { state: { config: config } },
		viewer: { name: 'Tester' },
		mentees: names.map( ( name ) => ( {
			name: name,
			membership: { role: 'mentee', joined: '2026-01-01T00:00:00Z', mentor: 'Tester', questions: question && name === 'Noor' ? [ question ] : undefined },
			user: { name: name, exists: true, invalid: false, groups: [], gender: name === 'Noor' ? 'female' : 'unknown',
				block: name === 'Blocked One' ? { by: 'Admin', reason: 'spam', expiry: '2026-02-01T00:00:00Z', partial: true } : undefined },
		} ) ),
		replies: [],
		repliesComplete: true,
	} as unknown as MentorView;
}

/** The wiki answers the list's two kinds of query; every request is counted. */
function answer( ui: Ui, reverted: boolean ): ApiParams[] {
	const calls: ApiParams[] = [];
	ui.wiki.request = async ( _method: 'GET' | 'POST', params: ApiParams ): Promise<ApiResponse> => {
		calls.push( params );
		if ( params.list === 'usercontribs' ) {
			return {
				batchcomplete: true,
				query: {
					usercontribs: reverted && listParam( params.ucuser ).includes( 'Noor' ) ? [ { user: 'Noor', revid: 77, title: 'Claude Monet', timestamp: '2026-01-19T09:00:00Z' } ] : [],
					pages: listParam( params.titles ).map( ( t ) => ( { ns: 3, title: t, revisions: [ { timestamp: t === 'User talk:Noor' && reverted ? '2026-01-18T09:00:00Z' : '2025-01-01T00:00:00Z' } ] } ) ),
				},
			};
		}
		return {
			batchcomplete: true,
			query: { pages: [ { ns: 3, title: 'User talk:Noor', revisions: [
				{ revid: 91, parentid: 90, user: 'Patroller', timestamp: '2026-01-18T09:00:00Z', slots: { main: { content: 'Hi\n' + WARNING } } },
				{ revid: 90, parentid: 0, user: 'Host', timestamp: '2025-01-01T00:00:00Z', slots: { main: { content: 'Hi\n' } } },
			] } ] },
		};
	};
	return calls;
}

async function until( done: () => boolean ): Promise<void> {
	for ( let i = 0; i < 200 && !done(); i++ ) {
		await new Promise( ( resolve ) => {
			setTimeout( resolve, 5 );
		} );
	}
	expect( done() ).toBe( true );
}

function context( ui: Ui ): TabContext {
	return { env: ui.env, id: 'art' } as unknown as TabContext;
}

describe( 'the mentor\'s "Needs you" list', () => {
	it( 'lists a block, a question waiting, a warning and reverted edits, each with its link, the mentee as text', async () => {
		const ui = setupUi();
		const calls = answer( ui, true );
		const question: Question = { id: 'q1', page: 'User talk:Tester', section: SECTION, revid: 5, time: '2026-01-15T12:00:00Z', to: 'Tester', via: 'mentor' };
		const $section = needsYouSection( context( ui ), view( [ 'Noor', 'Blocked One', 'Quiet' ], programConfig(), question ) );
		$( document.body ).append( $section );
		expect( $section.attr( 'aria-busy' ) ).toBe( 'true' );
		expect( $section.find( 'h3' ).text() ).toBe( 'Needs you' );
		await until( () => $section.find( 'li' ).length > 0 );
		expect( $section.attr( 'aria-busy' ) ).toBeUndefined();
		// 3 mentees: one request for reverted edits and talk pages, one for the talk page edited lately.
		expect( calls ).toHaveLength( 2 );
		const items = $section.find( 'li' ).toArray().map( ( li ) => li.textContent );
		expect( items ).toEqual( [
			'Blocked One is partially blocked until February 1, 2026: they cannot edit some pages. block log',
			'Noor has waited 5 days for your reply to her question: ' + SECTION,
			'Noor received a warning or notice from Patroller on her talk page on January 18, 2026: the edit (Uw-vandalism2)',
			'An edit by Noor was reverted in the last 14 days; see her edit to: Claude Monet',
		] );
		// Text only: the section title's markup is not an element.
		expect( $section.find( 'img' ) ).toHaveLength( 0 );
		const hrefs = $section.find( 'a.mg-needs-link' ).toArray().map( ( a ) => decodeURIComponent( a.getAttribute( 'href' ) as string ) );
		expect( hrefs[ 0 ] ).toMatch( /Special:Log\/block.*page=User:Blocked One/ );
		expect( hrefs[ 1 ] ).toMatch( /User_talk:Tester#Question_from_Noor/ );
		expect( hrefs[ 2 ] ).toMatch( /User_talk:Noor.*diff=prev.*oldid=91/ );
		expect( hrefs[ 3 ] ).toMatch( /Claude_Monet.*diff=prev.*oldid=77/ );
		expect( $section.find( 'li[data-mentee="Quiet"]' ) ).toHaveLength( 0 );
	} );

	it( 'says when nothing needs the mentor, with the program\'s window', async () => {
		const ui = setupUi();
		const calls = answer( ui, false );
		const $section = needsYouSection( context( ui ), view( [ 'Quiet' ], programConfig( { needsYou: { days: 7 } } ) ) );
		$( document.body ).append( $section );
		await until( () => $section.find( 'p' ).length > 0 );
		expect( calls ).toHaveLength( 1 );
		expect( $section.find( 'p' ).text() ).toBe( 'Nothing needs you now: no question waits for your reply, and none of your mentees has been reverted, warned or blocked in the last 7 days.' );
	} );
} );
