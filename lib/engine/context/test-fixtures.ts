// Test support only: hand-built plans and traces covering every status and reason, plus a format-neutral reader
// of a rendered context. Never imported by product code.
import { parsePlan, formatProblem } from '../../plan/parse';
import type { Plan, PlanInput } from '../../plan/schema';
import type { Attempt, AttemptResult, CallStatus, CallTrace, Reason, Trace, TraceEvent, Turn } from '../types';
import type { Context } from './messages';

export function makePlan(input: Omit<PlanInput, 'format' | 'version' | 'name'> & { name?: string }): Plan {
  const parsed = parsePlan({ format: 'toolwave.plan', version: 1, name: 'Test plan', ...input });
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  return parsed.plan;
}

export function att(
  n: number,
  startMs: number,
  endMs: number | null,
  result: AttemptResult,
  message = '',
  extra: Partial<Attempt> = {},
): Attempt {
  const retryable = result === 'timeout' || result === 'rate_limited';
  return { n, startMs, endMs, result, message: message || (result === 'timeout' ? 'timed out' : result), retryable, ...extra };
}

export interface CallSpec {
  id: string;
  status: CallStatus;
  wave?: number;
  attempts?: Attempt[];
  reason?: Reason | null;
  turn?: number | null;
  missingInputs?: { id: string; status: CallStatus }[];
  warning?: string;
  hiddenFailures?: number;
  /** When it became final, for calls with no endMs (skipped, not started). */
  finalMs?: number;
}

export interface TraceSpec {
  strategy?: Trace['strategy'];
  outcome: Trace['outcome'];
  makespanMs: number | null;
  stop?: Trace['stop'];
  calls: CallSpec[];
  turns: { wave?: number | null; startMs: number; endMs: number | null; calls: number[] }[];
}

/** A trace with derived times, tools from the plan and `final` events, so tests state only what matters. */
export function makeTrace(plan: Plan, spec: TraceSpec): Trace {
  const calls: CallTrace[] = spec.calls.map((c, index) => {
    const attempts = c.attempts ?? [];
    const started = attempts.length > 0;
    const last = attempts[attempts.length - 1];
    const endMs = !started || c.status === 'hung' ? null : c.status === 'cancelled' ? (spec.stop?.atMs ?? null) : (last?.endMs ?? null);
    const call: CallTrace = {
      id: c.id,
      index,
      tool: plan.calls.find((p) => p.id === c.id)?.tool ?? 'tool',
      wave: c.wave ?? 0,
      status: c.status,
      reason: c.reason ?? null,
      startMs: started ? attempts[0].startMs : null,
      endMs,
      attempts,
      missingInputs: c.missingInputs ?? [],
      turn: started ? (c.turn ?? 0) : null,
    };
    if (c.warning !== undefined) call.warning = c.warning;
    if (c.hiddenFailures !== undefined) call.hiddenFailures = c.hiddenFailures;
    return call;
  });
  const turns: Turn[] = spec.turns.map((t, index) => ({
    index,
    wave: t.wave ?? null,
    startMs: t.startMs,
    emitMs: t.startMs,
    endMs: t.endMs,
    calls: t.calls,
  }));
  const events: TraceEvent[] = [];
  turns.forEach((t) => events.push({ t: t.emitMs, type: 'turn', turn: t.index, wave: t.wave }));
  calls.forEach((c, i) => {
    for (const a of c.attempts) {
      events.push({ t: a.startMs, type: 'attempt_start', call: i, attempt: a.n });
      if (a.endMs !== null) events.push({ t: a.endMs, type: 'attempt_end', call: i, attempt: a.n, result: a.result, message: a.message });
    }
    const final = c.endMs ?? spec.calls[i].finalMs ?? null;
    if (final !== null && c.status !== 'hung') events.push({ t: final, type: 'final', call: i, status: c.status });
  });
  if (spec.stop) events.push({ t: spec.stop.atMs, type: 'stop', reason: spec.stop.reason, by: spec.stop.by });
  events.sort((a, b) => a.t - b.t);
  return {
    strategy: spec.strategy ?? plan.settings.strategy,
    seed: plan.settings.seed,
    run: 0,
    scenario: null,
    outcome: spec.outcome,
    makespanMs: spec.makespanMs,
    stop: spec.stop ?? null,
    settledMs: spec.makespanMs,
    compensations: [],
    calls,
    turns,
    events,
  };
}

export interface ReadResult {
  id: string;
  content: string;
  isError: boolean;
}
export interface ReadTurn {
  uses: { id: string; name: string; input: unknown }[];
  results: ReadResult[];
}
export interface ReadContext {
  turns: ReadTurn[];
  summary: string;
}

function readText(text: string): ReadContext {
  const [body, summary = ''] = text.split(/(?:^|\n)=== Summary ===\n/);
  const turns: ReadTurn[] = [];
  let cur: ReadResult | null = null;
  for (const line of body.split('\n')) {
    const use = /^call ([^:]+): ([^(]+)\((.*)\)$/.exec(line);
    const res = /^result (\S+) \[(\w+)\]: ?(.*)$/.exec(line);
    if (line.startsWith('=== Model turn')) turns.push({ uses: [], results: [] });
    else if (use) turns[turns.length - 1].uses.push({ id: use[1], name: use[2], input: JSON.parse(use[3]) });
    else if (res) {
      cur = { id: res[1], isError: res[2] === 'error', content: res[3] };
      turns[turns.length - 1].results.push(cur);
    } else if (line.startsWith('  ') && cur) cur.content += `\n${line.slice(2)}`;
    else cur = null;
  }
  return { turns, summary };
}

/** OpenAI tool messages carry no error flag: an error is known by its wording alone. */
const OPENAI_ERROR = /^(\S+ (failed|timed out|was cancelled|never returned|was rate limited)|Tool batch failed)/;

/** Reads any of the three formats back into turns, results and summary, so one test covers all three. */
export function readContext(ctx: Context): ReadContext {
  if (ctx.format === 'text') return readText(ctx.text);
  const turns: ReadTurn[] = [];
  let summary = '';
  if (ctx.format === 'anthropic') {
    for (const m of ctx.messages) {
      if (m.role === 'assistant') turns.push({ uses: m.content.map((b) => ({ id: b.id, name: b.name, input: b.input })), results: [] });
      else
        for (const b of m.content) {
          if (b.type === 'text') summary = b.text;
          else turns[turns.length - 1].results.push({ id: b.tool_use_id, content: b.content, isError: b.is_error });
        }
    }
  } else {
    for (const m of ctx.messages) {
      if (m.role === 'assistant') {
        turns.push({
          uses: m.tool_calls.map((c) => ({ id: c.id, name: c.function.name, input: JSON.parse(c.function.arguments) })),
          results: [],
        });
      } else if (m.role === 'tool')
        turns[turns.length - 1].results.push({ id: m.tool_call_id, content: m.content, isError: OPENAI_ERROR.test(m.content) });
      else summary = m.content;
    }
  }
  return { turns, summary };
}
