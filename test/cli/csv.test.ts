import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { csvField, csvLine } from '../../src/cli/csv.js';
import { printable } from '../../src/cli/printable.js';
import { parseCsv } from './run.js';

describe('csvField', () => {
  it.each([
    ['plain.mp4', 'plain.mp4'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    [' padded ', '" padded "'],
    ['', ''],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes null as an empty field and numbers and booleans as text', () => {
    expect(csvLine([null, 12, false])).toBe(',12,false\r\n');
  });

  it('round-trips any text through an RFC 4180 reader', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }),
        (fields) => {
          expect(parseCsv(csvLine(fields))).toEqual([fields]);
        },
      ),
    );
  });
});

describe('printable', () => {
  it('escapes control characters and bidirectional overrides, and keeps the rest', () => {
    expect(printable('a\nb\t\u001b[2Jc\u202eé😀')).toBe('a\\nb\\t\\u001b[2Jc\\u202eé😀');
  });
});
