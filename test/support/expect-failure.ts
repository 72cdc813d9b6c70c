import { expect } from 'vitest';

import { CincopaError } from '../../src/index.js';

/** The `CincopaError` that `promise` rejects with; fails the test if it resolves or rejects otherwise. */
export async function expectFailure(promise: Promise<unknown>): Promise<CincopaError> {
  const error = await promise.then(
    () => expect.fail('expected the call to fail'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CincopaError);
  return error as CincopaError;
}
