import type { Page } from 'playwright-core';

// Keystroke to paint as Chromium itself measures it: its EventLatency trace events run from the
// moment a key event is made to the moment the frame showing its effect is presented. That is
// the whole path (the key handlers, Lexical, Blink's editing, style, layout, paint, the
// compositor and the draw), with nothing of the probe's own scheduling in it. Only the
// 'benchmark' trace category is recorded, so tracing adds next to nothing to what it measures.
export async function keyLatencies(page: Page, typeKeys: () => Promise<void>): Promise<number[]> {
  return keyPressLatencies(await traceDuring(page, ['benchmark'], typeKeys));
}

// Hangul typed through an input method comes as composition steps (a jamo each), with no key
// event to carry an EventLatency. Chromium's Event Timing measures each step's events instead,
// from the event's timestamp to the same presented frame (for a key, it agrees with EventLatency
// to the microsecond). One sample per step, from its first event: compositionstart for a
// syllable's first jamo, compositionupdate for the others and for the commit. A composition
// event's timestamp is taken when the page's main thread takes the step up, so unlike a key's,
// the figure leaves out any wait for a main thread still busy with something else.
export async function compositionLatencies(page: Page, compose: () => Promise<void>): Promise<number[]> {
  const timings = (await traceDuring(page, ['devtools.timeline'], compose))
    .filter((event) => event.name === 'EventTiming' && event.ph === 'b' && event.args?.data?.type !== undefined)
    .map((event) => event.args!.data!)
    .sort((a, b) => a.timeStamp! - b.timeStamp!);
  const latencies: number[] = [];
  let started: number | null = null;
  for (const { type, duration } of timings) {
    if (type === 'compositionstart') started = duration!;
    else if (type === 'compositionupdate') {
      latencies.push(started ?? duration!);
      started = null;
    }
  }
  if (latencies.length === 0) throw new Error('Chromium recorded no composition timings: is the trace category still "devtools.timeline"?');
  return latencies;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  pid: number;
  id?: string;
  id2?: { local?: string; global?: string };
  args?: { event_latency?: { event_type?: string }; data?: { type?: string; duration?: number; timeStamp?: number } };
}

async function traceDuring(page: Page, categories: string[], run: () => Promise<void>): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReportEvents' });
  try {
    await run();
  } finally {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return events;
}

// EventLatency is an async slice: a begin and an end with the same id, and ids are reused once
// an event is done, so begins and ends pair up in time order per process and id.
function keyPressLatencies(events: readonly TraceEvent[]): number[] {
  const open = new Map<string, { started: number; type: string }>();
  const latencies: number[] = [];
  const slices = events.filter((event) => event.name === 'EventLatency' && (event.ph === 'b' || event.ph === 'e'));
  for (const event of slices.sort((a, b) => a.ts - b.ts)) {
    const key = `${event.pid}:${event.id2?.local ?? event.id2?.global ?? event.id}`;
    if (event.ph === 'b') {
      open.set(key, { started: event.ts, type: event.args?.event_latency?.event_type ?? '' });
      continue;
    }
    const begun = open.get(key);
    open.delete(key);
    if (begun?.type === 'KEY_PRESSED') latencies.push((event.ts - begun.started) / 1000);
  }
  if (latencies.length === 0) throw new Error('Chromium recorded no key latencies: is the trace category still "benchmark"?');
  return latencies;
}
