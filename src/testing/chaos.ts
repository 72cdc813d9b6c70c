import type { Fault } from './fault.js';
import { seededRandom } from './random.js';

/** Seeded random faults on `asset.list.json`, for soak tests of retries. */
export interface ChaosOptions {
  /** Seed of the draws: the same seed strikes the same requests, in any arrival order. */
  readonly seed: number;
  /** Share of requests that fail, from 0 to 1. */
  readonly rate: number;
  /**
   * The faults drawn from.
   * @default 429 with `Retry-After: 0`, 500, 502, 503 and a connection reset
   */
  readonly faults?: readonly Fault[];
  /** The most faults one request (same query) receives, so that retrying succeeds. @default 1 */
  readonly maxPerRequest?: number;
}

const DEFAULT_FAULTS: readonly Fault[] = [
  { kind: 'status', status: 429, retryAfter: '0' },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 502 },
  { kind: 'status', status: 503 },
  { kind: 'reset' },
];

/**
 * Draws faults from a seed. Each draw depends only on the seed, the request's query and how
 * many times that query was asked before, never on the order in which concurrent requests
 * arrive, so a run is repeatable.
 */
export class Chaos {
  readonly #options: ChaosOptions;
  readonly #asked = new Map<string, { attempts: number; faults: number }>();

  constructor(options: ChaosOptions) {
    this.#options = options;
  }

  /** The fault for this request of `query`, if the draw strikes it. */
  take(query: string): Fault | undefined {
    const faults = this.#options.faults ?? DEFAULT_FAULTS;
    const seen = this.#asked.get(query) ?? { attempts: 0, faults: 0 };
    this.#asked.set(query, seen);
    seen.attempts++;
    if (seen.faults >= (this.#options.maxPerRequest ?? 1) || faults.length === 0) return undefined;

    const random = seededRandom(this.#options.seed ^ hashText(`${seen.attempts}|${query}`));
    if (random() >= this.#options.rate) return undefined;
    seen.faults++;
    return faults[Math.floor(random() * faults.length)];
  }
}

// FNV-1a: a stable 32-bit hash, enough to spread queries over seeds.
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  }
  return hash >>> 0;
}
