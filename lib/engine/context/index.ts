// The partial-state context (docs/context.md): buildContext renders what the model is handed; buildAntiPattern the wrong ways.
// Pure functions of plan + trace; never imports an SDK at runtime (see messages.ts for the structural types).
import type { Plan } from '../../plan/schema';
import type { Trace } from '../types';
import { applyAntiPattern, ANTI_PATTERN_LABELS } from './antipatterns';
import { buildConversation } from './conversation';
import type { AnthropicContext, AntiPatternContext, AntiPatternKind, Context, ContextFormat, OpenAIContext, TextContext } from './messages';
import { render } from './render';

export * from './messages';
export { ANTI_PATTERN_LABELS } from './antipatterns';
export { resolveInput } from './references';

export interface ContextOptions {
  /** Build the context at this instant: only turns whose calls are all final by then; the summary says what is pending. */
  atMs?: number;
}

/** The conversation the model is handed after the run (or at `opts.atMs`), in one of three formats. */
export function buildContext(plan: Plan, trace: Trace, format: 'anthropic', opts?: ContextOptions): AnthropicContext;
export function buildContext(plan: Plan, trace: Trace, format: 'openai', opts?: ContextOptions): OpenAIContext;
export function buildContext(plan: Plan, trace: Trace, format: 'text', opts?: ContextOptions): TextContext;
export function buildContext(plan: Plan, trace: Trace, format: ContextFormat, opts?: ContextOptions): Context;
export function buildContext(plan: Plan, trace: Trace, format: ContextFormat, opts: ContextOptions = {}): Context {
  return render(buildConversation(plan, trace, opts.atMs ?? null), format);
}

/** The same trace rendered by an anti-pattern, labelled as such (text starts with an `ANTI-PATTERN` line). */
export function buildAntiPattern(
  plan: Plan,
  trace: Trace,
  kind: AntiPatternKind,
  format: 'anthropic',
  opts?: ContextOptions,
): AntiPatternContext<AnthropicContext>;
export function buildAntiPattern(
  plan: Plan,
  trace: Trace,
  kind: AntiPatternKind,
  format: 'openai',
  opts?: ContextOptions,
): AntiPatternContext<OpenAIContext>;
export function buildAntiPattern(
  plan: Plan,
  trace: Trace,
  kind: AntiPatternKind,
  format: 'text',
  opts?: ContextOptions,
): AntiPatternContext<TextContext>;
export function buildAntiPattern(
  plan: Plan,
  trace: Trace,
  kind: AntiPatternKind,
  format: ContextFormat,
  opts?: ContextOptions,
): AntiPatternContext;
export function buildAntiPattern(
  plan: Plan,
  trace: Trace,
  kind: AntiPatternKind,
  format: ContextFormat,
  opts: ContextOptions = {},
): AntiPatternContext {
  const label = ANTI_PATTERN_LABELS[kind];
  const conv = applyAntiPattern(buildConversation(plan, trace, opts.atMs ?? null), trace, kind);
  const banner = `ANTI-PATTERN (${kind}): ${label.replace(/^Anti-pattern: /, '')}`;
  return { ...render(conv, format, banner), antiPattern: kind, label };
}
