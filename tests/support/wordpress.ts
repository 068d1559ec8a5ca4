import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, inject } from 'vitest';
import type { TestProject } from 'vitest/node';

// A real WordPress (Debian's packages, MariaDB, PHP's built-in server) started by
// scripts/wordpress/wordpress.mjs on a fresh data folder. Installing takes seconds, so a suite
// starts it once: as the integration project's globalSetup (this file's default export), which
// hands the address and credentials to every test file through `inject`; a test file run without
// that globalSetup starts its own (useWordPress()).

export type WordPressRole = 'admin' | 'editor' | 'author' | 'contributor';
export const wordPressRoles: readonly WordPressRole[] = ['admin', 'editor', 'author', 'contributor'];

export interface WordPressUser {
  username: string;
  password: string; // for wp-login.php
  appPassword: string; // for the REST API (Basic auth)
}

// What the script prints once the REST API answers; plain data, so that it crosses from the
// globalSetup to the test workers.
export interface WordPressInfo {
  url: string; // http://127.0.0.1:PORT, no trailing slash
  restRoot: string; // `${url}/?rest_route=`
  dataDir: string;
  users: Record<WordPressRole, WordPressUser>;
}

export interface WordPressSite extends WordPressInfo {
  // `restUrl('/wp/v2/posts?status=draft')` → `${url}/?rest_route=/wp/v2/posts&status=draft`
  restUrl(route: string): string;
  // The Authorization header for a user's application password.
  authorization(role: WordPressRole): string;
  // fetch() on a REST route, as a user or anonymously.
  rest(route: string, init?: RequestInit & { as?: WordPressRole }): Promise<Response>;
}

export interface LocalWordPress extends WordPressSite {
  // How long the start took (install included on a fresh folder).
  readonly startMs: number;
  // Stops MariaDB and PHP and, unless the caller chose the folder, removes the data.
  stop(): Promise<void>;
}

const SCRIPT = resolve(import.meta.dirname, '..', '..', 'scripts', 'wordpress', 'wordpress.mjs');
const TEST_PLUGIN = resolve(import.meta.dirname, 'wordpress-plugins', 'pressroom-test-faults.php');

export function siteFrom(info: WordPressInfo): WordPressSite {
  const restUrl = (route: string) => {
    const [path, query] = route.split(/\?(.*)/s, 2);
    return `${info.restRoot}${path}${query ? `&${query}` : ''}`;
  };
  const authorization = (role: WordPressRole) => {
    const user = info.users[role];
    return `Basic ${Buffer.from(`${user.username}:${user.appPassword}`).toString('base64')}`;
  };
  return {
    ...info,
    restUrl,
    authorization,
    rest(route, init = {}) {
      const { as, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (as) headers.set('Authorization', authorization(as));
      return fetch(restUrl(route), { ...rest, headers });
    },
  };
}

async function freePort(host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startWordPress(options: { dataDir?: string; host?: string; port?: number; timeoutMs?: number } = {}): Promise<LocalWordPress> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? (await freePort(host));
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pressroom-wp-'));
  const started = Date.now();
  // --stop-with-stdin: should this process die without stopping it, the script notices its stdin
  // closing and stops MariaDB and PHP itself.
  const child = spawn(process.execPath, [SCRIPT, 'start', '--dir', dataDir, '--host', host, '--port', String(port), '--stop-with-stdin'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < 20_000) stderr += chunk;
  });
  let info: WordPressInfo;
  try {
    info = await readyLine(child, exited, options.timeoutMs ?? 180_000);
  } catch (error) {
    await stopChild(child, exited);
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`WordPress did not start: ${(error as Error).message}\n${stderr}`, { cause: error });
  }
  const startMs = Date.now() - started;
  // mu-plugins are read on every request, so the test-only one may come after the start.
  copyFileSync(TEST_PLUGIN, join(dataDir, 'wp-content', 'mu-plugins', 'pressroom-test-faults.php'));
  return {
    ...siteFrom(info),
    startMs,
    async stop() {
      await stopChild(child, exited);
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function readyLine(child: ChildProcess, exited: Promise<number | null>, timeoutMs: number): Promise<WordPressInfo> {
  return new Promise((resolveInfo, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const newline = buffer.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      try {
        resolveInfo(JSON.parse(buffer.slice(0, newline)) as WordPressInfo);
      } catch (error) {
        reject(error as Error);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the script exited with ${code}`));
    });
  });
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60_000).unref());
  if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
}

// As a Vitest globalSetup: one WordPress for the whole project.
declare module 'vitest' {
  export interface ProvidedContext {
    pressroomWordPress: WordPressInfo | undefined;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const wordpress = await startWordPress();
  console.info(`WordPress started for the tests in ${wordpress.startMs} ms at ${wordpress.url}`);
  project.provide('pressroomWordPress', {
    url: wordpress.url,
    restRoot: wordpress.restRoot,
    dataDir: wordpress.dataDir,
    users: wordpress.users,
  });
  return () => wordpress.stop();
}

// In a test file: the suite's WordPress when the globalSetup started one, or else one started for
// this file. The returned getter is valid from beforeAll on.
export function useWordPress(): () => WordPressSite {
  let site: WordPressSite | undefined;
  let own: LocalWordPress | undefined;
  beforeAll(async () => {
    const shared = inject('pressroomWordPress');
    if (shared) site = siteFrom(shared);
    else site = own = await startWordPress();
  }, 180_000);
  afterAll(async () => {
    await own?.stop();
  }, 60_000);
  return () => {
    if (!site) throw new Error('WordPress starts in beforeAll');
    return site;
  };
}

// Small files in Hancom's formats, for upload tests.

// An HWP 5 document: an OLE compound file (CFB, version 3) holding the FileHeader stream with
// HWP's signature, and empty DocInfo and BodyText/Section0 streams. Enough for libmagic and
// WordPress to tell what it is; Hangul itself would want real records. With `signature: false`
// the FileHeader is left out, as in an HWP that libmagic only knows as an OLE file.
export function hwpSample(options: { signature?: boolean } = {}): Uint8Array {
  const header = new Uint8Array(256);
  header.set(new TextEncoder().encode('HWP Document File'));
  new DataView(header.buffer).setUint32(32, 0x05000300, true); // version 5.0.3.0
  if (options.signature === false) {
    return compoundFile([
      { name: 'Root Entry', type: 5, child: 1 },
      { name: 'Contents', type: 2, data: header },
    ]);
  }
  // Siblings form a red-black tree ordered by name length, then name: DocInfo < BodyText < FileHeader.
  return compoundFile([
    { name: 'Root Entry', type: 5, child: 2 },
    { name: 'DocInfo', type: 2, data: new Uint8Array(16) },
    { name: 'BodyText', type: 1, left: 1, right: 3, child: 4 },
    { name: 'FileHeader', type: 2, data: header },
    { name: 'Section0', type: 2, data: new Uint8Array(16) },
  ]);
}

// An HWPX document: a zip package (OWPML) starting with its stored `mimetype` entry.
export function hwpxSample(): Uint8Array {
  return zipSync({
    mimetype: [strToU8('application/hwp+zip'), { level: 0 }],
    'version.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><hv:HCFVersion xmlns:hv="http://www.hancom.co.kr/hwpml/2011/version" major="5" minor="1" micro="0" buildNumber="0"/>'),
    'META-INF/container.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><ocf:container xmlns:ocf="urn:oasis:names:tc:opendocument:xmlns:container"><ocf:rootfiles><ocf:rootfile full-path="Contents/content.hpf" media-type="application/hwpml-package+xml"/></ocf:rootfiles></ocf:container>',
    ),
    'Contents/section0.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><hs:sec xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section"/>'),
  });
}

interface CfbEntry {
  name: string;
  type: 1 | 2 | 5; // storage, stream, root
  data?: Uint8Array;
  left?: number;
  right?: number;
  child?: number;
}

// A minimal compound file: one FAT sector, the directory, one mini-FAT sector and the mini stream
// that holds every (small) stream.
function compoundFile(entries: CfbEntry[]): Uint8Array {
  const SECTOR = 512;
  const MINI = 64;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const miniFat: number[] = [];
  const chunks: Uint8Array[] = [];
  const starts = entries.map((entry) => {
    if (entry.type !== 2 || !entry.data?.length) return END;
    const count = Math.ceil(entry.data.length / MINI);
    const first = miniFat.length;
    for (let i = 0; i < count; i++) miniFat.push(i === count - 1 ? END : first + i + 1);
    const padded = new Uint8Array(count * MINI);
    padded.set(entry.data);
    chunks.push(padded);
    return first;
  });
  const mini = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (mini.set(c, at), at + c.length), 0);

  const dirSectors = Math.ceil(entries.length / 4);
  const dirStart = 1;
  const miniFatStart = dirStart + dirSectors;
  const miniStart = miniFatStart + 1;
  const miniSectors = Math.ceil(mini.length / SECTOR);
  const out = new Uint8Array(SECTOR * (1 + miniStart + miniSectors));
  const view = new DataView(out.buffer);
  const at = (sector: number) => SECTOR * (sector + 1);

  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(24, 0x3e, true); // minor version
  view.setUint16(26, 3, true); // major version 3: 512-byte sectors
  view.setUint16(28, 0xfffe, true); // little-endian
  view.setUint16(30, 9, true); // sector size 2^9
  view.setUint16(32, 6, true); // mini sector size 2^6
  view.setUint32(44, 1, true); // FAT sectors
  view.setUint32(48, dirStart, true);
  view.setUint32(56, 4096, true); // mini stream cutoff
  view.setUint32(60, miniFatStart, true);
  view.setUint32(64, 1, true); // mini FAT sectors
  view.setUint32(68, END, true); // no DIFAT sectors
  view.setUint32(76, 0, true); // the FAT is sector 0
  for (let i = 1; i < 109; i++) view.setUint32(76 + 4 * i, FREE, true);

  const fat = new Array<number>(SECTOR / 4).fill(FREE);
  fat[0] = 0xfffffffd; // FAT sector
  for (let i = 0; i < dirSectors; i++) fat[dirStart + i] = i === dirSectors - 1 ? END : dirStart + i + 1;
  fat[miniFatStart] = END;
  for (let i = 0; i < miniSectors; i++) fat[miniStart + i] = i === miniSectors - 1 ? END : miniStart + i + 1;
  fat.forEach((value, i) => view.setUint32(at(0) + 4 * i, value, true));
  for (let i = 0; i < SECTOR / 4; i++) view.setUint32(at(miniFatStart) + 4 * i, miniFat[i] ?? FREE, true);
  out.set(mini, at(miniStart));

  for (let i = 0; i < dirSectors * 4; i++) {
    const base = at(dirStart) + 128 * i;
    const entry = entries[i];
    view.setUint32(base + 68, entry?.left ?? FREE, true);
    view.setUint32(base + 72, entry?.right ?? FREE, true);
    view.setUint32(base + 76, entry?.child ?? FREE, true);
    if (!entry) continue;
    for (let k = 0; k < entry.name.length; k++) view.setUint16(base + 2 * k, entry.name.charCodeAt(k), true);
    view.setUint16(base + 64, (entry.name.length + 1) * 2, true);
    out[base + 66] = entry.type;
    out[base + 67] = 1; // black
    if (entry.type === 5) {
      view.setUint32(base + 116, mini.length ? miniStart : END, true);
      view.setUint32(base + 120, mini.length, true);
    } else if (entry.type === 2) {
      view.setUint32(base + 116, starts[i]!, true);
      view.setUint32(base + 120, entry.data?.length ?? 0, true);
    }
  }
  return out;
}
