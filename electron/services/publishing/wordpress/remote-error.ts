import { AppError, type ErrorCode } from '../../../model/errors.ts';

// How a failed conversation with a site reaches the writer: a code, a message key in their
// language saying what to do, and whether the outbox should try again by itself.

// Worth retrying without the writer doing anything: the network or the server may recover.
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['offline', 'timeout', 'remote']);

export function isRetryable(error: unknown): boolean {
  return error instanceof AppError && TRANSIENT.has(error.code) && error.params?.['retry'] !== 'no';
}

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_NOT_YET_VALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

// fetch() rejects with a TypeError whose cause carries the system's error code.
export function networkError(error: unknown, host: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new AppError('timeout', 'remote.timeout', { host });
  }
  const code = causeCode(error);
  if (code && TLS_CODES.has(code)) return new AppError('tls', 'remote.tls', { host, detail: code });
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') {
    return new AppError('timeout', 'remote.timeout', { host });
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new AppError('offline', 'remote.unknownHost', { host });
  return new AppError('offline', 'remote.offline', { host });
}

function causeCode(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

// A WordPress REST error answer: { code, message, data: { status } }.
export interface RestErrorBody {
  code?: string;
  message?: string;
}

export function httpError(status: number, body: RestErrorBody | undefined, host: string): AppError {
  const remoteCode = body?.code ?? '';
  if (status === 401) return new AppError('unauthorized', 'remote.unauthorized', { host });
  if (status === 403) return new AppError('forbidden', 'remote.forbidden', { host, detail: remoteCode });
  if (status === 404 && remoteCode === 'rest_no_route') return new AppError('not_wordpress', 'remote.noRoute', { host });
  if (status === 404) return new AppError('not_found', 'remote.notFound', { host, detail: remoteCode });
  if (status === 412) return new AppError('conflict', 'remote.changedOnSite', { host });
  if (status === 413) return new AppError('too_large', 'remote.tooLarge', { host });
  if (status === 408 || status === 429 || status >= 500) return new AppError('remote', 'remote.serverError', { host, status });
  // Other 4xx: the site refused this request as it is; sending it again will not help.
  return new AppError('remote', 'remote.rejected', { host, status, detail: (body?.message ?? remoteCode).slice(0, 300), retry: 'no' });
}
