<?php
/**
 * Headless install of a local WordPress, run once per data folder by wordpress.mjs with PHP CLI:
 *
 *   php install.php   (configuration in the environment, see below)
 *
 * Creates the database and its user in the instance's private MariaDB (connecting as its root
 * over the unix socket), installs WordPress with wp_install(), creates one user per role
 * (editor, author, contributor, besides the administrator) and an application password for each,
 * then prints a JSON object with the credentials on stdout. Application passwords are shown only
 * when created (WordPress stores a hash), which is why wordpress.mjs keeps this output.
 *
 * Environment:
 *   PRESSROOM_WP_DOCROOT   the instance's document root (symlinks + wp-config.php)
 *   PRESSROOM_WP_SOCKET    MariaDB's unix socket
 *   PRESSROOM_WP_DB_NAME, PRESSROOM_WP_DB_USER, PRESSROOM_WP_DB_PASSWORD
 *   PRESSROOM_WP_PASSWORDS JSON {role: login password} chosen by the caller
 */

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}

function pressroom_env( $name ) {
	$value = getenv( $name );
	if ( false === $value || '' === $value ) {
		fwrite( STDERR, "install.php: $name is not set\n" );
		exit( 2 );
	}
	return $value;
}

$docroot   = rtrim( pressroom_env( 'PRESSROOM_WP_DOCROOT' ), '/' );
$socket    = pressroom_env( 'PRESSROOM_WP_SOCKET' );
$db_name   = pressroom_env( 'PRESSROOM_WP_DB_NAME' );
$db_user   = pressroom_env( 'PRESSROOM_WP_DB_USER' );
$db_pass   = pressroom_env( 'PRESSROOM_WP_DB_PASSWORD' );
$passwords = json_decode( pressroom_env( 'PRESSROOM_WP_PASSWORDS' ), true );

// 1. The database and its user. The instance's root has no password and listens only on a socket
// inside the data folder (skip-networking), so only the folder's owner can reach it.
mysqli_report( MYSQLI_REPORT_ERROR | MYSQLI_REPORT_STRICT );
$db = new mysqli( 'localhost', 'root', '', '', 0, $socket );
$db->query( 'CREATE DATABASE IF NOT EXISTS `' . $db->real_escape_string( $db_name ) . '` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci' );
$quoted_user = "'" . $db->real_escape_string( $db_user ) . "'@'localhost'";
$db->query( "CREATE USER IF NOT EXISTS $quoted_user IDENTIFIED BY '" . $db->real_escape_string( $db_pass ) . "'" );
$db->query( "ALTER USER $quoted_user IDENTIFIED BY '" . $db->real_escape_string( $db_pass ) . "'" );
$db->query( 'GRANT ALL PRIVILEGES ON `' . $db->real_escape_string( $db_name ) . "`.* TO $quoted_user" );
$db->close();

// 2. WordPress. WP_INSTALLING stops wp-load.php from redirecting to the installer; ABSPATH makes
// it read the instance's wp-config.php rather than Debian's (see router.php).
define( 'WP_INSTALLING', true );
define( 'ABSPATH', $docroot . '/' );
$_SERVER['HTTP_HOST']   = parse_url( getenv( 'PRESSROOM_WP_URL' ) ?: 'http://127.0.0.1', PHP_URL_HOST );
$_SERVER['REQUEST_URI'] = '/';

// No mail server here: wp_install() and wp_insert_user() would try to send notices. Pluggable
// functions are only defined by WordPress when not defined yet.
function wp_mail() {
	return true;
}

require ABSPATH . 'wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-includes/class-wp-application-passwords.php';

if ( ! is_blog_installed() ) {
	$result = wp_install( 'Pressroom local', 'admin', 'admin@pressroom.test', false, '', $passwords['admin'] );
	if ( is_wp_error( $result ) ) {
		fwrite( STDERR, 'wp_install failed: ' . $result->get_error_message() . "\n" );
		exit( 1 );
	}
}

// A newsroom's clock, so that code mixing up `date` and `date_gmt` fails here and not in production.
update_option( 'timezone_string', 'Asia/Seoul' );
update_option( 'gmt_offset', '' );
// Plain permalinks: the app addresses the REST API with ?rest_route= and needs no rewrites.
update_option( 'permalink_structure', '' );
// The public pages need a theme. WordPress picks its default theme (twentytwentythree for 6.1);
// on a release whose default theme is not packaged, take any theme that is.
if ( ! wp_get_theme()->exists() ) {
	$themes = array_keys( wp_get_themes() );
	if ( $themes ) {
		switch_theme( $themes[0] );
	} else {
		fwrite( STDERR, "install.php: no theme installed; public pages will be blank (apt-get install wordpress-theme-twentytwentythree)\n" );
	}
}

// 3. One user per role, each with an application password named after the app.
$out = array();
foreach ( array( 'admin', 'editor', 'author', 'contributor' ) as $role ) {
	$login = $role;
	$user  = get_user_by( 'login', $login );
	if ( ! $user ) {
		$id = wp_insert_user(
			array(
				'user_login'   => $login,
				'user_pass'    => $passwords[ $role ],
				'user_email'   => $login . '@pressroom.test',
				'display_name' => ucfirst( $role ),
				'role'         => 'admin' === $role ? 'administrator' : $role,
			)
		);
		if ( is_wp_error( $id ) ) {
			fwrite( STDERR, "wp_insert_user($login) failed: " . $id->get_error_message() . "\n" );
			exit( 1 );
		}
		$user = get_user_by( 'id', $id );
	} else {
		wp_set_password( $passwords[ $role ], $user->ID );
	}

	// Re-running replaces the password: a previous one cannot be read back.
	foreach ( WP_Application_Passwords::get_user_application_passwords( $user->ID ) as $item ) {
		if ( 'Pressroom' === $item['name'] ) {
			WP_Application_Passwords::delete_application_password( $user->ID, $item['uuid'] );
		}
	}
	$created = WP_Application_Passwords::create_new_application_password( $user->ID, array( 'name' => 'Pressroom' ) );
	if ( is_wp_error( $created ) ) {
		fwrite( STDERR, "application password for $login failed: " . $created->get_error_message() . "\n" );
		exit( 1 );
	}

	$out[ $role ] = array(
		'username'    => $login,
		'password'    => $passwords[ $role ],
		'appPassword' => $created[0],
	);
}

echo wp_json_encode( array( 'users' => $out ) ), "\n";
