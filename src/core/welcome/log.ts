/** The invitation log's records, appended idempotently, and the months a check reads. */

import { Invitation, InvitationLog } from '../format';

/**
 * Adds the records the log does not hold yet (same user and revision) at its end; records
 * already there (a retry after a lost response) are not added twice, and nothing else moves.
 */
export function logAppend( log: InvitationLog, records: Invitation[] ): InvitationLog {
	for ( const record of records ) {
		if ( !log.invitations.some( ( r ) => r.user === record.user && r.revid === record.revid ) ) {
			log.invitations.push( record );
		}
	}
	return log;
}

/** The months (YYYY-MM) whose logs tell of recent invitations: this one and the one before. */
export function recentMonths( nowIso: string ): string[] {
	const year = Number( nowIso.slice( 0, 4 ) );
	const month = Number( nowIso.slice( 5, 7 ) );
	const previous = month === 1 ? ( year - 1 ) + '-12' : year + '-' + ( month - 1 < 10 ? '0' : '' ) + ( month - 1 );
	return [ nowIso.slice( 0, 7 ), previous ];
}
