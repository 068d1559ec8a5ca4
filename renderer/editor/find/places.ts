import { $getRoot, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
import type { Caption } from '../media/caption.ts';
import { $isFigureNode } from '../nodes/FigureNode.tsx';
import { $isGalleryNode } from '../nodes/GalleryNode.tsx';
import { $collectRuns, $findMatches, findInRuns, foldQuery, type Match } from './search.ts';

// Find looks where the article's words are: the body and, in the body's order, each photo's
// caption (a document of its own, in its own editor). A name spelled wrong in the body is
// usually spelled wrong under the photo too, and both go to the website.
export interface Found {
  // The editor holding the match: the body's, or a caption's.
  editor: LexicalEditor;
  match: Match;
  // Where the match stands in the body, for starting from the writer's caret: the match itself,
  // or, for a caption, the photo's place among the body's blocks.
  at: { key: NodeKey; offset: number; type: 'text' | 'element' };
}

function captionOf(node: LexicalNode): Caption | null {
  return $isFigureNode(node) || $isGalleryNode(node) ? node.getCaption() : null;
}

// Every match in the body being read and its captions, in reading order.
export function $findEverywhere(body: LexicalEditor, query: string): Found[] {
  const folded = foldQuery(query);
  if (folded === '') return [];
  const found: Found[] = [];
  const root = $getRoot();
  for (const block of root.getChildren()) {
    const caption = captionOf(block);
    if (caption === null) {
      for (const match of findInRuns($collectRuns(block), folded)) {
        found.push({ editor: body, match, at: { key: match.anchorKey, offset: match.anchorOffset, type: 'text' } });
      }
      continue;
    }
    const at = { key: root.getKey(), offset: block.getIndexWithinParent(), type: 'element' as const };
    for (const match of caption.editor.getEditorState().read(() => $findMatches(query))) found.push({ editor: caption.editor, match, at });
  }
  return found;
}

// The captions' editors in the body being read: find searches again when one of them changes.
export function $captionEditors(): LexicalEditor[] {
  return $getRoot()
    .getChildren()
    .flatMap((block) => captionOf(block)?.editor ?? []);
}
