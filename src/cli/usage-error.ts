/** The command line was wrong: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {
  /** The usage text to print after the message. */
  readonly usage: string;

  constructor(message: string, usage: string) {
    super(message);
    this.name = 'UsageError';
    this.usage = usage;
  }
}
