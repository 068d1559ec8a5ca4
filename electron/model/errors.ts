import { z } from 'zod';

// Errors cross the process boundary as data: a stable code for programs and a message key the
// renderer translates, so the user reads it in their own language.
export const ErrorCode = z.enum([
  'invalid_input',
  'forbidden_sender',
  'unknown_channel',
  'not_found',
  'conflict',
  'storage_full',
  'storage_read_only',
  'storage_corrupt',
  // A remote site (publishing): what went wrong decides whether retrying can help.
  'offline',
  'timeout',
  'tls',
  'not_wordpress',
  'unauthorized',
  'forbidden',
  'too_large',
  'remote',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorPayload = z.object({
  code: ErrorCode,
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ErrorPayload = z.infer<typeof ErrorPayload>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly params: Record<string, string | number> | undefined;

  constructor(code: ErrorCode, messageKey: string, params?: Record<string, string | number>) {
    super(`${code}: ${messageKey}`);
    this.name = 'AppError';
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
  }

  toPayload(): ErrorPayload {
    return this.params
      ? { code: this.code, messageKey: this.messageKey, params: this.params }
      : { code: this.code, messageKey: this.messageKey };
  }
}
