import type { RequestHandler } from 'msw';

/**
 * msw request handlers that answer like the fake Cincopa server, for tests that mock
 * `fetch` instead of starting a loopback server. Requires `msw` (an optional peer
 * dependency).
 */
export function cincopaHandlers(): RequestHandler[] {
  // TODO: filled in by the audit work (issue 3); the entry exists now for packaging checks.
  return [];
}
