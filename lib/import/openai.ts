// Reads OpenAI transcripts into runs: Chat Completions (`tool_calls` answered by `role: "tool"` messages) and the
// Responses API (`function_call` / `function_call_output` items; Codex's `response_item` lines too). Pure: never throws.
import '../plan/zod-config';
import * as z from 'zod/mini';
import { finishReading, issueCall, startReading, type ObservedResult, type ReadResult } from './run';
import { foundIn, isObject, parseAt, problem, timeOf, type Decoded, type Found } from './source';
import { contentText, errorMessage, looksLikeTimeout, resultOutput } from './values';

/**
 * OpenAI results carry no error flag: a result counts as a failure when it is a JSON object with an `error` key
 * (`{"error": "…"}`), the shape agent frameworks use to hand a tool's failure back to the model.
 */
function resultOf(content: unknown): ObservedResult {
  const output = resultOutput(content);
  if (isObject(output) && 'error' in output && output.error !== null && output.error !== false) {
    const e = output.error;
    const message = errorMessage(
      typeof e === 'string' ? e : isObject(e) && typeof e.message === 'string' ? e.message : JSON.stringify(e),
      'tool error',
    );
    return looksLikeTimeout(message) ? { kind: 'timeout', message } : { kind: 'error', message };
  }
  return { kind: 'ok', output };
}

// ---------------------------------------------------------------- Chat Completions

const chatMessageSchema = z.object({
  role: z.string({ message: 'must be a role ("user", "assistant", "tool", …)' }),
  content: z.optional(z.unknown()),
  tool_calls: z.nullish(z.array(z.unknown(), { message: 'must be a list of tool calls' })),
  tool_call_id: z.optional(z.string()),
});

const chatToolCallSchema = z.object({
  id: z.string().check(z.minLength(1, 'must not be empty')),
  type: z.optional(z.string()),
  function: z.optional(z.object({ name: z.string().check(z.minLength(1, 'must not be empty')), arguments: z.unknown() })),
  custom: z.optional(z.object({ name: z.string().check(z.minLength(1, 'must not be empty')), input: z.unknown() })),
});

function chatMessages(doc: Decoded): Found[] {
  if (doc.kind === 'jsonl')
    return doc.lines.filter((l) => isObject(l.value)).map((l) => ({ raw: l.value, line: l.line, path: [], atMs: null }));
  const v = doc.value;
  if (Array.isArray(v)) return foundIn(v);
  if (!isObject(v)) return [];
  const out: Found[] = Array.isArray(v.messages) ? foundIn(v.messages, 'messages') : [];
  // A completion response (or a request saved with its response): its choice's message is the last turn.
  if (Array.isArray(v.choices) && isObject(v.choices[0]) && isObject(v.choices[0].message)) {
    out.push({ raw: v.choices[0].message, line: null, path: ['choices', 0, 'message'], atMs: null });
  }
  return out;
}

export function readOpenAIChat(file: string, doc: Decoded): ReadResult {
  const reading = startReading();
  const { problems, calls, byId, prompt } = reading;
  let turn = -1;
  for (const m of chatMessages(doc)) {
    const parsed = parseAt(chatMessageSchema, m.raw, problems, file, m.line, m.path);
    if (parsed === undefined) continue;
    const msg = parsed;
    if (msg.role === 'assistant') {
      turn += 1;
      (msg.tool_calls ?? []).forEach((raw, j) => {
        const at = [...m.path, 'tool_calls', j];
        const tc = parseAt(chatToolCallSchema, raw, problems, file, m.line, at);
        if (tc === undefined) return;
        const fn = tc.function ?? (tc.custom ? { name: tc.custom.name, arguments: tc.custom.input } : undefined);
        if (fn === undefined) {
          problems.push(problem(file, m.line, at, 'has neither "function" nor "custom": no tool name to import'));
          return;
        }
        issueCall(
          reading,
          { sourceId: tc.id, tool: fn.name, args: fn.arguments, startMs: null, turn },
          { file, line: m.line, path: at, idKey: 'id', idName: 'tool call id' },
        );
      });
    } else if (msg.role === 'tool') {
      if (msg.tool_call_id === undefined) {
        problems.push(problem(file, m.line, [...m.path, 'tool_call_id'], 'is required on a "tool" message'));
        continue;
      }
      const index = byId.get(msg.tool_call_id);
      if (index !== undefined) calls[index].result = resultOf(msg.content);
    } else {
      const text = contentText(msg.content);
      if (text !== null) prompt.push(text);
    }
  }
  return finishReading(file, 'openai-chat', reading);
}

// ---------------------------------------------------------------- Responses API

const callItemSchema = z.object({
  type: z.enum(['function_call', 'custom_tool_call']),
  call_id: z.string().check(z.minLength(1, 'must not be empty')),
  name: z.string().check(z.minLength(1, 'must not be empty')),
  arguments: z.optional(z.unknown()),
  input: z.optional(z.unknown()),
  status: z.nullish(z.string()),
});

const outputItemSchema = z.object({
  type: z.enum(['function_call_output', 'custom_tool_call_output']),
  call_id: z.string().check(z.minLength(1, 'must not be empty')),
  output: z.optional(z.unknown()),
  status: z.nullish(z.string()),
});

/** Items the model itself produces in one response: they never end a turn. */
const MODEL_ITEMS = new Set([
  'function_call',
  'custom_tool_call',
  'reasoning',
  'web_search_call',
  'file_search_call',
  'code_interpreter_call',
  'image_generation_call',
  'computer_call',
  'local_shell_call',
  'mcp_call',
]);

function responseItems(doc: Decoded): Found[] {
  if (doc.kind === 'jsonl') {
    return doc.lines.flatMap(({ line, value }) => {
      if (!isObject(value)) return [];
      // Codex CLI session logs: `{ "timestamp", "type": "response_item", "payload": {item} }`.
      if (value.type === 'response_item' && isObject(value.payload))
        return [{ raw: value.payload, line, path: ['payload'], atMs: timeOf(value.timestamp) }];
      if (typeof value.type === 'string' || typeof value.role === 'string')
        return [{ raw: value, line, path: [], atMs: timeOf(value.timestamp) }];
      return [];
    });
  }
  const v = doc.value;
  if (Array.isArray(v)) return foundIn(v);
  if (!isObject(v)) return [];
  const out: Found[] = [];
  if (Array.isArray(v.input)) out.push(...foundIn(v.input, 'input'));
  if (Array.isArray(v.output)) out.push(...foundIn(v.output, 'output'));
  return out;
}

export function readOpenAIResponses(file: string, doc: Decoded): ReadResult {
  const reading = startReading();
  const { problems, calls, byId, prompt } = reading;
  let turn = 0;
  let sawCall = false;
  let boundary = false;
  for (const it of responseItems(doc)) {
    if (!isObject(it.raw)) {
      problems.push(problem(file, it.line, it.path, 'must be an item object'));
      continue;
    }
    const type = typeof it.raw.type === 'string' ? it.raw.type : 'message';
    const role = typeof it.raw.role === 'string' ? it.raw.role : null;
    if (type === 'function_call' || type === 'custom_tool_call') {
      const c = parseAt(callItemSchema, it.raw, problems, file, it.line, it.path);
      if (c === undefined) continue;
      if (sawCall && boundary) turn += 1;
      sawCall = true;
      boundary = false;
      issueCall(
        reading,
        { sourceId: c.call_id, tool: c.name, args: type === 'function_call' ? c.arguments : c.input, startMs: it.atMs, turn },
        { file, line: it.line, path: it.path, idKey: 'call_id', idName: 'call_id' },
      );
    } else if (type === 'function_call_output' || type === 'custom_tool_call_output') {
      const o = parseAt(outputItemSchema, it.raw, problems, file, it.line, it.path);
      if (o === undefined) continue;
      boundary = true;
      const index = byId.get(o.call_id);
      if (index !== undefined) {
        calls[index].result = o.status === 'incomplete' ? { kind: 'error', message: 'the call ended incomplete' } : resultOf(o.output);
        calls[index].resultAt = it.atMs;
      }
    } else if (MODEL_ITEMS.has(type) || (type === 'message' && role === 'assistant')) {
      // The model's own output: part of the current turn.
    } else {
      boundary = true;
      const text = contentText(it.raw.content);
      if (text !== null) prompt.push(text);
    }
  }
  return finishReading(file, 'openai-responses', reading);
}
