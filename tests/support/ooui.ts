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
	fastComputedStyle();
}

const INLINE = [ 'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'button', 'code', 'em', 'i', 'img', 'input', 'kbd', 'label', 'select', 'small', 'span', 'strong', 'sub', 'sup', 'textarea' ];

/**
 * jsdom lays nothing out: every size it reports is 0, whatever the styles. Its
 * getComputedStyle still matches each element against its whole default style sheet, which
 * made two thirds of the UI tests' time (OOUI measures its windows and growing text boxes
 * often). This one answers from the element's own style attribute, as jsdom would for
 * elements without class rules (no OOUI style sheet is loaded here): `display` from the
 * style, the hidden attribute, or the element's default (inline or block).
 */
export function fastComputedStyle(): void {
	window.getComputedStyle = ( element: Element ): CSSStyleDeclaration => {
		const style = ( element as HTMLElement ).style;
		const display = (): string => style.display ||
			( ( element as HTMLElement ).hidden ? 'none' : INLINE.includes( element.localName ) ? 'inline' : 'block' );
		return new Proxy( style, {
			get( target, property ) {
				if ( property === 'display' ) {
					return display();
				}
				if ( property === 'getPropertyValue' ) {
					return ( name: string ) => name === 'display' ? display() : target.getPropertyValue( name );
				}
				const value = Reflect.get( target, property ) as unknown;
				return typeof value === 'function' ? ( value as ( ...args: unknown[] ) => unknown ).bind( target ) : value;
			},
		} );
	};
}
