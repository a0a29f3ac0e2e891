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
			$box.append( $( '<p>' ).text( part.trim() ) );
		}
	}
	return $box;
}

interface DisplayNamesLike {
	of( code: string ): string | undefined;
}

let languageNames: DisplayNamesLike | null | undefined;

/** The name of a language in the user's language ("es" -> "Spanish"), or the code. */
export function languageName( code: string ): string {
	if ( languageNames === undefined ) {
		languageNames = null;
		const intl = ( window as unknown as { Intl?: { DisplayNames?: new ( locales: string[], options: { type: string } ) => DisplayNamesLike } } ).Intl;
		if ( intl && intl.DisplayNames ) {
			try {
				languageNames = new intl.DisplayNames( [ String( mw.config.get( 'wgUserLanguage' ) ) ], { type: 'language' } );
			} catch ( e ) {
				languageNames = null;
			}
		}
	}
	let name: string | undefined;
	try {
		name = languageNames ? languageNames.of( code ) : undefined;
	} catch ( e ) {
		name = undefined;
	}
	return name && name !== code ? name + ' (' + code + ')' : code;
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

/** A multiselect of tags from a list (topics), or free ones when `free` (languages). */
export function tagInput( options: { data: string; label: string }[], selected: string[], config: { placeholder: string; free?: boolean; validate?: RegExp } ): OO.ui.MenuTagMultiselectWidget {
	const widget = new OO.ui.MenuTagMultiselectWidget( {
		options: options,
		selected: selected,
		allowArbitrary: !!config.free,
		placeholder: config.placeholder,
		inputPosition: 'inline',
		tagLimit: 50,
	} );
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

/** A heading for a section of the panel. */
export function heading( text: string, level = 3 ): JQuery {
	return $( '<h' + level + '>' ).text( text );
}

/** A short status line that screen readers announce. */
export function statusLine(): JQuery {
	return $( '<div>' ).attr( { role: 'status', 'aria-live': 'polite' } ).addClass( 'mg-status' );
}

/**
 * Names a dropdown for assistive technology: OOUI labels the hidden <select> of a
 * DropdownInputWidget, not the combobox people reach with the keyboard.
 */
export function nameDropdown( widget: OO.ui.DropdownInputWidget, label: string ): OO.ui.DropdownInputWidget {
	const inner = ( widget as unknown as { dropdownWidget?: { $handle?: JQuery; $label?: JQuery } } ).dropdownWidget;
	if ( inner && inner.$handle ) {
		inner.$handle.attr( 'aria-label', label );
	}
	// Its label is a read-only textbox showing the choice: it needs a name too.
	if ( inner && inner.$label ) {
		inner.$label.attr( 'aria-label', label );
	}
	return widget;
}
