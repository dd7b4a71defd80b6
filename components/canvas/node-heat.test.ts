// The heat overlay's words and buckets: a failure is never rounded away to 100%.
import { describe, expect, it } from 'vitest';
import { heatBucket, heatText } from './node-heat';

describe('heat overlay', () => {
  it('says the success rate as the Per call table does: rounded to one decimal, never 100% unless every run succeeded', () => {
    expect([1, 0.9999, 0.9068, 0.934, 0.5, 0.0004, 0].map((v) => heatText(v))).toEqual([
      '100.0%',
      '>99.9%',
      '90.7%',
      '93.4%',
      '50.0%',
      '<0.1%',
      '0.0%',
    ]);
  });

  it('tints in five steps from red to green', () => {
    expect([1, 0.99, 0.98, 0.95, 0.9, 0.8, 0.6, 0.5, 0.2].map(heatBucket)).toEqual([4, 4, 3, 3, 2, 2, 1, 1, 0]);
  });
});
