/**
 * The invisible marker of a posted message (which program sent which kind of message, by
 * whom and when), and reading those markers back from a talk page.
 */

import { marker } from '../wikitext';

/** What the invisible marker of a posted message says. */
export interface InvitationMark {
	program: string;
	kind: string;
	by: string;
	time: string;
	/** Unique per post: finds a post whose response was lost. */
	id?: string;
}

/** Values are percent-encoded, and so are - and ~ (a comment cannot hold --; ~~~ would sign). */
function encodeValue( value: string ): string {
	return encodeURIComponent( value ).replace( /-/g, '%2D' ).replace( /~/g, '%7E' ).replace( /[!'()*]/g, ( c ) => '%' + c.charCodeAt( 0 ).toString( 16 ).toUpperCase() );
}

function decodeValue( value: string ): string | null {
	try {
		return decodeURIComponent( value );
	} catch ( e ) {
		return null;
	}
}

export function invitationMarker( mark: InvitationMark ): string {
	const parts = [ 'program=' + encodeValue( mark.program ), 'kind=' + encodeValue( mark.kind ),
		'by=' + encodeValue( mark.by ), 'time=' + encodeValue( mark.time ) ];
	if ( mark.id ) {
		parts.push( 'id=' + encodeValue( mark.id ) );
	}
	return marker( 'mentorship-invitation ' + parts.join( ' ' ) );
}

const MARKER = /<!--\s*mentorship-invitation\s([^>]*?)-->/g;

/** Every invitation marker in a page's wikitext, in page order. Damaged markers are ignored. */
export function parseInvitationMarkers( wikitext: string ): InvitationMark[] {
	const out: InvitationMark[] = [];
	let m: RegExpExecArray | null;
	MARKER.lastIndex = 0;
	while ( ( m = MARKER.exec( wikitext ) ) !== null ) {
		const fields: Record<string, string> = {};
		for ( const pair of ( m[ 1 ] as string ).split( /\s+/ ) ) {
			const eq = pair.indexOf( '=' );
			if ( eq > 0 ) {
				const value = decodeValue( pair.slice( eq + 1 ) );
				if ( value !== null ) {
					fields[ pair.slice( 0, eq ) ] = value;
				}
			}
		}
		if ( fields.program && fields.kind && fields.by && fields.time ) {
			const mark: InvitationMark = { program: fields.program, kind: fields.kind, by: fields.by, time: fields.time };
			if ( fields.id ) {
				mark.id = fields.id;
			}
			out.push( mark );
		}
	}
	return out;
}
