import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { backupName, chooseKept, DEFAULT_ROTATION, inspect } from '../../electron/services/drafts/backup-files.ts';
import { RollingBackups, type RollingBackupsOptions } from '../../electron/services/drafts/backups.ts';
import { openDatabase } from '../../electron/services/drafts/database.ts';
import { DraftStore } from '../../electron/services/drafts/store.ts';
import { BackupId } from '../../electron/model/storage.ts';
import { type TempDir, tempDir } from '../support/temp.ts';

let dir: TempDir;
let clock: number;
const now = () => new Date(clock);
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const open: Array<{ db: DatabaseSync; backups: RollingBackups }> = [];

// Rotation counts the writer's local calendar days; pin the zone so the expected days are the
// same on every machine.
const zone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = 'Asia/Seoul';
});
afterAll(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

beforeEach(() => {
  dir = tempDir();
  // 21:00 in Seoul.
  clock = Date.parse('2025-03-10T12:00:00Z');
});
afterEach(() => {
  for (const { db, backups } of open.splice(0)) {
    backups.detach();
    if (db.isOpen) db.close();
  }
  vi.useRealTimers();
  dir.remove();
});

const backupsDir = () => join(dir.path, 'backups');
const files = () => readdirSync(backupsDir()).filter((name) => name.endsWith('.db')).sort();

function start(options: Partial<RollingBackupsOptions> = {}) {
  const db = openDatabase(join(dir.path, 'drafts.db'));
  const store = new DraftStore(db, { now });
  const backups = new RollingBackups({ dir: backupsDir(), now, onError: () => {}, ...options });
  open.push({ db, backups });
  return { db, store, backups };
}

describe('rotation', () => {
  test('keeps the newest five plus the newest of each of the last seven days', () => {
    // Four backups a day (every 6 hours) for twelve days.
    const names: string[] = [];
    for (let n = 0; n < 48; n++) names.push(backupName(new Date(clock - n * 6 * HOUR)));
    const kept = chooseKept(names, now(), DEFAULT_ROTATION);
    const newestFive = names.slice(0, 5);
    // Today and the six days before: the newest of each (21:00 in Seoul, the last of the day).
    const daily = [0, 1, 2, 3, 4, 5, 6].map((day) => backupName(new Date(clock - day * DAY)));
    expect([...kept].sort()).toEqual([...new Set([...newestFive, ...daily])].sort());
    expect(kept.size).toBeLessThanOrEqual(12);
  });

  test('a run of backups over days deletes old copies only after a new one is written', () => {
    const { store, backups } = start();
    const draft = store.create({ headline: 'rotation' });
    let revision = draft.revision;
    backups.attach(open[0]!.db);
    for (let n = 1; n <= 40; n++) {
      clock += 6 * HOUR;
      revision = store.save(draft.id, revision, { ...draft.article, headline: `v${n}` }).revision;
      expect(backups.backupIfChanged()).toBeDefined();
    }
    const names = files();
    expect(names.length).toBeLessThanOrEqual(12);
    // The newest is the last save, whole.
    expect(names.at(-1)).toBe(backupName(now()));
    expect(inspect(join(backupsDir(), names.at(-1)!))).toBe(1);
    expect(names).toEqual([...chooseKept([...names].reverse(), now(), DEFAULT_ROTATION)].sort());
  });

  test('the names are the ids the contract accepts, and nothing else is touched', () => {
    expect(BackupId.safeParse(backupName(new Date())).success).toBe(true);
    const { store, backups } = start();
    store.create({ headline: 'x' });
    writeFileSync(join(dir.path, 'unrelated.txt'), 'keep');
    backups.attach(open[0]!.db);
    writeFileSync(join(backupsDir(), 'notes.db'), 'not ours');
    for (let n = 0; n < 8; n++) {
      clock += DAY;
      store.create({ headline: `d${n}` });
      backups.backupIfChanged();
    }
    expect(existsSync(join(backupsDir(), 'notes.db'))).toBe(true);
    expect(existsSync(join(dir.path, 'unrelated.txt'))).toBe(true);
  });
});

describe('verification', () => {
  test('a copy that fails quick_check is discarded and the older backups stay', () => {
    let fail = false;
    const { store, backups } = start({ verify: (file) => (fail ? undefined : inspect(file)) });
    const draft = store.create({ headline: 'good' });
    backups.attach(open[0]!.db);
    const before = files();
    expect(before).toHaveLength(1);
    fail = true;
    for (let n = 0; n < 7; n++) {
      clock += HOUR;
      store.save(draft.id, n + 1, { ...draft.article, headline: `v${n}` });
      expect(backups.backupIfChanged()).toBeUndefined();
    }
    expect(files()).toEqual(before);
    expect(readdirSync(backupsDir()).some((name) => name.endsWith('.partial'))).toBe(false);
  });

  test('inspect refuses files that are not sound databases', () => {
    const garbage = join(dir.path, 'garbage.db');
    writeFileSync(garbage, Buffer.alloc(8192, 0x41));
    expect(inspect(garbage)).toBeUndefined();
    expect(inspect(join(dir.path, 'missing.db'))).toBeUndefined();
  });
});

describe('skipping when nothing changed', () => {
  test('no new copy without a change; one after a change; none for an empty database', () => {
    const { db, store, backups } = start();
    backups.attach(db);
    expect(existsSync(backupsDir()) ? files() : []).toEqual([]);
    const draft = store.create({ headline: 'first' });
    clock += HOUR;
    expect(backups.backupIfChanged()).toMatchObject({ drafts: 1 });
    clock += HOUR;
    expect(backups.backupIfChanged()).toBeUndefined();
    store.save(draft.id, draft.revision, { ...draft.article, headline: 'second' });
    clock += HOUR;
    expect(backups.backupIfChanged()).toBeDefined();
    expect(files()).toHaveLength(2);
  });

  test('a clean close vouches for the last backup; a crash does not', () => {
    const first = start();
    first.store.create({ headline: 'kept' });
    first.backups.attach(first.db);
    expect(files()).toHaveLength(1);
    first.backups.detach();
    first.db.close();

    clock += HOUR;
    const second = start();
    second.backups.attach(second.db);
    expect(files()).toHaveLength(1);
    second.store.create({ headline: 'typed, then the app was killed' });
    // Killed: no detach, so no close backup and no marker.
    second.db.close();

    clock += HOUR;
    const third = start();
    third.backups.attach(third.db);
    expect(files()).toHaveLength(2);
    expect(inspect(join(backupsDir(), files().at(-1)!))).toBe(2);
  });

  test('while running, a backup at most every 30 minutes, and only if something changed', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { db, store, backups } = start();
    const draft = store.create({ headline: 'timer' });
    backups.attach(db);
    expect(files()).toHaveLength(1);
    clock += 10 * 60_000;
    store.save(draft.id, draft.revision, { ...draft.article, headline: 'changed' });
    vi.advanceTimersByTime(29 * 60_000);
    expect(files()).toHaveLength(1);
    clock += 20 * 60_000;
    vi.advanceTimersByTime(60_000);
    expect(files()).toHaveLength(2);
    clock += 30 * 60_000;
    vi.advanceTimersByTime(30 * 60_000);
    expect(files()).toHaveLength(2);
  });
});
