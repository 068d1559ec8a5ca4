import type { ArticleFields } from '../../../electron/model/article.ts';
import type { RevisionSummary } from '../../../electron/model/revision.ts';
import { applySuggestions } from '../../editor/review/body.ts';

// The version a submit sent: the newest copy taken at or before the submitted revision (main
// takes one on every status change, so normally the one with exactly that revision).
export function submittedVersion(revisions: readonly RevisionSummary[], submittedRevision: number | null): RevisionSummary | null {
  if (submittedRevision === null) return null;
  let best: RevisionSummary | null = null;
  for (const revision of revisions) {
    if (revision.revision > submittedRevision) continue;
    if (!best || revision.revision > best.revision || (revision.revision === best.revision && revision.id > best.id)) best = revision;
  }
  return best;
}

// Open suggestions count as accepted on both sides: the comparison is of the text the article
// would have, and a suggestion node would otherwise split its paragraph in two.
export function comparable(article: ArticleFields): ArticleFields {
  return { ...article, body: applySuggestions(article.body, 'accepted') };
}
