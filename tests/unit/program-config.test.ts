import { describe, expect, it } from 'vitest';
import { ProgramConfig, Roster, RosterMember } from '../../src/core/format';
import {
	applyConfigEdit, cleanConfig, configProblems, newConfig, reshardRoster, rosterKeepOnly, rosterPut,
} from '../../src/core/program-config';
import { rosterShardTitle, rosterTitle, shardOf } from '../../src/core/titles';
import { config } from './fixtures/pages';

describe( 'a program\'s config from the form', () => {
	it( 'is tidied: trimmed, names in display form, no blank or repeated topics and languages, no empty members', () => {
		const draft: ProgramConfig = {
			...newConfig( 'Carol', 'en' ),
			name: '  Cohort 2026 ',
			description: ' Three months. \n',
			coordinators: [ 'carol', 'Dmitri_Ivanov', 'Carol', ' ' ],
			topics: [ ' History', 'history ', 'Art', '' ],
			languages: [ 'EN', 'es', 'en' ],
			helpDesk: '  ',
			start: undefined,
			messages: {
				welcome: { label: { en: 'Welcome' }, subject: { en: 'Hi $user' }, text: { en: 'Hello $user\r\nWelcome.  ', es: '   ' } },
				empty: { label: { en: ' ' }, subject: {}, text: {} },
			},
		};
		const clean = cleanConfig( draft );
		expect( clean.name ).toBe( 'Cohort 2026' );
		expect( clean.description ).toBe( 'Three months.' );
		expect( clean.coordinators ).toEqual( [ 'Carol', 'Dmitri Ivanov' ] );
		expect( clean.topics ).toEqual( [ 'History', 'Art' ] );
		expect( clean.languages ).toEqual( [ 'en', 'es' ] );
		expect( 'helpDesk' in clean ).toBe( false );
		expect( 'start' in clean ).toBe( false );
		expect( clean.messages ).toEqual( { welcome: { label: { en: 'Welcome' }, subject: { en: 'Hi $user' }, text: { en: 'Hello $user\nWelcome.' } } } );
		expect( configProblems( clean ) ).toEqual( [] );
		// The draft itself is not changed.
		expect( draft.name ).toBe( '  Cohort 2026 ' );
	} );

	it( 'keeps members the form does not know', () => {
		const withExtra = { ...config(), futureField: { x: 1 } } as ProgramConfig;
		expect( ( cleanConfig( withExtra ) as unknown as { futureField: unknown } ).futureField ).toEqual( { x: 1 } );
	} );

	it( 'cannot be saved without an id, a name or a coordinator, with shrinking stages, a message without text, or against the schema', () => {
		const bad: ProgramConfig = {
			...newConfig( 'Carol', 'en' ),
			coordinators: [],
			unansweredDays: 99,
			stages: { emerging: { edits: 10, days: 7 }, expanding: { edits: 5, days: 30 }, elevated: { edits: 500, days: 20 } },
			messages: { welcome: { label: { en: 'Welcome' }, subject: {}, text: {} } },
		};
		const problems = configProblems( bad, 'bad id!' );
		expect( problems.map( ( p ) => p.key ) ).toEqual( [
			'mentorship-console-problem-id',
			'mentorship-console-problem-name',
			'mentorship-console-problem-coordinators',
			'mentorship-console-problem-stages',
			'mentorship-console-problem-stages',
			'mentorship-console-problem-message-text',
			'mentorship-console-problem-invalid',
		] );
		expect( problems[ 3 ]!.params ).toEqual( [ 'emerging', 'expanding' ] );
		expect( problems[ 4 ]!.params ).toEqual( [ 'expanding', 'elevated' ] );
		expect( problems[ 6 ]!.field ).toBe( 'unansweredDays' );
		expect( problems[ 6 ]!.params[ 0 ] ).toBe( 'unansweredDays' );
		expect( configProblems( config(), 'art-2026' ) ).toEqual( [] );
	} );
} );

describe( 'an edit of the settings, applied to the page as it is now', () => {
	it( 'sets what the coordinator changed and keeps what others changed meanwhile', () => {
		const baseline = config();
		const edited = { ...config(), name: 'Renamed', unansweredDays: undefined, topics: [ 'Painting' ] };
		const current = { ...config(), description: 'Changed by another coordinator', anonymous: 'refuse' as const };
		const result = applyConfigEdit( current, baseline, edited );
		expect( result.name ).toBe( 'Renamed' );
		expect( result.topics ).toEqual( [ 'Painting' ] );
		expect( 'unansweredDays' in result ).toBe( false );
		expect( result.description ).toBe( 'Changed by another coordinator' );
		expect( result.anonymous ).toBe( 'refuse' );
		// Idempotent.
		expect( applyConfigEdit( JSON.parse( JSON.stringify( result ) ), baseline, edited ) ).toEqual( result );
	} );
} );

describe( 'moving roster entries to a new number of shards', () => {
	const members: Record<string, RosterMember> = {};
	for ( const name of [ 'Ann', 'Ben', 'Jane Doe', 'محمد', 'Zoë', 'Olu' ] ) {
		members[ name ] = { role: 'mentee', joined: 'T' };
	}

	it( 'puts each entry on its page (FNV-1a of the name), every page listed', () => {
		const layout = reshardRoster( 'p', members, 4 );
		expect( Object.keys( layout ).sort() ).toEqual( [ 0, 1, 2, 3 ].map( ( k ) => rosterShardTitle( 'p', k ) ).sort() );
		for ( const name of Object.keys( members ) ) {
			expect( layout[ rosterShardTitle( 'p', shardOf( name, 4 ) ) ]![ name ] ).toEqual( members[ name ] );
		}
		const one = reshardRoster( 'p', members, 1 );
		expect( Object.keys( one ) ).toEqual( [ rosterTitle( 'p' ) ] );
		expect( Object.keys( one[ rosterTitle( 'p' ) ]! ).length ).toBe( 6 );
	} );

	it( 'adds entries to a page and removes the names that belong elsewhere, idempotently', () => {
		const page: Roster = { version: 1, members: { Zed: { role: 'mentor', joined: 'T' } } };
		rosterPut( page, { Ann: { role: 'mentee', joined: 'T' } } );
		expect( Object.keys( page.members ) ).toEqual( [ 'Ann', 'Zed' ] );
		expect( rosterPut( JSON.parse( JSON.stringify( page ) ), { Ann: { role: 'mentee', joined: 'T' } } ) ).toEqual( page );
		rosterKeepOnly( page, ( name ) => name === 'Zed' );
		expect( Object.keys( page.members ) ).toEqual( [ 'Zed' ] );
	} );
} );
