/**
 * Calendar arithmetic on the dates and timestamps of the data format (UTC).
 */

const DAY_MS = 86400000;

/** Whole calendar days from `from` to `to` (YYYY-MM-DD dates or timestamps; only their UTC day counts). */
export function calendarDays( from: string, to: string ): number {
	const day = ( t: string ): number => Date.UTC( +t.slice( 0, 4 ), +t.slice( 5, 7 ) - 1, +t.slice( 8, 10 ) ) / DAY_MS;
	return Math.round( day( to ) - day( from ) );
}

/** An instant (ms since the epoch) as the API writes timestamps: 2026-01-20T12:00:00Z. */
export function isoSeconds( ms: number ): string {
	return new Date( ms ).toISOString().replace( /\.\d{3}Z$/, 'Z' );
}

/** The UTC date (YYYY-MM-DD) of an instant: today is isoDate( clock.now() ). */
export function isoDate( ms: number ): string {
	return isoSeconds( ms ).slice( 0, 10 );
}
