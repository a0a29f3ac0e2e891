/**
 * What a program message may not hold (subst:, categories, styles that cover the page),
 * checked by the console's form and by the welcome dialogs before they post one: in a file
 * of its own, so that the welcome dialogs do not load the rest of program-config.ts.
 */

/** What a program message may not hold: it is posted under the inviter's name. */
export type MessageHazard = 'subst' | 'category' | 'position';

function decodeForCheck( text: string ): string {
	// What the parser and the CSS sanitizer would decode: character references, CSS escapes and comments.
	return text
		.replace( /&#x([0-9a-f]+);?/gi, ( _all, hex: string ) => String.fromCharCode( parseInt( hex, 16 ) ) )
		.replace( /&#(\d+);?/g, ( _all, dec: string ) => String.fromCharCode( Number( dec ) ) )
		.replace( /\\([0-9a-f]{1,6})\s?/gi, ( _all, hex: string ) => String.fromCharCode( parseInt( hex, 16 ) ) )
		.replace( /\\(.)/g, '$1' )
		.replace( /\/\*[\s\S]*?\*\//g, '' );
}

/**
 * The hazards in a program message's wikitext: `subst:` or `safesubst:` (expanded once,
 * under the inviter's name), a category (it would put the newcomer's talk page in it; a
 * link with a leading colon is fine) and styles that position a block out of the text's
 * flow or cover the page (fixed, absolute or sticky positioning, z-index, sizes in vw/vh).
 * `categoryNames` are the wiki's names of the category namespace (localised and aliases).
 */
export function messageHazards( text: string, categoryNames: string[] = [ 'Category' ] ): MessageHazard[] {
	const found: MessageHazard[] = [];
	const plain = decodeForCheck( text );
	if ( /(?:^|[^a-z])(?:safe)?subst\s*:/i.test( plain ) ) {
		found.push( 'subst' );
	}
	const names = categoryNames.concat( [ 'Category' ] ).map( ( n ) => n.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' ).replace( /[ _]+/g, '[ _]+' ) );
	if ( new RegExp( '\\[\\[\\s*(?:' + names.join( '|' ) + ')\\s*:', 'i' ).test( plain ) ) {
		found.push( 'category' );
	}
	if ( /position\s*:\s*(?:fixed|absolute|sticky)|z-index\s*:|\d\s*v(?:w|h|min|max)\b/i.test( plain ) ) {
		found.push( 'position' );
	}
	return found;
}
