// Lessons on failures that hide: a sub-agent whose opaque report swallows them, and a retried payment that may
// charge twice. Each check reads the plan on view or the last run.
import { callOf, currentRun, lessonPlan, tracedCall } from './facts';
import type { Lesson } from './types';

const settings = { strategy: 'waves', modelTurnMs: 500, seed: 1 };

export const SUB_AGENT: Lesson = {
  id: 'sub-agent',
  title: 'A sub-agent that hides its failures',
  summary: 'A specialist that reports plain success whatever happened lets an error travel on unseen.',
  plan: lessonPlan({
    format: 'toolwave.plan',
    version: 1,
    name: 'Lesson · A sub-agent that hides its failures',
    description: 'An orchestrator asks a research specialist, then writes a brief from its report.',
    settings,
    calls: [
      {
        id: 'research',
        tool: 'sub_agent',
        kind: 'agent',
        report: 'opaque',
        input: { task: 'Find Globex’s new prices' },
        output: { summary: 'Globex cut its entry price.' },
        latency: { kind: 'fixed', ms: 0 },
        timeoutMs: 20000,
        plan: {
          format: 'toolwave.plan',
          version: 1,
          name: 'Research specialist',
          settings,
          calls: [
            {
              id: 'news',
              tool: 'web_search',
              input: { query: 'Globex pricing' },
              output: { urls: ['https://news.example/globex'] },
              latency: { kind: 'fixed', ms: 500 },
              timeoutMs: 3000,
            },
            {
              id: 'article',
              tool: 'fetch_url',
              input: { url: '{{news.urls.0}}' },
              output: { text: 'Globex cuts its entry price by 20%.' },
              latency: { kind: 'fixed', ms: 400 },
              timeoutMs: 3000,
              faults: [{ kind: 'error', message: '404 not found', code: '404', retryable: false, probability: 1 }],
            },
            {
              id: 'pricing',
              tool: 'pricing_api',
              input: { vendor: 'globex' },
              output: { entry_usd: 12 },
              latency: { kind: 'fixed', ms: 600 },
              timeoutMs: 3000,
            },
          ],
          dependencies: [{ from: 'news', to: 'article' }],
        },
      },
      {
        id: 'brief',
        tool: 'write_brief',
        input: { notes: '{{research.summary}}' },
        output: { words: 180 },
        latency: { kind: 'fixed', ms: 400 },
        timeoutMs: 3000,
      },
    ],
    dependencies: [{ from: 'research', to: 'brief' }],
  }),
  steps: [
    {
      id: 'run',
      action: 'run',
      instruction: 'Run the plan, then look at research on the canvas and in the context: what did the orchestrator learn?',
      check: (s) => (tracedCall(s, 'research')?.hiddenFailures ?? 0) > 0,
      why: 'The orchestrator is told research succeeded: the 404 inside never reached it, and brief is written from half the facts.',
    },
    {
      id: 'explicit',
      action: 'edit',
      instruction: 'Make research report explicitly what happened inside it.',
      how: 'Select research; in Inspect, set its Report to explicit.',
      check: (s) => callOf(s.plan, 'research')?.report === 'explicit',
      why: 'An explicit report is the specialist’s own partial-state summary: failure travels as data.',
    },
    {
      id: 'rerun',
      action: 'run',
      instruction: 'Run it again and read research’s result in the context.',
      check: (s) => {
        const r = tracedCall(s, 'research');
        return callOf(s.tracePlan, 'research')?.report === 'explicit' && r?.status === 'partial' && (r.hiddenFailures ?? 0) === 0;
      },
      why: 'Now research is partial, and its result says which of its calls failed: the orchestrator’s model can judge the gap.',
    },
  ],
};

export const PAYMENT: Lesson = {
  id: 'payment',
  title: 'A retried payment',
  summary: 'A retry after a timeout can apply a side effect twice, unless the call is idempotent.',
  plan: lessonPlan({
    format: 'toolwave.plan',
    version: 1,
    name: 'Lesson · A retried payment',
    description: 'The card gateway is slow: the first charge times out, and the runtime retries it.',
    settings,
    calls: [
      {
        id: 'load_cart',
        tool: 'db_query',
        input: { cart: 'cart_7731' },
        output: { total_usd: 53 },
        latency: { kind: 'fixed', ms: 300 },
        timeoutMs: 2000,
      },
      {
        id: 'charge_card',
        tool: 'charge_card',
        input: { amount_usd: '{{load_cart.total_usd}}', card: 'tok_5454' },
        output: { charge_id: 'ch_9PzW41x' },
        latency: { kind: 'fixed', ms: 1200 },
        timeoutMs: 3000,
        retry: { maxAttempts: 3, initialIntervalMs: 0, backoffCoefficient: 2, jitter: 'none' },
        effect: 'once',
        faults: [{ kind: 'timeout', onAttempts: [1] }],
      },
      {
        id: 'receipt',
        tool: 'send_email',
        input: { charge: '{{charge_card.charge_id}}' },
        output: { sent: true },
        latency: { kind: 'fixed', ms: 250 },
        timeoutMs: 2000,
      },
    ],
    dependencies: [
      { from: 'load_cart', to: 'charge_card' },
      { from: 'charge_card', to: 'receipt' },
    ],
  }),
  steps: [
    {
      id: 'run',
      action: 'run',
      instruction: 'Run the plan. charge_card times out once and is retried: what does the summary say about it?',
      check: (s) => {
        const e = tracedCall(s, 'charge_card')?.effect;
        return e !== undefined && (e.duplicated || e.maybeDuplicated);
      },
      why: 'The first attempt timed out, but the gateway may have charged the card anyway: the retry may charge it a second time.',
    },
    {
      id: 'idempotent',
      action: 'edit',
      instruction: 'Make charge_card idempotent (as with an idempotency key).',
      how: 'Select charge_card; in Inspect → Side effect, set the effect to idempotent.',
      check: (s) => callOf(s.plan, 'charge_card')?.effect === 'idempotent',
      why: 'With an idempotency key the gateway applies the charge once, however often the runtime retries.',
    },
    {
      id: 'rerun',
      action: 'run',
      instruction: 'Run it again.',
      check: (s) => {
        const c = tracedCall(s, 'charge_card');
        return (
          currentRun(s) !== null &&
          callOf(s.tracePlan, 'charge_card')?.effect === 'idempotent' &&
          c?.status === 'succeeded' &&
          c.attempts.length >= 2 &&
          c.effect !== undefined &&
          !c.effect.duplicated &&
          !c.effect.maybeDuplicated
        );
      },
      why: 'The retry still rescues the payment from the timeout, and now it cannot charge twice.',
    },
  ],
};
