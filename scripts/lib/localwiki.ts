/**
 * A real MediaWiki 1.39 on loopback, from Debian's packages, with SQLite, in an ignored
 * folder of the project (.wiki/NAME). Nothing is written outside the project: the config
 * file is given to MediaWiki with MW_CONFIG_FILE.
 *
 * Used by `npm start` (the dev wiki, with demo data) and by the test suite (its own wiki,
 * so tests never disturb the demo).
 */

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve( dirname( fileURLToPath( import.meta.url ) ), '..', '..' );
export const MW_DIR = '/usr/share/mediawiki';
export const DEBIAN_PACKAGES = [ 'mediawiki', 'php-cli', 'php-sqlite3', 'php-intl', 'php-mbstring', 'php-xml' ];

export interface LocalWiki {
	name: string;
	dir: string;
	host: string;
	port: number;
	server: string;
	api: string;
	index: string;
	admin: { name: string; password: string };
	/** BotPassword of the admin, used by deploy (User@deploy). */
	bot: { name: string; password: string };
	/** Existence of this file makes the wiki read-only ($wgReadOnlyFile). */
	readOnlyFile: string;
	configFile: string;
}

export function localWiki( name: string, defaultPort: number ): LocalWiki {
	const envPort = process.env[ name === 'test' ? 'MENTORSHIP_TEST_WIKI_PORT' : 'MENTORSHIP_WIKI_PORT' ];
	const port = envPort ? Number( envPort ) : defaultPort;
	const host = '127.0.0.1';
	const dir = join( ROOT, '.wiki', name );
	const server = `http://${ host }:${ port }`;
	return {
		name,
		dir,
		host,
		port,
		server,
		api: server + '/api.php',
		index: server + '/index.php',
		admin: { name: 'Admin', password: 'admin-password-' + name },
		bot: { name: 'Admin@deploy', password: readBotPassword( dir ) },
		readOnlyFile: join( dir, 'read-only' ),
		configFile: join( dir, 'LocalSettings.php' ),
	};
}

function readBotPassword( dir: string ): string {
	const file = join( dir, 'bot-password' );
	return existsSync( file ) ? readFileSync( file, 'utf8' ).trim() : '';
}

function log( message: string ): void {
	process.stderr.write( message + '\n' );
}

function isRoot(): boolean {
	return typeof process.getuid === 'function' && process.getuid() === 0;
}

function missingPackages( packages: string[] ): string[] {
	return packages.filter( ( p ) => {
		const r = spawnSync( 'dpkg-query', [ '-W', '-f=${Status}', p ], { encoding: 'utf8' } );
		return r.status !== 0 || !/install ok installed/.test( r.stdout );
	} );
}

/**
 * Installs missing Debian packages when run as root (apt-get update first); otherwise
 * says exactly what to run and fails.
 *
 * @param packages
 */
export function ensurePackages( packages: string[] = DEBIAN_PACKAGES ): void {
	const missing = missingPackages( packages );
	if ( !missing.length ) {
		return;
	}
	const command = `apt-get update && apt-get install -y --no-install-recommends ${ missing.join( ' ' ) }`;
	if ( !isRoot() ) {
		throw new Error( `Missing Debian packages: ${ missing.join( ', ' ) }. Run as root:\n  ${ command }` );
	}
	log( `Installing ${ missing.join( ', ' ) } from Debian…` );
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync( 'apt-get', [ 'update' ], { stdio: [ 'ignore', 'ignore', 'inherit' ], env } );
	execFileSync( 'apt-get', [ 'install', '-y', '--no-install-recommends', ...missing ], { stdio: [ 'ignore', 'ignore', 'inherit' ], env } );
}

function php( wiki: LocalWiki, script: string, args: string[], input?: string ): string {
	return execFileSync( 'php', [ join( MW_DIR, 'maintenance', script ), ...args ], {
		cwd: MW_DIR,
		env: { ...process.env, MW_CONFIG_FILE: wiki.configFile },
		encoding: 'utf8',
		input,
		stdio: [ input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe' ],
	} );
}

/** The first line of our settings in LocalSettings.php: everything after it is ours, rewritten when it changes. */
const SETTINGS_MARKER = '# ---- Added by the mentorship gadgets\' local wiki setup (scripts/lib/localwiki.ts) ----';

/**
 * Settings appended to what install.php writes: a wiki that behaves like a real one.
 *
 * @param wiki
 */
function extraSettings( wiki: LocalWiki ): string {
	return `${ SETTINGS_MARKER }
wfLoadExtension( 'Gadgets' );
wfLoadExtension( 'AbuseFilter' );

# An object cache: without one, rate limits are silently off.
$wgMainCacheType = CACHE_DB;
$wgSessionCacheType = CACHE_DB;
$wgCacheDirectory = ${ JSON.stringify( join( wiki.dir, 'cache' ) ) };
$wgReadOnlyFile = ${ JSON.stringify( wiki.readOnlyFile ) };
$wgArticlePath = '/index.php/$1';
$wgUsePathInfo = true;
$wgEnableEmail = false;
$wgEnableUserEmail = false;
$wgEmailAuthentication = false;
$wgWatchlistExpiry = true;
$wgJobRunRate = 0;
$wgShowExceptionDetails = true;
$wgLogos = [ '1x' => "$wgResourceBasePath/resources/assets/mediawiki.png" ];

# Many test accounts and logins come from 127.0.0.1.
$wgAccountCreationThrottle = [ [ 'count' => 100000, 'seconds' => 86400 ] ];
$wgPasswordAttemptThrottle = [ [ 'count' => 100000, 'seconds' => 300 ] ];

# Edit rate limits as on Wikimedia wikis for accounts that are not autoconfirmed (8 a
# minute), per account rather than per IP address (every test account shares 127.0.0.1).
$wgRateLimits['edit']['newbie'] = [ 8, 60 ];
$wgRateLimits['edit']['ip'] = [ 100000, 60 ];
$wgRateLimits['edit']['subnet'] = [ 100000, 60 ];
# Members of 'unconfirmed' are never autoconfirmed (every other account is, at once).
$wgGroupPermissions['unconfirmed']['read'] = true;
$wgAutopromote['autoconfirmed'] = [ '!', [ APCOND_INGROUPS, 'unconfirmed' ] ];
# A right a mentee can gain (a leadership milestone the dashboard detects).
$wgGroupPermissions['rollbacker']['rollback'] = true;

# Protecting program pages (README.md): a protection level that coordinators
# hold, so that an administrator can protect a program's config.json (or the whole
# Mentorship/Programs/ tree) for coordinators and administrators only.
$wgRestrictionLevels[] = 'editmentorshipconfig';
$wgGroupPermissions['coordinator']['editmentorshipconfig'] = true;
$wgGroupPermissions['sysop']['editmentorshipconfig'] = true;
`;
}

/**
 * Brings the settings of an existing wiki up to date: our part of LocalSettings.php (from
 * SETTINGS_MARKER on) is replaced when this code's settings differ.
 *
 * @param wiki
 */
function syncSettings( wiki: LocalWiki ): void {
	const text = readFileSync( wiki.configFile, 'utf8' );
	const at = text.indexOf( SETTINGS_MARKER );
	const wanted = extraSettings( wiki );
	if ( at === -1 ) {
		appendFileSync( wiki.configFile, '\n' + wanted );
	} else if ( text.slice( at ) !== wanted ) {
		writeFileSync( wiki.configFile, text.slice( 0, at ) + wanted );
	}
}

/**
 * Creates the wiki once (about two seconds); later calls find it and return.
 *
 * @param wiki
 */
export function ensureInstalled( wiki: LocalWiki ): boolean {
	if ( existsSync( wiki.configFile ) && existsSync( join( wiki.dir, 'installed' ) ) ) {
		syncSettings( wiki );
		return false;
	}
	rmSync( wiki.dir, { recursive: true, force: true } );
	mkdirSync( join( wiki.dir, 'data' ), { recursive: true } );
	mkdirSync( join( wiki.dir, 'cache' ), { recursive: true } );
	log( `Creating the ${ wiki.name } wiki in ${ wiki.dir }…` );
	execFileSync( 'php', [
		join( MW_DIR, 'maintenance', 'install.php' ),
		'--confpath', wiki.dir,
		'--dbtype', 'sqlite',
		'--dbpath', join( wiki.dir, 'data' ),
		'--dbname', 'wiki',
		'--server', wiki.server,
		'--scriptpath', '',
		'--pass', wiki.admin.password,
		'--lang', 'en',
		`Mentorship ${ wiki.name } wiki`,
		wiki.admin.name,
	], { cwd: MW_DIR, stdio: [ 'ignore', 'ignore', 'pipe' ] } );
	appendFileSync( wiki.configFile, '\n' + extraSettings( wiki ) );
	php( wiki, 'update.php', [ '--quick' ] );
	const botPassword = randomBytes( 24 ).toString( 'hex' );
	php( wiki, 'createBotPassword.php', [
		'--appid', 'deploy',
		'--grants', 'basic,highvolume,editpage,createeditmovepage,editprotected,editinterface,editsiteconfig,editmycssjs,editmyoptions,protect,blockusers',
		wiki.admin.name,
		botPassword,
	] );
	writeFileSync( join( wiki.dir, 'bot-password' ), botPassword + '\n' );
	wiki.bot.password = botPassword;
	writeFileSync( join( wiki.dir, 'installed' ), new Date().toISOString() + '\n' );
	return true;
}

function pidFile( wiki: LocalWiki ): string {
	return join( wiki.dir, 'server.pid' );
}

export async function isUp( wiki: LocalWiki ): Promise<boolean> {
	try {
		const response = await fetch( wiki.api + '?action=query&meta=siteinfo&format=json', { signal: AbortSignal.timeout( 5000 ) } );
		const body = await response.json() as { query?: { general?: { servername?: string } } };
		return !!( body.query && body.query.general );
	} catch ( e ) {
		return false;
	}
}

/**
 * Serves the wiki with PHP's built-in server (detached), unless it is already up.
 *
 * @param wiki
 */
export async function startServer( wiki: LocalWiki ): Promise<boolean> {
	if ( await isUp( wiki ) ) {
		if ( !ownsServer( wiki ) ) {
			throw new Error( `Another server answers on ${ wiki.server }: it is not the ${ wiki.name } wiki of ${ wiki.dir }. ` +
				`Stop it, or choose another port (${ wiki.name === 'test' ? 'MENTORSHIP_TEST_WIKI_PORT' : 'MENTORSHIP_WIKI_PORT' }).` );
		}
		return false;
	}
	const logFile = openSync( join( wiki.dir, 'server.log' ), 'a' );
	const child = spawn( 'php', [ '-S', `${ wiki.host }:${ wiki.port }`, '-t', MW_DIR, join( ROOT, 'scripts', 'router.php' ) ], {
		cwd: MW_DIR,
		detached: true,
		stdio: [ 'ignore', logFile, logFile ],
		env: { ...process.env, MW_CONFIG_FILE: wiki.configFile, PHP_CLI_SERVER_WORKERS: '4' },
	} );
	child.unref();
	writeFileSync( pidFile( wiki ), String( child.pid ) + '\n' );
	for ( let i = 0; i < 100; i++ ) {
		if ( await isUp( wiki ) ) {
			return true;
		}
		await new Promise( ( r ) => {
			setTimeout( r, 100 );
		} );
	}
	throw new Error( `The wiki did not come up at ${ wiki.server } (see ${ join( wiki.dir, 'server.log' ) })` );
}

/** Whether the server on the wiki's port is the one this folder started (its pid is alive). */
function ownsServer( wiki: LocalWiki ): boolean {
	const file = pidFile( wiki );
	if ( !existsSync( file ) ) {
		return false;
	}
	try {
		process.kill( Number( readFileSync( file, 'utf8' ) ), 0 );
		return true;
	} catch ( e ) {
		return false;
	}
}

export function stopServer( wiki: LocalWiki ): boolean {
	const file = pidFile( wiki );
	if ( !existsSync( file ) ) {
		return false;
	}
	const pid = Number( readFileSync( file, 'utf8' ) );
	rmSync( file, { force: true } );
	try {
		// The server and its workers form one process group.
		process.kill( -pid, 'SIGTERM' );
		return true;
	} catch ( e ) {
		try {
			process.kill( pid, 'SIGTERM' );
			return true;
		} catch ( e2 ) {
			return false;
		}
	}
}

export function setReadOnly( wiki: LocalWiki, reason: string | null ): void {
	if ( reason === null ) {
		rmSync( wiki.readOnlyFile, { force: true } );
	} else {
		writeFileSync( wiki.readOnlyFile, reason );
	}
}
