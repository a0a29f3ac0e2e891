/**
 * MediaWiki:Gadgets-definition: replacing the lines of our own section and nothing else.
 *
 * The page is a list of sections ("== name ==") holding gadget lines ("* id[options]|files").
 * Our deploy owns the gadget lines of its section whose ids start with its prefix; every
 * other byte of the page (other sections, other gadgets' lines even inside our section,
 * comments, blank lines) is kept as it is.
 */

const HEADING = /^==\s*(.*?)\s*==\s*$/;
const GADGET_LINE = /^\*+\s*([a-zA-Z][-_:.\w ]*?)\s*(\[|\|)/;

export function gadgetIdOf( line: string ): string | null {
	const m = GADGET_LINE.exec( line );
	return m ? ( m[ 1 ] as string ).trim().replace( / /g, '_' ) : null;
}

/**
 * Returns the text with the section's own lines (ids starting with `prefix`) replaced
 * by `lines`; appends the section when the page has none.
 *
 * @param text
 * @param section
 * @param lines
 * @param prefix
 */
export function replaceSection( text: string, section: string, lines: string[], prefix: string ): string {
	const eol = text.includes( '\r\n' ) ? '\r\n' : '\n';
	const all = text === '' ? [] : text.split( /\r?\n/ );
	let start = -1;
	for ( let i = 0; i < all.length; i++ ) {
		const m = HEADING.exec( all[ i ] as string );
		if ( m && m[ 1 ] === section ) {
			start = i;
			break;
		}
	}
	if ( start === -1 ) {
		const body = text.replace( /\s+$/, '' );
		return ( body ? body + eol + eol : '' ) + '== ' + section + ' ==' + eol + lines.join( eol ) + eol;
	}
	let end = all.length;
	for ( let i = start + 1; i < all.length; i++ ) {
		if ( HEADING.test( all[ i ] as string ) ) {
			end = i;
			break;
		}
	}
	const out = all.slice( 0, start + 1 );
	let inserted = false;
	for ( let i = start + 1; i < end; i++ ) {
		const line = all[ i ] as string;
		const id = gadgetIdOf( line );
		if ( id !== null && id.indexOf( prefix ) === 0 ) {
			if ( !inserted ) {
				out.push( ...lines );
				inserted = true;
			}
			continue;
		}
		out.push( line );
	}
	if ( !inserted ) {
		// After the section's last non-blank line.
		let at = out.length;
		while ( at > start + 1 && ( out[ at - 1 ] as string ).trim() === '' ) {
			at--;
		}
		out.splice( at, 0, ...lines );
	}
	return out.concat( all.slice( end ) ).join( eol );
}
