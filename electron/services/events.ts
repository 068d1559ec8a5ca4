import type { EventName, EventPayload } from '../contract.ts';

// Services announce changes through this; main forwards them to windows, the test host to its
// event stream, tests to an array.
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}
