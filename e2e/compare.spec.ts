// Side-by-side comparison: the correct context beside one chosen anti-pattern in two aligned columns, scrolled to the
// first difference, stepped by Next/Previous difference (and n / Shift+N), and the same choice carried into Present;
// and one call's failure under each policy, side by side.
import type { Page } from '@playwright/test';
import { buildAntiPattern, buildContext, comparePolicies, simulate, STATUS_LABEL, type AntiPatternKind } from '../lib/engine';
import { shortDuration } from '../lib/format/duration';
import { alignTexts } from '../lib/engine/context/align';
import { withoutBanner } from '../components/run/compare-choice';
import { expect, loadExamplePlan, loadExamples, openExample, SCREEN_SIZES, settled, test } from './fixtures';

const research = loadExamples().find((e) => e.name === 'Research agent');
if (research === undefined) throw new Error('no Research agent example');
const base = loadExamplePlan(research);
const plan = { ...base, settings: { ...base.settings, scenario: 'one_page_gone' } };
const trace = simulate(plan);
const correct = buildContext(plan, trace, 'text').text;
const alignment = (kind: AntiPatternKind) => alignTexts(correct, withoutBanner(buildAntiPattern(plan, trace, kind, 'text').text));

async function runOnePageGone(page: Page) {
  await openExample(page, 'Research agent');
  await page.getByRole('tab', { name: 'Inspect', exact: true }).click();
  await page.getByLabel('Active scenario').selectOption({ label: 'One page gone (404)' });
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('tab', { name: 'Run', exact: true }).click();
  await expect(page.getByText(/^Outcome: /)).toBeVisible();
  await page.getByRole('button', { name: 'Compare with the anti-patterns' }).click();
}

const current = (page: Page) => page.locator('.tw-sbs__scroll tr[aria-current="true"]');

test.describe('Side-by-side comparison', () => {
  test.beforeEach(async ({ consoleErrors }) => {
    void consoleErrors;
  });

  test('steps through the differences with the buttons and n / Shift+N, each scrolled into view', async ({ page }) => {
    await runOnePageGone(page);
    // False success rewrites the failed result and the summary: differences in two places.
    await page.getByRole('radio', { name: /False success/ }).check();
    const hunks = alignment('false_success').hunks;
    expect(hunks.length).toBeGreaterThanOrEqual(2);
    const status = page.getByTestId('difference-status');
    const box = page.getByRole('region', { name: /beside False success, line by line/ });
    await expect(status).toHaveText(`Difference 1 of ${hunks.length}`);
    // The first difference is shown without scrolling: the failed call's result, marked as differing by a sign and a word.
    await expect(current(page)).toBeInViewport();
    await expect(current(page)).toHaveAttribute('data-kind', /changed|left|right/);
    const first = alignment('false_success').rows[hunks[0].start];
    await expect(current(page).locator('[data-side="left"]')).toHaveText(first.left ?? '');
    await expect(current(page).locator('[data-side="left"]')).toContainText('fetch_2');

    const firstTop = await box.evaluate((el) => el.scrollTop);
    await page.getByRole('button', { name: 'Next difference' }).click();
    await expect(status).toHaveText(`Difference 2 of ${hunks.length}`);
    await expect(current(page)).toBeInViewport();
    const row = alignment('false_success').rows[hunks[1].start];
    await expect(current(page).locator('[data-side="right"]')).toHaveText(row.right ?? '');
    await expect(current(page).locator('[data-side="left"]')).toHaveText(row.left ?? '');
    expect(await box.evaluate((el) => el.scrollTop)).toBeGreaterThanOrEqual(firstTop);

    // The keys, while the comparison has focus.
    await box.focus();
    await page.keyboard.press('Shift+N');
    await expect(status).toHaveText(`Difference 1 of ${hunks.length}`);
    await page.keyboard.press('n');
    await expect(status).toHaveText(`Difference 2 of ${hunks.length}`);
    // Past the last it wraps to the first; Previous from the first goes to the last.
    for (let k = 2; k < hunks.length; k++) await page.keyboard.press('n');
    await expect(status).toHaveText(`Difference ${hunks.length} of ${hunks.length}`);
    await page.keyboard.press('n');
    await expect(status).toHaveText(`Difference 1 of ${hunks.length}`);
    await page.getByRole('button', { name: 'Previous difference' }).click();
    await expect(status).toHaveText(`Difference ${hunks.length} of ${hunks.length}`);
    await expect(current(page)).toBeInViewport();
  });

  test('aligns the columns: the dropped call leaves a gap beside the correct lines that name it', async ({ page }) => {
    await runOnePageGone(page);
    await page.getByRole('radio', { name: /Dropped/ }).check();
    const rows = page.locator('.tw-sbs__scroll tbody tr');
    const expected = alignment('dropped').rows;
    await expect(rows).toHaveCount(expected.length);
    const gaps = page.locator('.tw-sbs__scroll tr[data-kind="left"]');
    await expect(gaps.first().locator('[data-side="left"]')).toContainText('fetch_2');
    await expect(gaps.first().locator('[data-side="right"]')).toHaveText('');
    await expect(gaps.first().locator('.tw-sbs__mark')).toContainText('missing on the right');
  });

  test('Present shows the same comparison, with the anti-pattern chosen in the editor', async ({ page }) => {
    await runOnePageGone(page);
    await page.getByRole('radio', { name: /Total failure/ }).check();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Presentation' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('End');
    await expect(dialog.getByTestId('presentation-turn')).toHaveText(/^Model turn 4 of 4 · done/);
    await expect(dialog.getByRole('radio', { name: /Total failure/ })).toBeChecked();
    await expect(dialog.getByRole('region', { name: 'Anti-pattern: Total failure' })).toContainText(
      'It throws away fetch_1 and fetch_3, which succeeded',
    );
    await expect(dialog.getByTestId('difference-status')).toHaveText(`Difference 1 of ${alignment('total_failure').hunks.length}`);
    await expect(dialog.locator('.tw-sbs__scroll tr[aria-current="true"]')).toBeInViewport();
  });
});

for (const size of SCREEN_SIZES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`Comparison at ${size.width}×${size.height}, ${colorScheme}`, () => {
      test.use({ viewport: size, colorScheme });
      test('reads in the editor’s wide view and in Present', async ({ page }) => {
        await runOnePageGone(page);
        await page.getByRole('radio', { name: /Dropped/ }).check();
        await page.getByTestId('difference-status').scrollIntoViewIfNeeded();
        await settled(page);
        await page.screenshot({ path: `e2e/artifacts/compare-pane-${size.width}x${size.height}-${colorScheme}.png` });
        await page.getByRole('button', { name: 'Open wide' }).click();
        const wide = page.getByRole('dialog', { name: 'The correct context beside an anti-pattern' });
        await expect(wide.locator('tr[aria-current="true"]')).toBeInViewport();
        await settled(page);
        await page.screenshot({ path: `e2e/artifacts/compare-wide-${size.width}x${size.height}-${colorScheme}.png` });
        await wide.getByRole('button', { name: 'Close' }).click();
        await page.getByRole('button', { name: 'Present', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'Presentation' });
        await expect(dialog).toBeVisible();
        await page.keyboard.press('End');
        await expect(dialog.getByTestId('presentation-turn')).toHaveText(/^Model turn 4 of 4 · done/);
        await expect(dialog.locator('tr[aria-current="true"]')).toBeInViewport();
        const box = await dialog.boundingBox();
        expect(box).toEqual({ x: 0, y: 0, width: size.width, height: size.height });
        await settled(page);
        await page.screenshot({ path: `e2e/artifacts/compare-present-${size.width}x${size.height}-${colorScheme}.png` });
      });
    });
  }
}

test.describe('One failure, each policy', () => {
  const researchPlan = base;
  const cmp = comparePolicies(researchPlan, 'fetch_2');

  test('the node menu runs fetch_2 under retry, degrade and abort, side by side, each with the line that differs', async ({
    page,
    consoleErrors,
  }) => {
    void consoleErrors;
    await openExample(page, 'Research agent');
    await page.locator('main .react-flow__node[data-id="fetch_2"]').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Compare policies…' }).click();
    const dialog = page.getByRole('dialog', { name: 'One failure, each policy: fetch_2' });
    await expect(dialog).toBeVisible();
    // fetch_2 needs nothing downstream over a required edge: ignore would read as degrade, so it is left out.
    expect(cmp.outcomes.map((o) => o.policy)).toEqual(['retry', 'degrade', 'abort']);
    await expect(dialog.locator('[data-policy]')).toHaveCount(3);
    await expect(dialog).toContainText('Ignore is left out');
    for (const o of cmp.outcomes) {
      const col = dialog.locator(`[data-policy="${o.policy}"]`);
      await expect(col.getByTestId('policy-makespan')).toHaveText(o.makespanMs === null ? 'none (stuck)' : shortDuration(o.makespanMs));
      await expect(col).toContainText(o.outcomeLine);
      await expect(col.getByTestId('policy-diff-line')).toContainText(o.diffLine ?? '');
    }
    // The same luck under each: the retry recovers fetch_2's first failure; degrade goes on without it; abort stops.
    const by = Object.fromEntries(cmp.outcomes.map((o) => [o.policy, o]));
    expect(by.retry.call).toEqual({ status: 'succeeded', attempts: 2 });
    expect(by.degrade.call.attempts).toBe(1);
    expect(by.abort.outcome).toBe('aborted');
    for (const o of cmp.outcomes) {
      const n = o.call.attempts;
      await expect(dialog.locator(`[data-policy="${o.policy}"]`)).toContainText(
        `${STATUS_LABEL[o.call.status]} after ${n} ${n === 1 ? 'attempt' : 'attempts'}`,
      );
    }
    await expect(dialog.locator('[data-policy="retry"]')).toContainText('current');
    await expect(dialog.locator('[data-policy="abort"]')).toContainText('aborted');
    await settled(page);
    await page.screenshot({ path: 'e2e/artifacts/policies-1280x720-light.png' });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
  });

  test('the inspector opens it too, with ignore for a call others require', async ({ page, consoleErrors }) => {
    void consoleErrors;
    await openExample(page, 'Research agent');
    await page.locator('main .react-flow__node[data-id="search"]').click();
    await page.getByRole('tab', { name: 'Inspect', exact: true }).click();
    await page.getByRole('button', { name: 'Compare policies…' }).click();
    const dialog = page.getByRole('dialog', { name: 'One failure, each policy: search' });
    await expect(dialog.locator('[data-policy]')).toHaveCount(4);
    await expect(dialog.locator('[data-policy="ignore"]')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });
});

test.describe('One failure, each policy, at 1280×720 dark', () => {
  test.use({ colorScheme: 'dark' });
  test('reads', async ({ page, consoleErrors }) => {
    void consoleErrors;
    await openExample(page, 'Research agent');
    await page.locator('main .react-flow__node[data-id="search"]').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Compare policies…' }).click();
    await expect(page.getByRole('dialog', { name: 'One failure, each policy: search' }).locator('[data-policy]')).toHaveCount(4);
    await settled(page);
    await page.screenshot({ path: 'e2e/artifacts/policies-1280x720-dark.png' });
  });
});
