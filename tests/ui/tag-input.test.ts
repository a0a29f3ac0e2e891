/**
 * The tag pickers of the join, profile and program forms (issue 15, item 3): Enter adds what
 * was typed, a code or a name, at once (before OOUI's menu has read the text), and never
 * removes a tag.
 */

import { describe, expect, it } from 'vitest';
import { languageName } from '../../src/ui/lists';
import { optionFor, tagInput, tagValues } from '../../src/ui/widgets';
import { setupUi } from '../support/ui';

const LANGUAGE_CODE = /^[a-z]{2,3}$/;

function languagesPicker(): OO.ui.MenuTagMultiselectWidget {
	setupUi();
	const widget = tagInput( [ 'en', 'fr', 'es' ].map( ( l ) => ( { data: l, label: languageName( l ) } ) ), [ 'en' ], {
		placeholder: 'Add a language', free: true, validate: LANGUAGE_CODE, labelOf: languageName,
	} );
	$( document.body ).append( widget.$element );
	return widget;
}

/** Types into the box and presses Enter at once, as a fast typist does: the DOM has the text, OOUI has not read it yet. */
function typeEnter( widget: OO.ui.MenuTagMultiselectWidget, text: string ): KeyboardEvent {
	const input = ( widget as unknown as { input: OO.ui.TextInputWidget } ).input;
	input.focus();
	input.$input.val( text );
	const event = new KeyboardEvent( 'keydown', { key: 'Enter', bubbles: true, cancelable: true } );
	Object.defineProperty( event, 'keyCode', { value: 13 } );
	Object.defineProperty( event, 'which', { value: 13 } );
	input.$input[ 0 ]!.dispatchEvent( event );
	return event;
}

function labels( widget: OO.ui.MenuTagMultiselectWidget ): string[] {
	return widget.getItems().map( ( item ) => String( ( item as unknown as { getLabel(): unknown } ).getLabel() ) );
}

describe( 'tag pickers', () => {
	it( 'Enter after a listed code adds that language and keeps the others (it used to remove English and add nothing)', () => {
		const widget = languagesPicker();
		const event = typeEnter( widget, 'fr' );
		expect( tagValues( widget ) ).toEqual( [ 'en', 'fr' ] );
		// No form submitted by the same Enter.
		expect( event.defaultPrevented ).toBe( true );
		const input = ( widget as unknown as { input: OO.ui.TextInputWidget } ).input;
		expect( input.$input.val() ).toBe( '' );
		widget.$element.remove();
	} );

	it( 'Enter after a name, a code the program does not list, or a language already there: added once, nothing removed', () => {
		const widget = languagesPicker();
		typeEnter( widget, 'Spanish' );
		typeEnter( widget, 'DE' );
		typeEnter( widget, 'en' );
		typeEnter( widget, '' );
		expect( tagValues( widget ) ).toEqual( [ 'en', 'es', 'de' ] );
		expect( labels( widget ) ).toEqual( [ languageName( 'en' ), languageName( 'es' ), languageName( 'de' ) ] );
		widget.$element.remove();
	} );

	it( 'text that is no language is refused in place, and kept for correcting', () => {
		const widget = languagesPicker();
		typeEnter( widget, 'not a language!' );
		expect( tagValues( widget ) ).toEqual( [ 'en' ] );
		expect( widget.hasFlag( 'invalid' ) ).toBe( true );
		const input = ( widget as unknown as { input: OO.ui.TextInputWidget } ).input;
		expect( input.$input.val() ).toBe( 'not a language!' );
		widget.$element.remove();
	} );

	it( 'a list of topics (not free) adds the topic named, or the first that begins with the text', () => {
		setupUi();
		const widget = tagInput( [ 'Art', 'Science', 'Medicine' ].map( ( t ) => ( { data: t, label: t } ) ), [], { placeholder: 'Topics' } );
		$( document.body ).append( widget.$element );
		typeEnter( widget, 'science' );
		typeEnter( widget, 'Med' );
		typeEnter( widget, 'Cooking' );
		expect( tagValues( widget ) ).toEqual( [ 'Science', 'Medicine' ] );
		widget.$element.remove();
	} );

	it( 'optionFor: by code, by label, by name without the code, by the beginning of the label', () => {
		const options = [ { data: 'fr', label: 'French (fr)' }, { data: 'es', label: 'Spanish (es)' } ];
		expect( optionFor( options, 'FR' ) ).toEqual( options[ 0 ] );
		expect( optionFor( options, 'french (fr)' ) ).toEqual( options[ 0 ] );
		expect( optionFor( options, ' spanish ' ) ).toEqual( options[ 1 ] );
		expect( optionFor( options, 'Spa' ) ).toEqual( options[ 1 ] );
		expect( optionFor( options, 'German' ) ).toBeNull();
		expect( optionFor( options, '' ) ).toBeNull();
	} );
} );
