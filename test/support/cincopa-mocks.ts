import { readFileSync } from 'node:fs';

import { http, HttpResponse } from 'msw';

import { DEFAULT_BASE_URL } from '../../src/index.js';

/** The token every msw-backed test uses; it must never show up in any output. */
export const TEST_TOKEN = 'tok_CANARY_9f8e7d6c';

/** The URL of `asset.list.json` at the default base URL. */
export const ASSET_LIST_URL = `${DEFAULT_BASE_URL}asset.list.json`;

/** A fixture file of `test/fixtures/` as text. */
export function fixtureText(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
}

/** A fixture file of `test/fixtures/` parsed as JSON. */
export function fixtureJson(name: string): unknown {
  return JSON.parse(fixtureText(name));
}

/** A successful `asset.list.json` body around `items`. */
export function listBody(items: unknown[], page = 1, pagesCount = 1): Record<string, unknown> {
  return {
    success: true,
    items,
    items_data: { page, items_per_page: 50, items_count: items.length, pages_count: pagesCount },
  };
}

/** Records every request a handler answers, so tests can assert the query and the count. */
export function assetListHandler(
  respond: (url: URL, count: number) => Response | Promise<Response>,
) {
  const seen: URL[] = [];
  const handler = http.get(ASSET_LIST_URL, ({ request }) => {
    const url = new URL(request.url);
    seen.push(url);
    return respond(url, seen.length);
  });
  return { handler, seen };
}

export { http, HttpResponse };
