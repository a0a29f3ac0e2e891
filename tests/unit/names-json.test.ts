import { describe, expect, it } from 'vitest';
import { clone, deepEqual, isPlainObject, parseJson, toPageText } from '../../src/core/json';
import { compareNames, isIpAddress, isPlausibleUserName, isTemporaryAccountName, normalizeUserName } from '../../src/core/names';

describe( 'names: normalizeUserName', () => {
	it( 'turns underscores into spaces and folds runs of spaces', () => {
		expect( normalizeUserName( 'Jane_Doe' ) ).toBe( 'Jane Doe' );
		expect( normalizeUserName( '  Jane__ _Doe  ' ) ).toBe( 'Jane Doe' );
		expect( normalizeUserName( '_Jane_' ) ).toBe( 'Jane' );
		expect( normalizeUserName( '___' ) ).toBe( '' );
		expect( normalizeUserName( '' ) ).toBe( '' );
	} );

	it( 'upper-cases the first letter only', () => {
		expect( normalizeUserName( 'jane doe' ) ).toBe( 'Jane doe' );
		expect( normalizeUserName( 'iPhone fan' ) ).toBe( 'IPhone fan' );
		expect( normalizeUserName( '1st user' ) ).toBe( '1st user' );
	} );

	it( 'upper-cases first letters of other scripts', () => {
		expect( normalizeUserName( 'élodie' ) ).toBe( 'Élodie' );
		expect( normalizeUserName( 'пётр' ) ).toBe( 'Пётр' );
		expect( normalizeUserName( 'ωμέγα' ) ).toBe( 'Ωμέγα' );
		expect( normalizeUserName( 'ǉubica' ) ).toBe( 'Ǉubica' );
	} );

	it( 'leaves scripts without case alone', () => {
		expect( normalizeUserName( '山田_太郎' ) ).toBe( '山田 太郎' );
		expect( normalizeUserName( 'محمد' ) ).toBe( 'محمد' );
		expect( normalizeUserName( 'अनिल' ) ).toBe( 'अनिल' );
	} );

	it( 'leaves "ß" alone, as MediaWiki does (JavaScript would make it "SS")', () => {
		expect( normalizeUserName( 'ßeta' ) ).toBe( 'ßeta' );
		expect( normalizeUserName( 'ŉ' ) ).toBe( 'ŉ' );
	} );

	it( 'is idempotent', () => {
		for ( const name of [ 'jane_doe', 'ßeta', '  x  y ', 'пётр', 'Ǉubica' ] ) {
			const once = normalizeUserName( name );
			expect( normalizeUserName( once ) ).toBe( once );
		}
	} );
} );

describe( 'names: IP addresses', () => {
	it( 'recognises IPv4 addresses', () => {
		for ( const ip of [ '127.0.0.1', '0.0.0.0', '255.255.255.255', '10.1.20.199' ] ) {
			expect( isIpAddress( ip ) ).toBe( true );
		}
		for ( const name of [ '256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.x', 'a.b.c.d' ] ) {
			expect( isIpAddress( name ) ).toBe( false );
		}
	} );

	it( 'recognises IPv6 addresses, full and compressed, in either case', () => {
		for ( const ip of [
			'2001:db8:0:0:0:0:2:1', '2001:DB8::2:1', '::1', '::', 'fe80::', '1:2:3:4:5:6:7::',
			'2001:0db8:85a3:0000:0000:8a2e:0370:7334',
		] ) {
			expect( isIpAddress( ip ) ).toBe( true );
		}
	} );

	it( 'refuses what only looks like IPv6', () => {
		for ( const name of [
			'1::2::3', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '12345::1', 'g::1', ':1', 'Foo:Bar',
			'1:2:3:4:5:6:7:8::', 'Talk:Page',
		] ) {
			expect( isIpAddress( name ) ).toBe( false );
		}
	} );
} );

describe( 'names: plausibility', () => {
	it( 'accepts names in display form', () => {
		for ( const name of [ 'Alice', 'Jane Doe', 'Пётр', '山田太郎', 'ßeta', 'O\'Brien', 'J. R. Smith', 'A'.repeat( 255 ) ] ) {
			expect( isPlausibleUserName( name ) ).toBe( true );
		}
	} );

	it( 'refuses names not in display form, with forbidden characters, IPs and empty or long names', () => {
		for ( const name of [
			'', 'alice', 'Jane_Doe', ' Alice', 'Alice ', 'A  B', 'A#B', 'A<B', 'A>B', 'A[B', 'A]B', 'A|B', 'A{B', 'A}B',
			'A/B', 'A\u0000B', 'A\nB', 'A\u007fB', '127.0.0.1', '2001:DB8::1', 'A'.repeat( 256 ),
		] ) {
			expect( isPlausibleUserName( name ) ).toBe( false );
		}
	} );

	it( 'recognises temporary account names', () => {
		expect( isTemporaryAccountName( '~2024-12345' ) ).toBe( true );
		expect( isTemporaryAccountName( '*12' ) ).toBe( true );
		expect( isTemporaryAccountName( 'Alice' ) ).toBe( false );
		expect( isTemporaryAccountName( '~Alice' ) ).toBe( false );
	} );

	it( 'sorts names by code unit', () => {
		expect( [ 'b', 'B', 'a', 'Ä', 'A' ].sort( compareNames ) ).toEqual( [ 'A', 'B', 'a', 'b', 'Ä' ] );
		expect( compareNames( 'x', 'x' ) ).toBe( 0 );
	} );
} );

describe( 'json', () => {
	it( 'compares objects whatever the order of their keys', () => {
		expect( deepEqual( { a: 1, b: { c: [ 1, 2 ], d: 'x' } }, { b: { d: 'x', c: [ 1, 2 ] }, a: 1 } ) ).toBe( true );
	} );

	it( 'ignores members that are undefined, on either side', () => {
		expect( deepEqual( { a: 1, b: undefined }, { a: 1 } ) ).toBe( true );
		expect( deepEqual( { a: 1 }, { a: 1, b: undefined } ) ).toBe( true );
		expect( deepEqual( { a: 1, b: undefined }, { a: 1, c: undefined } ) ).toBe( true );
		expect( deepEqual( { a: 1, b: undefined }, { b: 1 } ) ).toBe( false );
	} );

	it( 'tells apart what differs', () => {
		expect( deepEqual( [ 1, 2 ], [ 2, 1 ] ) ).toBe( false );
		expect( deepEqual( [ 1 ], [ 1, 1 ] ) ).toBe( false );
		expect( deepEqual( { a: 1 }, { a: 1, b: 2 } ) ).toBe( false );
		expect( deepEqual( { a: 1, b: 2 }, { a: 1 } ) ).toBe( false );
		expect( deepEqual( { a: [] }, { a: {} } ) ).toBe( false );
		expect( deepEqual( [], {} ) ).toBe( false );
		expect( deepEqual( null, {} ) ).toBe( false );
		expect( deepEqual( 1, '1' ) ).toBe( false );
		expect( deepEqual( { a: null }, { a: undefined } ) ).toBe( false );
		expect( deepEqual( { a: { b: 1 } }, { a: { b: 2 } } ) ).toBe( false );
	} );

	it( 'serialises pages with tabs, as MediaWiki stores JSON', () => {
		expect( toPageText( { version: 1, members: { A: { role: 'mentor' } }, list: [ 1 ] } ) ).toBe(
			'{\n\t"version": 1,\n\t"members": {\n\t\t"A": {\n\t\t\t"role": "mentor"\n\t\t}\n\t},\n\t"list": [\n\t\t1\n\t]\n}',
		);
		expect( toPageText( { a: undefined, b: 1 } ) ).toBe( '{\n\t"b": 1\n}' );
	} );

	it( 'clones deeply and drops undefined members', () => {
		const value = { a: { b: [ 1 ] }, c: undefined };
		const copy = clone( value );
		expect( copy ).toEqual( { a: { b: [ 1 ] } } );
		expect( 'c' in copy ).toBe( false );
		copy.a.b.push( 2 );
		expect( value.a.b ).toEqual( [ 1 ] );
		expect( clone( undefined ) ).toBeUndefined();
	} );

	it( 'parses JSON and reports text that is not JSON', () => {
		expect( parseJson( '{"a":1}' ) ).toEqual( { ok: true, value: { a: 1 } } );
		const bad = parseJson( '{"a":' );
		expect( bad.ok ).toBe( false );
		expect( !bad.ok && bad.error ).toMatch( /JSON/ );
	} );

	it( 'knows plain objects from lists and null', () => {
		expect( isPlainObject( {} ) ).toBe( true );
		expect( isPlainObject( [] ) ).toBe( false );
		expect( isPlainObject( null ) ).toBe( false );
		expect( isPlainObject( 'x' ) ).toBe( false );
	} );
} );
