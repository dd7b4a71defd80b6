// Each named way of writing a duration, with the strings people and tests rely on.
import { describe, expect, it } from 'vitest';
import {
  axisNumber,
  bareMs,
  clockSeconds,
  columnDuration,
  durationDelta,
  exactMs,
  exactMsNumber,
  plainMs,
  preciseDuration,
  roundedMs,
  roundedMsNumber,
  shortDuration,
  spokenDuration,
  tickDuration,
} from './duration';

/** Each case reads as written: `[ms, text]` where `format(ms)` is `text`. */
function readsAs(format: (ms: number) => string, cases: [number, string][]): void {
  it.each(cases)('%s ms reads %s', (ms, text) => {
    expect(format(ms)).toBe(text);
  });
}

/** The two grouped ways of writing ms, each with a number-only form for the first figure of a span. */
for (const { name, format, number, start, cases } of [
  {
    name: 'exactMs: the figure to check against the trace',
    format: exactMs,
    number: exactMsNumber,
    start: 4210,
    cases: [
      [0, '0 ms'],
      [950, '950 ms'],
      [1250, '1,250 ms'],
      [1250.46, '1,250.5 ms'],
      [1_234_567, '1,234,567 ms'],
    ] as [number, string][],
  },
  {
    name: 'roundedMs: read at a glance',
    format: roundedMs,
    number: roundedMsNumber,
    start: 4210.4,
    cases: [
      [0, '0 ms'],
      [205.5, '206 ms'],
      [1250.46, '1,250 ms'],
      [4210, '4,210 ms'],
    ] as [number, string][],
  },
]) {
  describe(name, () => {
    readsAs(format, cases);

    it('writes the same number without its unit, for a span such as 4,210–5,761 ms', () => {
      expect(`${number(start)}–${format(5761)}`).toBe('4,210–5,761 ms');
    });
  });
}

describe('shortDuration: a label', () => {
  readsAs(shortDuration, [
    [0, '0 ms'],
    [300, '300 ms'],
    [999, '999 ms'],
    [1000, '1 s'],
    [1250, '1.3 s'],
    [1500, '1.5 s'],
    [12_345_000, '12,345 s'],
  ]);
});

describe('preciseDuration: a computed wait, as it is', () => {
  readsAs(preciseDuration, [
    [0, '0 ms'],
    [250, '250 ms'],
    [999, '999 ms'],
    [1000, '1 s'],
    [1500, '1.5 s'],
    [12_345, '12.35 s'],
    [0.5, '0.5 ms'],
    [146.41, '146.41 ms'],
  ]);
});

describe('columnDuration and durationDelta: figures in a table', () => {
  it('one decimal always from a second up, none below; a dash for none', () => {
    expect(columnDuration(849.6)).toBe('850 ms');
    expect(columnDuration(1000)).toBe('1.0 s');
    expect(columnDuration(7296.8)).toBe('7.3 s');
    expect(columnDuration(null)).toBe('—');
  });

  it('a difference is signed, with a minus sign and ± for none', () => {
    expect(durationDelta(-1300)).toBe('−1.3 s');
    expect(durationDelta(250.4)).toBe('+250 ms');
    expect(durationDelta(0)).toBe('±0 ms');
    expect(durationDelta(null)).toBe('—');
  });
});

describe('spokenDuration: a caption', () => {
  readsAs(spokenDuration, [
    [0, '0 ms'],
    [0.4, '0 ms'],
    [200, '200 ms'],
    [205.52, '206 ms'],
    [999.4, '999 ms'],
    [999.6, '1 s'],
    [1250, '1.3 s'],
    [5000, '5 s'],
    [6499, '6.5 s'],
    [12_340, '12.3 s'],
    [60_000, '1 min'],
    [125_000, '2 min 5 s'],
    [Infinity, 'for ever'],
  ]);
});

describe('tickDuration: a time axis', () => {
  readsAs(tickDuration, [
    [0, '0'],
    [500, '500 ms'],
    [1000, '1 s'],
    [1500, '1.5 s'],
    [1050, '1.05 s'],
    [0.2, '0.2 ms'],
    [60000, '60 s'],
  ]);
});

describe('clockSeconds: the playback clock, in seconds with two decimals, never below zero', () => {
  readsAs(clockSeconds, [
    [0, '0.00 s'],
    [1240, '1.24 s'],
    [8900, '8.90 s'],
    [12_345.6, '12.35 s'],
    [-5, '0.00 s'],
    [Number.NaN, '0.00 s'],
  ]);
});

describe('numbers without their unit and what the model reads', () => {
  it('plainMs is exact and ungrouped, as the context says times', () => {
    expect(plainMs(1250)).toBe('1250 ms');
    expect(plainMs(0.1254)).toBe('0.125 ms');
  });

  it('bareMs is the number alone for a column headed in ms', () => {
    expect(bareMs(1250)).toBe('1250');
    expect(bareMs(12.54)).toBe('12.5');
    expect(bareMs(null)).toBe('—');
  });

  it('axisNumber writes a tick in the axis’s own unit', () => {
    expect(axisNumber(7500, 's')).toBe('7.5');
    expect(axisNumber(250, 'ms')).toBe('250');
  });
});
