import { create } from 'zustand';
import type { TextCounts } from '../features/counts/manuscript.ts';

// The body's counts, recomputed after the writer pauses; the status bar reads them.
interface CountsState {
  counts: TextCounts | null;
  set(counts: TextCounts | null): void;
}

export const useCounts = create<CountsState>()((set) => ({
  counts: null,
  set: (counts) => set({ counts }),
}));
