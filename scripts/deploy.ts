/**
 * npm run deploy -- --api https://example.org/w/api.php [--dry-run] [--allow-dirty] [--user-script]
 *
 * --user-script: the same code as a user script, under the deploying user's own space
 * (User:NAME/mentorship/…), with only their own rights; prints the line for common.js.
 *
 * Credentials come from the environment: MW_BOT_USERNAME and MW_BOT_PASSWORD (a
 * BotPassword: "YourName@deploy" and its generated password), or MW_OAUTH_TOKEN (an
 * OAuth 2 access token). See README.md, "Install for your wiki" and "Install for yourself".
 */

import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { Auth, deploy } from './lib/deploy';
import { ROOT } from './lib/localwiki';
import { deployUserScript } from './lib/user-script';

function fail( message: string ): never {
	process.stderr.write( message + '\n' );
	process.exit( 2 );
}

async function main(): Promise<void> {
	const { values } = parseArgs( {
		options: {
			api: { type: 'string' },
			'dry-run': { type: 'boolean', default: false },
			'allow-dirty': { type: 'boolean', default: false },
			languages: { type: 'string' },
			'user-script': { type: 'boolean', default: false },
			help: { type: 'boolean', default: false },
		},
	} );
	if ( values.help || !values.api ) {
		fail( 'Usage: npm run deploy -- --api https://example.org/w/api.php [--dry-run] [--allow-dirty] [--languages es,fr] [--user-script]\n' +
			'Credentials: MW_BOT_USERNAME + MW_BOT_PASSWORD (a BotPassword), or MW_OAUTH_TOKEN.\n' +
			'--user-script: install for yourself, under User:NAME/mentorship/ (a BotPassword with "Edit your user CSS/JSON/JavaScript" is enough).' );
	}
	const dirty = execFileSync( 'git', [ 'status', '--porcelain' ], { cwd: ROOT, encoding: 'utf8' } ).trim();
	if ( dirty && !values[ 'allow-dirty' ] && !values[ 'dry-run' ] ) {
		fail( 'The work tree has uncommitted changes: commit them (the pages name the commit they come from), or pass --allow-dirty.\n' + dirty );
	}
	let auth: Auth;
	if ( process.env.MW_OAUTH_TOKEN ) {
		auth = { accessToken: process.env.MW_OAUTH_TOKEN };
	} else if ( process.env.MW_BOT_USERNAME && process.env.MW_BOT_PASSWORD ) {
		auth = { username: process.env.MW_BOT_USERNAME, password: process.env.MW_BOT_PASSWORD };
	} else {
		fail( 'No credentials: set MW_BOT_USERNAME and MW_BOT_PASSWORD (a BotPassword), or MW_OAUTH_TOKEN.' );
	}
	const languages = values.languages ? values.languages.split( ',' ).map( ( l ) => l.trim() ).filter( Boolean ) : undefined;
	if ( values[ 'user-script' ] ) {
		await deployUserScript( { api: values.api, auth, dryRun: values[ 'dry-run' ], languages } );
	} else {
		await deploy( { api: values.api, auth, dryRun: values[ 'dry-run' ], languages } );
	}
}

main().catch( ( e: unknown ) => fail( 'Deploy failed: ' + ( e instanceof Error ? e.message : String( e ) ) ) );
