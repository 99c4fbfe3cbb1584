import { describe, expect, it } from '@jest/globals';
import { formatAmount, localeSeparators, parseAmount, parseComment } from './numbers';

const value = (input: unknown, locale = 'en-US') => {
  const result = parseAmount(input, locale);
  return result.ok ? result.value : `error: ${result.reason}`;
};

describe('parseAmount (Excel-like en-US)', () => {
  it.each([
    ['1234', 1234],
    ['1,234', 1234],
    ['1,234.5', 1234.5],
    ['1,234,567.25', 1234567.25],
    ['.5', 0.5],
    ['12.', 12],
    ['  42  ', 42],
    ['1 234.5', 1234.5],
    ['1\u00a0234', 1234],
    ['$1,000', 1000],
    ['1000€', 1000],
    ['+7', 7],
    ['1e3', 1000],
    ['', null],
    [' ', null],
    [0, 0],
    [99.99, 99.99],
    ['-0', 0],
  ])('reads %j as %p', (input, expected) => {
    expect(value(input)).toBe(expected);
  });

  it.each(['abc', '12abc', '1,2', '1,23', '1.2.3', '1,,234', 'NaN', 'Infinity', '--1', '1e', '0x10', '=1+1', '١٢٣'])(
    'rejects %j as not a number',
    (input) => {
      expect(value(input)).toMatch(/is not a number/);
    },
  );

  it('says why, quoting what was typed and giving an example', () => {
    expect(parseAmount('abc', 'en-US')).toEqual({ ok: false, reason: '“abc” is not a number. Type a number such as 1,234.5.' });
  });

  it('rejects NaN and Infinity as numbers too', () => {
    expect(value(Number.NaN)).toMatch(/not a number/);
    expect(value(Number.POSITIVE_INFINITY)).toMatch(/not a number/);
  });

  it('enforces the contract bounds (0 … 1,000,000,000)', () => {
    expect(value('-5')).toMatch(/can't be negative/);
    expect(value('(5)')).toMatch(/can't be negative/);
    expect(value(-0.01)).toMatch(/can't be negative/);
    expect(value('1,000,000,000')).toBe(1_000_000_000);
    expect(value('1,000,000,001')).toMatch(/at most 1,000,000,000/);
  });

  it('refuses percentages rather than guessing', () => {
    expect(value('15%')).toMatch(/percentage/);
  });
});

describe("parseAmount in the user's locale", () => {
  it('knows the separators of a locale', () => {
    expect(localeSeparators('en-US')).toEqual({ group: ',', decimal: '.' });
    expect(localeSeparators('de-DE')).toEqual({ group: '.', decimal: ',' });
    expect(localeSeparators('xx-invalid-tag-!!')).toEqual({ group: ',', decimal: '.' });
  });

  it('reads German and Norwegian numbers, falling back to en-US where the locale cannot', () => {
    expect(value('1.234,5', 'de-DE')).toBe(1234.5);
    expect(value('1,5', 'de-DE')).toBe(1.5);
    expect(value('1.234', 'de-DE')).toBe(1234);
    expect(value('1234.5', 'de-DE')).toBe(1234.5);
    expect(value('1 234,5', 'nb-NO')).toBe(1234.5);
    expect(value('1\u00a0234,5', 'fr-FR')).toBe(1234.5);
    expect(value('abc', 'de-DE')).toMatch(/“abc” is not a number\. Type a number such as 1\.234,5\./);
  });

  it('stays en-US for en-US users (1,5 is not a number there)', () => {
    expect(value('1,5', 'en-US')).toMatch(/not a number/);
  });
});

describe('parseComment and formatAmount', () => {
  it('accepts up to 2,000 characters and says how many there were', () => {
    expect(parseComment('x'.repeat(2000))).toEqual({ ok: true, value: 'x'.repeat(2000) });
    expect(parseComment('x'.repeat(2001))).toEqual({
      ok: false,
      reason: expect.stringMatching(/at most 2,000 characters \(this one has 2,001\)/),
    });
    expect(parseComment(undefined)).toEqual({ ok: true, value: '' });
  });

  it('formats with grouping and at most two decimals', () => {
    expect(formatAmount(1234567.891, 'en-US')).toBe('1,234,567.89');
    expect(formatAmount(1234.5, 'de-DE')).toBe('1.234,5');
  });
});
