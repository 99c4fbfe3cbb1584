import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseTsv, toTsv, tsvCell } from './tsv';

describe('parseTsv (Excel clipboard)', () => {
  it('reads rows and cells; the trailing newline is not an extra row', () => {
    expect(parseTsv('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
    expect(parseTsv('a\tb\nc\td\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseTsv('single')).toEqual([['single']]);
    expect(parseTsv('')).toEqual([]);
  });

  it('keeps empty cells, including trailing ones', () => {
    expect(parseTsv('a\t\tc\r\n\t\t\r\n')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ]);
    expect(parseTsv('a\t\n')).toEqual([['a', '']]);
  });

  it('reads quoted cells holding tabs, newlines and doubled quotes', () => {
    expect(parseTsv('"line one\nline two"\t"tab\there"\r\n"say ""hi"""\tplain\r\n')).toEqual([
      ['line one\nline two', 'tab\there'],
      ['say "hi"', 'plain'],
    ]);
  });

  it('treats a quote that does not close a cell as text, like Excel', () => {
    expect(parseTsv('5" screen\t"x\r\n')).toEqual([['5" screen', '"x']]);
    expect(parseTsv('"ab"c\td')).toEqual([['"ab"c', 'd']]);
  });

  it('accepts CR-only line ends (old Mac Excel)', () => {
    expect(parseTsv('1\t2\r3\t4\r')).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });
});

describe('toTsv', () => {
  it('writes CRLF rows with a trailing newline and quotes only what needs it', () => {
    expect(
      toTsv([
        [1, 'a'],
        [2.5, null],
      ]),
    ).toBe('1\ta\r\n2.5\t\r\n');
    expect(tsvCell('tab\there')).toBe('"tab\there"');
    expect(tsvCell('say "hi"')).toBe('"say ""hi"""');
    expect(tsvCell('two\nlines')).toBe('"two\nlines"');
    expect(toTsv([])).toBe('');
  });

  it('round-trips anything through parseTsv', () => {
    const rows = [
      ['plain', 'with\ttab', 'with\r\nnewline', '"quoted"', ''],
      ['=1+1', '5" screen', 'ünïcödé', ' spaced ', 'x'],
    ];
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });

  it('round-trips any block of cells (property)', () => {
    const block = fc.array(
      fc.array(fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\n', '\r', '"', 'é', '=') }), { minLength: 1, maxLength: 4 }),
      {
        maxLength: 5,
      },
    );
    fc.assert(fc.property(block, (rows) => expect(parseTsv(toTsv(rows))).toEqual(rows)));
  });
});
