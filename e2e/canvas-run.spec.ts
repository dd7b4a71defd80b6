// The canvas after a run, as a person sees it: each call's status at the cursor (after Run, the run's end) in words
// and with an icon, the edges carrying the outcome (data that flowed, chains broken), and drilling into a sub-agent
// to see its nested run and the failures its opaque report hid, then back up by the breadcrumb.
// The in-between states (running, waiting to retry, waiting) are unit-tested in components/canvas/run-view.test.ts.
import type { Page } from '@playwright/test';
import { simulate, STATUS_LABEL, type Trace } from '../lib/engine';
import type { Plan } from '../lib/plan';
import { expect, expectScreenHolds, loadExamplePlan, loadExamples, openExample, test } from './fixtures';

function examplePlan(name: string): Plan {
  const entry = loadExamples().find((e) => e.name === name);
  if (entry === undefined) throw new Error(`no example “${name}”`);
  return loadExamplePlan(entry);
}

const research = examplePlan('Research agent');
const subagent = examplePlan('Sub-agent hides its failures');

const canvas = (page: Page) => page.getByRole('region', { name: 'Plan graph', exact: true });
const node = (page: Page, id: string) => canvas(page).locator(`.react-flow__node-toolCall[data-id="${id}"]`);
const statusOf = (page: Page, id: string) => node(page, id).locator('.tw-node__status');
const edgePath = (page: Page, from: string, to: string) =>
  canvas(page).locator(`.react-flow__edge[data-id="${from}->${to}"] path.react-flow__edge-path`);
const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });

async function expectFinalStatuses(page: Page, trace: Trace) {
  for (const call of trace.calls) {
    const status = statusOf(page, call.id);
    await expect(status).toHaveAttribute('data-phase', call.status);
    await expect(status).toContainText(STATUS_LABEL[call.status]);
    // Never colour alone: an icon and the words.
    await expect(status.locator('svg.tw-status-icon')).toHaveCount(1);
  }
}

test.describe('Canvas after a run', () => {
  test.beforeEach(({ consoleErrors }) => void consoleErrors);

  test('every node shows its final status in words, and the edges carry the data', async ({ page }) => {
    await openExample(page, 'Research agent');
    // Before any run the nodes show no state.
    await expect(canvas(page).locator('.tw-node__status')).toHaveCount(0);
    await expect(canvas(page).locator('path.tw-run')).toHaveCount(0);

    await runButton(page).click();
    const trace = simulate(research);
    await expectFinalStatuses(page, trace);
    // fetch_2 needed a second attempt: the status says so.
    const fetch2 = trace.calls.find((c) => c.id === 'fetch_2');
    if (fetch2 !== undefined && fetch2.attempts.length > 1)
      await expect(statusOf(page, 'fetch_2')).toContainText(`after ${fetch2.attempts.length} attempts`);
    for (const d of research.dependencies) await expect(edgePath(page, d.from, d.to)).toHaveAttribute('data-run', 'flowing');
    await expect(canvas(page).locator('.react-flow__edge[data-id="search->fetch_1"] title')).toHaveText(
      'search → fetch_1: search succeeded, its result flows to fetch_1',
    );
    // At the end of the run no model turn is in progress: no band is lit.
    await expect(canvas(page).locator('.tw-band--now')).toHaveCount(0);
    await expect(canvas(page).locator('.react-flow__node-toolCall')).toHaveCount(research.calls.length);
    await expectScreenHolds(page, 'light');
    await page.screenshot({ path: 'e2e/artifacts/canvas-run-1280x720.png' });
  });

  test('a failed call breaks its chain: the edges into skipped calls are drawn broken', async ({ page }) => {
    await openExample(page, 'Research agent');
    await page.getByRole('tab', { name: 'Inspect', exact: true }).click();
    await page.getByLabel('Active scenario').selectOption({ label: 'Search API down' });
    await runButton(page).click();
    const trace = simulate({ ...research, settings: { ...research.settings, scenario: 'search_down' } });
    await expectFinalStatuses(page, trace);
    const search = trace.calls.find((c) => c.id === 'search');
    expect(search?.status).not.toBe('succeeded');
    await expect(statusOf(page, 'fetch_1')).toHaveAttribute('data-phase', 'skipped');
    await expect(edgePath(page, 'search', 'fetch_1')).toHaveAttribute('data-run', 'broken');
    await expect(canvas(page).locator('.react-flow__edge[data-id="search->fetch_1"] .tw-edge-cut')).toHaveCount(1);
    await expect(canvas(page).locator('.react-flow__edge[data-id="search->fetch_1"] title')).toContainText('broken');
    await expectScreenHolds(page, 'light');
    await page.screenshot({ path: 'e2e/artifacts/canvas-run-broken-1280x720.png' });
  });

  test.describe('sub-agent drill-down', () => {
    test('opens the nested run, says what the opaque report hid, and goes back by the breadcrumb', async ({ page }) => {
      await openExample(page, 'Sub-agent hides its failures');
      await runButton(page).click();
      const trace = simulate(subagent);
      await expectFinalStatuses(page, trace);
      await expect(node(page, 'research')).toContainText('2 hidden failures');

      await node(page, 'research').getByRole('button', { name: 'Open sub-agent research' }).click();
      const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
      await expect(crumbs.getByRole('button', { name: subagent.name })).toBeVisible();
      await expect(crumbs.locator('[aria-current="page"]')).toHaveText('Research specialist (opaque)');
      const nested = trace.calls[0].attempts.at(-1)?.nested;
      if (nested === undefined) throw new Error('the research agent has no nested run');
      await expect(canvas(page).locator('.react-flow__node-toolCall')).toHaveCount(nested.calls.length);
      await expectFinalStatuses(page, nested);
      await expect(statusOf(page, 'pricing_api')).toContainText('timed out');
      await expect(
        page.getByText(
          /Inside research \(opaque report\): this run’s nested run, attempt 1 — 2 of its 5 calls did not succeed \(1 failed, 1 timed out\); the orchestrator saw none of it\./,
        ),
      ).toBeVisible();
      // The inspector shows the plan on view.
      await page.getByRole('tab', { name: 'Inspect', exact: true }).click();
      await expect(page.getByRole('group', { name: 'Plan settings' }).getByRole('heading', { level: 2 })).toHaveText('Competitor research');
      await expect(crumbs).toBeInViewport();
      await expectScreenHolds(page, 'light');
      await page.screenshot({ path: 'e2e/artifacts/canvas-drill-1280x720.png' });

      await crumbs.getByRole('button', { name: subagent.name }).click();
      await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toHaveCount(0);
      await expect(canvas(page).locator('.react-flow__node-toolCall')).toHaveCount(subagent.calls.length);
      await expectFinalStatuses(page, trace);

      // Double-clicking the agent goes in as well.
      await node(page, 'research').locator('.tw-node__title').dblclick();
      await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeVisible();
      await expect(node(page, 'digest')).toBeVisible();
    });

    test('an edit inside the sub-agent is one undo step of the whole plan', async ({ page }) => {
      await openExample(page, 'Sub-agent hides its failures');
      await node(page, 'research').getByRole('button', { name: 'Open sub-agent research' }).click();
      await expect(page.getByText('Inside research (opaque report): run the plan to see what happens in it.')).toBeVisible();
      await node(page, 'digest').click();
      await page.keyboard.press('Delete');
      await expect(canvas(page).locator('.react-flow__node-toolCall')).toHaveCount(4);
      // Back up and in again: the nested plan kept the edit.
      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: subagent.name }).click();
      await node(page, 'research').getByRole('button', { name: 'Open sub-agent research' }).click();
      await expect(canvas(page).locator('.react-flow__node-toolCall')).toHaveCount(4);
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect(canvas(page).locator('.react-flow__node-toolCall')).toHaveCount(5);
    });
  });
});
