/**
 * Small building blocks shared by the panel and the dialogs. Everything a user typed is
 * put in the DOM as text.
 */

import { formatNumber, msg } from './i18n';

/** A link to a user's page, with the name as text. */
export function userLink( name: string ): JQuery {
	return $( '<a>' ).attr( 'href', mw.util.getUrl( 'User:' + name ) ).text( name );
}

/** A link to a page, with its title (or a label) as text. */
export function pageLink( title: string, label?: string, params?: Record<string, string> ): JQuery {
	return $( '<a>' ).attr( 'href', mw.util.getUrl( title, params ) ).text( label === undefined ? title : label );
}

/** Paragraphs of a text someone typed (blank lines separate them), as text. */
export function paragraphs( text: string, className?: string ): JQuery {
	const $box = $( '<div>' );
	if ( className ) {
		$box.addClass( className );
	}
	for ( const part of text.split( /\n\s*\n/ ) ) {
		if ( part.trim() ) {
			// Typed by people, in any script: its own direction, whatever the interface's.
			$box.append( $( '<p>' ).attr( 'dir', 'auto' ).text( part.trim() ) );
		}
	}
	return $box;
}

/**
 * A mentee's goals as they typed them, under their name: labelled, text only, in its own
 * direction (dir="auto"), for their mentor and the coordinators.
 */
export function goalsBlock( goals: string | null | undefined ): JQuery {
	if ( !goals ) {
		return $( [] );
	}
	return $( '<div>' ).addClass( 'mg-goals' ).append(
		$( '<span>' ).addClass( 'mg-muted' ).text( msg( 'mentorship-goals-label' ) + ' ' ),
		$( '<bdi>' ).attr( 'dir', 'auto' ).text( goals ),
	);
}

/**
 * A text of the interface holding something a person typed (a note, a comment): the typed
 * part in its own direction (<bdi dir="auto">), so that an English note in an Arabic sentence,
 * or the reverse, does not reorder the sentence around it. As text only.
 */
export function withTyped( text: string, typed: string | null | undefined ): JQuery {
	const at = typed ? text.indexOf( typed ) : -1;
	if ( !typed || at === -1 ) {
		return $( '<span>' ).text( text );
	}
	return $( '<span>' ).append(
		document.createTextNode( text.slice( 0, at ) ),
		$( '<bdi>' ).attr( 'dir', 'auto' ).text( typed ),
		document.createTextNode( text.slice( at + typed.length ) ),
	);
}

/** A multiline text input with a visible length counter (announced politely to screen readers). */
export class CountedText {
	public readonly input: OO.ui.MultilineTextInputWidget;
	public readonly field: OO.ui.FieldLayout;
	public readonly $element: JQuery;
	private readonly counter: OO.ui.LabelWidget;
	private readonly max: number;

	public constructor( options: { label: string; max: number; value?: string; rows?: number; placeholder?: string; help?: string; required?: boolean } ) {
		this.max = options.max;
		this.input = new OO.ui.MultilineTextInputWidget( {
			rows: options.rows || 4,
			autosize: true,
			maxRows: 14,
			maxLength: options.max,
			value: options.value || '',
			placeholder: options.placeholder,
			required: !!options.required,
		} );
		const id = 'mg-counter-' + Math.floor( Math.random() * 1e9 );
		this.counter = new OO.ui.LabelWidget( { classes: [ 'mg-counter' ] } );
		this.counter.$element.attr( { id: id, 'aria-live': 'polite' } );
		this.input.$input.attr( 'aria-describedby', id );
		// What people type here is shown to others in its own direction; it is typed in it too.
		this.input.$input.attr( 'dir', 'auto' );
		this.field = new OO.ui.FieldLayout( this.input, {
			label: options.label,
			align: 'top',
			help: options.help,
			helpInline: !!options.help,
		} );
		this.$element = $( '<div>' ).append( this.field.$element, this.counter.$element );
		this.input.on( 'change', () => this.update() );
		this.update();
	}

	private update(): void {
		const length = this.input.getValue().length;
		this.counter.setLabel( msg( 'mentorship-ask-counter', formatNumber( length ), formatNumber( this.max ) ) );
		this.counter.$element.toggleClass( 'mg-counter-near', length > this.max * 0.9 );
	}

	public getValue(): string {
		return this.input.getValue();
	}
}

/**
 * A widget's config with `$overlay`: where its menu, calendar or suggestions are drawn. In
 * the panel, the page's overlay (a tab panel would cut off a menu near its end); in a
 * dialog, the dialog's. (The typings of some mediawiki.widgets configs omit it.)
 */
export function withOverlay<T extends object>( config: T, $overlay: JQuery = OO.ui.getDefaultOverlay() ): T {
	return { $overlay: $overlay, ...config };
}

/**
 * The option a typed text names: its data or its label, ignoring case ("fr", "French (fr)",
 * "french"), else the first whose label starts with the text ("Span" for "Spanish (es)").
 */
export function optionFor( options: { data: string; label: string }[], typed: string ): { data: string; label: string } | null {
	const text = typed.trim().toLowerCase();
	if ( !text ) {
		return null;
	}
	const name = ( label: string ): string => label.replace( /\s*\([^()]*\)$/, '' ).toLowerCase();
	for ( const option of options ) {
		if ( option.data.toLowerCase() === text || option.label.toLowerCase() === text || name( option.label ) === text ) {
			return option;
		}
	}
	for ( const option of options ) {
		if ( option.label.toLowerCase().indexOf( text ) === 0 ) {
			return option;
		}
	}
	return null;
}

/**
 * A multiselect of tags from a list (topics), or free ones when `free` (languages, each
 * labelled by `labelOf`).
 *
 * Enter adds what was typed (an option named by its data or label, or for a free list any
 * text that `validate` accepts) and never removes a tag: OOUI's menu, which reads the
 * typed text a moment later, chose its first selected option on an Enter typed before
 * that, which removed that tag ("en" gone after typing "fr" and Enter), and added nothing.
 */
export function tagInput( options: { data: string; label: string }[], selected: string[], config: {
	placeholder: string; free?: boolean; validate?: RegExp; labelOf?: ( data: string ) => string;
} ): OO.ui.MenuTagMultiselectWidget {
	const widget = new OO.ui.MenuTagMultiselectWidget( {
		options: options,
		selected: selected,
		allowArbitrary: !!config.free,
		placeholder: config.placeholder,
		inputPosition: 'inline',
		tagLimit: 50,
		// The menu in the page's overlay: a tab panel would cut off a menu near its end.
		$overlay: OO.ui.getDefaultOverlay(),
	} );
	// OOUI's menu chooses its highlighted option on Tab, which adds or (for a chosen one)
	// removes a tag when a keyboard user only wants to move on: close the menu first.
	widget.$element[ 0 ]!.addEventListener( 'keydown', ( e ) => {
		if ( e.key === 'Tab' ) {
			widget.getMenu().toggle( false );
		}
	}, true );
	const input = ( widget as unknown as { input: OO.ui.TextInputWidget } ).input;
	// Captured on the way down, before OOUI's own handlers on the input (jQuery's came first there).
	widget.$element[ 0 ]!.addEventListener( 'keydown', ( e ) => {
		if ( e.key !== 'Enter' || e.isComposing || e.target !== input.$input[ 0 ] ) {
			return;
		}
		const typed = String( input.$input.val() || '' ).trim();
		const menu = widget.getMenu();
		if ( !typed && menu.isVisible() && menu.findHighlightedItem() ) {
			// An option the user moved to with the arrow keys: the menu chooses it.
			return;
		}
		e.preventDefault();
		e.stopImmediatePropagation();
		if ( !typed ) {
			return;
		}
		let option = optionFor( options, typed );
		if ( !option && config.free ) {
			const data = typed.toLowerCase();
			if ( !config.validate || config.validate.test( data ) ) {
				option = { data: data, label: config.labelOf ? config.labelOf( data ) : data };
			}
		}
		if ( !option ) {
			widget.toggleValid( false );
			return;
		}
		if ( !widget.findItemFromData( option.data ) ) {
			widget.addTag( option.data, option.label );
		}
		input.setValue( '' );
		widget.toggleValid( true );
	}, true );
	if ( config.validate ) {
		const pattern = config.validate;
		( widget as unknown as { isAllowedData( data: string ): boolean } ).isAllowedData = function ( data: string ): boolean {
			return pattern.test( String( data ) );
		};
	}
	return widget;
}

/** The values of a tag multiselect. */
export function tagValues( widget: OO.ui.TagMultiselectWidget ): string[] {
	return ( widget.getValue() as unknown as ( string | { data: string } )[] ).map( ( v ) => typeof v === 'string' ? v : String( v.data ) );
}

/** A table with its caption and its column headers (for screen readers), around `$body`. */
export function dataTable( className: string, caption: string, columns: string[], $body: JQuery ): JQuery {
	return $( '<table>' ).addClass( className ).append(
		$( '<caption>' ).text( caption ),
		$( '<thead>' ).append( $( '<tr>' ).append( columns.map( ( c ) => $( '<th>' ).attr( 'scope', 'col' ).text( c ) ) ) ),
		$body,
	);
}

/** A heading for a section of the panel. */
export function heading( text: string, level = 3 ): JQuery {
	return $( '<h' + level + '>' ).text( text );
}

/** A short status line that screen readers announce. */
export function statusLine(): JQuery {
	return $( '<div>' ).attr( { role: 'status', 'aria-live': 'polite' } ).addClass( 'mg-status' );
}

/**
 * Gives an OOUI dropdown's visible handle an accessible name (OOUI labels only the hidden
 * native select it keeps in sync).
 */
export function nameDropdown( widget: OO.ui.DropdownInputWidget, name: string ): OO.ui.DropdownInputWidget {
	const dropdown = ( widget as unknown as { dropdownWidget?: OO.ui.DropdownWidget } ).dropdownWidget;
	if ( dropdown ) {
		dropdown.$handle.attr( 'aria-label', name );
		dropdown.$label.attr( 'aria-label', name );
	}
	return widget;
}

let labelIds = 0;

/**
 * Gives a MediaWiki date box, in its field, an accessible name: the field's label (the
 * FieldLayout labels only the hidden input the widget keeps, so a screen reader read the
 * placeholder, "YYYY-MM-DD"). The text box is named by the label; the handle shown when the
 * box is closed, a button, by the label and the date it shows ("Away until 1 March 2099").
 */
export function nameDateInput( widget: mw.widgets.DateInputWidget, field: OO.ui.FieldLayout ): void {
	const parts = widget as unknown as { textInput?: OO.ui.TextInputWidget; $handle?: JQuery; innerLabel?: OO.ui.LabelWidget };
	const $label = field.$label;
	const labelId = $label.attr( 'id' ) || 'mg-date-label-' + ( ++labelIds );
	$label.attr( 'id', labelId );
	if ( parts.textInput ) {
		parts.textInput.$input.attr( 'aria-labelledby', labelId );
	}
	if ( parts.$handle && parts.innerLabel ) {
		const shownId = labelId + '-shown';
		parts.innerLabel.$element.attr( 'id', shownId );
		parts.$handle.attr( { role: 'button', 'aria-labelledby': labelId + ' ' + shownId } );
	}
}

/**
 * Whether a form's submit comes from Enter in a date box. There Enter confirms the date
 * (MediaWiki's widget closes its calendar); it must not also save the form, as it did in
 * the mentor's profile before a backup was chosen.
 */
export function submittedFromDateBox(): boolean {
	const active = document.activeElement;
	return !!active && $( active ).closest( '.mw-widget-dateInputWidget' ).length > 0;
}

/** How long a question has waited: "Unanswered for 3 days", or "asked today" (not "for 0 days"). */
export function unansweredText( days: number ): string {
	return days < 1 ? msg( 'mentorship-question-unanswered-today' ) : msg( 'mentorship-question-unanswered', days );
}
