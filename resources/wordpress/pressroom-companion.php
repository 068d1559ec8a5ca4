<?php
/**
 * Plugin Name: Pressroom Companion
 * Description: What the Pressroom editorial workstation needs from WordPress beyond the core REST API: the article's fields as private post meta, HWP/HWPX uploads, a stale-update check (HTTP 412), a discovery route and find-by-token.
 * Version: 0.1.0
 * Requires at least: 5.6
 * Requires PHP: 7.4
 * License: GPL-2.0-or-later
 *
 * Install as a must-use plugin: copy this file into wp-content/mu-plugins/.
 *
 * Pressroom talks to WordPress only through the REST API with Application Passwords, and works
 * without this plugin (fields in the content only, staleness checked by reading modified_gmt
 * before each update). With it, the app gets:
 *
 * - the article's fields (kicker, deck, byline, ...) and its source document as post meta, shown
 *   in the REST API only to users who may edit the post;
 * - HWP and HWPX (Hancom Office) attachments;
 * - `X-Pressroom-Base-Modified: <modified_gmt>` on an update: answered 412 when the post changed
 *   since, so an edit made on the web is never overwritten;
 * - GET ?rest_route=/pressroom/v1/info: the plugin's version and what the account may do;
 * - GET ?rest_route=/pressroom/v1/find&token=...: posts and media carrying a client token (the
 *   `pressroom_token` meta, sent with the create: in the JSON body of a post, in the query string
 *   of a media upload as meta[pressroom_token]=...), so that a create whose answer was lost is
 *   found instead of made twice.
 */

defined( 'ABSPATH' ) || exit;

define( 'PRESSROOM_COMPANION_VERSION', '0.1.0' );

/**
 * The registered meta keys: key => [kind, post types]. Kinds: `line` (one line of plain text),
 * `text` (plain text, line breaks kept), `date` (ISO 8601 date or date-time), `json` (a JSON
 * document, stored as text), `token` (the client's idempotency token).
 */
function pressroom_meta_keys() {
	return array(
		'pressroom_kicker'       => array( 'line', array( 'post' ) ),
		'pressroom_deck'         => array( 'text', array( 'post' ) ),
		'pressroom_byline'       => array( 'line', array( 'post' ) ),
		'pressroom_date_written' => array( 'date', array( 'post' ) ),
		'pressroom_source'       => array( 'line', array( 'post' ) ),
		'pressroom_footer'       => array( 'text', array( 'post' ) ),
		'pressroom_issue'        => array( 'line', array( 'post' ) ),
		'pressroom_publication'  => array( 'line', array( 'post' ) ),
		// The article as Pressroom stores it, so that opening the post again loses nothing the
		// block markup cannot carry.
		'pressroom_document'     => array( 'json', array( 'post' ) ),
		// Review state (comments, approvals) as Pressroom stores it.
		'pressroom_review'       => array( 'json', array( 'post' ) ),
		// Media carry a token too: an upload whose answer was lost is found the same way.
		'pressroom_token'        => array( 'token', array( 'post', 'attachment' ) ),
	);
}

const PRESSROOM_TOKEN_PATTERN = '^[A-Za-z0-9_-]{8,128}$';
const PRESSROOM_DATE_PATTERN  = '^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$';

add_action( 'init', 'pressroom_register_meta' );

function pressroom_register_meta() {
	foreach ( pressroom_meta_keys() as $key => list( $kind, $types ) ) {
		$schema = array(
			'type'    => 'string',
			// Only in `context=edit`, which WordPress grants only to users who may edit the post;
			// pressroom_hide_meta() below checks again.
			'context' => array( 'edit' ),
		);
		if ( 'token' === $kind ) {
			$schema['pattern'] = '^$|' . PRESSROOM_TOKEN_PATTERN;
		} elseif ( 'date' === $kind ) {
			$schema['pattern'] = '^$|' . PRESSROOM_DATE_PATTERN;
		}
		foreach ( $types as $type ) {
			register_post_meta(
				$type,
				$key,
				array(
					'type'              => 'string',
					'single'            => true,
					'default'           => '',
					'description'       => "Pressroom: $key",
					'sanitize_callback' => function ( $value ) use ( $kind ) {
						return pressroom_sanitize( $value, $kind );
					},
					// Writing requires the right to edit this very post (map_meta_cap asks for
					// edit_post_meta, which consults this callback).
					'auth_callback'     => function ( $allowed, $meta_key, $post_id, $user_id ) {
						return user_can( $user_id, 'edit_post', $post_id );
					},
					'show_in_rest'      => array( 'schema' => $schema ),
				)
			);
		}
	}
}

/**
 * Plain text stays plain text: valid UTF-8, no control characters, and no HTML tags from users
 * who may not post unfiltered HTML (the same rule WordPress applies to post content). Themes must
 * still escape these values when they print them. JSON and tokens are stored as sent; JSON is
 * validated in pressroom_check_update().
 */
function pressroom_sanitize( $value, $kind ) {
	$value = wp_check_invalid_utf8( (string) $value, true );
	if ( 'json' === $kind ) {
		return $value;
	}
	if ( 'text' === $kind ) {
		$value = preg_replace( '/\r\n?/', "\n", $value );
		$value = preg_replace( '/[\x00-\x08\x0B-\x1F\x7F]/', '', $value );
	} else {
		$value = preg_replace( '/[\x00-\x1F\x7F]+/', ' ', $value );
	}
	if ( ! current_user_can( 'unfiltered_html' ) && preg_match( '/<[a-zA-Z\/!?]/', $value ) ) {
		$value = wp_strip_all_tags( $value, false );
	}
	return trim( $value );
}

/**
 * Removes the plugin's meta from a REST answer about a post the current user may not edit. The
 * `edit` context above already keeps the fields from anonymous readers (WordPress 6.1 grants
 * context=edit only with edit rights on each post); this is the second lock, should a route or
 * a future WordPress show the meta in another way.
 */
function pressroom_hide_meta( $response, $post ) {
	if ( ! ( $response instanceof WP_REST_Response ) || current_user_can( 'edit_post', $post->ID ) ) {
		return $response;
	}
	$data = $response->get_data();
	if ( isset( $data['meta'] ) && is_array( $data['meta'] ) ) {
		$data['meta'] = array_diff_key( $data['meta'], pressroom_meta_keys() );
		$response->set_data( $data );
	}
	return $response;
}

add_filter( 'rest_prepare_post', 'pressroom_hide_meta', 10, 2 );
add_filter( 'rest_prepare_attachment', 'pressroom_hide_meta', 10, 2 );

/*
 * HWP and HWPX uploads.
 */

add_filter( 'upload_mimes', 'pressroom_upload_mimes' );

function pressroom_upload_mimes( $mimes ) {
	$mimes['hwp']  = 'application/x-hwp';
	$mimes['hwpx'] = 'application/hwp+zip';
	return $mimes;
}

/**
 * WordPress compares an upload's extension with what PHP's fileinfo detects. Depending on the
 * libmagic version, an HWP file (an OLE compound file) is detected as application/x-hwp,
 * application/haansofthwp, application/x-ole-storage or application/CDFV2, and WordPress then
 * refuses it. Accept a .hwp only when the content is one of those; accept a .hwpx (a zip
 * package) when it is detected as a zip or as HWPX.
 */
add_filter( 'wp_check_filetype_and_ext', 'pressroom_check_hwp', 10, 5 );

function pressroom_check_hwp( $checked, $file, $filename, $mimes, $real_mime = false ) {
	if ( ! empty( $checked['ext'] ) ) {
		return $checked;
	}
	$ext     = strtolower( pathinfo( $filename, PATHINFO_EXTENSION ) );
	$allowed = array(
		'hwp'  => array( 'application/x-hwp', 'application/haansofthwp', 'application/vnd.hancom.hwp', 'application/x-ole-storage', 'application/CDFV2', 'application/vnd.ms-office' ),
		'hwpx' => array( 'application/hwp+zip', 'application/vnd.hancom.hwpx', 'application/haansofthwpx', 'application/zip' ),
	);
	if ( isset( $allowed[ $ext ] ) && in_array( $real_mime, $allowed[ $ext ], true ) ) {
		$mime = pressroom_upload_mimes( array() )[ $ext ];
		if ( in_array( $mime, get_allowed_mime_types(), true ) ) {
			return array(
				'ext'             => $ext,
				'type'            => $mime,
				'proper_filename' => false,
			);
		}
	}
	return $checked;
}

/*
 * The stale-update check and validation of the JSON fields, for every post type in the REST API.
 */

add_action(
	'rest_api_init',
	function () {
		foreach ( get_post_types( array( 'show_in_rest' => true ) ) as $type ) {
			add_filter( "rest_pre_insert_{$type}", 'pressroom_check_update', 10, 2 );
			// The post and its meta are written by now: the next writer may look.
			add_action( "rest_after_insert_{$type}", 'pressroom_release_post_lock' );
		}
	}
);

/**
 * Runs after WordPress's permission checks and before anything is written. With the header
 * `X-Pressroom-Base-Modified: <the modified_gmt the client last saw>` an update of a post that was
 * modified since is refused with 412 Precondition Failed, and the answer carries the current
 * modified_gmt. Without the header nothing changes (WordPress's last-write-wins).
 *
 * Two updates racing each other (two people commenting at once, each from the same version) must
 * not both pass: the check takes a named database lock on the post, held until the post and its
 * meta are written (or the request ends, which closes the connection and so frees the lock), and
 * reads the modified time from the database rather than the object cache. What remains is the
 * one-second resolution of modified_gmt: a write in the same second as the version the client
 * read cannot be told apart from it, so the client looks again once that second is over.
 */
function pressroom_check_update( $prepared, $request ) {
	if ( is_wp_error( $prepared ) ) {
		return $prepared;
	}

	$meta = $request['meta'];
	if ( is_array( $meta ) ) {
		foreach ( array( 'pressroom_document', 'pressroom_review' ) as $key ) {
			if ( isset( $meta[ $key ] ) && '' !== $meta[ $key ] ) {
				json_decode( (string) $meta[ $key ] );
				if ( JSON_ERROR_NONE !== json_last_error() ) {
					return new WP_Error( 'pressroom_invalid_json', "meta.$key is not valid JSON.", array( 'status' => 400 ) );
				}
			}
		}
	}

	$base = $request->get_header( 'X-Pressroom-Base-Modified' );
	if ( null === $base || '' === trim( $base ) || ! is_object( $prepared ) || empty( $prepared->ID ) ) {
		return $prepared; // No header, or a create: nothing to compare with.
	}
	$base_time = pressroom_parse_gmt( trim( $base ) );
	if ( null === $base_time ) {
		return new WP_Error( 'pressroom_invalid_base', 'X-Pressroom-Base-Modified must be a date-time such as 2024-05-01T09:30:00 (GMT).', array( 'status' => 400 ) );
	}
	if ( ! pressroom_lock_post( $prepared->ID ) ) {
		return new WP_Error( 'pressroom_busy', 'The post is being updated by someone else; try again.', array( 'status' => 503 ) );
	}
	clean_post_cache( $prepared->ID );
	$post = get_post( $prepared->ID );
	if ( ! $post ) {
		return $prepared;
	}
	$current = pressroom_modified_gmt( $post );
	if ( pressroom_parse_gmt( $current ) !== $base_time ) {
		return new WP_Error(
			'pressroom_stale_base',
			'The post was changed on the site since this version was loaded.',
			array(
				'status'       => 412,
				'modified_gmt' => mysql_to_rfc3339( $current ),
			)
		);
	}
	return $prepared;
}

/**
 * MariaDB's named locks belong to the connection, so one left behind by a failed request is freed
 * when PHP closes it.
 */
function pressroom_post_lock_name( $post_id ) {
	global $wpdb;
	return 'pressroom_post_' . $wpdb->prefix . (int) $post_id;
}

function pressroom_lock_post( $post_id ) {
	global $wpdb;
	return '1' === (string) $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, 15)', pressroom_post_lock_name( $post_id ) ) );
}

function pressroom_release_post_lock( $post ) {
	global $wpdb;
	$wpdb->query( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', pressroom_post_lock_name( $post->ID ) ) );
}

/**
 * The post's modified_gmt exactly as the REST API reports it. A draft that was never updated has
 * '0000-00-00 00:00:00' in the database; WordPress's posts controller then derives the value from
 * post_modified and the site's UTC offset, and so must we, or the two would never match.
 */
function pressroom_modified_gmt( $post ) {
	if ( '0000-00-00 00:00:00' === $post->post_modified_gmt ) {
		return gmdate( 'Y-m-d H:i:s', strtotime( $post->post_modified ) - ( get_option( 'gmt_offset' ) * 3600 ) );
	}
	return $post->post_modified_gmt;
}

/** A date-time without an offset is GMT, as WordPress's *_gmt fields are. Returns a timestamp. */
function pressroom_parse_gmt( $value ) {
	if ( ! preg_match( '/^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:?[0-9]{2})?$/', $value ) ) {
		return null;
	}
	try {
		return ( new DateTimeImmutable( $value, new DateTimeZone( 'UTC' ) ) )->getTimestamp();
	} catch ( Exception $e ) {
		return null;
	}
}

/*
 * Routes. Authentication is WordPress's own (Application Passwords over Basic auth, or a cookie
 * with a REST nonce); each route checks capabilities in its permission_callback.
 */

add_action( 'rest_api_init', 'pressroom_register_routes' );

function pressroom_register_routes() {
	register_rest_route(
		'pressroom/v1',
		'/info',
		array(
			'methods'             => WP_REST_Server::READABLE,
			'callback'            => 'pressroom_info',
			'permission_callback' => 'is_user_logged_in',
		)
	);
	register_rest_route(
		'pressroom/v1',
		'/find',
		array(
			'methods'             => WP_REST_Server::READABLE,
			'callback'            => 'pressroom_find',
			'permission_callback' => function () {
				return current_user_can( 'edit_posts' ) || current_user_can( 'upload_files' );
			},
			'args'                => array(
				'token' => array(
					'type'     => 'string',
					'required' => true,
					'pattern'  => PRESSROOM_TOKEN_PATTERN,
				),
			),
		)
	);
}

/** What the plugin adds and what the current account may do. */
function pressroom_info() {
	$user = wp_get_current_user();
	$caps = array();
	foreach ( array( 'edit_posts', 'edit_published_posts', 'publish_posts', 'edit_others_posts', 'delete_posts', 'delete_published_posts', 'upload_files', 'unfiltered_html', 'unfiltered_upload' ) as $cap ) {
		$caps[ $cap ] = current_user_can( $cap );
	}
	// Tags and categories are created through their taxonomies' edit_terms capability (authors,
	// for instance, may assign existing terms but not create new ones).
	foreach ( array( 'post_tag' => 'create_tags', 'category' => 'create_categories' ) as $taxonomy => $name ) {
		$object        = get_taxonomy( $taxonomy );
		$caps[ $name ] = $object ? current_user_can( $object->cap->edit_terms ) : false;
	}
	return rest_ensure_response(
		array(
			'plugin'         => 'pressroom-companion',
			'version'        => PRESSROOM_COMPANION_VERSION,
			'features'       => array( 'meta', 'stale-check', 'find-by-token', 'hwp-uploads' ),
			'meta'           => array_keys( pressroom_meta_keys() ),
			'staleHeader'    => 'X-Pressroom-Base-Modified',
			'user'           => array(
				'id'    => $user->ID,
				'name'  => $user->display_name,
				'roles' => array_values( $user->roles ),
			),
			'capabilities'   => $caps,
			'maxUploadBytes' => wp_max_upload_size(),
		)
	);
}

/** Posts and media carrying the token that the current user may edit, newest first. */
function pressroom_find( WP_REST_Request $request ) {
	$query = new WP_Query(
		array(
			'post_type'              => array( 'post', 'attachment' ),
			'post_status'            => array( 'publish', 'future', 'draft', 'pending', 'private', 'inherit', 'trash' ),
			'meta_key'               => 'pressroom_token', // phpcs:ignore WordPress.DB.SlowDBQuery
			'meta_value'             => $request['token'], // phpcs:ignore WordPress.DB.SlowDBQuery
			'posts_per_page'         => 20,
			'orderby'                => 'ID',
			'order'                  => 'DESC',
			'no_found_rows'          => true,
			'update_post_term_cache' => false,
			'ignore_sticky_posts'    => true,
		)
	);
	$found = array();
	foreach ( $query->posts as $post ) {
		if ( ! current_user_can( 'edit_post', $post->ID ) ) {
			continue;
		}
		$found[] = array(
			'id'           => $post->ID,
			'type'         => $post->post_type,
			'status'       => $post->post_status,
			'modified_gmt' => mysql_to_rfc3339( pressroom_modified_gmt( $post ) ),
			'link'         => get_permalink( $post ),
		);
	}
	return rest_ensure_response( $found );
}
