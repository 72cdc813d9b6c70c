import { z } from 'zod';

// Compiling a page schema with `z.compile` takes about 5–30 ms and then saves about 0.5–3 ms
// per MB of response validated (docs/benchmarks.md): it pays for itself after roughly 4–15 MB.
// Compiling once that much has been validated costs at most about twice the better choice,
// whether the process goes on to read little or much more.
const COMPILE_AFTER_CHARACTERS = 10_000_000;

/**
 * A response schema that validates with zod's interpreter until it has read enough text for
 * compiling it to pay off, and with its `z.compile` clone from then on. The clone accepts and
 * returns the same as the schema, and falls back to it for any input it would reject, so
 * that issues keep their messages and paths. A program that makes a few calls never pays for
 * a compilation it would not recoup.
 *
 * @returns the schema to validate a body of `characters` characters with.
 */
export function compiledWhenWorthIt<T extends z.ZodType>(schema: T): (characters: number) => T {
  let charactersRead = 0;
  return (characters) => {
    if (charactersRead >= COMPILE_AFTER_CHARACTERS) return schema;
    charactersRead += characters;
    // Where code generation is forbidden (a strict CSP), this hands the schema back as it is.
    if (charactersRead >= COMPILE_AFTER_CHARACTERS) schema = z.compile(schema);
    return schema;
  };
}
