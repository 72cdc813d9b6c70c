import type { CincopaClientOptions, CincopaErrorCode } from '../../src/index.js';
import { phpJson } from './canary-spellings.js';
import {
  type ScriptedReply,
  connectionReset,
  jsonReply,
  stallUntilAborted,
} from './scripted-fetch.js';

/** One way a call can fail, with a server that echoes the token wherever it can. */
export interface CanaryFailure {
  readonly name: string;
  /** The error code the call must reject with. */
  readonly code: CincopaErrorCode;
  readonly reply: ScriptedReply;
  /** Client options beyond the token; time limits are short so that a run stays cheap. */
  readonly options?: CincopaClientOptions;
  /** When the caller aborts: as the request is sent, or once a backoff wait has begun. */
  readonly abort?: 'during-request' | 'during-backoff';
  /** Whether the CLI (default time limits, no abort) can meet this failure too. */
  readonly cli: boolean;
  /** Whether the call waits (a backoff or a time limit) before it fails. */
  readonly waits?: boolean;
}

/** The token and the full URL as the server received them, in several spellings. */
export function echoOf(request: Request): string {
  const token = new URL(request.url).searchParams.get('api_token') ?? '';
  const form = new URLSearchParams({ t: token }).toString().slice(2);
  return `token ${token} at ${request.url} (form ${form}, encoded ${encodeURIComponent(token)})`;
}

const echoJson =
  (status: number, headers: Record<string, string> = {}): ScriptedReply =>
  (request) =>
    jsonReply({ success: false, message: echoOf(request), error: echoOf(request) }, status, {
      ...headers,
      'x-echo': encodeURIComponent(echoOf(request)),
    });

const phpReply =
  (status: number, body: (echo: string) => unknown): ScriptedReply =>
  (request) =>
    new Response(phpJson(body(echoOf(request))), {
      status,
      headers: { 'content-type': 'application/json' },
    });

/** A body the models reject, with the token in values, map keys and list entries. */
export function invalidBodyEchoing(request: Request): unknown {
  const token = new URL(request.url).searchParams.get('api_token') ?? '';
  const rid = new URL(request.url).searchParams.get('rid') ?? 'R';
  return {
    success: true,
    items: [
      {
        rid,
        filesize: token,
        versions: { [token]: { filesize: `${token}kb` } },
        attached: { [token]: { type: 'ver-1', filesize: token } },
      },
    ],
    items_data: { page: token, items_per_page: 50, items_count: 1, pages_count: 1 },
  };
}

/** `text` as a header value arrives: its UTF-8 bytes, each read as one Latin-1 character. */
export function asHeader(text: string): string {
  return String.fromCharCode(...new TextEncoder().encode(text));
}

const stall: ScriptedReply = (request) => stallUntilAborted(request);

/** Every failure path of one call, as the issue lists them. */
export const canaryFailures: readonly CanaryFailure[] = [
  { name: '401', code: 'auth_failed', reply: echoJson(401), cli: true },
  { name: '403', code: 'auth_failed', reply: phpReply(403, (m) => ({ message: m })), cli: true },
  { name: '404', code: 'http_error', reply: echoJson(404), cli: true },
  {
    name: '429 with a long Retry-After',
    code: 'rate_limited',
    reply: echoJson(429, { 'retry-after': '3600' }),
    cli: true,
  },
  {
    name: '429 with a short Retry-After, after retries',
    code: 'rate_limited',
    reply: echoJson(429, { 'retry-after': '0' }),
    waits: true,
    cli: true,
  },
  {
    name: '429 without Retry-After',
    code: 'rate_limited',
    reply: echoJson(429),
    waits: true,
    cli: true,
  },
  { name: '500 after retries', code: 'server_error', reply: echoJson(500), waits: true, cli: true },
  {
    name: '503 after retries',
    code: 'server_error',
    reply: (request) => new Response(`Service unavailable: ${echoOf(request)}`, { status: 503 }),
    waits: true,
    cli: true,
  },
  {
    name: 'a stall past timeout',
    code: 'timeout',
    reply: stall,
    options: { timeout: 1, retry: { limit: 1, baseDelay: 0 } },
    waits: true,
    cli: true,
  },
  {
    name: 'a stall past totalTimeout',
    code: 'timeout',
    reply: stall,
    options: { timeout: 60_000, totalTimeout: 3 },
    waits: true,
    cli: false,
  },
  {
    name: 'a reset connection',
    code: 'network',
    reply: (request) => connectionReset(request.url),
    waits: true,
    cli: true,
  },
  {
    name: "the caller's abort during a request",
    code: 'aborted',
    reply: stall,
    abort: 'during-request',
    cli: false,
  },
  {
    name: "the caller's abort during a backoff wait",
    code: 'aborted',
    reply: echoJson(503),
    options: { retry: { baseDelay: 60_000, maxDelay: 60_000 } },
    abort: 'during-backoff',
    waits: true,
    cli: false,
  },
  {
    name: 'a non-JSON body',
    code: 'invalid_response',
    reply: (request) =>
      new Response(`<b>Notice</b>: undefined index in ${echoOf(request)}\n{"success":true}`, {
        headers: { 'content-type': `text/html; charset=UTF-8; x=${asHeader(echoOf(request))}` },
      }),
    cli: true,
  },
  {
    name: 'a body that fails validation',
    code: 'validation_failed',
    reply: (request) => jsonReply(invalidBodyEchoing(request)),
    cli: true,
  },
  {
    name: 'an answer about another asset',
    code: 'validation_failed',
    reply: (request) => {
      const token = new URL(request.url).searchParams.get('api_token') ?? '';
      return new Response(phpJson({ success: true, items: [{ rid: token }] }));
    },
    cli: true,
  },
  {
    name: 'success: false',
    code: 'api_error',
    reply: phpReply(200, (m) => ({ success: false, message: m })),
    cli: true,
  },
  {
    name: 'a body larger than maxResponseBytes',
    code: 'invalid_response',
    reply: (request) => jsonReply({ success: true, items: [], padding: echoOf(request) }),
    options: { maxResponseBytes: 64 },
    cli: false,
  },
];

/** A valid asset whose every text field, file name and rendition key echoes the token. */
export function assetEchoing(rid: string, token: string): Record<string, unknown> {
  const attachment = (type: string) => ({
    type,
    filename: `${type} of ${token}.mp4`,
    filesize: 1234,
    content: { url: `https://cdn.example.invalid/${encodeURIComponent(token)}` },
  });
  return {
    rid,
    filename: `${token}.mp4`,
    caption: token,
    versions: { [token]: { name: token, filesize: '99', url: token } },
    attached: [attachment('ver-1'), attachment('original'), attachment(`subtitle-${token}`)],
  };
}
