/**
 * Program messages are posted under the inviter's name: the form refuses subst:, categories
 * and blocks that leave the text's flow or cover the page, and the welcome dialog never
 * offers a text that holds one (even in a config saved around the form).
 */
import { describe, expect, it } from 'vitest';
import { ProgramConfig } from '../../src/core/format';
import { messageHazards } from '../../src/core/message-hazards';
import { configProblems, newConfig } from '../../src/core/program-config';
import { messageOptions } from '../../src/core/welcome/messages';

function withMessage( text: string, subject = 'Hi' ): ProgramConfig {
	return { ...newConfig( 'Carol', 'en' ), name: 'P', messages: { event: { label: { en: 'Event' }, subject: { en: subject }, text: { en: text } } } };
}

describe( 'program messages: what is refused', () => {
	it( 'finds subst: and safesubst:, however written', () => {
		expect( messageHazards( '{{subst:welcome}}' ) ).toEqual( [ 'subst' ] );
		expect( messageHazards( '{{ SafeSubst : x}}' ) ).toEqual( [ 'subst' ] );
		expect( messageHazards( '{{&#115;ubst:x}}' ) ).toEqual( [ 'subst' ] );
		expect( messageHazards( 'Hello $user, {{PAGENAME}}' ) ).toEqual( [] );
	} );

	it( 'finds categories, by any name of the namespace, but not links to them', () => {
		expect( messageHazards( 'x [[Category:Newcomers]]' ) ).toEqual( [ 'category' ] );
		expect( messageHazards( 'x [[ category : Newcomers|k]]' ) ).toEqual( [ 'category' ] );
		expect( messageHazards( 'x [[Catégorie:Nouveaux]]', [ 'Catégorie' ] ) ).toEqual( [ 'category' ] );
		expect( messageHazards( 'x [[:Category:Newcomers]]' ) ).toEqual( [] );
	} );

	it( 'finds fixed, absolute and sticky positioning and styles that cover the page', () => {
		expect( messageHazards( '<div style="position:fixed;top:0">x</div>' ) ).toEqual( [ 'position' ] );
		expect( messageHazards( '<div style="POSITION: absolute">x</div>' ) ).toEqual( [ 'position' ] );
		expect( messageHazards( '<div style="posi&#116;ion:fixed">x</div>' ) ).toEqual( [ 'position' ] );
		expect( messageHazards( '<div style="posi\\74 ion:fixed">x</div>' ) ).toEqual( [ 'position' ] );
		expect( messageHazards( '<div style="position:/**/fixed">x</div>' ) ).toEqual( [ 'position' ] );
		expect( messageHazards( '<div style="width:100vw;height:100vh">x</div>' ) ).toEqual( [ 'position' ] );
		expect( messageHazards( '<div style="z-index:9999">x</div>' ) ).toEqual( [ 'position' ] );
		expect( messageHazards( '<div style="position:relative;color:red">\'\'\'Hi\'\'\'</div>' ) ).toEqual( [] );
	} );

	it( 'is refused by the form with one problem per hazard and language, in the text or the subject', () => {
		const problems = configProblems( withMessage( '{{subst:x}} [[Category:C]] <div style="position:fixed">', 'Hi {{subst:y}}' ) );
		expect( problems.map( ( p ) => [ p.key, p.params ] ) ).toEqual( [
			[ 'mentorship-console-problem-message-subst', [ 'event', 'en' ] ],
			[ 'mentorship-console-problem-message-category', [ 'event', 'en' ] ],
			[ 'mentorship-console-problem-message-position', [ 'event', 'en' ] ],
		] );
		expect( configProblems( withMessage( 'Hello $user, see [[:Category:Help]]. $signup' ) ) ).toEqual( [] );
	} );

	it( 'is never offered to inviters, even from a config saved around the form', () => {
		const texts = (): null => null;
		expect( messageOptions( withMessage( '<div style="position:fixed">x</div>' ), 'en', texts ).filter( ( o ) => o.id === 'event' ) ).toEqual( [] );
		expect( messageOptions( withMessage( 'Hello $user' ), 'en', texts ).filter( ( o ) => o.id === 'event' ) ).toHaveLength( 1 );
	} );
} );
