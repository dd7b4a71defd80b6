import { describe, expect, it } from 'vitest';
import { numberListText, numberText, parseNumber, parseNumberList, parseOptionalNumber, randomSeed } from './numbers';

describe('parseNumber', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    [' 7 ', 7],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['3.', 3],
    ['-2', -2],
    ['1e3', 1000],
    ['2.5E-1', 0.25],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  it.each(['', '   ', 'abc', '1,5', '0x10', '1e', 'NaN', 'Infinity', '--1', '1 2', '12ms'])(
    'refuses %j with "must be a number"',
    (text) => {
      expect(parseNumber(text)).toEqual({ ok: false, message: 'must be a number' });
    },
  );

  it('refuses a number too large to be finite', () => {
    expect(parseNumber('1e400')).toEqual({ ok: false, message: 'must be a finite number' });
  });
});

describe('parseOptionalNumber', () => {
  it('reads an empty field as null (none)', () => {
    expect(parseOptionalNumber('')).toEqual({ ok: true, value: null });
    expect(parseOptionalNumber('  ')).toEqual({ ok: true, value: null });
  });
  it('reads a number as that number and refuses words', () => {
    expect(parseOptionalNumber('3000')).toEqual({ ok: true, value: 3000 });
    expect(parseOptionalNumber('soon').ok).toBe(false);
  });
});

describe('parseNumberList', () => {
  it.each([
    ['1', [1]],
    ['1, 2, 3', [1, 2, 3]],
    ['1 2', [1, 2]],
    ['2,,3,', [2, 3]],
  ])('reads %j as %j', (text, value) => {
    expect(parseNumberList(text)).toEqual({ ok: true, value });
  });
  it('needs at least one attempt', () => {
    expect(parseNumberList(' , ')).toEqual({ ok: false, message: 'must list at least one attempt' });
  });
  it('names the part that is not a number', () => {
    expect(parseNumberList('1, two')).toEqual({ ok: false, message: 'must be numbers separated by commas (“two” is not a number)' });
  });
});

describe('formatting', () => {
  it('shows numbers so they parse back to themselves', () => {
    for (const n of [0, 1, 0.1, 1234567, 1e-7]) expect(parseNumber(numberText(n))).toEqual({ ok: true, value: n });
  });
  it('shows null and undefined as an empty field', () => {
    expect(numberText(null)).toBe('');
    expect(numberText(undefined)).toBe('');
  });
  it('lists attempts with commas', () => {
    expect(numberListText([1, 2, 3])).toBe('1, 2, 3');
    expect(numberListText(undefined)).toBe('');
  });
});

describe('randomSeed', () => {
  it.each([0, 0.5, 0.9999999999])('gives a uint32 for a draw of %d', (u) => {
    const s = randomSeed(() => u);
    expect(Number.isInteger(s)).toBe(true);
    expect(s).toBeGreaterThanOrEqual(0);
    expect(s).toBeLessThanOrEqual(4_294_967_295);
  });
});
