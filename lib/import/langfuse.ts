// Reads a Langfuse trace export (`{ "trace", "observations": [...] }`, the API's trace with its observations, or a
// list of either) into runs: TOOL observations are the calls, GENERATIONs the model steps. Pure: never throws.
import '../plan/zod-config';
import * as z from 'zod/mini';
import type { Problem } from '../plan/parse';
import { compactTurns, type ObservedCall, type ObservedResult, type ObservedRun, type ReadResult } from './run';
import { isObject, location, problem, zodProblems, type Decoded } from './source';
import { turnsOf, type SpanLike } from './spans';
import { errorMessage, idFrom, looksLikeTimeout, toInput, toOutput } from './values';

const isoTime = z.custom<string>((v) => typeof v === 'string' && Number.isFinite(Date.parse(v)), { message: 'must be an ISO date-time' });

const observationSchema = z.object({
  id: z.string().check(z.minLength(1, 'must not be empty')),
  type: z.string({ message: 'must be an observation type (TOOL, GENERATION, SPAN, AGENT, …)' }),
  name: z.nullish(z.string()),
  startTime: isoTime,
  endTime: z.nullish(isoTime),
  parentObservationId: z.nullish(z.string()),
  input: z.optional(z.unknown()),
  output: z.optional(z.unknown()),
  level: z.nullish(z.string()),
  statusMessage: z.nullish(z.string()),
  metadata: z.optional(z.unknown()),
});

const exportSchema = z.object({
  trace: z.optional(z.object({ id: z.optional(z.string()), name: z.nullish(z.string()) })),
  id: z.optional(z.string()),
  name: z.nullish(z.string()),
  observations: z.array(z.unknown(), { message: 'must be a list of observations' }),
});

type Observation = z.output<typeof observationSchema>;

/** The OpenTelemetry attributes Langfuse keeps in an observation's metadata. */
function attributesOf(o: Observation): Record<string, unknown> {
  let m: unknown = o.metadata;
  if (typeof m === 'string') {
    try {
      m = JSON.parse(m);
    } catch {
      return {};
    }
  }
  return isObject(m) && isObject(m.attributes) ? m.attributes : {};
}

function isTool(o: Observation, attrs: Record<string, unknown>): boolean {
  return o.type === 'TOOL' || attrs['gen_ai.operation.name'] === 'execute_tool' || attrs['openinference.span.kind'] === 'TOOL';
}

function toolName(o: Observation, attrs: Record<string, unknown>): string {
  for (const key of ['gen_ai.tool.name', 'tool.name']) {
    const v = attrs[key];
    if (typeof v === 'string' && v !== '') return v;
  }
  const name = (o.name ?? '').replace(/^(execute_tool|running tool:)\s*/i, '').trim();
  return name === '' ? 'tool' : name;
}

function resultOf(o: Observation): ObservedResult {
  if (o.level === 'ERROR') {
    const fallback = typeof o.output === 'string' ? o.output : 'error';
    const message = errorMessage(o.statusMessage, fallback);
    return looksLikeTimeout(message) ? { kind: 'timeout', message } : { kind: 'error', message };
  }
  return { kind: 'ok', output: o.output === undefined || o.output === null ? undefined : toOutput(o.output) };
}

function readOne(
  file: string,
  line: number | null,
  raw: unknown,
  base: PropertyKey[],
  many: boolean,
): { run: ObservedRun | null; problems: Problem[] } {
  const e = exportSchema.safeParse(raw, { reportInput: true });
  if (!e.success) return { run: null, problems: zodProblems(file, line, base, e.error.issues) };
  const problems: Problem[] = [];
  const obs: { o: Observation; at: PropertyKey[] }[] = [];
  e.data.observations.forEach((item, i) => {
    const at = [...base, 'observations', i];
    const p = observationSchema.safeParse(item, { reportInput: true });
    if (p.success) obs.push({ o: p.data, at });
    else if (problems.length < 50) problems.push(...zodProblems(file, line, at, p.error.issues));
  });
  if (problems.length > 0) return { run: null, problems };
  const spans: SpanLike[] = obs.map(({ o }) => {
    const start = Date.parse(o.startTime);
    const end = o.endTime ? Date.parse(o.endTime) : start;
    return {
      id: o.id,
      parentId: o.parentObservationId ?? null,
      startMs: start,
      endMs: end,
      role: isTool(o, attributesOf(o)) ? 'tool' : o.type === 'GENERATION' ? 'llm' : 'other',
    };
  });
  const turns = turnsOf(spans);
  const calls: ObservedCall[] = obs
    .filter(({ o }) => isTool(o, attributesOf(o)))
    .sort((a, b) => Date.parse(a.o.startTime) - Date.parse(b.o.startTime))
    .map(({ o, at }) => {
      const attrs = attributesOf(o);
      const rawArgs = o.input ?? attrs['gen_ai.tool.call.arguments'] ?? attrs['input.value'] ?? attrs.tool_arguments;
      const { input, note } = toInput(rawArgs);
      const end = o.endTime ? Date.parse(o.endTime) : null;
      return {
        sourceId: idFrom(attrs['gen_ai.tool.call.id']) ?? idFrom(attrs['tool_call.id']) ?? `observation ${o.id}`,
        tool: toolName(o, attrs),
        input,
        inputNote: note,
        result: resultOf(o),
        startMs: end === null ? null : Date.parse(o.startTime),
        endMs: end,
        turn: turns.get(o.id) ?? 0,
        where: location(file, line, at),
      };
    });
  if (calls.length === 0) return { run: null, problems: [] };
  const traceId = e.data.trace?.id ?? e.data.id ?? '';
  const name = e.data.trace?.name ?? e.data.name ?? null;
  const steps = obs.flatMap(({ o }) =>
    o.type === 'GENERATION' && o.endTime ? [Math.max(0, Date.parse(o.endTime) - Date.parse(o.startTime))] : [],
  );
  return {
    run: {
      file,
      format: 'langfuse',
      label: many ? `${file}, trace ${traceId.slice(0, 12)}` : file,
      name,
      calls: compactTurns(calls),
      promptText: '',
      modelStepsMs: steps,
    },
    problems: [],
  };
}

export function readLangfuse(file: string, doc: Decoded): ReadResult {
  const items: { raw: unknown; line: number | null; base: PropertyKey[] }[] =
    doc.kind === 'jsonl'
      ? doc.lines.map((l) => ({ raw: l.value, line: l.line, base: [] }))
      : Array.isArray(doc.value)
        ? doc.value.map((raw, i) => ({ raw, line: null, base: [i] }))
        : [{ raw: doc.value, line: null, base: [] }];
  const problems: Problem[] = [];
  const runs: ObservedRun[] = [];
  for (const { raw, line, base } of items) {
    const r = readOne(file, line, raw, base, items.length > 1);
    problems.push(...r.problems);
    if (r.run !== null) runs.push(r.run);
  }
  if (problems.length > 0) return { ok: false, problems };
  if (runs.length === 0) {
    return { ok: false, problems: [problem(file, null, [], 'has no tool observation: expected observations of type "TOOL"')] };
  }
  return { ok: true, runs };
}
