import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Services } from '../../electron/services/index.ts';
import { servicesIn } from '../support/services.ts';
import { type TempDir, tempDir } from '../support/temp.ts';

// A damaged drafts.db is set aside untouched, nothing empty is created in its place, the app
// answers "needs recovery" until the writer picks a backup (or, explicitly, an empty start).

let dir: TempDir;
let running: Services[] = [];
const dbFile = () => join(dir.path, 'drafts.db');
const GARBAGE = Buffer.from('PK\u0003\u0004 this was a zip, or a disk sector gone wrong. '.repeat(300));

beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  for (const services of running) services.close();
  running = [];
  dir.remove();
});

function start() {
  const started = servicesIn(dir.path);
  running.push(started.services);
  return started;
}

function stop(services: Services) {
  services.close();
  running = running.filter((s) => s !== services);
}

// Two drafts, closed cleanly: the close leaves a backup of them.
function withBackedUpDrafts(): string[] {
  const { services } = start();
  const a = services.drafts.create();
  services.drafts.save(a.id, a.revision, { ...a.article, headline: '뿌리산업에 첨단기술 더해' });
  const b = services.drafts.create();
  services.drafts.save(b.id, b.revision, { ...b.article, headline: 'City budget vote' });
  stop(services);
  return [a.id, b.id];
}

const damagedFiles = () => readdirSync(dir.path).filter((name) => name.startsWith('drafts.db.damaged-'));

describe('a drafts.db that is not a database', () => {
  test('is set aside byte for byte, and nothing empty takes its place', async () => {
    withBackedUpDrafts();
    writeFileSync(dbFile(), GARBAGE);
    const { dispatch } = start();

    const status = await dispatch('storage.status', {});
    expect(status).toMatchObject({ ok: true, value: { state: 'needs_recovery' } });
    const { damagedFile } = (status as { value: { damagedFile: string } }).value;
    expect(damagedFile).toMatch(/^drafts\.db\.damaged-[\dTZ-]+$/);
    expect(damagedFile).not.toMatch(/[\\/]/);
    expect(readFileSync(join(dir.path, damagedFile)).equals(GARBAGE)).toBe(true);
    expect(existsSync(dbFile())).toBe(false);

    for (const [channel, input] of [
      ['drafts.list', { scope: 'active' }],
      ['drafts.create', {}],
    ] as const) {
      expect(await dispatch(channel, input)).toEqual({ ok: false, error: { code: 'storage_corrupt', messageKey: 'errors.storageCorrupt' } });
    }
    expect(existsSync(dbFile())).toBe(false);
  });

  test('a truncated database counts as damaged, and its log moves with it', () => {
    withBackedUpDrafts();
    const whole = readFileSync(dbFile());
    writeFileSync(dbFile(), whole.subarray(0, Math.floor(whole.length / 2)));
    writeFileSync(`${dbFile()}-wal`, 'leftover log');
    const { services } = start();
    expect(services.storage.status().state).toBe('needs_recovery');
    const [damaged] = damagedFiles().filter((name) => !name.endsWith('-wal'));
    expect(readFileSync(join(dir.path, `${damaged}-wal`), 'utf8')).toBe('leftover log');
    expect(existsSync(`${dbFile()}-wal`)).toBe(false);
  });

  test('lists the backups with their time and number of drafts', () => {
    withBackedUpDrafts();
    writeFileSync(dbFile(), GARBAGE);
    const { services } = start();
    const { backups } = services.storage.status();
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ id: expect.stringMatching(/^drafts-.*\.db$/), drafts: 2 });
    expect(Date.parse(backups[0]!.createdAt)).not.toBeNaN();
  });
});

describe('recovering', () => {
  test('restoring a backup brings the drafts back, and the damaged file stays', async () => {
    const ids = withBackedUpDrafts();
    writeFileSync(dbFile(), GARBAGE);
    const { services, dispatch } = start();
    const [backup] = services.storage.status().backups;

    const result = await dispatch('storage.recover', { backupId: backup!.id });
    expect(result).toMatchObject({ ok: true, value: { state: 'ok' } });
    const list = services.drafts.list('active');
    expect(list.map((d) => d.id).sort()).toEqual([...ids].sort());
    expect(list.map((d) => d.headline).sort()).toEqual(['City budget vote', '뿌리산업에 첨단기술 더해']);
    expect(readFileSync(join(dir.path, damagedFiles()[0]!)).equals(GARBAGE)).toBe(true);

    // And it is a working database again: typing lands.
    const draft = services.drafts.get(ids[0]!);
    expect(services.drafts.save(draft.id, draft.revision, { ...draft.article, headline: 'after recovery' }).revision).toBe(draft.revision + 1);
    // Restoring again is refused: there is nothing to recover.
    expect(await dispatch('storage.recover', { backupId: backup!.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  test('starting empty happens only when asked for, and keeps the damaged file', async () => {
    withBackedUpDrafts();
    writeFileSync(dbFile(), GARBAGE);
    const { services, dispatch } = start();
    expect(await dispatch('storage.recover', { backupId: null })).toMatchObject({ ok: true, value: { state: 'ok' } });
    expect(services.drafts.list('active')).toEqual([]);
    expect(damagedFiles()).toHaveLength(1);
    expect(services.storage.status().backups).toHaveLength(1);
  });

  test('a backup id is a file name of the backup pattern, never a path', async () => {
    withBackedUpDrafts();
    writeFileSync(dbFile(), GARBAGE);
    const { dispatch } = start();
    for (const backupId of [
      '../drafts.db',
      '../backups/drafts-2025-03-10T09-00-00-000Z.db',
      'drafts-2025-03-10T09-00-00-000Z.db/../../x',
      '/etc/passwd',
      'drafts-2025-03-10T09-00-00-000Z.db\u0000',
      '..\\drafts-2025-03-10T09-00-00-000Z.db',
      '',
      undefined,
    ]) {
      expect(await dispatch('storage.recover', { backupId })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    // Well-formed but not there.
    expect(await dispatch('storage.recover', { backupId: 'drafts-1999-01-01T00-00-00-000Z.db' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', messageKey: 'recovery.backupMissing' },
    });
  });

  test('a damaged backup is not restored', async () => {
    withBackedUpDrafts();
    writeFileSync(dbFile(), GARBAGE);
    const { services, dispatch } = start();
    const [backup] = services.storage.status().backups;
    writeFileSync(join(dir.path, 'backups', backup!.id), GARBAGE);
    expect(await dispatch('storage.recover', { backupId: backup!.id })).toMatchObject({
      ok: false,
      error: { code: 'storage_corrupt', messageKey: 'recovery.backupDamaged' },
    });
    expect(services.storage.status().state).toBe('needs_recovery');
  });
});

describe('what is not damage', () => {
  test('a missing drafts.db beside backups asks the writer instead of starting empty', () => {
    withBackedUpDrafts();
    rmSync(dbFile());
    const { services } = start();
    expect(services.storage.status()).toMatchObject({ state: 'needs_recovery', backups: [{ drafts: 2 }] });
    expect(services.storage.status().damagedFile).toBeUndefined();
    expect(existsSync(dbFile())).toBe(false);
  });

  test('closing on the recovery screen and starting again still asks, and names the kept file', () => {
    writeFileSync(dbFile(), GARBAGE);
    const first = start();
    const { damagedFile } = first.services.storage.status();
    stop(first.services);
    // No backups at all: still no silent empty database.
    const { services } = start();
    expect(services.storage.status()).toEqual({ state: 'needs_recovery', damagedFile, backups: [] });
    expect(existsSync(dbFile())).toBe(false);
    expect(damagedFiles()).toEqual([damagedFile]);
  });

  test('a first start with no backups simply creates the database', () => {
    const { services } = start();
    expect(services.storage.status()).toEqual({ state: 'ok', backups: [] });
    expect(services.drafts.list('active')).toEqual([]);
  });

  test('a database from a newer app version is left where it is, not set aside', async () => {
    withBackedUpDrafts();
    const db = new DatabaseSync(dbFile());
    db.exec('PRAGMA user_version = 999');
    db.close();
    const before = readFileSync(dbFile());
    const { services, dispatch } = start();
    expect(services.storage.status().state).toBe('ok');
    expect(await dispatch('drafts.list', { scope: 'active' })).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(damagedFiles()).toEqual([]);
    expect(readFileSync(dbFile()).equals(before)).toBe(true);
  });
});
