import { z } from 'zod';

import { describeReceived } from '../internal/received-value.js';

// Cincopa's back end is PHP. These schemas accept what PHP writes for a value without ever
// turning an empty or malformed value into 0, and are built once at module load.

const WHOLE_NUMBER = /^\s*\d+\s*$/;

/**
 * A size in bytes: a number or a numeric string. `""`, `null` and a missing value mean
 * "unknown" and become `null`, never 0; any other value (`"12kb"`, `true`) is an issue at its
 * path.
 */
// One transform that checks the type itself: sizes are the most frequent field of a page,
// and a union of three types piped into a transform cost a quarter of its validation time.
export const byteSizeSchema = z.transform((value: unknown, context): number | null => {
  if (value === undefined || value === null || value === '') return null;
  const size = toWholeNumber(value);
  if (size !== undefined) return size;
  context.addIssue({
    code: 'custom',
    message: `Expected a size in bytes, received ${describeReceived(value)}`,
    input: value,
  });
  return z.NEVER;
});

/** A whole, non-negative count sent as a number or a numeric string (`"3"`). */
export const countSchema = z.union([z.number(), z.string()]).transform((value, context) => {
  const count = toWholeNumber(value);
  if (count !== undefined) return count;
  context.addIssue({
    code: 'custom',
    message: `Expected a whole number, received ${describeReceived(value)}`,
    input: value,
  });
  return z.NEVER;
});

/** An id that PHP may send as a number or a string; always read as a string. */
export const idSchema = z.transform((id: unknown, context): string => {
  if (typeof id === 'string') return id;
  if (typeof id === 'number') return String(id);
  context.addIssue({
    code: 'custom',
    message: `Expected an id as text or a number, received ${describeReceived(id)}`,
    input: id,
  });
  return z.NEVER;
});

/** Optional text: a missing value stays missing and `null` stays `null`. */
export const textSchema = z.string().nullish();

/**
 * A map keyed by name. PHP writes an empty map as `[]`, so an empty list is read as an empty
 * map; a non-empty list where a map belongs is still an issue.
 */
export function phpMap<T extends z.ZodType>(value: T) {
  return z.preprocess(emptyListAsMap, z.record(z.string(), value));
}

/**
 * A list. PHP writes a list whose elements were removed as an object with numeric keys
 * (`{"0": …, "2": …}`); it is read back as a list in key order.
 */
export function phpList<T extends z.ZodType>(item: T) {
  return z.preprocess(numericKeyedObjectAsList, z.array(item));
}

function parseWholeNumber(text: string): number | undefined {
  return WHOLE_NUMBER.test(text) ? Number(text) : undefined;
}

function toWholeNumber(value: unknown): number | undefined {
  let number: number | undefined;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string') number = parseWholeNumber(value);
  return number !== undefined && Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

function emptyListAsMap(value: unknown): unknown {
  return Array.isArray(value) && value.length === 0 ? {} : value;
}

function numericKeyedObjectAsList(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (!keys.every((key) => WHOLE_NUMBER.test(key))) return value;
  return keys
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => (value as Record<string, unknown>)[key]);
}
