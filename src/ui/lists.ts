/**
 * Language names, lists and reasons as the user's language writes them: apart from
 * i18n.ts, which every feature loads, since only the panel, the console and the welcome
 * dialogs show them.
 */

import { Reason } from '../core/reason';
import { msg } from './i18n';

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

/** A list as the user's language writes it ("A, B and C"). */
export function listText( items: string[] ): string {
	return mw.language && mw.language.listToText ? mw.language.listToText( items ) : items.join( ', ' );
}

/**
 * A reason's text: lists in its parameters are joined as the user's language does ("A, B
 * and C"); languages are named as everywhere in the panel ("English (en)", not "en").
 */
export function reasonText( reason: Reason ): string {
	const languages = reason.key === 'mentorship-reason-languages';
	const params = reason.params.map( ( p ) => Array.isArray( p ) ?
		listText( languages ? p.map( languageName ) : p ) :
		p );
	return msg( reason.key, ...params );
}
