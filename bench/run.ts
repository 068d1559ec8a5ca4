import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchRow } from './harness.ts';

// `npm run bench`: every benchmark in turn (they share two cores, so never at once), each
// figure printed as it comes, all of them written to bench/results.json.
const suites: Array<[string, () => Promise<{ run(): Promise<BenchRow[]> }>]> = [
  ['search', () => import('./search.bench.ts')],
  ['counts', () => import('./counts.bench.ts')],
  ['autosave (main)', () => import('./autosave.bench.ts')],
  ['renderer (Chromium)', () => import('./renderer.bench.ts')],
  ['assets (main)', () => import('./assets.bench.ts')],
  ['media (Chromium)', () => import('./media.bench.ts')],
  ['publishing (WordPress)', () => import('./publishing.bench.ts')],
];

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const [name, load] of suites) {
  if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
  console.log(`\n— ${name}`);
  const suite = await load();
  for (const row of await suite.run()) {
    rows.push(row);
    const within = row.better === 'lower' ? row.value <= row.budget : row.value >= row.budget;
    console.log(`${within ? 'ok  ' : 'OVER'}  ${row.name}: ${row.value} ${row.unit} (budget ${row.better === 'lower' ? '≤' : '≥'} ${row.budget} ${row.unit})`);
  }
}
writeFileSync(join(import.meta.dirname, 'results.json'), `${JSON.stringify(rows, null, 2)}\n`);
console.log(`\n${rows.length} figures written to bench/results.json`);
