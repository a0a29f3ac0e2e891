/**
 * Accessibility in the browser tests: moving by keyboard alone (Tab until an element has
 * the focus, never a click) and checking a part of the page with axe-core (WCAG 2.1 A
 * and AA rules), failing with what axe found and where.
 */

import { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeSource } from './browser';

/** Whether the focus is on `target` or inside it. */
export async function focused( target: Locator ): Promise<boolean> {
	return target.evaluate( ( el ) => !!document.activeElement && ( el === document.activeElement || el.contains( document.activeElement ) ) );
}

/**
 * Presses Tab (or Shift+Tab) until the focus is on `target` (or inside it); fails after
 * `max` presses, naming where the focus went.
 */
export async function tabTo( page: Page, target: Locator, options: { max?: number; back?: boolean } = {} ): Promise<void> {
	const max = options.max || 80;
	for ( let i = 0; i < max; i++ ) {
		if ( await focused( target ) ) {
			return;
		}
		await page.keyboard.press( options.back ? 'Shift+Tab' : 'Tab' );
	}
	if ( await focused( target ) ) {
		return;
	}
	const where = await page.evaluate( () => {
		const el = document.activeElement;
		return el ? el.tagName + ' ' + ( el.getAttribute( 'aria-label' ) || el.textContent || '' ).slice( 0, 60 ) : 'nothing';
	} );
	throw new Error( `tabTo: ${ max } presses of Tab did not reach the element (the focus is on ${ where })` );
}

interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[]; html: string; failureSummary?: string }[];
}

/** Runs axe-core on `selector` (WCAG 2 A and AA, 2.1 A and AA) and expects no violation. */
export async function expectAccessible( page: Page, selector: string ): Promise<void> {
	const loaded = await page.evaluate( () => typeof ( window as unknown as { axe?: unknown } ).axe !== 'undefined' );
	if ( !loaded ) {
		await page.addScriptTag( { content: axeSource() } );
	}
	const violations = await page.evaluate( async ( sel ) => {
		const axe = ( window as unknown as { axe: { run( context: string, options: unknown ): Promise<{ violations: AxeViolation[] }> } } ).axe;
		const result = await axe.run( sel, { runOnly: { type: 'tag', values: [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ] } } );
		return result.violations.map( ( v ) => ( {
			id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.slice( 0, 5 ).map( ( n ) => ( { target: n.target, html: n.html.slice( 0, 300 ), failureSummary: n.failureSummary } ) ),
		} ) );
	}, selector );
	expect( violations, JSON.stringify( violations, null, 2 ) ).toEqual( [] );
}
