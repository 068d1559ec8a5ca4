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

// Autosave of a 1,000-paragraph draft as main handles it: the contract's validation, then one
// SQLite transaction with the app's durability settings (WAL, synchronous=FULL).
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
  let revision = draft.revision;
  const samples: number[] = [];
  for (let i = 0; i < 60; i++) {
    paragraphs[i % paragraphs.length] += '가';
    // As the editor sends it: the body as JSON text (the page keeps each block's text).
    const article = { ...draft.article, body: JSON.stringify(paragraphsToBody(paragraphs)) };
    const started = performance.now();
    const result = await dispatch('drafts.save', { id: draft.id, baseRevision: revision, article });
    const elapsed = performance.now() - started;
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    revision = (result.value as { revision: number }).revision;
    if (i >= 10) samples.push(elapsed);
  }
  services.close();
  dir.remove();
  return [{ name: 'autosave in main: 1,000-paragraph draft, p95', value: round(percentile(samples, 95)), unit: 'ms', budget: 15, better: 'lower' }];
}
