/**
 * What every loader needs, kept tiny: it runs on every page view. No API request, no
 * OOUI: messages come bundled, and the heavy code is loaded only when a control is used.
 */

import messages from 'mentorship:loader-messages';
import { CORE_MODULE, MentorshipLib, MESSAGE_MODULE } from './lib';

/** Sets this gadget's messages in the user's language (falling back to a base language, then English). */
export function setMessages(): void {
	const lang = String( mw.config.get( 'wgUserLanguage' ) || 'en' );
	const chain = [ 'en', lang.split( '-' )[ 0 ] as string, lang ];
	const merged: Record<string, string> = {};
	for ( let c = 0; c < chain.length; c++ ) {
		const texts = messages[ chain[ c ] as string ] || [];
		for ( let i = 0; i < texts.length; i++ ) {
			if ( texts[ i ] ) {
				merged[ messages.k[ i ] as string ] = texts[ i ] as string;
			}
		}
	}
	mw.messages.set( merged );
}

/**
 * The shared code and the message modules it needs: the user's language (and its base
 * language) and the wiki's, when the wiki has them. One ResourceLoader request loads all.
 */
function coreModules(): string[] {
	const modules = [ CORE_MODULE ];
	const user = String( mw.config.get( 'wgUserLanguage' ) );
	const content = String( mw.config.get( 'wgContentLanguage' ) );
	const codes = [ user.split( '-' )[ 0 ], user, content.split( '-' )[ 0 ], content ];
	for ( let i = 0; i < codes.length; i++ ) {
		const name = MESSAGE_MODULE + String( codes[ i ] ).toLowerCase();
		if ( codes[ i ] !== 'en' && modules.indexOf( name ) < 0 && mw.loader.getState( name ) ) {
			modules.push( name );
		}
	}
	return modules;
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
	mw.loader.using( coreModules() ).then( () => {
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
export function addLink( portlets: string[], href: string, text: string, id: string, tooltip?: string ): HTMLAnchorElement | null {
	for ( let i = 0; i < portlets.length; i++ ) {
		const item = mw.util.addPortletLink( portlets[ i ] as string, href, text, id, tooltip );
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
