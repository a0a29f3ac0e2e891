/**
 * Showing failures: every MentorshipError has a message that says what happened and what
 * to do; some come with an action (send anyway after an AbuseFilter warning, log in again
 * in another tab after the session ended).
 */

import { isMentorshipError, MentorshipError } from '../core/errors';
import { describeIssue } from '../core/schema';
import { msg } from './i18n';

/** The user-facing text of any failure. */
export function errorText( e: unknown ): string {
	if ( isMentorshipError( e ) ) {
		let params = e.params;
		if ( e.kind === 'invalid' && e.details.issues && e.details.issues.length ) {
			const first = e.details.issues[ 0 ];
			params = [ e.params[ 0 ] || '', first ? first.path || '—' : '', first ? describeIssue( first ) : '' ];
		}
		return msg( e.messageKey, ...params );
	}
	return msg( 'mentorship-error-unknown', 'internal', e instanceof Error ? e.message : String( e ) );
}

/**
 * A place in a dialog or panel where failures are shown (and announced to screen readers),
 * with the action that fits the failure.
 */
export class ErrorArea {
	public readonly $element: JQuery;
	private readonly widget: OO.ui.MessageWidget;
	private readonly $actions: JQuery;

	public constructor() {
		this.widget = new OO.ui.MessageWidget( { type: 'error', classes: [ 'mg-error' ] } );
		this.$actions = $( '<div>' ).addClass( 'mg-error-actions' );
		this.$element = $( '<div>' ).attr( { role: 'alert', 'aria-live': 'assertive' } ).append( this.widget.$element, this.$actions ).hide();
	}

	/**
	 * Shows a failure. `retry` is offered as the action for an AbuseFilter warning ("send
	 * anyway": the same edit sent again is accepted once the user has seen the warning).
	 */
	public show( e: unknown, retry?: () => void ): void {
		const text = errorText( e );
		this.widget.setType( isMentorshipError( e, 'abusefilter-warning' ) ? 'warning' : 'error' );
		this.widget.setLabel( text );
		this.$actions.empty();
		if ( isMentorshipError( e ) ) {
			this.addActions( e, retry );
		}
		this.$element.show();
	}

	private addActions( e: MentorshipError, retry?: () => void ): void {
		if ( e.kind === 'abusefilter-warning' && retry ) {
			const button = new OO.ui.ButtonWidget( { label: msg( 'mentorship-error-send-anyway' ), flags: [ 'destructive' ] } );
			button.on( 'click', () => {
				this.clear();
				retry();
			} );
			this.$actions.append( button.$element );
		}
		if ( e.kind === 'session' ) {
			// The button's icon is in a pack no first click needs otherwise: loaded when shown.
			mw.loader.load( 'oojs-ui.styles.icons-interactions' );
			const login = new OO.ui.ButtonWidget( {
				label: msg( 'mentorship-error-login' ),
				href: mw.util.getUrl( 'Special:UserLogin', { returnto: String( mw.config.get( 'wgPageName' ) ) } ),
				target: '_blank',
				icon: 'logIn',
			} );
			this.$actions.append( login.$element );
		}
	}

	/** Shows a plain message of ours (a form problem rather than a failure of the wiki). */
	public showText( text: string ): void {
		this.widget.setType( 'error' );
		this.widget.setLabel( text );
		this.$actions.empty();
		this.$element.show();
	}

	public clear(): void {
		this.$element.hide();
		this.$actions.empty();
	}
}
