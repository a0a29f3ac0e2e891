import { describe, expect, it } from 'vitest';
import {
	CONFIG, INVITATIONS, LIMITS, PROFILE, ROSTER,
	configSchema, invitationLogSchema, profileSchema, rosterSchema,
} from '../../src/core/format';
import {
	array, bool, date, describeIssue, describeValue, id, Issue, joinPath, language, num, object,
	oneOf, optional, record, Schema, str, text, timestamp, title, username, validate,
} from '../../src/core/schema';
import { config, coordinatorProfile, invitationLog, menteeProfile, mentorProfile, roster } from './fixtures/pages';

function issuesOf<T>( schema: Schema<T>, value: unknown ): Issue[] {
	const result = validate( schema, value );
	return result.ok ? [] : result.issues;
}

function described<T>( schema: Schema<T>, value: unknown ): string[] {
	return issuesOf( schema, value ).map( describeIssue );
}

describe( 'schema: one issue of each expected kind, with its English text', () => {
	const cases: [ string, Schema<unknown>, unknown, string ][] = [
		[ 'string', str, 5, '(page): expected a string, got 5' ],
		[ 'text', text( 3 ), 'abcd', '(page): expected a text of at most 3 characters, got "abcd"' ],
		[ 'text (not a string)', text( 3 ), null, '(page): expected a text of at most 3 characters, got null' ],
		[ 'username', username, 'alice', '(page): expected a user name, got "alice"' ],
		[ 'timestamp', timestamp, '2026-01-01 10:00:00', '(page): expected a timestamp (YYYY-MM-DDTHH:MM:SSZ), got "2026-01-01 10:00:00"' ],
		[ 'date', date, '1/2/2026', '(page): expected a date (YYYY-MM-DD), got "1/2/2026"' ],
		[ 'language', language, 'EN', '(page): expected a language code, got "EN"' ],
		[ 'title', title, 'A|B', '(page): expected a page title, got "A|B"' ],
		// A run of three tildes would sign wherever the title is placed (a praise template's name).
		[ 'title with a signature', title, 'Barnstar~~~', '(page): expected a page title, got "Barnstar~~~"' ],
		[ 'title with a line break', title, 'Barn\nstar', '(page): expected a page title, got "Barn\\nstar"' ],
		[ 'id', id, 'has space', '(page): expected an identifier (letters, digits, - and _), got "has space"' ],
		[ 'number', num(), 'seven', '(page): expected a number, got "seven"' ],
		[ 'integer', num( { integer: true } ), 1.5, '(page): expected a whole number, got 1.5' ],
		[ 'integer with range', num( { integer: true, min: 0, max: 100 } ), 101, '(page): expected a whole number from 0 to 100, got 101' ],
		[ 'number with a lower bound only', num( { min: 1 } ), 0, '(page): expected a number from 1 to ∞, got 0' ],
		[ 'boolean', bool, 'true', '(page): expected true or false, got "true"' ],
		[ 'array', array( str ), { 0: 'a' }, '(page): expected a list, got an object' ],
		[ 'array too long', array( str, { max: 2 } ), [ 'a', 'b', 'c' ], '(page): expected a list of at most 2 items, got a list' ],
		[ 'object', object( {} ), [], '(page): expected an object, got a list' ],
		[ 'one-of', oneOf( [ 'mentor', 'mentee' ] as const ), 'boss', '(page): expected one of mentor, mentee, got "boss"' ],
		[ 'required', object( { a: str } ), {}, 'a: expected a value (it is required), got nothing' ],
		[ 'unique', array( str, { unique: true } ), [ 'x', 'y', 'x' ], '[2]: expected no duplicates, got "x"' ],
		[ 'version', object( { version: str } ), { version: 2 }, 'version: expected format version 1, got 2' ],
	];
	for ( const [ name, schema, value, text ] of cases ) {
		it( name, () => {
			expect( described( schema, value ) ).toEqual( [ text ] );
		} );
	}

	it( 'every kind of issue has a text (no "undefined" in descriptions)', () => {
		for ( const [ , schema, value ] of cases ) {
			for ( const line of described( schema, value ) ) {
				expect( line ).not.toMatch( /undefined/ );
			}
		}
	} );

	it( 'accepts the values that the same schemas describe', () => {
		expect( issuesOf( str, '' ) ).toEqual( [] );
		expect( issuesOf( text( 3 ), 'abc' ) ).toEqual( [] );
		expect( issuesOf( username, 'Alice' ) ).toEqual( [] );
		expect( issuesOf( timestamp, '2026-01-01T10:00:00Z' ) ).toEqual( [] );
		expect( issuesOf( date, '2026-01-01' ) ).toEqual( [] );
		for ( const code of [ 'en', 'fr', 'pt-br', 'zh-hans', 'be-tarask', 'nan' ] ) {
			expect( issuesOf( language, code ) ).toEqual( [] );
		}
		expect( issuesOf( title, 'User talk:Alice' ) ).toEqual( [] );
		expect( issuesOf( id, 'art-2026_b' ) ).toEqual( [] );
		expect( issuesOf( num( { integer: true, min: 0, max: 100 } ), 100 ) ).toEqual( [] );
		expect( issuesOf( bool, false ) ).toEqual( [] );
		expect( issuesOf( oneOf( [ 1, 2 ] as const ), 2 ) ).toEqual( [] );
	} );

	it( 'refuses numbers that are not finite', () => {
		expect( issuesOf( num(), Infinity ) ).toHaveLength( 1 );
		expect( issuesOf( num(), NaN ) ).toHaveLength( 1 );
	} );

	it( 'refuses ids that start with a separator or are longer than 64 characters', () => {
		expect( issuesOf( id, '-a' ) ).toHaveLength( 1 );
		expect( issuesOf( id, 'a'.repeat( 64 ) ) ).toEqual( [] );
		expect( issuesOf( id, 'a'.repeat( 65 ) ) ).toHaveLength( 1 );
	} );

	it( 'refuses titles that are empty or too long', () => {
		expect( issuesOf( title, '' ) ).toHaveLength( 1 );
		expect( issuesOf( title, 'a'.repeat( 255 ) ) ).toEqual( [] );
		expect( issuesOf( title, 'a'.repeat( 256 ) ) ).toHaveLength( 1 );
	} );
} );

describe( 'schema: describeValue and paths', () => {
	it( 'describes values shortly', () => {
		expect( describeValue( undefined ) ).toBe( 'nothing' );
		expect( describeValue( null ) ).toBe( 'null' );
		expect( describeValue( [ 1 ] ) ).toBe( 'a list' );
		expect( describeValue( { a: 1 } ) ).toBe( 'an object' );
		expect( describeValue( true ) ).toBe( 'true' );
		expect( describeValue( 'x' ) ).toBe( '"x"' );
		expect( describeValue( 'a'.repeat( 41 ) ) ).toBe( '"' + 'a'.repeat( 40 ) + '…"' );
	} );

	it( 'joins paths with dots, indexes and quoted keys', () => {
		expect( joinPath( '', 'members' ) ).toBe( 'members' );
		expect( joinPath( 'members', 'Alice' ) ).toBe( 'members.Alice' );
		expect( joinPath( 'members', 'J. Smith' ) ).toBe( 'members["J. Smith"]' );
		expect( joinPath( 'members', 'O"Brien' ) ).toBe( 'members["O\\"Brien"]' );
		expect( joinPath( 'members', 'a[0]' ) ).toBe( 'members["a[0]"]' );
		expect( joinPath( '', 'a.b' ) ).toBe( '["a.b"]' );
		expect( joinPath( 'topics', 3 ) ).toBe( 'topics[3]' );
		expect( joinPath( '', '' ) ).toBe( '[""]' );
	} );

	it( 'reports a roster entry\'s field at members.NAME.field', () => {
		const page = roster();
		( page.members.Alice as Record<string, unknown> ).mentor = 'bob';
		expect( issuesOf( rosterSchema, page ) ).toEqual( [
			{ path: 'members.Alice.mentor', expected: 'username', got: '"bob"' },
		] );
	} );

	it( 'quotes keys with dots and quotes in paths', () => {
		const page = roster();
		page.members[ 'J. R. Smith' ] = { role: 'teacher' as 'mentor', joined: '2026-01-01T00:00:00Z' };
		page.members[ 'O"Brien' ] = { role: 'mentee', joined: 'yesterday' };
		expect( described( rosterSchema, page ) ).toEqual( [
			'members["J. R. Smith"].role: expected one of mentor, mentee, got "teacher"',
			'members["O\\"Brien"].joined: expected a timestamp (YYYY-MM-DDTHH:MM:SSZ), got "yesterday"',
		] );
	} );

	it( 'reports a bad key as the key itself', () => {
		const page = roster();
		const key = 'bad_name';
		page.members[ key ] = { role: 'mentee', joined: '2026-01-01T00:00:00Z' };
		expect( issuesOf( rosterSchema, page ) ).toEqual( [
			{ path: 'members.bad_name', expected: 'username', got: '"bad_name" as a key' },
		] );
		expect( described( rosterSchema, page ) ).toEqual( [
			'members.bad_name: expected a user name, got "bad_name" as a key',
		] );
	} );

	it( 'reports a bad key and a bad value under it separately', () => {
		const issues = issuesOf( profileSchema, { version: 1, programs: { 'bad id': 7 } } );
		expect( issues ).toEqual( [
			{ path: 'programs.bad id', expected: 'id', got: '"bad id" as a key' },
			{ path: 'programs.bad id', expected: 'object', got: '7' },
		] );
	} );

	it( 'reports items of lists with their index', () => {
		const page = mentorProfile();
		( page.programs[ 'art-2026' ]!.topics as unknown[] )[ 1 ] = 42;
		page.programs[ 'art-2026' ]!.languages.push( 'en' );
		expect( issuesOf( profileSchema, page ) ).toEqual( [
			{ path: 'programs.art-2026.topics[1]', expected: 'text', detail: String( LIMITS.topic ), got: '42' },
			{ path: 'programs.art-2026.languages[2]', expected: 'unique', got: '"en"' },
		] );
	} );

	it( 'reports nested objects in lists', () => {
		const page = menteeProfile();
		( page.programs[ 'art-2026' ]!.questions![ 0 ] as Record<string, unknown> ).revid = 0;
		expect( described( profileSchema, page ) ).toEqual( [
			'programs.art-2026.questions[0].revid: expected a whole number from 1 to ∞, got 0',
		] );
	} );

	it( 'reports every issue, not only the first', () => {
		const issues = issuesOf( rosterSchema, {
			version: 1,
			members: { Alice: { role: 'x', joined: 1, mentor: 3 } },
		} );
		expect( issues.map( ( i ) => i.path ) ).toEqual( [
			'members.Alice.role', 'members.Alice.joined', 'members.Alice.mentor',
		] );
	} );

	it( 'treats a member set to undefined as absent', () => {
		expect( issuesOf( object( { a: optional( str ) } ), { a: undefined } ) ).toEqual( [] );
		expect( issuesOf( object( { a: str } ), { a: undefined } ) ).toEqual( [
			{ path: 'a', expected: 'required', got: 'nothing' },
		] );
	} );

	it( 'reports the whole page when it is not an object', () => {
		expect( described( rosterSchema, [] ) ).toEqual( [ '(page): expected an object, got a list' ] );
		expect( described( rosterSchema, 'roster' ) ).toEqual( [ '(page): expected an object, got "roster"' ] );
		expect( described( rosterSchema, null ) ).toEqual( [ '(page): expected an object, got null' ] );
	} );

	it( 'checks record keys with the key schema', () => {
		const schema = record( language, text( 5 ) );
		expect( issuesOf( schema, { en: 'ok', 'EN-GB': 'ok', fr: 'too long' } ) ).toEqual( [
			{ path: 'EN-GB', expected: 'language', got: '"EN-GB" as a key' },
			{ path: 'fr', expected: 'text', detail: '5', got: '"too long"' },
		] );
	} );
} );

describe( 'schema: versions', () => {
	it( 'refuses an unknown version alone, whatever else is wrong', () => {
		for ( const version of [ 2, 0, '1', null, 1.5 ] ) {
			const issues = issuesOf( rosterSchema, { version: version, members: 'nonsense', extra: [] } );
			expect( issues ).toEqual( [ { path: 'version', expected: 'version', got: describeValue( version ) } ] );
		}
	} );

	it( 'refuses a page with no version (required, reported with the other issues)', () => {
		expect( issuesOf( rosterSchema, { members: 5 } ) ).toEqual( [
			{ path: 'version', expected: 'required', got: 'nothing' },
			{ path: 'members', expected: 'object', got: '5' },
		] );
	} );

	it( 'refuses a future version of every kind of page', () => {
		for ( const kind of [ PROFILE, CONFIG, ROSTER, INVITATIONS ] as { schema: Schema<unknown> }[] ) {
			expect( describeIssue( issuesOf( kind.schema, { version: 2 } )[ 0 ] as Issue ) )
				.toBe( 'version: expected format version 1, got 2' );
		}
	} );
} );

describe( 'schema: unknown fields are kept', () => {
	it( 'validates without stripping members the schema does not name', () => {
		const page = {
			version: 1,
			botNote: { by: 'SomeBot', at: 3 },
			members: {
				Alice: { role: 'mentor', joined: '2026-01-10T09:00:00Z', pronouns: 'she/her' },
			},
		};
		const copy = JSON.parse( JSON.stringify( page ) );
		const result = validate( rosterSchema, page );
		expect( result.ok ).toBe( true );
		expect( result.ok && result.value ).toEqual( copy );
		expect( page ).toEqual( copy );
	} );

	it( 'keeps unknown fields at every level of a profile and a config', () => {
		const profile = mentorProfile() as unknown as Record<string, unknown>;
		profile.future = [ 1, 2 ];
		( ( profile.programs as Record<string, Record<string, unknown>> )[ 'art-2026' ] as Record<string, unknown> ).pronouns = 'they';
		const expected = JSON.parse( JSON.stringify( profile ) );
		const result = validate( profileSchema, profile );
		expect( result.ok && result.value ).toEqual( expected );

		const cfg = config() as unknown as Record<string, unknown>;
		( cfg.stages as Record<string, Record<string, unknown>> ).emerging!.questions = 2;
		const cfgExpected = JSON.parse( JSON.stringify( cfg ) );
		const cfgResult = validate( configSchema, cfg );
		expect( cfgResult.ok && cfgResult.value ).toEqual( cfgExpected );
	} );
} );

describe( 'schema: limits', () => {
	it( 'counts text length in UTF-16 units, the maximum itself allowed', () => {
		const max = LIMITS.intro;
		const page = mentorProfile();
		page.programs[ 'art-2026' ]!.intro = 'x'.repeat( max );
		expect( issuesOf( profileSchema, page ) ).toEqual( [] );
		page.programs[ 'art-2026' ]!.intro = 'x'.repeat( max + 1 );
		expect( described( profileSchema, page ) ).toEqual( [
			'programs.art-2026.intro: expected a text of at most 1000 characters, got "' + 'x'.repeat( 40 ) + '…"',
		] );
		// An emoji is two UTF-16 units.
		page.programs[ 'art-2026' ]!.intro = '😀'.repeat( max / 2 );
		expect( issuesOf( profileSchema, page ) ).toEqual( [] );
		page.programs[ 'art-2026' ]!.intro = '😀'.repeat( max / 2 ) + 'x';
		expect( issuesOf( profileSchema, page ) ).toHaveLength( 1 );
	} );

	it( 'limits list lengths and reports the list, not its items', () => {
		const page = mentorProfile();
		const topics: string[] = [];
		for ( let i = 0; i < LIMITS.topics; i++ ) {
			topics.push( 'Topic ' + i );
		}
		page.programs[ 'art-2026' ]!.topics = topics;
		expect( issuesOf( profileSchema, page ) ).toEqual( [] );
		page.programs[ 'art-2026' ]!.topics = topics.concat( [ 'One more', 42 as unknown as string ] );
		expect( issuesOf( profileSchema, page ) ).toEqual( [
			{ path: 'programs.art-2026.topics', expected: 'array', detail: 'of at most 50 items', got: 'a list' },
		] );
	} );

	it( 'refuses duplicate topics, languages and coordinators', () => {
		const cfg = config();
		cfg.topics.push( 'Painting' );
		cfg.languages.push( 'fr' );
		cfg.coordinators.push( 'Carol' );
		expect( issuesOf( configSchema, cfg ).map( ( i ) => i.path + ' ' + i.expected ) ).toEqual( [
			'coordinators[2] unique', 'topics[3] unique', 'languages[3] unique',
		] );
	} );

	it( 'limits numbers to their range', () => {
		const page = mentorProfile();
		page.programs[ 'art-2026' ]!.capacity = LIMITS.capacity;
		expect( issuesOf( profileSchema, page ) ).toEqual( [] );
		page.programs[ 'art-2026' ]!.capacity = LIMITS.capacity + 1;
		expect( described( profileSchema, page ) ).toEqual( [
			'programs.art-2026.capacity: expected a whole number from 0 to 100, got 101',
		] );
		page.programs[ 'art-2026' ]!.capacity = -1;
		expect( issuesOf( profileSchema, page ) ).toHaveLength( 1 );
	} );

	it( 'limits the number of questions kept', () => {
		const page = menteeProfile();
		const q = page.programs[ 'art-2026' ]!.questions![ 0 ]!;
		const questions = [];
		for ( let i = 0; i < LIMITS.questionsKept + 1; i++ ) {
			questions.push( { ...q, id: 'q' + i } );
		}
		page.programs[ 'art-2026' ]!.questions = questions;
		expect( issuesOf( profileSchema, page ).map( ( i ) => i.path ) ).toEqual( [ 'programs.art-2026.questions' ] );
	} );
} );

describe( 'format: realistic pages of each kind are valid', () => {
	it( 'a mentor\'s profile', () => {
		expect( described( PROFILE.schema, mentorProfile() ) ).toEqual( [] );
	} );
	it( 'a mentee\'s profile', () => {
		expect( described( PROFILE.schema, menteeProfile() ) ).toEqual( [] );
	} );
	it( 'a profile in several programs, one of them left', () => {
		const page = menteeProfile();
		page.programs.other = { ...mentorProfile().programs[ 'art-2026' ]!, left: '2026-03-01T00:00:00Z' };
		expect( described( PROFILE.schema, page ) ).toEqual( [] );
	} );
	it( 'a program config, full and minimal', () => {
		expect( described( CONFIG.schema, config() ) ).toEqual( [] );
		expect( described( CONFIG.schema, {
			version: 1, name: 'P', description: '', coordinators: [ 'Carol' ], topics: [], languages: [ 'en' ],
		} ) ).toEqual( [] );
	} );
	it( 'a roster', () => {
		expect( described( ROSTER.schema, roster() ) ).toEqual( [] );
	} );
	it( 'an invitation log', () => {
		expect( described( INVITATIONS.schema, invitationLog() ) ).toEqual( [] );
	} );
	it( 'the empty pages the store creates from', () => {
		expect( described( PROFILE.schema, PROFILE.empty!() ) ).toEqual( [] );
		expect( described( ROSTER.schema, ROSTER.empty!() ) ).toEqual( [] );
		expect( described( INVITATIONS.schema, INVITATIONS.empty!() ) ).toEqual( [] );
		expect( CONFIG.empty ).toBeUndefined();
	} );
	it( 'user names in non-Latin scripts as keys and values', () => {
		const page = roster();
		page.members[ 'Пётр' ] = { role: 'mentee', joined: '2026-01-01T00:00:00Z', mentor: '山田太郎' };
		page.members[ '山田太郎' ] = { role: 'mentor', joined: '2026-01-01T00:00:00Z' };
		page.members[ 'ßeta' ] = { role: 'mentee', joined: '2026-01-01T00:00:00Z' };
		expect( described( ROSTER.schema, page ) ).toEqual( [] );
	} );
} );

describe( 'format: what each kind refuses', () => {
	it( 'a profile keyed by something that is not a program id', () => {
		const page = mentorProfile();
		page.programs[ 'Art 2026' ] = page.programs[ 'art-2026' ]!;
		expect( issuesOf( profileSchema, page ).map( ( i ) => i.path ) ).toEqual( [ 'programs.Art 2026' ] );
	} );
	it( 'a status, an away date and a backup that are not what they should be', () => {
		const page = mentorProfile();
		const m = page.programs[ 'art-2026' ]! as Record<string, unknown>;
		m.status = 'busy';
		m.awayUntil = '2026-02-01T00:00:00Z';
		m.backup = '127.0.0.1';
		expect( described( profileSchema, page ) ).toEqual( [
			'programs.art-2026.status: expected one of active, away, leaving, got "busy"',
			'programs.art-2026.awayUntil: expected a date (YYYY-MM-DD), got "2026-02-01T00:00:00Z"',
			'programs.art-2026.backup: expected a user name, got "127.0.0.1"',
		] );
	} );
	it( 'a config whose messages use a bad language code', () => {
		const cfg = config();
		cfg.messages!.welcome!.text.English = 'Hi';
		expect( issuesOf( configSchema, cfg ).map( ( i ) => i.path ) ).toEqual( [ 'messages.welcome.text.English' ] );
	} );
	it( 'a config with too many shards', () => {
		const cfg = config();
		cfg.shards = { roster: 257 };
		expect( described( configSchema, cfg ) ).toEqual( [ 'shards.roster: expected a whole number from 1 to 256, got 257' ] );
	} );
	it( 'an invitation without a revision, a milestone of an unknown type', () => {
		const log = invitationLog() as { invitations: Record<string, unknown>[] };
		delete log.invitations[ 1 ]!.revid;
		expect( described( invitationLogSchema, log ) ).toEqual( [
			'invitations[1].revid: expected a value (it is required), got nothing',
		] );
		const page = coordinatorProfile();
		( page.recorded![ 'art-2026' ]![ 0 ] as Record<string, unknown> ).type = 'party';
		expect( issuesOf( profileSchema, page ).map( ( i ) => i.path ) ).toEqual( [ 'recorded.art-2026[0].type' ] );
		expect( issuesOf( profileSchema, coordinatorProfile() ) ).toEqual( [] );
	} );
} );
