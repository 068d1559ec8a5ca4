import { type BodyPatch, isSerializedBlock, joinBody, type LexicalDocument, MAX_BODY_CHARS } from '../../model/article.ts';
import { AppError } from '../../model/errors.ts';
import type { BodyWrite } from './store.ts';

// Completes the editor's body patches (see BodyPatch in the model) with the blocks of the last
// save main confirmed to the same editor session. What is kept is exactly what was saved: a
// patch is only completed against the revision it was based on, so a save from elsewhere in
// between (a restore, another window, a status change) makes the editor send every block again
// instead of mixing two versions.
//
// Only the blocks that came in are parsed and checked: the rest were checked when they came, and
// their parsed copies are kept for the search index. Re-parsing a whole long article on every
// keystroke's save was most of an autosave's cost in main.

interface Block {
  text: string;
  node: LexicalDocument['root']['children'][number];
}

interface Confirmed {
  session: string;
  revision: number;
  blocks: Map<string, Block>;
}

// Drafts open in windows at once, roughly; the oldest is forgotten first (its editor resyncs).
const KEPT_DRAFTS = 16;

export interface CompletedBody {
  text: string;
  document: LexicalDocument;
  // What the store writes: with a base, only the blocks that came in (the stored blocks are that
  // base, see BodyWrite); without one, every block, replacing whatever is stored.
  write: BodyWrite;
  // The save went through at this revision: later patches of this session build on it.
  confirm(revision: number): void;
}

export class BodyPatches {
  readonly #confirmed = new Map<string, Confirmed>();

  complete(draftId: string, baseRevision: number, patch: BodyPatch): CompletedBody {
    const known = this.#confirmed.get(draftId);
    const base = known && known.session === patch.session && known.revision === baseRevision ? known.blocks : undefined;
    const head = parseHead(patch.head);
    const blocks: Block[] = [];
    const written = new Map<string, string>();
    let length = patch.head.length;
    for (const key of patch.order) {
      let block: Block | undefined;
      if (Object.hasOwn(patch.blocks, key)) {
        block = parseBlock(patch.blocks[key]!);
        written.set(key, block.text);
      } else {
        block = base?.get(key);
      }
      if (!block) throw new AppError('conflict', 'body.resync');
      length += block.text.length + 1;
      if (length > MAX_BODY_CHARS) throw invalid('body.tooLong');
      blocks.push(block);
    }
    const headText = JSON.stringify(head);
    let write: BodyWrite;
    if (base) {
      const order = new Set(patch.order);
      const removed = [...base.keys()].filter((key) => !order.has(key));
      write = { kind: 'patch', head: headText, order: patch.order, blocks: written, removed };
    } else {
      write = { kind: 'replace', head: headText, order: patch.order, blocks: written };
    }
    return {
      text: joinBody(headText, blocks.map((block) => block.text)),
      document: { root: { ...head, type: 'root', children: blocks.map((block) => block.node) } },
      write,
      confirm: (revision) => {
        this.#confirmed.delete(draftId);
        this.#confirmed.set(draftId, { session: patch.session, revision, blocks: new Map(patch.order.map((key, i) => [key, blocks[i]!])) });
        if (this.#confirmed.size > KEPT_DRAFTS) this.#confirmed.delete(this.#confirmed.keys().next().value!);
      },
    };
  }

  // Another database took this one's place (a backup restored): nothing here is a base any more.
  clear(): void {
    this.#confirmed.clear();
  }
}

function invalid(detail: string): AppError {
  return new AppError('invalid_input', 'errors.invalidInput', { detail });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalid('body.notJson');
  }
}

// The root node's own attributes; written again by JSON.stringify so the joined text is JSON
// whatever spacing came in.
function parseHead(text: string): { type: 'root'; [key: string]: unknown } {
  const head = parseJson(text);
  if (typeof head !== 'object' || head === null || Array.isArray(head) || (head as { type?: unknown }).type !== 'root' || 'children' in head) {
    throw invalid('body.invalidRoot');
  }
  return head as { type: 'root' };
}

function parseBlock(text: string): Block {
  const node = parseJson(text);
  if (!isSerializedBlock(node)) throw invalid('body.invalidBlock');
  return { text, node };
}
