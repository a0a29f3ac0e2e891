/**
 * A real MediaWiki on loopback, with SQLite, in an ignored folder of the project
 * (.wiki/NAME). Two releases, from Debian's own packages:
 *
 * - 1.39 LTS: Debian 12's `mediawiki` package, installed with apt (/usr/share/mediawiki);
 * - 1.43 LTS: Debian 13's `mediawiki` package, fetched by apt with a private configuration
 *   (nothing is added to the system's sources) and unpacked into .cache/mediawiki-1.43/.
 *
 * Nothing is written outside the project: the config file is given to MediaWiki with
 * MW_CONFIG_FILE.
 *
 * Used by `npm start` (the dev wiki, with demo data) and by the test suite (its own wikis,
 * so tests never disturb the demo).
 */

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve( dirname( fileURLToPath( import.meta.url ) ), '..', '..' );
/** The releases the project supports and tests on. */
export const RELEASES = [ '1.39', '1.43' ] as const;
export type Release = typeof RELEASES[ number ];

/** PHP and its extensions, from the machine's own Debian release (1.43 also needs gmp). */
const PHP_PACKAGES = [ 'php-cli', 'php-sqlite3', 'php-intl', 'php-mbstring', 'php-xml', 'php-gmp' ];
export const DEBIAN_PACKAGES = [ 'mediawiki', ...PHP_PACKAGES ];

/** Where 1.43 is unpacked, and the apt state of its private configuration. */
const MW143_CACHE = join( ROOT, '.cache', 'mediawiki-1.43' );
/** The Debian suite whose `mediawiki` package is 1.43 LTS. */
const MW143_SUITE = 'trixie';

/** The MediaWiki installation of a release. */
export function mediaWikiDir( release: Release ): string {
	return release === '1.39' ? '/usr/share/mediawiki' : join( MW143_CACHE, 'root', 'usr', 'share', 'mediawiki' );
}

/** The release named by MENTORSHIP_MW (1.39 when unset). */
export function releaseFromEnv(): Release {
	const wanted = process.env.MENTORSHIP_MW || '1.39';
	return parseRelease( wanted );
}

export function parseRelease( wanted: string ): Release {
	const release = RELEASES.find( ( r ) => r === wanted );
	if ( !release ) {
		throw new Error( `Unknown MediaWiki release "${ wanted }": choose one of ${ RELEASES.join( ', ' ) }.` );
	}
	return release;
}

export interface LocalWiki {
	name: string;
	release: Release;
	/** The MediaWiki installation that serves it. */
	mwDir: string;
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

/**
 * A local wiki of the project: `dev` (npm start) or `test` (the test suite), of a release.
 * The 1.39 wikis live in .wiki/dev and .wiki/test on ports 8765 and 8766; the 1.43 ones in
 * .wiki/dev-1.43 and .wiki/test-1.43 on 8764 and 8767. MENTORSHIP_WIKI_PORT and
 * MENTORSHIP_TEST_WIKI_PORT move the 1.39 wikis; the 1.43 dev wiki takes the port before,
 * the 1.43 test wiki the port after.
 *
 * @param kind
 * @param release
 * @param port A port chosen by the user (npm start --port), for this release.
 */
export function localWiki( kind: 'dev' | 'test', release?: Release, port?: number ): LocalWiki {
	release = release || releaseFromEnv();
	const envPort = process.env[ kind === 'test' ? 'MENTORSHIP_TEST_WIKI_PORT' : 'MENTORSHIP_WIKI_PORT' ];
	const base = envPort ? Number( envPort ) : ( kind === 'test' ? 8766 : 8765 );
	const offset = release === '1.39' ? 0 : ( kind === 'test' ? 1 : -1 );
	port = port || base + offset;
	const host = '127.0.0.1';
	const name = release === '1.39' ? kind : `${ kind }-${ release }`;
	const dir = join( ROOT, '.wiki', name );
	const server = `http://${ host }:${ port }`;
	return {
		name,
		release,
		mwDir: mediaWikiDir( release ),
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

export function missingPackages( packages: string[] ): string[] {
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
export function ensurePackages( packages: string[] ): void {
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

/**
 * The command line of a maintenance script: 1.39 runs maintenance/NAME.php; from 1.40 on,
 * maintenance/run.php NAME is the supported way.
 *
 * @param mwDir
 * @param script The script's name, without .php.
 */
export function maintenance( mwDir: string, script: string ): string[] {
	const runner = join( mwDir, 'maintenance', 'run.php' );
	return existsSync( runner ) ? [ runner, script ] : [ join( mwDir, 'maintenance', script + '.php' ) ];
}

/**
 * Makes a release's MediaWiki available: 1.39 from the system's Debian packages; 1.43 from
 * Debian 13's package, fetched with a private apt configuration and unpacked into
 * .cache/mediawiki-1.43 (about 53 MB, a few seconds, once). Returns its folder.
 *
 * @param release
 */
export function ensureMediaWiki( release: Release ): string {
	if ( release === '1.39' ) {
		ensurePackages( DEBIAN_PACKAGES );
		return mediaWikiDir( release );
	}
	ensurePackages( PHP_PACKAGES );
	const dir = mediaWikiDir( release );
	const stamp = join( MW143_CACHE, 'unpacked' );
	if ( existsSync( stamp ) && existsSync( join( dir, 'index.php' ) ) ) {
		return dir;
	}
	log( `Fetching MediaWiki 1.43 (Debian ${ MW143_SUITE }'s mediawiki package) into ${ MW143_CACHE }…` );
	rmSync( MW143_CACHE, { recursive: true, force: true } );
	const apt = join( MW143_CACHE, 'apt' );
	const debs = join( MW143_CACHE, 'debs' );
	for ( const d of [ join( apt, 'lists', 'partial' ), join( apt, 'cache', 'archives', 'partial' ), debs ] ) {
		mkdirSync( d, { recursive: true } );
	}
	const sources = join( apt, 'sources.list' );
	writeFileSync( sources, `deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] ${ debianMirror() } ${ MW143_SUITE } main\n` );
	const options = [
		'-o', `Dir::Etc::sourcelist=${ sources }`,
		'-o', 'Dir::Etc::sourceparts=/dev/null',
		'-o', `Dir::State::lists=${ join( apt, 'lists' ) }`,
		'-o', `Dir::Cache=${ join( apt, 'cache' ) }`,
		// As root, apt downloads as the _apt user, who may not write in the project's folder.
		...( isRoot() ? [ '-o', 'APT::Sandbox::User=root' ] : [] ),
	];
	const run = ( args: string[], cwd?: string ): void => {
		const r = spawnSync( 'apt-get', [ ...options, ...args ], { cwd, encoding: 'utf8' } );
		if ( r.status !== 0 ) {
			throw new Error( `apt-get ${ args.join( ' ' ) } failed (for MediaWiki 1.43):\n${ r.stderr || r.stdout }` );
		}
	};
	run( [ 'update' ] );
	run( [ 'download', 'mediawiki', 'mediawiki-classes' ], debs );
	const files = readdirSync( debs ).filter( ( f ) => f.endsWith( '.deb' ) );
	const versions = new Set( files.map( ( f ) => execFileSync( 'dpkg-deb', [ '-f', join( debs, f ), 'Version' ], { encoding: 'utf8' } ).trim() ) );
	if ( files.length !== 2 || versions.size !== 1 ) {
		throw new Error( `Expected mediawiki and mediawiki-classes of one version in ${ debs }, found: ${ files.join( ', ' ) }` );
	}
	const version = [ ...versions ][ 0 ] as string;
	if ( !/:1\.43\./.test( version ) ) {
		throw new Error( `Debian ${ MW143_SUITE }'s mediawiki is ${ version }, not 1.43` );
	}
	const root = join( MW143_CACHE, 'root' );
	for ( const f of files ) {
		execFileSync( 'dpkg-deb', [ '-x', join( debs, f ), root ] );
	}
	// The package links these into /var/lib/mediawiki (the system's wiki): point them inside.
	rmSync( join( dir, 'extensions' ), { force: true } );
	symlinkSync( 'extensions-core', join( dir, 'extensions' ) );
	rmSync( join( dir, 'images' ), { force: true } );
	mkdirSync( join( dir, 'images' ) );
	rmSync( join( MW143_CACHE, 'apt', 'cache' ), { recursive: true, force: true } );
	writeFileSync( stamp, version + '\n' );
	log( `MediaWiki ${ version } is in ${ dir }` );
	return dir;
}

/** The Debian mirror the machine's own apt sources use (deb822 or one-line format). */
function debianMirror(): string {
	const files = [ '/etc/apt/sources.list' ];
	if ( existsSync( '/etc/apt/sources.list.d' ) ) {
		files.push( ...readdirSync( '/etc/apt/sources.list.d' ).filter( ( f ) => /\.(list|sources)$/.test( f ) ).map( ( f ) => join( '/etc/apt/sources.list.d', f ) ) );
	}
	for ( const file of files ) {
		if ( !existsSync( file ) ) {
			continue;
		}
		const text = readFileSync( file, 'utf8' );
		const uris = [
			...Array.from( text.matchAll( /^URIs:\s*(.+)$/gm ), ( m ) => ( m[ 1 ] as string ).split( /\s+/ ) ).flat(),
			// "deb [options] URI suite components": the URI is the first word not in brackets.
			...Array.from( text.matchAll( /^deb\s+(.+)$/gm ), ( m ) => ( m[ 1 ] as string ).replace( /^\[[^\]]*\]/, '' ).trim().split( /\s+/ )[ 0 ] as string ),
		];
		const mirror = uris.find( ( u ) => /\/debian\/?$/.test( u ) );
		if ( mirror ) {
			return mirror.replace( /\/$/, '' );
		}
	}
	return 'http://deb.debian.org/debian';
}

function php( wiki: LocalWiki, script: string, args: string[], input?: string ): string {
	return execFileSync( 'php', [ ...maintenance( wiki.mwDir, script ), ...args ], {
		cwd: wiki.mwDir,
		env: { ...process.env, MW_CONFIG_FILE: wiki.configFile },
		encoding: 'utf8',
		input,
		stdio: [ input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe' ],
		// runJobs prints a line a job, and a test wiki's queue grows through a whole suite.
		maxBuffer: 256 * 1024 * 1024,
	} );
}

/**
 * The extensions each release loads. 1.39 (Debian 12) has no Echo, Thanks or
 * DiscussionTools; 1.43 (Debian 13) has them, as Wikimedia wikis do.
 */
const EXTENSIONS: Record<Release, string[]> = {
	1.39: [ 'Gadgets', 'AbuseFilter' ],
	1.43: [ 'Gadgets', 'AbuseFilter', 'Echo', 'Thanks', 'VisualEditor', 'Linter', 'DiscussionTools' ],
};

/** Talk pages as on Wikimedia wikis: DiscussionTools' reply and new-topic tools for everyone. */
const RELEASE_143_SETTINGS = `# DiscussionTools as on Wikimedia wikis (reply buttons, the new topic tool), Echo notifications.
$wgDiscussionToolsBeta = false;
$wgDefaultUserOptions['discussiontools-betaenable'] = 1;
$wgDiscussionToolsEnablePermalinksBackend = true;
$wgLocaltimezone = 'UTC';
`;

/** Log groups written to the wiki's logs/ folder, with the lowest level kept. */
const LOG_GROUPS: [ string, string ][] = [
	[ 'session', 'info' ], [ 'SQLBagOStuff', 'info' ], [ 'objectcache', 'info' ], [ 'authentication', 'info' ],
	[ 'exception', 'debug' ], [ 'error', 'debug' ], [ 'DBQuery', 'warning' ], [ 'DBConnection', 'warning' ],
];

/** The first line of our settings in LocalSettings.php: everything after it is ours, rewritten when it changes. */
const SETTINGS_MARKER = '# ---- Added by the mentorship gadgets\' local wiki setup (scripts/lib/localwiki.ts) ----';

/**
 * Settings appended to what install.php writes: a wiki that behaves like a real one.
 *
 * @param wiki
 */
function extraSettings( wiki: LocalWiki ): string {
	return `${ SETTINGS_MARKER }
${ EXTENSIONS[ wiki.release ].map( ( e ) => `wfLoadExtension( '${ e }' );` ).join( '\n' ) }
${ wiki.release === '1.43' ? RELEASE_143_SETTINGS : '' }
# A short name, as a wordmark would be: Minerva's header on a phone (375 px) has room for
# about 16 characters beside its four icons before it pushes them off the screen.
$wgSitename = ${ JSON.stringify( ( wiki.name.startsWith( 'dev' ) ? 'Mentorship ' : 'Test wiki ' ) + wiki.release ) };

# An object cache: without one, rate limits are silently off.
$wgMainCacheType = CACHE_DB;
$wgSessionCacheType = CACHE_DB;
$wgCacheDirectory = ${ JSON.stringify( join( wiki.dir, 'cache' ) ) };
$wgReadOnlyFile = ${ JSON.stringify( wiki.readOnlyFile ) };
# Logs a failing test can be read against (sessions, the object cache, exceptions, database
# errors), in the wiki's ignored folder.
${ LOG_GROUPS.map( ( [ group, level ] ) => `$wgDebugLogGroups[${ JSON.stringify( group ) }] = [ 'destination' => ${ JSON.stringify( join( wiki.dir, 'logs', group + '.log' ) ) }, 'level' => '${ level }' ];` ).join( '\n' ) }
$wgArticlePath = '/index.php/$1';
$wgUsePathInfo = true;
$wgEnableEmail = false;
$wgEnableUserEmail = false;
$wgEmailAuthentication = false;
$wgWatchlistExpiry = true;
$wgJobRunRate = 0;
$wgShowExceptionDetails = true;
# Users' own scripts and styles (common.js), as on Wikimedia wikis: the user-script install.
$wgAllowUserJs = true;
$wgAllowUserCss = true;
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
	mkdirSync( join( wiki.dir, 'logs' ), { recursive: true } );
	const text = readFileSync( wiki.configFile, 'utf8' );
	const at = text.indexOf( SETTINGS_MARKER );
	const wanted = extraSettings( wiki );
	if ( at !== -1 && text.slice( at ) === wanted ) {
		return;
	}
	writeFileSync( wiki.configFile, ( at === -1 ? text + '\n' : text.slice( 0, at ) ) + wanted );
	// New extensions may need their tables.
	php( wiki, 'update', [ '--quick' ] );
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
	mkdirSync( join( wiki.dir, 'logs' ), { recursive: true } );
	log( `Creating the ${ wiki.name } wiki in ${ wiki.dir }…` );
	execFileSync( 'php', [
		...maintenance( wiki.mwDir, 'install' ),
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
	], { cwd: wiki.mwDir, stdio: [ 'ignore', 'ignore', 'pipe' ] } );
	appendFileSync( wiki.configFile, '\n' + extraSettings( wiki ) );
	php( wiki, 'update', [ '--quick' ] );
	const botPassword = randomBytes( 24 ).toString( 'hex' );
	php( wiki, 'createBotPassword', [
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
	const child = spawn( 'php', [ '-S', `${ wiki.host }:${ wiki.port }`, '-t', wiki.mwDir, join( ROOT, 'scripts', 'router.php' ) ], {
		cwd: wiki.mwDir,
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

/**
 * Runs the wiki's queued jobs now (Echo's notifications, DiscussionTools' updates): the
 * local wikis run none during requests ($wgJobRunRate = 0), as a wiki with a job runner
 * would run them moments later.
 *
 * @param wiki
 * @param type only the jobs of this type (for example `revertedTagUpdate`): quick however long
 *  the queue has grown
 */
export function runJobs( wiki: LocalWiki, type?: string ): void {
	php( wiki, 'runJobs', [ '--maxtime=60', ...( type ? [ '--type=' + type ] : [] ) ] );
}
