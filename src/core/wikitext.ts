/**
 * Building the wikitext the gadgets post, with what people typed escaped for where it is
 * placed: as literal text in a paragraph, inline in a heading or link label, or as the
 * value of a template parameter. Escaping uses numeric character references, which every
 * wiki understands (no {{!}} or {{=}} templates needed), and <nowiki> for whole lines, so
 * that signatures (four tildes), templates, tags and headings a user typed are shown as typed.
 */

import { PANEL_GADGET, PANEL_PAGE } from '../lib/contract';

export { fillSummary, fillTemplate } from './template';

/** The signature the wiki expands on save (built at run time: a literal would be expanded in the gadget page itself). */
export function signature(): string {
	return new Array( 5 ).join( '~' );
}

const ALWAYS = /[&<>[\]{}|=]/g;
// Built at run time: the gadget page itself is wrapped in nowiki and must not contain its end tag.
const NOWIKI_OPEN = '<nowiki>';
const NOWIKI_CLOSE = [ '<', '/nowiki>' ].join( '' );
const LINE_START = /^[*#:; !-]/;

function entity( c: string ): string {
	return '&#' + c.charCodeAt( 0 ) + ';';
}

/**
 * Escapes a short text for inline use (headings, link labels, list items, template
 * values): brackets, braces, pipes, =, & and tags become character references, as does
 * EVERY tilde (so that no run of three or more, a signature, survives: `~~~~` becomes
 * four references, not `&#126;~~~`), and the sequences the wiki would expand or interpret:
 * two quotes, two underscores (behaviour switches), the colon of `://` (free external
 * links), the space after ISBN, RFC and PMID (magic links), and a first character that
 * would start a list or an indent. Newlines become spaces.
 */
export function escapeInline( text: string ): string {
	return text
		.replace( /[\r\n\t]+/g, ' ' )
		.replace( ALWAYS, entity )
		.replace( /~/g, '&#126;' )
		.replace( /''/g, '&#39;\'' )
		.replace( /__/g, '&#95;_' )
		.replace( /:\/\//g, '&#58;//' )
		.replace( /\b(ISBN|RFC|PMID) /g, '$1&#32;' )
		.replace( /\b(ISBN|RFC|PMID)\u00a0/g, '$1&#160;' )
		.replace( LINE_START, entity );
}

/**
 * Escapes a text someone typed so that it shows exactly as typed, line by line:
 * paragraphs (blank lines) are kept, single line breaks become <br />, and every line is
 * wrapped in <nowiki> (with &, < and > escaped, so the text cannot close the nowiki).
 */
export function escapeBlock( text: string ): string {
	const paragraphs = text.replace( /\r\n?/g, '\n' ).split( /\n[ \t]*\n/ );
	const out: string[] = [];
	for ( const paragraph of paragraphs ) {
		const lines = paragraph.split( '\n' ).filter( ( line ) => line.trim() !== '' );
		if ( lines.length ) {
			out.push( lines.map( ( line ) => NOWIKI_OPEN + line.replace( /&/g, '&amp;' ).replace( /</g, '&lt;' ).replace( />/g, '&gt;' ) + NOWIKI_CLOSE ).join( '<br />\n' ) );
		}
	}
	return out.join( '\n\n' );
}

/** Section headings are given to the API as sectiontitle: one line, no markup. */
export function headingText( text: string ): string {
	return escapeInline( text ).slice( 0, 1000 );
}

/** An HTML comment carrying machine-readable data; `--` and `>` cannot end it early. */
export function marker( data: string ): string {
	return '<!-- ' + data.replace( /--+/g, '-' ).replace( />/g, '&gt;' ) + ' -->';
}

/** A link to a page, with an optional label (escaped). Titles come from the wiki and cannot hold [ ] | { }. */
export function pageLink( title: string, label?: string ): string {
	const target = /^(Category|File|Image):/i.test( title ) ? ':' + title : title;
	return '[[' + target + ( label !== undefined ? '|' + escapeInline( label ) : '' ) + ']]';
}

/**
 * A link to a section of a page, labelled with the heading: the heading is escaped in the
 * target and the label alike (the wiki decodes character references in a link's fragment).
 */
export function sectionLink( title: string, heading: string ): string {
	const target = /^(Category|File|Image):/i.test( title ) ? ':' + title : title;
	const escaped = escapeInline( heading );
	return '[[' + target + '#' + escaped + '|' + escaped + ']]';
}

/**
 * A link to a program in the mentorship panel, for everyone: the URL loads the panel's
 * gadget even for readers who have not turned it on (supportsUrlLoad). A wikilink cannot
 * carry that query, so it is {{fullurl:}}'s URL inside a plainlinks span, which every skin
 * styles as an ordinary link to the wiki (no external-link arrow; what Twinkle and
 * HostBot's Teahouse invitations do too).
 */
export function panelLink( programId: string, label: string ): string {
	return '<span class="plainlinks">[{{fullurl:' + PANEL_PAGE + '|program=' + programId + '&withgadget=' + PANEL_GADGET + '}} ' +
		escapeInline( label ) + ']</span>';
}

/** A link to a user's page, which notifies them where mentions are notified (Echo). */
export function userLink( name: string ): string {
	return '[[User:' + name + '|' + escapeInline( name ) + ']]';
}

/** Whether a talk page's wikitext opts out of messages from this tool ({{nobots}}, {{bots|deny=…}}). */
export function denies( wikitext: string, tool: string ): boolean {
	if ( /\{\{\s*nobots\s*\}\}/i.test( wikitext ) ) {
		return true;
	}
	const bots = /\{\{\s*bots\s*\|([^}]*)\}\}/gi;
	let m: RegExpExecArray | null;
	while ( ( m = bots.exec( wikitext ) ) !== null ) {
		const params = ( m[ 1 ] as string ).split( '|' );
		for ( const param of params ) {
			const eq = param.indexOf( '=' );
			if ( eq === -1 ) {
				continue;
			}
			const name = param.slice( 0, eq ).trim().toLowerCase();
			const list = param.slice( eq + 1 ).split( ',' ).map( ( s ) => s.trim().toLowerCase() );
			if ( name === 'deny' && ( list.indexOf( 'all' ) !== -1 || list.indexOf( tool.toLowerCase() ) !== -1 ) ) {
				return true;
			}
			if ( name === 'allow' && ( list.indexOf( 'none' ) !== -1 || ( list.indexOf( 'all' ) === -1 && list.indexOf( tool.toLowerCase() ) === -1 ) ) ) {
				return true;
			}
			if ( name === 'optout' && list.indexOf( 'all' ) !== -1 ) {
				return true;
			}
		}
	}
	return false;
}
