import type { IpcMain, WebFrameMain } from 'electron';
import { z } from 'zod';
import { channels, type Channel, type Envelope, isChannel, type Output, type ParsedInput, requests } from './contract.ts';
import { AppError, type ErrorPayload } from './model/errors.ts';

// Only `import type` from electron here: the dispatcher is shared with the test host, which
// runs in plain Node.

export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>) => Promise<Output<C>> | Output<C>;
};

export type Dispatch = (channel: unknown, raw: unknown) => Promise<Envelope<unknown>>;

function failure(error: ErrorPayload): Envelope<never> {
  return { ok: false, error };
}

// Input is parsed before any service sees it; a service's AppError keeps its code and message
// key; anything else is logged here and reaches the renderer as a generic internal error, so
// stack traces and paths never leave main.
export function createDispatcher(handlers: Handlers, log: (error: unknown) => void = console.error): Dispatch {
  return async (channel, raw) => {
    if (!isChannel(channel)) return failure({ code: 'unknown_channel', messageKey: 'errors.unknownChannel' });
    const parsed = requests[channel].input.safeParse(raw);
    if (!parsed.success) {
      return failure({
        code: 'invalid_input',
        messageKey: 'errors.invalidInput',
        params: { detail: z.prettifyError(parsed.error).slice(0, 500) },
      });
    }
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof AppError) return failure(error.toPayload());
      log(error);
      return failure({ code: 'internal', messageKey: 'errors.internal' });
    }
  };
}

export type SenderCheck = (frame: WebFrameMain | null) => boolean;

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, isTrustedSender: SenderCheck): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, raw: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        return failure({ code: 'forbidden_sender', messageKey: 'errors.forbiddenSender' });
      }
      return dispatch(channel, raw);
    });
  }
}
