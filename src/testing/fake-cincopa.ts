import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import {
  CincopaResponder,
  type FakeAccount,
  type FakeCincopaOptions,
  type FakeReply,
  type FakeRequest,
} from './cincopa-responder.js';

/** A running fake Cincopa API on 127.0.0.1. */
export interface FakeCincopa extends FakeAccount {
  /** Base URL to pass as the client's `baseUrl`, ending in `/v2/`. */
  readonly baseUrl: string;
  /** The token the server accepts. */
  readonly token: string;
  /** Every request received so far, oldest first; a test may empty it. */
  readonly requests: FakeRequest[];
  /** Stops the server and closes its connections, stalled ones included. */
  close(): Promise<void>;
}

const API_ROOT = '/v2/';

/**
 * Starts a fake of Cincopa's API on a free loopback port: `asset.list.json` (with `rid`,
 * `search`, `type`, `tag`, `reference_id`, `details` and pagination) and `ping.json`, both
 * checking the token the way the real API is reported to (HTTP 403, `success: false`).
 * Latency, a page-size cap and faults (statuses, resets, stalls, wrong pages) are opt-in.
 *
 * @example
 * ```ts
 * const { assets, totals } = generateAccount({ count: 2000, seed: 7 });
 * const server = await startFakeCincopa({
 *   assets,
 *   faults: [{ page: 3, fault: { kind: 'status', status: 503 } }],
 * });
 * const client = new CincopaClient({ apiToken: server.token, baseUrl: server.baseUrl });
 * // …
 * await server.close();
 * ```
 */
export async function startFakeCincopa(options: FakeCincopaOptions = {}): Promise<FakeCincopa> {
  const responder = new CincopaResponder(options);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = url.pathname.startsWith(API_ROOT)
      ? url.pathname.slice(API_ROOT.length)
      : url.pathname;
    const reply = responder.respond(request.method ?? 'GET', method, url);
    const send = () => carryOut(reply, request, response);
    if (options.latencyMs) setTimeout(send, options.latencyMs);
    else send();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${API_ROOT}`,
    token: responder.token,
    requests: responder.requests,
    get assets() {
      return responder.assets;
    },
    setAssets: (assets) => responder.setAssets(assets),
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function carryOut(
  reply: FakeReply,
  request: IncomingMessage,
  response: ServerResponse<IncomingMessage>,
): void {
  if (reply.kind === 'reset') {
    request.socket.destroy();
    return;
  }
  const length = Buffer.byteLength(reply.body);
  if (reply.kind === 'stall') {
    if (reply.after === 'nothing') return;
    response.writeHead(200, { ...reply.headers, 'content-length': length });
    response.write(reply.body.slice(0, Math.floor(reply.body.length / 2)));
    return;
  }
  response.writeHead(reply.status, { ...reply.headers, 'content-length': length });
  response.end(reply.body);
}
