/**
 * Global setup of the integration and browser tests: the test wiki of the project's
 * release (MENTORSHIP_MW in the project's `env`: .wiki/test on 8766 for 1.39,
 * .wiki/test-1.43 on 8767 for 1.43; see scripts/lib/localwiki.ts), created and started if
 * needed, with the gadgets built from this work tree and deployed through the real deploy
 * code. Projects of the same release share it; its server is stopped at the end only if
 * this run started it.
 */

import type { TestProject } from 'vitest/node';
import { deploy } from '../../scripts/lib/deploy';
import { launch } from '../support/browser';
import { ensureInstalled, ensureMediaWiki, ensurePackages, LocalWiki, localWiki, parseRelease, Release, setReadOnly, startServer, stopServer } from '../../scripts/lib/localwiki';

interface Shared {
	refs: number;
	started: boolean;
	ready?: Promise<void>;
}

type Registry = Partial<Record<Release, Shared>>;

const registry: Registry = ( globalThis as { mentorshipTestWikis?: Registry } ).mentorshipTestWikis ||
	( ( globalThis as { mentorshipTestWikis?: Registry } ).mentorshipTestWikis = {} );

/** The test wiki of the release this process tests (MENTORSHIP_MW). */
export const testWiki = (): LocalWiki => localWiki( 'test' );

async function prepare( wiki: LocalWiki, shared: Shared ): Promise<void> {
	ensureMediaWiki( wiki.release );
	ensureInstalled( wiki );
	setReadOnly( wiki, null );
	shared.started = await startServer( wiki );
	await deploy( {
		api: wiki.api,
		auth: { username: wiki.bot.name, password: wiki.bot.password },
		log: () => undefined,
	} );
}

export default async function setup( project: TestProject ): Promise<() => void> {
	if ( project.name.startsWith( 'browser' ) ) {
		// Debian's Chromium (never a downloaded browser): installed as root, else the command is
		// named; and started once here, so that a browser that cannot start is reported once,
		// clearly, rather than by every test file.
		ensurePackages( [ 'chromium' ] );
		await ( await launch() ).close();
	}
	const release = parseRelease( String( project.config.env.MENTORSHIP_MW || process.env.MENTORSHIP_MW || '1.39' ) );
	const wiki = localWiki( 'test', release );
	const shared = registry[ release ] || ( registry[ release ] = { refs: 0, started: false } );
	shared.refs++;
	if ( !shared.ready ) {
		shared.ready = prepare( wiki, shared );
	}
	await shared.ready;
	return () => {
		shared.refs--;
		if ( shared.refs === 0 && shared.started && !process.env.MENTORSHIP_KEEP_WIKI ) {
			stopServer( wiki );
			shared.started = false;
			shared.ready = undefined;
		}
	};
}
