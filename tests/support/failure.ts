/** The MentorshipError a promise rejects with (fails the test when it resolves or throws anything else). */

import { isMentorshipError, MentorshipError } from '../../src/core/errors';

export async function failure( promise: Promise<unknown> ): Promise<MentorshipError> {
	try {
		await promise;
	} catch ( e ) {
		if ( isMentorshipError( e ) ) {
			return e;
		}
		throw e;
	}
	throw new Error( 'expected a MentorshipError, but it succeeded' );
}
