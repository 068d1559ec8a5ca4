import { create } from 'zustand';
import type { DraftSummary } from '../../electron/model/article.ts';
import { api } from '../bridge.ts';

export type LibraryScope = 'active' | 'trash';

interface LibraryState {
  scope: LibraryScope;
  drafts: DraftSummary[];
  loaded: boolean;
  refresh(): Promise<void>;
  setScope(scope: LibraryScope): Promise<void>;
}

export const useLibrary = create<LibraryState>()((set, get) => ({
  scope: 'active',
  drafts: [],
  loaded: false,
  async refresh() {
    const scope = get().scope;
    const drafts = await api.invoke('drafts.list', { scope });
    // A scope switch while the list was loading must not show the old scope's drafts.
    if (get().scope === scope) set({ drafts, loaded: true });
  },
  async setScope(scope) {
    set({ scope, loaded: false });
    await get().refresh();
  },
}));

// Every window hears every change, so two windows on the same library stay in step.
api.on('drafts.changed', () => {
  void useLibrary.getState().refresh();
});
