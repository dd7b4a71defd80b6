// Draws an edge only where a call demonstrably used another's result: a value first produced by an upstream's output
// shows up in the call's arguments. The argument is then rewritten as a `{{upstream.path}}` reference, so the plan's
// review sees the same dependency. Pure.
import type { JsonValue } from '../plan/schema';
import type { JsonObject } from './values';

/** Shortest string (trimmed) that counts as evidence: shorter ones (`ok`, `Paris`) turn up by chance. */
export const MIN_EVIDENCE_STRING = 6;
/** Fewest significant digits a number needs to count as evidence (`124`, `19.99`, not `1`, `10`, `2.5`). */
export const MIN_EVIDENCE_DIGITS = 3;
/** Values looked at per output, so a huge result cannot make the search slow. */
const MAX_CANDIDATES_PER_OUTPUT = 2_000;

/** A call as the evidence search sees it, all from one run. */
export interface EvidenceCall {
  id: string;
  turn: number;
  input: JsonObject;
  /** Its sample output when it succeeded; undefined otherwise. */
  output: JsonValue | undefined;
}

export interface FoundEdge {
  from: string;
  to: string;
  /** What gave it away, in words: `results.0.url = "https://…"`. */
  evidence: string;
}

interface Candidate {
  from: string;
  turn: number;
  path: string[];
  value: string | number;
}

const SEGMENT = /^[^.{}\s]+$/;

export function distinctiveNumber(n: number): boolean {
  if (!Number.isFinite(n)) return false;
  const digits = Math.abs(n).toString().replace('.', '').replace(/^0+/, '');
  const significant = Number.isInteger(n) ? digits.replace(/0+$/, '') : digits;
  return !/e/i.test(digits) && significant.length >= MIN_EVIDENCE_DIGITS;
}

function distinctiveString(s: string): boolean {
  return s.trim().length >= MIN_EVIDENCE_STRING;
}

/** Leaves of an output that could be evidence, with the referenceable path to each. */
function candidates(from: string, turn: number, output: JsonValue): Candidate[] {
  const out: Candidate[] = [];
  const walk = (v: JsonValue, path: string[]): void => {
    if (out.length >= MAX_CANDIDATES_PER_OUTPUT) return;
    if (typeof v === 'string') {
      if (distinctiveString(v)) out.push({ from, turn, path, value: v });
    } else if (typeof v === 'number') {
      if (distinctiveNumber(v)) out.push({ from, turn, path, value: v });
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, String(i)]));
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) if (SEGMENT.test(k)) walk(x, [...path, k]);
    }
  };
  walk(output, []);
  return out;
}

/** Text searchable for any value of at least three characters, without rescanning it all for each value. */
class TextIndex {
  private readonly chunks: string[] = [];
  /** Three characters → (chunk, offset) pairs, flattened. */
  private readonly grams = new Map<string, number[]>();

  add(text: string): void {
    const id = this.chunks.length;
    this.chunks.push(text);
    for (let i = 0; i + 3 <= text.length; i++) {
      const g = text.slice(i, i + 3);
      const at = this.grams.get(g);
      if (at === undefined) this.grams.set(g, [id, i]);
      else at.push(id, i);
    }
  }

  has(value: string): boolean {
    if (value.length < 3) return this.chunks.some((c) => c.includes(value));
    const at = this.grams.get(value.slice(0, 3)) ?? [];
    for (let k = 0; k < at.length; k += 2) if (this.chunks[at[k]].startsWith(value, at[k + 1])) return true;
    return false;
  }
}

const refText = (c: Candidate): string => `{{${[c.from, ...c.path].join('.')}}}`;

function describe(c: Candidate): string {
  const shown = typeof c.value === 'string' ? JSON.stringify(c.value.length > 60 ? `${c.value.slice(0, 57)}…` : c.value) : String(c.value);
  return `${c.path.length === 0 ? '(whole output)' : c.path.join('.')} = ${shown}`;
}

/**
 * Finds the edges and rewrites inputs. A value counts when it first appears in an upstream's output: not in the
 * prompt, not in the arguments of any call up to that upstream's turn, not in an earlier output (the earliest output
 * holding it is the upstream). The argument holding it, wholly or inside a longer string, becomes a reference.
 */
export function findEvidence(calls: readonly EvidenceCall[], promptText: string): { edges: FoundEdge[]; inputs: Map<string, JsonObject> } {
  const byTurn = [...calls].sort((a, b) => a.turn - b.turn);
  const producers = new Map<string, Candidate>();
  // What the model knew before each turn's results: the prompt, then every argument up to that turn.
  const known = new TextIndex();
  known.add(promptText);
  let next = 0;
  for (const [i, c] of byTurn.entries()) {
    // Entering a turn: its calls' arguments were known before any of its results.
    if (i === next) {
      while (next < byTurn.length && byTurn[next].turn === c.turn) known.add(JSON.stringify(byTurn[next++].input));
    }
    if (c.output === undefined) continue;
    for (const cand of candidates(c.id, c.turn, c.output)) {
      const key = `${typeof cand.value}:${cand.value}`;
      if (producers.has(key)) continue;
      if (known.has(typeof cand.value === 'string' ? cand.value : String(cand.value))) continue;
      producers.set(key, cand);
    }
  }
  // Values that may sit inside a longer argument, found by their first characters: each argument is scanned once.
  const byPrefix = new Map<string, (Candidate & { value: string })[]>();
  for (const c of producers.values()) {
    if (typeof c.value !== 'string') continue;
    const key = c.value.slice(0, MIN_EVIDENCE_STRING);
    const list = byPrefix.get(key);
    if (list === undefined) byPrefix.set(key, [{ ...c, value: c.value }]);
    else list.push({ ...c, value: c.value });
  }
  const inside = (s: string): (Candidate & { value: string })[] => {
    const found = new Set<Candidate & { value: string }>();
    for (let i = 0; i + MIN_EVIDENCE_STRING <= s.length; i++) {
      for (const c of byPrefix.get(s.slice(i, i + MIN_EVIDENCE_STRING)) ?? []) if (s.startsWith(c.value, i)) found.add(c);
    }
    return [...found].sort((a, b) => b.value.length - a.value.length);
  };
  const edges = new Map<string, FoundEdge>();
  const inputs = new Map<string, JsonObject>();

  for (const c of byTurn) {
    const before = (x: Candidate) => x.turn < c.turn && x.from !== c.id;
    const cite = (x: Candidate) => {
      const k = `${x.from}\u0000${c.id}`;
      if (!edges.has(k)) edges.set(k, { from: x.from, to: c.id, evidence: describe(x) });
    };
    let changed = false;
    const rewrite = (v: JsonValue): JsonValue => {
      if (typeof v === 'number') {
        const x = producers.get(`number:${v}`);
        if (x !== undefined && before(x)) {
          cite(x);
          changed = true;
          return refText(x);
        }
        return v;
      }
      if (typeof v === 'string') {
        const whole = producers.get(`string:${v}`) ?? producers.get(`number:${v}`);
        if (whole !== undefined && before(whole)) {
          cite(whole);
          changed = true;
          return refText(whole);
        }
        // Pieces already made references are never searched again, so a short value cannot match inside one.
        let pieces: { text: string; ref: boolean }[] = [{ text: v, ref: false }];
        for (const x of inside(v)) {
          if (!before(x) || !pieces.some((p) => !p.ref && p.text.includes(x.value))) continue;
          cite(x);
          changed = true;
          pieces = pieces.flatMap((p) => {
            if (p.ref || !p.text.includes(x.value)) return [p];
            return p.text.split(x.value).flatMap((part, i) =>
              i === 0
                ? [{ text: part, ref: false }]
                : [
                    { text: refText(x), ref: true },
                    { text: part, ref: false },
                  ],
            );
          });
        }
        return pieces.map((p) => p.text).join('');
      }
      if (Array.isArray(v)) return v.map(rewrite);
      if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rewrite(x)]));
      return v;
    };
    const next = Object.fromEntries(Object.entries(c.input).map(([k, x]) => [k, rewrite(x)]));
    if (changed) inputs.set(c.id, next);
  }
  return { edges: [...edges.values()], inputs };
}
