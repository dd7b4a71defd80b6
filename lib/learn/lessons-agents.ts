// Lessons on failures that hide: a sub-agent whose opaque report swallows them, and a retried payment that may
// charge twice. Each check reads the plan on view or the last run.
import { callOf, currentRun, defineLesson, fixedCall, LESSON_SETTINGS, tracedCall } from './facts';
import { callSetTo, edge, editStep, runStep } from './steps';
import type { Lesson, LearnState } from './types';

const researchReportedItsGap = (s: LearnState) => {
  const r = tracedCall(s, 'research');
  return callOf(s.tracePlan, 'research')?.report === 'explicit' && r?.status === 'partial' && (r.hiddenFailures ?? 0) === 0;
};

export const SUB_AGENT: Lesson = defineLesson({
  id: 'sub-agent',
  title: 'A sub-agent that hides its failures',
  summary: 'A specialist that reports plain success whatever happened lets an error travel on unseen.',
  description: 'An orchestrator asks a research specialist, then writes a brief from its report.',
  calls: [
    fixedCall('research', 'sub_agent', { task: 'Find Globex’s new prices' }, { summary: 'Globex cut its entry price.' }, 0, 20000, {
      kind: 'agent',
      report: 'opaque',
      plan: {
        format: 'toolwave.plan',
        version: 1,
        name: 'Research specialist',
        settings: LESSON_SETTINGS,
        calls: [
          fixedCall('news', 'web_search', { query: 'Globex pricing' }, { urls: ['https://news.example/globex'] }, 500, 3000),
          fixedCall('article', 'fetch_url', { url: '{{news.urls.0}}' }, { text: 'Globex cuts its entry price by 20%.' }, 400, 3000, {
            faults: [{ kind: 'error', message: '404 not found', code: '404', retryable: false, probability: 1 }],
          }),
          fixedCall('pricing', 'pricing_api', { vendor: 'globex' }, { entry_usd: 12 }, 600, 3000),
        ],
        dependencies: [edge('news', 'article')],
      },
    }),
    fixedCall('brief', 'write_brief', { notes: '{{research.summary}}' }, { words: 180 }, 400, 3000),
  ],
  dependencies: [edge('research', 'brief')],
  steps: [
    runStep('run', (s) => (tracedCall(s, 'research')?.hiddenFailures ?? 0) > 0, {
      instruction: 'Run the plan, then look at research on the canvas and in the context: what did the orchestrator learn?',
      why: 'The orchestrator is told research succeeded: the 404 inside never reached it, and brief is written from half the facts.',
    }),
    editStep('explicit', callSetTo('research', 'report', 'explicit'), {
      instruction: 'Make research report explicitly what happened inside it.',
      how: 'Select research; in Inspect, set its Report to explicit.',
      why: 'An explicit report is the specialist’s own partial-state summary: failure travels as data.',
    }),
    runStep('rerun', researchReportedItsGap, {
      instruction: 'Run it again and read research’s result in the context.',
      why: 'Now research is partial, and its result says which of its calls failed: the orchestrator’s model can judge the gap.',
    }),
  ],
});

const chargeMayBeTwice = (s: LearnState) => {
  const e = tracedCall(s, 'charge_card')?.effect;
  return e !== undefined && (e.duplicated || e.maybeDuplicated);
};

const chargedOnceAfterRetry = (s: LearnState) => {
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
};

export const PAYMENT: Lesson = defineLesson({
  id: 'payment',
  title: 'A retried payment',
  summary: 'A retry after a timeout can apply a side effect twice, unless the call is idempotent.',
  description: 'The card gateway is slow: the first charge times out, and the runtime retries it.',
  calls: [
    fixedCall('load_cart', 'db_query', { cart: 'cart_7731' }, { total_usd: 53 }, 300, 2000),
    fixedCall(
      'charge_card',
      'charge_card',
      { amount_usd: '{{load_cart.total_usd}}', card: 'tok_5454' },
      { charge_id: 'ch_9PzW41x' },
      1200,
      3000,
      {
        retry: { maxAttempts: 3, initialIntervalMs: 0, backoffCoefficient: 2, jitter: 'none' },
        effect: 'once',
        faults: [{ kind: 'timeout', onAttempts: [1] }],
      },
    ),
    fixedCall('receipt', 'send_email', { charge: '{{charge_card.charge_id}}' }, { sent: true }, 250, 2000),
  ],
  dependencies: [edge('load_cart', 'charge_card'), edge('charge_card', 'receipt')],
  steps: [
    runStep('run', chargeMayBeTwice, {
      instruction: 'Run the plan. charge_card times out once and is retried: what does the summary say about it?',
      why: 'The first attempt timed out, but the gateway may have charged the card anyway: the retry may charge it a second time.',
    }),
    editStep('idempotent', callSetTo('charge_card', 'effect', 'idempotent'), {
      instruction: 'Make charge_card idempotent (as with an idempotency key).',
      how: 'Select charge_card; in Inspect → Side effect, set the effect to idempotent.',
      why: 'With an idempotency key the gateway applies the charge once, however often the runtime retries.',
    }),
    runStep('rerun', chargedOnceAfterRetry, {
      instruction: 'Run it again.',
      why: 'The retry still rescues the payment from the timeout, and now it cannot charge twice.',
    }),
  ],
});
