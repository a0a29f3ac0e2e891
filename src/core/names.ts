/**
 * User names and the titles derived from them.
 *
 * Names stored in the data pages are in MediaWiki's display form: spaces rather than
 * underscores, the first letter as the wiki capitalises it. Names that come from the
 * wiki (wgUserName, API results) are already in this form; names typed by people are
 * normalised here and confirmed by the wiki (list=users) before anything is written.
 */

// eslint-disable-next-line no-control-regex -- control characters are what it finds
const INVALID_NAME_CHARS = /[#<>[\]|{}/\u0000-\u001f\u007f]/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6_GROUP = /^[0-9a-f]{1,4}$/i;

/** Display form: underscores to spaces, runs of spaces folded, trimmed, first letter upper case. */
export function normalizeUserName( name: string ): string {
	const spaced = name.replace( /_/g, ' ' ).replace( /\s+/g, ' ' ).replace( /^ | $/g, '' );
	if ( spaced === '' ) {
		return '';
	}
	const first = spaced.charAt( 0 );
	// Only letters whose upper case is a single character, as MediaWiki's ucfirst does for
	// nearly every script (it leaves e.g. "ß" alone, while JavaScript would give "SS").
	const upper = first.toUpperCase();
	return ( upper.length === 1 ? upper : first ) + spaced.slice( 1 );
}

export function isIpAddress( name: string ): boolean {
	if ( IPV4.test( name ) ) {
		return true;
	}
	if ( name.indexOf( ':' ) === -1 ) {
		return false;
	}
	const halves = name.split( '::' );
	if ( halves.length > 2 ) {
		return false;
	}
	const groups: string[] = [];
	for ( const half of halves ) {
		if ( half !== '' ) {
			groups.push( ...half.split( ':' ) );
		}
	}
	for ( const group of groups ) {
		if ( !IPV6_GROUP.test( group ) ) {
			return false;
		}
	}
	return halves.length === 2 ? groups.length < 8 : groups.length === 8;
}

/**
 * Temporary accounts (MediaWiki 1.41 and later) are named by a pattern such as
 * "~2024-12345"; they are newcomers without a real account.
 */
export function isTemporaryAccountName( name: string ): boolean {
	return /^~\d{4}-/.test( name ) || /^\*\d/.test( name );
}

/** True for a name in display form that MediaWiki could accept as a registered user's. */
export function isPlausibleUserName( name: string ): boolean {
	return name.length > 0 && name.length <= 255 &&
		name === normalizeUserName( name ) &&
		!INVALID_NAME_CHARS.test( name ) &&
		!isIpAddress( name );
}

/** Sort names the same way everywhere (and in every browser): by code unit. */
export function compareNames( a: string, b: string ): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
