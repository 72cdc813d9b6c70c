/** Answers one request of a {@link scriptedFetch}; `attempt` counts from 1. */
export type ScriptedReply = (request: Request, attempt: number) => Response | Promise<Response>;

/** A `fetch` for the client's `fetch` option that answers from a script, in process. */
export interface ScriptedFetch {
  /** Pass as the client's `fetch` option. */
  readonly fetch: typeof globalThis.fetch;
  /** Every request the client sent, oldest first. */
  readonly requests: Request[];
}

/**
 * A `fetch` that never touches the network: each request is answered by `reply`. It costs
 * microseconds per call, so that property tests can make thousands of calls.
 */
export function scriptedFetch(reply: ScriptedReply): ScriptedFetch {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    requests.push(request);
    return reply(request, requests.length);
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/** Never answers; rejects with the signal's reason once the request is aborted. */
export function stallUntilAborted(request: Request): Promise<never> {
  return new Promise((_resolve, reject) => {
    const { signal } = request;
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** A JSON response with `status` and extra `headers`. */
export function jsonReply(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

/** Fails the way undici does on a reset connection, with a cause that quotes `url`. */
export function connectionReset(url: string): never {
  const cause = Object.assign(new Error(`read ECONNRESET while fetching ${url}`), {
    code: 'ECONNRESET',
  });
  throw new TypeError(`fetch failed: ${url}`, { cause });
}
