import { InvalidResponseError } from '../errors.js';
import type { TokenMasker } from './token-mask.js';

const decoder = new TextDecoder('utf-8');

/**
 * Reads a response body as text, refusing one larger than `limit` bytes as soon as it is
 * seen to be larger, so that a huge or endless body cannot exhaust memory.
 *
 * @throws {InvalidResponseError} `invalid_response` when the body exceeds `limit`.
 */
export async function readBody(
  response: Response,
  limit: number,
  requestUrl: string,
  mask: TokenMasker,
  signal?: AbortSignal,
): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    discard(response.body?.cancel());
    throw tooLarge(response, limit, requestUrl, mask);
  }
  if (!response.body) return '';

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  const aborted = whenAborted(signal, reader);
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted.promise]);
      // Cancelling ends a pending read as if the body were complete: never take that as the end.
      if (signal?.aborted) throw signal.reason;
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        discard(reader.cancel());
        throw tooLarge(response, limit, requestUrl, mask);
      }
      chunks.push(value);
    }
  } finally {
    aborted.release();
  }
  return decoder.decode(concat(chunks, size));
}

// A custom `fetch` (msw, a test double) may return a body that ignores the abort signal;
// racing each read against the signal keeps `timeout` a hard limit whatever the body does.
function whenAborted(signal: AbortSignal | undefined, reader: ReadableStreamDefaultReader) {
  let onAbort = () => undefined as void;
  const promise = new Promise<never>((_resolve, reject) => {
    onAbort = () => {
      reject(signal?.reason);
      discard(reader.cancel());
    };
  });
  promise.catch(() => undefined);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  return { promise, release: () => signal?.removeEventListener('abort', onAbort) };
}

// Cancelling tells the source to stop; waiting for it could hang on a stalled server.
function discard(cancelling: Promise<void> | undefined): void {
  cancelling?.catch(() => undefined);
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}

function tooLarge(
  response: Response,
  limit: number,
  requestUrl: string,
  mask: TokenMasker,
): InvalidResponseError {
  // A header is the server's text, and may echo the token.
  const contentType = response.headers.get('content-type');
  return new InvalidResponseError(
    'invalid_response',
    `Invalid response: the body is larger than \`maxResponseBytes\` (${limit} bytes).`,
    {
      status: response.status,
      requestUrl,
      contentType: contentType === null ? undefined : mask(contentType),
    },
  );
}
