/**
 * Clicking as a person does: the mouse moved onto a control found by its visible name, once it
 * stays put, and pressed there (not a synthetic click on the element).
 */

import { Locator, Page } from 'playwright-core';

export const SAFE = '.oo-ui-processDialog-actions-safe .oo-ui-buttonElement-button';
export const PRIMARY = '.oo-ui-processDialog-actions-primary .oo-ui-buttonElement-button';

type Box = { x: number; y: number; width: number; height: number } | null;

/** The control's box once it stays put for two frames (a dialog changing size moves its buttons). */
export async function steadyBox( page: Page, control: Locator ): Promise<NonNullable<Box>> {
	let before: Box = null;
	// A bound, not a wait: a control that vanished (null box) or never stops moving fails the
	// test with its name instead of hanging it.
	const deadline = Date.now() + 30000;
	for ( ;; ) {
		if ( Date.now() > deadline ) {
			throw new Error( `steadyBox: ${ String( control ) } ${ before ? 'kept moving' : 'has no box (hidden or gone)' } for 30 s` );
		}
		const box: Box = await control.boundingBox();
		if ( box && before && box.x === before.x && box.y === before.y && box.width === before.width && box.height === before.height ) {
			return box;
		}
		before = box;
		await page.evaluate( () => new Promise( ( resolve ) => {
			requestAnimationFrame( () => requestAnimationFrame( resolve ) );
		} ) );
	}
}

/** Scrolls the control into view (as a person would), moves the mouse onto it and clicks there. */
export async function mouseClick( page: Page, control: Locator ): Promise<void> {
	await control.waitFor( { state: 'visible' } );
	await control.scrollIntoViewIfNeeded();
	const box = await steadyBox( page, control );
	await page.mouse.move( box.x + box.width / 2, box.y + box.height / 2 );
	await page.mouse.down();
	await page.mouse.up();
}

/** The dialog's visible button with this accessible name, among the actions at `where` (SAFE, PRIMARY or any). */
export function actionButton( dialog: Locator, where: string, name: string ): Locator {
	return dialog.locator( where ).filter( { visible: true } ).and( dialog.page().getByRole( 'button', { name: name, exact: true } ) );
}
