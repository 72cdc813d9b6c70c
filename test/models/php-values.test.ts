import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { byteSizeSchema, countSchema, phpList, phpMap } from '../../src/models/php-values.js';

describe('byteSizeSchema', () => {
  it.each([
    [123, 123],
    ['12345', 12345],
    [' 42 ', 42],
    [0, 0],
    ['0', 0],
  ])('reads %j as %j bytes', (input, expected) => {
    expect(byteSizeSchema.parse(input)).toBe(expected);
  });

  it.each([[''], [null], [undefined]])('reads %j as unknown (null), never 0', (input) => {
    expect(byteSizeSchema.parse(input)).toBeNull();
  });

  it.each([['12kb'], ['1.5'], ['-3'], [-3], [1.5], [Number.NaN], ['1e3'], [true], [{}]])(
    'rejects %j',
    (input) => {
      expect(byteSizeSchema.safeParse(input).success).toBe(false);
    },
  );

  it('names the received text in its issue', () => {
    const result = byteSizeSchema.safeParse('12kb');

    expect(result.error?.issues[0]?.message).toBe('Expected a size in bytes, received "12kb"');
  });
});

describe('countSchema', () => {
  it('reads numbers and numeric strings', () => {
    expect(countSchema.parse(3)).toBe(3);
    expect(countSchema.parse('7')).toBe(7);
  });

  it.each([[''], ['x'], [-1], [2.5], [null]])('rejects %j', (input) => {
    expect(countSchema.safeParse(input).success).toBe(false);
  });
});

describe('phpMap', () => {
  const schema = phpMap(z.number());

  it('reads an empty list as an empty map', () => {
    expect(schema.parse([])).toEqual({});
  });

  it('keeps a map as it is', () => {
    expect(schema.parse({ a: 1 })).toEqual({ a: 1 });
  });

  it('rejects a non-empty list where a map belongs', () => {
    expect(schema.safeParse([1, 2]).success).toBe(false);
  });
});

describe('phpList', () => {
  const schema = phpList(z.string());

  it('reads an object with numeric keys as a list in key order', () => {
    expect(schema.parse({ '10': 'c', '0': 'a', '2': 'b' })).toEqual(['a', 'b', 'c']);
  });

  it('reads an empty object as an empty list', () => {
    expect(schema.parse({})).toEqual([]);
  });

  it('rejects an object with other keys', () => {
    expect(schema.safeParse({ a: 'x' }).success).toBe(false);
  });
});
