/**
 * The writing direction of a language, for laying out text in a language other than the
 * interface's (a preview of an English post inside an Arabic dialog reads left to right).
 */

/** The languages MediaWiki 1.39 writes right to left (languages/messages/*.php with `$rtl = true`). */
const RTL = [
	'aeb-arab', 'ar', 'arc', 'arq', 'ary', 'arz', 'azb', 'bcc', 'bgn', 'bqi', 'ckb', 'dv', 'en-rtl', 'fa',
	'glk', 'he', 'khw', 'kk-arab', 'kk-cn', 'ks-arab', 'ku-arab', 'lki', 'lrc', 'luz', 'ms-arab', 'mzn',
	'nqo', 'pnb', 'ps', 'sd', 'sdh', 'skr-arab', 'ug-arab', 'ur', 'yi',
];

/**
 * 'rtl' or 'ltr' for a language code: the script subtag decides when there is one (ku-arab,
 * ar-latn), else the language or its base language (fa-af as fa).
 */
export function languageDir( code: string ): 'rtl' | 'ltr' {
	const lower = code.toLowerCase();
	if ( RTL.indexOf( lower ) !== -1 || /-(arab|hebr|syrc|thaa|nkoo)$/.test( lower ) ) {
		return 'rtl';
	}
	if ( /-(latn|cyrl)$/.test( lower ) ) {
		return 'ltr';
	}
	return RTL.indexOf( lower.split( '-' )[ 0 ] as string ) !== -1 ? 'rtl' : 'ltr';
}
