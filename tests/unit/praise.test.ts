/**
 * Good work is recognised (issue 18): the program's rules, the suggestions (confirmed mentees
 * only, none for a mentee who hid them, none already recorded), the thanks posted (escaped,
 * signed, with or without the program's template) and the reads, with every request counted.
 */
import { describe, expect, it } from 'vitest';
import { configSchema, ProgramConfig, RecordedMilestone, RosterMember } from '../../src/core/format';
import { buildPraise, MenteeWork, praiseRules, praiseSuggestions, PraiseSuggestion, usableTemplate } from '../../src/core/praise';
import { validate } from '../../src/core/schema';
import { WikiClient } from '../../src/wiki/client';
import { MentorView } from '../../src/wiki/membership';
import { loadPraise } from '../../src/wiki/praise';
import { ApiResponse } from '../../src/wiki/transport';
import { Call, FakeClock, listParam, ScriptedTransport } from './fakes/transport';

function config( extra: Partial<ProgramConfig> = {} ): ProgramConfig {
	return { version: 1, name: 'P', description: '', coordinators: [ 'Carol' ], topics: [], languages: [], ...extra };
}

const NOW = Date.parse( '2026-01-20T12:00:00Z' );
const SINCE = '2025-12-21T12:00:00Z';

function work( name: string, extra: Partial<MenteeWork> = {} ): MenteeWork {
	return { name: name, edits: 0, creations: [], creationsComplete: true, hidden: false, ...extra };
}

describe( 'praise: rules', () => {
	it( 'has defaults, takes the program\'s settings, each checked on its own', () => {
		expect( praiseRules( config() ) ).toEqual( { edits: 10, days: 30, firstArticle: true, firstUpload: true, template: null } );
		expect( praiseRules( config( { praise: { edits: 25, days: 7, firstUpload: false, template: 'Template:Barnstar_of diligence' } } ) ) )
			.toEqual( { edits: 25, days: 7, firstArticle: true, firstUpload: false, template: 'Barnstar of diligence' } );
		// Validated entry by entry by the schema, named by their paths.
		const bad = validate( configSchema, { ...config(), praise: { edits: 0, days: 91, firstArticle: 'yes', template: 'a{{b' } } );
		expect( bad.ok ).toBe( false );
		const paths = bad.ok ? [] : bad.issues.map( ( i ) => i.path );
		expect( paths ).toEqual( expect.arrayContaining( [ 'praise.edits', 'praise.days', 'praise.firstArticle', 'praise.template' ] ) );
		expect( validate( configSchema, { ...config(), praise: { edits: 5, days: 14, firstArticle: false, firstUpload: true, template: 'Barnstar' } } ).ok ).toBe( true );
		// A name that would break the call is not used.
		for ( const name of [ 'a}}b', 'x|y', 'x=y', 'a~~~~', '' ] ) {
			expect( usableTemplate( name ) ).toBeNull();
		}
	} );

	it( 'suggests active editing, a first article and a first upload within the window, not twice, not for a mentee who hid them', () => {
		const rules = praiseRules( config() );
		const now = '2026-01-20T12:00:00Z';
		const list = [
			work( 'Ann', { edits: 12, lastRevid: 90 } ),
			work( 'Ben', { creations: [
				{ ns: 0, title: 'Monet', revid: 20, timestamp: '2026-01-10T00:00:00Z' },
				{ ns: 0, title: 'Manet', revid: 21, timestamp: '2026-01-15T00:00:00Z' },
				{ ns: 6, title: 'File:Cat.jpg', revid: 22, timestamp: '2026-01-11T00:00:00Z' },
			] } ),
			// The first article before the window: not suggested (the later ones are not firsts).
			work( 'Cas', { creations: [ { ns: 0, title: 'Old', revid: 3, timestamp: '2025-06-01T00:00:00Z' }, { ns: 0, title: 'New', revid: 30, timestamp: '2026-01-12T00:00:00Z' } ] } ),
			// The list may be missing older creations: no "first" claimed.
			work( 'Dee', { creations: [ { ns: 0, title: 'Maybe', revid: 40, timestamp: '2026-01-12T00:00:00Z' } ], creationsComplete: false } ),
			work( 'Eve', { edits: 50, hidden: true, creations: [ { ns: 0, title: 'Hidden', revid: 50, timestamp: '2026-01-12T00:00:00Z' } ] } ),
			work( 'Fay', { edits: 9 } ),
		];
		const out = praiseSuggestions( list, rules, [], SINCE, now );
		expect( out ).toEqual( [
			{ mentee: 'Ann', kind: 'active-editing', edits: 12, revid: 90, time: now },
			{ mentee: 'Ben', kind: 'first-article', title: 'Monet', revid: 20, time: '2026-01-10T00:00:00Z' },
			{ mentee: 'Ben', kind: 'first-upload', title: 'File:Cat.jpg', revid: 22, time: '2026-01-11T00:00:00Z' },
		] );
		// Recorded already by the mentor: not again (active editing: within the window only).
		const recorded: RecordedMilestone[] = [
			{ member: 'Ann', type: 'active-editing', time: '2026-01-01T00:00:00Z' },
			{ member: 'Ben', type: 'first-article', time: '2026-01-10T00:00:00Z' },
		];
		expect( praiseSuggestions( list, rules, recorded, SINCE, now ).map( ( s ) => s.mentee + ':' + s.kind ) ).toEqual( [ 'Ben:first-upload' ] );
		const older: RecordedMilestone[] = [ { member: 'Ann', type: 'active-editing', time: '2025-11-01T00:00:00Z' } ];
		expect( praiseSuggestions( list, rules, older, SINCE, now ).map( ( s ) => s.mentee + ':' + s.kind ) ).toContain( 'Ann:active-editing' );
		// The program turns kinds off.
		const off = praiseRules( config( { praise: { firstArticle: false, firstUpload: false, edits: 13 } } ) );
		expect( praiseSuggestions( list, off, [], SINCE, now ) ).toEqual( [] );
	} );
} );

const MESSAGES: Record<string, string> = {
	'mentorship-praise-heading': 'Well done, $1!',
	'mentorship-praise-reason-edits': '$1, you made {{PLURAL:$2|$2 edit|$2 edits}} recently: thank you!',
	'mentorship-praise-reason-article': '$1, congratulations on your first article, $3!',
	'mentorship-praise-reason-upload': '$1, congratulations on your first upload, $3!',
	'mentorship-praise-summary': 'Thanks from your mentor ($4)',
	'mentorship-notice-footer': 'Sent with $1.',
};
const messages = ( key: string ): string => MESSAGES[ key ]!;
const HOSTILE = 'Great }} work | {{subst:evil}} ~~~~ <nowiki> [[Category:X]] =x= </nowiki> ~~~';

describe( 'praise: what is posted', () => {
	const article: PraiseSuggestion = { mentee: 'Ben', kind: 'first-article', title: 'Monet', revid: 20, time: '2026-01-10T00:00:00Z' };

	it( 'a plain message: the reason, the mentor\'s words shown as typed, the program, one signature', () => {
		const post = buildPraise( { suggestion: article, id: 'x1', programId: 'p', programName: 'P', from: 'Alice', note: HOSTILE, template: null }, messages );
		expect( post.page ).toBe( 'User talk:Ben' );
		expect( post.sectiontitle ).toBe( 'Well done, Ben!' );
		expect( post.summary ).toBe( 'Thanks from your mentor (P)' );
		expect( post.text ).toContain( '[[User:Ben|Ben]], congratulations on your first article, [[Monet]]!' );
		expect( post.text ).toContain( post.marker );
		// Outside the nowiki the mentor's text is in, nothing of it is left: one signature, no call, no link.
		const outside = post.text.replace( /<nowiki>[^]*?<\/nowiki>/g, '' );
		expect( outside.split( '~~~~' ) ).toHaveLength( 2 );
		expect( outside.endsWith( '~~~~' ) ).toBe( true );
		expect( outside ).not.toContain( 'subst:' );
		expect( outside ).not.toContain( 'Category:X' );
		expect( post.text.match( /<\/nowiki>/g ) ).toHaveLength( 1 );
	} );

	it( 'with the program\'s template: the reason and the words are one escaped value; the signature follows the call', () => {
		const post = buildPraise( { suggestion: article, id: 'x2', programId: 'p', programName: 'P', from: 'Alice', note: HOSTILE, template: 'Barnstar' }, messages );
		const call = post.text.split( '\n' ).find( ( l ) => l.startsWith( '{{Barnstar|' ) )!;
		expect( call ).toMatch( /^\{\{Barnstar\|1=[^{}|[\]<>~=]*\|user=Ben\}\}$/ );
		expect( call ).toContain( 'Great &#125;&#125; work &#124; &#123;&#123;subst:evil&#125;&#125; &#126;&#126;&#126;&#126; &#60;nowiki&#62; &#91;&#91;Category:X&#93;&#93;' );
		expect( post.text.split( '~~~~' ) ).toHaveLength( 2 );
		// A hostile user name (the mentee's) is escaped too.
		const odd = buildPraise( { suggestion: { ...article, mentee: 'A=B' }, id: 'x3', programId: 'p', programName: 'P', from: 'Alice', note: '', template: 'Barnstar' }, messages );
		expect( odd.text ).toContain( '|user=A&#61;B}}' );
	} );
} );

/** A roster of 500 members: the mentor's mentees, other mentors and mentees, some naming Alice in the roster only (forged). */
function members( names: string[] ): Record<string, RosterMember> {
	const out: Record<string, RosterMember> = { Alice: { role: 'mentor', joined: '2026-01-01T00:00:00Z' } };
	for ( const name of names ) {
		out[ name ] = { role: 'mentee', joined: '2026-01-01T00:00:00Z', mentor: 'Alice' };
	}
	for ( let i = 1; Object.keys( out ).length < 500; i++ ) {
		out[ 'Other ' + i ] = i % 10 ? { role: 'mentee', joined: '2026-01-01T00:00:00Z', mentor: i % 7 ? 'Mentor ' + ( i % 40 ) : 'Alice' } : { role: 'mentor', joined: '2026-01-01T00:00:00Z' };
	}
	return out;
}

function view( names: string[], extra: { config?: ProgramConfig; hidden?: string; recorded?: RecordedMilestone[] } = {} ): MentorView {
	return {
		loaded: { state: { id: 'p', config: extra.config || config(), members: members( names ), profiles: { Alice: { version: 1, programs: {}, recorded: { p: extra.recorded || [] } } } } },
		viewer: { name: 'Alice' },
		mentees: names.map( ( name, i ) => ( {
			name: name,
			membership: { role: 'mentee', joined: '2026-01-01T00:00:00Z', mentor: 'Alice', hidePraise: name === extra.hidden ? true : undefined },
			user: { name: name, exists: true, invalid: false, groups: [], gender: 'unknown' },
			activity: { count: i === 0 ? 15 : 1, capped: false },
		} ) ),
		replies: [],
		repliesComplete: true,
	} as unknown as MentorView;
}

function mentees( n: number ): string[] {
	return Array.from( { length: n }, ( _, i ) => 'Mentee ' + ( i + 1 ) );
}

/** Mentee 2 created their first article in the window, Mentee 3 uploaded a file; Mentee 1 edits a lot. */
function wiki( calls: Call[] ): ScriptedTransport {
	return new ScriptedTransport( ( call ): ApiResponse => {
		calls.push( call );
		const p = call.params;
		if ( p.list === 'usercontribs' && p.ucshow === 'new' ) {
			expect( p.ucnamespace ).toBe( '0|6' );
			const users = listParam( p.ucuser );
			const out = [];
			if ( users.includes( 'Mentee 2' ) ) {
				out.push( { user: 'Mentee 2', ns: 0, revid: 201, title: 'Monet', timestamp: '2026-01-18T10:00:00Z' } );
			}
			if ( users.includes( 'Mentee 3' ) ) {
				out.push( { user: 'Mentee 3', ns: 6, revid: 301, title: 'File:Cat.jpg', timestamp: '2026-01-17T10:00:00Z' } );
			}
			return { batchcomplete: true, query: { usercontribs: out } };
		}
		if ( p.list === 'usercontribs' ) {
			const users = listParam( p.ucuser );
			return { batchcomplete: true, query: { usercontribs: users.includes( 'Mentee 1' ) ? Array.from( { length: 11 }, ( _, i ) => ( { user: 'Mentee 1', revid: 120 - i, timestamp: '2026-01-19T10:00:00Z' } ) ) : [] } };
		}
		throw new Error( 'unexpected request ' + JSON.stringify( p ) );
	} );
}

describe( 'praise: reads', () => {
	it( 'a mentor with 20 mentees (a program of 500 members): 1 request with the defaults, the edit counts from the tab', async () => {
		const calls: Call[] = [];
		const client = new WikiClient( { transport: wiki( calls ), clock: new FakeClock() } );
		const twenty = view( mentees( 20 ) );
		expect( Object.keys( twenty.loaded.state.members ) ).toHaveLength( 500 );
		const result = await loadPraise( client, twenty, NOW );
		// Only the 20 confirmed mentees are asked about: not the roster's other 480 members, nor those it alone pairs with Alice.
		expect( calls ).toHaveLength( 1 );
		expect( client.requestCount ).toBe( 1 );
		expect( listParam( calls[ 0 ]!.params.ucuser ) ).toHaveLength( 20 );
		expect( result.complete ).toBe( true );
		expect( result.suggestions.map( ( s ) => s.mentee + ':' + s.kind ) ).toEqual( [ 'Mentee 1:active-editing', 'Mentee 2:first-article', 'Mentee 3:first-upload' ] );
	} );

	it( 'another window: one more request a batch, counting the edits (and the latest to thank for)', async () => {
		const calls: Call[] = [];
		const client = new WikiClient( { transport: wiki( calls ), clock: new FakeClock() } );
		const result = await loadPraise( client, view( mentees( 20 ), { config: config( { praise: { days: 7 } } ) } ), NOW );
		expect( calls ).toHaveLength( 2 );
		const edits = calls.find( ( c ) => c.params.ucshow === undefined )!;
		expect( edits.params.ucend ).toBe( '2026-01-13T12:00:00Z' );
		expect( result.suggestions[ 0 ] ).toEqual( { mentee: 'Mentee 1', kind: 'active-editing', edits: 11, revid: 120, time: '2026-01-20T12:00:00Z' } );
	} );

	it( 'batches 50 names a request; a mentee who hid suggestions is neither asked about nor suggested; nothing recorded is suggested again', async () => {
		const calls: Call[] = [];
		const client = new WikiClient( { transport: wiki( calls ), clock: new FakeClock() } );
		const result = await loadPraise( client, view( mentees( 120 ), { hidden: 'Mentee 2', recorded: [ { member: 'Mentee 3', type: 'first-upload', time: '2026-01-17T10:00:00Z' } ] } ), NOW );
		expect( calls.map( ( c ) => listParam( c.params.ucuser ).length ) ).toEqual( [ 50, 50, 19 ] );
		expect( calls.some( ( c ) => listParam( c.params.ucuser ).includes( 'Mentee 2' ) ) ).toBe( false );
		expect( result.suggestions.map( ( s ) => s.mentee + ':' + s.kind ) ).toEqual( [ 'Mentee 1:active-editing' ] );
		// No mentee: no request.
		const none: Call[] = [];
		await loadPraise( new WikiClient( { transport: wiki( none ), clock: new FakeClock() } ), view( [] ), NOW );
		expect( none ).toHaveLength( 0 );
	} );
} );
