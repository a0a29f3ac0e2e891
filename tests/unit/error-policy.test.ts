import { describe, expect, it } from 'vitest';
import { ErrorKind, isConflict, isLost, isThrottled, MentorshipError, stopsBatch } from '../../src/core/errors';
import { userAgent } from '../../scripts/lib/user-agent';

const error = ( kind: ErrorKind ): MentorshipError => new MentorshipError( kind, kind, kind );

describe( 'the error policy (src/core/errors.ts)', () => {
	it( 'reads again after a conflict or a lost answer, waits when throttled, pauses a batch when nothing could go through', () => {
		const kinds: ErrorKind[] = [ 'editconflict', 'exists', 'missing', 'network', 'timeout', 'ratelimited', 'maxlag', 'session', 'blocked', 'readonly', 'badtoken', 'protected', 'invalid' ];
		const policy = kinds.map( ( kind ) => [ kind, isConflict( error( kind ) ), isLost( error( kind ) ), isThrottled( error( kind ) ), stopsBatch( error( kind ) ) ] );
		expect( policy ).toEqual( [
			[ 'editconflict', true, false, false, false ],
			[ 'exists', true, false, false, false ],
			[ 'missing', true, false, false, false ],
			[ 'network', false, true, false, true ],
			[ 'timeout', false, true, false, true ],
			[ 'ratelimited', false, false, true, false ],
			[ 'maxlag', false, false, true, false ],
			[ 'session', false, false, false, true ],
			[ 'blocked', false, false, false, true ],
			[ 'readonly', false, false, false, true ],
			[ 'badtoken', false, false, false, true ],
			[ 'protected', false, false, false, false ],
			[ 'invalid', false, false, false, false ],
		] );
	} );

	it( 'answers no for what is not a MentorshipError', () => {
		const plain = new Error( 'editconflict' );
		expect( [ isConflict( plain ), isLost( plain ), isThrottled( plain ), stopsBatch( plain ), isConflict( 'editconflict' ) ] ).toEqual( [ false, false, false, false, false ] );
	} );
} );

describe( 'the Node clients\' user agent (API etiquette)', () => {
	it( 'names the tool, its version and the contact', () => {
		expect( userAgent( 'User:Deployer at https://wiki.example.org/w/api.php' ) ).toMatch( /^mentorship-gadgets\/\d+\.\d+\.\d+ \(User:Deployer at https:\/\/wiki\.example\.org\/w\/api\.php\) node\/\d+/ );
		expect( userAgent( '' ) ).toMatch( /^mentorship-gadgets\/\d+\.\d+\.\d+ node\/\d+/ );
	} );
} );
