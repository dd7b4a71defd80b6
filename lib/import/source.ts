// Reads one file's text as JSON or as JSON Lines (one value a line), with the size caps first, and words every
// problem with the file, the line and the JSON path. Pure: text in, decoded values or problems out.
import type * as z from 'zod/mini';
import { formatPath, issuesToProblems, withoutBom, type Problem } from '../plan/parse';
import { LIMITS } from '../plan/schema';

/** A file handed to the importer: its name (for messages) and its text. */
export interface SourceFile {
  name: string;
  text: string;
}

export interface JsonLine {
  /** 1-based line number in the file. */
  line: number;
  value: unknown;
}

export type Decoded = { kind: 'json'; value: unknown } | { kind: 'jsonl'; lines: JsonLine[] };

export type DecodeResult = { ok: true; doc: Decoded } | { ok: false; problems: Problem[] };

/** Lines read from one JSON Lines file at most. */
export const MAX_LINES = 200_000;

/** Where in a file: `run.jsonl line 3, content[0].id`, `trace.json, resourceSpans[0].scopeSpans`, `run.json`. */
export function location(file: string, line: number | null, path: readonly PropertyKey[] = []): string {
  const at = path.length === 0 ? '' : formatPath(path);
  if (line !== null) return at === '' ? `${file} line ${line}` : `${file} line ${line}, ${at}`;
  return at === '' ? file : `${file}, ${at}`;
}

export function problem(file: string, line: number | null, path: readonly PropertyKey[], message: string): Problem {
  return { path: location(file, line, path), message };
}

/** Zod issues of a value found at `base` in `file` (line given for JSON Lines). */
export function zodProblems(
  file: string,
  line: number | null,
  base: readonly PropertyKey[],
  issues: readonly z.core.$ZodIssue[],
): Problem[] {
  return issuesToProblems(issues).map((p) => {
    const inner = p.path === '(plan)' ? '' : p.path;
    const prefix = base.length === 0 ? '' : formatPath(base);
    const joined = prefix === '' ? inner : inner === '' ? prefix : inner.startsWith('[') ? `${prefix}${inner}` : `${prefix}.${inner}`;
    const where = line !== null ? `${file} line ${line}` : file;
    return { path: joined === '' ? where : `${where}, ${joined}`, message: p.message };
  });
}

function firstLine(err: unknown): string {
  return err instanceof Error ? err.message.split('\n')[0] : 'unreadable';
}

/** Decodes a file as one JSON document, or, when that fails and it has several lines, as JSON Lines. */
export function decode(file: SourceFile): DecodeResult {
  const name = file.name;
  // A UTF-8 byte-order mark is no part of the JSON (editors on Windows write one).
  const text = withoutBom(file.text);
  if (text.length > LIMITS.maxBytes) {
    return { ok: false, problems: [problem(name, null, [], `is too large: ${text.length} characters (at most ${LIMITS.maxBytes})`)] };
  }
  if (text.trim() === '') return { ok: false, problems: [problem(name, null, [], 'is empty')] };
  let whole: string | null = null;
  try {
    return { ok: true, doc: { kind: 'json', value: JSON.parse(text) } };
  } catch (err) {
    whole = firstLine(err);
  }
  const rows = text.split(/\r?\n/);
  const filled = rows.filter((r) => r.trim() !== '').length;
  if (filled < 2) return { ok: false, problems: [problem(name, null, [], `is not valid JSON: ${whole}`)] };
  if (filled > MAX_LINES) return { ok: false, problems: [problem(name, null, [], `has ${filled} lines (at most ${MAX_LINES})`)] };
  const lines: JsonLine[] = [];
  const problems: Problem[] = [];
  rows.forEach((row, i) => {
    if (row.trim() === '' || problems.length >= 20) return;
    try {
      lines.push({ line: i + 1, value: JSON.parse(row) });
    } catch (err) {
      problems.push(problem(name, i + 1, [], `is not valid JSON: ${firstLine(err)}`));
    }
  });
  if (problems.length > 0) {
    // Mostly JSON Lines with a bad line, or one JSON document broken somewhere: say both.
    if (lines.length === 0) return { ok: false, problems: [problem(name, null, [], `is not valid JSON: ${whole}`)] };
    return { ok: false, problems };
  }
  return { ok: true, doc: { kind: 'jsonl', lines } };
}

/** A JSON object (not an array, not null). */
export const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** One message or item as found in a transcript: where it sits, and when its line was written (session logs), if known. */
export interface Found {
  raw: unknown;
  line: number | null;
  path: PropertyKey[];
  atMs: number | null;
}

/** An ISO timestamp as epoch milliseconds; null when it is missing or no date. */
export function timeOf(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const t = Date.parse(v);
  return Number.isFinite(t) ? t : null;
}

/** The items of a list in a JSON document, each at `[...at, i]`, with no line and no time. */
export function foundIn(list: readonly unknown[], ...at: PropertyKey[]): Found[] {
  return list.map((raw, i) => ({ raw, line: null, path: [...at, i], atMs: null }));
}

/** `raw` parsed by `schema`; undefined once what is wrong with it (file, line and path named) is added to `problems`. */
export function parseAt<S extends z.ZodMiniType>(
  schema: S,
  raw: unknown,
  problems: Problem[],
  file: string,
  line: number | null,
  path: readonly PropertyKey[],
): z.output<S> | undefined {
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (parsed.success) return parsed.data;
  problems.push(...zodProblems(file, line, path, parsed.error.issues));
  return undefined;
}
