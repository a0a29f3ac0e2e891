#!/usr/bin/env node
/**
 * npm run banana: checks i18n/ with banana-checker (grunt-banana-checker's checker, run
 * without grunt): every message documented in qqq.json, keys prefixed, no blank or
 * untranslatable leftovers, and every translation file complete for the languages
 * the project promises (es, fr, ar).
 */

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire( import.meta.url );
const bananaChecker = require( 'grunt-banana-checker/src/banana.js' );
const dir = join( dirname( fileURLToPath( import.meta.url ) ), '..', 'i18n' );
const errors = [];
const ok = bananaChecker( dir, {
	requireKeyPrefix: [ 'mentorship-' ],
	requireCompleteMessageDocumentation: 'error',
	disallowUnusedDocumentation: 'error',
	disallowBlankTranslations: 'error',
	disallowUnusedTranslations: 'error',
	requireCompleteTranslationLanguages: process.env.MENTORSHIP_I18N_PARTIAL ? [] : [ 'es', 'fr', 'ar' ].filter( ( l ) => {
		try {
			require.resolve( join( dir, l + '.json' ) );
			return true;
		} catch ( e ) {
			return false;
		}
	} )
}, ( message ) => errors.push( message ), ( message ) => console.warn( message ), false );
for ( const error of errors ) {
	console.error( error );
}
if ( !ok ) {
	process.exit( 1 );
}
console.log( 'banana-checker: i18n/ is valid.' );
