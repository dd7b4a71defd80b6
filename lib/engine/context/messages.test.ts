// Proves, at type level (tsc) and at run time, that the structural message types match the official SDKs.
// SDK imports are type-only and allowed here because this is a test; never cast with `as` — a cast proves nothing.
import type Anthropic from '@anthropic-ai/sdk';
import type OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { ANTI_PATTERNS, buildAntiPattern, buildContext, type AnthropicMessage, type OpenAIMessage } from './index';
import { SCENARIOS } from './test-scenarios';

const all = Object.entries(SCENARIOS);

describe('the context messages match the official SDK types', () => {
  it.each(all)('the anthropic messages of the %s run are Anthropic.MessageParam[]', (_name, make) => {
    const { plan, trace } = make();
    const messages = buildContext(plan, trace, 'anthropic').messages satisfies Anthropic.MessageParam[];
    const typed: Anthropic.MessageParam[] = messages;
    expect(typed.length).toBeGreaterThan(0);
  });

  it.each(all)('the openai messages of the %s run are ChatCompletionMessageParam[]', (_name, make) => {
    const { plan, trace } = make();
    const messages = buildContext(plan, trace, 'openai').messages satisfies OpenAI.Chat.Completions.ChatCompletionMessageParam[];
    const typed: OpenAI.ChatCompletionMessageParam[] = messages;
    expect(typed.length).toBeGreaterThan(0);
  });

  it.each(ANTI_PATTERNS)('the %s anti-pattern also renders messages each SDK accepts', (kind) => {
    const { plan, trace } = SCENARIOS.research();
    const a: Anthropic.MessageParam[] = buildAntiPattern(plan, trace, kind, 'anthropic').messages;
    const o: OpenAI.ChatCompletionMessageParam[] = buildAntiPattern(plan, trace, kind, 'openai').messages;
    expect(a.length + o.length).toBeGreaterThan(0);
  });

  it('each block and message kind is assignable to its SDK counterpart', () => {
    type A = AnthropicMessage;
    type O = OpenAIMessage;
    const toolUse = { type: 'tool_use', id: 'x', name: 't', input: { q: 1 } } satisfies Extract<
      A,
      { role: 'assistant' }
    >['content'][number] satisfies Anthropic.ToolUseBlockParam;
    const toolResult = { type: 'tool_result', tool_use_id: 'x', content: 'ok', is_error: false } satisfies Anthropic.ToolResultBlockParam;
    const call = {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'x', type: 'function', function: { name: 't', arguments: '{}' } }],
    } satisfies Extract<O, { role: 'assistant' }> satisfies OpenAI.ChatCompletionAssistantMessageParam;
    const tool = { role: 'tool', tool_call_id: 'x', content: 'ok' } satisfies Extract<
      O,
      { role: 'tool' }
    > satisfies OpenAI.ChatCompletionToolMessageParam;
    expect([toolUse.id, toolResult.tool_use_id, call.tool_calls[0].id, tool.tool_call_id]).toEqual(['x', 'x', 'x', 'x']);
  });

  it('a shape the SDK would refuse does not type-check (the checks above are not vacuous)', () => {
    // @ts-expect-error: Anthropic has no "tool" role; only a real mismatch makes this line an error.
    const wrong: Anthropic.MessageParam[] = [{ role: 'tool', content: 'x' }];
    const wrongCall: OpenAI.ChatCompletionMessageParam = {
      role: 'assistant',
      // @ts-expect-error: an OpenAI tool call's arguments must be a JSON string, not an object.
      tool_calls: [{ id: 'x', type: 'function', function: { name: 't', arguments: {} } }],
    };
    expect([wrong, wrongCall]).toHaveLength(2);
  });

  it('every anthropic tool_use input and openai arguments string survive a JSON round trip', () => {
    for (const [, make] of all) {
      const { plan, trace } = make();
      const a = buildContext(plan, trace, 'anthropic');
      expect(JSON.parse(JSON.stringify(a))).toEqual(a);
      for (const m of buildContext(plan, trace, 'openai').messages) {
        if (m.role === 'assistant') for (const c of m.tool_calls) expect(typeof JSON.parse(c.function.arguments)).toBe('object');
      }
    }
  });
});
