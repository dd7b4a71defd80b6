// Signed numbers as the product writes differences: one rule for points, attempts and times alike.
// Pure (no React, no DOM, no locale of the machine).

/** `x` rounded to `digits` and signed with `+`, `−` (a minus sign) or `±` for zero, never `−0`: `+1.5`, `−0.3`, `±0.0`. */
export function signed(x: number, digits: number): string {
  const r = Number(x.toFixed(digits));
  const sign = r > 0 ? '+' : r < 0 ? '−' : '±';
  return `${sign}${Math.abs(r).toFixed(digits)}`;
}
