import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { runCli } from '../../src/cli/run-cli.js';
import { type CanaryFailure, assetEchoing, canaryFailures } from '../support/canary-failures.js';
import { findCanary } from '../support/canary-spellings.js';
import { canaryToken } from '../support/canary-token.js';
import { captureCli } from '../support/cli-capture.js';
import { jsonReply, scriptedFetch } from '../support/scripted-fetch.js';

// Never contacted: `fetch` is replaced, since the CLI has no `fetch` option.
const BASE_URL = 'http://127.0.0.1:9/v2/';

// The CLI runs with the default time limits and retries, and cannot be aborted.
const cliFailures = canaryFailures.filter((failure) => failure.cli);

interface Invocation {
  readonly name: string;
  readonly args: readonly string[];
  readonly exit: number;
}

/**
 * A `fetch` that fails as the `PATH-n` rid says, or answers `ECHO` with an echoing asset.
 * Listings (no rid) hold two pages of echoing assets, and page 2 fails when the search
 * names a failure; `ping.json` echoes the token too.
 */
function cincopaFor(token: string) {
  return scriptedFetch((request, attempt) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/ping.json')) return pingEchoing(token.trim(), url);
    const rid = url.searchParams.get('rid');
    if (rid === null) return listingEchoing(token.trim(), url, request, attempt);
    if (rid === 'ECHO') {
      return jsonReply({ success: true, items: [assetEchoing(rid, token.trim())] });
    }
    if (rid === 'NONE') return jsonReply({ success: true, items: [] });
    return cliFailures[Number(rid.slice('PATH-'.length))]!.reply(request, attempt);
  });
}

function pingEchoing(token: string, url: URL) {
  const failure = url.searchParams.get('api_token') === token ? undefined : 'refused';
  if (failure) return jsonReply({ success: false, message: `token ${token} refused` }, 403);
  return jsonReply({ success: true, accid: `acc-${token}`, permissions: `asset.read,${token}` });
}

function listingEchoing(token: string, url: URL, request: Request, attempt: number) {
  const page = Number(url.searchParams.get('page') ?? '1');
  const failing = url.searchParams.get('search');
  if (page === 2 && failing !== null) {
    return cliFailures[Number(failing.slice('PATH-'.length))]!.reply(request, attempt);
  }
  const items = [assetEchoing(`${token}-${page}`, token), assetEchoing(`R${page}`, token)];
  return jsonReply({
    success: true,
    items,
    items_data: { page, items_per_page: 2, items_count: 4, pages_count: 2 },
  });
}

function failing(failure: CanaryFailure): Invocation {
  const path = `PATH-${cliFailures.indexOf(failure)}`;
  return { name: failure.name, args: ['get', path, '--base-url', BASE_URL], exit: 1 };
}

const immediate: Invocation[] = [
  ...cliFailures.filter((failure) => !failure.waits).map(failing),
  { name: 'an unknown rid', args: ['get', 'NONE', '--base-url', BASE_URL], exit: 1 },
  { name: 'a report', args: ['get', 'ECHO', '--base-url', BASE_URL], exit: 0 },
  { name: 'a JSON report', args: ['get', 'ECHO', '--json', '--base-url', BASE_URL], exit: 0 },
];

const waiting: Invocation[] = cliFailures.filter((failure) => failure.waits).map(failing);

const connection = ['--base-url', BASE_URL];
const auditing: Invocation[] = [
  ...['table', 'json', 'ndjson', 'csv'].map((format) => ({
    name: `audit --format ${format}`,
    args: ['audit', '--format', format, '--items-per-page', '2', ...connection],
    exit: 0,
  })),
  ...cliFailures
    .filter((failure) => !failure.waits)
    .map((failure) => ({
      name: `audit failing on page 2 with ${failure.name}`,
      args: ['audit', '--search', `PATH-${cliFailures.indexOf(failure)}`, ...connection],
      exit: 1,
    })),
  { name: 'doctor', args: ['doctor', ...connection], exit: 0 },
  {
    name: 'get with several rids',
    args: ['get', 'ECHO', 'NONE', 'PATH-0', ...connection],
    exit: 1,
  },
  {
    name: 'get --json with several rids',
    args: ['get', 'ECHO', 'NONE', 'PATH-0', '--json', ...connection],
    exit: 1,
  },
];

/** Runs `invocations` with `token` at once; returns what each printed and its exit code. */
async function runAll(token: string, invocations: readonly Invocation[]) {
  vi.stubGlobal('fetch', cincopaFor(token).fetch);
  const runs = invocations.map((invocation) => {
    const capture = captureCli({ CINCOPA_API_TOKEN: token });
    return runCli(invocation.args, capture.io).then((exit) => ({ invocation, capture, exit }));
  });
  let done = false;
  const all = Promise.all(runs).finally(() => (done = true));
  // Backoffs and time limits run on the fake clock when there is one.
  for (let round = 0; !done && vi.isFakeTimers() && round < 100; round++) {
    await vi.runAllTimersAsync();
  }
  return all;
}

/** Fails unless every invocation exited as expected and printed no spelling of `token`. */
async function expectSilent(token: string, invocations: readonly Invocation[]) {
  const results = await runAll(token, invocations);

  const wrongExits = results
    .filter(({ invocation, exit }) => exit !== invocation.exit)
    .map(({ invocation, exit, capture }) => `${invocation.name}: ${exit} ${capture.stderr()}`);
  const leaks = results.flatMap(({ invocation, capture }) =>
    findCanary(token, [capture.stdout(), capture.stderr()]).map(
      (leak) => `${invocation.name}: ${leak}`,
    ),
  );
  expect(wrongExits).toEqual([]);
  expect(leaks.slice(0, 3)).toEqual([]);
}

describe('the token canary in the CLI, for random tokens', () => {
  // The CLI prints messages, never stacks; capturing and source-mapping frames cost time.
  const stackTraceLimit = Error.stackTraceLimit;
  beforeAll(() => {
    Error.stackTraceLimit = 0;
  });
  afterAll(() => {
    Error.stackTraceLimit = stackTraceLimit;
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const everyInvocation = [
    ...immediate,
    ...auditing,
    ...waiting.map((invocation) => ({ ...invocation, waits: true })),
  ];

  it(`prints no token for any command and any failure (1000 runs over ${everyInvocation.length} invocations)`, async () => {
    const driven = new Set<string>();

    await fc.assert(
      fc.asyncProperty(
        canaryToken(),
        fc.constantFrom(...everyInvocation),
        async (token, invocation) => {
          // Backoffs and time limits (the CLI's defaults: seconds) run on a fake clock.
          if ('waits' in invocation)
            vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });

          await expectSilent(token, [invocation]);

          vi.useRealTimers();
          driven.add(invocation.name);
        },
      ),
      { numRuns: 1_000 },
    );

    expect(driven.size).toBe(new Set(everyInvocation.map((invocation) => invocation.name)).size);
  });

  it('prints no token for any command, all at once for one token (50 runs)', async () => {
    await fc.assert(
      fc.asyncProperty(canaryToken(), (token) => expectSilent(token, [...immediate, ...auditing])),
      { numRuns: 50 },
    );
  });
});
