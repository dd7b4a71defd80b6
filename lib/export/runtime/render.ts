// The context in three shapes: Anthropic Messages, OpenAI Chat Completions, or readable text.
// Never adds a task or system message, and never leaves a tool use unanswered.
import { buildConversation } from './context';
import { anthropicToolUses, openAIToolCalls } from '../../engine/portable/conversation';
import type { JsonObject } from '../../engine/portable/json-refs';
import type { RunReport } from './types';

export type AnthropicMessage =
  | { role: 'assistant'; content: { type: 'tool_use'; id: string; name: string; input: JsonObject }[] }
  | {
      role: 'user';
      content: ({ type: 'tool_result'; tool_use_id: string; content: string; is_error: boolean } | { type: 'text'; text: string })[];
    };

export type OpenAIMessage =
  | { role: 'assistant'; content: null; tool_calls: { id: string; type: 'function'; function: { name: string; arguments: string } }[] }
  | { role: 'tool'; tool_call_id: string; content: string }
  | { role: 'user'; content: string };

export type ContextFormat = 'anthropic' | 'openai' | 'text';
export type Context =
  | { format: 'anthropic'; messages: AnthropicMessage[] }
  | { format: 'openai'; messages: OpenAIMessage[] }
  | { format: 'text'; text: string };

/** The conversation the model is handed after the run, in the format your model API takes. */
export function buildContext(report: RunReport, format: 'anthropic'): { format: 'anthropic'; messages: AnthropicMessage[] };
export function buildContext(report: RunReport, format: 'openai'): { format: 'openai'; messages: OpenAIMessage[] };
export function buildContext(report: RunReport, format: 'text'): { format: 'text'; text: string };
export function buildContext(report: RunReport, format: ContextFormat): Context;
export function buildContext(report: RunReport, format: ContextFormat): Context {
  const conv = buildConversation(report);
  if (format === 'anthropic') {
    const messages: AnthropicMessage[] = [];
    let last: Extract<AnthropicMessage, { role: 'user' }> | null = null;
    for (const turn of conv.turns) {
      messages.push(anthropicToolUses(turn.uses));
      last = {
        role: 'user',
        content: turn.results.map((r) => ({ type: 'tool_result', tool_use_id: r.id, content: r.content, is_error: r.isError })),
      };
      messages.push(last);
    }
    if (last === null) messages.push({ role: 'user', content: [{ type: 'text', text: conv.summary }] });
    else last.content.push({ type: 'text', text: conv.summary });
    return { format, messages };
  }
  if (format === 'openai') {
    const messages: OpenAIMessage[] = [];
    for (const turn of conv.turns) {
      messages.push(openAIToolCalls(turn.uses));
      for (const r of turn.results) messages.push({ role: 'tool', tool_call_id: r.id, content: r.content });
    }
    messages.push({ role: 'user', content: conv.summary });
    return { format, messages };
  }
  const out: string[] = [];
  for (const turn of conv.turns) {
    out.push(`=== ${turn.title} ===`);
    for (const u of turn.uses) out.push(`call ${u.id}: ${u.tool}(${JSON.stringify(u.input)})`);
    for (const r of turn.results) {
      const tag = r.isError ? 'error' : r.status === 'partial' ? 'partial' : 'ok';
      out.push(`result ${r.id} [${tag}]: ${r.content.replace(/\n/g, '\n  ')}`);
    }
    out.push('');
  }
  out.push('=== Summary ===', conv.summary);
  return { format, text: out.join('\n') };
}
