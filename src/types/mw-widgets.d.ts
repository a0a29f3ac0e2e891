/** The mediawiki.widgets classes the panel uses (types-mediawiki does not describe them). */
declare namespace mw.widgets {
	interface DateInputWidgetConfig {
		value?: string;
		mustBeAfter?: string;
		mustBeBefore?: string;
		placeholderLabel?: string;
		required?: boolean;
	}

	class DateInputWidget extends OO.ui.TextInputWidget {
		public constructor( config?: DateInputWidgetConfig );
	}

	interface TitleInputWidgetConfig {
		value?: string;
		namespace?: number;
		validateTitle?: boolean;
		required?: boolean;
		placeholder?: string;
	}

	class TitleInputWidget extends OO.ui.TextInputWidget {
		public constructor( config?: TitleInputWidgetConfig );
	}
}
