import { $dfsIterator } from '@lexical/utils';
import { $getRoot, $isElementNode, $isLineBreakNode, $isTextNode, type LexicalNode, type NodeKey } from 'lexical';

// Finding text in the body: case-insensitive, and blind to how Hangul was encoded (a syllable
// pasted from a macOS file name arrives as separate jamo, NFD; typed, it is one code point).

export interface Match {
  anchorKey: NodeKey;
  anchorOffset: number;
  focusKey: NodeKey;
  focusOffset: number;
}

interface Piece {
  key: NodeKey;
  start: number;
  length: number;
}

// A run of text that reads as one line: the text nodes of one block, up to a line break.
// A match may cross formatting (half a word bold) but never a block or a line break.
interface Run {
  text: string;
  pieces: Piece[];
}

function $blockOf(node: LexicalNode): LexicalNode | null {
  let parent = node.getParent();
  while (parent !== null && $isElementNode(parent) && parent.isInline()) parent = parent.getParent();
  return parent;
}

// The runs of a node and everything in it; of the whole document when no node is given.
export function $collectRuns(from: LexicalNode = $getRoot()): Run[] {
  const runs: Run[] = [];
  let current: Run | null = null;
  let currentBlock: NodeKey | null = null;
  for (const { node } of $dfsIterator(from)) {
    if ($isTextNode(node)) {
      const block = $blockOf(node)?.getKey() ?? null;
      if (current === null || block !== currentBlock) {
        current = { text: '', pieces: [] };
        runs.push(current);
        currentBlock = block;
      }
      const text = node.getTextContent();
      current.pieces.push({ key: node.getKey(), start: current.text.length, length: text.length });
      current.text += text;
    } else if ($isLineBreakNode(node) || !$isElementNode(node) || !node.isInline()) {
      current = null;
    }
  }
  return runs;
}

export function foldQuery(query: string): string {
  return query.normalize('NFC').toLowerCase();
}

interface Folded {
  text: string;
  // For each code unit of `text`, where its character starts and ends in the original; null
  // when the two line up one to one (the common case, kept cheap).
  starts: number[] | null;
  ends: number[] | null;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function fold(text: string): Folded {
  const nfc = text.normalize('NFC');
  const lower = nfc.toLowerCase();
  if (nfc === text && lower.length === text.length) return { text: lower, starts: null, ends: null };
  // Folded grapheme by grapheme: a whole Hangul syllable (L+V+T jamo) or a letter with its
  // accents folds as a unit, and its position in the original stays known.
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const { segment, index } of graphemes.segment(text)) {
    const part = segment.normalize('NFC').toLowerCase();
    folded += part;
    for (let i = 0; i < part.length; i += 1) {
      starts.push(index);
      ends.push(index + segment.length);
    }
  }
  return { text: folded, starts, ends };
}

function locate(pieces: Piece[], offset: number, atEnd: boolean): { key: NodeKey; offset: number } {
  for (const piece of pieces) {
    const inside = atEnd ? offset > piece.start && offset <= piece.start + piece.length : offset >= piece.start && offset < piece.start + piece.length;
    if (inside) return { key: piece.key, offset: offset - piece.start };
  }
  const last = pieces[pieces.length - 1]!;
  return { key: last.key, offset: last.length };
}

// Every non-overlapping occurrence of the folded query, in document order.
export function findInRuns(runs: readonly Run[], foldedQuery: string): Match[] {
  const matches: Match[] = [];
  if (foldedQuery === '') return matches;
  for (const run of runs) {
    if (run.text === '') continue;
    const folded = fold(run.text);
    let at = folded.text.indexOf(foldedQuery);
    while (at !== -1) {
      const endUnit = at + foldedQuery.length;
      const start = folded.starts ? folded.starts[at]! : at;
      const end = folded.ends ? folded.ends[endUnit - 1]! : endUnit;
      const anchor = locate(run.pieces, start, false);
      const focus = locate(run.pieces, end, true);
      matches.push({ anchorKey: anchor.key, anchorOffset: anchor.offset, focusKey: focus.key, focusOffset: focus.offset });
      at = folded.text.indexOf(foldedQuery, endUnit);
    }
  }
  return matches;
}

export function $findMatches(query: string): Match[] {
  return findInRuns($collectRuns(), foldQuery(query));
}
