<?php
/**
 * Plugin Name: Pressroom test faults
 * Description: Installed only on the WordPress the tests start. A request carrying
 * `X-Pressroom-Test-Pause-Before-Write: <ms>` waits that long between the companion plugin's
 * stale-update check and the write, as a slow or loaded server would, so that the tests can make
 * two updates race inside that window instead of hoping to.
 */

add_action(
	'rest_api_init',
	function () {
		foreach ( get_post_types( array( 'show_in_rest' => true ) ) as $type ) {
			add_filter( "rest_pre_insert_{$type}", 'pressroom_test_pause_before_write', 20, 2 );
		}
	}
);

function pressroom_test_pause_before_write( $prepared, $request ) {
	$pause = (int) $request->get_header( 'X-Pressroom-Test-Pause-Before-Write' );
	if ( $pause > 0 ) {
		usleep( min( $pause, 2000 ) * 1000 );
	}
	return $prepared;
}
