<?php
/**
 * Router for PHP's built-in web server, serving Debian's MediaWiki (the document root,
 * /usr/share/mediawiki) with the configuration named by MW_CONFIG_FILE.
 *
 * Static files are served as they are; api.php, load.php, rest.php and index.php go to
 * those entry points (also with a path after them, as in /index.php/Main_Page); any other
 * path goes to index.php.
 */

$root = $_SERVER['DOCUMENT_ROOT'];
$path = parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) ?: '/';

if ( $path !== '/' && strpos( $path, '..' ) === false && is_file( $root . $path ) && substr( $path, -4 ) !== '.php' ) {
	// A static file (skins, resources, images): let the built-in server send it.
	return false;
}

$entry = 'index.php';
foreach ( [ 'api.php', 'load.php', 'rest.php', 'index.php' ] as $candidate ) {
	if ( $path === '/' . $candidate || strpos( $path, '/' . $candidate . '/' ) === 0 ) {
		$entry = $candidate;
		break;
	}
}

$_SERVER['SCRIPT_NAME'] = '/' . $entry;
$_SERVER['SCRIPT_FILENAME'] = $root . '/' . $entry;
$_SERVER['PHP_SELF'] = '/' . $entry;
if ( strpos( $path, '/' . $entry . '/' ) === 0 ) {
	$_SERVER['PATH_INFO'] = substr( $path, strlen( '/' . $entry ) );
}
chdir( $root );
require $root . '/' . $entry;
