// The words of one-click injection: each kind's menu label, the noun in a button's accessible name, and a tip.
// Plain strings, never HTML.
import { INJECTED, type InjectKind, type InjectWhen } from '@/lib/plan/inject';
import { preciseDuration } from '@/lib/format/duration';

export interface InjectAction {
  kind: InjectKind;
  /** The menu item's name: "Time out". */
  label: string;
  /** The noun in "Inject time out into fetch_3". */
  noun: string;
  /** What the fault does, for a tooltip or a description. */
  tip: string;
}

/** In menu order; the toolbar and the context menu both list these. */
export const INJECT_ACTIONS: readonly InjectAction[] = [
  { kind: 'error', label: 'Fail', noun: 'failure', tip: `Fail: the attempt errors “${INJECTED.errorMessage}” (retryable)` },
  { kind: 'timeout', label: 'Time out', noun: 'time out', tip: 'Time out: the attempt hangs until the call’s timeout' },
  { kind: 'slow', label: 'Slow down', noun: 'slow-down', tip: `Slow down: the attempt takes ${INJECTED.slowFactor}× its latency` },
  {
    kind: 'rate_limit',
    label: 'Rate-limit',
    noun: 'rate limit',
    tip: `Rate-limit: 429, the next retry waits at least ${preciseDuration(INJECTED.retryAfterMs)}`,
  },
  { kind: 'partial', label: 'Return partial', noun: 'partial result', tip: 'Return partial: the call returns, incomplete (never retried)' },
];

export const WHEN_OPTIONS: readonly { when: InjectWhen; label: string; short: string }[] = [
  { when: 'every', label: 'Every attempt', short: 'Every' },
  { when: 'first', label: 'First attempt only', short: 'First' },
];

/** "Inject time out into fetch_3". */
export function injectButtonName(action: InjectAction, callId: string): string {
  return `Inject ${action.noun} into ${callId}`;
}
