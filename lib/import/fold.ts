// Folds retried attempts into one call, and matches the calls of several runs of one agent to each other.
// Pure: runs in, calls with their attempts out.
import { durationMs, type ObservedCall, type ObservedResult, type ObservedRun } from './run';
import { jsonEqual, type JsonObject } from './values';

export interface Attempt {
  /** The source's id of this attempt's tool call. */
  sourceId: string | null;
  result: ObservedResult;
  startMs: number | null;
  endMs: number | null;
  durationMs: number | null;
  turn: number;
}

/** A call with every attempt it took, in order. */
export interface FoldedCall {
  sourceId: string | null;
  tool: string;
  input: JsonObject;
  inputNote: string | null;
  attempts: Attempt[];
  /** The model turn of its first attempt, renumbered once retries are folded. */
  turn: number;
  where: string;
}

const failed = (r: ObservedResult): boolean => r.kind === 'error' || r.kind === 'timeout';

/**
 * A call is a retry of an earlier one when it is the next call of the same tool, with the same arguments, after that
 * one failed, and it was issued after the failure was known: in a later turn, or (timed sources) after it ended.
 * Two identical calls of one turn are two calls, not a retry.
 */
export function foldRetries(calls: readonly ObservedCall[]): FoldedCall[] {
  const ordered = [...calls].sort((a, b) => a.turn - b.turn);
  const out: FoldedCall[] = [];
  const lastOfTool = new Map<string, FoldedCall>();
  for (const c of ordered) {
    const attempt: Attempt = {
      sourceId: c.sourceId,
      result: c.result,
      startMs: c.startMs,
      endMs: c.endMs,
      durationMs: durationMs(c),
      turn: c.turn,
    };
    const prev = lastOfTool.get(c.tool);
    const last = prev?.attempts[prev.attempts.length - 1];
    const afterIt = last !== undefined && (c.turn > last.turn || (c.startMs !== null && last.endMs !== null && c.startMs >= last.endMs));
    if (prev !== undefined && last !== undefined && failed(last.result) && afterIt && jsonEqual(prev.input, c.input)) {
      prev.attempts.push(attempt);
      continue;
    }
    const folded: FoldedCall = {
      sourceId: c.sourceId,
      tool: c.tool,
      input: c.input,
      inputNote: c.inputNote,
      attempts: [attempt],
      turn: c.turn,
      where: c.where,
    };
    out.push(folded);
    lastOfTool.set(c.tool, folded);
  }
  // A turn that held only retries is gone: number the turns that still issue calls 0, 1, 2…
  const used = [...new Set(out.map((f) => f.turn))].sort((a, b) => a - b);
  const rank = new Map(used.map((t, i) => [t, i]));
  return out.map((f) => ({ ...f, turn: rank.get(f.turn) ?? 0 }));
}

/** One call of the plan: the same call (tool, turn, how many of that tool came before it in the turn) in each run. */
export interface MatchedCall {
  turn: number;
  tool: string;
  /** Per run that has it: the run's index and its folded call. */
  seen: { run: number; call: FoldedCall }[];
}

export function matchRuns(runs: readonly ObservedRun[]): { matched: MatchedCall[]; folded: FoldedCall[][] } {
  const folded = runs.map((r) => foldRetries(r.calls));
  const byKey = new Map<string, MatchedCall>();
  const order: MatchedCall[] = [];
  folded.forEach((calls, run) => {
    const count = new Map<string, number>();
    for (const call of calls) {
      const k0 = `${call.turn}\u0000${call.tool}`;
      const n = count.get(k0) ?? 0;
      count.set(k0, n + 1);
      const key = `${k0}\u0000${n}`;
      let m = byKey.get(key);
      if (m === undefined) {
        m = { turn: call.turn, tool: call.tool, seen: [] };
        byKey.set(key, m);
        order.push(m);
      }
      m.seen.push({ run, call });
    }
  });
  // Turn by turn; within a turn, in the order the calls were first seen.
  const firstSeen = new Map(order.map((m, i) => [m, i]));
  order.sort((a, b) => a.turn - b.turn || (firstSeen.get(a) ?? 0) - (firstSeen.get(b) ?? 0));
  return { matched: order, folded };
}
