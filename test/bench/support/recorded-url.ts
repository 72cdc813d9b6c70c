import { CincopaClient } from '../../../src/index.js';
import type { ServerProcess } from './server-process.js';

/**
 * The exact URL (token included) the SDK requests for `call`, so that the raw baseline
 * fetches the same bytes.
 */
export async function recordedUrl(
  server: ServerProcess,
  call: (client: CincopaClient) => Promise<unknown>,
): Promise<string> {
  let url: string | undefined;
  const client = new CincopaClient({
    apiToken: server.token,
    baseUrl: server.baseUrl,
    fetch: (input, init) => {
      url = input instanceof Request ? input.url : String(input);
      return fetch(input, init);
    },
  });
  await call(client);
  if (url === undefined) throw new Error('The SDK made no request to record.');
  return url;
}

/** The floor the SDK is measured against: `fetch` and `JSON.parse` of the body. */
export async function rawFetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  return JSON.parse(await response.text());
}
