/**
 * Keyboard and accessibility helpers for the browser tests: reach a control with Tab as a
 * keyboard user does, and run axe-core on a part of the page.
 */

import { Page } from 'playwright-core';
import { expect } from 'vitest';
import { axeSource } from './browser';

/**
 * Presses Tab (or Shift+Tab) until the focused element matches `selector` (or contains
 * `text`), as a keyboard user would; fails after `max` presses.
 */
export async function tabTo( page: Page, selector: string, options: { text?: string; max?: number; backwards?: boolean } = {} ): Promise<void> {
	const max = options.max || 150;
	for ( let i = 0; i < max; i++ ) {
		const found = await page.evaluate( ( [ sel, text ] ) => {
			const el = document.activeElement as HTMLElement | null;
			if ( !el ) {
				return false;
			}
			const match = el.matches( sel as string ) || !!el.closest( sel as string );
			return match && ( !text || ( el.innerText || el.getAttribute( 'aria-label' ) || '' ).includes( text as string ) );
		}, [ selector, options.text || '' ] );
		if ( found ) {
			return;
		}
		await page.keyboard.press( options.backwards ? 'Shift+Tab' : 'Tab' );
	}
	throw new Error( `Tab never reached ${ selector }${ options.text ? ' "' + options.text + '"' : '' }` );
}

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: number;
	targets: string[];
}

/** Runs axe-core (WCAG 2 A and AA rules) on the elements matching `selector`; returns serious and critical violations. */
export async function seriousViolations( page: Page, selector: string ): Promise<AxeViolation[]> {
	// Colours are only final once transitions (a dialog fading in) have ended.
	await page.waitForFunction( () => document.getAnimations().every( ( a ) => a.playState !== 'running' ) );
	const hasAxe = await page.evaluate( () => typeof ( window as unknown as { axe?: unknown } ).axe !== 'undefined' );
	if ( !hasAxe ) {
		await page.addScriptTag( { content: axeSource() } );
	}
	const violations = await page.evaluate( async ( sel ) => {
		const axe = ( window as unknown as { axe: { run( context: unknown, options: unknown ): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string }[] }[] }> } } ).axe;
		const result = await axe.run( { include: [ [ sel ] ] }, { runOnly: { type: 'tag', values: [ 'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa' ] } } );
		return result.violations.map( ( v ) => ( {
			id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice( 0, 3 ).map( ( n ) => n.target.join( ' ' ) + ' ' + n.html.slice( 0, 160 ) ),
		} ) );
	}, selector );
	return violations.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' );
}

export async function expectAccessible( page: Page, selector: string ): Promise<void> {
	expect( await seriousViolations( page, selector ) ).toEqual( [] );
}
