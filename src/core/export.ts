/**
 * Exports of a table (the coordinator's dashboard): CSV for spreadsheets and a wikitable
 * ready to paste into a report page. Cells are given as text (what the table shows);
 * both formats escape whatever a cell holds, so a name, a comment or a topic someone
 * typed cannot break a row, start a formula or add markup.
 */

import { escapeInline } from './wikitext';

/** A cell: plain text (escaped), or wikitext the caller built safely (a user link). */
export type Cell = string | { wikitext: string; text: string };

function textOf( cell: Cell ): string {
	return typeof cell === 'string' ? cell : cell.text;
}

/** A number or a date, which a spreadsheet may read as such (never a formula). */
const PLAIN_VALUE = /^-?\d+([.,]\d+)?%?$/;
/** What a spreadsheet would take for the start of a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or
 * spaces at either end, with quotes doubled. A field a spreadsheet would run as a
 * formula (=, +, -, @ first) gets a leading apostrophe, unless it is a plain number.
 */
export function csvField( value: string ): string {
	let v = value;
	if ( FORMULA_START.test( v ) && !PLAIN_VALUE.test( v ) ) {
		v = '\'' + v;
	}
	if ( /[",\r\n]|^\s|\s$/.test( v ) ) {
		return '"' + v.replace( /"/g, '""' ) + '"';
	}
	return v;
}

/**
 * A CSV document: a header row then the rows, lines ended with CRLF (RFC 4180). It
 * starts with a byte order mark so that spreadsheets read it as UTF-8.
 */
export function toCsv( header: string[], rows: Cell[][] ): string {
	const lines = [ header.map( csvField ).join( ',' ) ];
	for ( const row of rows ) {
		lines.push( row.map( ( cell ) => csvField( textOf( cell ) ) ).join( ',' ) );
	}
	return '\ufeff' + lines.join( '\r\n' ) + '\r\n';
}

/** A cell's wikitext: text escaped for use inline in a table row (pipes, markup, line breaks). */
function wikiCell( cell: Cell ): string {
	// "!!" separates header cells: escape it too (it means nothing in a data cell).
	const text = typeof cell === 'string' ? escapeInline( cell ).replace( /!!/g, '&#33;!' ) : cell.wikitext;
	// A cell that is empty, or starts with a character the table syntax reads, gets a space first.
	return text === '' ? ' ' : text;
}

/**
 * A sortable wikitable with a caption, header cells and one line per row ("| a || b").
 * Everything in a text cell is escaped (see escapeInline): pipes, brackets, braces,
 * tags, signatures and line breaks cannot change the table.
 */
export function toWikitable( caption: string, header: string[], rows: Cell[][] ): string {
	const lines = [ '{| class="wikitable sortable"' ];
	if ( caption ) {
		lines.push( '|+ ' + escapeInline( caption ) );
	}
	lines.push( '! ' + header.map( ( h ) => wikiCell( h ) ).join( ' !! ' ) );
	for ( const row of rows ) {
		lines.push( '|-' );
		lines.push( '| ' + row.map( wikiCell ).join( ' || ' ) );
	}
	lines.push( '|}' );
	return lines.join( '\n' );
}
