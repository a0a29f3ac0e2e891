import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/localwiki';
import { PUBLISHED, schemaFiles, SCHEMA_DIALECT } from '../../scripts/lib/schemas';
import { configSchema, invitationLogSchema, profileSchema, rosterSchema } from '../../src/core/format';
import { Schema, validate } from '../../src/core/schema';
import { snapshotSchema } from '../../src/core/snapshot';
import { docExamples } from './fixtures/doc-examples';
import { config, invitationLog, menteeProfile, mentorProfile, roster } from './fixtures/pages';

const DIR = join( ROOT, 'schemas' );

describe( 'published JSON Schemas', () => {
	it( 'are what npm run schemas makes from src/core/format.ts (run it after changing the format)', () => {
		const files = schemaFiles();
		expect( readdirSync( DIR ).sort() ).toEqual( Object.keys( files ).sort() );
		for ( const name of Object.keys( files ) ) {
			expect( readFileSync( join( DIR, name ), 'utf8' ), 'schemas/' + name ).toBe( files[ name ] );
		}
	} );

	it( 'declare draft 2020-12, a title and a description, and no $id', () => {
		for ( const published of PUBLISHED ) {
			const json = JSON.parse( readFileSync( join( DIR, published.file ), 'utf8' ) );
			expect( json.$schema ).toBe( SCHEMA_DIALECT );
			expect( json.title ).toBe( published.title );
			expect( json.description ).toMatch( /\.json/ );
			expect( json.$id ).toBeUndefined();
			expect( json.type ).toBe( 'object' );
			expect( json.required ).toContain( 'version' );
			expect( json.properties.version.const ).toBe( 1 );
			expect( json.additionalProperties ).toBe( true );
		}
	} );

	it( 'carry the limits and patterns of the validator', () => {
		const roster = JSON.parse( readFileSync( join( DIR, 'roster.schema.json' ), 'utf8' ) );
		expect( roster.properties.members.propertyNames.pattern ).toBe( '^[^#<>\\[\\]|{}/_]+$' );
		expect( roster.properties.members.additionalProperties.required ).toEqual( [ 'role', 'joined' ] );
		const profile = JSON.parse( readFileSync( join( DIR, 'profile.schema.json' ), 'utf8' ) );
		const membership = profile.properties.programs.additionalProperties;
		expect( membership.properties.topics ).toMatchObject( { type: 'array', maxItems: 50, uniqueItems: true, items: { type: 'string', maxLength: 80 } } );
		expect( membership.properties.capacity ).toEqual( { type: 'integer', minimum: 0, maximum: 100 } );
		expect( membership.properties.status ).toEqual( { enum: [ 'active', 'away', 'leaving' ] } );
	} );
} );

const COMPILED: Record<string, ValidateFunction> = {};

/** The published schema of a kind of page, compiled by an independent validator. */
function compiled( file: string ): ValidateFunction {
	if ( !COMPILED[ file ] ) {
		const ajv = new Ajv2020( { strict: true, allErrors: true } );
		COMPILED[ file ] = ajv.compile( JSON.parse( readFileSync( join( DIR, file ), 'utf8' ) ) );
	}
	return COMPILED[ file ];
}

// Pages broken on purpose, member by member.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const BY_KIND: Record<string, { file: string; schema: Schema<unknown> }> = {
	profile: { file: 'profile.schema.json', schema: profileSchema as Schema<unknown> },
	config: { file: 'config.schema.json', schema: configSchema as Schema<unknown> },
	roster: { file: 'roster.schema.json', schema: rosterSchema as Schema<unknown> },
	'invitation-log': { file: 'invitation-log.schema.json', schema: invitationLogSchema as Schema<unknown> },
	snapshot: { file: 'snapshot.schema.json', schema: snapshotSchema as Schema<unknown> },
};

describe( 'published JSON Schemas, checked by Ajv (draft 2020-12)', () => {
	it( 'compile in strict mode', () => {
		for ( const published of PUBLISHED ) {
			expect( () => compiled( published.file ) ).not.toThrow();
		}
	} );

	it( 'accept the examples of docs/data-format.md and the test fixtures', () => {
		const pages: [ string, unknown ][] = docExamples().map( ( e ) => [ e.kind, JSON.parse( e.json ) ] );
		pages.push( [ 'profile', mentorProfile() ], [ 'profile', menteeProfile() ], [ 'config', config() ],
			[ 'roster', roster() ], [ 'invitation-log', invitationLog() ] );
		for ( const [ kind, page ] of pages ) {
			const check = compiled( ( BY_KIND[ kind ] as { file: string } ).file );
			expect( check( page ) ? [] : check.errors, kind ).toEqual( [] );
		}
	} );

	it( 'agree with the gadgets\' validator on pages it refuses and on unknown members', () => {
		const cases: [ string, ( page: Loose ) => void, boolean ][] = [
			[ 'roster', ( p ) => {
				p.members.Alice.role = 'boss';
			}, false ],
			[ 'roster', ( p ) => {
				p.members.Alice.joined = '2026-01-10 09:00';
			}, false ],
			[ 'roster', ( p ) => {
				const name = 'Under_score';
				p.members[ name ] = { role: 'mentee', joined: '2026-01-10T09:00:00Z' };
			}, false ],
			[ 'roster', ( p ) => {
				delete p.members.Bea.joined;
			}, false ],
			[ 'roster', ( p ) => {
				p.version = 2;
			}, false ],
			[ 'roster', ( p ) => {
				p.members.Alice[ 'x-bot-note' ] = { any: [ 'thing' ] };
				p.generatedBy = 'SomeBot';
			}, true ],
			[ 'profile', ( p ) => {
				p.programs[ 'art-2026' ].topics.push( 'Painting' );
			}, false ],
			[ 'profile', ( p ) => {
				p.programs[ 'art 2026' ] = p.programs[ 'art-2026' ];
			}, false ],
			[ 'profile', ( p ) => {
				p.programs[ 'art-2026' ].capacity = 2.5;
			}, false ],
			[ 'profile', ( p ) => {
				p.programs[ 'art-2026' ].intro = 'x'.repeat( 1001 );
			}, false ],
			[ 'profile', ( p ) => {
				p.programs[ 'art-2026' ].awayUntil = '2026-02-01T00:00:00Z';
			}, false ],
			[ 'config', ( p ) => {
				p.shards = { roster: 0 };
			}, false ],
			[ 'config', ( p ) => {
				p.messages.welcome.text.EN = 'Hi';
			}, false ],
			[ 'config', ( p ) => {
				p.languages.push( 'en_GB' );
			}, false ],
			[ 'config', ( p ) => {
				p.helpDesk = 'Help|desk';
			}, false ],
			[ 'invitation-log', ( p ) => {
				p.invitations[ 0 ].revid = 0;
			}, false ],
			[ 'invitation-log', ( p ) => {
				p.invitations = {};
			}, false ],
		];
		const base: Record<string, () => unknown> = {
			roster: roster, profile: mentorProfile, config: config, 'invitation-log': invitationLog,
		};
		for ( const [ kind, change, valid ] of cases ) {
			const page = ( base[ kind ] as () => Loose )();
			change( page );
			const published = BY_KIND[ kind ] as { file: string; schema: Schema<unknown> };
			const label = kind + ': ' + change.toString().replace( /\s+/g, ' ' );
			expect( compiled( published.file )( page ), label ).toBe( valid );
			expect( validate( published.schema, page ).ok, label ).toBe( valid );
		}
	} );
} );
