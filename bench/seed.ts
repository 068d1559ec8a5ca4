import { join } from 'node:path';
import { ArticleFields } from '../electron/model/article.ts';
import { openDatabase } from '../electron/services/drafts/database.ts';
import { DraftStore } from '../electron/services/drafts/store.ts';
import { paragraphsToBody } from '../tests/support/articles.ts';
import { generateDrafts, prng } from './search.bench.ts';

// A data folder holding a generated library: `count` drafts of Korean and English text, plus
// one long draft of `longParagraphs` paragraphs for the editor benchmarks. Returns the long
// draft's id.
export function seedLibrary(dataDir: string, count: number, longParagraphs = 1000): string {
  const db = openDatabase(join(dataDir, 'drafts.db'));
  // Seeding is not the thing measured: skip the per-commit sync the app keeps for safety.
  db.exec('PRAGMA synchronous = OFF');
  const store = new DraftStore(db);
  const statuses = ['draft', 'in_review', 'changes_requested', 'approved', 'published'] as const;
  const sections = ['인터뷰', '경제', '문화', '행정', 'Economy', '관광'];
  const random = prng(7);
  const { drafts } = generateDrafts(count);
  db.exec('BEGIN');
  for (const [index, doc] of drafts.entries()) {
    const article = ArticleFields.parse({
      headline: doc.headline.slice(0, 500),
      deck: doc.deck.slice(0, 2000),
      byline: doc.byline.slice(0, 200),
      tags: doc.tags.slice(0, 50).map((tag) => tag.slice(0, 100)),
      section: sections[index % sections.length],
      issue: `제2025${String(1 + (index % 12)).padStart(2, '0')}호`,
      body: paragraphsToBody(doc.body.split('\n')),
    });
    db.prepare(
      `INSERT INTO drafts (id, revision, status, headline, section, issue, byline, article, created_at, updated_at)
       VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      crypto.randomUUID(),
      statuses[Math.floor(random() * statuses.length)]!,
      article.headline,
      article.section,
      article.issue,
      article.byline,
      JSON.stringify(article),
      new Date(Date.UTC(2025, 0, 1) + index * 60_000).toISOString(),
      new Date(Date.UTC(2025, 0, 1) + index * 60_000).toISOString(),
    );
  }
  db.exec('COMMIT');
  const long = store.create({ headline: '긴 원고: 1,000 문단', body: paragraphsToBody(longDraft(longParagraphs)) });
  db.close();
  return long.id;
}

export function longDraft(paragraphs: number): string[] {
  const { drafts } = generateDrafts(Math.ceil(paragraphs / 8), 99);
  const lines = drafts.flatMap((doc) => doc.body.split('\n')).filter((line) => line.length > 0);
  return Array.from({ length: paragraphs }, (_, i) => lines[i % lines.length]!);
}
