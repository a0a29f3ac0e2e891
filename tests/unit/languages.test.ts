import { describe, expect, it } from 'vitest';
import { languageDir } from '../../src/core/languages';

describe( 'languageDir', () => {
	it( 'knows the right-to-left languages MediaWiki 1.39 knows, and their variants by script', () => {
		expect( [ 'ar', 'he', 'fa', 'ur', 'ckb', 'yi' ].map( languageDir ) ).toEqual( [ 'rtl', 'rtl', 'rtl', 'rtl', 'rtl', 'rtl' ] );
		expect( [ 'en', 'fr', 'es', 'ku-latn', 'ar-latn', 'kk-cyrl', 'pt-br' ].map( languageDir ) ).toEqual( [ 'ltr', 'ltr', 'ltr', 'ltr', 'ltr', 'ltr', 'ltr' ] );
		expect( [ 'ku-arab', 'fa-af', 'AR' ].map( languageDir ) ).toEqual( [ 'rtl', 'rtl', 'rtl' ] );
	} );
} );
