/**
 * The identifier pattern (program ids, message ids) in a module of its own, small enough
 * for the loaders, which check a cached program id without loading the schema.
 */

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Whether a value is an identifier: a letter or digit, then letters, digits, - and _ (64 at most). */
export function isId( value: unknown ): value is string {
	return typeof value === 'string' && ID_PATTERN.test( value );
}

/** A quick check that a value can be a user name (no character a title refuses); the full check is names.ts. */
export function looksLikeUserName( value: unknown ): value is string {
	return typeof value === 'string' && value.length > 0 && value.length <= 255 && !/[#<>[\]|{}/_]/.test( value );
}

/** A short random id (letters and digits) from a source of randomness. */
export function newId( random: () => number, length = 10 ): string {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
	let id = '';
	for ( let i = 0; i < length; i++ ) {
		id += alphabet.charAt( Math.floor( random() * alphabet.length ) );
	}
	return id;
}
