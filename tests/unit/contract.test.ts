import { describe, expect, expectTypeOf, test } from 'vitest';
import { type Client, createClient } from '../../electron/client.ts';
import { type Bridge, channels, type Output, requests } from '../../electron/contract.ts';
import { createDispatcher, type Handlers } from '../../electron/ipc.ts';
import { AppError } from '../../electron/model/errors.ts';

// The contract's promises to both sides: bad input never reaches a service, a service's error
// reaches the renderer with its code, and callers that do not fit the schemas do not compile.

function handlersThatRecord(calls: string[]): Handlers {
  return new Proxy({} as Handlers, {
    get: (_target, channel: string) => (input: unknown) => {
      calls.push(channel);
      if (channel === 'drafts.get') throw new AppError('not_found', 'errors.draftNotFound');
      if (channel === 'drafts.purge') throw new Error('disk on fire at /home/writer/secret');
      return input;
    },
  });
}

describe('the dispatcher', () => {
  test('refuses input that fails the schema before any handler runs', async () => {
    const calls: string[] = [];
    const dispatch = createDispatcher(handlersThatRecord(calls));
    const bad = [
      ['drafts.get', { id: 'not-a-uuid' }],
      ['drafts.list', { scope: 'everything' }],
      ['drafts.save', { id: crypto.randomUUID(), baseRevision: -1, article: {} }],
      ['drafts.list', { scope: 'active', extra: 'field' }],
      ['drafts.save', { id: crypto.randomUUID(), baseRevision: 1, article: { body: JSON.stringify({ root: { type: 'root', children: [{ text: 'no type' }] } }) } }],
      ['drafts.save', { id: crypto.randomUUID(), baseRevision: 1, article: { body: JSON.stringify({ root: { type: 'paragraph', children: [] } }) } }],
      ['drafts.save', { id: crypto.randomUUID(), baseRevision: 1, article: { body: '{"root": {"type": "root", "children": [' } }],
      ['drafts.save', { id: crypto.randomUUID(), baseRevision: 1, article: { body: { root: { type: 'root', children: [] } } } }],
      ['settings.update', { window: { width: 10, height: 10 } }],
    ] as const;
    for (const [channel, input] of bad) {
      const result = await dispatch(channel, input);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', messageKey: 'errors.invalidInput' } });
    }
    expect(calls).toEqual([]);
  });

  test('refuses a channel the contract does not declare', async () => {
    const dispatch = createDispatcher(handlersThatRecord([]));
    expect(await dispatch('shell.exec', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  test('keeps a service error\'s code and hides an unexpected error\'s details', async () => {
    const logged: unknown[] = [];
    const dispatch = createDispatcher(handlersThatRecord([]), (error) => logged.push(error));
    expect(await dispatch('drafts.get', { id: crypto.randomUUID() })).toEqual({
      ok: false,
      error: { code: 'not_found', messageKey: 'errors.draftNotFound' },
    });
    const hidden = await dispatch('drafts.purge', { id: crypto.randomUUID() });
    expect(hidden).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } });
    expect(JSON.stringify(hidden)).not.toContain('/home/writer');
    expect(logged).toHaveLength(1);
  });
});

describe('the client', () => {
  test('turns an error envelope back into an AppError the UI can translate', async () => {
    const bridge: Bridge = {
      invoke: async () => ({ ok: false, error: { code: 'conflict', messageKey: 'errors.draftChangedElsewhere', params: { revision: 4 } } }),
      on: () => () => {},
    };
    const error = await createClient(bridge).invoke('drafts.list', { scope: 'active' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'conflict', messageKey: 'errors.draftChangedElsewhere', params: { revision: 4 } });
  });

  test('callers that do not fit the schemas do not compile', () => {
    expectTypeOf<Client['invoke']>().toBeFunction();
    const client = createClient({ invoke: async () => ({ ok: true, value: [] }), on: () => () => {} });
    // Each line below must stay a type error; tsc fails the test run if one starts compiling.
    const check = () => {
      // @ts-expect-error the id must be a string
      void client.invoke('drafts.get', { id: 1 });
      // @ts-expect-error 'everything' is not a scope
      void client.invoke('drafts.list', { scope: 'everything' });
      // @ts-expect-error no such channel
      void client.invoke('drafts.format', {});
    };
    expect(check).toBeTypeOf('function');
    expectTypeOf<Output<'drafts.save'>>().toEqualTypeOf<{ revision: number; updatedAt: string }>();
  });

  test('every channel has an input and an output schema', () => {
    for (const channel of channels) {
      expect(requests[channel].input.safeParse).toBeTypeOf('function');
      expect(requests[channel].output.safeParse).toBeTypeOf('function');
    }
  });
});
