import { setupServer } from 'msw/node';

/** Requests msw saw without a handler; `msw-setup.ts` fails the test that made them. */
export const unhandledRequests: string[] = [];

/** The msw server every test file shares. Loopback requests (the fake Cincopa) pass through. */
export const mswServer = setupServer();

export function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
}
