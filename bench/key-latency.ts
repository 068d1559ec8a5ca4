import type { Page } from 'playwright-core';

// Keystroke to paint as Chromium itself measures it: its EventLatency trace events run from the
// moment a key event is made to the moment the frame showing its effect is presented. That is
// the whole path (the key handlers, Lexical, Blink's editing, style, layout, paint, the
// compositor and the draw), with nothing of the probe's own scheduling in it. Only the
// 'benchmark' trace category is recorded, so tracing adds next to nothing to what it measures.
export async function keyLatencies(page: Page, typeKeys: () => Promise<void>): Promise<number[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['benchmark'] }, transferMode: 'ReportEvents' });
  try {
    await typeKeys();
  } finally {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
  }
  return keyPressLatencies(events);
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  pid: number;
  id?: string;
  id2?: { local?: string; global?: string };
  args?: { event_latency?: { event_type?: string } };
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
