import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvitationLog, ProgramConfig } from '../../src/core/format';
import { accountSkip, parseNames, priorInvitations, UserFacts, verdict } from '../../src/core/welcome/eligibility';
import { logAppend, recentMonths } from '../../src/core/welcome/log';
import { invitationMarker, parseInvitationMarkers } from '../../src/core/welcome/markers';
import { buildInvitation, BUILT_IN, composeFor, Composition, invitationRecord, isSigned, LanguageTexts, messageOptions, offeredTo, optionLabel, orderLanguages } from '../../src/core/welcome/messages';
import { estimateBatchMs, Pacer } from '../../src/core/welcome/pacing';
import { turnOnLink } from '../../src/core/welcome/turn-on';
import { fillTemplate } from '../../src/core/wikitext';

const en = JSON.parse( readFileSync( join( __dirname, '..', '..', 'i18n', 'en.json' ), 'utf8' ) ) as Record<string, string>;

/** The gadget's English messages, and a made-up French translation of the welcome. */
const texts: LanguageTexts = ( language, key ) => {
	const base = language.split( '-' )[ 0 ];
	if ( base === 'en' ) {
		return en[ key ] === undefined ? null : en[ key ]!;
	}
	if ( base === 'fr' && key === 'mentorship-welcome-default-welcome-text' ) {
		return 'Bonjour $user, bienvenue ! $note';
	}
	if ( base === 'fr' && key === 'mentorship-welcome-default-welcome-subject' ) {
		return 'Bienvenue, $user !';
	}
	return null;
};

function config( overrides: Partial<ProgramConfig> = {} ): ProgramConfig {
	return {
		version: 1, name: 'Art+Feminism', description: '', coordinators: [ 'Carol' ], topics: [], languages: [ 'en', 'fr', 'es' ],
		...overrides,
	};
}

const T = '2026-03-04T10:20:30Z';

function composition( overrides: Partial<Composition> = {}, text = 'Hello $user, from $inviter of $program. $note Join: $signup.' ): Composition {
	return {
		programId: 'af-2026',
		programName: 'Art+Feminism',
		option: {
			id: 'invite', audience: 'registered', labels: {}, languages: [ 'en' ], custom: false,
			variants: { en: { subject: 'An invitation to $program, $user', text: text } },
		},
		language: 'en',
		note: '',
		inviter: 'Carol',
		signupLabel: 'join the program',
		summary: '$1 (mentorship program: $2)',
		...overrides,
	};
}

function facts( overrides: Partial<UserFacts> = {} ): UserFacts {
	return { name: 'Newbie', valid: true, exists: true, anonymous: false, bot: false, talk: null, prior: [], ...overrides };
}

describe( 'welcome: the messages a program offers', () => {
	it( 'offers the built-in messages in the languages the gadget has them, the content language first', () => {
		const options = messageOptions( config(), 'fr', texts );
		expect( options.map( ( o ) => o.id ) ).toEqual( [ 'welcome', 'invite', 'event', 'anonymous' ] );
		const welcome = options[ 0 ]!;
		expect( welcome.languages ).toEqual( [ 'fr', 'en' ] );
		expect( welcome.variants.fr ).toEqual( { subject: 'Bienvenue, $user !', text: 'Bonjour $user, bienvenue ! $note' } );
		expect( welcome.variants.en!.text ).toBe( en[ 'mentorship-welcome-default-welcome-text' ] );
		expect( welcome.custom ).toBe( false );
		// No French invitation in the gadget: offered in English only, never English labelled French.
		expect( options[ 1 ]!.languages ).toEqual( [ 'en' ] );
		expect( options[ 3 ]!.audience ).toBe( 'anonymous' );
	} );

	it( 'the program\'s messages add new kinds and override built-in ones language by language', () => {
		const options = messageOptions( config( {
			messages: {
				welcome: {
					label: { en: 'Our welcome' },
					subject: { es: '¡Bienvenida, $user!' },
					text: { es: 'Hola $user. $note', en: 'Hi $user, welcome to $program! ~~~~' },
					audience: 'all',
				},
				'editathon-may': {
					label: { en: 'May editathon', fr: 'Editathon de mai' },
					subject: { en: 'Come to the May editathon' },
					text: { fr: 'Venez ! $signup', en: 'Come! $signup' },
				},
			},
		} ), 'en', texts );
		const welcome = options.find( ( o ) => o.id === 'welcome' )!;
		expect( welcome.custom ).toBe( true );
		expect( welcome.audience ).toBe( 'all' );
		expect( welcome.languages ).toEqual( [ 'en', 'fr', 'es' ] );
		expect( welcome.variants.en ).toEqual( { subject: 'Welcome, $user!', text: 'Hi $user, welcome to $program! ~~~~' } );
		expect( welcome.variants.es ).toEqual( { subject: '¡Bienvenida, $user!', text: 'Hola $user. $note' } );
		expect( welcome.variants.fr!.text ).toBe( 'Bonjour $user, bienvenue ! $note' );
		const may = options.find( ( o ) => o.id === 'editathon-may' )!;
		expect( may ).toMatchObject( { audience: 'registered', custom: true, languages: [ 'en', 'fr' ] } );
		// A language without its own subject takes the content language's.
		expect( may.variants.fr ).toEqual( { subject: 'Come to the May editathon', text: 'Venez ! $signup' } );
		expect( options.map( ( o ) => o.id ) ).toEqual( [ 'welcome', 'invite', 'event', 'anonymous', 'editathon-may' ] );
	} );

	it( 'labels: the program\'s own in the user\'s language, else the built-in message', () => {
		const options = messageOptions( config( {
			messages: { 'editathon-may': { label: { en: 'May editathon', fr: 'Editathon de mai' }, subject: { en: 'S' }, text: { en: 'T' } } },
		} ), 'en', texts );
		const ui = ( key: string ): string => 'ui:' + key;
		const may = options.find( ( o ) => o.id === 'editathon-may' )!;
		expect( optionLabel( may, 'fr-ca', 'en', ui ) ).toBe( 'Editathon de mai' );
		expect( optionLabel( may, 'de', 'en', ui ) ).toBe( 'May editathon' );
		expect( optionLabel( options[ 0 ]!, 'de', 'en', ui ) ).toBe( 'ui:mentorship-welcome-kind-welcome' );
	} );

	it( 'orders languages: content language, the program\'s, then the rest by code', () => {
		expect( orderLanguages( [ 'de', 'es', 'ar', 'en', 'fr' ], 'fr', [ 'ar', 'en' ] ) ).toEqual( [ 'fr', 'ar', 'en', 'de', 'es' ] );
		expect( orderLanguages( [ 'es' ], 'fr', [ 'ar' ] ) ).toEqual( [ 'es' ] );
	} );

	it( 'offers messages by audience, and nothing to editors without an account when the program refuses them', () => {
		expect( offeredTo( { audience: 'registered' }, false, 'refuse' ) ).toBe( true );
		expect( offeredTo( { audience: 'anonymous' }, false, 'offer' ) ).toBe( false );
		expect( offeredTo( { audience: 'all' }, true, 'offer' ) ).toBe( true );
		expect( offeredTo( { audience: 'anonymous' }, true, 'offer' ) ).toBe( true );
		expect( offeredTo( { audience: 'registered' }, true, 'offer' ) ).toBe( false );
		expect( offeredTo( { audience: 'all' }, true, 'refuse' ) ).toBe( false );
	} );

	it( 'ships every built-in message in en.json with the placeholders it promises', () => {
		for ( const b of BUILT_IN ) {
			expect( en[ b.label ] ).toBeTruthy();
			expect( en[ b.subject ] ).toBeTruthy();
			expect( en[ b.text ] ).toContain( '$note' );
			expect( en[ b.text ] ).toContain( '$signup' );
			expect( isSigned( en[ b.text ]! ) ).toBe( false );
		}
	} );
} );

describe( 'welcome: the marker', () => {
	it( 'says program, kind, inviter and time, and reads back exactly, whatever the name', () => {
		for ( const by of [ 'Carol', 'Dmitri Ivanov', 'A--B -> C', 'Zoë ~ Ünal', 'Ab=c & d', '~2026-12345', 'محمد' ] ) {
			const mark = { program: 'af--2026', kind: 'editathon-may', by: by, time: T, id: 'x1' };
			const text = invitationMarker( mark );
			expect( text ).toMatch( /^<!-- mentorship-invitation .* -->$/ );
			expect( text.slice( 4, -3 ) ).not.toMatch( /--|>|~/ );
			expect( parseInvitationMarkers( 'Before\n' + text + '\n== X ==\nAfter' ) ).toEqual( [ mark ] );
		}
	} );

	it( 'reads the marker docs/data-format.md shows', () => {
		const doc = readFileSync( join( __dirname, '..', '..', 'docs', 'data-format.md' ), 'utf8' );
		const line = doc.split( '\n' ).find( ( l ) => l.indexOf( '<!-- mentorship-invitation ' ) === 0 )!;
		const mark = { program: 'af-2026', kind: 'invite', by: 'Dmitri Ivanov', time: '2026-01-05T10:00:00Z', id: 'k3j9x2' };
		expect( parseInvitationMarkers( line ) ).toEqual( [ mark ] );
		expect( invitationMarker( mark ) ).toBe( line );
	} );

	it( 'finds every marker of a page in order and ignores damaged ones and other markers', () => {
		const page = [
			invitationMarker( { program: 'a', kind: 'welcome', by: 'Carol', time: '2026-01-01T00:00:00Z' } ),
			'<!-- mentorship-notice kind=intro id=1 program=a -->',
			'<!-- mentorship-invitation program=a kind=welcome -->',
			'<!-- mentorship-invitation program=a kind=invite by=%E0%A4 time=2026-01-02T00:00:00Z -->',
			invitationMarker( { program: 'b', kind: 'invite', by: 'Dan', time: '2026-02-01T00:00:00Z' } ),
		].join( '\n' );
		expect( parseInvitationMarkers( page ) ).toEqual( [
			{ program: 'a', kind: 'welcome', by: 'Carol', time: '2026-01-01T00:00:00Z' },
			{ program: 'b', kind: 'invite', by: 'Dan', time: '2026-02-01T00:00:00Z' },
		] );
	} );
} );

describe( 'welcome: the message as posted', () => {
	it( 'fills the placeholders, signs once, and carries the marker and a summary naming the program', () => {
		const post = composeFor( composition(), 'Newbie One', T, 'id1' );
		expect( post.page ).toBe( 'User talk:Newbie One' );
		expect( post.section ).toBe( 'An invitation to Art+Feminism, Newbie One' );
		expect( post.sectiontitle ).toBe( post.section );
		expect( post.summary ).toBe( 'An invitation to Art+Feminism, Newbie One (mentorship program: Art+Feminism)' );
		const lines = post.text.split( '\n' );
		expect( lines[ 0 ] ).toBe( post.marker );
		expect( parseInvitationMarkers( post.text ) ).toEqual( [ { program: 'af-2026', kind: 'invite', by: 'Carol', time: T, id: 'id1' } ] );
		expect( post.text ).toContain( 'Hello Newbie One, from [[User:Carol|Carol]] of Art+Feminism.' );
		expect( post.text ).toContain( '<span class="plainlinks">[{{fullurl:Special:BlankPage/Mentorship|program=af-2026&withgadget=mentorship-match}} join the program]</span>' );
		expect( post.text.match( /~~~~/g ) ).toHaveLength( 1 );
		expect( post.text ).toMatch( / ~~~~$/ );
	} );

	it( 'shows a note with template syntax, pipes, tags and signatures exactly as typed, and still signs once', () => {
		const note = 'See {{Welcome|name=me}} and [[Help:Editing|help]] | a pipe\n~~~~ <b>bold</b> </nowiki> __NOTOC__\n\n== Not a heading ==';
		const post = composeFor( composition( { note: note } ), 'Newbie', T, 'id2' );
		expect( post.text.match( /~~~~(?!~)/g ) ).toHaveLength( 2 );
		// Only the signature outside nowiki: the note's tildes are inside one.
		const outside = post.text.replace( /<nowiki>.*?<\/nowiki>/g, '' );
		expect( outside.match( /~~~/g ) ).toHaveLength( 1 );
		expect( outside ).not.toMatch( /\{\{Welcome|\[\[Help|==|<b>|__NOTOC__/ );
		expect( post.text ).toContain( '<nowiki>See {{Welcome|name=me}} and [[Help:Editing|help]] | a pipe</nowiki><br />' );
		expect( post.text ).toContain( '<nowiki>~~~~ &lt;b&gt;bold&lt;/b&gt; &lt;/nowiki&gt; __NOTOC__</nowiki>' );
		expect( post.text ).toContain( '<nowiki>== Not a heading ==</nowiki>' );
	} );

	it( 'escapes a user name and a program name for where they are placed', () => {
		const post = composeFor( composition( { programName: 'Art {{+}} [[Feminism]]' } ), 'A=b', T, 'id3' );
		expect( post.text ).toContain( 'Hello A&#61;b, from [[User:Carol|Carol]] of Art &#123;&#123;+&#125;&#125; &#91;&#91;Feminism&#93;&#93;.' );
		expect( post.sectiontitle ).toBe( 'An invitation to Art &#123;&#123;+&#125;&#125; &#91;&#91;Feminism&#93;&#93;, A&#61;b' );
		expect( post.section ).toBe( 'An invitation to Art {{+}} [[Feminism]], A=b' );
	} );

	it( 'appends the note when the text has no $note, and leaves no gap when there is no note', () => {
		const withNote = composeFor( composition( { note: 'Hi!' }, 'Hello $user.' ), 'N', T, 'i' );
		expect( withNote.text.split( '\n' ).slice( 1 ).join( '\n' ) ).toBe( 'Hello N.\n\n<nowiki>Hi!</nowiki>\n\n~~~~' );
		const builtIn = composeFor( composition( {}, en[ 'mentorship-welcome-default-invite-text' ]! ), 'N', T, 'i' );
		expect( builtIn.text ).not.toMatch( /\n\n\n/ );
		expect( builtIn.text ).not.toContain( '$' );
	} );

	it( 'does not sign again a text that signs itself', () => {
		const post = composeFor( composition( {}, 'Hi $user! ~~~~' ), 'N', T, 'i' );
		expect( post.text.match( /~~~/g ) ).toHaveLength( 1 );
		expect( isSigned( 'x ~~~' ) ).toBe( true );
		expect( isSigned( 'x ~~~~~' ) ).toBe( false );
		expect( isSigned( 'x ~~~~~~' ) ).toBe( false );
		expect( isSigned( 'x ~~' ) ).toBe( false );
	} );

	it( 'records who, by whom, when, which message, the language, the revision and whether there was a note', () => {
		expect( invitationRecord( composition( { note: ' x ' } ), 'N', T, 42 ) ).toEqual( { user: 'N', by: 'Carol', time: T, kind: 'invite', lang: 'en', revid: 42, note: true } );
		expect( invitationRecord( composition(), 'N', T, 42 ) ).toEqual( { user: 'N', by: 'Carol', time: T, kind: 'invite', lang: 'en', revid: 42 } );
		expect( invitationRecord( composition(), '192.0.2.7', T, 42 ) ).toBeNull();
	} );

	it( 'sent from the user script, tells its reader how to turn the tools on, escaped, before the signature', () => {
		const how = turnOnLink( { install: "User:O'Brien ~~~~ {{x}} & [y]/mentorship/install.js", summary: 'Turning on | {{tools}}' }, 'add [[one]] line' );
		const url = ( /\[(\{\{fullurl:[^ ]*) /.exec( how ) as RegExpExecArray )[ 1 ] as string;
		// Nothing in the address is wikitext: every value is percent-encoded.
		expect( url ).toBe( '{{fullurl:Special:MyPage/common.js|action=edit&editintro=User%3AO%27Brien%20%7E%7E%7E%7E%20%7B%7Bx%7D%7D%20%26%20%5By%5D%2Fmentorship%2Finstall.js' +
			'&summary=Turning%20on%20%7C%20%7B%7Btools%7D%7D}}' );
		expect( how ).toBe( '<span class="plainlinks">[' + url + ' add &#91;&#91;one&#93;&#93; line]</span>' );
		const post = composeFor( composition( { turnOn: fillTemplate( en[ 'mentorship-welcome-turnon-script' ] as string, [ how ] ) } ), 'N', T, 'i' );
		const lines = post.text.split( '\n' );
		expect( lines[ lines.length - 1 ] ).toMatch( /^The program's tools run on this wiki as a user script\. To use them, <span class="plainlinks">\[\{\{fullurl:Special:MyPage\/common\.js\|action=edit&editintro=User%3AO%27Brien.* ~~~~$/ );
		expect( post.text.match( /~~~/g ) ).toHaveLength( 1 );
		// Where the wiki has the gadgets: their section of the preferences.
		expect( turnOnLink( { gadget: true }, 'turn them on' ) ).toBe( '<span class="plainlinks">[{{fullurl:Special:Preferences}}#mw-prefsection-gadgets turn them on]</span>' );
		// From the gadgets, nothing is added.
		expect( composeFor( composition(), 'N', T, 'i' ).text ).not.toContain( 'common.js' );
	} );

	it( 'builds the heading even from an empty subject', () => {
		const post = buildInvitation( {
			programId: 'p', programName: 'P', kind: 'k', language: 'en', variant: { subject: '$note', text: 'T' },
			user: 'N', inviter: 'C', note: '', time: T, id: 'i', signupLabel: 's', summary: '$1',
		} );
		expect( post.section ).toBe( 'P' );
	} );
} );

describe( 'welcome: who may be sent a message', () => {
	const log: InvitationLog = {
		version: 1,
		invitations: [
			{ user: 'Newbie', by: 'Dan', time: '2026-02-01T00:00:00Z', kind: 'welcome', lang: 'en', revid: 5 },
			{ user: 'Other', by: 'Dan', time: '2026-02-01T00:00:00Z', kind: 'invite', lang: 'en', revid: 6 },
		],
	};

	it( 'gathers earlier messages of the program from the markers and the log, once each', () => {
		const talk = invitationMarker( { program: 'p', kind: 'welcome', by: 'Dan', time: '2026-02-01T00:00:00Z' } ) + '\n' +
			invitationMarker( { program: 'q', kind: 'invite', by: 'Eve', time: '2026-01-01T00:00:00Z' } ) + '\n' +
			invitationMarker( { program: 'p', kind: 'event', by: 'Eve', time: '2026-01-15T00:00:00Z' } );
		expect( priorInvitations( 'p', 'Newbie', talk, [ log, null ] ) ).toEqual( [
			{ kind: 'event', by: 'Eve', time: '2026-01-15T00:00:00Z', from: 'talk' },
			{ kind: 'welcome', by: 'Dan', time: '2026-02-01T00:00:00Z', from: 'talk' },
		] );
		// Archived talk page: the log still tells.
		expect( priorInvitations( 'p', 'Newbie', null, [ log ] ) ).toEqual( [ { kind: 'welcome', by: 'Dan', time: '2026-02-01T00:00:00Z', from: 'log', revid: 5 } ] );
	} );

	it( 'refuses invalid names, missing accounts, oneself, bots, blocked users and talk pages that opt out, in that order', () => {
		expect( accountSkip( facts( { valid: false, exists: false } ), 'Carol', 'refuse' ) ).toEqual( { why: 'invalid' } );
		expect( accountSkip( facts( { exists: false } ), 'Carol', 'refuse' ) ).toEqual( { why: 'missing' } );
		expect( accountSkip( facts( { name: 'Carol', bot: true } ), 'Carol', 'refuse' ) ).toEqual( { why: 'self' } );
		expect( accountSkip( facts( { bot: true, block: { by: 'Admin', expiry: 'infinite', reason: 'x' } } ), 'Carol', 'refuse' ) ).toEqual( { why: 'bot' } );
		expect( accountSkip( facts( { block: { by: 'Admin', expiry: 'infinite', reason: 'x' } } ), 'Carol', 'refuse' ) ).toEqual( { why: 'blocked', by: 'Admin', expiry: 'infinite' } );
		expect( accountSkip( facts( { talk: 'Hi\n{{nobots}}' } ), 'Carol', 'refuse' ) ).toEqual( { why: 'optout' } );
		expect( accountSkip( facts( { talk: '{{bots|deny=Mentorship}}' } ), 'Carol', 'refuse' ) ).toEqual( { why: 'optout' } );
		expect( accountSkip( facts( { talk: '{{bots|allow=SomeBot}}' } ), 'Carol', 'refuse' ) ).toEqual( { why: 'optout' } );
		expect( accountSkip( facts( { talk: '{{bots|deny=OtherBot}}' } ), 'Carol', 'refuse' ) ).toBeNull();
		expect( accountSkip( facts(), 'Carol', 'refuse' ) ).toBeNull();
	} );

	it( 'refuses editors without an account unless the program offers them its messages meant for them', () => {
		const ip = facts( { name: '192.0.2.7', anonymous: true } );
		expect( accountSkip( ip, 'Carol', 'refuse' ) ).toEqual( { why: 'anonymous' } );
		expect( verdict( ip, 'Carol', 'offer', { id: 'welcome', audience: 'registered' }, false ) ).toEqual( { why: 'audience' } );
		expect( verdict( ip, 'Carol', 'offer', { id: 'anonymous', audience: 'anonymous' }, false ) ).toBeNull();
		expect( verdict( facts(), 'Carol', 'offer', { id: 'anonymous', audience: 'anonymous' }, false ) ).toEqual( { why: 'audience' } );
	} );

	it( 'never sends the same kind twice; another kind only when the inviter chose to go on', () => {
		const prior = { kind: 'welcome', by: 'Dan', time: '2026-02-01T00:00:00Z', from: 'talk' as const };
		const later = { kind: 'event', by: 'Eve', time: '2026-02-03T00:00:00Z', from: 'log' as const };
		const f = facts( { prior: [ prior, later ] } );
		expect( verdict( f, 'Carol', 'refuse', { id: 'welcome', audience: 'registered' }, true ) ).toEqual( { why: 'already', prior: prior } );
		expect( verdict( f, 'Carol', 'refuse', { id: 'invite', audience: 'registered' }, false ) ).toEqual( { why: 'other', prior: later } );
		expect( verdict( f, 'Carol', 'refuse', { id: 'invite', audience: 'registered' }, true ) ).toBeNull();
	} );

	it( 'reads pasted names: one a line, prefixes and links taken off, duplicates dropped', () => {
		expect( parseNames( '* Alice\n\n[[User:Bob Smith|Bob]]\nUser talk:carol_x\n# alice\n  Zoë  \r\nAlice\n192.0.2.7' ) )
			.toEqual( [ 'Alice', 'Bob Smith', 'Carol x', 'Zoë', '192.0.2.7' ] );
	} );
} );

describe( 'welcome: pace and the log', () => {
	it( 'sends at once without a limit, and within the limit with one', () => {
		const none = new Pacer();
		none.record( 0 );
		expect( none.delay( 0 ) ).toBe( 0 );
		const pacer = new Pacer( { hits: 8, seconds: 60 } );
		let now = 1000;
		const sent: number[] = [];
		for ( let i = 0; i < 20; i++ ) {
			now += pacer.delay( now );
			sent.push( now );
			pacer.record( now + 300 );
			now += 300;
		}
		// At most 8 edits in any window of 60 seconds plus a bucket (2 s), with a second to spare.
		for ( let i = 8; i < sent.length; i++ ) {
			expect( sent[ i ]! - ( sent[ i - 8 ]! + 300 ) ).toBeGreaterThanOrEqual( 63000 );
		}
		expect( sent.slice( 0, 8 ).every( ( t, i ) => t === 1000 + i * 300 ) ).toBe( true );
	} );

	it( 'backs off after ratelimited: a share of the window, doubling up to the window', () => {
		const pacer = new Pacer( { hits: 8, seconds: 60 } );
		expect( [ pacer.backoff(), pacer.backoff(), pacer.backoff(), pacer.backoff() ] ).toEqual( [ 7500, 15000, 30000, 60000 ] );
		expect( pacer.backoff() ).toBe( 62000 );
		pacer.record( 0 );
		expect( pacer.backoff() ).toBe( 7500 );
	} );

	it( 'learns from a refusal that the wiki counts more than it says (MediaWiki 1.43 counts each API edit twice)', () => {
		const pacer = new Pacer( { hits: 8, seconds: 60 } );
		for ( let i = 0; i < 4; i++ ) {
			expect( pacer.delay( i * 100 ) ).toBe( 0 );
			pacer.record( i * 100 );
		}
		// The 5th edit is refused although 8 a minute are allowed: from now on, 4 a window.
		expect( pacer.allowed ).toBe( 8 );
		pacer.backoff();
		expect( pacer.allowed ).toBe( 4 );
		// A second refusal in a row (still waiting) halves nothing more.
		pacer.backoff();
		expect( pacer.allowed ).toBe( 4 );
		// The 5th edit waits until the first has left the window (63 s after it).
		expect( pacer.delay( 1000 ) ).toBe( 63000 - 1000 );
		pacer.record( 63000 );
		expect( pacer.delay( 63100 ) ).toBe( 100 + 63000 - 63100 );
	} );

	it( 'estimates a batch: 50 messages at 8 edits a minute take about 6 minutes, log edits included', () => {
		expect( estimateBatchMs( 50, null, 10 ) ).toBe( 0 );
		const ms = estimateBatchMs( 50, { hits: 8, seconds: 60 }, 10 );
		// 55 edits in bursts of 8: the seventh burst starts six windows (of 63 s) after the first.
		expect( ms ).toBe( 6 * 63000 );
	} );

	it( 'appends records once (a retry after a lost response adds nothing) and moves nothing', () => {
		const log: InvitationLog = { version: 1, invitations: [ { user: 'Z', by: 'C', time: '2026-03-05T00:00:00Z', kind: 'welcome', lang: 'en', revid: 9 } ] };
		const records = [
			{ user: 'A', by: 'C', time: '2026-03-04T00:00:00Z', kind: 'welcome', lang: 'en', revid: 10 },
			{ user: 'B', by: 'C', time: '2026-03-04T00:00:01Z', kind: 'welcome', lang: 'en', revid: 11 },
		];
		const once = logAppend( log, records );
		expect( once.invitations.map( ( r ) => r.user ) ).toEqual( [ 'Z', 'A', 'B' ] );
		expect( logAppend( JSON.parse( JSON.stringify( once ) ) as InvitationLog, records ) ).toEqual( once );
	} );

	it( 'reads this month\'s and last month\'s logs', () => {
		expect( recentMonths( '2026-03-04T10:00:00Z' ) ).toEqual( [ '2026-03', '2026-02' ] );
		expect( recentMonths( '2026-01-31T23:59:59Z' ) ).toEqual( [ '2026-01', '2025-12' ] );
		expect( recentMonths( '2026-11-01T00:00:00Z' ) ).toEqual( [ '2026-11', '2026-10' ] );
	} );
} );
