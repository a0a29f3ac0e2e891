/**
 * How a message sent from the user script tells its reader, who may run nothing, to turn the
 * tools on (issue 19). Its own module: only the welcome features use it, so no other first
 * click loads it.
 */

import { escapeInline } from '../wikitext';

/**
 * A value for a URL's query in wikitext: percent-encoded but for letters, digits and - _ .
 * (so nothing in it is wikitext: no quote, tilde, brace, bar, bracket or space).
 */
export function queryValue( value: string ): string {
	return encodeURIComponent( value ).replace( /[!'()*~]/g, ( c ) => '%' + c.charCodeAt( 0 ).toString( 16 ).toUpperCase() );
}

/**
 * How someone who runs nothing turns the tools on: the gadgets in their preferences (the
 * wiki has them), or the user script's line in their own common.js. `install`: the page that
 * shows the line (the deployer's own .js page, which only they can edit), shown above the
 * edit box of the reader's common.js; `summary`: the edit summary the form starts with.
 */
export type TurnOn = { gadget: true } | { install: string; summary: string };

/**
 * The link that turns the tools on, labelled `label`: the gadgets' section of
 * Special:Preferences, or the edit form of the reader's own common.js (Special:MyPage) with
 * the line shown above it. MediaWiki preloads no text into a JavaScript page (T297725, on
 * 1.39 and 1.43): the reader copies the line and publishes; the form is the preview and the
 * consent, and the intro says to skip a line that is there already.
 */
export function turnOnLink( how: TurnOn, label: string ): string {
	const url = 'install' in how ?
		'{{fullurl:Special:MyPage/common.js|action=edit&editintro=' + queryValue( how.install ) + '&summary=' + queryValue( how.summary ) + '}}' :
		'{{fullurl:Special:Preferences}}#mw-prefsection-gadgets';
	return '<span class="plainlinks">[' + url + ' ' + escapeInline( label ) + ']</span>';
}
