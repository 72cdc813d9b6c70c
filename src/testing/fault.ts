/**
 * A way for the fake server to misbehave on one request. Each kind is a failure or a quirk a
 * real API is known to show, so that a client's handling of it can be tested.
 */
export type Fault =
  | {
      /** Answers with this HTTP status and `success: false`. */
      readonly kind: 'status';
      /** The status: 429, 500, 502, 503, 401… */
      readonly status: number;
      /** The `Retry-After` header to send, as Cincopa would write it (`"2"`, an HTTP date). */
      readonly retryAfter?: string;
    }
  | {
      /** Destroys the connection without answering: the client sees a network error. */
      readonly kind: 'reset';
    }
  | {
      /** Never finishes the response, so that only the client's time limits end it. */
      readonly kind: 'stall';
      /** `nothing`: not even the headers; `headers`: headers and half a body. @default "nothing" */
      readonly after?: 'nothing' | 'headers';
    }
  | {
      /** Serves the asked page but writes another number in `items_data.page`. */
      readonly kind: 'wrong-page';
      /** The page number to echo. @default the asked page plus one */
      readonly echo?: number;
    }
  | {
      /** Serves another page than the one asked for, as a server that ignores or clamps `page`. */
      readonly kind: 'serve-page';
      /** The page served instead. */
      readonly page: number;
      /** Which number `items_data.page` carries: the asked one or the served one. @default "served" */
      readonly echo?: 'asked' | 'served';
    }
  | {
      /** Changes the JSON body before it is sent: miscounts, renamed fields, odd spellings. */
      readonly kind: 'rewrite';
      /** Receives the body the server would send and returns the one it sends. */
      readonly rewrite: (body: Record<string, unknown>) => unknown;
    }
  | {
      /** Sends this text as the body, as a PHP notice or an HTML error page would arrive. */
      readonly kind: 'raw';
      /** The body. */
      readonly body: string;
      /** HTTP status. @default 200 */
      readonly status?: number;
      /** `Content-Type`. @default "text/html; charset=UTF-8" */
      readonly contentType?: string;
    };

/** The methods of the fake server. */
export type FakeMethod = 'asset.list.json' | 'ping.json';

/** When a {@link Fault} strikes: every condition given must hold. */
export interface FaultRule {
  /** The fault to apply. */
  readonly fault: Fault;
  /** The method it applies to. @default "asset.list.json" */
  readonly method?: FakeMethod;
  /** The asked page (1 when the request names none), or a test on it; any page when absent. */
  readonly page?: number | ((page: number) => boolean);
  /** The nth request the server receives, counting every method from 1; any when absent. */
  readonly request?: number;
  /** How many matching requests the rule strikes; `Infinity` for all of them. @default 1 */
  readonly times?: number;
}

/** What a fault rule is matched against. */
export interface FaultTarget {
  readonly method: FakeMethod;
  readonly page: number;
  /** 1-based position of the request among all the server received. */
  readonly request: number;
}

/** The rules of one server, each with how many strikes it has left. */
export class FaultSchedule {
  readonly #rules: { rule: FaultRule; left: number }[];

  constructor(rules: readonly FaultRule[] = []) {
    this.#rules = rules.map((rule) => ({ rule, left: rule.times ?? 1 }));
  }

  /** The fault of the first rule that matches `target`, using up one of its strikes. */
  take(target: FaultTarget): Fault | undefined {
    const entry = this.#rules.find(({ rule, left }) => left > 0 && matches(rule, target));
    if (!entry) return undefined;
    entry.left--;
    return entry.rule.fault;
  }
}

function matches(rule: FaultRule, target: FaultTarget): boolean {
  if ((rule.method ?? 'asset.list.json') !== target.method) return false;
  if (rule.request !== undefined && rule.request !== target.request) return false;
  if (typeof rule.page === 'number') return rule.page === target.page;
  return rule.page ? rule.page(target.page) : true;
}
