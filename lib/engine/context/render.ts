// Renders a format-neutral Conversation as Anthropic messages, OpenAI messages or readable text (docs/context.md#the-three-formats).
// Never adds a task or system message, and never lets a tool use go unanswered.
import { anthropicToolUses, openAIToolCalls } from '../portable/conversation';
import type { Conversation, ToolResultItem, TurnItem } from './conversation';
import type {
  AnthropicContext,
  AnthropicMessage,
  AnthropicToolResultBlock,
  AnthropicUserMessage,
  Context,
  ContextFormat,
  OpenAIContext,
  OpenAIMessage,
  TextContext,
} from './messages';

/** The text a result carries: its body and notes; under `total_failure` the batch's single error. */
export function resultText(turn: TurnItem, r: ToolResultItem): { content: string; isError: boolean } {
  if (turn.batchError !== undefined) return { content: turn.batchError, isError: true };
  return { content: [r.body, ...r.notes].join('\n'), isError: r.isError };
}

export function renderAnthropic(conv: Conversation): AnthropicContext {
  const messages: AnthropicMessage[] = [];
  let lastUser: AnthropicUserMessage | null = null;
  for (const turn of conv.turns) {
    messages.push(anthropicToolUses(turn.uses));
    const results: AnthropicToolResultBlock[] = turn.results.map((r) => {
      const { content, isError } = resultText(turn, r);
      return { type: 'tool_result', tool_use_id: r.id, content, is_error: isError };
    });
    lastUser = { role: 'user', content: results };
    messages.push(lastUser);
  }
  if (lastUser === null) messages.push({ role: 'user', content: [{ type: 'text', text: conv.summary }] });
  else lastUser.content.push({ type: 'text', text: conv.summary });
  return { format: 'anthropic', messages };
}

export function renderOpenAI(conv: Conversation): OpenAIContext {
  const messages: OpenAIMessage[] = [];
  for (const turn of conv.turns) {
    messages.push(openAIToolCalls(turn.uses));
    for (const r of turn.results) messages.push({ role: 'tool', tool_call_id: r.id, content: resultText(turn, r).content });
  }
  messages.push({ role: 'user', content: conv.summary });
  return { format: 'openai', messages };
}

function hang(text: string, pad: string): string {
  return text.replace(/\n/g, `\n${pad}`);
}

/** Readable text: a header per model turn, each call it made, each result, then the summary. */
export function renderText(conv: Conversation, banner?: string): TextContext {
  const out: string[] = [];
  if (banner !== undefined) out.push(banner, '');
  for (const turn of conv.turns) {
    out.push(`=== ${turn.title} ===`);
    for (const u of turn.uses) out.push(`call ${u.id}: ${u.tool}(${JSON.stringify(u.input)})`);
    if (turn.batchError !== undefined) {
      out.push(`result (whole batch) [error]: ${hang(turn.batchError, '  ')}`);
    } else {
      for (const r of turn.results) {
        const { content, isError } = resultText(turn, r);
        out.push(`result ${r.id} [${isError ? 'error' : r.status === 'partial' ? 'partial' : 'ok'}]: ${hang(content, '  ')}`);
      }
    }
    out.push('');
  }
  out.push('=== Summary ===', conv.summary);
  return { format: 'text', text: out.join('\n') };
}

export function render(conv: Conversation, format: ContextFormat, banner?: string): Context {
  switch (format) {
    case 'anthropic':
      return renderAnthropic(conv);
    case 'openai':
      return renderOpenAI(conv);
    case 'text':
      return renderText(conv, banner);
  }
}
