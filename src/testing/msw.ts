/**
 * The fake Cincopa as msw request handlers. Requires `msw` 2, an optional peer dependency.
 *
 * @module @org/cincopa-versions/testing/msw
 */
import { http, HttpResponse, type RequestHandler, delay } from 'msw';

import { DEFAULT_BASE_URL } from '../client-options.js';
import {
  CincopaResponder,
  type FakeAccount,
  type FakeCincopaOptions,
  type FakeReply,
  type FakeRequest,
} from './cincopa-responder.js';

/** Options of {@link cincopaHandlers}: those of the fake server, and where it answers. */
export interface CincopaHandlersOptions extends FakeCincopaOptions {
  /** The API root the handlers answer at. @default "https://api.cincopa.com/v2/" */
  readonly baseUrl?: string;
}

/** msw handlers that act as Cincopa, and what they saw. */
export interface CincopaHandlers extends FakeAccount {
  /** Pass these to `setupServer(...)` or `server.use(...)`. */
  readonly handlers: RequestHandler[];
  /** The token the handlers accept. */
  readonly token: string;
  /** Every request answered so far, oldest first, with the token masked. */
  readonly requests: FakeRequest[];
}

/**
 * msw request handlers that answer exactly as `startFakeCincopa` does, faults included, for
 * tests that mock `fetch` instead of starting a loopback server. Requires `msw` 2, an
 * optional peer dependency.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * import { cincopaHandlers } from '@org/cincopa-versions/testing/msw';
 *
 * const cincopa = cincopaHandlers({ assets: [helpArticleAsset] });
 * const server = setupServer(...cincopa.handlers);
 * server.listen();
 * const client = new CincopaClient({ apiToken: cincopa.token });
 * ```
 */
export function cincopaHandlers(options: CincopaHandlersOptions = {}): CincopaHandlers {
  const { baseUrl = DEFAULT_BASE_URL, ...behaviour } = options;
  const root = new URL(baseUrl);
  const rootPath = root.pathname.endsWith('/') ? root.pathname : `${root.pathname}/`;
  const responder = new CincopaResponder(behaviour);
  const handler = http.get(`${root.origin}${rootPath}*`, async ({ request }) => {
    const url = new URL(request.url);
    const reply = responder.respond(request.method, url.pathname.slice(rootPath.length), url);
    if (behaviour.latencyMs) await delay(behaviour.latencyMs);
    return carryOut(reply);
  });
  return {
    handlers: [handler],
    token: responder.token,
    requests: responder.requests,
    get assets() {
      return responder.assets;
    },
    setAssets: (assets) => responder.setAssets(assets),
  };
}

async function carryOut(reply: FakeReply): Promise<Response> {
  if (reply.kind === 'reset') return HttpResponse.error();
  if (reply.kind === 'send') {
    return new HttpResponse(reply.body, { status: reply.status, headers: reply.headers });
  }
  if (reply.after === 'nothing') await delay('infinite');
  return new HttpResponse(halfThenNothing(reply.body), { status: 200, headers: reply.headers });
}

// A body that sends its first half and then never ends, as a stalled server does.
function halfThenNothing(body: string): ReadableStream<Uint8Array> {
  const half = new TextEncoder().encode(body.slice(0, Math.floor(body.length / 2)));
  return new ReadableStream({ start: (controller) => controller.enqueue(half) });
}
