// Pure helpers of the side-by-side comparison: which anti-pattern to show first, its text without the banner its
// heading already says, and stepping between differences. No React: tested beside it.
import type { AntiPatternKind } from '@/lib/engine';

/** The anti-pattern shown when none was chosen: the one with the most differing rows (the first such, in the order given). */
export function mostDifferent(renderings: readonly { kind: AntiPatternKind; differing: number }[]): AntiPatternKind {
  let best = renderings[0]?.kind ?? 'dropped';
  let most = -1;
  for (const r of renderings) {
    if (r.differing > most) {
      best = r.kind;
      most = r.differing;
    }
  }
  return best;
}

/**
 * The anti-pattern's text without its `ANTI-PATTERN (kind): …` first line (and the blank line after it), which its
 * column's heading says instead: else every comparison's first difference would be the banner.
 */
export function withoutBanner(text: string): string {
  if (!text.startsWith('ANTI-PATTERN (')) return text;
  const end = text.indexOf('\n');
  return end < 0 ? '' : text.slice(end + 1).replace(/^\n+/, '');
}

/** The 0-based difference to show after `i` of `n`, going `dir`, wrapping around. */
export function stepHunk(i: number, n: number, dir: 1 | -1): number {
  return n === 0 ? 0 : (i + dir + n) % n;
}
