/** Before any UI test file is imported: the page's libraries, as ResourceLoader would have loaded them. */
import { afterAll, afterEach } from 'vitest';
import { loadLibraries } from './ooui';

loadLibraries();

/**
 * OOUI finishes some work in timers of 0 ms (windows closing, sizes measured): let the ones
 * queued by a test run before the next test starts and before this file's window is closed,
 * where they would find no window to measure with.
 */
async function drainTimers(): Promise<void> {
	for ( let i = 0; i < 5; i++ ) {
		await new Promise( ( resolve ) => {
			setTimeout( resolve, 0 );
		} );
	}
}

afterEach( drainTimers );

/**
 * OOUI also measures in fixed delays of its own, which no state tells the end of: 200 ms after
 * a resize (WindowManager) and 300 ms after a message dialog is sized (MessageDialog). This
 * file's window is closed after its last test: outlive those delays first.
 */
const OOUI_LONGEST_DELAY_MS = 300;

afterAll( async () => {
	await drainTimers();
	await new Promise( ( resolve ) => {
		setTimeout( resolve, OOUI_LONGEST_DELAY_MS + 50 );
	} );
	await drainTimers();
} );
