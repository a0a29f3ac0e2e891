/**
 * What every loader needs, kept tiny: it runs on every page view. No API request, no
 * OOUI: messages come bundled, and the heavy code is loaded only when a control is used.
 */

import messages from 'mentorship:messages';
import { CORE_MODULE, MentorshipLib } from './lib';

/** Sets this gadget's messages in the user's language (falling back to a base language, then English). */
export function setMessages(): void {
	const lang = String( mw.config.get( 'wgUserLanguage' ) || 'en' );
	const chain = [ 'en', lang.split( '-' )[ 0 ] as string, lang ];
	const merged: Record<string, string> = {};
	for ( const code of chain ) {
		const table = messages[ code ];
		if ( table ) {
			for ( const key in table ) {
				if ( Object.prototype.hasOwnProperty.call( table, key ) ) {
					merged[ key ] = table[ key ] as string;
				}
			}
		}
	}
	mw.messages.set( merged );
}

/** Loads the shared code (and OOUI with it) and hands it to `use`. */
export function withCore( trigger: HTMLElement | null, use: ( lib: MentorshipLib ) => void ): void {
	if ( trigger ) {
		trigger.setAttribute( 'aria-busy', 'true' );
		trigger.className += ' mg-loading';
	}
	const done = (): void => {
		if ( trigger ) {
			trigger.removeAttribute( 'aria-busy' );
			trigger.className = trigger.className.replace( / ?mg-loading/g, '' );
		}
	};
	mw.loader.using( CORE_MODULE ).then( () => {
		done();
		use( mw.libs.mentorship as MentorshipLib );
	}, () => {
		done();
		mw.notify( mw.msg( 'mentorship-loading-failed' ), { type: 'error', tag: 'mentorship' } );
	} );
}

/**
 * Adds a link to the first of `portlets` that exists; returns its <a>. The link has an
 * href, so it is reachable and usable with the keyboard like any other.
 */
export function addLink( portlets: string[], href: string, text: string, id: string, tooltip: string ): HTMLAnchorElement | null {
	for ( const portlet of portlets ) {
		const item = mw.util.addPortletLink( portlet, href, text, id, tooltip );
		if ( item ) {
			return item.querySelector( 'a' );
		}
	}
	return null;
}

/** Makes a link open something in place (a dialog) on click, Enter or Space. */
export function onActivate( link: HTMLAnchorElement, action: ( link: HTMLAnchorElement ) => void ): void {
	link.setAttribute( 'role', 'button' );
	link.setAttribute( 'aria-haspopup', 'dialog' );
	link.addEventListener( 'click', ( e ) => {
		e.preventDefault();
		action( link );
	} );
	link.addEventListener( 'keydown', ( e ) => {
		// Links answer Enter already; a button also answers Space.
		if ( e.key === ' ' || e.key === 'Spacebar' ) {
			e.preventDefault();
			action( link );
		}
	} );
}

/** The URL of the matching panel, loading its gadget for users who have not turned it on. */
export function panelUrl( program?: string ): string {
	const params: Record<string, string> = { withgadget: 'mentorship-match' };
	if ( program ) {
		params.program = program;
	}
	return mw.util.getUrl( 'Special:BlankPage/Mentorship', params );
}
