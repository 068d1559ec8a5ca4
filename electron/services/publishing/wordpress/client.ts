import { AppError } from '../../../model/errors.ts';
import { httpError, networkError, type RestErrorBody } from './remote-error.ts';

// One account on one WordPress site, spoken to through the REST API with an application
// password. Routes go in `?rest_route=`, which works whether or not the site has pretty
// permalinks (the /wp-json/ path needs rewrites).

export interface Credentials {
  username: string;
  appPassword: string;
}

export interface ClientOptions {
  // The site's address, e.g. https://news.example.org or https://example.org/blog.
  url: string;
  credentials?: Credentials;
  // Injected for tests; the app uses Node's fetch.
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface Upload {
  bytes: Uint8Array;
  fileName: string;
  mime: string;
  onProgress?: (sent: number) => void;
}

export interface RestResponse<T> {
  body: T;
  headers: Headers;
}

const JSON_TIMEOUT_MS = 30_000;
// An upload may take long on a slow line; it fails only when no byte has moved for this long
// (see the stream below), not after a fixed total.
const UPLOAD_STALL_MS = 60_000;
const UPLOAD_CHUNK = 64 * 1024;
// A REST answer bigger than this is not one the app asked for.
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export class WordPressClient {
  readonly url: string;
  readonly host: string;
  readonly #authorization: string | undefined;
  readonly #fetch: typeof fetch;
  readonly #timeoutMs: number;

  constructor(options: ClientOptions) {
    this.url = normaliseSiteUrl(options.url);
    this.host = new URL(this.url).host;
    this.#fetch = options.fetch ?? fetch;
    this.#timeoutMs = options.timeoutMs ?? JSON_TIMEOUT_MS;
    if (options.credentials) {
      // WordPress shows application passwords in groups with spaces; it accepts them either way.
      const secret = `${options.credentials.username}:${options.credentials.appPassword.replace(/\s+/g, '')}`;
      this.#authorization = `Basic ${Buffer.from(secret, 'utf8').toString('base64')}`;
    }
  }

  routeUrl(route: string, query: Record<string, string | number | undefined> = {}): string {
    const url = new URL(`${this.url}/`);
    url.searchParams.set('rest_route', route);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    return url.toString();
  }

  get<T>(route: string, query?: Record<string, string | number | undefined>): Promise<RestResponse<T>> {
    return this.#send<T>(this.routeUrl(route, query), { method: 'GET' });
  }

  post<T>(route: string, json: unknown, headers: Record<string, string> = {}): Promise<RestResponse<T>> {
    return this.#send<T>(this.routeUrl(route), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(json),
    });
  }

  delete<T>(route: string, query?: Record<string, string | number | undefined>): Promise<RestResponse<T>> {
    return this.#send<T>(this.routeUrl(route, query), { method: 'DELETE' });
  }

  // A file as the body of POST /wp/v2/media, streamed so the writer sees progress in bytes.
  upload<T>(route: string, file: Upload): Promise<RestResponse<T>> {
    const { bytes, onProgress } = file;
    let sent = 0;
    const stall = new AbortController();
    let stallTimer = setTimeout(() => stall.abort(new DOMException('upload stalled', 'TimeoutError')), UPLOAD_STALL_MS);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= bytes.length) {
          controller.close();
          return;
        }
        const chunk = bytes.subarray(sent, Math.min(bytes.length, sent + UPLOAD_CHUNK));
        sent += chunk.length;
        clearTimeout(stallTimer);
        stallTimer = setTimeout(() => stall.abort(new DOMException('upload stalled', 'TimeoutError')), UPLOAD_STALL_MS);
        controller.enqueue(chunk);
        onProgress?.(sent);
      },
    });
    return this.#send<T>(
      this.routeUrl(route),
      {
        method: 'POST',
        headers: {
          'content-type': file.mime,
          'content-length': String(bytes.length),
          // RFC 6266: the ASCII fallback for old parsers, filename* for the real (Korean) name.
          'content-disposition': `attachment; filename="${asciiFallback(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        },
        body,
        duplex: 'half',
      } as RequestInit,
      stall.signal,
    ).finally(() => clearTimeout(stallTimer));
  }

  async #send<T>(url: string, init: RequestInit, signal?: AbortSignal): Promise<RestResponse<T>> {
    const headers = new Headers(init.headers);
    headers.set('accept', 'application/json');
    if (this.#authorization) headers.set('authorization', this.#authorization);
    let response: Response;
    try {
      response = await this.#fetch(url, {
        ...init,
        headers,
        redirect: 'follow',
        signal: signal ?? AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (error) {
      throw networkError(error, this.host);
    }
    let text: string;
    try {
      text = await readLimited(response, MAX_RESPONSE_BYTES);
    } catch (error) {
      throw networkError(error, this.host);
    }
    const body = parseJson(text);
    if (!response.ok) throw httpError(response.status, body as RestErrorBody | undefined, this.host);
    // A 200 that is not JSON is a web page: the address is not a WordPress REST API (or a
    // captive portal, or a login wall in front of it).
    if (body === undefined) throw new AppError('not_wordpress', 'remote.notWordPress', { host: this.host });
    return { body: body as T, headers: response.headers };
  }
}

export function normaliseSiteUrl(input: string): string {
  const trimmed = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new AppError('invalid_input', 'sites.invalidUrl');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('invalid_input', 'sites.invalidUrl');
  if (url.username || url.password) throw new AppError('invalid_input', 'sites.invalidUrl');
  // A link copied from the admin or the REST index still names the site itself.
  const path = url.pathname.replace(/\/(wp-admin|wp-json|wp-login\.php|index\.php)(\/.*)?$/, '').replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

function asciiFallback(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return ascii.trim() || 'file';
}

// Sites with PHP's display_errors on put notices before the JSON; what follows them is still
// the answer.
function parseJson(text: string): unknown {
  if (text === '') return undefined;
  for (const start of [0, text.search(/[[{]/)]) {
    if (start < 0) continue;
    try {
      return JSON.parse(start === 0 ? text : text.slice(start)) as unknown;
    } catch {
      // try the next reading
    }
  }
  return undefined;
}

async function readLimited(response: Response, limit: number): Promise<string> {
  const length = Number(response.headers.get('content-length') ?? 0);
  if (length > limit) throw new AppError('remote', 'remote.answerTooLarge', { retry: 'no' });
  const buffer = await response.arrayBuffer();
  if (buffer.byteLength > limit) throw new AppError('remote', 'remote.answerTooLarge', { retry: 'no' });
  // Some sites put a BOM or PHP notices before the JSON; the BOM at least is harmless.
  return new TextDecoder().decode(buffer).replace(/^\uFEFF/, '');
}
