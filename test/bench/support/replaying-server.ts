import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { CincopaResponder, type FakeRequest } from '../../../src/testing/cincopa-responder.js';
import type { WireAsset } from '../../../src/testing/index.js';
import { seededRandom } from '../../../src/testing/random.js';

/** A fake Cincopa that builds each answer once and replays it. */
export interface ReplayingServer {
  readonly baseUrl: string;
  readonly token: string;
  /** Every request received, replayed ones included; a caller may empty it. */
  readonly requests: FakeRequest[];
  close(): Promise<void>;
}

const API_ROOT = '/v2/';

/**
 * The fake Cincopa's answers, each built the first time its URL is asked for and replayed
 * after `latencyMs` (give or take `jitter`) from then on. A remote API answers concurrent requests on many machines
 * at once; a fake that builds every page on its one thread answers the requests of a round
 * one after the other, and an audit's wall time would then measure the fake. Warm-up runs
 * build the answers, so that timed runs wait for the latency alone.
 */
export async function startReplayingServer(options: {
  readonly assets: readonly WireAsset[];
  readonly latencyMs: number;
  /** Each wait is drawn from latencyMs × (1 ± jitter), from a fixed seed. @default 0 */
  readonly jitter?: number;
}): Promise<ReplayingServer> {
  const responder = new CincopaResponder({ assets: options.assets });
  const random = seededRandom(29);
  const jitter = options.jitter ?? 0;
  const latency = () => options.latencyMs * (1 - jitter + 2 * jitter * random());
  const built = new Map<string, { request: FakeRequest; status: number; body: Buffer }>();
  const requests: FakeRequest[] = [];

  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    let answer = built.get(path);
    if (!answer) {
      const url = new URL(path, 'http://127.0.0.1');
      const reply = responder.respond('GET', url.pathname.slice(API_ROOT.length), url);
      if (reply.kind !== 'send') throw new Error(`The replaying server cannot ${reply.kind}.`);
      const logged = responder.requests.pop() as FakeRequest;
      answer = { request: logged, status: reply.status, body: Buffer.from(reply.body) };
      built.set(path, answer);
    }
    requests.push(answer.request);
    const { status, body } = answer;
    setTimeout(() => {
      response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': body.length,
      });
      response.end(body);
    }, latency());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${API_ROOT}`,
    token: responder.token,
    requests,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
