import { z } from 'zod';

/** An option that must be an AbortSignal, such as every call's `signal`. */
export const signalSchema = z.custom<AbortSignal>(
  (value) => value instanceof AbortSignal,
  'must be an AbortSignal',
);

/** An option that must be a function: a hook or a callback. */
export const functionSchema = z.custom<(...args: never[]) => unknown>(
  (value) => typeof value === 'function',
  'must be a function',
);
