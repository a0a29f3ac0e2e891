/**
 * Messages for the lazily loaded code. Every language's messages are bundled (build.mjs);
 * this picks the user's interface language for what the UI shows, with MediaWiki's own
 * fallback chain, and the wiki's content language for what the gadgets post.
 */

type Tables = Record<string, Record<string, string>>;

let contentTable: Record<string, string> = {};
let allTables: Tables = {};

/**
 * An English text made safe for another language's plural rules: each PLURAL with the two
 * English forms (one, other) names its singular explicitly (1=…), so that a language with
 * more forms (Arabic: zero, one, two, few, many, other), showing the English text until it
 * is translated, says "0 mentees" and "1 mentee" rather than "one mentee" for 0.
 */
export function englishPlurals( text: string ): string {
	return text.replace( /\{\{PLURAL:(\$\d+)\|([^|{}=]*)\|([^|{}=]*)\}\}/g, '{{PLURAL:$1|1=$2|$3}}' );
}

function merge( tables: Tables, chain: string[] ): Record<string, string> {
	const merged: Record<string, string> = {};
	// Most general first (English), the language itself last.
	const order = [ 'en' ].concat( chain.slice().reverse() );
	for ( const code of order ) {
		const table = tables[ code ];
		if ( table ) {
			for ( const key in table ) {
				if ( Object.prototype.hasOwnProperty.call( table, key ) ) {
					// English texts shown in another language keep English plurals.
					merged[ key ] = code === 'en' ? englishPlurals( table[ key ] as string ) : table[ key ] as string;
				}
			}
		}
	}
	return merged;
}

function simpleChain( code: string ): string[] {
	const base = code.split( '-' )[ 0 ] as string;
	return base === code ? [ code ] : [ code, base ];
}

const bundledTables: Tables[] = [];

/**
 * Installs the user-language messages into mw.messages and keeps the content-language
 * ones. Each lazily loaded module (the shared base and each feature) bundles its own
 * English messages and calls this on first use; other languages come as message modules
 * loaded in the same request (see src/gadgets/common/loader.ts), which add their texts to
 * mw.libs.mentorshipMessages. Each call installs everything known so far, so a feature
 * loaded later (the console, from the panel) adds its messages to those already there.
 */
export function ensureMessages( bundled: Tables ): void {
	if ( bundledTables.indexOf( bundled ) < 0 ) {
		bundledTables.push( bundled );
	}
	const tables: Tables = {};
	const add = ( from: Tables ): void => {
		for ( const code in from ) {
			if ( Object.prototype.hasOwnProperty.call( from, code ) ) {
				const table = tables[ code ] = tables[ code ] || {};
				const texts = from[ code ] as Record<string, string>;
				for ( const key in texts ) {
					if ( Object.prototype.hasOwnProperty.call( texts, key ) ) {
						table[ key ] = texts[ key ] as string;
					}
				}
			}
		}
	};
	add( ( mw.libs as { mentorshipMessages?: Tables } ).mentorshipMessages || {} );
	for ( let i = 0; i < bundledTables.length; i++ ) {
		add( bundledTables[ i ] as Tables );
	}
	installMessages( tables );
}

/** Installs the user-language messages into mw.messages and keeps the content-language ones. */
export function installMessages( tables: Tables ): void {
	const userLang = String( mw.config.get( 'wgUserLanguage' ) || 'en' );
	const chain = mw.language && mw.language.getFallbackLanguageChain ?
		mw.language.getFallbackLanguageChain() : simpleChain( userLang );
	mw.messages.set( merge( tables, chain ) );
	allTables = tables;
	contentTable = merge( tables, simpleChain( String( mw.config.get( 'wgContentLanguage' ) || 'en' ) ) );
}

/**
 * A number in a message, in the user language's digits as MediaWiki writes its own
 * (Arabic-Indic in Arabic): jqueryMsg puts a parameter in as given, so the gadgets' numbers
 * were Western next to the wiki's. PLURAL still sees the number: jqueryMsg reads it back
 * with convertNumber( text, true ), which stops at a group separator ("1,234" reads 1), so
 * such a number keeps its digits converted and loses only its separators.
 */
function numberParam( n: number ): string {
	const formatted = formatNumber( n );
	if ( !mw.language || !mw.language.convertNumber ) {
		return formatted;
	}
	const back = mw.language.convertNumber( formatted as unknown as number, true );
	if ( Number( back ) === n ) {
		return formatted;
	}
	return String( n ).replace( /\d/g, ( d ) => String( mw.language.convertNumber( Number( d ) ) ) );
}

function localParams<T>( params: ( T | number )[] ): ( T | string )[] {
	return params.map( ( p ) => typeof p === 'number' ? numberParam( p ) : p );
}

/** A UI message as plain text (PLURAL, GENDER and parameters resolved by jqueryMsg; numbers in the user's digits). */
export function msg( key: string, ...params: ( string | number )[] ): string {
	return mw.message( key, ...localParams( params ) ).text();
}

/**
 * A message in the wiki's content language, raw: wikitext with $1… placeholders, for
 * text the gadgets post. PLURAL and GENDER stay for the wiki's parser to resolve.
 */
export function contentMessage( key: string ): string {
	const text = contentTable[ key ];
	return text === undefined ? '⧼' + key + '⧽' : text;
}

/**
 * A message as the gadget has it in one language (or that language's base language), raw,
 * for a text posted in that language; null when it has no translation there (no fallback
 * to English, so that a message is never offered as French while it is English).
 */
export function languageText( language: string, key: string ): string | null {
	const chain = language === 'en' ? [ 'en' ] : simpleChain( language );
	for ( const code of chain ) {
		const table = allTables[ code ];
		if ( table && Object.prototype.hasOwnProperty.call( table, key ) ) {
			return table[ key ] as string;
		}
	}
	return null;
}

/** Formats a number for the user's language (digits, separators). */
export function formatNumber( n: number ): string {
	return mw.language && mw.language.convertNumber ? String( mw.language.convertNumber( n ) ) : String( n );
}
