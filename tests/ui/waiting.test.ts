/**
 * Nobody waits unseen (issue 18), in jsdom: the mentee's own questions with their state and
 * a link to each, read after the list shows; the cached mentor learns when the latest
 * question waits too long; the ask dialog then offers the backup, with the question written
 * and the post quoting and linking the unanswered one.
 */

import { describe, expect, it } from 'vitest';
import { Question } from '../../src/core/format';
import { decodeMentorCache, MENTOR_OPTION } from '../../src/core/program';
import { profileTitle, rosterTitle, userTalkTitle } from '../../src/core/titles';
import { sectionLink } from '../../src/core/wikitext';
import { ownQuestions } from '../../src/ui/panel/own-questions';
import { ApiParams, ApiResponse } from '../../src/wiki/transport';
import { listParam } from '../unit/fakes/transport';
import { openDialog, PROGRAM, seedProgram, setupUi, Ui } from '../support/ui';
import { askDialog, questionBox } from './drivers';

const JOINED = '2026-01-10T09:00:00Z';
const SECTION = 'Question from Tester about Claude Monet';

function asked( extra: Partial<Question> = {} ): Question {
	// Ten days before the clock (2026-01-20T12:00:00Z); the program's limit is 3 days.
	return { id: 'q1', page: 'User talk:Alice', section: SECTION, revid: 7, time: '2026-01-10T12:00:00Z', to: 'Alice', via: 'mentor', ...extra };
}

/** The program with Bob as Alice's backup (an active mentor), and the mentee's questions. */
function seed( ui: Ui, questions: Question[] ): void {
	seedProgram( ui.wiki );
	ui.wiki.put( rosterTitle( PROGRAM ), {
		version: 1,
		members: {
			Alice: { role: 'mentor', joined: JOINED },
			Bob: { role: 'mentor', joined: JOINED },
			Tester: { role: 'mentee', joined: JOINED, mentor: 'Alice' },
		},
	}, { user: 'Tester' } );
	ui.wiki.put( profileTitle( 'Alice' ), {
		version: 1,
		programs: { [ PROGRAM ]: { role: 'mentor', joined: JOINED, topics: [ 'Painting' ], languages: [ 'en' ], capacity: 3, status: 'active', backup: 'Bob' } },
	}, { user: 'Alice' } );
	ui.wiki.put( profileTitle( 'Bob' ), {
		version: 1,
		programs: { [ PROGRAM ]: { role: 'mentor', joined: JOINED, topics: [ 'Painting' ], languages: [ 'en' ], capacity: 3, status: 'active' } },
	}, { user: 'Bob' } );
	ui.wiki.put( profileTitle( 'Tester' ), {
		version: 1,
		programs: { [ PROGRAM ]: { role: 'mentee', joined: JOINED, topics: [ 'Painting' ], languages: [ 'en' ], mentor: 'Alice', questions: questions } },
	}, { user: 'Tester' } );
}

/** The in-memory wiki answers list=usercontribs from `contribs` (the fake wiki keeps no summaries). */
function withContribs( ui: Ui, contribs: Record<string, unknown>[] ): void {
	const request = ui.wiki.request.bind( ui.wiki );
	ui.wiki.request = async ( method: 'GET' | 'POST', params: ApiParams ): Promise<ApiResponse> => {
		if ( listParam( params.list ).includes( 'usercontribs' ) && !params.titles ) {
			ui.wiki.calls.push( { method: method, params: { ...params } } );
			const users = listParam( params.ucuser );
			return { batchcomplete: true, query: { usercontribs: contribs.filter( ( c ) => users.includes( String( c.user ) ) ) } };
		}
		return request( method, params );
	};
}

async function until( done: () => boolean ): Promise<void> {
	for ( let i = 0; i < 200 && !done(); i++ ) {
		await new Promise( ( resolve ) => {
			setTimeout( resolve, 5 );
		} );
	}
	expect( done() ).toBe( true );
}

function section( ui: Ui ): JQuery {
	const membership = JSON.parse( ui.wiki.latest( profileTitle( 'Tester' ) )!.content ).programs[ PROGRAM ];
	const $section = ownQuestions( { env: ui.env, programId: PROGRAM, me: 'Tester', membership: membership, mentor: 'Alice', limitDays: 3 } );
	$( document.body ).append( $section );
	return $section;
}

describe( 'waiting: the mentee\'s own questions', () => {
	it( 'lists each question waiting N days with a link to its section, in one request; the cached mentor learns it waits', async () => {
		const ui = setupUi();
		seed( ui, [ asked() ] );
		withContribs( ui, [] );
		ui.mw.user.options.set( MENTOR_OPTION, JSON.stringify( { v: 1, program: PROGRAM, mentor: 'Alice' } ) );
		const before = ui.wiki.calls.length;
		const $section = section( ui );
		expect( $section.attr( 'aria-busy' ) ).toBe( 'true' );
		await until( () => $section.find( 'li' ).length === 1 );
		const $item = $section.find( 'li' );
		expect( $item.find( '.mg-unanswered-late' ).text() ).toBe( 'Unanswered for 10 days' );
		const $link = $item.find( 'a' );
		expect( $link.text() ).toBe( SECTION );
		expect( $link.attr( 'href' ) ).toBe( ui.env.url( 'User talk:Alice' ) + '#Question_from_Tester_about_Claude_Monet' );
		expect( $item.text() ).toContain( 'to Alice' );
		const reads = ui.wiki.calls.slice( before ).filter( ( c ) => c.params.action === 'query' );
		expect( reads.length ).toBe( 1 );
		expect( listParam( reads[ 0 ]!.params.ucuser ) ).toEqual( [ 'Alice' ] );
		await until( () => ui.wiki.options[ MENTOR_OPTION ] !== undefined );
		expect( decodeMentorCache( ui.wiki.options[ MENTOR_OPTION ] ) ).toEqual( { program: PROGRAM, mentor: 'Alice', due: '2026-01-13T12:00:00Z' } );
		// The page's own copy follows the saved option once the save answers.
		await until( () => ui.mw.user.options.get( MENTOR_OPTION ) === ui.wiki.options[ MENTOR_OPTION ] );
		$section.remove();
	} );

	it( 'a reply in the question\'s section makes it answered, and nothing waits in the cache', async () => {
		const ui = setupUi();
		seed( ui, [ asked() ] );
		withContribs( ui, [ { user: 'Alice', title: 'User talk:Alice', timestamp: '2026-01-12T08:00:00Z', comment: '/* ' + SECTION + ' */ Reply', revid: 30 } ] );
		ui.mw.user.options.set( MENTOR_OPTION, JSON.stringify( { v: 2, program: PROGRAM, mentor: 'Alice', due: '2026-01-13T12:00:00Z' } ) );
		const $section = section( ui );
		await until( () => $section.find( 'li' ).length === 1 );
		expect( $section.find( '.mg-answered' ).text() ).toBe( 'Answered' );
		await until( () => ui.wiki.options[ MENTOR_OPTION ] !== undefined );
		expect( decodeMentorCache( ui.wiki.options[ MENTOR_OPTION ] ) ).toEqual( { program: PROGRAM, mentor: 'Alice' } );
		$section.remove();
	} );

	it( 'shows nothing and asks nothing when the mentee has asked nothing', () => {
		const ui = setupUi();
		seed( ui, [] );
		const before = ui.wiki.calls.length;
		expect( section( ui ).length ).toBe( 0 );
		expect( ui.wiki.calls.length ).toBe( before );
	} );
} );

describe( 'waiting: asking again', () => {
	it( 'offers the backup with the question written; the post quotes and links the unanswered question; the cache follows the new one', async () => {
		const ui = setupUi();
		seed( ui, [ asked() ] );
		withContribs( ui, [] );
		const o = await openDialog( askDialog( ui ) );
		const $unanswered = o.dialog.$element.find( '.mg-ask-unanswered' );
		expect( $unanswered.text() ).toContain( 'no reply for 10 days' );
		expect( $unanswered.find( 'input[type=radio]:checked' ).closest( '.oo-ui-fieldLayout' ).text() ).toContain( 'Bob' );
		const prefilled = questionBox( o ).getValue();
		expect( prefilled ).toMatch( /^I asked my mentor a question on .+ and have had no reply yet/ );
		// Sent to the mentor instead, the post would link nothing: the written text goes, and comes back with the backup.
		const $radios = $unanswered.find( 'input[type=radio]' );
		$( $radios[ 0 ]! ).prop( 'checked', true ).trigger( 'change' );
		expect( questionBox( o ).getValue() ).toBe( '' );
		$( $radios[ 1 ]! ).prop( 'checked', true ).trigger( 'change' );
		expect( questionBox( o ).getValue() ).toBe( prefilled );
		// The dialog learnt that the question waits: the cached mentor says so.
		await until( () => ui.wiki.options[ MENTOR_OPTION ] !== undefined );
		expect( decodeMentorCache( ui.wiki.options[ MENTOR_OPTION ] ) ).toEqual( { program: PROGRAM, mentor: 'Alice', due: '2026-01-13T12:00:00Z' } );
		// One click: Preview is on, and the preview shows the link to the unanswered question.
		expect( o.action( 'preview' ).isDisabled() ).toBe( false );
		o.click( 'preview' );
		await o.settle( () => o.stage === 'preview' );
		const link = sectionLink( 'User talk:Alice', SECTION );
		expect( o.dialog.$element.find( '.mg-preview' ).text() ).toContain( link );
		o.click( 'send' );
		await o.settle( () => o.stage === 'done' );
		const posted = ui.wiki.latest( userTalkTitle( 'Bob' ) )!.content;
		expect( posted ).toContain( prefilled );
		expect( posted ).toContain( 'my previous question to my mentor, [[User:Alice|Alice]], has not been answered yet: ' + link + '.' );
		// The question asked again takes over: it is the one that may wait now.
		const recorded = JSON.parse( ui.wiki.latest( profileTitle( 'Tester' ) )!.content ).programs[ PROGRAM ].questions as Question[];
		expect( recorded.map( ( q ) => q.to ) ).toEqual( [ 'Alice', 'Bob' ] );
		const cache = decodeMentorCache( ui.wiki.options[ MENTOR_OPTION ] );
		expect( cache && cache.due ).toBe( new Date( Date.parse( recorded[ 1 ]!.time ) + 3 * 86400000 ).toISOString().replace( '.000Z', 'Z' ) );
		expect( cache && cache.due ).toMatch( /^2026-01-23T/ );
		// The page's own copy follows the saved option once the save answers.
		await until( () => ui.mw.user.options.get( MENTOR_OPTION ) === ui.wiki.options[ MENTOR_OPTION ] );
		o.destroy();
	} );
} );
