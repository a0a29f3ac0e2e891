/**
 * npm start: a real MediaWiki on 127.0.0.1 with the gadgets installed and demo data.
 * The first run installs Debian's packages (as root) and creates the wiki; later runs
 * reuse it and are up in seconds. `npm run stop` stops the server.
 *
 * `--mw 1.43` (or MENTORSHIP_MW=1.43) runs MediaWiki 1.43 LTS instead of 1.39 LTS;
 * `--port N` chooses the port.
 */

import { parseArgs } from 'node:util';
import { ensureAccounts, login, setGadgets } from './lib/accounts';
import { DEMO_ACCOUNTS, DEMO_ARTICLES, DEMO_CONFIG, DEMO_PASSWORD, DEMO_QUESTION, seedDemo } from './lib/demo';
import { deploy } from './lib/deploy';
import { ensureInstalled, ensureMediaWiki, localWiki, parseRelease, releaseFromEnv, startServer } from './lib/localwiki';

const GADGETS = { 'mentorship-ask': true, 'mentorship-welcome': true, 'mentorship-match': true };

async function main(): Promise<void> {
	const { values } = parseArgs( { options: { port: { type: 'string' }, mw: { type: 'string' } } } );
	const started = Date.now();
	const release = values.mw ? parseRelease( values.mw ) : releaseFromEnv();
	ensureMediaWiki( release );
	const wiki = localWiki( 'dev', release, values.port ? Number( values.port ) : undefined );
	const fresh = ensureInstalled( wiki );
	await startServer( wiki );
	const result = await deploy( {
		api: wiki.api,
		auth: { username: wiki.bot.name, password: wiki.bot.password },
		log: () => undefined,
	} );
	process.stderr.write( `Gadgets ${ result.manifest.version } (${ result.manifest.commit }): ${ result.edits } pages written\n` );
	const created = await ensureAccounts( wiki, DEMO_ACCOUNTS );
	for ( const name of created ) {
		const session = await login( wiki, name, DEMO_PASSWORD );
		await setGadgets( session, GADGETS );
	}
	await seedDemo( wiki );
	const lines = [
		'',
		`The mentorship demo wiki (MediaWiki ${ wiki.release }) is up${ fresh ? ' (created just now)' : '' } in ${ ( ( Date.now() - started ) / 1000 ).toFixed( 1 ) } s:`,
		'',
		`  ${ wiki.server }/index.php/Main_Page`,
		`  The matching panel: ${ wiki.server }/index.php/Special:BlankPage/Mentorship`,
		`  Articles to ask about: ${ Object.keys( DEMO_ARTICLES ).join( ', ' ) }`,
		`  The program's help desk: ${ DEMO_CONFIG.helpDesk }`,
		`  ${ DEMO_QUESTION.mentee } asked ${ DEMO_QUESTION.mentor } about "${ DEMO_QUESTION.article }", and was answered: see User talk:${ DEMO_QUESTION.mentor }`,
		'',
		'Log in as (every demo password is "' + DEMO_PASSWORD + '"):',
		...DEMO_ACCOUNTS.map( ( a ) => `  ${ a.name.padEnd( 18 ) } ${ a.role }` ),
		`  ${ wiki.admin.name.padEnd( 18 ) } administrator, password "${ wiki.admin.password }"`,
		'',
		'Stop it with: npm run stop',
		'',
	];
	process.stdout.write( lines.join( '\n' ) );
}

main().catch( ( e: unknown ) => {
	process.stderr.write( ( e instanceof Error ? e.stack || e.message : String( e ) ) + '\n' );
	process.exit( 1 );
} );
