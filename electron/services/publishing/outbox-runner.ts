import type { OutboxStore } from './outbox-store.ts';

export interface RunnerOptions {
  store: OutboxStore;
  // Runs one job to its next resting state (done, waiting, conflict, failed, cancelled).
  execute(jobId: string, signal: AbortSignal): Promise<void>;
  // The site a job talks to: one job per site at a time, so two publishes of one article
  // never race each other on the site.
  siteOf(jobId: string): string;
  now?: () => Date;
  maxParallel?: number;
  onError?: (error: unknown) => void;
}

// Starts the outbox's jobs when they are due, and again when they are next due. Jobs live in
// the database, so a restart picks up where the last run stopped.
export class OutboxRunner {
  readonly #options: RunnerOptions;
  readonly #running = new Map<string, { site: string; abort: AbortController; done: Promise<void> }>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(options: RunnerOptions) {
    this.#options = options;
  }

  start(): void {
    this.#options.store.requeueInterrupted();
    this.kick();
  }

  // Something changed (a job queued, retried, a site answering again): look at once.
  kick(): void {
    if (this.#closed) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#tick(), 0);
    this.#timer.unref?.();
  }

  isRunning(jobId: string): boolean {
    return this.#running.has(jobId);
  }

  // Stops a running job between two requests; the caller records it as cancelled.
  async abort(jobId: string): Promise<void> {
    const running = this.#running.get(jobId);
    if (!running) return;
    running.abort.abort(new DOMException('cancelled', 'AbortError'));
    await running.done.catch(() => {});
  }

  // Stops at once: running jobs are abandoned mid-request and, marked running in the database,
  // start again from their last recorded step next time (see start()).
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    for (const job of this.#running.values()) job.abort.abort(new DOMException('closing', 'AbortError'));
  }

  // Waits until no job is running and none is due: for tests and for a clean quit.
  async idle(): Promise<void> {
    for (;;) {
      const running = [...this.#running.values()];
      if (running.length === 0 && this.#options.store.due(this.#now()).length === 0) return;
      await Promise.allSettled(running.map((job) => job.done));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  #tick(): void {
    if (this.#closed) return;
    const limit = this.#options.maxParallel ?? 2;
    const busySites = new Set([...this.#running.values()].map((job) => job.site));
    for (const id of this.#options.store.due(this.#now())) {
      if (this.#running.size >= limit) break;
      if (this.#running.has(id)) continue;
      const site = this.#options.siteOf(id);
      if (busySites.has(site)) continue;
      busySites.add(site);
      const abort = new AbortController();
      const done = this.#options
        .execute(id, abort.signal)
        .catch((error: unknown) => (this.#options.onError ?? console.error)(error))
        .finally(() => {
          this.#running.delete(id);
          this.kick();
        });
      this.#running.set(id, { site, abort, done });
    }
    this.#sleepUntilNext();
  }

  #sleepUntilNext(): void {
    const next = this.#options.store.nextWake();
    if (!next) return;
    const delay = Math.max(0, Math.min(next.getTime() - this.#now().getTime(), 2 ** 31 - 1));
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#tick(), delay);
    this.#timer.unref?.();
  }

  #now(): Date {
    return (this.#options.now ?? (() => new Date()))();
  }
}
