import { describe, expect, it } from 'vitest';
import { csvField, toCsv, toWikitable } from '../../src/core/export';
import { parseCsv } from '../support/csv';

describe( 'CSV', () => {
	it( 'quotes fields with commas, quotes, line breaks and edge spaces, doubling quotes', () => {
		expect( csvField( 'plain' ) ).toBe( 'plain' );
		expect( csvField( 'a,b' ) ).toBe( '"a,b"' );
		expect( csvField( 'say "hi"' ) ).toBe( '"say ""hi"""' );
		expect( csvField( 'two\nlines' ) ).toBe( '"two\nlines"' );
		expect( csvField( 'cr\rlf' ) ).toBe( '"cr\rlf"' );
		expect( csvField( ' padded ' ) ).toBe( '" padded "' );
		expect( csvField( '' ) ).toBe( '' );
		expect( csvField( 'José, محمد' ) ).toBe( '"José, محمد"' );
	} );

	it( 'keeps a spreadsheet from running a cell as a formula, but leaves numbers alone', () => {
		expect( csvField( '=HYPERLINK("http://x","y")' ) ).toBe( '"\'=HYPERLINK(""http://x"",""y"")"' );
		expect( csvField( '+1+1' ) ).toBe( '\'+1+1' );
		expect( csvField( '@SUM(A1)' ) ).toBe( '\'@SUM(A1)' );
		expect( csvField( '-2+3' ) ).toBe( '\'-2+3' );
		expect( csvField( '-5' ) ).toBe( '-5' );
		expect( csvField( '4.5' ) ).toBe( '4.5' );
		expect( csvField( '25%' ) ).toBe( '25%' );
	} );

	it( 'writes a header and rows with CRLF and a byte order mark, and reads back the same cells', () => {
		const header = [ 'Member', 'Comment' ];
		const rows = [
			[ 'Ana', 'Good, thanks' ],
			[ { text: 'Bo "B"', wikitext: '[[User:Bo|Bo]]' }, 'line one\nline two' ],
			[ 'Zoë', '' ],
		];
		const csv = toCsv( header, rows );
		expect( csv.charAt( 0 ) ).toBe( '\ufeff' );
		expect( csv ).toBe( '\ufeffMember,Comment\r\nAna,"Good, thanks"\r\n"Bo ""B""","line one\nline two"\r\nZoë,\r\n' );
		expect( parseCsv( csv ) ).toEqual( [ header, [ 'Ana', 'Good, thanks' ], [ 'Bo "B"', 'line one\nline two' ], [ 'Zoë', '' ] ] );
	} );
} );

describe( 'wikitable', () => {
	it( 'is a sortable table with a caption, header cells and one line per row', () => {
		expect( toWikitable( 'Cohort 2026', [ 'Member', 'Edits' ], [ [ 'Ana', '12' ], [ 'Bo', '3' ] ] ) ).toBe( [
			'{| class="wikitable sortable"',
			'|+ Cohort 2026',
			'! Member !! Edits',
			'|-',
			'| Ana || 12',
			'|-',
			'| Bo || 3',
			'|}',
		].join( '\n' ) );
	} );

	it( 'escapes pipes, markup, signatures and line breaks so that no cell can change the table', () => {
		const table = toWikitable( 'A | caption', [ 'Who', 'Wow!!' ], [
			[ 'a || b', 'x\n|}\n{| evil' ],
			[ '[[Link]] {{Template}} <b>', '~~~~ and \'\'italic\'\'' ],
			[ '', '-starts with a dash' ],
		] );
		const lines = table.split( '\n' );
		expect( lines ).toHaveLength( 10 );
		expect( lines[ 1 ] ).toBe( '|+ A &#124; caption' );
		expect( lines[ 2 ] ).toBe( '! Who !! Wow&#33;!' );
		expect( lines[ 4 ] ).toBe( '| a &#124;&#124; b || x &#124;&#125; &#123;&#124; evil' );
		expect( lines[ 6 ] ).not.toMatch( /\[\[|\{\{|<b>|~~~~|''/ );
		expect( lines[ 8 ] ).toBe( '|   || &#45;starts with a dash' );
		// Every row line has exactly one cell separator: two cells.
		for ( const i of [ 4, 6, 8 ] ) {
			expect( lines[ i ]!.split( '||' ) ).toHaveLength( 2 );
		}
	} );

	it( 'takes wikitext cells (user links) as given', () => {
		const table = toWikitable( '', [ 'Member' ], [ [ { text: 'Ana', wikitext: '[[User:Ana|Ana]]' } ] ] );
		expect( table ).toBe( '{| class="wikitable sortable"\n! Member\n|-\n| [[User:Ana|Ana]]\n|}' );
	} );
} );
