import { describe, expect, it } from 'vitest';
import { gadgetIdOf, replaceSection } from '../../scripts/lib/definition';
import { unifiedDiff } from '../../scripts/lib/diff';
import { linesForWiki, loadUrl, MissingModuleError, parseRegistry } from '../../scripts/lib/modules';
import { commonJsLine, installText } from '../../scripts/lib/user-script';

const PREFIX = 'mentorship-';
const NEW_LINES = [
	'* mentorship-ask[ResourceLoader|dependencies=mediawiki.util,mediawiki.user]|mentorship-ask.js|mentorship-ask.css',
	'* mentorship-core[ResourceLoader|hidden]|mentorship-core.js',
	'* mentorship-match[ResourceLoader]|mentorship-match.js',
];

const PAGE = [
	'<!-- Gadget definitions: see [[mw:Extension:Gadgets]] -->',
	'== editing-tools ==',
	'* HotCat[ResourceLoader]|HotCat.js',
	'* mentorship-ask[ResourceLoader]|someone-elses-copy.js',
	'',
	'== mentorship ==',
	'<!-- Lines below are written by the mentorship deploy; others are kept. -->',
	'* mentorship-ask[ResourceLoader]|mentorship-ask.js',
	'* LocalHelper[ResourceLoader|dependencies=mediawiki.api]|LocalHelper.js  ',
	'* mentorship-old[ResourceLoader]|mentorship-old.js',
	'* mentorship-match[ResourceLoader]|mentorship-match.js',
	'* mentorshipper[ResourceLoader]|mentorshipper.js',
	'',
	'== appearance ==',
	'*Clock|Clock.js',
	'',
].join( '\n' );

describe( 'definition: gadget ids', () => {
	it( 'reads the id of a gadget line', () => {
		expect( gadgetIdOf( '* mentorship-ask[ResourceLoader]|a.js' ) ).toBe( 'mentorship-ask' );
		expect( gadgetIdOf( '*Clock|Clock.js' ) ).toBe( 'Clock' );
		expect( gadgetIdOf( '** My gadget [ResourceLoader]|x.js' ) ).toBe( 'My_gadget' );
		expect( gadgetIdOf( '== mentorship ==' ) ).toBeNull();
		expect( gadgetIdOf( '<!-- * mentorship-ask|a.js -->' ) ).toBeNull();
		expect( gadgetIdOf( '' ) ).toBeNull();
		expect( gadgetIdOf( '* no separator' ) ).toBeNull();
	} );
} );

describe( 'definition: replaceSection', () => {
	it( 'replaces our own lines and keeps every other byte of the page', () => {
		const out = replaceSection( PAGE, 'mentorship', NEW_LINES, PREFIX );
		expect( out ).toBe( [
			'<!-- Gadget definitions: see [[mw:Extension:Gadgets]] -->',
			'== editing-tools ==',
			'* HotCat[ResourceLoader]|HotCat.js',
			'* mentorship-ask[ResourceLoader]|someone-elses-copy.js',
			'',
			'== mentorship ==',
			'<!-- Lines below are written by the mentorship deploy; others are kept. -->',
			...NEW_LINES,
			'* LocalHelper[ResourceLoader|dependencies=mediawiki.api]|LocalHelper.js  ',
			'* mentorshipper[ResourceLoader]|mentorshipper.js',
			'',
			'== appearance ==',
			'*Clock|Clock.js',
			'',
		].join( '\n' ) );
	} );

	it( 'drops gadgets of ours that the build no longer has', () => {
		const out = replaceSection( PAGE, 'mentorship', [ NEW_LINES[ 0 ] as string ], PREFIX );
		expect( out ).not.toContain( 'mentorship-old' );
		expect( out ).not.toContain( 'mentorship-match' );
		expect( out ).toContain( '* LocalHelper' );
	} );

	it( 'is idempotent', () => {
		const once = replaceSection( PAGE, 'mentorship', NEW_LINES, PREFIX );
		expect( replaceSection( once, 'mentorship', NEW_LINES, PREFIX ) ).toBe( once );
	} );

	it( 'keeps CRLF line endings', () => {
		const crlf = PAGE.replace( /\n/g, '\r\n' );
		const out = replaceSection( crlf, 'mentorship', NEW_LINES, PREFIX );
		expect( out ).toBe( replaceSection( PAGE, 'mentorship', NEW_LINES, PREFIX ).replace( /\n/g, '\r\n' ) );
		expect( out.replace( /\r\n/g, '' ) ).not.toMatch( /[\r\n]/ );
	} );

	it( 'appends a missing section after a blank line', () => {
		const page = '== tools ==\n* HotCat|HotCat.js\n\n\n';
		expect( replaceSection( page, 'mentorship', NEW_LINES, PREFIX ) ).toBe(
			'== tools ==\n* HotCat|HotCat.js\n\n== mentorship ==\n' + NEW_LINES.join( '\n' ) + '\n',
		);
		expect( replaceSection( '', 'mentorship', NEW_LINES, PREFIX ) ).toBe( '== mentorship ==\n' + NEW_LINES.join( '\n' ) + '\n' );
		expect( replaceSection( 'a\r\nb', 'mentorship', [ 'L' ], PREFIX ) ).toBe( 'a\r\nb\r\n\r\n== mentorship ==\r\nL\r\n' );
	} );

	it( 'fills a section that has none of our lines after its last line', () => {
		const page = '== mentorship ==\n* LocalHelper|LocalHelper.js\n\n== other ==\n* X|x.js';
		expect( replaceSection( page, 'mentorship', [ 'L1', 'L2' ], PREFIX ) ).toBe(
			'== mentorship ==\n* LocalHelper|LocalHelper.js\nL1\nL2\n\n== other ==\n* X|x.js',
		);
		expect( replaceSection( '== mentorship ==\n', 'mentorship', [ 'L1' ], PREFIX ) ).toBe( '== mentorship ==\nL1\n' );
	} );

	it( 'finds the section whatever the spacing of its heading, and only that section', () => {
		const page = '==mentorship==\n* mentorship-ask|a.js\n==  mentorship-extra  ==\n* mentorship-ask|b.js';
		expect( replaceSection( page, 'mentorship', [ 'NEW' ], PREFIX ) ).toBe(
			'==mentorship==\nNEW\n==  mentorship-extra  ==\n* mentorship-ask|b.js',
		);
	} );

	it( 'removes every line of ours when the build has none', () => {
		const out = replaceSection( PAGE, 'mentorship', [], PREFIX );
		expect( out.split( '\n' ).filter( ( l ) => gadgetIdOf( l ) !== null && ( gadgetIdOf( l ) as string ).indexOf( PREFIX ) === 0 ) )
			.toEqual( [ '* mentorship-ask[ResourceLoader]|someone-elses-copy.js' ] );
	} );
} );

/**
 * Applies a unified diff to `before`, checking that every context and removed line is
 * where the hunk header says: a diff that `patch` would apply cleanly.
 */
function applyDiff( before: string, diff: string ): string {
	const lines = before === '' ? [] : before.split( '\n' );
	const out: string[] = [];
	let at = 0;
	const body = diff.split( '\n' ).slice( 2 );
	for ( let i = 0; i < body.length; ) {
		const header = /^@@ -(\d+),(\d+) \+(\d+),(\d+) @@$/.exec( body[ i ] as string );
		if ( !header ) {
			throw new Error( 'not a hunk header: ' + body[ i ] );
		}
		const [ aStart, aCount, bStart, bCount ] = header.slice( 1 ).map( Number ) as [ number, number, number, number ];
		// An empty range starts after the line it names (0: before the first line).
		const from = aCount === 0 ? aStart : aStart - 1;
		while ( at < from ) {
			out.push( lines[ at++ ] as string );
		}
		expect( bCount === 0 ? bStart : bStart - 1 ).toBe( out.length );
		let a = 0;
		let b = 0;
		for ( i++; i < body.length && !( body[ i ] as string ).startsWith( '@@' ); i++ ) {
			const line = body[ i ] as string;
			const text = line.slice( 1 );
			if ( line[ 0 ] === '+' ) {
				out.push( text );
				b++;
			} else {
				expect( lines[ at ] ).toBe( text );
				at++;
				a++;
				if ( line[ 0 ] === ' ' ) {
					out.push( text );
					b++;
				}
			}
		}
		expect( [ a, b ] ).toEqual( [ aCount, bCount ] );
	}
	while ( at < lines.length ) {
		out.push( lines[ at++ ] as string );
	}
	return out.join( '\n' );
}

function numbered( n: number, prefix = 'line ' ): string[] {
	const out: string[] = [];
	for ( let i = 1; i <= n; i++ ) {
		out.push( prefix + i );
	}
	return out;
}

describe( 'diff: unifiedDiff', () => {
	it( 'shows nothing but the names for equal texts', () => {
		expect( unifiedDiff( 'a\nb', 'a\nb', 'Page' ) ).toBe( '--- Page (on the wiki)\n+++ Page (this build)' );
	} );

	it( 'shows a changed line with three lines of context, removal first', () => {
		const before = numbered( 10 ).join( '\n' );
		const after = before.replace( 'line 5', 'LINE 5' );
		expect( unifiedDiff( before, after, 'Page' ) ).toBe( [
			'--- Page (on the wiki)',
			'+++ Page (this build)',
			'@@ -2,7 +2,7 @@',
			' line 2', ' line 3', ' line 4', '-line 5', '+LINE 5', ' line 6', ' line 7', ' line 8',
		].join( '\n' ) );
	} );

	it( 'keeps changes far apart in separate hunks and close ones in one', () => {
		const before = numbered( 30 );
		const far = before.slice();
		far[ 2 ] = 'changed 3';
		far[ 20 ] = 'changed 21';
		expect( unifiedDiff( before.join( '\n' ), far.join( '\n' ), 'P' ).match( /^@@/gm ) ).toHaveLength( 2 );
		const close = before.slice();
		close[ 2 ] = 'changed 3';
		close[ 9 ] = 'changed 10';
		expect( unifiedDiff( before.join( '\n' ), close.join( '\n' ), 'P' ).match( /^@@/gm ) ).toHaveLength( 1 );
	} );

	it( 'numbers empty ranges as the line before them, as patch expects', () => {
		expect( unifiedDiff( '', 'x\ny', 'P' ).split( '\n' )[ 2 ] ).toBe( '@@ -0,0 +1,2 @@' );
		expect( unifiedDiff( 'x\ny', '', 'P' ).split( '\n' )[ 2 ] ).toBe( '@@ -1,2 +0,0 @@' );
		expect( unifiedDiff( '1\n2\n3', '1\n2\nx\n3', 'P', 0 ).split( '\n' )[ 2 ] ).toBe( '@@ -2,0 +3,1 @@' );
		expect( unifiedDiff( '1\n2\nx\n3', '1\n2\n3', 'P', 0 ).split( '\n' )[ 2 ] ).toBe( '@@ -3,1 +2,0 @@' );
	} );

	it( 'produces diffs that apply to the old text and give the new one', () => {
		const cases: [ string, string ][] = [
			[ '', 'a\nb' ],
			[ 'a\nb', '' ],
			[ 'a\nb\nc', 'a\nB\nc' ],
			[ numbered( 40 ).join( '\n' ), numbered( 40 ).filter( ( _l, i ) => i % 7 !== 3 ).join( '\n' ) ],
			[ numbered( 40 ).join( '\n' ), [ 'new first', ...numbered( 40 ), 'new last' ].join( '\n' ) ],
			[ numbered( 20 ).join( '\n' ), numbered( 20 ).map( ( l, i ) => i % 5 === 0 ? l.toUpperCase() : l ).join( '\n' ) ],
			[ 'x\ny\nz\n', 'x\nz\ny\n' ],
		];
		for ( const [ before, after ] of cases ) {
			for ( const context of [ 0, 1, 3 ] ) {
				expect( applyDiff( before, unifiedDiff( before, after, 'P', context ) ) ).toBe( after );
			}
		}
	} );

	it( 'handles texts too large for the table by replacing the middle', () => {
		const before = numbered( 2100, 'a' ).join( '\n' );
		const after = numbered( 2100, 'b' ).join( '\n' );
		const diff = unifiedDiff( before, after, 'P' );
		expect( applyDiff( before, diff ) ).toBe( after );
	} );
} );

describe( 'the lines for a wiki: dependencies checked against its module registry', () => {
	const startup = 'mw.loader.addSource({"local":"/load.php"});mw.loader.register([["site","1a2b3",[1]],["mediawiki.util","x9"],' +
		'["es6-polyfills","zz"],["oojs-ui-core","q",[0]],["name \\"quoted\\"","v"]]);mw.loader.state({"site":"ready"});';
	const lines = [
		'* mentorship-ask[ResourceLoader|dependencies=ext.gadget.mentorship-loader,mediawiki.util|targets=desktop,mobile]|mentorship-ask.js',
		'* mentorship-core[ResourceLoader|dependencies=mediawiki.util,oojs-ui-core|hidden]|mentorship-core.js',
		'* mentorship-i18n-es[ResourceLoader|hidden]|mentorship-i18n-es.js',
	];

	it( 'reads the names a startup module registers', () => {
		expect( [ ...parseRegistry( startup ) ] ).toEqual( [ 'site', 'mediawiki.util', 'es6-polyfills', 'oojs-ui-core', 'name "quoted"' ] );
		expect( parseRegistry( 'no registry here' ).size ).toBe( 0 );
	} );

	it( 'adds an optional dependency where the wiki has it (1.39), and leaves it out where it has not (1.43)', () => {
		const optional = { 'mentorship-core': [ 'es6-polyfills' ], 'mentorship-i18n-es': [ 'es6-polyfills' ] };
		const with139 = linesForWiki( lines, optional, parseRegistry( startup ) );
		expect( with139[ 1 ] ).toBe( '* mentorship-core[ResourceLoader|dependencies=es6-polyfills,mediawiki.util,oojs-ui-core|hidden]|mentorship-core.js' );
		expect( with139[ 2 ] ).toBe( '* mentorship-i18n-es[ResourceLoader|dependencies=es6-polyfills|hidden]|mentorship-i18n-es.js' );
		// The gadgets' own modules are installed by the same deploy: not looked up.
		expect( with139[ 0 ] ).toBe( lines[ 0 ] );
		const registry143 = new Set( [ 'mediawiki.util', 'oojs-ui-core' ] );
		expect( linesForWiki( lines, optional, registry143 ) ).toEqual( lines );
	} );

	it( 'refuses a line whose dependency the wiki lacks, naming the module and the gadget', () => {
		const registry = new Set( [ 'mediawiki.util' ] );
		expect( () => linesForWiki( lines, {}, registry ) ).toThrow( MissingModuleError );
		expect( () => linesForWiki( lines, {}, registry ) ).toThrow( /"oojs-ui-core", which the gadget mentorship-core depends on/ );
	} );

	it( 'finds load.php beside api.php', () => {
		expect( loadUrl( 'https://wiki.example.org/w/api.php' ) ).toBe( 'https://wiki.example.org/w/load.php' );
		expect( loadUrl( 'http://127.0.0.1:8767/api.php?format=json' ) ).toBe( 'http://127.0.0.1:8767/load.php' );
	} );
} );

describe( 'the user script\'s install page (shown above a reader\'s common.js form, never run)', () => {
	it( 'holds the line exactly as printed, in a block with no wikitext, and the deployer\'s name escaped, in the wiki\'s language', () => {
		const line = commonJsLine( 'https://wiki.example.org/w/index.php', 42 );
		const text = installText( line, 'O\'\'Brien ~~~~ [[x]]', 'fr' );
		expect( text ).toContain( '<pre class="mentorship-install-line">' + line.replace( /&/g, '&amp;' ) + '</pre>' );
		expect( text ).toContain( 'Pour activer les outils de mentorat (un script utilisateur publié par O&#39;\'Brien &#126;&#126;&#126;&#126; &#91;&#91;x&#93;&#93;)' );
		expect( text.match( /~/g ) ).toBeNull();
		// A language with no messages: English.
		expect( installText( line, 'A', 'zz' ) ).toContain( 'To turn on the mentorship tools (a user script published by A)' );
	} );
} );
