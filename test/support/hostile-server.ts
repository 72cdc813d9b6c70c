import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** How the server misbehaves for one request. */
export type HostileBehaviour =
  | {
      readonly kind: 'json';
      readonly status: number;
      readonly body: unknown;
      readonly headers?: Record<string, string>;
    }
  | { readonly kind: 'text'; readonly status: number; readonly body: string }
  | { readonly kind: 'stall' }
  | { readonly kind: 'drip'; readonly everyMs: number }
  | { readonly kind: 'reset' }
  | {
      /** `bytes` of spaces (valid JSON padding), then `tail`; or spaces without end. */
      readonly kind: 'stream';
      readonly bytes: number | 'endless';
      readonly declareLength: boolean;
      readonly tail?: string;
    };

/** A loopback server that answers each request as its `rid` parameter says. */
export interface HostileServer {
  /** Pass as the client's `baseUrl`. */
  readonly baseUrl: string;
  /** Bytes written to response bodies so far. */
  bytesWritten(): number;
  /** Connections open now, idle keep-alive ones included. */
  openSockets(): number;
  /** Responses begun and not yet finished or cut off: a client still holding one. */
  activeResponses(): number;
  close(): Promise<void>;
}

const CHUNK = Buffer.alloc(64 * 1024, 0x20);

/**
 * Starts a server on 127.0.0.1 whose answer to `…?rid=NAME` is `behaviours[NAME]`: stalls,
 * drips, resets, endless or huge bodies, for tests that need real sockets.
 */
export async function startHostileServer(
  behaviours: Record<string, HostileBehaviour>,
): Promise<HostileServer> {
  let written = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let active = 0;
  const server = createServer((request, response) => {
    active++;
    response.on('close', () => active--);
    const rid = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('rid') ?? '';
    const behaviour = behaviours[rid] ?? { kind: 'json', status: 404, body: { success: false } };
    const count = (bytes: number) => (written += bytes);
    behave(behaviour, request, response, count, timers);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v2/`,
    bytesWritten: () => written,
    openSockets: () => sockets.size,
    activeResponses: () => active,
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearInterval(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function behave(
  behaviour: HostileBehaviour,
  request: IncomingMessage,
  response: ServerResponse,
  count: (bytes: number) => void,
  timers: Set<NodeJS.Timeout>,
): void {
  switch (behaviour.kind) {
    case 'json': {
      const text = JSON.stringify(behaviour.body);
      response.writeHead(behaviour.status, {
        'content-type': 'application/json',
        ...behaviour.headers,
      });
      count(Buffer.byteLength(text));
      return void response.end(text);
    }
    case 'text':
      response.writeHead(behaviour.status, { 'content-type': 'text/html' });
      count(Buffer.byteLength(behaviour.body));
      return void response.end(behaviour.body);
    case 'stall':
      return;
    case 'drip': {
      response.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => {
        count(1);
        response.write(' ');
      }, behaviour.everyMs);
      timers.add(timer);
      return void request.socket.on('close', () => clearInterval(timer));
    }
    case 'reset':
      return void request.socket.destroy();
    case 'stream':
      return stream(behaviour, response, count);
  }
}

/** Writes `bytes` of spaces then the tail (or spaces forever), as fast as they are read. */
function stream(
  behaviour: Extract<HostileBehaviour, { kind: 'stream' }>,
  response: ServerResponse,
  count: (bytes: number) => void,
): void {
  const tail = Buffer.from(behaviour.tail ?? '');
  const total = behaviour.bytes;
  const length =
    total !== 'endless' && behaviour.declareLength
      ? { 'content-length': String(total + tail.length) }
      : {};
  response.writeHead(200, { 'content-type': 'application/json', ...length });
  let sent = 0;
  const pump = () => {
    while (total === 'endless' || sent < total) {
      const size = total === 'endless' ? CHUNK.length : Math.min(CHUNK.length, total - sent);
      sent += size;
      count(size);
      if (!response.write(CHUNK.subarray(0, size))) return void response.once('drain', pump);
    }
    count(tail.length);
    response.end(tail);
  };
  response.on('close', () => response.removeAllListeners('drain'));
  pump();
}
