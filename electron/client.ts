import { type Bridge, type Channel, type EventName, type EventPayload, type Input, type Output } from './contract.ts';
import { AppError } from './model/errors.ts';

// The renderer's typed view of the contract. Every call is checked against the contract's
// schemas at compile time; the main process checks them again at run time.
export interface Client {
  invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createClient(bridge: Bridge): Client {
  return {
    async invoke(channel, input) {
      const result = await bridge.invoke(channel, input);
      if (result.ok) return result.value as never;
      throw new AppError(result.error.code, result.error.messageKey, result.error.params);
    },
    on(event, listener) {
      return bridge.on(event, (payload) => listener(payload as never));
    },
  };
}
