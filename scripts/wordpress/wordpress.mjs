#!/usr/bin/env node
// A real WordPress on loopback, from Debian's packages, for the tests and for trying publishing.
//
//   node scripts/wordpress/wordpress.mjs start [--dir .wordpress] [--host 127.0.0.1] [--port 8088]
//   node scripts/wordpress/wordpress.mjs stop  [--dir .wordpress]
//   node scripts/wordpress/wordpress.mjs status [--dir .wordpress]
//
// `start` runs in the foreground: it starts a private MariaDB (unix socket inside the data folder,
// no TCP) and PHP's built-in web server, installs WordPress the first time, prints one line of
// JSON on stdout ({url, restRoot, dataDir, users: {admin, editor, author, contributor}}) once the
// REST API answers, and stops both servers on Ctrl-C / SIGTERM (or, with --stop-with-stdin, when
// its stdin closes, so a test runner that dies takes the servers with it). The same JSON is kept
// in DIR/site.json. A second start on the same folder only starts the servers.
//
// Options: --workers N (PHP built-in server processes, default 4: uploads in parallel);
// --stop-with-stdin (see above). Everything listens on loopback only.
//
// Needs (Debian/Ubuntu): apt-get install wordpress wordpress-theme-twentytwentythree php-cli
// php-mysql mariadb-server, and Node 18 or later. Works as root (CI) and as a normal user. Nothing
// is written outside the data folder (except MariaDB's socket, in the temp folder, when the data
// folder's path is too long for a unix socket), and Debian's /etc/wordpress is not used at all:
// the data folder has its own wp-config.php (see router.php for how it is found).
//
// Data folder: wordpress/ (document root), wp-content/ (uploads, the companion mu-plugin),
// mysql/ (MariaDB), run/ (socket, pid files), logs/ (MariaDB, PHP errors, requests),
// instance.json (generated secrets) and site.json (the JSON above), both readable by the owner only.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  createWriteStream,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const PROJECT = resolve(HERE, '..', '..');
const WORDPRESS = '/usr/share/wordpress';
const PLUGIN = join(PROJECT, 'resources', 'wordpress', 'pressroom-companion.php');
const PACKAGES = 'wordpress wordpress-theme-twentytwentythree php-cli php-mysql mariadb-server';
const ROLES = ['admin', 'editor', 'author', 'contributor'];

// PHP settings for the web server: big uploads (photos, HWP files), and errors in a log file
// rather than in the middle of a JSON answer.
const phpSettings = (logs) => [
  'upload_max_filesize=128M',
  'post_max_size=130M',
  'memory_limit=512M',
  'max_execution_time=300',
  'max_input_time=300',
  'display_errors=0',
  'log_errors=1',
  `error_log=${join(logs, 'php-errors.log')}`,
  'opcache.enable_cli=1',
];

function usage(code) {
  process.stderr.write(
    'usage: wordpress.mjs start|stop|status [--dir DIR] [--host 127.0.0.1] [--port 8088] [--workers 4] [--stop-with-stdin]\n',
  );
  process.exit(code);
}

function parseArgs(argv) {
  const [command, ...rest] = argv;
  if (!['start', 'stop', 'status'].includes(command)) usage(command === '--help' || command === '-h' ? 0 : 2);
  const options = { command, dir: join(PROJECT, '.wordpress'), host: '127.0.0.1', port: 8088, workers: 4, stopWithStdin: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = () => {
      const v = rest[++i];
      if (v === undefined) usage(2);
      return v;
    };
    if (arg === '--dir') options.dir = resolve(value());
    else if (arg === '--host') options.host = value();
    else if (arg === '--port') options.port = Number(value());
    else if (arg === '--workers') options.workers = Number(value());
    else if (arg === '--stop-with-stdin') options.stopWithStdin = true;
    else usage(2);
  }
  if (!Number.isInteger(options.port) || options.port <= 0 || options.port > 65535) fail(`bad port: ${options.port}`);
  if (!Number.isInteger(options.workers) || options.workers < 1 || options.workers > 64) fail(`bad worker count: ${options.workers}`);
  // Loopback only: this WordPress has well-known users and is meant for this machine alone.
  if (!/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(options.host) && options.host !== 'localhost') {
    fail(`--host must be a loopback address (127.x.y.z), not ${options.host}`);
  }
  return options;
}

function fail(message) {
  process.stderr.write(`wordpress: ${message}\n`);
  process.exit(1);
}

const log = (message) => process.stderr.write(`wordpress: ${message}\n`);

// The folder layout of one instance.
function layout(dir) {
  const run = join(dir, 'run');
  let socket = join(run, 'mysqld.sock');
  // A unix socket path is limited to ~107 bytes: a deep data folder has its socket in the temp folder.
  if (Buffer.byteLength(socket) > 100) socket = join(tmpdir(), `pressroom-wp-${process.getuid?.() ?? 0}-${hash(dir)}.sock`);
  return {
    dir,
    run,
    logs: join(dir, 'logs'),
    mysql: join(dir, 'mysql'),
    docroot: join(dir, 'wordpress'),
    content: join(dir, 'wp-content'),
    secrets: join(dir, 'instance.json'),
    site: join(dir, 'site.json'),
    socket,
    supervisorPid: join(run, 'wordpress.pid'),
    mariadbPid: join(run, 'mariadbd.pid'),
    phpPid: join(run, 'php.pid'),
  };
}

function hash(text) {
  let h = 0;
  for (const c of text) h = (Math.imul(h, 31) + c.codePointAt(0)) >>> 0;
  return h.toString(36);
}

// Finds a program in PATH or in the sbin folders a normal user's PATH lacks (mariadbd).
function which(...names) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin', '/usr/bin'];
  for (const name of names) for (const d of dirs) if (d && existsSync(join(d, name))) return join(d, name);
  return undefined;
}

function tools() {
  const found = {
    php: which('php'),
    mariadbd: which('mariadbd', 'mysqld'),
    installDb: which('mariadb-install-db', 'mysql_install_db'),
  };
  const missing = Object.entries(found).filter(([, v]) => !v).map(([k]) => k);
  if (!existsSync(join(WORDPRESS, 'wp-settings.php'))) missing.push('wordpress');
  if (found.php) {
    const modules = spawnSync(found.php, ['-m'], { encoding: 'utf8' }).stdout ?? '';
    if (!/^mysqli$/m.test(modules)) missing.push('php-mysql');
  }
  if (missing.length > 0) {
    fail(`missing ${missing.join(', ')}. Install them with:\n  sudo apt-get install ${PACKAGES}`);
  }
  return found;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function writePrivate(file, text) {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, file);
}

function readPid(file) {
  const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

// Whether pid is alive and its command line mentions `marker` (guards against a reused pid).
function aliveWith(pid, marker) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
  } catch {
    return true; // no /proc: trust the pid file
  }
}

function pidFrom(file, marker) {
  if (!existsSync(file)) return undefined;
  const pid = readPid(file);
  return aliveWith(pid, marker) ? pid : undefined;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(what, timeoutMs, check) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

async function waitForExit(pid, timeoutMs) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await sleep(100);
  }
  return false;
}

// MariaDB is ready when its socket sends the protocol greeting.
function socketAnswers(path) {
  return new Promise((resolveAnswer) => {
    const s = connect(path);
    const done = (ok) => {
      s.destroy();
      resolveAnswer(ok);
    };
    s.once('data', () => done(true));
    s.once('error', () => done(false));
    s.setTimeout(2000, () => done(false));
  });
}

async function restAnswers(url) {
  try {
    const response = await fetch(`${url}/?rest_route=/`, { signal: AbortSignal.timeout(5000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

// Secrets generated once per instance: database password, salts, the users' login passwords.
function secretsFor(paths) {
  const existing = readJson(paths.secrets);
  if (existing) return existing;
  const token = (n) => randomBytes(n).toString('base64url');
  const secrets = {
    db: { name: 'wordpress', user: 'wordpress', password: token(18) },
    salts: Object.fromEntries(
      ['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'].map(
        (k) => [k, token(48)],
      ),
    ),
    passwords: Object.fromEntries(ROLES.map((r) => [r, token(15)])),
  };
  writePrivate(paths.secrets, `${JSON.stringify(secrets, null, 2)}\n`);
  return secrets;
}

const php = (value) => `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

// wp-config.php for this instance, rewritten on each start so that host and port can change.
function wpConfig(paths, secrets, url) {
  const define = (name, value) => `define( ${php(name)}, ${typeof value === 'boolean' ? String(value) : php(value)} );`;
  return `<?php
// Generated by scripts/wordpress/wordpress.mjs on each start; edits are lost.
${define('DB_NAME', secrets.db.name)}
${define('DB_USER', secrets.db.user)}
${define('DB_PASSWORD', secrets.db.password)}
${define('DB_HOST', `localhost:${paths.socket}`)}
${define('DB_CHARSET', 'utf8mb4')}
${define('DB_COLLATE', '')}
${Object.entries(secrets.salts)
  .map(([k, v]) => define(k, v))
  .join('\n')}
$table_prefix = 'wp_';

${define('WP_HOME', url)}
${define('WP_SITEURL', url)}
// Uploads, plugins and themes of this instance only (Debian's default is the shared
// /var/lib/wordpress/wp-content).
${define('WP_CONTENT_DIR', paths.content)}
${define('WP_CONTENT_URL', `${url}/wp-content`)}
// Application Passwords need HTTPS or a local environment.
${define('WP_ENVIRONMENT_TYPE', 'local')}
// No internet from here: no update checks, no HTTP to other hosts (the site itself is allowed).
${define('WP_HTTP_BLOCK_EXTERNAL', true)}
${define('AUTOMATIC_UPDATER_DISABLED', true)}
${define('WP_AUTO_UPDATE_CORE', false)}
${define('DISALLOW_FILE_MODS', true)}
${define('FS_METHOD', 'direct')}
${define('WP_DEBUG', false)}

if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
`;
}

// The document root: Debian's top-level files copied (so that their __DIR__ is the document
// root, see router.php), wp-admin and wp-includes as symlinks, the instance's own wp-config.php,
// and wp-content as a link to the instance's content folder.
function prepareFiles(paths, secrets, url) {
  for (const d of [paths.dir, paths.run, paths.logs, paths.docroot, paths.content]) mkdirSync(d, { recursive: true, mode: 0o700 });
  chmodSync(paths.dir, 0o700);
  for (const entry of readdirSync(WORDPRESS, { withFileTypes: true })) {
    const name = entry.name;
    if (name === 'wp-config.php' || name === 'wp-content' || name === '.htaccess') continue;
    if (entry.isFile()) copy(join(WORDPRESS, name), join(paths.docroot, name));
    else link(join(WORDPRESS, name), join(paths.docroot, name));
  }
  link(paths.content, join(paths.docroot, 'wp-content'));
  writePrivate(join(paths.docroot, 'wp-config.php'), wpConfig(paths, secrets, url));

  for (const d of ['uploads', 'plugins', 'themes', 'mu-plugins', 'upgrade', 'languages']) mkdirSync(join(paths.content, d), { recursive: true });
  // Debian's packaged themes (the default theme must exist for the public pages to render).
  const themes = join(WORDPRESS, 'wp-content', 'themes');
  for (const name of existsSync(themes) ? readdirSync(themes) : []) link(join(themes, name), join(paths.content, 'themes', name));
  // The companion plugin, copied on every start so that an edited plugin is picked up.
  copyFileSync(PLUGIN, join(paths.content, 'mu-plugins', 'pressroom-companion.php'));
}

function copy(from, to) {
  try {
    if (!lstatSync(to).isSymbolicLink() && readFileSync(to).equals(readFileSync(from))) return;
  } catch {
    // does not exist yet
  }
  rmSync(to, { force: true });
  copyFileSync(from, to);
}

function link(target, path) {
  try {
    if (lstatSync(path).isSymbolicLink() && readlinkSync(path) === target) return;
    rmSync(path, { recursive: true, force: true });
  } catch {
    // does not exist yet
  }
  symlinkSync(target, path);
}

const isRoot = () => process.getuid?.() === 0;

// A private MariaDB: data in DIR/mysql, a unix socket only, no my.cnf from /etc.
function mariadbArgs(paths) {
  return [
    '--no-defaults',
    `--datadir=${paths.mysql}`,
    `--socket=${paths.socket}`,
    `--pid-file=${paths.mariadbPid}`,
    `--log-error=${join(paths.logs, 'mariadb.log')}`,
    '--skip-networking',
    '--skip-name-resolve',
    '--character-set-server=utf8mb4',
    '--collation-server=utf8mb4_unicode_ci',
    // Small and fast: this database holds test data.
    '--innodb-buffer-pool-size=64M',
    '--innodb-log-file-size=16M',
    '--innodb-flush-log-at-trx-commit=2',
    '--max-connections=50',
    // mariadbd refuses to run as root unless told to; as a normal user it runs as that user.
    ...(isRoot() ? ['--user=root'] : []),
  ];
}

function initMariadb(paths, bin) {
  if (existsSync(join(paths.mysql, 'mysql'))) return;
  rmSync(paths.mysql, { recursive: true, force: true });
  log('creating the database files (mariadb-install-db)…');
  const result = spawnSync(
    bin.installDb,
    [
      '--no-defaults',
      `--datadir=${paths.mysql}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      '--skip-name-resolve',
      '--innodb-log-file-size=16M',
      ...(isRoot() ? ['--user=root'] : []),
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) {
    rmSync(paths.mysql, { recursive: true, force: true });
    fail(`mariadb-install-db failed:\n${result.stdout}\n${result.stderr}`);
  }
}

// Stops leftovers of a start that was killed without cleaning up (servers whose supervisor died).
async function stopLeftovers(paths) {
  const php = pidFrom(paths.phpPid, paths.docroot);
  if (php) await stopProcess(php, 'php', true, 5000);
  const db = pidFrom(paths.mariadbPid, paths.mysql);
  if (db) await stopProcess(db, 'mariadbd', false, 30000);
  if (php || db) log('stopped the servers of an earlier start that did not stop them');
  return Boolean(php || db);
}

async function stopProcess(pid, name, group, timeoutMs) {
  const signal = (sig) => {
    try {
      process.kill(group ? -pid : pid, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  if (!(await waitForExit(pid, timeoutMs))) {
    log(`${name} (${pid}) did not stop; killing it`);
    signal('SIGKILL');
    await waitForExit(pid, 5000);
  }
  if (group) signal('SIGKILL'); // the built-in server's workers, should any remain
}

async function start(options) {
  const bin = tools();
  const paths = layout(options.dir);
  const url = `http://${options.host}:${options.port}`;
  mkdirSync(paths.run, { recursive: true, mode: 0o700 });

  const running = pidFrom(paths.supervisorPid, 'wordpress.mjs');
  if (running && running !== process.pid) fail(`already running (pid ${running}) for ${options.dir}; stop it with: node scripts/wordpress/wordpress.mjs stop --dir ${options.dir}`);
  await stopLeftovers(paths);
  writeFileSync(paths.supervisorPid, `${process.pid}\n`);

  const secrets = secretsFor(paths);
  prepareFiles(paths, secrets, url);
  initMariadb(paths, bin);

  const children = new Map();
  let stopping = false;
  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    const phpChild = children.get('php');
    if (phpChild?.exitCode === null) await stopProcess(phpChild.pid, 'php', true, 5000);
    const db = children.get('mariadbd');
    if (db?.exitCode === null) await stopProcess(db.pid, 'mariadbd', false, 30000);
    for (const f of [paths.phpPid, paths.supervisorPid]) rmSync(f, { force: true });
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void stopAll(0));
  if (options.stopWithStdin) {
    process.stdin.on('end', () => void stopAll(0));
    process.stdin.on('error', () => void stopAll(0));
    process.stdin.resume();
  }
  const watch = (name, child, detail = () => '') => {
    children.set(name, child);
    child.on('exit', (code, signal) => {
      if (stopping) return;
      log(`${name} exited (${signal ?? code}); see ${paths.logs}${detail()}`);
      void stopAll(1);
    });
  };

  try {
    const t0 = Date.now();
    // Detached: own process groups, so that Ctrl-C reaches only this script, which then stops the
    // web server before the database.
    const db = spawn(bin.mariadbd, mariadbArgs(paths), { stdio: 'ignore', detached: true });
    watch('mariadbd', db);
    await waitUntil('MariaDB', 60_000, () => socketAnswers(paths.socket));
    log(`MariaDB ready in ${Date.now() - t0} ms`);

    let site = readJson(paths.site);
    if (!site?.users) {
      const t1 = Date.now();
      log('installing WordPress…');
      const result = spawnSync(bin.php, [join(HERE, 'install.php')], {
        encoding: 'utf8',
        env: {
          ...process.env,
          PRESSROOM_WP_DOCROOT: paths.docroot,
          PRESSROOM_WP_SOCKET: paths.socket,
          PRESSROOM_WP_DB_NAME: secrets.db.name,
          PRESSROOM_WP_DB_USER: secrets.db.user,
          PRESSROOM_WP_DB_PASSWORD: secrets.db.password,
          PRESSROOM_WP_PASSWORDS: JSON.stringify(secrets.passwords),
          PRESSROOM_WP_URL: url,
        },
      });
      if (result.status !== 0) throw new Error(`install.php failed:\n${result.stdout}\n${result.stderr}`);
      site = JSON.parse(result.stdout.trim().split('\n').pop());
      log(`WordPress installed in ${Date.now() - t1} ms`);
    }

    const t2 = Date.now();
    const server = spawn(
      bin.php,
      [...phpSettings(paths.logs).flatMap((s) => ['-d', s]), '-S', `${options.host}:${options.port}`, '-t', paths.docroot, join(HERE, 'router.php')],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        detached: true,
        cwd: paths.docroot,
        env: { ...process.env, PHP_CLI_SERVER_WORKERS: String(options.workers) },
      },
    );
    writeFileSync(paths.phpPid, `${server.pid}\n`);
    // The built-in server logs every request on stderr; keep it in a file, and notice a port in use.
    const requestLog = createWriteStream(join(paths.logs, 'php-server.log'), { flags: 'a' });
    let serverErrors = '';
    server.stderr.on('data', (chunk) => {
      requestLog.write(chunk);
      if (serverErrors.length < 4000) serverErrors += chunk;
    });
    watch('php', server, () => (serverErrors ? `\n${serverErrors.trim().split('\n').slice(-3).join('\n')}` : ''));
    await waitUntil(`the REST API at ${url}`, 30_000, async () => {
      if (/Failed to listen|Address already in use/i.test(serverErrors)) throw new Error(`cannot listen on ${options.host}:${options.port}: ${serverErrors.trim()}`);
      return restAnswers(url);
    });
    log(`web server ready in ${Date.now() - t2} ms`);

    const info = { url, restRoot: `${url}/?rest_route=`, dataDir: paths.dir, users: site.users };
    writePrivate(paths.site, `${JSON.stringify(info, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(info)}\n`);
    log(`WordPress is at ${url}/ (admin: ${url}/wp-login.php, user admin / ${site.users.admin.password}); credentials in ${paths.site}. Ctrl-C stops it.`);
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    await stopAll(1);
  }
}

async function stop(options) {
  const paths = layout(options.dir);
  const supervisor = pidFrom(paths.supervisorPid, 'wordpress.mjs');
  if (supervisor) {
    process.kill(supervisor, 'SIGTERM');
    if (!(await waitForExit(supervisor, 40_000))) fail(`pid ${supervisor} did not stop`);
  }
  const leftovers = await stopLeftovers(paths);
  rmSync(paths.supervisorPid, { force: true });
  rmSync(paths.phpPid, { force: true });
  if (supervisor) log('stopped');
  else if (!leftovers) log('was not running');
}

function status(options) {
  const paths = layout(options.dir);
  const supervisor = pidFrom(paths.supervisorPid, 'wordpress.mjs');
  const site = readJson(paths.site);
  if (supervisor && site) {
    process.stdout.write(`${JSON.stringify(site)}\n`);
  } else {
    log(`not running (${options.dir})`);
    process.exitCode = 3;
  }
}

const options = parseArgs(process.argv.slice(2));
if (options.command === 'start') await start(options);
else if (options.command === 'stop') await stop(options);
else status(options);
