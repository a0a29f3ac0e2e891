import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/localwiki';
import { PUBLISHED, schemaFiles, SCHEMA_DIALECT } from '../../scripts/lib/schemas';

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
