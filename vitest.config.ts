import { defineConfig } from 'vitest/config';

/**
 * One run, one summary line: unit tests (core, wiki with fake transports, ui in jsdom),
 * integration tests against the real local wiki, and browser tests in Debian's Chromium.
 * The two last share one wiki (tests/setup/wiki.ts starts it if it is not running).
 */
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
			{
				test: {
					name: 'integration',
					include: [ 'tests/integration/**/*.test.ts' ],
					exclude: [ 'tests/integration/**/*.exclusive.test.ts' ],
					globalSetup: [ 'tests/setup/wiki.ts' ],
					testTimeout: 120000,
					hookTimeout: 600000,
					sequence: { groupOrder: 1 },
				},
			},
			{
				// Tests that change the whole wiki (read-only mode) run alone, after the others.
				test: {
					name: 'wiki-wide',
					include: [ 'tests/integration/**/*.exclusive.test.ts' ],
					globalSetup: [ 'tests/setup/wiki.ts' ],
					testTimeout: 120000,
					hookTimeout: 300000,
					fileParallelism: false,
					sequence: { groupOrder: 3 },
				},
			},
			{
				test: {
					name: 'browser',
					include: [ 'tests/browser/**/*.test.ts' ],
					globalSetup: [ 'tests/setup/wiki.ts' ],
					testTimeout: 180000,
					hookTimeout: 300000,
					// Chromium and the wiki share two cores: a few files at a time.
					maxWorkers: 2,
					sequence: { groupOrder: 2 },
				},
			},
		],
	},
} );
