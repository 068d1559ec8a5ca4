import { create } from 'zustand';
import type { ArticleStatus } from '../../electron/model/article.ts';
import { AppError, type ErrorPayload } from '../../electron/model/errors.ts';
import type { Person, ReviewData, ReviewRole, SuggestionKind } from '../../electron/model/review.ts';
import { api } from '../bridge.ts';
import type { BodySuggestion } from '../editor/review/body.ts';
import { stepsOf, type WorkflowChoice } from '../features/review/workflow.ts';
import { useDraft } from './draft.ts';
import { useLibrary } from './library.ts';
import { usePublishing } from './publishing.ts';
import { asAppError } from '../errors.ts';

// The open draft's review: its threads, suggestions and workflow as main keeps them, the account's
// role, and what the body shows of them (the order of the marked passages, the suggestions in it),
// which the editor reports here. The review panel, the workflow bar and the editor's review
// plugin all meet here, so none of them needs a handle on another.

export type ReviewTab = 'comments' | 'suggestions' | 'activity' | 'compare';
export type Preview = 'none' | 'accepted' | 'rejected';
export type Decision = 'accepted' | 'rejected';

export interface Me {
  person: Person;
  role: ReviewRole;
  siteId: string | null;
}

// What the panel asks of the body. The editor's review plugin provides it while a draft is open.
export interface ReviewEditor {
  // Selects a thread's passage in the body and scrolls to it; false when it is no longer there.
  revealThread(threadId: string): boolean;
  // Removes the marks of a thread that was never started (its first comment cancelled).
  dropMarks(threadId: string): void;
  revealSuggestion(suggestionId: string): boolean;
  // Applies decisions to the body; returns the ids it found there.
  decide(decisions: ReadonlyMap<string, Decision>): string[];
  focus(): void;
}

let reviewEditor: ReviewEditor | null = null;
export function setReviewEditor(editor: ReviewEditor | null): void {
  reviewEditor = editor;
}

interface PendingThread {
  id: string;
  quote: string;
}

interface ReviewState {
  draftId: string | null;
  data: ReviewData | null;
  me: Me | null;
  status: ArticleStatus | null;
  error: AppError | null;
  // What went wrong with the last workflow step, shown in the workflow bar.
  workflowError: AppError | null;
  // What went wrong reading the site's copy of the review data (damaged, or from a newer app),
  // shown in the panel as a notice until a pull finds it fine again.
  problem: ErrorPayload | null;
  // A short message for screen readers (and the panel's status line).
  notice: string;
  noticeSeq: number;
  busy: boolean;

  panelOpen: boolean;
  tab: ReviewTab;
  showResolved: boolean;
  suggestMode: boolean;
  preview: Preview;

  // Reported by the editor: thread ids in the order their passages appear, and the suggestions
  // in the body in document order.
  markOrder: string[];
  bodySuggestions: BodySuggestion[];
  activeThreadId: string | null;
  pendingThread: PendingThread | null;

  load(draftId: string): Promise<void>;
  refresh(): Promise<void>;
  openPanel(tab?: ReviewTab): void;
  closePanel(): void;
  setTab(tab: ReviewTab): void;
  setShowResolved(show: boolean): void;
  setSuggestMode(on: boolean): void;
  setPreview(preview: Preview): void;
  setActiveThread(id: string | null): void;
  reportBody(markOrder: string[], suggestions: BodySuggestion[]): void;
  announce(message: string): void;
  clearError(): void;

  beginThread(thread: PendingThread): void;
  cancelThread(): void;
  startThread(text: string): Promise<boolean>;
  reply(threadId: string, text: string): Promise<boolean>;
  resolve(threadId: string, resolved: boolean): Promise<void>;
  recordSuggestion(suggestionId: string, kind: SuggestionKind, text: string): Promise<void>;
  decide(ids: readonly string[], decision: Decision): Promise<void>;
  // scheduleAt (an ISO time with offset): the publish step schedules the post for then.
  transition(choice: WorkflowChoice, note: string, siteId: string, scheduleAt?: string): Promise<boolean>;
}

// An unexpected failure in review work is logged, then read as the app's error.
function reviewError(error: unknown): AppError {
  if (!(error instanceof AppError)) console.error(error);
  return asAppError(error);
}

export const useReview = create<ReviewState>()((set, get) => {
  // Runs a request for the open draft; its answer is dropped if another draft opened meanwhile.
  async function write<T>(draftId: string, request: () => Promise<T>, apply: (value: T) => void, field: 'error' | 'workflowError' = 'error'): Promise<boolean> {
    set({ busy: true, [field]: null });
    try {
      const value = await request();
      if (get().draftId === draftId) apply(value);
      return true;
    } catch (error) {
      if (get().draftId === draftId) set({ [field]: reviewError(error) });
      return false;
    } finally {
      if (get().draftId === draftId) set({ busy: false });
    }
  }

  return {
    draftId: null,
    data: null,
    me: null,
    status: null,
    error: null,
    workflowError: null,
    problem: null,
    notice: '',
    noticeSeq: 0,
    busy: false,
    panelOpen: false,
    tab: 'comments',
    showResolved: false,
    suggestMode: false,
    preview: 'none',
    markOrder: [],
    bodySuggestions: [],
    activeThreadId: null,
    pendingThread: null,

    async load(draftId) {
      if (get().draftId !== draftId) {
        set({
          draftId,
          data: null,
          me: null,
          status: null,
          error: null,
          workflowError: null,
          problem: null,
          suggestMode: false,
          preview: 'none',
          markOrder: [],
          bodySuggestions: [],
          activeThreadId: null,
          pendingThread: null,
        });
      }
      await get().refresh();
    },

    async refresh() {
      const draftId = get().draftId;
      if (!draftId) return;
      const [data, me, summary, problem] = await Promise.allSettled([
        api.invoke('review.get', { draftId }),
        api.invoke('review.me', { draftId }),
        api.invoke('drafts.summaries', { ids: [draftId] }),
        api.invoke('review.problem', { draftId }),
      ]);
      if (get().draftId !== draftId) return;
      set({
        data: data.status === 'fulfilled' ? data.value : get().data,
        me: me.status === 'fulfilled' ? me.value : get().me,
        status: summary.status === 'fulfilled' ? (summary.value[0]?.status ?? get().status) : get().status,
        error: data.status === 'rejected' ? reviewError(data.reason) : get().error,
        problem: problem.status === 'fulfilled' ? problem.value : get().problem,
      });
    },

    openPanel(tab) {
      set((state) => ({ panelOpen: true, tab: tab ?? state.tab }));
    },
    closePanel() {
      set({ panelOpen: false });
    },
    setTab(tab) {
      set({ tab });
    },
    setShowResolved(showResolved) {
      set({ showResolved });
    },
    setSuggestMode(suggestMode) {
      set({ suggestMode, preview: suggestMode ? 'none' : get().preview });
    },
    setPreview(preview) {
      set({ preview });
    },
    setActiveThread(activeThreadId) {
      if (get().activeThreadId !== activeThreadId) set({ activeThreadId });
    },
    reportBody(markOrder, bodySuggestions) {
      set({ markOrder, bodySuggestions });
    },
    announce(notice) {
      set((state) => ({ notice, noticeSeq: state.noticeSeq + 1 }));
    },
    clearError() {
      set({ error: null });
    },

    beginThread(pendingThread) {
      set({ pendingThread, panelOpen: true, tab: 'comments', activeThreadId: pendingThread.id, error: null });
    },
    cancelThread() {
      const pending = get().pendingThread;
      if (!pending) return;
      reviewEditor?.dropMarks(pending.id);
      set({ pendingThread: null });
    },
    async startThread(text) {
      const { draftId, pendingThread } = get();
      if (!draftId || !pendingThread) return false;
      // The mark is in the body already; saving it first means the thread never points at a
      // passage the stored draft does not have.
      await useDraft.getState().flush();
      return write(
        draftId,
        () => api.invoke('review.startThread', { draftId, threadId: pendingThread.id, quote: pendingThread.quote.slice(0, 2000), text }),
        (data) => set({ data, pendingThread: null }),
      );
    },
    async reply(threadId, text) {
      const draftId = get().draftId;
      if (!draftId) return false;
      return write(
        draftId,
        () => api.invoke('review.reply', { draftId, threadId, text }),
        (data) => set({ data }),
      );
    },
    async resolve(threadId, resolved) {
      const draftId = get().draftId;
      if (!draftId) return;
      await write(
        draftId,
        () => api.invoke('review.resolve', { draftId, threadId, resolved }),
        (data) => set({ data }),
      );
    },
    async recordSuggestion(suggestionId, kind, text) {
      const draftId = get().draftId;
      if (!draftId) return;
      try {
        const data = await api.invoke('review.suggest', { draftId, suggestionId, kind, text: text.slice(0, 20_000) });
        if (get().draftId === draftId) set({ data });
      } catch (error) {
        // A record with this id exists already (sent from another window): nothing is lost.
        if (error instanceof AppError && error.code === 'conflict') return;
        if (get().draftId === draftId) set({ error: reviewError(error) });
      }
    },
    async decide(ids, decision) {
      const draftId = get().draftId;
      if (!draftId || ids.length === 0 || !reviewEditor) return;
      // One's own suggestion not yet recorded (accepted straight after typing it) is recorded
      // first, so its decision has a record to go on.
      const { me, bodySuggestions } = get();
      const name = me?.person.name ?? '';
      for (const suggestion of bodySuggestions) {
        if (!ids.includes(suggestion.id) || suggestion.author !== name || suggestion.text === '') continue;
        if (get().data?.suggestions.some((record) => record.id === suggestion.id)) continue;
        await get().recordSuggestion(suggestion.id, suggestion.kind, suggestion.text);
      }
      const found = reviewEditor.decide(new Map(ids.map((id) => [id, decision])));
      // The body without the suggestion is saved before the record says it was decided.
      await useDraft.getState().flush();
      const recorded = new Set(get().data?.suggestions.map((record) => record.id));
      // A suggestion whose record has not reached this machine yet is decided in the body only.
      for (const suggestionId of found.filter((id) => recorded.has(id))) {
        const ok = await write(
          draftId,
          () => api.invoke('review.decide', { draftId, suggestionId, decision }),
          (data) => set({ data }),
        );
        if (!ok) return;
      }
    },

    async transition(choice, note, siteId, scheduleAt) {
      const draftId = get().draftId;
      if (!draftId) return false;
      // A step that would fail half-way (approved, then a schedule main refuses as past) is not
      // started: the same refusal main gives, before anything changes.
      if (scheduleAt && stepsOf(choice).length > 1 && !(Date.parse(scheduleAt) > Date.now())) {
        set({ workflowError: new AppError('invalid_input', 'publish.scheduleInPast') });
        return false;
      }
      // Whatever is typed goes with the step: the site gets the text as it is on screen.
      await useDraft.getState().flush();
      for (const action of stepsOf(choice)) {
        const ok = await write(
          draftId,
          () => api.invoke('review.transition', { draftId, siteId, action, note, ...(action === 'publish' && scheduleAt ? { scheduleAt } : {}) }),
          (result) => {
            set({ data: result.review, status: result.status });
            if (result.job) usePublishing.getState().applyJob(result.job);
          },
          'workflowError',
        );
        if (!ok) return false;
      }
      // A step changes the draft's status and revision in main: the editor reopens the draft so
      // autosave goes on from the new revision.
      try {
        const draft = await api.invoke('drafts.get', { id: draftId });
        const open = useDraft.getState();
        if (open.draftId === draftId && draft.revision !== open.revision) open.open(draft);
        if (get().draftId === draftId) set({ status: draft.status });
      } catch (error) {
        set({ workflowError: reviewError(error) });
      }
      return true;
    },
  };
});

export function getReviewEditor(): ReviewEditor | null {
  return reviewEditor;
}

// Another window, or a merge of what others wrote on the site, changed the open draft's review.
// A merge can bring the article too (the editor's suggestions, the writer's changes): when the
// stored draft moved on and nothing typed here is waiting to be saved, the editor reopens it.
api.on('review.changed', ({ draftId }) => {
  if (useReview.getState().draftId !== draftId) return;
  void useReview.getState().refresh();
  void reopenIfChanged(draftId);
});

async function reopenIfChanged(draftId: string): Promise<void> {
  try {
    const draft = await api.invoke('drafts.get', { id: draftId });
    const open = useDraft.getState();
    if (open.draftId !== draftId || open.saveState !== 'saved' || draft.revision <= open.revision) return;
    open.open(draft);
  } catch {
    // The draft went away: the library says so.
  }
}

// A status change elsewhere (a merge from the site, another window) shows in the bar: the
// library's rows are kept up to date with every change already.
useLibrary.subscribe((library, previous) => {
  if (library.drafts === previous.drafts) return;
  const { draftId, status } = useReview.getState();
  if (!draftId) return;
  const row = library.drafts.find((draft) => draft.id === draftId);
  if (row && row.status !== status) useReview.setState({ status: row.status });
});
