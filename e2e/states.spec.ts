// Every state a call can be in during a run, reached through the UI: two small plans imported
// as files, run, and scrubbed to instants where each state shows on the canvas in words and with an icon, and
// at the end in the timeline rows. The instants come from the engine's own trace of the same plan.
import type { Page } from '@playwright/test';
import { callStateAt, simulate, type CallPhase, type Trace } from '../lib/engine';
import { parsePlan, serializePlan, type Plan, type PlanInput } from '../lib/plan';
import { expect, test } from './fixtures';

/** A plan run under eager, so each call starts as soon as its inputs are ready. */
function plan(input: Omit<PlanInput, 'format' | 'version' | 'settings'>): Plan {
  const r = parsePlan({ format: 'toolwave.plan', version: 1, settings: { strategy: 'eager' }, ...input });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return r.plan;
}

const fixed = (ms: number) => ({ kind: 'fixed' as const, ms });

/** Succeeded, partial, retry wait, failed (aborting), cancelled, not started; running and waiting on the way. */
const ABORTS = plan({
  name: 'Abort midway',
  calls: [
    { id: 'ok', tool: 'web_search', latency: fixed(100) },
    { id: 'part', tool: 'fetch_url', latency: fixed(150), faults: [{ kind: 'partial', note: '2 of 3 pages', probability: 1 }] },
    {
      id: 'flaky',
      tool: 'http_api',
      latency: fixed(100),
      retry: { maxAttempts: 2, initialIntervalMs: 200, backoffCoefficient: 2, maximumIntervalMs: 1000, jitter: 'none' },
      faults: [{ kind: 'error', message: '503 Service Unavailable', retryable: true, onAttempts: [1] }],
    },
    { id: 'slow', tool: 'db_query', latency: fixed(3000) },
    {
      id: 'boom',
      tool: 'code_run',
      latency: fixed(600),
      onFailure: 'abort',
      faults: [{ kind: 'error', message: 'fatal', retryable: false, probability: 1 }],
    },
    { id: 'later', tool: 'summarize', latency: fixed(100) },
  ],
  dependencies: [{ from: 'slow', to: 'later' }],
});

/** Timed out, skipped, hung, not started behind the hang; running and waiting on the way. */
const HANGS = plan({
  name: 'Hang and time out',
  calls: [
    { id: 'tout', tool: 'fetch_url', latency: fixed(1000), timeoutMs: 300 },
    { id: 'dep', tool: 'summarize', latency: fixed(100) },
    { id: 'stuck', tool: 'http_api', latency: fixed(100), faults: [{ kind: 'timeout', probability: 1 }] },
    { id: 'behind', tool: 'code_run', latency: fixed(100) },
  ],
  dependencies: [
    { from: 'tout', to: 'dep' },
    { from: 'stuck', to: 'behind' },
  ],
});

const canvas = (page: Page) => page.getByRole('region', { name: 'Plan graph', exact: true });
const statusOf = (page: Page, id: string) => canvas(page).locator(`.react-flow__node-toolCall[data-id="${id}"] .tw-node__status`);
const slider = (page: Page) => page.getByRole('slider', { name: 'Playback position' });

async function importAndRun(page: Page, p: Plan) {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await page
    .getByLabel('Plan file to import')
    .setInputFiles({ name: `${p.name}.json`, mimeType: 'application/json', buffer: Buffer.from(serializePlan(p)) });
  await expect(canvas(page).locator('.react-flow__node-toolCall')).toHaveCount(p.calls.length);
  await expect(page.locator('.tw-header__name')).toHaveText(p.name);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(slider(page)).toBeEnabled();
}

/** Scrubs to t and checks each call's phase against the engine's state at t, in words and with an icon. */
async function expectStatesAt(page: Page, p: Plan, trace: Trace, t: number, expected: Record<string, CallPhase>) {
  await slider(page).fill(String(t));
  for (const [id, phase] of Object.entries(expected)) {
    const index = p.calls.findIndex((c) => c.id === id);
    // The expectation is the engine's, so the test checks the drawing, not a copy of the semantics.
    expect(callStateAt(trace, index, t, (i) => p.calls[i].timeoutMs).phase, `${id} at ${t} ms`).toBe(phase);
    const status = statusOf(page, id);
    await expect(status, `${id} at ${t} ms`).toHaveAttribute('data-phase', phase);
    await expect(status.locator('svg.tw-status-icon')).toHaveCount(1);
  }
}

test.describe('Every call state, on the canvas and the timeline', () => {
  test.beforeEach(({ consoleErrors }) => void consoleErrors);

  test('succeeded, partial, waiting to retry, failed, cancelled, not started, running and waiting', async ({ page }) => {
    const trace = simulate(ABORTS);
    expect(trace.outcome).toBe('aborted');
    await importAndRun(page, ABORTS);

    await expectStatesAt(page, ABORTS, trace, 50, { ok: 'running', slow: 'running', later: 'waiting' });
    await expect(statusOf(page, 'ok')).toContainText('running');
    await expectStatesAt(page, ABORTS, trace, 200, { ok: 'succeeded', part: 'partial', flaky: 'retry_wait' });
    await expect(statusOf(page, 'flaky')).toContainText('attempt 2 in 100 ms');
    // The Run tab's table follows the cursor as well.
    const table = page.getByRole('table', { name: 'Each call at the cursor' });
    await expect(table.getByRole('row', { name: /^flaky waiting to retry 1/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /^slow running 1/ })).toBeVisible();
    await expectStatesAt(page, ABORTS, trace, trace.makespanMs as number, {
      flaky: 'succeeded',
      boom: 'failed',
      slow: 'cancelled',
      later: 'not_started',
    });
    await expect(statusOf(page, 'slow')).toContainText('cancelled');
    await expect(statusOf(page, 'later')).toContainText('not started');
    await expect(
      page.getByRole('table', { name: 'Final status of each call' }).getByRole('row', { name: /^slow cancelled 1/ }),
    ).toBeVisible();

    // The timeline names each row's end state too.
    await page.getByRole('button', { name: 'Show timeline' }).click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(timeline.getByRole('group', { name: /^part: partial, 1 attempt/ })).toBeVisible();
    await expect(timeline.getByRole('group', { name: /^flaky: succeeded, 2 attempts/ })).toBeVisible();
    await expect(timeline.getByRole('group', { name: /^boom: failed, 1 attempt/ })).toBeVisible();
    await expect(timeline.getByRole('group', { name: /^slow: cancelled, 1 attempt/ })).toBeVisible();
    await expect(timeline.getByRole('group', { name: /^later: not started, 0 attempts/ })).toBeVisible();
  });

  test('timed out, skipped, hung and not started behind a hang', async ({ page }) => {
    const trace = simulate(HANGS);
    expect(trace.outcome).toBe('stuck');
    await importAndRun(page, HANGS);

    await expectStatesAt(page, HANGS, trace, 200, { tout: 'running', dep: 'waiting', stuck: 'running' });
    await expect(statusOf(page, 'tout').locator('..').locator('..').locator('.tw-node__progress')).toHaveCount(1);
    const end = Number(await slider(page).getAttribute('max'));
    await expectStatesAt(page, HANGS, trace, 350, { tout: 'timed_out', dep: 'skipped' });
    await slider(page).fill(String(end));
    await expect(statusOf(page, 'tout')).toContainText('timed out');
    await expect(statusOf(page, 'dep')).toContainText('skipped');
    await expect(statusOf(page, 'stuck')).toHaveAttribute('data-phase', 'hung');
    await expect(statusOf(page, 'behind')).toHaveAttribute('data-phase', 'not_started');

    await page.getByRole('button', { name: 'Show timeline' }).click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect(timeline.getByRole('group', { name: /^stuck: hung, 1 attempt/ })).toBeVisible();
    await expect(timeline.getByRole('group', { name: /^behind: not started, 0 attempts/ })).toBeVisible();
    await expect(timeline.getByRole('group', { name: /^tout: timed out, 1 attempt/ })).toBeVisible();
    await expect(timeline.getByRole('group', { name: /^dep: skipped, 0 attempts/ })).toBeVisible();
  });
});
