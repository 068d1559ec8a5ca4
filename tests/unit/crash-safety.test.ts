import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, test } from 'vitest';
import { ArticleFields } from '../../electron/model/article.ts';
import { openDatabase } from '../../electron/services/drafts/database.ts';
import { DraftStore } from '../../electron/services/drafts/store.ts';
import { articleAt } from '../support/crash-child.ts';
import { tempDir } from '../support/temp.ts';

// The proof behind "a crash loses nothing that was saved": a real Node process saves a growing
// draft through the real DraftStore as fast as it can and is killed with SIGKILL (no chance to
// clean up, as in a power cut of the process) mid-stream. The reopened database must pass
// integrity_check and hold the draft whole, at or past the last revision the child reported.
// The same file is reused across rounds, so each round also starts from a killed writer's WAL.

const CHILD = join(import.meta.dirname, '..', 'support', 'crash-child.ts');
const dir = tempDir('pressroom-crash-');
const file = join(dir.path, 'drafts.db');
afterAll(() => dir.remove());

interface Round {
  draftId: string;
  lastReported: number;
}

// Spawns the child, waits for `commits` reported commits, then SIGKILLs it `delayMs` later.
function runAndKill(commits: number, delayMs: number): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let draftId = '';
    let lastReported = 0;
    let seen = 0;
    let killed = false;
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('ready ')) {
        draftId = line.split(' ')[1]!;
        lastReported = Number(line.split(' ')[2]);
        return;
      }
      lastReported = Number(line);
      seen++;
      if (seen >= commits && !killed) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ draftId, lastReported });
      else reject(new Error(`child exited on its own (${code}): ${stderr}`));
    });
  });
}

describe('a writer process killed mid-save', () => {
  // Different kill points land in different phases: right after start, in the thick of it,
  // after the WAL has grown over several rounds; the small delays move the kill around inside
  // a save (building the JSON, writing the WAL, waiting for fsync). Each save is fsynced
  // (synchronous = FULL), which on the build machine's disk allows only a few per second, so
  // the counts are kept modest.
  test.each([
    [1, 0],
    [9, 2],
    [25, 0],
    [48, 5],
  ])('after %i commits (+%i ms) the database is sound and the draft whole', async (commits, delayMs) => {
    const { draftId, lastReported } = await runAndKill(commits, delayMs);
    expect(draftId).not.toBe('');

    const db = openDatabase(file);
    try {
      expect(db.prepare('PRAGMA integrity_check').all()).toEqual([{ integrity_check: 'ok' }]);
      // The draft as the store reads it: its fields and its body's block rows, joined.
      const row = new DraftStore(db).get(draftId);
      // Never behind what the child saw committed; it may be ahead (committed, killed before printing).
      expect(row.revision).toBeGreaterThanOrEqual(lastReported);
      const article = row.article;
      // Whole: exactly the text of that revision, not a mix of two saves.
      const expected = articleAt(row.revision);
      expect(article.headline).toBe(expected.headline);
      expect(article.body).toEqual(ArticleFields.shape.body.parse(expected.body));
      // The save and its history snapshot were one transaction: both landed or neither did.
      const snapshot = db.prepare('SELECT max(revision) AS revision FROM revisions WHERE draft_id = ?').get(draftId) as { revision: number };
      expect(snapshot.revision).toBe(row.revision);
    } finally {
      db.close();
    }
  }, 60_000);
});
