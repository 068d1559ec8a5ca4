import { $createMarkNode, $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode, MarkNode } from '@lexical/mark';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister, registerNestedElementResolver } from '@lexical/utils';
import {
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  $onUpdate,
  COMMAND_PRIORITY_LOW,
  COMMAND_PRIORITY_NORMAL,
  type ElementNode,
  HISTORY_MERGE_TAG,
  KEY_DOWN_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
  SELECTION_CHANGE_COMMAND,
} from 'lexical';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraft } from '../../state/draft.ts';
import { type ReviewEditor, setReviewEditor, useReview } from '../../state/review.ts';
import { isCompositionKey, matchesShortcut } from '../shortcuts.ts';
import { type BodySuggestion, breakContext, newRecordId } from './body.ts';
import { $isSuggestionBreakNode, SuggestionBreakNode } from './SuggestionBreakNode.ts';
import { COMMENT_SHORTCUT, START_COMMENT_COMMAND } from './commands.ts';
import { $syncSelectionFromDOM } from '../selection-sync.ts';
import { $closestSuggestion, $decideSuggestions, COMPOSITION_PLACEHOLDER } from './suggest.ts';
import { $isSuggestionNode, SuggestionDeleteNode, SuggestionInsertNode } from './SuggestionNodes.ts';
import { SuggestionModePlugin } from './SuggestionModePlugin.tsx';
import { scrollBodyIntoView } from '../window/reveal.ts';
import './review.css';

// How long the body rests before the panel's list of passages and suggestions is brought up to
// date, and before a suggestion being typed is sent to main.
const INDEX_DELAY_MS = 150;
const RECORD_DELAY_MS = 1500;

interface BodyIndex {
  markOrder: string[];
  suggestions: BodySuggestion[];
}

function $indexBody(): BodyIndex {
  const markOrder: string[] = [];
  const seenMarks = new Set<string>();
  const suggestions = new Map<string, BodySuggestion>();
  const visit = (element: ElementNode) => {
    for (const child of element.getChildren()) {
      if ($isSuggestionBreakNode(child)) {
        const id = child.getSuggestionId();
        const after = child.getNextSiblings().map((node) => node.getTextContent()).join('');
        if (!suggestions.has(id)) suggestions.set(id, { id, kind: child.getKind(), text: breakContext(after), author: child.getAuthor(), at: child.getAt() });
        continue;
      }
      if (!$isElementNode(child)) continue;
      if ($isMarkNode(child)) {
        for (const id of child.getIDs()) {
          if (!seenMarks.has(id)) {
            seenMarks.add(id);
            markOrder.push(id);
          }
        }
      } else if ($isSuggestionNode(child)) {
        const id = child.getSuggestionId();
        const text = child.getTextContent().replaceAll(COMPOSITION_PLACEHOLDER, '');
        const entry = suggestions.get(id);
        if (entry) entry.text += text;
        else suggestions.set(id, { id, kind: child.getKind(), text, author: child.getAuthor(), at: child.getAt() });
      }
      visit(child);
    }
  };
  visit($getRoot());
  return { markOrder, suggestions: [...suggestions.values()] };
}

function $nodesInOrder(match: (node: LexicalNode) => boolean): LexicalNode[] {
  const found: LexicalNode[] = [];
  const visit = (element: ElementNode) => {
    for (const child of element.getChildren()) {
      if (match(child)) found.push(child);
      if ($isElementNode(child)) visit(child);
    }
  };
  visit($getRoot());
  return found;
}

// Selects the text from the start of the first node to the end of the last, and scrolls to it.
function reveal(editor: LexicalEditor, match: (node: LexicalNode) => boolean): boolean {
  let firstKey: NodeKey | null = null;
  editor.update(
    () => {
      const nodes = $nodesInOrder(match);
      const [head, tail] = [nodes[0], nodes.at(-1)];
      // A paragraph mark has no text to select: the caret goes right after it.
      if (head && !$isElementNode(head)) {
        firstKey = head.getKey();
        head.selectNext(0, 0);
        return;
      }
      const first = head?.getFirstDescendant();
      const last = $isElementNode(tail) ? tail.getLastDescendant() : null;
      if (!$isTextNode(first) || !$isTextNode(last)) return;
      firstKey = nodes[0]!.getKey();
      const selection = first.select(0, 0);
      selection.focus.set(last.getKey(), last.getTextContentSize(), 'text');
    },
    { discrete: true },
  );
  if (firstKey === null) return false;
  const root = editor.getRootElement();
  root?.focus({ preventScroll: true });
  const place = editor.getElementByKey(firstKey);
  if (place) scrollBodyIntoView(place, 'center');
  return true;
}

function $activeThreadAtSelection(): string | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  let node: LexicalNode | null = selection.anchor.getNode();
  while (node !== null) {
    if ($isMarkNode(node)) return node.getIDs()[0] ?? null;
    node = node.getParent();
  }
  return null;
}

// The classes a comment mark shows: resolved (dimmed, or hidden from view with "show resolved"
// off), the thread being read, and a passage whose first comment is still being written.
function decorateMarks(editor: LexicalEditor, marks: ReadonlyMap<NodeKey, readonly string[]>): void {
  const { data, activeThreadId, pendingThread } = useReview.getState();
  const resolved = new Set(data?.threads.filter((thread) => thread.resolved).map((thread) => thread.id));
  const known = new Set(data?.threads.map((thread) => thread.id));
  for (const [key, ids] of marks) {
    const element = editor.getElementByKey(key);
    if (!element) continue;
    element.dataset.threadIds = ids.join(' ');
    element.classList.toggle('is-resolved', ids.length > 0 && ids.every((id) => resolved.has(id)));
    element.classList.toggle('is-active', activeThreadId !== null && ids.includes(activeThreadId));
    const pending = pendingThread !== null && ids.includes(pendingThread.id);
    element.classList.toggle('is-pending', pending);
    // A mark whose thread never started (a comment abandoned when the draft was closed) is not
    // highlighted; one not merged in from the site yet will be once it is.
    element.classList.toggle('is-orphan', data !== null && !pending && !ids.some((id) => known.has(id)));
  }
}

// The body's side of the review: comment marks (start, highlight, the thread at the caret),
// the list of passages and suggestions for the panel, accepting and rejecting suggestions,
// the previews, and suggestion mode when it is on.
export function ReviewPlugin() {
  const [editor] = useLexicalComposerContext();
  const { t } = useTranslation();
  const suggestMode = useReview((state) => state.suggestMode);

  // The open draft's review data, read afresh whenever a draft (or a new copy of it) opens.
  useEffect(() => {
    const draftId = useDraft.getState().draftId;
    if (draftId) void useReview.getState().load(draftId);
  }, [editor]);

  useEffect(() => {
    const marks = new Map<NodeKey, string[]>();
    // Suggestions sent to main from this editor. A record is made once (main refuses a second
    // one with the same id); the text it holds is the suggestion as it was then, while the body
    // keeps the text itself as it grows.
    const sent = new Set<string>();
    let indexTimer: ReturnType<typeof setTimeout> | undefined;
    let recordTimer: ReturnType<typeof setTimeout> | undefined;

    const record = () => {
      recordTimer = undefined;
      if (editor.isComposing()) {
        recordTimer = setTimeout(record, RECORD_DELAY_MS);
        return;
      }
      const { me, data, bodySuggestions, recordSuggestion } = useReview.getState();
      const name = me?.person.name ?? '';
      const recorded = new Set(data?.suggestions.map((suggestion) => suggestion.id));
      for (const suggestion of bodySuggestions) {
        if (suggestion.author !== name || suggestion.text === '') continue;
        if (recorded.has(suggestion.id) || sent.has(suggestion.id)) continue;
        sent.add(suggestion.id);
        void recordSuggestion(suggestion.id, suggestion.kind, suggestion.text);
      }
    };

    const reindex = () => {
      indexTimer = undefined;
      const index = editor.getEditorState().read($indexBody);
      useReview.getState().reportBody(index.markOrder, index.suggestions);
      if (index.suggestions.length > 0) {
        clearTimeout(recordTimer);
        recordTimer = setTimeout(record, RECORD_DELAY_MS);
      }
    };
    const scheduleIndex = () => {
      if (indexTimer === undefined) indexTimer = setTimeout(reindex, INDEX_DELAY_MS);
    };

    const onMarkMutations = (mutations: Map<NodeKey, string>) => {
      editor.getEditorState().read(() => {
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') {
            marks.delete(key);
            continue;
          }
          const node = $getNodeByKey(key);
          if ($isMarkNode(node)) marks.set(key, node.getIDs());
        }
      });
      decorateMarks(editor, marks);
      scheduleIndex();
    };

    const link: ReviewEditor = {
      revealThread: (threadId) => reveal(editor, (node) => $isMarkNode(node) && node.getIDs().includes(threadId)),
      revealSuggestion: (suggestionId) => reveal(editor, (node) => ($isSuggestionNode(node) || $isSuggestionBreakNode(node)) && node.getSuggestionId() === suggestionId),
      dropMarks(threadId) {
        editor.update(
          () => {
            for (const node of $nodesInOrder((candidate) => $isMarkNode(candidate) && candidate.getIDs().includes(threadId))) {
              const mark = node as MarkNode;
              if (mark.getIDs().length > 1) mark.deleteID(threadId);
              else $unwrapMarkNode(mark);
            }
          },
          { tag: HISTORY_MERGE_TAG },
        );
      },
      decide(decisions) {
        let found: string[] = [];
        editor.update(
          () => {
            found = $decideSuggestions(decisions);
          },
          { discrete: true },
        );
        return found;
      },
      focus: () => editor.focus(),
    };
    setReviewEditor(link);

    const unsubscribe = useReview.subscribe((state, previous) => {
      if (state.data !== previous.data || state.activeThreadId !== previous.activeThreadId || state.pendingThread !== previous.pendingThread) {
        decorateMarks(editor, marks);
      }
      if (state.me !== previous.me || state.data !== previous.data) scheduleIndex();
    });

    const unregister = mergeRegister(
      editor.registerMutationListener(MarkNode, onMarkMutations),
      editor.registerMutationListener(SuggestionInsertNode, scheduleIndex, { skipInitialization: false }),
      editor.registerMutationListener(SuggestionDeleteNode, scheduleIndex, { skipInitialization: false }),
      editor.registerMutationListener(SuggestionBreakNode, scheduleIndex, { skipInitialization: false }),
      editor.registerUpdateListener(({ dirtyLeaves, editorState }) => {
        if (dirtyLeaves.size === 0) return;
        const touchesSuggestion = editorState.read(() => {
          for (const key of dirtyLeaves) {
            const node = $getNodeByKey(key);
            if (node && $closestSuggestion(node)) return true;
          }
          return false;
        });
        if (touchesSuggestion) scheduleIndex();
      }),
      // A passage commented twice becomes marks with both ids rather than marks inside marks.
      registerNestedElementResolver<MarkNode>(
        editor,
        MarkNode,
        (from) => $createMarkNode(from.getIDs()),
        (from, to) => {
          for (const id of from.getIDs()) to.addID(id);
        },
      ),
      editor.registerCommand(
        START_COMMENT_COMMAND,
        () => {
          $syncSelectionFromDOM(editor);
          const selection = $getSelection();
          const quote = $isRangeSelection(selection) ? selection.getTextContent().replaceAll(COMPOSITION_PLACEHOLDER, '').trim() : '';
          if (!$isRangeSelection(selection) || selection.isCollapsed() || quote === '') {
            useReview.getState().announce(t('review.comments.selectFirst'));
            return true;
          }
          const review = useReview.getState();
          if (review.pendingThread) review.cancelThread();
          const id = newRecordId();
          $wrapSelectionInMarkNode(selection, selection.isBackward(), id);
          // Once the body has its mark (and the document its selection): the comment box the
          // panel opens then keeps the focus.
          $onUpdate(() => review.beginThread({ id, quote: quote.slice(0, 2000) }));
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (isCompositionKey(event, editor)) return false;
          // Only in the body itself: a photo's caption is a nested editor whose keys reach here.
          if (event.target !== editor.getRootElement() || !matchesShortcut(event, COMMENT_SHORTCUT)) return false;
          event.preventDefault();
          editor.dispatchCommand(START_COMMENT_COMMAND, undefined);
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
      editor.registerCommand(
        SELECTION_CHANGE_COMMAND,
        () => {
          const active = $activeThreadAtSelection();
          if (active !== null || !useReview.getState().pendingThread) useReview.getState().setActiveThread(active);
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
    scheduleIndex();

    return () => {
      unregister();
      unsubscribe();
      clearTimeout(indexTimer);
      if (recordTimer !== undefined) {
        clearTimeout(recordTimer);
        record();
      }
      setReviewEditor(null);
    };
  }, [editor, t]);

  // The previews show the body read-only, as if every suggestion were accepted or rejected;
  // "show resolved" off hides resolved threads' highlights.
  useEffect(() => {
    const apply = (preview: string, showResolved: boolean) => {
      const root = editor.getRootElement();
      if (!root) return;
      root.classList.toggle('review-preview-accepted', preview === 'accepted');
      root.classList.toggle('review-preview-rejected', preview === 'rejected');
      root.classList.toggle('review-hide-resolved', !showResolved);
      const editable = preview === 'none';
      if (editor.isEditable() !== editable) editor.setEditable(editable);
    };
    const { preview, showResolved } = useReview.getState();
    apply(preview, showResolved);
    const unsubscribe = useReview.subscribe((state, previous) => {
      if (state.preview !== previous.preview || state.showResolved !== previous.showResolved) apply(state.preview, state.showResolved);
    });
    const unregisterRoot = editor.registerRootListener(() => {
      const state = useReview.getState();
      apply(state.preview, state.showResolved);
    });
    return () => {
      unsubscribe();
      unregisterRoot();
      if (!editor.isEditable()) editor.setEditable(true);
    };
  }, [editor]);

  return suggestMode ? <SuggestionModePlugin /> : null;
}
