/**
 * For the browser projects: what a failed test left on screen is recorded (a screenshot and
 * the page's text), so that a failure on a CI machine can be read afterwards.
 */

import { beforeEach } from 'vitest';
import { recordFailure } from './browser';

beforeEach( ( context ) => {
	context.onTestFailed( () => recordFailure( context.task.name ) );
} );
