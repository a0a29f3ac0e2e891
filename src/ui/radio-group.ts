/**
 * Native radio buttons in a fieldset (the ask dialog, the panel): in a file of its own, so
 * that a feature using them does not load the other building blocks (src/ui/widgets.ts).
 */

/**
 * A group of native radio buttons in a fieldset with a legend. (OOUI's RadioSelectWidget
 * nests an input inside a role="radio" label, which screen readers and axe reject.)
 */
export class RadioGroup {
	public readonly $element: JQuery;
	private readonly inputs: { data: string; widget: OO.ui.RadioInputWidget }[] = [];
	private readonly listeners: ( ( value: string ) => void )[] = [];

	public constructor( legend: string, options: { data: string; label: string }[], value: string ) {
		const name = 'mg-radio-' + Math.floor( Math.random() * 1e9 );
		const fieldset = new OO.ui.FieldsetLayout( { label: legend, classes: [ 'mg-radio-group' ] } );
		for ( const option of options ) {
			const widget = new OO.ui.RadioInputWidget( { name: name, value: option.data, selected: option.data === value } );
			// The native event: it fires on the radio that becomes checked.
			widget.$input.on( 'change', () => {
				if ( widget.isSelected() ) {
					this.listeners.forEach( ( fn ) => fn( option.data ) );
				}
			} );
			this.inputs.push( { data: option.data, widget: widget } );
			fieldset.addItems( [ new OO.ui.FieldLayout( widget, { label: option.label, align: 'inline' } ) ] );
		}
		this.$element = fieldset.$element;
	}

	public getValue(): string {
		const checked = this.inputs.find( ( i ) => !!i.widget.isSelected() );
		return checked ? checked.data : '';
	}

	public setValue( value: string ): void {
		for ( const input of this.inputs ) {
			input.widget.setSelected( input.data === value );
		}
	}

	public onChange( fn: ( value: string ) => void ): void {
		this.listeners.push( fn );
	}
}
