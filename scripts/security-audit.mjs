// The static security audit: @doyensec/electronegativity over electron/ and renderer/, failing
// on any finding of MEDIUM severity or above that no one has reviewed. electronegativity exits
// 0 whatever it finds, so this reads its CSV output.
//
// Skipped: AvailableSecurityFixesGlobalCheck, which downloads Electron's release list (no network
// here; `npm outdated electron` answers the same question).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const cli = join(require.resolve('@doyensec/electronegativity/package.json'), '..', 'dist', 'index.js');
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const reviewed = JSON.parse(readFileSync(join(root, 'scripts', 'security-reviewed.json'), 'utf8'));
const BLOCKING = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);

function parseCsv(text) {
  const rows = [];
  const pattern = /("([^"]|"")*"|[^,\n]*)(,|\n|$)/g;
  let row = [];
  for (const match of text.matchAll(pattern)) {
    if (match[0] === '') break;
    const cell = match[1].startsWith('"') ? match[1].slice(1, -1).replaceAll('""', '"') : match[1];
    row.push(cell.trim());
    if (match[3] !== ',') {
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

// The audit sees the app as it ships: main, preload and renderer sources together (its global
// checks look for navigation limits and permission handlers across all of them), with the
// built index.html whose Content-Security-Policy is filled in.
function stage() {
  const dir = mkdtempSync(join(tmpdir(), 'pressroom-audit-src-'));
  cpSync(join(root, 'electron'), join(dir, 'electron'), { recursive: true });
  cpSync(join(root, 'renderer'), join(dir, 'renderer'), { recursive: true, filter: (src) => !src.endsWith('vite.config.ts') });
  copyFileSync(join(root, 'dist', 'renderer', 'index.html'), join(dir, 'renderer', 'index.html'));
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
  return dir;
}

function audit(folder) {
  const out = mkdtempSync(join(tmpdir(), 'pressroom-audit-'));
  const file = join(out, 'findings.csv');
  const run = spawnSync(
    process.execPath,
    ['--require', join(root, 'scripts', 'audit-offline.cjs'), cli, '-i', folder, '-o', file, '-r', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck'],
    { encoding: 'utf8', env: { ...process.env, LANG: 'en-US' } },
  );
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`electronegativity failed on ${folder} (exit ${run.status})`);
  }
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  rmSync(out, { recursive: true, force: true });
  const at = (name) => header.indexOf(name);
  return rows
    .filter((row) => row.length >= header.length)
    .map((row) => ({
      check: row[at('issue')],
      severity: row[at('severity')],
      confidence: row[at('confidence')],
      file: row[at('filename')],
      location: row[at('location')],
      sample: row[at('sample')],
    }));
}

const staged = stage();
const findings = audit(staged).map((finding) => ({ ...finding, file: relative(staged, join(staged, finding.file)) }));
rmSync(staged, { recursive: true, force: true });
const isReviewed = (finding) =>
  reviewed.some((entry) => entry.check === finding.check && entry.file === finding.file && finding.sample.includes(entry.sample));
const blocking = findings.filter((finding) => BLOCKING.has(finding.severity) && !isReviewed(finding));
const stale = reviewed.filter((entry) => !findings.some((finding) => entry.check === finding.check && entry.file === finding.file && finding.sample.includes(entry.sample)));

for (const finding of findings) {
  const mark = blocking.includes(finding) ? 'FAIL' : isReviewed(finding) ? 'reviewed' : 'info';
  console.log(`${mark.padEnd(8)} ${finding.severity.padEnd(8)} ${finding.check} ${finding.file}:${finding.location}  ${finding.sample}`);
}
for (const entry of stale) console.log(`STALE    review entry matches nothing any more: ${entry.check} ${entry.file}`);
console.log(`security audit: ${findings.length} findings, ${blocking.length} blocking (medium or above, unreviewed), ${stale.length} stale reviews`);
process.exit(blocking.length > 0 || stale.length > 0 ? 1 : 0);
