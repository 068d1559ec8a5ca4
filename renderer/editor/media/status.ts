import { create } from 'zustand';
import type { AssetStatus } from '../../../electron/model/asset.ts';
import type { AppError } from '../../../electron/model/errors.ts';
import { api } from '../../bridge.ts';

// What the body's photos are doing: imports under way and what went wrong, for the status line
// under the toolbar; and whether each photo's file is still in the asset store.

export interface MediaProblem {
  id: number;
  // The file the problem is about, when there is one.
  name: string | null;
  error: AppError;
}

interface ImportState {
  // Photos handed to the store since the line was last empty, and how many of them are done.
  total: number;
  done: number;
  // The name of the one photo being added, when only one is.
  current: string | null;
  problems: MediaProblem[];
}

export const useMediaImports = create<ImportState>()(() => ({ total: 0, done: 0, current: null, problems: [] }));

let problemIds = 0;
const MAX_PROBLEMS = 5;

export const mediaImports = {
  begin(names: readonly string[]): void {
    useMediaImports.setState((state) => ({
      total: state.total + names.length,
      current: state.total === state.done && names.length === 1 ? names[0]! : null,
    }));
  },
  finish(count = 1): void {
    useMediaImports.setState((state) => {
      const done = state.done + count;
      return done >= state.total ? { total: 0, done: 0, current: null } : { done };
    });
  },
  fail(name: string | null, error: AppError): void {
    useMediaImports.setState((state) => ({ problems: [...state.problems, { id: ++problemIds, name, error }].slice(-MAX_PROBLEMS) }));
  },
  dismiss(id: number): void {
    useMediaImports.setState((state) => ({ problems: state.problems.filter((problem) => problem.id !== id) }));
  },
  clear(): void {
    useMediaImports.setState({ problems: [] });
  },
};

// 'unchecked' when main could not be asked; 'unknown' until it answers.
type KnownState = AssetStatus['state'] | 'unchecked';
export type AssetState = KnownState | 'unknown';

export const useAssetStates = create<{ states: Record<string, KnownState> }>()(() => ({ states: {} }));

export function useAssetState(id: string): AssetState {
  return useAssetStates((state) => state.states[id] ?? 'unknown');
}

const CHECK_BATCH = 1000;
const queued = new Set<string>();
let checkTimer: ReturnType<typeof setTimeout> | undefined;

// Asks main whether these photos' files are still whole. Calls made together go as one request.
export function checkAssets(ids: Iterable<string>): void {
  for (const id of ids) queued.add(id);
  if (queued.size === 0 || checkTimer !== undefined) return;
  checkTimer = setTimeout(() => void runChecks(), 30);
}

async function runChecks(): Promise<void> {
  checkTimer = undefined;
  const ids = [...queued];
  queued.clear();
  for (let start = 0; start < ids.length; start += CHECK_BATCH) {
    const batch = ids.slice(start, start + CHECK_BATCH);
    try {
      setAssetStates(await api.invoke('assets.check', { ids: batch }));
    } catch {
      // Not knowing is not a reason to hide the photo: its thumbnail still tells when the file
      // cannot be read.
      setAssetStates(batch.map((id) => ({ id, state: 'unchecked' as const })));
    }
  }
}

export function setAssetStates(statuses: ReadonlyArray<{ id: string; state: KnownState }>): void {
  if (statuses.length === 0) return;
  useAssetStates.setState((state) => {
    const next = { ...state.states };
    for (const { id, state: value } of statuses) next[id] = value;
    return { states: next };
  });
}
