import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHandlers } from '../electron/handlers.ts';
import { createDispatcher } from '../electron/ipc.ts';
import { createServices } from '../electron/services/index.ts';
import { paragraphsToBody } from '../tests/support/articles.ts';
import { tempDir } from '../tests/support/temp.ts';
import Conf from 'conf';
import { type BenchRow, percentile, round } from './harness.ts';
import { longDraft } from './seed.ts';

// Autosave of a 1,000-paragraph draft as main handles it: the contract's validation, the body
// completed from the editor's patch and checked whole, then one SQLite transaction with the
// app's durability settings (WAL, synchronous=FULL).
export async function run(): Promise<BenchRow[]> {
  const dir = tempDir('pressroom-bench-');
  const services = createServices({
    dataDir: dir.path,
    preferencesFile: new Conf<Record<string, unknown>>({ cwd: join(dir.path, 'prefs'), projectName: 'pressroom' }),
    events: { emit() {} },
  });
  const dispatch = createDispatcher(createHandlers(services, { name: 'bench', version: '0', platform: process.platform, systemLocale: 'ko' }));
  const draft = services.drafts.create();
  const paragraphs = longDraft(1000);
  // As the editor sends it: after the first save, a patch with the block typed into and the
  // order of all of them by node key (main keeps the rest from the save before).
  const { root } = paragraphsToBody(paragraphs);
  const head = JSON.stringify({ ...root, children: undefined });
  const order = root.children.map((_, i) => String(i + 2));
  const blockText = (i: number) => JSON.stringify(paragraphsToBody([paragraphs[i]!]).root.children[0]);
  const session = crypto.randomUUID();
  let revision = draft.revision;
  let blocks: Record<string, string> = Object.fromEntries(order.map((key, i) => [key, blockText(i)]));
  const samples: number[] = [];
  for (let i = 0; i < 60; i++) {
    const article = { ...draft.article, body: { session, head, order, blocks } };
    const started = performance.now();
    const result = await dispatch('drafts.save', { id: draft.id, baseRevision: revision, article });
    const elapsed = performance.now() - started;
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    revision = (result.value as { revision: number }).revision;
    if (i >= 10) samples.push(elapsed);
    const typed = i % paragraphs.length;
    paragraphs[typed] += '가';
    blocks = { [order[typed]!]: blockText(typed) };
  }
  services.close();
  dir.remove();
  return [{ name: 'autosave in main: 1,000-paragraph draft, p95', value: round(percentile(samples, 95)), unit: 'ms', budget: 15, better: 'lower' }];
}
