/**
 * Global setup of the integration and browser tests: the test wiki (.wiki/test, port
 * 8766 or MENTORSHIP_TEST_WIKI_PORT), created and started if needed, with the gadgets
 * built from this work tree and deployed through the real deploy code. Both projects use
 * it; the server is stopped at the end only if this run started it.
 */

import { deploy } from '../../scripts/lib/deploy';
import { ensureInstalled, ensurePackages, LocalWiki, localWiki, setReadOnly, startServer, stopServer } from '../../scripts/lib/localwiki';

interface Shared {
	refs: number;
	started: boolean;
	ready?: Promise<void>;
}

const shared: Shared = ( globalThis as { mentorshipTestWiki?: Shared } ).mentorshipTestWiki ||
	( ( globalThis as { mentorshipTestWiki?: Shared } ).mentorshipTestWiki = { refs: 0, started: false } );

export const testWiki = (): LocalWiki => localWiki( 'test', 8766 );

async function prepare(): Promise<void> {
	ensurePackages();
	const wiki = testWiki();
	ensureInstalled( wiki );
	setReadOnly( wiki, null );
	shared.started = await startServer( wiki );
	await deploy( {
		api: wiki.api,
		auth: { username: wiki.bot.name, password: wiki.bot.password },
		log: () => undefined,
	} );
}

export default async function setup(): Promise<() => void> {
	shared.refs++;
	if ( !shared.ready ) {
		shared.ready = prepare();
	}
	await shared.ready;
	return () => {
		shared.refs--;
		if ( shared.refs === 0 && shared.started && !process.env.MENTORSHIP_KEEP_WIKI ) {
			stopServer( testWiki() );
			shared.started = false;
			shared.ready = undefined;
		}
	};
}
