// Structural message types for the partial-state context (docs/context.md): the shapes the Anthropic Messages and
// OpenAI Chat Completions APIs take. Never import the SDKs here; messages.test.ts proves the shapes match them.
import type { JsonValue } from '../../plan/schema';

export type JsonObject = { [key: string]: JsonValue };
export type ContextFormat = 'anthropic' | 'openai' | 'text';
export const CONTEXT_FORMATS: readonly ContextFormat[] = ['anthropic', 'openai', 'text'];

// ---- Anthropic Messages API ----

export interface AnthropicTextBlock {
  type: 'text';
  text: string;
}

export interface AnthropicToolUseBlock {
  type: 'tool_use';
  /** The call id, so a result can be traced to its call. */
  id: string;
  /** The tool's name. */
  name: string;
  /** Arguments with upstream references resolved. */
  input: JsonObject;
}

export interface AnthropicToolResultBlock {
  type: 'tool_result';
  tool_use_id: string;
  content: string;
  /** Always present: true exactly on failures. */
  is_error: boolean;
}

export interface AnthropicAssistantMessage {
  role: 'assistant';
  content: AnthropicToolUseBlock[];
}

export interface AnthropicUserMessage {
  role: 'user';
  /** Tool results first, then (in the last user message) the summary text. */
  content: (AnthropicToolResultBlock | AnthropicTextBlock)[];
}

export type AnthropicMessage = AnthropicAssistantMessage | AnthropicUserMessage;

// ---- OpenAI Chat Completions API ----

export interface OpenAIToolCall {
  id: string;
  type: 'function';
  function: { name: string; /** JSON text of the resolved input. */ arguments: string };
}

export interface OpenAIAssistantMessage {
  role: 'assistant';
  content: null;
  tool_calls: OpenAIToolCall[];
}

export interface OpenAIToolMessage {
  role: 'tool';
  tool_call_id: string;
  content: string;
}

export interface OpenAIUserMessage {
  role: 'user';
  content: string;
}

export type OpenAIMessage = OpenAIAssistantMessage | OpenAIToolMessage | OpenAIUserMessage;

// ---- The context ----

export interface AnthropicContext {
  format: 'anthropic';
  messages: AnthropicMessage[];
}

export interface OpenAIContext {
  format: 'openai';
  messages: OpenAIMessage[];
}

export interface TextContext {
  format: 'text';
  text: string;
}

export type Context = AnthropicContext | OpenAIContext | TextContext;

export type AntiPatternKind = 'dropped' | 'total_failure' | 'false_success';
export const ANTI_PATTERNS: readonly AntiPatternKind[] = ['dropped', 'total_failure', 'false_success'];

/** A context rendered the wrong way on purpose, for teaching; `label` says in one sentence what is wrong. */
export type AntiPatternContext<C extends Context = Context> = C & { antiPattern: AntiPatternKind; label: string };
