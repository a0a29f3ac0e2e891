/**
 * Filling a message's placeholders: apart from wikitext.ts, since every write's edit summary
 * needs it (src/ui/env.ts) and the first click of a dialog need not ship the builders of
 * what is posted. Pure.
 */

/**
 * Fills $1…$9 and named placeholders ($user, $program…) in a message. Values are used as
 * given: escape them first for where they go.
 */
export function fillTemplate( template: string, positional: string[], named: Record<string, string> = {} ): string {
	return template.replace( /\$(\d|[a-z]+)/g, ( all, key: string ) => {
		if ( /^\d$/.test( key ) ) {
			const value = positional[ Number( key ) - 1 ];
			return value === undefined ? all : value;
		}
		return Object.prototype.hasOwnProperty.call( named, key ) ? named[ key ] as string : all;
	} );
}

/**
 * An edit summary with the program's name for $1, filled by a function (fillTemplate): a
 * name holding `$&`, `$1` or `$'` stays as typed (String.replace would expand them).
 * Summaries are not wikitext that is saved, so tildes in them expand nothing.
 */
export function fillSummary( template: string, programName: string ): string {
	return fillTemplate( template, [ programName ] );
}
