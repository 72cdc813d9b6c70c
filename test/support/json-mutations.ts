import fc from 'fast-check';

/** One change to a JSON value, at the slot numbered `at` (modulo the number of slots). */
export type Mutation =
  | { readonly kind: 'drop'; readonly at: number }
  | { readonly kind: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'number-as-string'; readonly at: number }
  | { readonly kind: 'string-as-number'; readonly at: number; readonly value: number }
  | { readonly kind: 'swap-container'; readonly at: number }
  | { readonly kind: 'huge-string'; readonly at: number; readonly length: number }
  | { readonly kind: 'nest'; readonly at: number; readonly depth: number }
  | {
      readonly kind: 'add-key';
      readonly at: number;
      readonly key: string;
      readonly value: unknown;
    };

/** One change to the body's text, made after the JSON is written. */
export type TextMutation =
  | { readonly kind: 'none' }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'random-bytes'; readonly bytes: Uint8Array }
  | { readonly kind: 'prefix'; readonly text: string };

const slot = fc.nat();

// Keys that mean something to JavaScript objects, promises or the models.
const awkwardKeys = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'then',
  'success',
  'items',
  'ver-1',
  'original',
  '',
  '0',
  '-1',
);

/** Mutations of the kinds the issue lists: dropped keys, swapped types, nulls, and more. */
export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: slot }),
  fc.record({
    kind: fc.constant('replace' as const),
    at: slot,
    value: fc.oneof(
      fc.constantFrom(null, [], {}, '', 0, -1, 1.5, true, '12kb', 'ver-1', '[]', Number.MAX_VALUE),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  }),
  fc.record({ kind: fc.constant('number-as-string' as const), at: slot }),
  fc.record({
    kind: fc.constant('string-as-number' as const),
    at: slot,
    value: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  }),
  fc.record({ kind: fc.constant('swap-container' as const), at: slot }),
  fc.record({
    kind: fc.constant('huge-string' as const),
    at: slot,
    length: fc.integer({ min: 10_000, max: 200_000 }),
  }),
  fc.record({
    kind: fc.constant('nest' as const),
    at: slot,
    depth: fc.integer({ min: 100, max: 20_000 }),
  }),
  fc.record({
    kind: fc.constant('add-key' as const),
    at: slot,
    key: awkwardKeys,
    value: fc.jsonValue({ maxDepth: 1 }),
  }),
);

/** Text mutations: none most often, then truncation, random bytes and junk before the JSON. */
export const textMutationArbitrary: fc.Arbitrary<TextMutation> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'none' as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('random-bytes' as const),
      bytes: fc.uint8Array({ maxLength: 512 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('prefix' as const),
      text: fc.constantFrom('\ufeff', '  \n', '<br />\n<b>Notice</b>: x\n', '\u0000', ")]}'\n"),
    }),
  },
);

interface Slot {
  readonly parent: Record<string, unknown> | unknown[];
  readonly key: string | number;
}

const NEST_MARK = '\u0000nest\u0000';

/**
 * Applies `mutations` to a copy of `base` and writes the result as a body. Deep nesting is
 * written as text, so that its depth never strains a recursive serializer.
 */
export function mutatedBody(
  base: unknown,
  mutations: readonly Mutation[],
  text: TextMutation,
): Uint8Array<ArrayBuffer> {
  const root = { value: structuredClone(base) };
  const nests: number[] = [];
  for (const mutation of mutations) applyMutation(root, mutation, nests);
  let json = JSON.stringify(root.value) ?? 'null';
  for (const depth of nests) {
    json = json.replace(JSON.stringify(NEST_MARK), `${'['.repeat(depth)}1${']'.repeat(depth)}`);
  }
  return new Uint8Array(applyText(new TextEncoder().encode(json), text));
}

function applyMutation(root: { value: unknown }, mutation: Mutation, nests: number[]): void {
  const slots = slotsOf(root);
  const target = slots[mutation.at % slots.length]!;
  const current = (target.parent as Record<string | number, unknown>)[target.key];
  const set = (value: unknown) => {
    (target.parent as Record<string | number, unknown>)[target.key] = value;
  };
  switch (mutation.kind) {
    case 'drop':
      return drop(target);
    case 'replace':
      return set(mutation.value);
    case 'number-as-string':
      return set(typeof current === 'number' ? String(current) : current);
    case 'string-as-number':
      return set(typeof current === 'string' ? mutation.value : current);
    case 'swap-container':
      return set(swapContainer(current));
    case 'huge-string':
      return set('x'.repeat(mutation.length));
    case 'nest':
      nests.push(mutation.depth);
      return set(NEST_MARK);
    case 'add-key':
      return addKey(current, mutation.key, mutation.value);
  }
}

function drop(target: Slot): void {
  if (Array.isArray(target.parent)) target.parent.splice(Number(target.key), 1);
  else delete target.parent[target.key as string];
}

function swapContainer(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.length === 0 ? {} : Object.fromEntries(value.map((item, i) => [i * 2, item]));
  }
  if (value !== null && typeof value === 'object') {
    return Object.keys(value).length === 0 ? [] : Object.values(value);
  }
  return value;
}

function addKey(container: unknown, key: string, value: unknown): void {
  if (container === null || typeof container !== 'object' || Array.isArray(container)) return;
  Object.defineProperty(container, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Every slot of the tree, the root's own included, in depth-first order. */
function slotsOf(root: { value: unknown }): Slot[] {
  const slots: Slot[] = [];
  const visit = (parent: Record<string, unknown> | unknown[], key: string | number) => {
    slots.push({ parent, key });
    const value = (parent as Record<string | number, unknown>)[key];
    if (value === null || typeof value !== 'object') return;
    for (const [childKey] of Object.entries(value)) {
      visit(value as Record<string, unknown>, Array.isArray(value) ? Number(childKey) : childKey);
    }
  };
  visit(root as unknown as Record<string, unknown>, 'value');
  return slots;
}

function applyText(bytes: Uint8Array, text: TextMutation): Uint8Array {
  switch (text.kind) {
    case 'none':
      return bytes;
    case 'truncate':
      return bytes.slice(0, text.at % (bytes.length + 1));
    case 'random-bytes':
      return text.bytes;
    case 'prefix':
      return new Uint8Array([...new TextEncoder().encode(text.text), ...bytes]);
  }
}
