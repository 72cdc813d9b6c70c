import { delay } from 'msw';
import { describe, expect, it } from 'vitest';

import { CincopaClient, type CincopaClientOptions, CincopaError } from '../src/index.js';
import { HttpResponse, assetListHandler } from './support/cincopa-mocks.js';
import { mswServer } from './support/msw-server.js';
import { errorTexts, findLeaks } from './support/token-leaks.js';

// Characters that percent-encoding, form encoding and JSON escaping all spell differently.
const CANARY = 'CANARY+tok/en=&%2F é"\\9f';

type Scenario = {
  name: string;
  code: string;
  reply: () => Response | Promise<Response>;
  options?: CincopaClientOptions;
  abortAfterMs?: number;
};

const echo = `token was ${CANARY} / ${encodeURIComponent(CANARY)}`;
const stall = async () => {
  await delay('infinite');
  return HttpResponse.json({});
};
const json =
  (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  () =>
    HttpResponse.json(body as never, { status, headers });

const scenarios: Scenario[] = [
  { name: '401', code: 'auth_failed', reply: json({ success: false, message: echo }, 401) },
  { name: '403', code: 'auth_failed', reply: json({ success: false, message: echo }, 403) },
  { name: '404', code: 'http_error', reply: json({ message: echo }, 404) },
  {
    name: '429 with a long Retry-After',
    code: 'rate_limited',
    reply: json({ message: echo }, 429, { 'retry-after': '3600' }),
  },
  { name: '429 without Retry-After', code: 'rate_limited', reply: json({ message: echo }, 429) },
  { name: '500 after retries', code: 'server_error', reply: json({ error: echo }, 500) },
  {
    name: '503 after retries',
    code: 'server_error',
    reply: () => new HttpResponse(echo, { status: 503 }),
  },
  {
    name: 'a stall past timeout',
    code: 'timeout',
    reply: stall,
    options: { timeout: 20, retry: { limit: 1 } },
  },
  {
    name: 'a stall past totalTimeout',
    code: 'timeout',
    reply: stall,
    options: { totalTimeout: 40 },
  },
  { name: 'a reset connection', code: 'network', reply: () => HttpResponse.error() },
  { name: 'an abort during a request', code: 'aborted', reply: stall, abortAfterMs: 15 },
  {
    name: 'an abort during a backoff wait',
    code: 'aborted',
    reply: json({}, 503),
    options: { retry: { baseDelay: 10_000, maxDelay: 10_000 } },
    abortAfterMs: 30,
  },
  {
    name: 'a non-JSON body',
    code: 'invalid_response',
    reply: () =>
      new HttpResponse(`<b>Notice</b> ${echo}`, {
        headers: { 'content-type': `text/html; token=${CANARY}` },
      }),
  },
  {
    name: 'a body that fails validation',
    code: 'validation_failed',
    reply: json({ success: true, items: [{ rid: 'R', filesize: echo }] }),
  },
  { name: 'success: false', code: 'api_error', reply: json({ success: false, message: echo }) },
];

describe('the token canary', () => {
  it.each(scenarios)('never leaks the token through $name', async (scenario) => {
    mswServer.use(assetListHandler(scenario.reply).handler);
    const payloads: unknown[] = [];
    const controller = new AbortController();
    const client = new CincopaClient({
      apiToken: CANARY,
      retry: { baseDelay: 1, maxDelay: 2 },
      hooks: {
        onRequest: (event) => payloads.push(event),
        onResponse: (event) => payloads.push(event),
        onRetry: (event) => payloads.push(event),
      },
      ...scenario.options,
    });
    if (scenario.abortAfterMs) setTimeout(() => controller.abort(), scenario.abortAfterMs);

    const error = await client.getAssetVersions('R', { signal: controller.signal }).catch((e) => e);

    expect(error).toBeInstanceOf(CincopaError);
    expect(error.code).toBe(scenario.code);
    expect(findLeaks(CANARY, errorTexts(error))).toEqual([]);
    expect(
      findLeaks(
        CANARY,
        payloads.flatMap((payload) => errorTexts(payload)),
      ),
    ).toEqual([]);
    expect(payloads.length).toBeGreaterThan(0);
  });

  it('masks a token that a custom fetch quotes in its own error', async () => {
    const client = new CincopaClient({
      apiToken: CANARY,
      retry: false,
      fetch: async (input) => {
        const url = input instanceof Request ? input.url : String(input);
        throw new TypeError(`fetch failed for ${url}`, { cause: new Error(`socket to ${url}`) });
      },
    });

    const error = await client.getAssetVersions('R').catch((e) => e);

    expect(error.code).toBe('network');
    expect(error.message).toContain('api_token=***');
    expect(findLeaks(CANARY, errorTexts(error))).toEqual([]);
  });

  it('keeps the masked URL in every error, so it can still be debugged', async () => {
    mswServer.use(assetListHandler(json({}, 404)).handler);

    const error = await new CincopaClient({ apiToken: CANARY })
      .getAssetVersions('R')
      .catch((e) => e);

    expect(error.requestUrl).toBe(
      'https://api.cincopa.com/v2/asset.list.json?api_token=***&rid=R&details=caption%2Cdescription%2Cmusic_tags%2Cexif_tags%2Clong_description%2Crelated_link_text%2Crelated_link_url%2Creference_id%2Ctags%2Cmetauser_timeline%2Cappears_in_albums%2Cstoryboard%2Cattached%2Cattached_versions&items_per_page=50',
    );
  });
});
