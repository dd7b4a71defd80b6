// Field text ↔ numbers for the inspector: strict parsing (never NaN into a plan) and stable formatting.
// Pure functions, no React: unit-tested in numbers.test.ts.

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const NUMBER_TEXT = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;

/** A number typed in a field: decimal or exponent notation, nothing else (`abc`, ``, `0x10`, `1,5` refused). */
export function parseNumber(text: string): Parsed<number> {
  const t = text.trim();
  if (t === '') return { ok: false, message: 'must be a number' };
  if (!NUMBER_TEXT.test(t)) return { ok: false, message: 'must be a number' };
  const value = Number(t);
  if (!Number.isFinite(value)) return { ok: false, message: 'must be a finite number' };
  return { ok: true, value };
}

/** Like parseNumber, but an empty field means null (no timeout, no deadline, no cap). */
export function parseOptionalNumber(text: string): Parsed<number | null> {
  return text.trim() === '' ? { ok: true, value: null } : parseNumber(text);
}

/** `1, 2, 3` (commas or spaces) → [1, 2, 3]; the schema judges the values themselves (≥ 1, distinct). */
export function parseNumberList(text: string): Parsed<number[]> {
  const parts = text
    .split(/[\s,]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, message: 'must list at least one attempt' };
  const values: number[] = [];
  for (const p of parts) {
    const n = parseNumber(p);
    if (!n.ok) return { ok: false, message: `must be numbers separated by commas (“${p}” is not a number)` };
    values.push(n.value);
  }
  return { ok: true, value: values };
}

/** How a number is shown in its field: plain digits, no grouping, so it parses back to itself. */
export function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

export function numberListText(values: readonly number[] | undefined): string {
  return values === undefined ? '' : values.join(', ');
}

/** A fresh seed in [0, 2³²−1], from the platform's generator (this is UI, not the engine). */
export function randomSeed(random: () => number = Math.random): number {
  return Math.floor(random() * 4_294_967_296) >>> 0;
}

/** Whether a number field's text already holds the value shown (`1.` and `1`, ` 5` and `5`). */
export function sameNumber(draft: string, value: string): boolean {
  const p = parseOptionalNumber(draft);
  return p.ok && numberText(p.value) === value;
}
