import { afterAll, afterEach, beforeAll, expect } from 'vitest';

import { isLoopback, mswServer, unhandledRequests } from './msw-server.js';

beforeAll(() => {
  mswServer.listen({
    onUnhandledRequest(request, print) {
      const url = new URL(request.url);
      if (isLoopback(url)) return;
      unhandledRequests.push(`${request.method} ${url.origin}${url.pathname}`);
      print.error();
    },
  });
});

afterEach(() => {
  mswServer.resetHandlers();
  const unhandled = unhandledRequests.splice(0);
  expect(unhandled, 'requests made without a mock').toEqual([]);
});

afterAll(() => {
  mswServer.close();
});
