// Reads OpenTelemetry traces in OTLP JSON (`resourceSpans → scopeSpans → spans`, one file or JSON Lines) into runs,
// one per trace id: GenAI `execute_tool` spans and OpenInference `TOOL` spans are the calls. Pure: never throws.
import '../plan/zod-config';
import * as z from 'zod/mini';
import type { Problem } from '../plan/parse';
import { compactTurns, type ObservedCall, type ObservedResult, type ObservedRun, type ReadResult } from './run';
import { isObject, location, parseAt, problem, type Decoded } from './source';
import { turnsOf, type SpanLike } from './spans';
import { errorMessage, idFrom, looksLikeTimeout, toInput, toOutput } from './values';

const nanos = z.custom<string | number>(
  (v) => (typeof v === 'string' && /^\d{1,30}$/.test(v)) || (typeof v === 'number' && Number.isFinite(v) && v >= 0),
  {
    message: 'must be a time in nanoseconds since 1970 (digits)',
  },
);

const keyValueSchema = z.object({ key: z.string(), value: z.optional(z.unknown()) });

const spanSchema = z.object({
  traceId: z.string().check(z.minLength(1, 'must not be empty')),
  spanId: z.string().check(z.minLength(1, 'must not be empty')),
  parentSpanId: z.nullish(z.string()),
  name: z.optional(z.string()),
  startTimeUnixNano: nanos,
  endTimeUnixNano: nanos,
  attributes: z.optional(z.array(keyValueSchema)),
  status: z.nullish(z.object({ code: z.optional(z.unknown()), message: z.optional(z.string()) })),
  events: z.optional(z.array(z.object({ name: z.optional(z.string()), attributes: z.optional(z.array(keyValueSchema)) }))),
});

const requestSchema = z.object({
  resourceSpans: z.array(
    z.object({
      resource: z.nullish(z.object({ attributes: z.optional(z.array(keyValueSchema)) })),
      scopeSpans: z.optional(z.array(z.object({ spans: z.optional(z.array(z.unknown())) }))),
    }),
  ),
});

type Attrs = Map<string, unknown>;

/** An OTLP AnyValue as plain JSON (`intValue` strings become numbers, lists and key-value lists nest). */
function anyValue(v: unknown, depth = 0): unknown {
  if (!isObject(v) || depth > 32) return undefined;
  if ('stringValue' in v) return v.stringValue;
  if ('boolValue' in v) return v.boolValue;
  if ('intValue' in v) return typeof v.intValue === 'string' ? Number(v.intValue) : v.intValue;
  if ('doubleValue' in v) return typeof v.doubleValue === 'string' ? Number(v.doubleValue) : v.doubleValue;
  if ('bytesValue' in v) return v.bytesValue;
  if ('arrayValue' in v) {
    const values = isObject(v.arrayValue) ? v.arrayValue.values : undefined;
    return Array.isArray(values) ? values.map((x) => anyValue(x, depth + 1)) : [];
  }
  if ('kvlistValue' in v) {
    const values = isObject(v.kvlistValue) ? v.kvlistValue.values : undefined;
    const out: Record<string, unknown> = {};
    if (Array.isArray(values)) {
      for (const kv of values) {
        const parsed = keyValueSchema.safeParse(kv);
        if (parsed.success && parsed.data.key !== '__proto__') out[parsed.data.key] = anyValue(parsed.data.value, depth + 1);
      }
    }
    return out;
  }
  return undefined;
}

function attrsOf(list: readonly { key: string; value?: unknown }[] | undefined): Attrs {
  return new Map((list ?? []).map((kv) => [kv.key, anyValue(kv.value)]));
}

const str = (a: Attrs, key: string): string | undefined => {
  const v = a.get(key);
  return typeof v === 'string' && v !== '' ? v : undefined;
};

const toMs = (n: string | number): number => (typeof n === 'number' ? n / 1e6 : Number(BigInt(n) / 1000n) / 1000);

const LLM_OPERATIONS = new Set(['chat', 'text_completion', 'generate_content']);

/**
 * A tool span: GenAI `execute_tool`, OpenInference `TOOL`, or (as OpenInference's own GenAI converter reads it) any
 * span carrying `gen_ai.tool.name` or `gen_ai.tool.call.id`.
 */
function roleOf(a: Attrs): SpanLike['role'] {
  if (str(a, 'gen_ai.operation.name') === 'execute_tool' || str(a, 'openinference.span.kind') === 'TOOL') return 'tool';
  if (str(a, 'gen_ai.tool.name') !== undefined || idFrom(a.get('gen_ai.tool.call.id')) !== null) return 'tool';
  const op = str(a, 'gen_ai.operation.name');
  if ((op !== undefined && LLM_OPERATIONS.has(op)) || str(a, 'openinference.span.kind') === 'LLM') return 'llm';
  return 'other';
}

interface Span extends SpanLike {
  traceId: string;
  name: string;
  attrs: Attrs;
  failed: boolean;
  statusMessage: string | undefined;
  exception: string | undefined;
  where: string;
}

function resultOf(s: Span): ObservedResult {
  const errorType = str(s.attrs, 'error.type');
  if (s.failed || errorType !== undefined) {
    const message = errorMessage(s.statusMessage ?? s.exception ?? errorType, 'error');
    const timeout = (errorType !== undefined && looksLikeTimeout(errorType)) || looksLikeTimeout(message);
    return timeout ? { kind: 'timeout', message } : { kind: 'error', message };
  }
  const raw = s.attrs.get('gen_ai.tool.call.result') ?? s.attrs.get('output.value') ?? s.attrs.get('tool_response');
  return { kind: 'ok', output: raw === undefined ? undefined : toOutput(raw) };
}

function toCall(s: Span, turn: number): ObservedCall {
  const genai = str(s.attrs, 'gen_ai.operation.name') === 'execute_tool';
  const name =
    (genai ? str(s.attrs, 'gen_ai.tool.name') : str(s.attrs, 'tool.name')) ?? str(s.attrs, 'gen_ai.tool.name') ?? str(s.attrs, 'tool.name');
  const tool = name ?? (s.name.replace(/^(execute_tool|running tool:)\s*/i, '').trim() || 'tool');
  const rawArgs = s.attrs.get('gen_ai.tool.call.arguments') ?? s.attrs.get('input.value') ?? s.attrs.get('tool_arguments');
  const { input, note } = toInput(rawArgs);
  const id = idFrom(s.attrs.get('gen_ai.tool.call.id')) ?? str(s.attrs, 'tool_call.id') ?? str(s.attrs, 'tool.id') ?? null;
  return {
    sourceId: id ?? `span ${s.id}`,
    tool,
    input,
    inputNote: note,
    result: resultOf(s),
    startMs: s.startMs,
    endMs: s.endMs,
    turn,
    where: s.where,
  };
}

export function readOtlp(file: string, doc: Decoded): ReadResult {
  const problems: Problem[] = [];
  const spans: Span[] = [];
  const addSpan = (raw: unknown, line: number | null, path: PropertyKey[]) => {
    const d = parseAt(spanSchema, raw, problems, file, line, path);
    if (d === undefined) return;
    const attrs = attrsOf(d.attributes);
    const exceptionEvent = d.events?.find((e) => e.name === 'exception');
    const exAttrs = attrsOf(exceptionEvent?.attributes);
    const code = d.status?.code;
    spans.push({
      id: d.spanId,
      traceId: d.traceId,
      parentId: d.parentSpanId ? d.parentSpanId : null,
      name: d.name ?? '',
      startMs: toMs(d.startTimeUnixNano),
      endMs: toMs(d.endTimeUnixNano),
      role: roleOf(attrs),
      attrs,
      failed: code === 2 || code === 'STATUS_CODE_ERROR' || code === 'ERROR',
      statusMessage: d.status?.message || undefined,
      exception: str(exAttrs, 'exception.message') ?? str(exAttrs, 'exception.type'),
      where: location(file, line, path),
    });
  };
  const addRequest = (raw: unknown, line: number | null, base: PropertyKey[]) => {
    const p = parseAt(requestSchema, raw, problems, file, line, base);
    if (p === undefined) return;
    p.resourceSpans.forEach((rs, i) =>
      (rs.scopeSpans ?? []).forEach((ss, j) =>
        (ss.spans ?? []).forEach((span, k) => addSpan(span, line, [...base, 'resourceSpans', i, 'scopeSpans', j, 'spans', k])),
      ),
    );
  };
  if (doc.kind === 'json') addRequest(doc.value, null, []);
  else {
    for (const { line, value } of doc.lines) {
      if (isObject(value) && 'resourceSpans' in value) addRequest(value, line, []);
      else if (isObject(value) && 'spanId' in value) addSpan(value, line, []);
      else problems.push(problem(file, line, [], 'is neither an OTLP export ({"resourceSpans": …}) nor a span'));
      if (problems.length >= 50) break;
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const traces = new Map<string, Span[]>();
  for (const s of spans) traces.set(s.traceId, [...(traces.get(s.traceId) ?? []), s]);
  const runs: ObservedRun[] = [];
  for (const [traceId, list] of traces) {
    const tools = list.filter((s) => s.role === 'tool');
    if (tools.length === 0) continue;
    const turns = turnsOf(list);
    const calls = tools.sort((a, b) => a.startMs - b.startMs).map((s) => toCall(s, turns.get(s.id) ?? 0));
    const root = list.find((s) => s.parentId === null || !list.some((o) => o.id === s.parentId));
    runs.push({
      file,
      format: 'otlp',
      label: traces.size > 1 ? `${file}, trace ${traceId.slice(0, 12)}` : file,
      name: str(root?.attrs ?? new Map(), 'gen_ai.agent.name') ?? (root?.name || null),
      calls: compactTurns(calls),
      promptText: '',
      modelStepsMs: list.filter((s) => s.role === 'llm').map((s) => Math.max(0, s.endMs - s.startMs)),
    });
  }
  if (runs.length === 0) {
    return {
      ok: false,
      problems: [
        problem(
          file,
          null,
          [],
          `has ${spans.length} span(s) but no tool span: expected gen_ai.operation.name "execute_tool" or openinference.span.kind "TOOL"`,
        ),
      ],
    };
  }
  return { ok: true, runs };
}
