// Reads an Anthropic Messages transcript (a list of messages, `{ "messages": [...] }`, one Message, or JSON Lines of
// messages, Claude Code's `{ "message": {...}, "timestamp" }` lines included) into a run. Pure: never throws.
import '../plan/zod-config';
import * as z from 'zod/mini';
import { finishReading, issueCall, startReading, type ObservedResult, type ReadResult } from './run';
import { isObject, parseAt, problem, timeOf, type Decoded, type Found } from './source';
import { contentText, errorMessage, looksLikeTimeout, resultOutput } from './values';

const textOrBlocks = z.custom<string | unknown[]>((v) => typeof v === 'string' || Array.isArray(v), {
  message: 'must be text or a list of content blocks',
});

const messageSchema = z.object({
  role: z.string({ message: 'must be a role ("user" or "assistant")' }),
  content: textOrBlocks,
  id: z.optional(z.string()),
});

const toolUseSchema = z.object({
  type: z.literal('tool_use'),
  id: z.string().check(z.minLength(1, 'must not be empty')),
  name: z.string().check(z.minLength(1, 'must not be empty')),
  input: z.unknown(),
});

const toolResultSchema = z.object({
  type: z.literal('tool_result'),
  tool_use_id: z.string().check(z.minLength(1, 'must not be empty')),
  content: z.optional(z.unknown()),
  is_error: z.optional(z.boolean()),
});

/** The messages of the document, wherever its shape keeps them. */
function messagesOf(doc: Decoded): Found[] {
  if (doc.kind === 'jsonl') {
    const out: Found[] = [];
    for (const { line, value } of doc.lines) {
      if (isObject(value) && isObject(value.message) && 'role' in value.message) {
        out.push({ raw: value.message, line, path: ['message'], atMs: timeOf(value.timestamp) });
      } else if (isObject(value) && 'role' in value) {
        out.push({ raw: value, line, path: [], atMs: timeOf(value.timestamp) });
      }
    }
    return out;
  }
  const v = doc.value;
  const list = Array.isArray(v)
    ? v
    : isObject(v) && Array.isArray(v.messages)
      ? v.messages
      : isObject(v) && v.type === 'message'
        ? [v]
        : [];
  const base: PropertyKey[] = Array.isArray(v) ? [] : isObject(v) && Array.isArray(v.messages) ? ['messages'] : [];
  return list.map((raw, i) => ({ raw, line: null, path: isObject(v) && v.type === 'message' ? [] : [...base, i], atMs: null }));
}

export function readAnthropic(file: string, doc: Decoded): ReadResult {
  const reading = startReading();
  const { problems, calls, byId, prompt } = reading;
  const system = doc.kind === 'json' && isObject(doc.value) ? contentText(doc.value.system) : null;
  if (system !== null) prompt.push(system);
  let turn = -1;
  let lastAssistantId: string | undefined;

  for (const m of messagesOf(doc)) {
    const parsed = parseAt(messageSchema, m.raw, problems, file, m.line, m.path);
    if (parsed === undefined) continue;
    const msg = parsed;
    if (msg.role === 'assistant') {
      // Claude Code writes each block of one reply on a line of its own, under the same message id: one turn.
      if (msg.id === undefined || msg.id !== lastAssistantId) turn += 1;
      lastAssistantId = msg.id;
    } else {
      lastAssistantId = undefined;
    }
    if (typeof msg.content === 'string') {
      if (msg.role !== 'assistant') prompt.push(msg.content);
      continue;
    }
    msg.content.forEach((block, j) => {
      if (!isObject(block)) return;
      const at = [...m.path, 'content', j];
      if (block.type === 'text' && msg.role !== 'assistant' && typeof block.text === 'string') prompt.push(block.text);
      if (block.type === 'tool_use') {
        if (msg.role !== 'assistant') {
          problems.push(problem(file, m.line, at, `is a tool_use block in a "${msg.role}" message (only the assistant calls tools)`));
          return;
        }
        const use = parseAt(toolUseSchema, block, problems, file, m.line, at);
        if (use === undefined) return;
        issueCall(
          reading,
          { sourceId: use.id, tool: use.name, args: use.input, startMs: m.atMs, turn: Math.max(0, turn) },
          { file, line: m.line, path: at, idKey: 'id', idName: 'tool_use id' },
        );
      } else if (block.type === 'tool_result') {
        const res = parseAt(toolResultSchema, block, problems, file, m.line, at);
        if (res === undefined) return;
        const index = byId.get(res.tool_use_id);
        // A result with no call before it (a transcript cut at the start) has nothing to attach to: it is skipped.
        if (index === undefined) return;
        calls[index].result = resultOf(res.content, res.is_error === true);
        calls[index].resultAt = m.atMs;
      }
    });
  }
  return finishReading(file, 'anthropic', reading);
}

function resultOf(content: unknown, isError: boolean): ObservedResult {
  if (!isError) return { kind: 'ok', output: resultOutput(content) };
  const text = contentText(content) ?? (content === undefined ? '' : JSON.stringify(content));
  const message = errorMessage(text, 'tool error');
  return looksLikeTimeout(message) ? { kind: 'timeout', message } : { kind: 'error', message };
}
