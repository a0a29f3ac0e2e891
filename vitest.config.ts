import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';

/**
 * One run, one summary line: unit tests (core, wiki with fake transports), UI tests (the
 * dialogs in jsdom with the real jQuery, OOjs and OOUI), then integration
 * and browser tests against real MediaWikis of both supported releases, 1.39 LTS and
 * 1.43 LTS (tests/setup/wiki.ts starts each if it is not running). Project names carry the
 * release ("browser 1.43"), so the report shows how many tests ran on each.
 *
 * MENTORSHIP_MW=1.39 (or 1.43) limits a run to one release.
 */

const RELEASES = ( process.env.MENTORSHIP_MW || '1.39,1.43' ).split( ',' ).map( ( r ) => r.trim() ).filter( Boolean );

function wikiProjects( release: string ): TestProjectInlineConfiguration[] {
	const env = { MENTORSHIP_MW: release };
	return [
		{
			test: {
				name: `integration ${ release }`,
				include: [ 'tests/integration/**/*.test.ts' ],
				exclude: [ 'tests/integration/**/*.exclusive.test.ts' ],
				globalSetup: [ 'tests/setup/wiki.ts' ],
				env,
				testTimeout: 120000,
				hookTimeout: 600000,
				sequence: { groupOrder: 1 },
			},
		},
		{
			// Tests that change the whole wiki (read-only mode) run alone, after the others.
			test: {
				name: `wiki-wide ${ release }`,
				include: [ 'tests/integration/**/*.exclusive.test.ts' ],
				globalSetup: [ 'tests/setup/wiki.ts' ],
				env,
				testTimeout: 120000,
				hookTimeout: 300000,
				fileParallelism: false,
				sequence: { groupOrder: 4 },
			},
		},
		{
			test: {
				name: `browser ${ release }`,
				include: [ 'tests/browser/**/*.test.ts' ],
				exclude: [ 'tests/browser/**/*.exclusive.test.ts' ],
				globalSetup: [ 'tests/setup/wiki.ts' ],
				setupFiles: [ 'tests/support/browser-setup.ts' ],
				env,
				testTimeout: 180000,
				hookTimeout: 300000,
				// Chromium and the wiki share two cores: a few files at a time, one release at a time.
				maxWorkers: 2,
				sequence: { groupOrder: release === '1.39' ? 2 : 3 },
			},
		},
		{
			// Browser tests that change the whole wiki (the user-script tests take the gadgets
			// out of MediaWiki:Gadgets-definition for a while) run alone, after all the others:
			// beside another file, that file would find no gadget.
			test: {
				name: `browser wiki-wide ${ release }`,
				include: [ 'tests/browser/**/*.exclusive.test.ts' ],
				globalSetup: [ 'tests/setup/wiki.ts' ],
				setupFiles: [ 'tests/support/browser-setup.ts' ],
				env,
				testTimeout: 180000,
				hookTimeout: 300000,
				fileParallelism: false,
				sequence: { groupOrder: 5 },
			},
		},
	];
}

export default defineConfig( {
	test: {
		projects: [
			{
				test: {
					name: 'unit',
					include: [ 'tests/unit/**/*.test.ts' ],
					environment: 'node',
					sequence: { groupOrder: 0 },
				},
			},
			{
				// Dialogs and widgets with the real jQuery, OOjs and OOUI, in jsdom (no wiki, no browser).
				test: {
					name: 'ui',
					include: [ 'tests/ui/**/*.test.ts' ],
					environment: 'jsdom',
					setupFiles: [ 'tests/support/ui-setup.ts' ],
					testTimeout: 60000,
					sequence: { groupOrder: 0 },
				},
			},
			...RELEASES.flatMap( wikiProjects ),
		],
	},
} );
