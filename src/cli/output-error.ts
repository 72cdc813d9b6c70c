/** The data could not be written: a full disk, a closed pipe, a file that could not be moved. */
export class OutputError extends Error {
  /** The system's error code, such as `ENOSPC` or `EPIPE`, when there is one. */
  readonly code: string | undefined;

  constructor(cause: Error) {
    super(`Cannot write the output: ${cause.message}`, { cause });
    this.name = 'OutputError';
    this.code = (cause as NodeJS.ErrnoException).code;
  }
}
