<?php
/**
 * Router for PHP's built-in web server (`php -S HOST:PORT -t DOCROOT router.php`), used by
 * scripts/wordpress/wordpress.mjs to serve a local WordPress for tests and for trying the app.
 *
 * The document root is a per-instance folder: copies of Debian's top-level WordPress files, the
 * instance's own wp-config.php, and symlinks to /usr/share/wordpress/wp-admin and wp-includes.
 * PHP resolves symlinks in __DIR__, so a script in wp-admin loads /usr/share/wordpress/wp-load.php,
 * which would take ABSPATH to be /usr/share/wordpress/ and load Debian's wp-config.php (which wants
 * a file in /etc/wordpress). Defining ABSPATH here first makes it read the instance's wp-config.php;
 * constants a router defines stay defined for the script the server then runs. The top-level files
 * must not get it: wp-cron.php loads WordPress only when ABSPATH is not defined yet.
 */

$path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );

if ( preg_match( '#^/+(wp-admin|wp-includes)(/|$)#', $path ) ) {
	define( 'ABSPATH', $_SERVER['DOCUMENT_ROOT'] . '/' );
}

// Uploaded files are data, never code: refuse to run or serve anything executable from uploads.
if ( preg_match( '#^/+wp-content/+uploads/.*\.(php\d?|phtml|phar)(/|$)#i', $path ) ) {
	http_response_code( 403 );
	header( 'Content-Type: text/plain' );
	echo "Forbidden\n";
	return true;
}

// Everything else as the built-in server does by default: existing files are served (or run when
// they are PHP), other paths fall back to index.php, which WordPress routes.
return false;
