/** One window manager for every dialog of the gadgets. */

let manager: OO.ui.WindowManager | null = null;

export function windowManager(): OO.ui.WindowManager {
	if ( !manager ) {
		manager = new OO.ui.WindowManager();
		$( document.body ).append( manager.$element );
	}
	return manager;
}

/**
 * Gives a subclass of an OOUI class its own `static` object. TypeScript's class
 * inheritance copies the parent's statics by reference; OOUI expects a prototype chain
 * (as OO.inheritClass makes), or names and actions would be shared with the parent.
 */
export function ownStatics( child: { static: object }, parent: { static: object } ): void {
	child.static = Object.create( parent.static );
}

/** Opens a dialog, returning focus to `trigger` when it closes. */
export function openWindow( win: OO.ui.Window, data: Record<string, unknown>, trigger?: HTMLElement ): OO.ui.WindowInstance {
	const wm = windowManager();
	if ( !win.getManager() ) {
		wm.addWindows( [ win ] );
	}
	const options: Record<string, unknown> = {};
	for ( const key in data ) {
		if ( Object.prototype.hasOwnProperty.call( data, key ) ) {
			options[ key ] = data[ key ];
		}
	}
	if ( trigger ) {
		options.$returnFocusTo = $( trigger );
	}
	return wm.openWindow( win, options );
}

/** A jQuery promise for a native one (OOUI processes and dialogs expect jQuery's). */
export function jq<T>( promise: Promise<T> ): JQuery.Promise<T> {
	const deferred = $.Deferred<T>();
	promise.then( ( value ) => {
		deferred.resolve( value );
	}, ( e: unknown ) => {
		deferred.reject( e );
	} );
	return deferred.promise();
}
