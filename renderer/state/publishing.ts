import { create } from 'zustand';
import type { Input } from '../../electron/contract.ts';
import type { JobState, PublishJob } from '../../electron/model/publishing.ts';
import type { KeyringStatus, Site } from '../../electron/model/site.ts';
import { api } from '../bridge.ts';

// The WordPress sites the writer publishes to and the outbox of publishing jobs, as main
// reports them. Jobs move on in main (uploads, retries, a network that comes back); every
// change arrives as an 'outbox.changed' event and replaces the job here.

// A job whose state just changed, for the screen-reader announcement. `seq` grows with every
// change, so the same message said twice is still announced.
export interface JobChange {
  job: PublishJob;
  previous: JobState | null;
  seq: number;
}

interface PublishingState {
  sites: Site[];
  sitesLoaded: boolean;
  keyring: KeyringStatus | null;
  // Newest first, as outbox.list gives them.
  jobs: PublishJob[];
  jobsLoaded: boolean;
  lastChange: JobChange | null;
  loadSites(): Promise<void>;
  addSite(input: Input<'sites.add'>): Promise<Site>;
  verifySite(id: string): Promise<Site>;
  removeSite(id: string): Promise<void>;
  loadJobs(): Promise<void>;
  // A job as main returned or announced it: replaces the one with its id, or comes first.
  applyJob(job: PublishJob): void;
  cancelJob(id: string): Promise<void>;
  retryJob(id: string, keepMine?: boolean): Promise<void>;
}

let changes = 0;

export const usePublishing = create<PublishingState>()((set, get) => ({
  sites: [],
  sitesLoaded: false,
  keyring: null,
  jobs: [],
  jobsLoaded: false,
  lastChange: null,
  async loadSites() {
    const [sites, keyring] = await Promise.all([api.invoke('sites.list', {}), api.invoke('sites.keyring', {})]);
    set({ sites, keyring, sitesLoaded: true });
  },
  async addSite(input) {
    const site = await api.invoke('sites.add', input);
    set((state) => ({ sites: [...state.sites.filter((s) => s.id !== site.id), site] }));
    return site;
  },
  async verifySite(id) {
    const site = await api.invoke('sites.verify', { id });
    set((state) => ({ sites: state.sites.map((s) => (s.id === id ? site : s)) }));
    return site;
  },
  async removeSite(id) {
    await api.invoke('sites.remove', { id });
    set((state) => ({ sites: state.sites.filter((s) => s.id !== id) }));
  },
  async loadJobs() {
    const listed = await api.invoke('outbox.list', {});
    // Events that arrived while the list was on its way are newer than what it says.
    const known = new Map(get().jobs.map((job) => [job.id, job]));
    const jobs = listed.map((job) => newer(known.get(job.id), job));
    const listedIds = new Set(listed.map((job) => job.id));
    const extra = get().jobs.filter((job) => !listedIds.has(job.id));
    set({ jobs: sortJobs([...extra, ...jobs]), jobsLoaded: true });
  },
  applyJob(job) {
    const current = get().jobs;
    const existing = current.find((candidate) => candidate.id === job.id);
    const kept = newer(existing, job);
    if (kept === existing) return;
    const jobs = existing ? current.map((candidate) => (candidate.id === job.id ? kept : candidate)) : sortJobs([kept, ...current]);
    const previous = existing?.state ?? null;
    set(previous === kept.state ? { jobs } : { jobs, lastChange: { job: kept, previous, seq: ++changes } });
  },
  async cancelJob(id) {
    get().applyJob(await api.invoke('outbox.cancel', { id }));
  },
  async retryJob(id, keepMine = false) {
    get().applyJob(await api.invoke('outbox.retry', { id, keepMine }));
  },
}));

// Events and answers can cross: of two versions of a job, the one main changed last wins.
function newer(existing: PublishJob | undefined, incoming: PublishJob): PublishJob {
  if (existing && existing.updatedAt > incoming.updatedAt) return existing;
  return incoming;
}

function sortJobs(jobs: PublishJob[]): PublishJob[] {
  return jobs.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

api.on('outbox.changed', ({ job }) => usePublishing.getState().applyJob(job));
