// "Many runs": 100,000 seeded runs on the page's workers with a progress bar and Cancel while the page
// stays responsive; the statistics and chart; a comparison of two policies whose numbers agree with
// `npm run --silent sim` on the same seeds; exports.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { runMonteCarlo, type MonteCarloStats } from '../lib/engine/montecarlo';
import { layeredPlan } from '../lib/engine/layered';
import { statsJson } from '../lib/cli/report';
import { deltas, describeDeltas, type Reliability } from '../lib/engine/reliability';
import { parsePlan, serializePlan, type Plan } from '../lib/plan';
import { hurtBudget } from '../lib/stats/hurts';
import { formatPercent } from '../components/stats/format';
import { columnDuration } from '../lib/format/duration';
import { expect, expectScreenHolds, loadExamplePlan, loadExamples, openExample, sim, test } from './fixtures';

const research = loadExamples().find((e) => e.name === 'Research agent');
if (research === undefined) throw new Error('no Research agent example');
const plan = loadExamplePlan(research);

/** Variant B of the comparison: fetch_3 (which times out 15% of the time) gets 4 attempts instead of 2. */
const planB: Plan = { ...plan, calls: plan.calls.map((c) => (c.id === 'fetch_3' ? { ...c, retry: { ...c.retry, maxAttempts: 4 } } : c)) };

const panel = (page: Page) => page.getByRole('tabpanel', { name: 'Many runs' });
const runsField = (page: Page) => panel(page).getByLabel('Number of runs');

/** Research agent is also the first visit's plan: wait for the example's own opening, not just its calls. */
async function openResearch(page: Page) {
  await openExample(page, 'Research agent');
  await page.getByRole('tab', { name: 'Many runs' }).click();
}

/** The parts of a Reliability the deltas line reads, from the CLI's numbers. */
function fromCli(s: MonteCarloStats): Reliability {
  const attemptsPerRun = Object.values(s.calls).reduce((n, c) => n + c.meanAttempts, 0);
  return {
    stats: s,
    successRate: s.outcomes.complete / s.runs,
    misledShare: 0,
    attemptsPerRun,
    makespans: new Float64Array(0),
    hasEffects: s.effects !== undefined,
    failureRates: {},
  };
}

async function shoot(page: Page, name: string) {
  const size = page.viewportSize();
  const tag = size === null ? '' : `-${size.width}x${size.height}`;
  // No chart tooltip left open under the pointer.
  await page.mouse.move(1, 1);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(panel(page)).toBeInViewport();
    await expectScreenHolds(page, scheme);
    await page.screenshot({ path: `e2e/artifacts/${name}${tag}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Screenshots of the pane scrolled to each of the given headings (for reviewing the whole tab). */
async function shootPane(page: Page, name: string, headings: string[]) {
  const body = panel(page);
  await page.mouse.move(1, 1);
  for (const [i, h] of headings.entries()) {
    // Scroll the pane alone (scrollIntoView would also nudge the page's own layout).
    await body.evaluate((el, text) => {
      const target = [...el.querySelectorAll('h2, h3')].find((x) => x.textContent === text);
      if (target !== undefined) el.scrollTop += target.getBoundingClientRect().top - el.getBoundingClientRect().top - 8;
    }, h);
    // The heading scrolled to is the one on show.
    await expect(body.getByRole('heading', { name: h, exact: true })).toBeInViewport();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expectScreenHolds(page, scheme);
      await page.screenshot({ path: `e2e/artifacts/${name}-pane-${i + 1}-${scheme}.png` });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await body.evaluate((el) => el.scrollTo(0, 0));
}

test.describe('Many runs', () => {
  test.beforeEach(async ({ consoleErrors }) => {
    void consoleErrors;
  });

  test('runs an example 100,000 times: progress, then the statistics and the chart', async ({ page }) => {
    await openResearch(page);
    const field = runsField(page);
    // A number out of range is refused beside the field, and Run is off.
    await field.fill('50');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const describedBy = await field.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${describedBy}"]`)).toHaveText('Runs must be a whole number from 100 to 100,000.');
    await expect(panel(page).getByRole('button', { name: 'Run', exact: true })).toBeDisabled();

    await field.fill('100000');
    await expect(field).toHaveAttribute('aria-invalid', 'false');
    // Note every value the progress bar shows (a small example may finish within a frame or two).
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { __progress: number[] }).__progress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('progress[aria-label="Runs done"]') as HTMLProgressElement | null;
        if (bar !== null) seen.push(bar.value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await panel(page).getByRole('button', { name: 'Run 100,000 times' }).click();
    const results = panel(page).getByRole('region', { name: 'Statistics' });
    await expect(results.locator('.tw-stats-results__runs')).toHaveText(/^100,000 runs · seed 7$/, { timeout: 30_000 });
    const seen = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
    expect(seen.length).toBeGreaterThan(0);
    // The finished bar stays, full, until the next run.
    const bar = panel(page).getByRole('progressbar', { name: 'Runs done' });
    await expect(bar).toHaveAttribute('value', '100000');
    await expect(bar).toHaveAttribute('max', '100000');
    await expect(panel(page).locator('.tw-stats-progress__text')).toHaveText('100,000 of 100,000 runs · done');

    const expected = runMonteCarlo(plan, { runs: 100_000 });
    await expect(results.locator('[data-stat="success"]')).toHaveText(formatPercent(expected.outcomes.complete / expected.runs));
    await expect(results.locator('[data-stat="p50"]')).toHaveText(columnDuration(expected.makespanMs.p50));
    await expect(results.locator('[data-stat="p95"]')).toHaveText(columnDuration(expected.makespanMs.p95));
    await expect(results.locator('[data-stat="p99"]')).toHaveText(columnDuration(expected.makespanMs.p99));
    await expect(results.locator('[data-stat="misled"]')).toContainText('misled the model in');
    // Outcome shares in words and numbers.
    await expect(results.locator('[data-outcome="complete"]')).toContainText(
      `Complete${formatPercent(expected.outcomes.complete / expected.runs)}`,
    );
    await expect(results.locator('[data-outcome="partial"]')).toContainText(expected.outcomes.partial.toLocaleString('en-US'));
    // Per call: the CLI's success rates.
    for (const [id, c] of Object.entries(expected.calls)) {
      await expect(results.locator(`tr[data-call="${id}"] [data-col="success"]`)).toHaveText(formatPercent(c.successRate));
    }
    // The chart: bars and the three percentile lines, drawn on the client.
    const chart = results.locator('.tw-stats-chart__plot svg.recharts-surface');
    await expect(chart).toBeVisible();
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(5);
    await expect(chart.locator('.recharts-reference-line')).toHaveCount(3);

    // Sorting the per-call table by success rate puts the weakest call first.
    await results.getByRole('button', { name: 'Success rate' }).click();
    const weakest = Object.entries(expected.calls).sort((x, y) => x[1].successRate - y[1].successRate)[0][0];
    await expect(results.locator('tbody tr').first()).toHaveAttribute('data-call', weakest);
    await expect(results.getByRole('columnheader', { name: 'Success rate' })).toHaveAttribute('aria-sort', 'ascending');

    // Charts save as SVG (colours inlined, no CSS variable left) and as PNG.
    const svgDownload = page.waitForEvent('download');
    await results.getByRole('button', { name: 'Save chart as SVG' }).click();
    const svgFile = await svgDownload;
    expect(svgFile.suggestedFilename()).toBe('research-agent-makespan.svg');
    const svgText = readFileSync(await svgFile.path(), 'utf8');
    expect(svgText).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(svgText).toContain('Makespan of 100,000 runs — Research agent');
    expect(svgText).not.toContain('var(');
    const pngDownload = page.waitForEvent('download');
    await results.getByRole('button', { name: 'Save chart as PNG' }).click();
    const pngFile = await pngDownload;
    expect(pngFile.suggestedFilename()).toBe('research-agent-makespan.png');
    const png = readFileSync(await pngFile.path());
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    await pngFile.saveAs('e2e/artifacts/stats-chart-export.png');

    await shoot(page, 'stats-results');
  });

  test('a 200-call plan: the progress bar advances, the page answers clicks, and Cancel stops the runs', async ({ page }) => {
    const parsed = parsePlan(layeredPlan({ calls: 200 }));
    if (!parsed.ok) throw new Error('the layered plan is invalid');
    await page.goto('/');
    await expect(page.getByText('Loading your plan…')).toHaveCount(0);
    await page.getByRole('tab', { name: 'Library', exact: true }).click();
    await page.setInputFiles('input[type="file"][aria-label="Plan file to import"]', {
      name: 'layered-200.plan.json',
      mimeType: 'application/json',
      buffer: Buffer.from(serializePlan(parsed.plan)),
    });
    await expect(page.locator('.tw-header__name')).toHaveText(parsed.plan.name);
    await page.getByRole('tab', { name: 'Many runs' }).click();
    await runsField(page).fill('100000');
    // With "what hurts most" (one variant per call) the batch is long enough to catch running on any machine.
    await panel(page)
      .getByRole('checkbox', { name: /Rank what hurts most/ })
      .check();
    // What hurts most runs within its budget: the 20 calls that fail most, a baseline beside them, 2,000 runs each.
    const budget = hurtBudget(parsed.plan, 100_000);
    expect(budget).toEqual({ calls: 20, runs: 2000 });
    const total = 100_000 + (budget.calls + 1) * budget.runs;
    const runLabel = 'Run 100,000 times + rank up to 20 calls (2,000 runs each)';
    // Long tasks on the page while the runs run (the workers do the work; the page only draws progress).
    await page.evaluate(() => {
      const longest: number[] = [];
      (window as unknown as { __long: number[] }).__long = longest;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longest.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    await panel(page).getByRole('button', { name: runLabel }).click();

    const progress = panel(page).getByRole('progressbar', { name: 'Runs done' });
    await expect(progress).toBeVisible();
    await expect(progress).toHaveAttribute('max', String(total));
    const value = async () => Number(await progress.getAttribute('value'));
    await expect.poll(value).toBeGreaterThan(0);
    const first = await value();
    await expect.poll(value).toBeGreaterThan(first);
    await expect(
      panel(page).getByText(new RegExp(`^[\\d,]+ of ${total.toLocaleString('en-US')} runs \\(with what hurts most\\)$`)),
    ).toBeVisible();

    // Another control answers at once while the runs go on.
    const inspect = page.getByRole('tab', { name: 'Inspect', exact: true });
    const started = Date.now();
    await inspect.click();
    await expect(inspect).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel', { name: 'Inspect' })).toBeVisible();
    const answered = Date.now() - started;
    await page.getByRole('tab', { name: 'Many runs' }).click();
    await expect(progress).toBeVisible();
    const again = await value();
    expect(again).toBeLessThan(total);
    await shoot(page, 'stats-running');

    await panel(page).getByRole('button', { name: 'Cancel' }).click();
    await expect(panel(page).getByRole('status')).toHaveText('Cancelled: no statistics from the unfinished runs.');
    await expect(progress).toHaveCount(0);
    await expect(panel(page).getByRole('button', { name: runLabel })).toBeEnabled();
    // The focus is not lost with the Cancel button.
    await expect(panel(page).getByRole('button', { name: runLabel })).toBeFocused();
    await expect(panel(page).getByRole('region', { name: 'Statistics' })).toHaveCount(0);

    // For the record (not asserted: on a loaded machine the OS, not the page, decides how long a task waits).
    const longTasks = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    test.info().annotations.push({
      type: 'main thread',
      description: `tab switch answered in ${answered} ms; long tasks while running: ${JSON.stringify(longTasks.map(Math.round))}`,
    });
  });

  test('compares two policies on the same seeds, as `npm run sim` does, and keeps B', async ({ page }) => {
    await openResearch(page);
    const p = panel(page);
    await p.getByRole('button', { name: 'Make variant B from this plan' }).click();
    const attempts = p.getByLabel('Max attempts of fetch_3');
    await expect(attempts).toHaveValue('2');
    // A value the schema refuses is named beside the field, and nothing runs until it is fixed.
    await attempts.fill('0');
    await expect(attempts).toHaveAttribute('aria-invalid', 'true');
    await expect(p.getByText('fetch_3: Max attempts must be at least 1.')).toBeVisible();
    await expect(p.getByRole('button', { name: /^Run/ })).toBeDisabled();
    await attempts.fill('4');
    await expect(attempts).toHaveAttribute('aria-invalid', 'false');
    await expect(attempts).toHaveClass(/tw-stats-field--changed/);
    await expect(p.getByRole('list', { name: 'Changes from A' })).toHaveText('fetch_3 max attempts: 2 → 4');

    await p.getByRole('button', { name: '1,000', exact: true }).click();
    await p.getByRole('button', { name: 'Run A and B 1,000 times' }).click();
    const results = p.getByRole('region', { name: 'Statistics' });
    await expect(results.locator('.tw-stats-results__runs')).toHaveText('1,000 runs each · seed 7', { timeout: 30_000 });

    // The CLI on both plans, same seed and runs.
    const a = sim(plan, 1000, 'plan-a');
    const b = sim(planB, 1000, 'plan-b');
    // The CLI's JSON leaves out the effect shares of a plan without side effects.
    expect(a).toEqual(JSON.parse(JSON.stringify(statsJson(plan, runMonteCarlo(plan, { runs: 1000 })))));
    expect(b).toEqual(JSON.parse(JSON.stringify(statsJson(planB, runMonteCarlo(planB, { runs: 1000 })))));
    const row = (key: string) => results.locator(`.tw-stats-ab tr[data-row="${key}"]`);
    await expect(row('complete').locator('[data-col="a"]')).toHaveText(formatPercent(a.outcomes.complete / a.runs));
    await expect(row('complete').locator('[data-col="b"]')).toHaveText(formatPercent(b.outcomes.complete / b.runs));
    await expect(row('p95').locator('[data-col="a"]')).toHaveText(columnDuration(a.makespanMs.p95));
    await expect(row('p95').locator('[data-col="b"]')).toHaveText(columnDuration(b.makespanMs.p95));
    await expect(results.locator('[data-stat="deltas"]')).toHaveText(`B against A: ${describeDeltas(deltas(fromCli(a), fromCli(b)))}`);
    expect(b.outcomes.complete).toBeGreaterThan(a.outcomes.complete);
    await expect(row('complete').locator('[data-col="delta"]')).toHaveText(/^\+/);
    // Both histograms, on the same axis.
    await expect(results.locator('.tw-stats-chart__plot .recharts-bar')).toHaveCount(2);

    await shoot(page, 'stats-compare');
    await shootPane(page, 'stats-compare-1280x720', ['Variant B', 'A and B', 'Makespan', 'Per call']);

    // Keep B: it becomes the plan (one undo step), and its numbers the plan's.
    await results.getByRole('button', { name: 'Keep B as the plan' }).click();
    await expect(page.getByText('Variant B is now the plan. Undo brings A back.')).toBeVisible();
    await expect(p.getByRole('button', { name: 'Make variant B from this plan' })).toBeVisible();
    await expect(results.locator('.tw-stats-results__runs')).toHaveText('1,000 runs · seed 7');
    await expect(results.locator('[data-stat="success"]')).toHaveText(formatPercent(b.outcomes.complete / b.runs));
    await expect(results.getByRole('note')).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(results.getByRole('note')).toContainText('earlier version of the plan');
  });

  test('exports the statistics as JSON and CSV', async ({ page }) => {
    await openResearch(page);
    const p = panel(page);
    await p.getByRole('button', { name: '1,000', exact: true }).click();
    await p.getByRole('button', { name: 'Run 1,000 times' }).click();
    const results = p.getByRole('region', { name: 'Statistics' });
    await expect(results.locator('.tw-stats-results__runs')).toHaveText('1,000 runs · seed 7');

    const expected = runMonteCarlo(plan, { runs: 1000 });
    const json = page.waitForEvent('download');
    await results.getByRole('button', { name: 'Export statistics as JSON' }).click();
    const jsonFile = await json;
    expect(jsonFile.suggestedFilename()).toBe('research-agent-stats.json');
    const doc = JSON.parse(readFileSync(await jsonFile.path(), 'utf8'));
    expect(doc.runs).toBe(1000);
    expect(doc.variants[0].runs).toBe(1000);
    expect(doc.variants[0].outcomes).toEqual(expected.outcomes);
    expect(doc.variants[0].makespanMs).toEqual(expected.makespanMs);
    expect(doc.variants[0].calls).toEqual(JSON.parse(JSON.stringify(expected.calls)));

    const csv = page.waitForEvent('download');
    await results.getByRole('button', { name: 'Export statistics as CSV' }).click();
    const csvFile = await csv;
    expect(csvFile.suggestedFilename()).toBe('research-agent-stats.csv');
    const lines = readFileSync(await csvFile.path(), 'utf8').split('\n');
    expect(lines[0]).toBe('"variant","call","success_rate","mean_attempts","gain_if_never_failed_points"');
    expect(lines.filter((l) => l.startsWith('"A",')).length).toBe(plan.calls.length + 1);
  });

  test('ranks what hurts most', async ({ page }) => {
    await openResearch(page);
    const p = panel(page);
    await p.getByRole('checkbox', { name: /Rank what hurts most/ }).check();
    await p.getByRole('button', { name: '1,000', exact: true }).click();
    // The button says what the ranking will run: each of the 6 calls at most, on the same 1,000 runs.
    await expect(p.getByText('(up to the 6 calls that fail most on their own, each made never to fail, 1,000 runs each)')).toBeVisible();
    await p.getByRole('button', { name: 'Run 1,000 times + rank up to 6 calls (1,000 runs each)' }).click();
    const results = p.getByRole('region', { name: 'Statistics' });
    const list = results.locator('.tw-stats-hurts__list li');
    // Only calls that failed on their own are ranked (a call that never fails would gain nothing).
    await expect(list.first()).toBeVisible();
    expect(await list.count()).toBeLessThanOrEqual(plan.calls.length);
    await expect(results.getByText(/^Ranked: the (call|\d+ calls) that failed most on their own/)).toBeVisible();
    // fetch_3 times out 15% of the time: it hurts most.
    await expect(list.first()).toContainText(/^fetch_3 never failing: success [\d.]+% → [\d.]+% \(\+[\d.]+ points?\)/);
  });
});

test.describe('Many runs on the canvas', () => {
  test.beforeEach(({ consoleErrors }) => void consoleErrors);

  test('each call shows its success rate over the runs, and the overlay can be switched off', async ({ page }) => {
    await openResearch(page);
    const p = panel(page);
    await p.getByRole('button', { name: '1,000', exact: true }).click();
    await p.getByRole('button', { name: 'Run 1,000 times' }).click();
    await expect(p.getByRole('region', { name: 'Statistics' })).toBeVisible();
    const stats = runMonteCarlo(plan, { runs: 1000 });
    const fetch3 = page.locator('.react-flow__node-toolCall[data-id="fetch_3"] .tw-heat');
    const rate = stats.calls.fetch_3.successRate;
    expect(rate).toBeLessThan(1);
    // The tint's number is the Per call table's, rounded the same way.
    await expect(fetch3).toContainText(formatPercent(rate));
    await expect(fetch3).toHaveAttribute('title', `Succeeded (or returned partial) in ${formatPercent(rate)} of 1,000 runs`);
    await expect(p.locator('tr[data-call="fetch_3"] [data-col="success"]')).toHaveText(formatPercent(rate));
    await expect(page.locator('.react-flow__node-toolCall .tw-heat')).toHaveCount(plan.calls.length);
    await p.getByRole('checkbox', { name: 'Tint the canvas by success rate' }).uncheck();
    await expect(page.locator('.react-flow__node-toolCall .tw-heat')).toHaveCount(0);
  });
});

test.describe('Many runs, edge cases', () => {
  test.beforeEach(async ({ consoleErrors }) => {
    void consoleErrors;
  });

  test('a plan whose every run ends alike still draws one bar with its lines', async ({ page }) => {
    const auth = loadExamples().find((e) => e.name === 'Auth failure aborts');
    if (auth === undefined) throw new Error('no Auth failure aborts example');
    const authPlan = loadExamplePlan(auth);
    const expected = runMonteCarlo(authPlan, { runs: 1000 });
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
    await page.getByRole('tab', { name: 'Examples' }).click();
    await page.getByRole('button', { name: 'Open example Auth failure aborts' }).click();
    await page.getByRole('tab', { name: 'Many runs' }).click();
    const p = panel(page);
    await p.getByRole('button', { name: '1,000', exact: true }).click();
    await p.getByRole('button', { name: 'Run 1,000 times' }).click();
    const results = p.getByRole('region', { name: 'Statistics' });
    await expect(results.locator('[data-stat="success"]')).toHaveText(formatPercent(expected.outcomes.complete / 1000));
    await expect(results.locator('[data-outcome="aborted"]')).toContainText(formatPercent(expected.outcomes.aborted / 1000));
    await expect(results.locator('[data-stat="p50"]')).toHaveText(columnDuration(expected.makespanMs.p50));
    const chart = results.locator('.tw-stats-chart__plot svg.recharts-surface');
    await expect(chart.locator('.recharts-bar-rectangle')).toHaveCount(1);
    await expect(chart.locator('.recharts-reference-line')).toHaveCount(3);
    await shootPane(page, 'stats-alike-1280x720', ['Makespan']);
  });
});

test.describe('Many runs in a large window', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });
  test.beforeEach(async ({ consoleErrors }) => {
    void consoleErrors;
  });

  test('results and a comparison read well at 1920×1080', async ({ page }) => {
    await openResearch(page);
    const p = panel(page);
    await p.getByRole('checkbox', { name: /Rank what hurts most/ }).check();
    await p.getByRole('button', { name: '10,000', exact: true }).click();
    await p.getByRole('button', { name: 'Run 10,000 times' }).click();
    const results = p.getByRole('region', { name: 'Statistics' });
    await expect(results.locator('.tw-stats-results__runs')).toHaveText('10,000 runs · seed 7', { timeout: 30_000 });
    await expect(results.locator('svg.recharts-surface')).toBeVisible();
    await shoot(page, 'stats-results');
    await shootPane(page, 'stats-results-1920x1080', ['Results', 'Makespan', 'Per call', 'What hurts most']);

    await p.getByRole('button', { name: 'Make variant B from this plan' }).click();
    await p.getByLabel('Max attempts of fetch_3').fill('4');
    await p.getByLabel('On failure of fetch_1').selectOption('abort');
    await p.getByLabel('Strategy').selectOption('eager');
    await p.getByRole('button', { name: 'Run A and B 10,000 times' }).click();
    await expect(results.locator('.tw-stats-results__runs')).toHaveText('10,000 runs each · seed 7', { timeout: 30_000 });
    await expect(results.locator('.tw-stats-chart__plot .recharts-bar')).toHaveCount(2);
    await shoot(page, 'stats-compare');
    await shootPane(page, 'stats-compare-1920x1080', ['Variant B', 'A and B', 'Makespan']);
  });
});
