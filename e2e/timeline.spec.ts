// The timeline under the canvas: it asks for a run, then draws a bar per attempt, the model turns, and selects a
// call for the inspector from its label column.
import type { Page } from '@playwright/test';
import { simulate } from '../lib/engine';
import { expect, expectScreenHolds, loadExamplePlan, loadExamples, test, openExample } from './fixtures';

const research = loadExamples().find((e) => e.name === 'Research agent');
if (research === undefined) throw new Error('no Research agent example');
const plan = loadExamplePlan(research);

const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline', exact: true });

async function openResearch(page: Page) {
  await openExample(page, 'Research agent');
}

test.describe('Timeline', () => {
  test.beforeEach(async ({ page }) => {
    await openResearch(page);
  });

  test('asks for a run, then draws every attempt and the model turns', async ({ page }) => {
    const panel = timeline(page);
    // Closed until the first run; opening it before then says what to do.
    const show = panel.getByRole('button', { name: 'Show timeline' });
    await expect(show).toHaveAttribute('aria-expanded', 'false');
    await show.click();
    await expect(panel.getByText('Run the plan to see its timeline.')).toBeVisible();
    await panel.getByRole('button', { name: 'Hide timeline' }).click();
    await expect(panel.getByText('Run the plan to see its timeline.')).toBeHidden();

    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // At 720 px tall the first run leaves it closed (the canvas keeps its room); one click opens it.
    await expect(panel.getByRole('button', { name: 'Show timeline' })).toHaveAttribute('aria-expanded', 'false');
    await panel.getByRole('button', { name: 'Show timeline' }).click();
    await expect(panel.getByRole('button', { name: 'Hide timeline' })).toHaveAttribute('aria-expanded', 'true');
    const trace = simulate(plan);
    const attempts = trace.calls.reduce((n, c) => n + c.attempts.length, 0);
    expect(attempts).toBeGreaterThan(0);
    await expect(panel.locator('rect[data-attempt]')).toHaveCount(attempts);
    await expect(panel.getByText('Model turn 1', { exact: true })).toBeVisible();
    // Status in words, not colour alone: each bar is labelled with its result (and hovering shows a card).
    const first = trace.calls[0];
    await expect(panel.getByRole('img', { name: `${first.id} · attempt 1 ·` }).first()).toBeAttached();
    await expect(panel.locator(`rect[data-attempt="${first.id}:1"]`)).toHaveAttribute(
      'aria-label',
      new RegExp(`^${first.id} · attempt 1 · .* · ok`),
    );
    // The canvas still fills the space above the panel.
    const canvasBox = await page.getByRole('region', { name: 'Plan graph', exact: true }).boundingBox();
    const panelBox = await panel.boundingBox();
    expect(canvasBox && panelBox && canvasBox.y + canvasBox.height <= panelBox.y + 1).toBe(true);
    expect(canvasBox && canvasBox.height > 200).toBe(true);
    await expectScreenHolds(page, 'light');
    await page.screenshot({ path: 'e2e/artifacts/timeline-1280x720.png' });
  });

  test('clicking or pressing Enter on a row selects the call for the inspector', async ({ page }) => {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const panel = timeline(page);
    await panel.getByRole('button', { name: 'Show timeline' }).click();
    await panel.getByRole('button', { name: 'Select fetch_2 in the timeline' }).click();
    await page.getByRole('tab', { name: 'Inspect', exact: true }).click();
    const inspect = page.getByRole('tabpanel', { name: 'Inspect' });
    await expect(inspect.getByRole('heading', { level: 2 })).toHaveText(/Fetch result 2|fetch_2/);

    const extract = panel.getByRole('button', { name: 'Select extract in the timeline' });
    await extract.focus();
    await page.keyboard.press('Enter');
    await expect(inspect.getByRole('heading', { level: 2 })).toHaveText(/Extract the claims|extract/);
    await expect(extract).toHaveAttribute('aria-pressed', 'true');
  });
});

test.describe('Timeline in a tall window', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });
  test('the first run opens it by itself', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Timeline' });
    await expect(panel.getByRole('button', { name: 'Hide timeline' })).toHaveAttribute('aria-expanded', 'true');
    await expect(panel.locator('rect[data-attempt]').first()).toBeVisible();
  });
});
