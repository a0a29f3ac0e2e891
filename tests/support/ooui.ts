/**
 * The real jQuery, OOjs and OOUI (the versions MediaWiki 1.39 ships, see package.json) in
 * jsdom, as ResourceLoader gives them to the gadgets: globals `$`, `jQuery` and `OO`, OOUI's
 * core, widgets and windows, and the WikimediaUI theme.
 */

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire( import.meta.url );

function run( file: string ): void {
	// Indirect eval: the library runs in the global scope, as a <script> would.
	// eslint-disable-next-line no-eval
	( 0, eval )( readFileSync( require.resolve( file ), 'utf8' ) );
}

let loaded = false;

export function loadLibraries(): void {
	if ( loaded ) {
		return;
	}
	loaded = true;
	// Each one evaluated afresh in each test file's window (require would hand the next file
	// the jQuery of the first, bound to a window that is closed by then).
	run( 'jquery/dist/jquery.js' );
	run( 'oojs/dist/oojs.js' );
	for ( const part of [ 'core', 'widgets', 'windows', 'wikimediaui' ] ) {
		run( 'oojs-ui/dist/oojs-ui-' + part + '.js' );
	}
	// No transitions to wait for (as with prefers-reduced-motion): tests wait for states, not time.
	OO.ui.theme.getDialogTransitionDuration = () => 0;
}
