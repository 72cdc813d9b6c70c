import { Chaos, type ChaosOptions } from './chaos.js';
import { type FakeMethod, type Fault, type FaultRule, FaultSchedule } from './fault.js';
import { askedPage, listAssetsBody } from './list-assets-body.js';
import type { WireAsset } from './wire-asset.js';

/** How a fake Cincopa behaves: its account, its token, its limits and its faults. */
export interface FakeCincopaOptions {
  /** The assets the account holds, in listing order; see `generateAccount`. @default [] */
  readonly assets?: readonly WireAsset[];
  /** The only token the server accepts. @default "fake-cincopa-token" */
  readonly token?: string;
  /** The largest `items_per_page` the server honours; larger requests are clamped. @default 500 */
  readonly pageSizeCap?: number;
  /** Delay before each answer, in milliseconds. @default 0 */
  readonly latencyMs?: number;
  /** Faults on chosen requests: by method, page, position or count. @default [] */
  readonly faults?: readonly FaultRule[];
  /** Seeded random faults on `asset.list.json`, on top of `faults`. */
  readonly chaos?: ChaosOptions;
  /** Whether `items_data` figures are sent as numeric strings, as PHP may. @default false */
  readonly numericStrings?: boolean;
  /** What `ping.json` reports the token may do. @default "asset.read" */
  readonly permissions?: string;
  /**
   * Called as each request arrives, before it is answered: a test can change the account
   * here (with `account.setAssets`) to simulate uploads or deletions during a listing.
   */
  readonly onRequest?: (request: FakeRequest, account: FakeAccount) => void;
}

/** The account a fake serves, which a test may change while requests come in. */
export interface FakeAccount {
  /** The assets served now, in listing order. */
  readonly assets: readonly WireAsset[];
  /** Replaces the assets; later requests see the new list. */
  setAssets(assets: readonly WireAsset[]): void;
}

/** One request the fake received, with the token masked. */
export interface FakeRequest {
  /** HTTP method. */
  readonly method: string;
  /** Path and query, with `api_token` masked. */
  readonly url: string;
  /** The query parameters, without `api_token`. */
  readonly query: URLSearchParams;
  /** Whether the request carried the accepted token. */
  readonly authorized: boolean;
  /** The fault the request was answered with, if any. */
  readonly fault: Fault['kind'] | null;
}

/** How to answer one request; the HTTP layer (node:http or msw) carries it out. */
export type FakeReply =
  | {
      readonly kind: 'send';
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
    }
  | { readonly kind: 'reset' }
  | {
      readonly kind: 'stall';
      readonly after: 'nothing' | 'headers';
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
    };

/** The token a fake accepts unless told otherwise. */
export const FAKE_TOKEN = 'fake-cincopa-token';

const METHODS: readonly string[] = ['asset.list.json', 'ping.json'] satisfies FakeMethod[];

/**
 * The behaviour of the fake Cincopa API without its HTTP layer, shared by the loopback
 * server and the msw handlers so that both answer alike.
 */
export class CincopaResponder implements FakeAccount {
  /** Every request received so far, oldest first. */
  readonly requests: FakeRequest[] = [];
  /** The token the fake accepts. */
  readonly token: string;
  readonly #options: FakeCincopaOptions;
  readonly #schedule: FaultSchedule;
  readonly #chaos: Chaos | undefined;
  #assets: readonly WireAsset[];
  #received = 0;

  constructor(options: FakeCincopaOptions = {}) {
    this.#options = options;
    this.token = options.token ?? FAKE_TOKEN;
    this.#assets = options.assets ?? [];
    this.#schedule = new FaultSchedule(options.faults);
    this.#chaos = options.chaos && new Chaos(options.chaos);
  }

  get assets(): readonly WireAsset[] {
    return this.#assets;
  }

  setAssets(assets: readonly WireAsset[]): void {
    this.#assets = assets;
  }

  /**
   * Answers a request for `method` (the path after the API root, such as
   * `asset.list.json`) and logs it.
   */
  respond(httpMethod: string, method: string, url: URL): FakeReply {
    const query = new URLSearchParams(url.searchParams);
    query.delete('api_token');
    const authorized = url.searchParams.get('api_token') === this.token;
    const fault = METHODS.includes(method)
      ? this.#faultFor(method as FakeMethod, query)
      : undefined;
    const request = {
      method: httpMethod,
      url: maskedPath(url),
      query,
      authorized,
      fault: fault?.kind ?? null,
    };
    this.requests.push(request);
    this.#options.onRequest?.(request, this);
    return this.#answer(method, query, authorized, fault);
  }

  #faultFor(method: FakeMethod, query: URLSearchParams): Fault | undefined {
    this.#received++;
    const page = askedPage(query);
    const scheduled = this.#schedule.take({ method, page, request: this.#received });
    if (scheduled || method !== 'asset.list.json') return scheduled;
    return this.#chaos?.take(query.toString());
  }

  #answer(
    method: string,
    query: URLSearchParams,
    authorized: boolean,
    fault: Fault | undefined,
  ): FakeReply {
    if (!METHODS.includes(method)) {
      return json(404, { success: false, message: `No method named ${method}` });
    }
    if (fault?.kind === 'reset') return { kind: 'reset' };
    if (fault?.kind === 'status') return statusReply(fault.status, fault.retryAfter);
    if (fault?.kind === 'raw') return rawReply(fault);
    if (!authorized) return json(403, { success: false, message: 'api_token is not valid' });

    const body =
      method === 'ping.json'
        ? { success: true, accid: 'FAKE', permissions: this.#options.permissions ?? 'asset.read' }
        : this.#listing(query, fault);
    const reply = json(200, fault?.kind === 'rewrite' ? fault.rewrite(body) : body);
    if (fault?.kind !== 'stall') return reply;
    return { ...reply, kind: 'stall', after: fault.after ?? 'nothing' };
  }

  #listing(query: URLSearchParams, fault: Fault | undefined): Record<string, unknown> {
    const asked = askedPage(query);
    const served = fault?.kind === 'serve-page' ? fault.page : asked;
    let echoed = served;
    if (fault?.kind === 'serve-page' && fault.echo === 'asked') echoed = asked;
    if (fault?.kind === 'wrong-page') echoed = fault.echo ?? asked + 1;
    const settings = {
      pageSizeCap: this.#options.pageSizeCap ?? 500,
      numericStrings: this.#options.numericStrings ?? false,
    };
    return listAssetsBody(this.#assets, query, settings, { served, echoed });
  }
}

function json(status: number, body: unknown): FakeReply & { kind: 'send' } {
  return {
    kind: 'send',
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

function statusReply(status: number, retryAfter: string | undefined): FakeReply {
  const reply = json(status, { success: false, message: `Fake fault: HTTP ${status}` });
  if (retryAfter === undefined) return reply;
  return { ...reply, headers: { ...reply.headers, 'retry-after': retryAfter } };
}

function rawReply(fault: Fault & { kind: 'raw' }): FakeReply {
  return {
    kind: 'send',
    status: fault.status ?? 200,
    headers: { 'content-type': fault.contentType ?? 'text/html; charset=UTF-8' },
    body: fault.body,
  };
}

function maskedPath(url: URL): string {
  const copy = new URL(url);
  if (copy.searchParams.has('api_token')) copy.searchParams.set('api_token', '***');
  return `${copy.pathname}${copy.search}`;
}
