import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { WireAsset } from './wire-asset.js';

/** Options of {@link startFakeCincopa}. */
export interface FakeCincopaOptions {
  /** The assets the account holds, in listing order. @default [] */
  readonly assets?: readonly WireAsset[];
  /** The only token the server accepts. @default "fake-cincopa-token" */
  readonly token?: string;
  /** The largest `items_per_page` the server honours; larger requests are clamped. @default 500 */
  readonly pageSizeCap?: number;
  /** Delay before each response, in milliseconds. @default 0 */
  readonly latencyMs?: number;
}

/** One request the fake server received, with the token masked. */
export interface FakeRequest {
  readonly method: string;
  /** Path and query, with `api_token` masked. */
  readonly url: string;
  /** The query parameters, without `api_token`. */
  readonly query: URLSearchParams;
  /** Whether the request carried the accepted token. */
  readonly authorized: boolean;
}

/** A running fake Cincopa API on 127.0.0.1. */
export interface FakeCincopa {
  /** Base URL to pass as the client's `baseUrl`, ending in `/v2/`. */
  readonly baseUrl: string;
  /** The token the server accepts. */
  readonly token: string;
  /** Every request received so far, oldest first. */
  readonly requests: FakeRequest[];
  /** Stops the server and closes its connections. */
  close(): Promise<void>;
}

const DEFAULT_TOKEN = 'fake-cincopa-token';
const DEFAULT_PAGE_SIZE = 50;

/**
 * Starts a fake of Cincopa's API on a free loopback port: `asset.list.json` (with `rid`,
 * `search`, `type`, `tag`, `reference_id`, `details` and pagination) and `ping.json`, both
 * checking the token the way the real API is reported to (HTTP 403, `success: false`).
 *
 * @example
 * ```ts
 * const server = await startFakeCincopa({ assets: [helpArticleAsset] });
 * const client = new CincopaClient({ apiToken: server.token, baseUrl: server.baseUrl });
 * // …
 * await server.close();
 * ```
 */
export async function startFakeCincopa(options: FakeCincopaOptions = {}): Promise<FakeCincopa> {
  const token = options.token ?? DEFAULT_TOKEN;
  const requests: FakeRequest[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const authorized = url.searchParams.get('api_token') === token;
    const query = new URLSearchParams(url.searchParams);
    query.delete('api_token');
    requests.push({ method: request.method ?? 'GET', url: maskedPath(url), query, authorized });

    const reply = () => route(url.pathname, query, authorized, options, response);
    if (options.latencyMs) setTimeout(reply, options.latencyMs);
    else reply();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v2/`,
    token,
    requests,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function route(
  pathname: string,
  query: URLSearchParams,
  authorized: boolean,
  options: FakeCincopaOptions,
  response: ServerResponse<IncomingMessage>,
): void {
  if (pathname !== '/v2/asset.list.json' && pathname !== '/v2/ping.json') {
    return sendJson(response, 404, { success: false, message: `No method at ${pathname}` });
  }
  if (!authorized)
    return sendJson(response, 403, { success: false, message: 'api_token is not valid' });
  if (pathname === '/v2/ping.json') {
    return sendJson(response, 200, { success: true, accid: 'FAKE', permissions: 'asset.read' });
  }
  sendJson(response, 200, listAssets(options, query));
}

function listAssets(options: FakeCincopaOptions, query: URLSearchParams): Record<string, unknown> {
  const matching = (options.assets ?? []).filter((asset) => matches(asset, query));
  const cap = options.pageSizeCap ?? 500;
  const perPage = Math.min(cap, positiveInt(query.get('items_per_page')) ?? DEFAULT_PAGE_SIZE);
  const page = positiveInt(query.get('page')) ?? 1;
  const details = new Set((query.get('details') ?? '').split(','));
  const items = matching
    .slice((page - 1) * perPage, page * perPage)
    .map((asset) => withDetails(asset, details));
  return {
    success: true,
    items,
    items_data: {
      page,
      items_per_page: perPage,
      items_count: matching.length,
      pages_count: Math.ceil(matching.length / perPage),
    },
    runtime: 0.01,
  };
}

function matches(asset: WireAsset, query: URLSearchParams): boolean {
  const rid = query.get('rid');
  const type = query.get('type');
  const tag = query.get('tag');
  const referenceId = query.get('reference_id');
  const search = query.get('search')?.toLowerCase();
  if (rid !== null && asset.rid !== rid) return false;
  if (type !== null && asset['type'] !== type) return false;
  if (tag !== null && !String(asset['tags'] ?? '').includes(`,${tag},`)) return false;
  if (referenceId !== null && asset['reference_id'] !== referenceId) return false;
  if (search !== undefined) {
    const text =
      `${String(asset['filename'] ?? '')} ${String(asset['caption'] ?? '')}`.toLowerCase();
    if (!text.includes(search)) return false;
  }
  return true;
}

/** Leaves out the attachment lists unless `details` asked for them, as the real API does. */
function withDetails(asset: WireAsset, details: ReadonlySet<string>): WireAsset {
  const { attached, attached_versions, ...rest } = asset;
  return {
    ...rest,
    rid: asset.rid,
    ...(details.has('attached') && attached !== undefined ? { attached } : {}),
    ...(details.has('attached_versions') && attached_versions !== undefined
      ? { attached_versions }
      : {}),
  };
}

function positiveInt(text: string | null): number | undefined {
  const value = Number(text);
  return text !== null && Number.isInteger(value) && value >= 1 ? value : undefined;
}

function maskedPath(url: URL): string {
  const copy = new URL(url);
  if (copy.searchParams.has('api_token')) copy.searchParams.set('api_token', '***');
  return `${copy.pathname}${copy.search}`;
}

function sendJson(response: ServerResponse<IncomingMessage>, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
