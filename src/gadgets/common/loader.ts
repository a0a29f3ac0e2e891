/**
 * What every loader needs, kept tiny: it runs on every page view. No API request, no
 * OOUI: messages come bundled, and the heavy code is loaded only when a control is used.
 *
 * This code ships once, as the hidden gadget mentorship-loader (src/gadgets/mentorship-loader),
 * on which each visible gadget depends: a user with all three gadgets on loads it once, in the
 * same load.php request as the loaders. Loaders reach it as mw.libs.mentorshipLoader.
 */

import { CORE_MODULE, Feature, FEATURE_MODULE, Loaded, LoaderMessages, MESSAGE_MODULE } from './lib';

/**
 * Sets a gadget's bundled messages in the user's language (falling back to a base language,
 * then English).
 *
 * @param messages The gadget's compact table (`mentorship:loader-messages`).
 */
export function setMessages( messages: LoaderMessages ): void {
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
 * What a feature needs: its module (which depends on the shared code it uses, see
 * build.mjs) and its message module in the user's language (and its base language) and the
 * wiki's, when the wiki has them. One ResourceLoader request loads all. A single-module
 * build registers no feature module: then the shared code holds every feature.
 */
function coreModules( feature: Feature ): string[] {
	const own = FEATURE_MODULE + feature;
	const split = !!mw.loader.getState( own );
	const modules = [ split ? own : CORE_MODULE ];
	const user = String( mw.config.get( 'wgUserLanguage' ) );
	const content = String( mw.config.get( 'wgContentLanguage' ) );
	const codes = [ user.split( '-' )[ 0 ], user, content.split( '-' )[ 0 ], content ];
	for ( let i = 0; i < codes.length; i++ ) {
		const name = MESSAGE_MODULE + String( codes[ i ] ).toLowerCase() + ( split ? '-' + feature : '' );
		if ( codes[ i ] !== 'en' && modules.indexOf( name ) < 0 && mw.loader.getState( name ) ) {
			modules.push( name );
		}
	}
	return modules;
}

/**
 * Where a feature's code comes from: the gadgets' modules (the default), or, installed as a
 * user script (src/gadgets/mentorship-user), the ResourceLoader modules it needs and its
 * code from the user's pages. `modules`: the ResourceLoader modules a Retry puts back.
 */
export type Source = ( feature: Feature ) => { modules: string[]; ready: JQuery.Promise<unknown> };

let source: Source = ( feature ) => {
	const modules = coreModules( feature );
	return { modules: modules, ready: mw.loader.using( modules ) };
};

/** Replaces where features come from (the user script's entry does, before any loader runs). */
export function setSource( from: Source ): void {
	source = from;
}

/** How long the shared code may take before the user is told, with Retry (it may still arrive). */
const PATIENCE_MS = 15000;

/**
 * Loads a feature with the shared code (and the OOUI it uses) and hands it to `use`, once. When loading fails,
 * or has not finished after PATIENCE_MS, the user is told, with a Retry button: in `place`
 * (the panel's placeholder) when given, else in a notification that stays. Built from the
 * DOM alone, since OOUI may be what failed. A network error leaves the modules "error" on
 * 1.43 and "loading" for ever on 1.39: Retry puts those the shared code needs back to
 * "registered" first, so that ResourceLoader asks for them again.
 */
export function withCore( feature: Feature, trigger: HTMLElement | null, use: ( lib: Loaded ) => void, place?: HTMLElement, run?: { used: boolean } ): void {
	const once = run || { used: false };
	const { modules, ready } = source( feature );
	const busy = ( on: boolean ): void => {
		if ( trigger ) {
			trigger.setAttribute( 'aria-busy', String( on ) );
			// The class: mg-loading.
			// eslint-disable-next-line mediawiki/class-doc
			trigger.className = trigger.className.replace( / ?mg-loading/g, '' ) + ( on ? ' mg-loading' : '' );
		}
	};
	const loading = place && place.textContent;
	let shown: ( () => void ) | null = null;
	// stuck: the patience ran out (1.39 leaves a failed request's modules "loading"); after
	// an error, a module still "loading" is in a request that is still on its way.
	const fail = ( stuck?: boolean ): void => {
		if ( shown || once.used ) {
			return;
		}
		busy( false );
		const box = document.createElement( 'div' );
		const button = document.createElement( 'button' );
		box.className = 'mg-load-error';
		box.setAttribute( 'role', 'alert' );
		box.textContent = mw.msg( 'mentorship-loading-failed' ) + ' ';
		button.textContent = mw.msg( 'mentorship-loading-retry' );
		box.appendChild( button );
		const notice = place ? null : mw.notify( box, { type: 'error', tag: 'mentorship', autoHide: false } );
		shown = (): void => {
			if ( notice ) {
				notice.then( ( n ) => n.close() );
			} else {
				( place as HTMLElement ).textContent = loading as string;
			}
		};
		if ( place ) {
			place.textContent = '';
			place.appendChild( box );
		}
		button.onclick = () => {
			const registry = mw.loader.moduleRegistry;
			// Through every module not ready yet: a feature that arrived ("loaded") may wait
			// for a base of the failed request ("loading" is a state too, though
			// types-mediawiki does not list it).
			const reset = ( name: string ): void => {
				const module = registry[ name ];
				const state: string = module ? module.state : 'ready';
				if ( module && state !== 'ready' ) {
					if ( state === 'error' || ( stuck && state === 'loading' ) ) {
						module.state = 'registered';
					}
					module.dependencies.forEach( reset );
				}
			};
			modules.forEach( reset );
			( shown as () => void )();
			withCore( feature, trigger, use, place, once );
		};
	};
	busy( true );
	const timer = setTimeout( () => fail( true ), PATIENCE_MS );
	ready.then( () => {
		clearTimeout( timer );
		if ( !once.used ) {
			once.used = true;
			busy( false );
			if ( shown ) {
				shown();
			}
			use( mw.libs.mentorship as Loaded );
		}
	}, () => {
		clearTimeout( timer );
		fail( false );
	} );
}

/**
 * Adds a link to the first of `portlets` that exists; returns its <a>. The link has an
 * href, so it is reachable and usable with the keyboard like any other.
 *
 * A page's own control (`floating`: ask on an article, welcome on a user's pages) is, on
 * Minerva, a button floating at the bottom of the screen, where a thumb reaches it (as
 * GrowthExperiments' help button): Minerva on 1.39 renders no link added to p-views,
 * p-cactions or p-tb, and on 1.43 its page-actions bar is an icon row at the top.
 */
export function addLink( portlets: string[], href: string, text: string, id: string, tooltip?: string, floating?: boolean ): HTMLAnchorElement | null {
	if ( floating && mw.config.get( 'skin' ) === 'minerva' ) {
		const box = document.createElement( 'div' );
		const link = document.createElement( 'a' );
		box.id = id;
		box.className = 'mg-floating';
		link.href = href;
		link.textContent = text;
		link.title = tooltip || '';
		box.appendChild( link );
		document.body.appendChild( box );
		document.body.className += ' mg-floating-page';
		return link;
	}
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
	// Installed as a user script, the user's own script shows the panel (no gadget to load).
	const params: Record<string, string> = mw.libs.mentorshipUserScript ? {} : { withgadget: 'mentorship-match' };
	if ( program ) {
		params.program = program;
	}
	return mw.util.getUrl( 'Special:BlankPage/Mentorship', params );
}
