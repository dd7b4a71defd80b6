// Tells, by content alone, which format a decoded file is in: a Toolwave plan, one of the run formats, a transcript
// with no tool call, or none of these. Never trusts the file name. Pure.
import { FORMAT_NAMES, type FormatId } from './run';
import { isObject, type Decoded } from './source';

export type Detected = { kind: 'plan' } | { kind: 'run'; format: FormatId } | { kind: 'no-tools' } | { kind: 'unknown' };

/** The sentence an unknown file gets: every format accepted, by name. */
export const ACCEPTED_FORMATS = `a Toolwave plan (.json), an ${FORMAT_NAMES.anthropic}, an ${FORMAT_NAMES['openai-chat']}, an ${FORMAT_NAMES['openai-responses']}, an ${FORMAT_NAMES.otlp} or a ${FORMAT_NAMES.langfuse}`;

/** How many messages or items are looked at to decide. */
const SCAN = 10_000;

interface Score {
  anthropic: number;
  chat: number;
  responses: number;
  messages: number;
}

const RESPONSE_TYPES = new Set(['function_call', 'function_call_output', 'custom_tool_call', 'custom_tool_call_output', 'reasoning']);

function scoreMessage(m: unknown, s: Score): void {
  if (!isObject(m)) return;
  const type = typeof m.type === 'string' ? m.type : undefined;
  if (type !== undefined && RESPONSE_TYPES.has(type)) {
    s.responses += 1;
    return;
  }
  if (typeof m.role !== 'string') return;
  s.messages += 1;
  if (m.role === 'tool' || Array.isArray(m.tool_calls)) s.chat += 1;
  if (Array.isArray(m.content)) {
    for (const b of m.content.slice(0, 100)) {
      if (!isObject(b)) continue;
      if (b.type === 'tool_use' || b.type === 'tool_result') s.anthropic += 1;
      if (b.type === 'input_text' || b.type === 'output_text') s.responses += 1;
    }
  }
}

function verdict(s: Score): Detected {
  const best = Math.max(s.anthropic, s.chat, s.responses);
  if (best === 0) return s.messages > 0 ? { kind: 'no-tools' } : { kind: 'unknown' };
  if (s.responses === best) return { kind: 'run', format: 'openai-responses' };
  if (s.anthropic === best) return { kind: 'run', format: 'anthropic' };
  return { kind: 'run', format: 'openai-chat' };
}

function isLangfuse(v: unknown): boolean {
  return isObject(v) && Array.isArray(v.observations);
}

function detectJson(v: unknown): Detected {
  if (isObject(v)) {
    if ('format' in v) return { kind: 'plan' };
    if (Array.isArray(v.resourceSpans)) return { kind: 'run', format: 'otlp' };
    if (isLangfuse(v)) return { kind: 'run', format: 'langfuse' };
    const s: Score = { anthropic: 0, chat: 0, responses: 0, messages: 0 };
    if (v.object === 'response' || Array.isArray(v.input)) {
      for (const it of [...(Array.isArray(v.input) ? v.input : []), ...(Array.isArray(v.output) ? v.output : [])].slice(0, SCAN))
        scoreMessage(it, s);
      s.responses += 1;
      return verdict(s);
    }
    if (Array.isArray(v.choices)) {
      s.chat += 1;
      for (const m of (Array.isArray(v.messages) ? v.messages : []).slice(0, SCAN)) scoreMessage(m, s);
      return verdict(s);
    }
    if (Array.isArray(v.messages)) {
      for (const m of v.messages.slice(0, SCAN)) scoreMessage(m, s);
      return verdict(s);
    }
    if (v.type === 'message' && Array.isArray(v.content)) {
      scoreMessage(v, s);
      return verdict(s);
    }
    return { kind: 'unknown' };
  }
  if (Array.isArray(v)) {
    if (v.length > 0 && v.every(isLangfuse)) return { kind: 'run', format: 'langfuse' };
    const s: Score = { anthropic: 0, chat: 0, responses: 0, messages: 0 };
    for (const m of v.slice(0, SCAN)) scoreMessage(m, s);
    return verdict(s);
  }
  return { kind: 'unknown' };
}

function detectLines(lines: readonly { value: unknown }[]): Detected {
  const s: Score = { anthropic: 0, chat: 0, responses: 0, messages: 0 };
  let otlp = 0;
  let langfuse = 0;
  for (const { value } of lines.slice(0, SCAN)) {
    if (!isObject(value)) continue;
    if (Array.isArray(value.resourceSpans) || ('spanId' in value && 'traceId' in value)) otlp += 1;
    else if (isLangfuse(value)) langfuse += 1;
    else if (value.type === 'response_item' && isObject(value.payload)) scoreMessage(value.payload, s);
    else if (isObject(value.message)) scoreMessage(value.message, s);
    else scoreMessage(value, s);
  }
  if (otlp > 0 && otlp >= langfuse) return { kind: 'run', format: 'otlp' };
  if (langfuse > 0) return { kind: 'run', format: 'langfuse' };
  return verdict(s);
}

export function detectFormat(doc: Decoded): Detected {
  return doc.kind === 'json' ? detectJson(doc.value) : detectLines(doc.lines);
}
