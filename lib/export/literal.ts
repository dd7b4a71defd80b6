// Writes plan data as source literals (TypeScript and Python) and user text as safe comments.
// Every string goes through JSON escaping, so a name or input can never end a literal or a comment early.

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const WIDTH = 120;

type Value = unknown;

function isRecord(v: Value): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A double-quoted string literal, valid in TypeScript and Python alike: JSON escaping, plus DEL, the C1 controls and
 * the line and paragraph separators written as \u escapes, so no character a terminal or an editor acts on is raw.
 */
export function quote(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function number(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

/** A TypeScript literal for JSON-like data; objects with keys left out when their value is undefined. */
export function tsLiteral(value: Value, indent = ''): string {
  return literal(value, indent, {
    nil: 'null',
    bool: (b) => String(b),
    key: (k) => (IDENT.test(k) ? k : quote(k)),
    open: '{ ',
    close: ' }',
    empty: '{}',
  });
}

/** A Python literal for JSON-like data (dicts keyed by strings, None/True/False). */
export function pyLiteral(value: Value, indent = ''): string {
  return literal(value, indent, {
    nil: 'None',
    bool: (b) => (b ? 'True' : 'False'),
    key: quote,
    open: '{',
    close: '}',
    empty: '{}',
  });
}

interface Syntax {
  nil: string;
  bool: (b: boolean) => string;
  key: (k: string) => string;
  open: string;
  close: string;
  empty: string;
}

function literal(value: Value, indent: string, s: Syntax): string {
  if (value === null || value === undefined) return s.nil;
  if (typeof value === 'boolean') return s.bool(value);
  if (typeof value === 'number') return Number.isFinite(value) ? number(value) : s.nil;
  if (typeof value === 'string') return quote(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => literal(v, inner, s));
    const flat = `[${items.join(', ')}]`;
    if (flat.length + indent.length <= WIDTH && !flat.includes('\n')) return flat;
    return `[\n${items.map((x) => `${inner}${x},`).join('\n')}\n${indent}]`;
  }
  if (isRecord(value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return s.empty;
    const items = entries.map(([k, v]) => `${s.key(k)}: ${literal(v, inner, s)}`);
    const flat = `${s.open}${items.join(', ')}${s.close}`;
    if (flat.length + indent.length <= WIDTH && !flat.includes('\n')) return flat;
    return `{\n${items.map((x) => `${inner}${x},`).join('\n')}\n${indent}}`;
  }
  return s.nil;
}

/** Text safe inside a `//` or `#` comment: one line, control characters and line breaks turned into spaces. */
export function commentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/** Milliseconds as Python seconds: `1500` → `1.5`. */
export function seconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? `${s}.0` : String(s);
}
