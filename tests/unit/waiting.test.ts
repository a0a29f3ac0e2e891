/**
 * Nobody waits unseen (issue 18): a help-desk question's reply, when the latest question
 * counts as waiting too long, the re-ask that quotes and links the question it repeats, and
 * a mentee's own questions read in one request.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { overdueFrom } from '../../src/core/ask';
import { isAnsweredOnPage } from '../../src/core/answered-on-page';
import { buildQuestion } from '../../src/core/ask-post';
import { Question } from '../../src/core/format';
import { MENTOR_OPTION } from '../../src/core/program';
import { sectionLink } from '../../src/core/wikitext';
import { WikiClient } from '../../src/wiki/client';
import { cacheDue } from '../../src/wiki/mentor-cache';
import { loadOwnQuestions } from '../../src/wiki/questions';
import { mentorCacheOption } from '../../src/wiki/mentor-cache';
import { ApiParams } from '../../src/wiki/transport';
import { Call, FakeClock, listParam, ScriptedTransport } from './fakes/transport';

const en = JSON.parse( readFileSync( new URL( '../../i18n/en.json', import.meta.url ), 'utf8' ) ) as Record<string, string>;
const messages = ( key: string ): string => en[ key ] as string;

function question( id: string, time: string, extra: Partial<Question> = {} ): Question {
	return { id: id, page: 'User talk:Alice', section: 'Question from Noor about Claude Monet', revid: 10, time: time, to: 'Alice', via: 'mentor', ...extra };
}

describe( 'waiting: core', () => {
	it( 'a help-desk question is answered by an edit of its section by anyone but the asker, after it', () => {
		const q = question( 'h', '2026-01-10T10:00:00Z', { page: 'Wikipedia:Help desk', to: undefined, via: 'helpdesk', section: 'Question from Noor' } );
		const reply = { user: 'Helper', timestamp: '2026-01-11T10:00:00Z', comment: '/* Question from Noor */ Reply' };
		expect( isAnsweredOnPage( q, [ reply ], 'Noor' ) ).toBe( true );
		// The asker's own edit, an edit before the question, another section, a summary without a section: no reply.
		expect( isAnsweredOnPage( q, [ { ...reply, user: 'Noor' } ], 'Noor' ) ).toBe( false );
		expect( isAnsweredOnPage( q, [ { ...reply, timestamp: '2026-01-09T10:00:00Z' } ], 'Noor' ) ).toBe( false );
		expect( isAnsweredOnPage( q, [ { ...reply, comment: '/* Another question */ Reply' } ], 'Noor' ) ).toBe( false );
		expect( isAnsweredOnPage( q, [ { ...reply, comment: 'Reply' } ], 'Noor' ) ).toBe( false );
		// Headings are compared as the wiki writes them in summaries (references decoded, underscores).
		expect( isAnsweredOnPage( { ...q, section: 'Why & how' }, [ { ...reply, comment: '/* Why &amp; how */ ok' } ], 'Noor' ) ).toBe( true );
		expect( isAnsweredOnPage( q, [ { ...reply, user: 'Noor' } ], 'Noor_' ) ).toBe( false );
	} );

	it( 'the latest question is due at its time plus the limit, while it is unanswered', () => {
		const q = question( 'a', '2026-01-10T10:00:00Z' );
		expect( overdueFrom( q, false, 3 ) ).toBe( '2026-01-13T10:00:00Z' );
		expect( overdueFrom( q, true, 3 ) ).toBeNull();
		expect( overdueFrom( null, false, 3 ) ).toBeNull();
	} );

	it( 'a re-ask quotes the unanswered question\'s heading and links its section, escaped', () => {
		const post = buildQuestion( {
			id: 'q2', programId: 'art', programName: 'Art', mentee: 'Noor', question: 'Still stuck.',
			recipient: { kind: 'backup', user: 'Bob' },
			detour: { mentor: 'Alice', because: 'unanswered', original: { page: 'User talk:Alice', section: 'Question from Noor about [[X]] ~~~~ {{!}}' } },
		}, messages );
		expect( post.page ).toBe( 'User talk:Bob' );
		const link = '[[User talk:Alice#Question from Noor about &#91;&#91;X&#93;&#93; &#126;&#126;&#126;&#126; &#123;&#123;!&#125;&#125;|' +
			'Question from Noor about &#91;&#91;X&#93;&#93; &#126;&#126;&#126;&#126; &#123;&#123;!&#125;&#125;]]';
		expect( sectionLink( 'User talk:Alice', 'Question from Noor about [[X]] ~~~~ {{!}}' ) ).toBe( link );
		expect( post.text ).toContain( 'my previous question to my mentor, [[User:Alice|Alice]], has not been answered yet: ' + link + '.' );
		// Without the original (as before), the sentence names the mentor only.
		const plain = buildQuestion( {
			id: 'q3', programId: 'art', programName: 'Art', mentee: 'Noor', question: 'Hi',
			recipient: { kind: 'backup', user: 'Bob' }, detour: { mentor: 'Alice', because: 'unanswered' },
		}, messages );
		expect( plain.text ).toContain( 'has not been answered yet.' );
		expect( plain.text ).not.toContain( '#' );
	} );
} );

function usercontribs( params: ApiParams ): Record<string, unknown>[] {
	const all = [
		// Alice replied to the first question in its section; Bob has not replied to the second.
		{ user: 'Alice', title: 'User talk:Alice', timestamp: '2026-01-11T09:00:00Z', comment: '/* Question from Noor about Claude Monet */ reply', revid: 20 },
		{ user: 'Bob', title: 'User talk:Bob', timestamp: '2026-01-14T09:00:00Z', comment: '/* Something else */ chat', revid: 21 },
	];
	const users = listParam( params.ucuser );
	return all.filter( ( c ) => users.includes( c.user ) );
}

describe( 'waiting: the mentee\'s own questions', () => {
	it( 'reads the replies of everyone asked in one request, and the help desk\'s history in one', async () => {
		const transport = new ScriptedTransport( ( call: Call ) => {
			if ( call.params.list === 'usercontribs' || listParam( call.params.list ).includes( 'usercontribs' ) ) {
				return { batchcomplete: true, query: { usercontribs: usercontribs( call.params ) } };
			}
			if ( call.params.prop === 'revisions' ) {
				return { batchcomplete: true, query: { pages: [ { title: 'Wikipedia:Help desk', revisions: [
					{ user: 'Helper', timestamp: '2026-01-16T09:00:00Z', comment: '/* Question from Noor */ answer' },
				] } ] } };
			}
			throw new Error( 'unexpected ' + JSON.stringify( call.params ) );
		} );
		const clock = new FakeClock();
		const client = new WikiClient( { transport: transport, clock: clock } );
		const questions = [
			question( 'a', '2026-01-10T10:00:00Z' ),
			question( 'b', '2026-01-12T10:00:00Z', { page: 'User talk:Bob', to: 'Bob', via: 'backup', section: 'Question from Noor' } ),
			question( 'c', '2026-01-15T10:00:00Z', { page: 'Wikipedia:Help desk', to: undefined, via: 'helpdesk', section: 'Question from Noor' } ),
			question( 'd', '2026-01-16T10:00:00Z', { page: 'User talk:Bob', to: 'Bob', via: 'backup', section: 'Another question from Noor' } ),
		];
		const result = await loadOwnQuestions( client, 'Noor', questions, 3, clock.now() );
		// Newest first; the time is 2026-01-20T12:00:00Z.
		expect( result.states.map( ( s ) => [ s.question.id, s.answered, s.days ] ) ).toEqual( [
			[ 'd', false, 4 ], [ 'c', true, 5 ], [ 'b', false, 8 ], [ 'a', true, 10 ],
		] );
		expect( result.complete ).toBe( true );
		expect( result.due ).toBe( '2026-01-19T10:00:00Z' );
		expect( transport.calls.length ).toBe( 2 );
		const contribs = transport.calls.find( ( c ) => listParam( c.params.list ).includes( 'usercontribs' ) ) as Call;
		expect( listParam( contribs.params.ucuser ).sort() ).toEqual( [ 'Alice', 'Bob' ] );
		expect( contribs.params.ucend ).toBe( '2026-01-10T10:00:00Z' );
		expect( contribs.params.ucnamespace ).toBe( 3 );
	} );

	it( 'nothing waits when the latest question is answered or went to the help desk; no question, no request', async () => {
		const transport = new ScriptedTransport( ( call: Call ) => ( { batchcomplete: true, query: { usercontribs: usercontribs( call.params ) } } ) );
		const clock = new FakeClock();
		const client = new WikiClient( { transport: transport, clock: clock } );
		expect( ( await loadOwnQuestions( client, 'Noor', [ question( 'a', '2026-01-10T10:00:00Z' ) ], 3, clock.now() ) ).due ).toBeNull();
		expect( await loadOwnQuestions( client, 'Noor', [], 3, clock.now() ) ).toEqual( { states: [], complete: true, due: null } );
		expect( transport.calls.length ).toBe( 1 );
	} );

	it( 'writes the cached mentor only when its value changes', async () => {
		const transport = new ScriptedTransport( () => ( { options: 'success' } ) );
		const client = new WikiClient( { transport: transport, clock: new FakeClock() } );
		const copy: Record<string, unknown> = { [ MENTOR_OPTION ]: JSON.stringify( { v: 1, program: 'art', mentor: 'Alice' } ) };
		const option = mentorCacheOption( client, { get: ( k ) => copy[ k ], set: ( k, v ) => {
			copy[ k ] = v;
		} } );
		const writes = (): unknown[] => transport.calls.filter( ( c ) => c.params.action === 'options' ).map( ( c ) => c.params.optionvalue );
		await cacheDue( option, 'art', 'Alice', '2026-01-19T10:00:00Z' );
		const wanted = JSON.stringify( { v: 2, program: 'art', mentor: 'Alice', due: '2026-01-19T10:00:00Z' } );
		expect( writes() ).toEqual( [ wanted ] );
		expect( copy[ MENTOR_OPTION ] ).toBe( wanted );
		await cacheDue( option, 'art', 'Alice', '2026-01-19T10:00:00Z' );
		expect( writes() ).toEqual( [ wanted ] );
		await cacheDue( option, 'art', 'Alice', null );
		expect( copy[ MENTOR_OPTION ] ).toBe( JSON.stringify( { v: 2, program: 'art', mentor: 'Alice' } ) );
		// A version 1 value without a due time is the same cache: nothing is written for it.
		copy[ MENTOR_OPTION ] = JSON.stringify( { v: 1, program: 'art', mentor: 'Alice' } );
		await cacheDue( option, 'art', 'Alice', null );
		expect( writes() ).toHaveLength( 2 );
	} );
} );
