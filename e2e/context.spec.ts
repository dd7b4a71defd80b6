// The context panel in the Run tab: the three formats, copy, download, and the side-by-side anti-pattern comparison.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { buildAntiPattern, buildContext, simulate } from '../lib/engine';
import { expect, expectScreenHolds, loadExamplePlan, loadExamples, openExample, runPlan, test } from './fixtures';

const research = loadExamples().find((e) => e.name === 'Research agent');
if (research === undefined) throw new Error('no Research agent example');
const plan = loadExamplePlan(research);

async function openResearch(page: Page) {
  await openExample(page, 'Research agent');
}

async function chooseScenario(page: Page, name: string) {
  await page.getByRole('tab', { name: 'Inspect', exact: true }).click();
  await page.getByLabel('Active scenario').selectOption({ label: name });
}

test.describe('Context panel', () => {
  test.beforeEach(async ({ page, context, consoleErrors }) => {
    void consoleErrors;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openResearch(page);
  });

  test('shows the text by default, then Anthropic and OpenAI messages with call ids', async ({ page }) => {
    await runPlan(page);
    const trace = simulate(plan);
    const tabs = page.getByRole('tablist', { name: 'Context format' });
    await expect(tabs.getByRole('tab', { name: 'Text' })).toHaveAttribute('aria-selected', 'true');
    const text = page.getByLabel('Context the model is handed');
    expect(await text.textContent()).toBe(buildContext(plan, trace, 'text').text);

    await tabs.getByRole('tab', { name: 'Anthropic' }).click();
    const anthropic = page.getByRole('region', { name: 'Anthropic messages' });
    await expect(anthropic).toContainText('"tool_use"');
    for (const call of plan.calls) await expect(anthropic).toContainText(`"${call.id}"`);
    expect(await anthropic.textContent()).toBe(JSON.stringify(buildContext(plan, trace, 'anthropic').messages, null, 2));

    // Arrow keys move between tabs.
    await tabs.getByRole('tab', { name: 'Anthropic' }).press('ArrowRight');
    await expect(tabs.getByRole('tab', { name: 'OpenAI' })).toHaveAttribute('aria-selected', 'true');
    await expect(tabs.getByRole('tab', { name: 'OpenAI' })).toBeFocused();
    const openai = page.getByRole('region', { name: 'OpenAI messages' });
    await expect(openai).toContainText('"tool_call_id"');
    for (const call of plan.calls) await expect(openai).toContainText(`"${call.id}"`);
    expect(await openai.textContent()).toBe(JSON.stringify(buildContext(plan, trace, 'openai').messages, null, 2));
  });

  test('copies exactly what is shown, and downloads the JSON', async ({ page }) => {
    await runPlan(page);
    const text = (await page.getByLabel('Context the model is handed').textContent()) ?? '';
    await page.getByRole('button', { name: 'Copy context' }).click();
    await expect(page.getByText('Copied.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    await page.getByRole('tablist', { name: 'Context format' }).getByRole('tab', { name: 'OpenAI' }).click();
    const shown = (await page.getByRole('region', { name: 'OpenAI messages' }).textContent()) ?? '';
    await page.getByRole('button', { name: 'Copy context' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download context' }).click()]);
    expect(download.suggestedFilename()).toBe('research-agent-context-openai.json');
    const file = await download.path();
    const body = readFileSync(file, 'utf8');
    expect(body).toBe(shown);
    expect(JSON.parse(body)).toEqual(buildContext(plan, simulate(plan), 'openai').messages);
  });

  test('a failed copy says what to do', async ({ page }) => {
    await runPlan(page);
    await page.evaluate(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new Error('denied')) },
        configurable: true,
      });
    });
    await page.getByRole('button', { name: 'Copy context' }).click();
    await expect(page.getByText('Copy failed: select the text and copy it')).toBeVisible();
  });

  test('compare view: the dropped rendering lacks the failed call, the correct one names it', async ({ page }) => {
    await chooseScenario(page, 'One page gone (404)');
    await runPlan(page);
    const failed = simulate({ ...plan, settings: { ...plan.settings, scenario: 'one_page_gone' } }).calls.find(
      (c) => c.status === 'failed',
    );
    expect(failed?.id).toBe('fetch_2');

    // The failure is marked in the Anthropic JSON, per block.
    await page.getByRole('tablist', { name: 'Context format' }).getByRole('tab', { name: 'Anthropic' }).click();
    const errorBlock = page.getByRole('region', { name: 'Anthropic messages' }).locator('.tw-json-block--error');
    await expect(errorBlock).toHaveCount(1);
    await expect(errorBlock).toContainText('"tool_use_id": "fetch_2"');
    await expect(errorBlock).toContainText('"is_error": true');

    const toggle = page.getByRole('button', { name: 'Compare with the anti-patterns' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');

    // One scroll box, two aligned columns: the correct context on the left, the chosen anti-pattern on the right.
    const run1 = simulate({ ...plan, settings: { ...plan.settings, scenario: 'one_page_gone' } });
    const scenarioPlan = { ...plan, settings: { ...plan.settings, scenario: 'one_page_gone' } };
    const column = (side: 'left' | 'right') => page.locator(`.tw-sbs__scroll [data-side="${side}"]`);
    const columnText = async (side: 'left' | 'right') =>
      (
        await column(side).evaluateAll(
          (cells, s) =>
            cells
              .filter((c) => c.closest('tr')?.getAttribute('data-kind') !== (s === 'left' ? 'right' : 'left'))
              .map((c) => c.textContent ?? ''),
          side,
        )
      ).join('\n');
    const correct = page.getByRole('region', { name: 'Correct context', exact: true });
    await expect(correct).toContainText('fetch_2 (failed)');
    await expect(column('left').filter({ hasText: 'fetch_2' }).first()).toBeVisible();
    expect(await columnText('left')).toBe(buildContext(scenarioPlan, run1, 'text').text);

    const labels = {
      dropped: 'Anti-pattern: failed calls and their errors are silently dropped',
      total_failure: 'Anti-pattern: one failure is treated as a total failure',
      false_success: 'Anti-pattern: failures are reported as empty successes',
    };
    const titles = { dropped: 'Dropped', total_failure: 'Total failure', false_success: 'False success' };
    await expect(page.getByRole('radiogroup', { name: 'Beside the correct context' }).getByRole('radio')).toHaveCount(3);
    for (const [kind, label] of Object.entries(labels) as [keyof typeof labels, string][]) {
      await page.getByRole('radio', { name: new RegExp(titles[kind]) }).check();
      await expect(page.locator('[data-anti-pattern]')).toHaveCount(1);
      await expect(page.locator(`[data-anti-pattern="${kind}"]`).getByRole('heading', { level: 4 })).toContainText(label);
      // The right column is exactly that rendering, its ANTI-PATTERN banner said by the heading above it.
      const rendering = buildAntiPattern(scenarioPlan, run1, kind, 'text').text;
      expect(rendering.startsWith(`ANTI-PATTERN (${kind})`)).toBe(true);
      expect(await columnText('right')).toBe(rendering.split('\n').slice(2).join('\n'));
    }

    await page.getByRole('radio', { name: /Dropped/ }).check();
    const dropped = page.getByRole('region', { name: 'Anti-pattern: Dropped' });
    await expect(column('right').filter({ hasText: 'fetch_2' })).toHaveCount(0);
    await expect(dropped).toContainText('no word of fetch_2');
    await page.getByRole('radio', { name: /False success/ }).check();
    const falseSuccess = page.getByRole('region', { name: 'Anti-pattern: False success' });
    await expect(falseSuccess).toContainText('It treats fetch_2’s empty result as real');
    await expect(page.locator('.tw-sbs__scroll [data-side="right"][data-marked~="fetch_2"]').first()).toBeVisible();
    await page.getByRole('radio', { name: /Total failure/ }).check();
    const total = page.getByRole('region', { name: 'Anti-pattern: Total failure' });
    await expect(total).toContainText('It throws away fetch_1 and fetch_3, which succeeded');
    await expect(page.locator('.tw-sbs__scroll [data-side="left"][data-marked~="fetch_2"]').first()).toBeAttached();
    // The shot shows both columns side by side, the anti-pattern's note with them.
    await expect(page.locator('.tw-sbs__scroll')).toBeInViewport();
    await expect(total).toBeInViewport();
    await expectScreenHolds(page, 'light');
    await page.screenshot({ path: 'e2e/artifacts/context-compare-1280x720.png' });
    // Off again: the one context alone, in the tab it was left on.
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByRole('region', { name: 'Anthropic messages' })).toBeVisible();
  });

  test('says when the plan changed since the run', async ({ page }) => {
    await runPlan(page);
    await expect(page.getByText('The plan changed since this run: run again to update.')).toHaveCount(0);
    // Switching scenario runs the plan again: the run is current.
    await chooseScenario(page, 'Search API down');
    await page.getByRole('tab', { name: 'Run', exact: true }).click();
    await expect(page.getByText('Context after the run')).toBeVisible();
    await expect(page.getByText('The plan changed since this run: run again to update.')).toHaveCount(0);
    // Another edit leaves the run behind.
    await page.getByRole('tab', { name: 'Inspect', exact: true }).click();
    const seed = page.getByLabel('Seed', { exact: true });
    await seed.fill('12345');
    await seed.press('Enter');
    await page.getByRole('tab', { name: 'Run', exact: true }).click();
    await expect(page.getByText('The plan changed since this run: run again to update.')).toBeVisible();
    await runPlan(page);
    await expect(page.getByText('The plan changed since this run: run again to update.')).toHaveCount(0);
  });
});
