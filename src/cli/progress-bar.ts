import type { ListingProgress } from '../list-assets.js';
import type { CliStream } from './cli-io.js';

const WIDTH = 24;

/** A one-line progress bar redrawn in place on a terminal. */
export class ProgressBar {
  readonly #stream: CliStream;
  #drawn = false;

  constructor(stream: CliStream) {
    this.#stream = stream;
  }

  /** Redraws the bar. */
  update({ pagesDone, pagesTotal, assetsSeen }: ListingProgress): void {
    const filled = Math.round((pagesDone / Math.max(1, pagesTotal)) * WIDTH);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}`;
    this.#stream.write(`\r[${bar}] ${pagesDone}/${pagesTotal} pages, ${assetsSeen} assets\u001b[K`);
    this.#drawn = true;
  }

  /** Erases the bar, so that what follows starts on a clean line. */
  clear(): void {
    if (!this.#drawn) return;
    this.#stream.write('\r\u001b[K');
    this.#drawn = false;
  }
}
