import { emptyBody } from '../../electron/model/article.ts';
import { openDatabase } from '../../electron/services/drafts/database.ts';
import { DraftStore } from '../../electron/services/drafts/store.ts';

// The child of tests/unit/crash-safety.test.ts: run with plain Node (type stripping), it opens
// the real DraftStore on the database it is given and saves one draft, growing by a sentence
// per save, as fast as it can until the parent kills it. Each line on stdout is a revision that
// has been committed: it is written only after save() returned.
//
//   node tests/support/crash-child.ts <drafts.db>

export function sentence(n: number): string {
  return `${n}번째 문장: 부산시의회 연구모임은 뿌리산업의 첨단화를 논의했다 (sentence ${n}). `;
}

// The exact article for a revision, so the parent can tell a whole save from a torn one.
export function articleAt(revision: number) {
  const body = emptyBody();
  body.root.children = [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: textAt(revision) }] }];
  return { headline: `crash test r${revision}`, body };
}

function textAt(revision: number): string {
  let text = '';
  for (let n = 1; n <= revision; n++) text += sentence(n);
  return text;
}

if (import.meta.main) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: crash-child.ts <drafts.db>');
  // Every save also snapshots into the history, so each commit is a two-statement transaction
  // whose halves must never be seen apart.
  const store = new DraftStore(openDatabase(file), { periodicSnapshotMs: 0 });
  const existing = store.list('active')[0];
  const draft = existing ? store.get(existing.id) : store.create(articleAt(1));
  process.stdout.write(`ready ${draft.id} ${draft.revision}\n`);
  let revision = draft.revision;
  for (;;) {
    const article = { ...draft.article, ...articleAt(revision + 1) };
    revision = store.save(draft.id, revision, article).revision;
    // Synchronous on a pipe (Linux), so the line leaves only after the commit above.
    process.stdout.write(`${revision}\n`);
  }
}
