// Test helpers for the importer: the fixture files by name, and run files written the way each format writes them.
// Only tests import this file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from './source';

export function fixture(name: string): SourceFile {
  return { name, text: readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8') };
}

export interface SpanSpec {
  id: string;
  parent?: string;
  name: string;
  startMs: number;
  endMs: number;
  attrs: Record<string, string | number | boolean>;
  error?: string;
}

const anyValue = (v: string | number | boolean) =>
  typeof v === 'string'
    ? { stringValue: v }
    : typeof v === 'boolean'
      ? { boolValue: v }
      : Number.isInteger(v)
        ? { intValue: String(v) }
        : { doubleValue: v };

/** One OTLP JSON export of spans (one trace), as an exporter writes it. */
export function otlpTrace(traceId: string, spans: readonly SpanSpec[], epochMs = 1_760_000_000_000): object {
  const ns = (ms: number) => String(BigInt(Math.round((epochMs + ms) * 1000)) * 1000n);
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'agent' } }] },
        scopeSpans: [
          {
            scope: { name: 'test' },
            spans: spans.map((s) => ({
              traceId,
              spanId: s.id,
              ...(s.parent ? { parentSpanId: s.parent } : {}),
              name: s.name,
              kind: 1,
              startTimeUnixNano: ns(s.startMs),
              endTimeUnixNano: ns(s.endMs),
              attributes: Object.entries(s.attrs).map(([key, value]) => ({ key, value: anyValue(value) })),
              status: s.error === undefined ? { code: 1 } : { code: 2, message: s.error },
            })),
          },
        ],
      },
    ],
  };
}

/** A GenAI `execute_tool` span. */
export function toolSpan(
  id: string,
  tool: string,
  startMs: number,
  endMs: number,
  extra: Partial<SpanSpec> & { args?: object; result?: string } = {},
): SpanSpec {
  return {
    id,
    parent: extra.parent,
    name: `execute_tool ${tool}`,
    startMs,
    endMs,
    error: extra.error,
    attrs: {
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': tool,
      'gen_ai.tool.call.id': `call_${id}`,
      ...(extra.args !== undefined ? { 'gen_ai.tool.call.arguments': JSON.stringify(extra.args) } : {}),
      ...(extra.result !== undefined ? { 'gen_ai.tool.call.result': extra.result } : {}),
      ...(extra.attrs ?? {}),
    },
  };
}

/** A GenAI `chat` span: one model step. */
export function chatSpan(id: string, startMs: number, endMs: number, parent?: string): SpanSpec {
  return { id, parent, name: 'chat gpt-4o', startMs, endMs, attrs: { 'gen_ai.operation.name': 'chat' } };
}

/** A small seeded generator, so tests that need many runs draw the same numbers every time. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
