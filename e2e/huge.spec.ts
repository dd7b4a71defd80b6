// A 20,000-call plan (the cap), as a careless user would throw it at the page: the import is read on a worker while
// the page answers clicks, with Cancel; "what hurts most" says what it will run and runs within that budget while the
// page answers. Long tasks are recorded per step (not asserted: on a loaded machine the OS decides how long a task
// waits), and so are the wall times, for the report.
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { layeredPlan } from '../lib/engine/layered';
import { expect, test } from './fixtures';

const CALLS = 20_000;
const NAME = `Layered ${CALLS}-call plan`;

async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The long tasks since the last call, noted on the test for the record. */
async function note(page: Page, step: string, since: number): Promise<void> {
  const tasks = await page.evaluate(() => (window as unknown as { __long: number[] }).__long.splice(0));
  test.info().annotations.push({ type: step, description: `${Date.now() - since} ms; long tasks ${JSON.stringify(tasks)}` });
}

test.describe('A plan at the 20,000-call cap', () => {
  test.slow();
  test.setTimeout(900_000);
  test.beforeEach(async ({ consoleErrors }) => {
    void consoleErrors;
  });

  test('imports on a worker while the page answers; Cancel stops it; what hurts most runs within the budget it states', async ({
    page,
  }) => {
    const file = test.info().outputPath('layered-20000.json');
    writeFileSync(file, JSON.stringify(layeredPlan({ calls: CALLS })));
    await watchLongTasks(page);
    await page.goto('/');
    await expect(page.getByText('Loading your plan…')).toHaveCount(0);
    const before = await page.locator('.tw-header__name').textContent();
    const progress = page.getByRole('status').filter({ hasText: 'Importing “layered-20000.json”' });

    // While the file is read and checked, another control answers; Cancel leaves the open plan as it was.
    await page.getByLabel('Plan file to import').setInputFiles(file);
    await expect(progress).toBeVisible();
    const examples = page.getByRole('tab', { name: 'Examples' });
    await examples.click();
    await expect(examples).toHaveAttribute('aria-selected', 'true');
    await expect(progress).toBeVisible();
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(progress).toHaveCount(0);
    await expect(page.getByText(/^Import cancelled: “layered-20000\.json” was not imported\./)).toBeVisible();
    await expect(page.locator('.tw-header__name')).toHaveText(before ?? '');

    let t = Date.now();
    await page.evaluate(() => (window as unknown as { __long: number[] }).__long.splice(0));
    await page.getByLabel('Plan file to import').setInputFiles(file);
    await expect(progress).toBeVisible();
    const library = page.getByRole('tab', { name: 'Library', exact: true });
    await library.click();
    await expect(library).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.tw-header__name')).toHaveText(NAME, { timeout: 600_000 });
    await note(page, 'import', t);

    // What hurts most says its budget before it runs, runs within it, and the page answers meanwhile.
    await page.getByRole('tab', { name: 'Many runs' }).click();
    const panel = page.getByRole('tabpanel', { name: 'Many runs' });
    await panel.getByLabel('Number of runs').fill('100');
    await panel.getByRole('checkbox', { name: /Rank what hurts most/ }).check();
    await expect(panel.getByText('(up to the 20 calls that fail most on their own, each made never to fail, 100 runs each)')).toBeVisible();
    t = Date.now();
    await panel.getByRole('button', { name: 'Run 100 times + rank up to 20 calls (100 runs each)' }).click();
    const bar = panel.getByRole('progressbar', { name: 'Runs done' });
    await expect(bar).toHaveAttribute('max', String(100 + 20 * 100));
    const inspect = page.getByRole('tab', { name: 'Inspect', exact: true });
    await inspect.click();
    await expect(inspect).toHaveAttribute('aria-selected', 'true');
    await page.getByRole('tab', { name: 'Many runs' }).click();
    await expect(bar).toBeVisible();
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect(panel.getByRole('status')).toHaveText('Cancelled: no statistics from the unfinished runs.');
    await note(page, 'what hurts most', t);

    // Run, a step of playback, and the presentation: recorded.
    t = Date.now();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Next event' })).toBeEnabled({ timeout: 600_000 });
    await note(page, 'run', t);

    // The run view: the context panel draws the end of a context too long to draw whole, and says so.
    t = Date.now();
    await page.getByRole('tab', { name: 'Run', exact: true }).click();
    // The Run tab's code arrives on first use, then draws 20,000 calls: a busy machine needs more than the default wait.
    await expect(page.getByText(/^Outcome: /)).toBeVisible({ timeout: 60_000 });
    const long = page
      .getByRole('note')
      .filter({ hasText: /^This context is [\d,]+ characters long: the last [\d,]+ are shown\. Copy and Download give it whole\.$/ });
    await expect(long).toBeVisible();
    expect(((await page.getByLabel('Context the model is handed').textContent()) ?? '').length).toBeLessThanOrEqual(200_000);
    await note(page, 'context', t);

    // The timeline draws only the rows in view: a few dozen label buttons, not 20,000, and others once scrolled.
    t = Date.now();
    await page.getByRole('button', { name: 'Show timeline' }).click();
    const labels = page.locator('.tw-tl__labels button');
    // As with the Run tab: the timeline chart's code arrives on first use, then lays out 20,000 rows.
    await expect(labels.first()).toBeVisible({ timeout: 60_000 });
    const top = await labels.allTextContents();
    expect(top.length).toBeGreaterThan(0);
    expect(top.length).toBeLessThan(300);
    await page.locator('.tw-tl__body').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect(labels.first()).not.toHaveText(top[0]);
    const bottom = await labels.allTextContents();
    expect(bottom.length).toBeLessThan(300);
    expect(bottom.filter((id) => top.includes(id))).toEqual([]);
    await labels.last().focus();
    await page.keyboard.press('Enter');
    await expect(labels.last()).toHaveAttribute('aria-pressed', 'true');
    await page.screenshot({ path: 'e2e/artifacts/huge-run-view.png' });
    await note(page, 'timeline', t);
    t = Date.now();
    await page.getByRole('button', { name: 'Next event' }).click();
    await expect(page.locator('.tw-play__clock, [aria-label="Playback position"]').first()).toBeVisible();
    await note(page, 'step', t);
    t = Date.now();
    await page.getByRole('button', { name: 'Present' }).click();
    await expect(page.locator('.tw-present').first()).toBeVisible({ timeout: 600_000 });
    await page.keyboard.press('Escape');
    await expect(page.locator('.tw-present')).toHaveCount(0, { timeout: 600_000 });
    await note(page, 'present', t);
  });
});
