// Lessons on partial failure: a timeout and what the model must be told; retry, degrade or abort per call; the two
// anti-patterns. Each check reads the plan on view, the last run or the context the model is handed.
import { ERROR_STATUSES } from '@/lib/engine/context/wording';
import {
  antiPatternText,
  callOf,
  currentRun,
  distinctSorted,
  edgeOf,
  faultActs,
  defineLesson,
  fixedCall,
  resultLine,
  resultLines,
  tracedCall,
} from './facts';
import { answerStep, callSetTo, edge, editStep, runStep } from './steps';
import type { Lesson, LearnState } from './types';

const page = (id: string, url: string, ms: number) => fixedCall(id, 'fetch_url', { url }, { text: `Prices on ${url}` }, ms, 2000);

const extractRanWithoutFetch2 = (s: LearnState) => {
  const extract = tracedCall(s, 'extract');
  return (
    tracedCall(s, 'fetch_2')?.status === 'timed_out' &&
    extract?.status === 'succeeded' &&
    extract.missingInputs.some((m) => m.id === 'fetch_2')
  );
};

const pickedFetch2Line = (s: LearnState) => {
  const line = currentRun(s) === null ? null : resultLine(s.contextText, 'fetch_2');
  return line !== null && line.startsWith('result fetch_2 [error]') && s.answers.line === line;
};

export const TIMEOUT: Lesson = defineLesson({
  id: 'timeout',
  title: 'A timeout, and what the model must be told',
  summary: 'When one call of a batch times out, the rest still count, and the model is told exactly what failed.',
  description: 'Two vendor pages fetched in parallel, then compared by extract.',
  calls: [
    fixedCall(
      'search',
      'web_search',
      { query: 'vendor pricing' },
      { urls: ['https://a.example/pricing', 'https://b.example/pricing'] },
      500,
      3000,
    ),
    page('fetch_1', '{{search.urls.0}}', 700),
    page('fetch_2', '{{search.urls.1}}', 900),
    fixedCall('extract', 'code_run', { a: '{{fetch_1.text}}', b: '{{fetch_2.text}}' }, { cheaper: 'a' }, 300, 2000, {
      degradedOutput: { cheaper: 'unknown: only one price is known' },
    }),
  ],
  dependencies: [edge('search', 'fetch_1'), edge('search', 'fetch_2'), edge('fetch_1', 'extract'), edge('fetch_2', 'extract')],
  steps: [
    editStep('inject', (s) => faultActs(s.plan, 'fetch_2', ['timeout']) && callOf(s.plan, 'fetch_2')?.timeoutMs != null, {
      instruction: 'Make fetch_2 time out.',
      how: 'Focus fetch_2 and open its menu (Shift+F10, the Menu key or a right-click), then choose a timeout.',
      why: 'A call that hangs is the commonest partial failure; its timeout is what turns the hang into an answer.',
    }),
    editStep('optional', (s) => edgeOf(s.plan, 'fetch_2', 'extract')?.optional === true, {
      instruction: 'Switch extract’s input from fetch_2 to optional, so extract can run without it.',
      how: 'Select the edge fetch_2 → extract (click it, or Tab to it and press Enter) and choose “Make optional”.',
      why: 'Optional means extract runs degraded without fetch_2 instead of being skipped, and says which input it lacks.',
    }),
    runStep('run', extractRanWithoutFetch2, {
      instruction: 'Run the plan.',
      why: 'The batch still delivers: fetch_1’s page is kept, and extract works with what came in.',
    }),
    answerStep('line', (s) => (currentRun(s) === null ? null : resultLines(s.contextText)), pickedFetch2Line, {
      instruction: 'Which line of the context does the model get for fetch_2?',
      how: 'The Run tab shows the whole context; pick the line here.',
      why: 'The model must read what failed, after how many attempts and whether it was retryable: a silent gap invites it to invent the page.',
    }),
  ],
});

const abortedByAuthAfterQuoteRetry = (s: LearnState) => {
  const run = currentRun(s);
  const quote = tracedCall(s, 'quote');
  return (
    run !== null && run.outcome === 'aborted' && run.stop?.by === 'auth' && quote?.status === 'succeeded' && quote.attempts.length >= 2
  );
};

export const POLICIES: Lesson = defineLesson({
  id: 'policies',
  title: 'Retry, degrade or abort',
  summary: 'Each call gets the policy its failure deserves: retry what is transient, degrade what is optional, abort on what is fatal.',
  description: 'A checkout quote: the quote service answers 503 once, reviews are down, and the session check fails.',
  calls: [
    fixedCall('auth', 'check_session', { session: 'sess_41' }, { user: 'u_7' }, 3000, 5000, {
      faults: [{ kind: 'error', message: 'session expired', code: '401', retryable: false, onAttempts: [1] }],
    }),
    fixedCall('quote', 'get_quote', { sku: 'TW-MUG-02' }, { usd: 14.5 }, 300, 2000, {
      faults: [{ kind: 'error', message: 'service unavailable', code: '503', retryable: true, onAttempts: [1] }],
    }),
    fixedCall('reviews', 'fetch_reviews', { sku: 'TW-MUG-02' }, { stars: 4.6 }, 400, 2000, {
      faults: [{ kind: 'error', message: 'reviews service is down', retryable: false, probability: 1 }],
    }),
    {
      id: 'offer',
      tool: 'compose_offer',
      input: { user: '{{auth.user}}', price: '{{quote.usd}}', stars: '{{reviews.stars}}' },
      latency: { kind: 'fixed', ms: 200 },
    },
  ],
  dependencies: [edge('auth', 'offer'), edge('quote', 'offer'), edge('reviews', 'offer', true)],
  steps: [
    editStep('retry', (s) => (callOf(s.plan, 'quote')?.retry.maxAttempts ?? 1) >= 2, {
      instruction: 'quote failed once with a 503, which is retryable. Give it up to 3 attempts.',
      how: 'Select quote; in Inspect, set Retry → Attempts to 3.',
      why: 'A transient failure is worth a retry. The runtime makes it inside the wave: it costs no model turn.',
    }),
    editStep('abort', callSetTo('auth', 'onFailure', 'abort'), {
      instruction: 'Without a session nothing else is worth doing: set auth’s failure policy to abort.',
      how: 'Select auth; in Inspect, set “On failure” to abort.',
      why: 'Some failures are fatal to the task: stop at once, keep what came in, and say why.',
    }),
    runStep('run', abortedByAuthAfterQuoteRetry, {
      instruction: 'Run it: quote recovers on a retry, reviews degrades (offer could do without it), and auth stops the plan.',
      why: 'Per call, not per plan: retry the transient, degrade the optional, abort on the fatal — and the context says which happened.',
    }),
  ],
});

/** Every result line the correct context and the two anti-patterns hand the model for the current run. */
function antiChoices(s: LearnState): string[] | null {
  if (currentRun(s) === null) return null;
  return distinctSorted([s.contextText, antiPatternText(s, 'total_failure'), antiPatternText(s, 'false_success')].flatMap(resultLines));
}

/** The total-failure rendering's result line that stands in for the batch (`result (whole batch) [error]: …`). */
function batchLine(s: LearnState): string | null {
  const correct = resultLines(s.contextText);
  return resultLines(antiPatternText(s, 'total_failure')).find((l) => !correct.includes(l)) ?? null;
}

const fetchBFailed = (s: LearnState) => {
  const b = tracedCall(s, 'fetch_b');
  return b !== undefined && ERROR_STATUSES.has(b.status) && tracedCall(s, 'fetch_a')?.status === 'succeeded';
};

const pickedFalseSuccessLine = (s: LearnState) => {
  const line = resultLine(antiPatternText(s, 'false_success'), 'fetch_b');
  return fetchBFailed(s) && line !== null && s.answers.false === line && line !== resultLine(s.contextText, 'fetch_b');
};

export const ANTI_PATTERNS_LESSON: Lesson = defineLesson({
  id: 'anti-patterns',
  title: 'The two anti-patterns',
  summary: 'A partial failure is neither a total failure nor a total success: see what each mistake tells the model.',
  description: 'Two vendor pages fetched in one batch.',
  calls: [page('fetch_a', 'https://a.example/pricing', 600), page('fetch_b', 'https://b.example/pricing', 800)],
  dependencies: [],
  steps: [
    editStep('fail', (s) => faultActs(s.plan, 'fetch_b', ['error', 'timeout', 'rate_limit']), {
      instruction: 'Make fetch_b fail: inject an error into it.',
      how: 'Focus fetch_b and open its menu (Shift+F10, the Menu key or a right-click), then choose an error.',
      why: 'One call of the batch fails, the other returns: a partial failure, the case both anti-patterns get wrong.',
    }),
    runStep('run', fetchBFailed, {
      instruction: 'Run it, so that fetch_b fails and fetch_a succeeds.',
      how: 'Run tab → “Compare with anti-patterns” sets the renderings side by side.',
      why: 'The correct context keeps fetch_a’s page and names fetch_b’s failure.',
    }),
    answerStep('total', antiChoices, (s) => fetchBFailed(s) && s.answers.total !== undefined && s.answers.total === batchLine(s), {
      instruction: 'Total failure: which line does that anti-pattern hand the model in place of fetch_a’s good result?',
      why: 'Treating a partial failure as total throws a good result away: the model redoes work, or gives up, for nothing.',
    }),
    answerStep('false', antiChoices, pickedFalseSuccessLine, {
      instruction: 'False success: which line does that anti-pattern hand the model for fetch_b, which failed?',
      why: 'Treating it as total success hides the failure: the model goes on as if fetch_b had answered, and fills the gap itself.',
    }),
  ],
});
