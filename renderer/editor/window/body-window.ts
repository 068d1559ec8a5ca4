import {
  $getNearestNodeFromDOMNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  IS_APPLE,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { BlockSizes, type HiddenRun, planWindow } from './plan.ts';
import { REVEAL_EVENT } from './reveal.ts';
import { revealCaret, scrollerOf } from '../caret-in-sight.ts';

// Above this many blocks, only the blocks near the screen are laid out. Each keystroke costs
// Chromium work for every laid-out sibling of the paragraph it changes (the body's layout walks
// them all), so a thousand laid-out paragraphs cost several milliseconds a key; a few dozen cost
// nothing measurable. Articles of ordinary length never pay the price of windowing: Chromium
// leaves blocks that are not laid out out of the accessibility tree, so a screen reader reads
// such a body near the caret and the screen, not the far paragraphs ahead.
export const WINDOW_ABOVE_BLOCKS = 200;

let windows = 0;

const OFF = 'data-window-off';
const GAP = 'data-window-gap';

// Some blocks stay laid out wherever the writer is: the first and the last, and one every so
// often between them. The browser, given a caret in a block that is not laid out (the editor
// puts it there on Ctrl+End, at the end of a paste, on undo), walks character by character to
// the nearest laid-out text before the window can follow; these landmarks bound that walk to a
// few dozen blocks rather than the whole body (seconds, in a body of ten thousand paragraphs).
const MIN_LANDMARK_STRIDE = 40;
const MAX_LANDMARKS = 50;

interface Block {
  key: string;
  // Landmarks, and photos, galleries and rules: a caption must stay reachable by Tab.
  pinned: boolean;
}

// Lays out the blocks of a long body that are near the screen or hold the selection, and gives
// the space of the others to margins, so the scroll height and every scroll position stay what
// they would be with all of them laid out.
export class BodyWindow {
  private readonly sizes = new BlockSizes();
  private blocks: Block[] = [];
  private root: HTMLElement | null = null;
  private scroller: HTMLElement | null = null;
  private frame = 0;
  // True while the window attaches to a body Lexical has just rendered and the browser not yet
  // laid out: measuring then would lay out every block.
  private opening = false;
  private width = 0;
  // The blocks holding the selection's ends.
  private selectionKeys: string[] = [];
  // A block a caller asked to see (find, a comment, "Show"), kept until the scroll to it lands.
  private revealedKey: string | null = null;
  // A frame skipped during a composition, to be caught up once it ends.
  private stale = false;
  // Each window names its own rules, should two bodies ever share a page.
  private readonly id = String(++windows);
  private hidden = new Set<string>();
  private readonly sheet = new CSSStyleSheet();
  private rules = '';
  private readonly resizes = new ResizeObserver((entries) => this.resized(entries));
  private readonly disposers: Array<() => void> = [];

  private readonly editor: LexicalEditor;

  constructor(editor: LexicalEditor) {
    this.editor = editor;
    this.disposers.push(
      editor.registerRootListener((root) => this.attach(root)),
      // Page Up and Down move the caret a screen at a time, faster than a frame may follow:
      // the window reaches a further screen that way before the browser moves the caret, or
      // the caret would land beside a block that is not laid out.
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const direction = event.key === 'PageDown' ? 1 : event.key === 'PageUp' ? -1 : 0;
          if (direction === 0 || !this.enabled()) return false;
          // Where the key moves the caret (not on macOS, nor with Ctrl, Alt or ⌘, where it only
          // scrolls), it moves it from the caret, as the browser would: first back to it.
          if (!IS_APPLE && !event.ctrlKey && !event.altKey && !event.metaKey) this.revealCaret();
          this.update(direction);
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerUpdateListener(({ dirtyElements, editorState }) => {
        // Any change marks the root dirty (undo and redo too, which replace the whole state),
        // so the blocks are compared, which costs a walk over their keys, not a rebuild.
        const wasEnabled = this.enabled();
        const reordered = dirtyElements.has('root') && editorState.read(() => !this.sameBlocks());
        if (reordered) this.readBlocks();
        if (!this.enabled()) return;
        // Nothing else runs for an ordinary keystroke but the selection read: the caret stays in
        // its paragraph, which is laid out, and so are the paragraphs beside it.
        const keys = editorState.read(selectionBlockKeys);
        const moved = keys.join() !== this.selectionKeys.join();
        this.selectionKeys = keys;
        if (keys.some((key) => this.hidden.has(key))) this.showSelection();
        else if (moved && this.pinnedKeys().some((key) => this.hidden.has(key))) this.update();
        else if (!wasEnabled) this.update();
        else if (reordered || moved || this.stale) this.schedule();
      }),
    );
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    for (const dispose of this.disposers.splice(0)) dispose();
    this.attach(null);
    this.resizes.disconnect();
  }

  private enabled(): boolean {
    return this.root !== null && this.blocks.length > WINDOW_ABOVE_BLOCKS;
  }

  private attach(root: HTMLElement | null): void {
    if (this.root) {
      this.root.removeEventListener(REVEAL_EVENT, this.onReveal);
      this.scroller?.removeEventListener('scroll', this.schedule);
      this.resizes.disconnect();
      this.clear();
    }
    this.root = root;
    this.scroller = root ? scrollerOf(root) : null;
    const document = root?.ownerDocument ?? window.document;
    const adopted = document.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet);
    document.adoptedStyleSheets = root ? [...adopted, this.sheet] : adopted;
    if (!root) return;
    root.addEventListener(REVEAL_EVENT, this.onReveal);
    this.scroller?.addEventListener('scroll', this.schedule, { passive: true });
    this.resizes.observe(root);
    if (this.scroller) this.resizes.observe(this.scroller);
    this.readBlocks();
    // Before the first paint, so a long draft opens laying out a screenful, not the whole body.
    this.opening = true;
    try {
      this.update();
    } finally {
      this.opening = false;
    }
  }

  private readBlocks(): void {
    this.blocks = this.editor.getEditorState().read(() => {
      const children = $getRoot().getChildren();
      const stride = Math.max(MIN_LANDMARK_STRIDE, Math.ceil(children.length / MAX_LANDMARKS));
      return children.map((node, index) => ({
        key: node.getKey(),
        pinned: !$isElementNode(node) || index % stride === 0 || index === children.length - 1,
      }));
    });
    this.sizes.retain(new Set(this.blocks.map((block) => block.key)));
    if (!this.enabled()) this.clear();
  }

  private sameBlocks(): boolean {
    let index = 0;
    for (let node = $getRoot().getFirstChild(); node !== null; node = node.getNextSibling(), index++) {
      if (this.blocks[index]?.key !== node.getKey()) return false;
    }
    return index === this.blocks.length;
  }

  private readonly schedule = (): void => {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.update()) this.revealedKey = null;
    });
  };

  // The selection's blocks and the blocks beside them, so arrow keys from a caret the writer
  // scrolled away from move one line, not to the next laid-out block.
  private pinnedKeys(): string[] {
    const pinned = this.revealedKey ? [this.revealedKey] : [];
    for (const key of this.selectionKeys) {
      const index = this.indexOf(key);
      if (index < 0) continue;
      for (let near = Math.max(0, index - 1); near <= Math.min(this.blocks.length - 1, index + 1); near++) pinned.push(this.blocks[near]!.key);
    }
    return pinned;
  }

  private indexOf(key: string): number {
    return this.blocks.findIndex((block) => block.key === key);
  }

  // A new width rewraps every block; a new viewport height changes what is near the screen. The
  // body growing a line as the writer types changes neither.
  private resized(entries: readonly ResizeObserverEntry[]): void {
    const width = this.root?.clientWidth ?? 0;
    const rewrapped = width !== this.width;
    this.width = width;
    if (rewrapped) this.sizes.clear();
    if (rewrapped || entries.some((entry) => entry.target === this.scroller)) this.schedule();
  }

  // `ahead`: 1 or -1 to lay out one more screen below or above, for a page key about to move.
  // Returns whether the window was placed.
  private update(ahead: -1 | 0 | 1 = 0): boolean {
    const { root, scroller } = this;
    if (!root || !this.enabled()) return false;
    // A window that moves mid-syllable would not lose the syllable, but nothing but the
    // composition itself should touch the page then; the next update after it catches up.
    if (this.editor.isComposing()) {
      this.stale = true;
      return false;
    }
    this.stale = false;
    const viewHeight = scroller?.clientHeight || window.innerHeight;
    const overscan = Math.max(viewHeight * 1.5, 600);
    const pinned = new Set(this.pinnedKeys());
    const plan = (from: number, to: number, anchor?: { index: number; top: number }) =>
      planWindow({
        count: this.blocks.length,
        sizeOf: (index) => this.sizes.get(this.blocks[index]!.key),
        isPinned: (index) => this.blocks[index]!.pinned || pinned.has(this.blocks[index]!.key),
        from,
        to,
        anchor,
      });
    if (this.opening) {
      // A draft just opened: nothing is laid out yet, and reading any geometry would lay out
      // every block. The body opens at its top; the next frame measures and corrects.
      this.apply(plan(-overscan, viewHeight + overscan));
      this.schedule();
      return true;
    }
    const view = scroller?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight };
    const onScreen = this.measure(view);
    const rootTop = root.getBoundingClientRect().top;
    this.apply(
      plan(
        view.top - rootTop - overscan - (ahead < 0 ? viewHeight : 0),
        view.bottom - rootTop + overscan + (ahead > 0 ? viewHeight : 0),
        onScreen ? { index: onScreen.index, top: onScreen.top - rootTop } : undefined,
      ),
    );
    return true;
  }

  // Sizes of the blocks laid out now, while their layout is fresh, and the first of them on screen.
  private measure(view: { top: number; bottom: number }): { index: number; top: number } | null {
    let previous: DOMRect | null = null;
    let onScreen: { index: number; top: number } | null = null;
    this.blocks.forEach((block, index) => {
      const element = this.hidden.has(block.key) ? null : this.editor.getElementByKey(block.key);
      if (!element) {
        previous = null;
        return;
      }
      const box = element.getBoundingClientRect();
      const known = this.sizes.get(block.key);
      // Beside a hidden run the block's top margin is the run's room, not its own gap.
      const gapAbove = previous && !element.hasAttribute(GAP) ? box.top - previous.bottom : known.gapAbove;
      this.sizes.set(block.key, { height: box.height, gapAbove });
      if (onScreen === null && box.bottom > view.top && box.top < view.bottom) onScreen = { index, top: box.top };
      previous = box;
    });
    return onScreen;
  }

  private apply(runs: readonly HiddenRun[]): void {
    const root = this.root!;
    const hidden = new Set<string>();
    const gaps = new Map<string, number>();
    let tail = 0;
    for (const run of runs) {
      for (let index = run.from; index < run.to; index++) hidden.add(this.blocks[index]!.key);
      const next = this.blocks[run.to];
      if (next) gaps.set(next.key, run.room);
      else tail = run.room;
    }
    // The rooms go to a style sheet of the window's own, each block naming its rule, so the
    // blocks' markup (what tests and the accessibility tree read) carries no inline style.
    const scope = `.editor-body[data-windowed="${this.id}"]`;
    const rules = [`${scope}::after { height: ${Math.round(tail)}px; }`];
    for (const block of this.blocks) {
      const element = this.editor.getElementByKey(block.key);
      if (!element) continue;
      const off = hidden.has(block.key);
      if (off !== element.hasAttribute(OFF)) element.toggleAttribute(OFF, off);
      const gap = gaps.get(block.key);
      if (gap === undefined) {
        if (element.hasAttribute(GAP)) element.removeAttribute(GAP);
        continue;
      }
      const name = String(rules.length);
      if (element.getAttribute(GAP) !== name) element.setAttribute(GAP, name);
      rules.push(`${scope} > [${GAP}="${name}"] { margin-block-start: ${Math.round(gap)}px !important; }`);
    }
    const text = rules.join('\n');
    if (text !== this.rules) {
      this.rules = text;
      this.sheet.replaceSync(text);
    }
    root.setAttribute('data-windowed', this.id);
    this.hidden = hidden;
  }

  private clear(): void {
    const root = this.root;
    if (!root || !root.hasAttribute('data-windowed')) return;
    root.removeAttribute('data-windowed');
    for (const element of root.querySelectorAll<HTMLElement>(`:scope > [${OFF}], :scope > [${GAP}]`)) {
      element.removeAttribute(OFF);
      element.removeAttribute(GAP);
    }
    this.hidden = new Set();
  }

  // The selection went where nothing is laid out (Ctrl+End, undo, select all): lay its blocks
  // out now, before the writer's next key, and bring the caret on screen, which Lexical could
  // not do while the block was not laid out.
  private showSelection(): void {
    if (this.update()) this.revealCaret();
  }

  private revealCaret(): void {
    if (this.root && this.scroller) revealCaret(this.root, this.scroller);
  }

  private readonly onReveal = (event: Event): void => {
    if (!this.enabled() || !(event.target instanceof Node)) return;
    const target = event.target;
    const key = this.editor.read(() => topLevelKey($getNearestNodeFromDOMNode(target)));
    if (key === null || !this.hidden.has(key)) return;
    this.revealedKey = key;
    this.update();
    this.schedule();
  };
}

function selectionBlockKeys(): string[] {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return [];
  const anchor = topLevelKey(selection.anchor.getNode());
  const focus = topLevelKey(selection.focus.getNode());
  return [...new Set([anchor, focus].filter((key): key is string => key !== null))];
}

function topLevelKey(node: LexicalNode | null): string | null {
  if (node === null) return null;
  if (node.getParent() === null) return null;
  return (node.getTopLevelElement() ?? node).getKey();
}
