#!/usr/bin/env node
/**
 * npm run screenshots: copies the screenshots the browser tests took (test-results/
 * screenshots/) that the README shows into docs/screenshots/. Run it after `npm test`.
 */

import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join( dirname( fileURLToPath( import.meta.url ) ), '..' );
const from = join( root, 'test-results', 'screenshots' );
const to = join( root, 'docs', 'screenshots' );
const shown = [
	'ask-control', 'ask-dialog', 'ask-preview', 'ask-away', 'ask-markup-talk-page',
	'panel-join', 'panel-suggestions', 'panel-mentees', 'panel-mentor-profile', 'panel-handover-preview',
	'welcome-dialog', 'welcome-preview', 'welcome-batch-review', 'welcome-batch-report',
	'console-match', 'console-dashboard', 'console-program-form',
	'ask-control-waiting', 'ask-reask-preview', 'panel-own-questions-waiting', 'arrival-logged-out', 'goals-mentor',
	'ask-dialog-ar', 'panel-suggestions-ar', 'panel-suggestions-es', 'welcome-batch-ar', 'console-dashboard-ar',
	// MediaWiki 1.43: Vector 2022, DiscussionTools, and Minerva on a phone (test-results/screenshots/1.43/).
	'1.43/ask-control', '1.43/ask-dialog', '1.43/talk-question-topic', '1.43/welcome-topic', '1.43/console-match',
	'1.43/phone-ask-control', '1.43/phone-ask-dialog', '1.43/phone-panel-join', '1.43/phone-panel-suggestions',
	'1.43/load-failure-panel'
];
mkdirSync( to, { recursive: true } );
let copied = 0;
for ( const name of shown ) {
	const file = join( from, name + '.png' );
	if ( existsSync( file ) ) {
		copyFileSync( file, join( to, name.replace( '/', '-' ) + '.png' ) );
		copied++;
	} else {
		console.warn( `missing: ${ name }.png (run npm test first)` );
	}
}
console.log( `${ copied } screenshots copied to docs/screenshots/` );
