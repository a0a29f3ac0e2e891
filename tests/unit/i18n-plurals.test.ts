import { describe, expect, it } from 'vitest';
import { englishPlurals } from '../../src/ui/i18n';

describe( 'English messages under other plural rules', () => {
	it( 'name the singular explicitly, so that 0 and 1 read right in a language with more forms', () => {
		expect( englishPlurals( '{{PLURAL:$1|One mentee has|$1 mentees have}} no mentor; {{PLURAL:$2|one place|$2 places}}' ) )
			.toBe( '{{PLURAL:$1|1=One mentee has|$1 mentees have}} no mentor; {{PLURAL:$2|1=one place|$2 places}}' );
	} );

	it( 'leaves alone what is not two plain forms: explicit forms, more forms, nested templates', () => {
		for ( const text of [ '{{PLURAL:$1|0=none|one|other}}', '{{PLURAL:$1|a|b|c}}', '{{PLURAL:$1|{{GENDER:$2|he|she}}|they}}', 'No plural $1' ] ) {
			expect( englishPlurals( text ) ).toBe( text );
		}
	} );
} );
