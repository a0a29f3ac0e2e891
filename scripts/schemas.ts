/**
 * npm run schemas [-- --check]
 *
 * Writes schemas/*.schema.json (JSON Schema 2020-12) from the schema objects in
 * src/core/format.ts. With --check, writes nothing and fails when a file differs.
 */

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './lib/localwiki';
import { schemaFiles } from './lib/schemas';

const { values } = parseArgs( { options: { check: { type: 'boolean', default: false } } } );
const dir = join( ROOT, 'schemas' );
const files = schemaFiles();
const stale: string[] = [];
for ( const name of Object.keys( files ) ) {
	const path = join( dir, name );
	const text = files[ name ] as string;
	if ( existsSync( path ) && readFileSync( path, 'utf8' ) === text ) {
		continue;
	}
	stale.push( name );
	if ( !values.check ) {
		mkdirSync( dir, { recursive: true } );
		writeFileSync( path, text );
	}
}
if ( values.check && stale.length ) {
	process.stderr.write( 'Out of date (run npm run schemas): ' + stale.map( ( n ) => 'schemas/' + n ).join( ', ' ) + '\n' );
	process.exit( 1 );
}
process.stdout.write( values.check ? 'schemas/ is up to date\n' : ( stale.length ? 'Wrote ' + stale.map( ( n ) => 'schemas/' + n ).join( ', ' ) : 'schemas/ was up to date' ) + '\n' );
