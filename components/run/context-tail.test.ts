// A context too long to draw whole: the panel draws its end, from a line start, and says how much it left out.
import { describe, expect, it } from 'vitest';
import { contextTail, SHOWN_CHARS } from './context-panel';

describe('the context drawn in the panel', () => {
  it('is the whole context up to the limit', () => {
    const text = 'line\n'.repeat(100);
    expect(contextTail(text)).toEqual({ text, omitted: 0 });
  });

  it('is the end of a longer one, from the start of a line, with what was left out counted', () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `line ${i}: ${'x'.repeat(10)}`);
    const text = lines.join('\n');
    const shown = contextTail(text);
    expect(shown.text.length).toBeLessThanOrEqual(SHOWN_CHARS);
    expect(shown.omitted + shown.text.length).toBe(text.length);
    expect(text.slice(shown.omitted)).toBe(shown.text);
    expect(text[shown.omitted - 1]).toBe('\n');
    expect(shown.text.endsWith(lines.at(-1) ?? '')).toBe(true);
  });
});
