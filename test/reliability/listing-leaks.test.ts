// The token never shows in a listing's or an audit's failure, whether the page fails in flight
// or only as it is read. Every request goes to an in-process fetch on a loopback base URL.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';

import { CincopaClient, ListingError } from '../../src/index.js';
import { buildListBody, generateAccount } from '../../src/testing/index.js';
import { canarySpellings, phpSpellings } from '../support/canary-spellings.js';

const BASE = 'http://127.0.0.1:9/v2/';
const PER_PAGE = 2;
const PAGES = 6;
const account = generateAccount({ count: PER_PAGE * PAGES, seed: 11 }).assets;

const TOKENS = ['RVWtok3nZq81xPmUniq', 'Rv.t0k+/=~!é&<"\' x漢Q9'];

function pageOf(url: string) {
  return Number(new URL(url).searchParams.get('page') ?? 1);
}
function goodPage(page: number) {
  return new Response(
    JSON.stringify(
      buildListBody(account.slice((page - 1) * PER_PAGE, page * PER_PAGE), {
        page,
        itemsPerPage: PER_PAGE,
        itemsCount: account.length,
      }),
    ),
    { status: 200, headers: { 'content-type': 'application/json' } },
  );
}

/** Every string reachable from `root`, own properties (enumerable or not) included. */
function allStrings(root: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown, depth: number) => {
    if (typeof value === 'string') return void out.push(value);
    if (value === null || typeof value !== 'object' || seen.has(value) || depth > 8) return;
    seen.add(value);
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key === 'string') out.push(key);
      let child: unknown;
      try {
        child = (value as Record<PropertyKey, unknown>)[key];
      } catch {
        continue;
      }
      walk(child, depth + 1);
    }
    if (value instanceof Error) {
      out.push(value.message, value.stack ?? '', String(value));
      walk(value.cause, depth + 1);
    }
  };
  walk(root, 0);
  out.push(
    JSON.stringify(root) ?? '',
    inspect(root, { depth: null, showHidden: true }),
    String(root),
  );
  return out;
}

function leaks(token: string, error: unknown): string[] {
  const spellings = [...canarySpellings(token), encodeURIComponent(encodeURIComponent(token))];
  const found: string[] = [];
  for (const text of allStrings(error)) {
    for (const s of spellings) {
      const at = text.indexOf(s);
      if (at >= 0)
        found.push(
          `${JSON.stringify(s)} in …${text.slice(Math.max(0, at - 40), at + s.length + 10)}…`,
        );
    }
  }
  return found;
}

type Fault = (token: string, url: string) => Response | Promise<Response>;

// Spellings a server may echo (not the CSV-doubled quote, which only the CLI's CSV writes).
const serverSpellings = (token: string) =>
  [...canarySpellings(token), ...phpSpellings(token)].filter((s) => !s.includes('""'));
const everySpelling = (token: string) => serverSpellings(token).join(' | ');

const FAULTS: Record<string, Fault> = {
  'html 200 echoing token (body + content-type)': (t, url) =>
    new Response(`<html><b>Notice</b>: bad ${everySpelling(t)} at ${url}</html>`, {
      status: 200,
      headers: { 'content-type': `text/html; x=${encodeURIComponent(t)}` },
    }),
  'invalid JSON 200 echoing token': (t, url) =>
    new Response(`{"success":true,"url":${JSON.stringify(url)},"x":"${everySpelling(t)}`, {
      status: 200,
      headers: { 'content-type': 'application/json' },
    }),
  'validation failure: token in map keys and values': (t) => {
    const body = buildListBody(account.slice(2, 4), {
      page: 2,
      itemsPerPage: PER_PAGE,
      itemsCount: account.length,
    }) as Record<string, unknown>;
    const items = body['items'] as Record<string, unknown>[];
    const versions: Record<string, unknown> = {};
    for (const s of [t, ...serverSpellings(t).slice(0, 20)])
      versions[s] = { filesize: `${s}`, url: 1 };
    items[0] = {
      ...items[0],
      versions,
      filename: { t },
      attached: [{ type: t, filesize: t, versions: { [t]: { filesize: t } } }],
    };
    items[1] = { ...items[1], rid: 12, type: [t] };
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  },
  'success:false echoing token in PHP spellings': (t, url) =>
    new Response(
      JSON.stringify({
        success: false,
        message: `Bad api_token ${phpSpellings(t).join(' ')} ${url}`,
        error: t,
      }),
      {
        status: 200,
        headers: { 'content-type': 'application/json' },
      },
    ),
  'success:false message = token only': (t) =>
    new Response(JSON.stringify({ success: false, message: t }), { status: 200 }),
  '500 echoing token (fails in flight)': (t, url) =>
    new Response(`${url} ${everySpelling(t)}`, {
      status: 500,
      headers: { 'x-token': encodeURIComponent(t) },
    }),
  '401 echoing token': (t, url) =>
    new Response(JSON.stringify({ success: false, message: `${t} ${url}` }), { status: 401 }),
  '429 with long Retry-After echoing token': (t, url) =>
    new Response(`${url} ${t}`, { status: 429, headers: { 'retry-after': '99999' } }),
  '302 Location with token': (t, url) =>
    new Response(null, {
      status: 302,
      headers: { location: `http://127.0.0.1:9/login?next=${encodeURIComponent(url)}&t=${t}` },
    }),
  'network error quoting URL and token': (t, url) => {
    const inner = new Error(`connect ECONNRESET ${url} ${t}`);
    Object.assign(inner, { code: `E_${t}` });
    throw new TypeError(`fetch failed for ${url}`, { cause: inner });
  },
};

async function run(token: string, kind: 'list' | 'pages' | 'audit', fault: Fault) {
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const page = pageOf(request.url);
    if (page === 2) return fault(token, request.url);
    return goodPage(page);
  }) as typeof globalThis.fetch;
  const client = new CincopaClient({
    apiToken: token,
    baseUrl: BASE,
    fetch,
    retry: { limit: 1, baseDelay: 1, maxDelay: 2 },
  });
  const iterable =
    kind === 'audit'
      ? client.auditVersions({ itemsPerPage: PER_PAGE }, { concurrency: 2 })
      : kind === 'pages'
        ? client.listAssets({ itemsPerPage: PER_PAGE }, { concurrency: 2 }).pages()
        : client.listAssets({ itemsPerPage: PER_PAGE }, { concurrency: 2 });
  try {
    for await (const _x of iterable as AsyncIterable<unknown>) {
      // drain
    }
  } catch (error) {
    return error;
  }
  throw new Error('did not fail');
}

describe('no token in any text reachable from a ListingError', () => {
  for (const token of TOKENS)
    for (const [name, fault] of Object.entries(FAULTS))
      for (const kind of ['list', 'pages', 'audit'] as const)
        it(`${JSON.stringify(token)} / ${name} / ${kind}`, async () => {
          const error = await run(token, kind, fault);
          expect(error).toBeInstanceOf(ListingError);
          expect((error as ListingError).page).toBe(2);
          expect(leaks(token, error)).toEqual([]);
        });
});
