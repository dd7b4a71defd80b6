// The inspector, through the UI as a person uses it: select a call on the canvas, edit its fields, see the schema's
// verdict beside each field, and check that a refused value never reaches the plan (Undo stays unavailable).
// Assumes the page opens the "Research agent" example and the right pane's "Inspect" tab shows the inspector.
import type { Locator, Page } from '@playwright/test';
import { defaultExample, expect, expectScreenHolds, loadExamplePlan, loadExamples, test } from './fixtures';

const plan = loadExamplePlan(defaultExample(loadExamples()) ?? loadExamples()[0]);
const fetch1 = plan.calls.find((c) => c.id === 'fetch_1');
if (fetch1 === undefined) throw new Error('the default example has no fetch_1: these tests are written for "Research agent"');

function inspector(page: Page): Locator {
  return page.getByRole('tabpanel', { name: 'Inspect' });
}

async function selectCall(page: Page, id: string): Promise<Locator> {
  await page.locator(`.react-flow__node[data-id="${id}"]`).click();
  const form = inspector(page).getByRole('group', { name: `Call ${id}` });
  await expect(form).toBeVisible();
  return form;
}

/** The message a field points at through aria-describedby (the first id: the error comes before any hint). */
async function messageOf(field: Locator): Promise<Locator> {
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  const first = ids.split(' ')[0];
  expect(first, 'the field is described by its message').not.toBe('');
  return field.page().locator(`[id="${first}"]`);
}

/** Fills each field of `scope`, by its label, with a value its rules refuse, and expects the refusal said beside it. */
async function expectEachRefused(scope: Locator, cases: [label: string, value: string, message: string][]): Promise<void> {
  for (const [label, value, message] of cases) {
    const field = scope.getByLabel(label, { exact: true });
    await field.fill(value);
    await expectRefused(field, message);
  }
}

async function expectRefused(field: Locator, message: string | RegExp): Promise<void> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const msg = await messageOf(field);
  await expect(msg).toBeVisible();
  await expect(msg).toContainText(message);
  await expect(field).toHaveAccessibleDescription(typeof message === 'string' ? new RegExp(escapeRegExp(message)) : message);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test.describe('Inspector', () => {
  test.beforeEach(async ({ page, consoleErrors }) => {
    void consoleErrors;
    await page.goto('/');
    await expect(page.locator('.react-flow__node-toolCall')).toHaveCount(plan.calls.length);
    // Run is enabled once the page is hydrated and the example has loaded.
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
    await page.getByRole('tab', { name: 'Inspect' }).click();
  });

  test.describe('the retry policy', () => {
    test('editing it spells out the new wait sequence', async ({ page }) => {
      const form = await selectCall(page, 'fetch_1');
      await expect(form.getByText(/^waits /)).toHaveText('waits up to 300 ms (full jitter)');
      await form.getByLabel('Attempts', { exact: true }).fill('4');
      await form.getByLabel('First wait', { exact: true }).fill('200');
      await form.getByRole('group', { name: 'Jitter' }).getByRole('radio', { name: 'None' }).check();
      await expect(form.getByText(/^waits /)).toHaveText('waits 200 ms, 400 ms, 800 ms');
      // The canvas follows: the node's retry chip counts the new attempts.
      await expect(page.locator('.react-flow__node[data-id="fetch_1"]')).toContainText('×4');
      // A cap shortens the later waits.
      await form.getByLabel('Longest wait', { exact: true }).fill('500');
      await expect(form.getByText(/^waits /)).toHaveText('waits 200 ms, 400 ms, 500 ms');
    });

    test('typing a number is one undo step, not one per keystroke', async ({ page }) => {
      const form = await selectCall(page, 'fetch_1');
      const first = form.getByLabel('First wait', { exact: true });
      await first.fill('');
      await first.pressSequentially('1250');
      await first.press('Tab');
      await expect(form.getByText(/^waits /)).toHaveText('waits up to 1.25 s (full jitter)');
      await page.getByRole('button', { name: 'Undo', exact: true }).click();
      await expect(first).toHaveValue('300');
      await expect(form.getByText(/^waits /)).toHaveText('waits up to 300 ms (full jitter)');
      await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
      // Escape cancels the field's edit, commits included.
      await first.fill('999');
      await expect(form.getByText(/^waits /)).toHaveText('waits up to 999 ms (full jitter)');
      await first.press('Escape');
      await expect(first).toHaveValue('300');
      await expect(form.getByText(/^waits /)).toHaveText('waits up to 300 ms (full jitter)');
      await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
    });
  });

  test.describe('validation as you type', () => {
    test('an invalid value shows its message beside the field and the plan is unchanged', async ({ page }) => {
      const form = await selectCall(page, 'fetch_1');
      const undo = page.getByRole('button', { name: 'Undo', exact: true });
      const waits = form.getByText(/^waits /);
      const attempts = form.getByLabel('Attempts', { exact: true });
      await expect(undo).toBeDisabled();
      for (const [text, message] of [
        ['0', 'must be at least 1'],
        ['101', 'must be at most 100'],
        ['abc', 'must be a number'],
        ['', 'must be a number'],
        ['2.5', 'must be a whole number'],
      ] as const) {
        await attempts.fill(text);
        await expectRefused(attempts, message);
        await expect(attempts).toHaveValue(text);
        // Nothing reached the plan: the wait sequence is the old one and there is nothing to undo.
        await expect(waits).toHaveText('waits up to 300 ms (full jitter)');
        await expect(undo).toBeDisabled();
      }
      // The refused text stays in the field (with its message) after leaving it; Escape gives back the plan's value.
      await attempts.fill('0');
      await attempts.press('Tab');
      await expectRefused(attempts, 'must be at least 1');
      await attempts.focus();
      await attempts.press('Escape');
      await expect(attempts).toHaveValue('2');
      await expect(attempts).toHaveAttribute('aria-invalid', 'false');
      // A valid value is taken at once.
      await attempts.fill('3');
      await expect(attempts).toHaveAttribute('aria-invalid', 'false');
      await expect(waits).toHaveText('waits up to 300 ms, 600 ms (full jitter)');
      await expect(undo).toBeEnabled();
    });

    test('a rule across fields is said beside the field that broke it', async ({ page }) => {
      const form = await selectCall(page, 'fetch_1');
      await expectEachRefused(form, [
        ['Longest wait', '100', 'must be at least initialIntervalMs (300)'],
        ['95th percentile (p95)', '500', 'must be greater than p50Ms (700)'],
        ['Timeout per attempt', '0', 'must be greater than 0'],
      ]);
      const timeout = form.getByLabel('Timeout per attempt', { exact: true });
      await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
      // Empty means "no timeout": valid.
      await timeout.fill('');
      await expect(timeout).toHaveAttribute('aria-invalid', 'false');
      await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeEnabled();
    });

    test('an id that is taken or malformed is refused, and a good one renames the call', async ({ page }) => {
      const form = await selectCall(page, 'fetch_1');
      const id = form.getByLabel('Id', { exact: true });
      await id.fill('fetch_2');
      await expectRefused(id, 'duplicate id "fetch_2"');
      await id.fill('9lives');
      await expectRefused(id, 'must be an id');
      await id.press('Escape');
      await expect(id).toHaveValue('fetch_1');
      await id.fill('fetch_first');
      await id.press('Enter');
      const renamed = inspector(page).getByRole('group', { name: 'Call fetch_first' });
      await expect(renamed).toBeVisible();
      await expect(page.locator('.react-flow__node[data-id="fetch_first"]')).toBeVisible();
      // The reference to it in extract's input followed the rename.
      const extract = await selectCall(page, 'extract');
      await expect(extract.getByLabel('Input (JSON arguments)')).toHaveValue(/\{\{fetch_first\.text\}\}/);
    });

    test('input references are highlighted and checked against upstream calls', async ({ page }) => {
      const form = await selectCall(page, 'fetch_1');
      const input = form.getByLabel('Input (JSON arguments)');
      await expect(form.locator('.tw-ref--upstream')).toHaveText('{{search.results.0.url}}');
      await input.fill('{"url": "{{fetch_2.text}}", "q": "{{nowhere}}", "r": "{{search.results}}"}');
      await expect(form.locator('.tw-ref--not-upstream')).toHaveText('{{fetch_2.text}}');
      await expect(form.locator('.tw-ref--unknown')).toHaveText('{{nowhere}}');
      await expect(form.getByText('{{fetch_2}} is not an upstream of fetch_1', { exact: false })).toBeVisible();
      await expect(form.getByText('{{nowhere}} names no call in this plan', { exact: false })).toBeVisible();
      await expect(input).toHaveAccessibleDescription(/not an upstream of fetch_1/);
      // Text that is not JSON is refused with the parser's reason.
      await input.fill('{"url": ');
      await expectRefused(input, 'is not valid JSON');
      await input.fill('[1, 2]');
      await expectRefused(input, 'must be a JSON object');
    });
  });

  test.describe('plan settings', () => {
    test('show when no call is selected, and the strategy relabels the wave bands', async ({ page }) => {
      const settings = inspector(page).getByRole('group', { name: 'Plan settings' });
      await expect(settings).toBeVisible();
      await expect(settings.getByLabel('Name', { exact: true })).toHaveValue(plan.name);
      await expect(page.getByText('Wave 1 · model turn 1', { exact: true })).toBeVisible();
      await settings.getByRole('radio', { name: 'Eager' }).check();
      await expect(page.getByText('Wave 1 · model turn 1', { exact: true })).toHaveCount(0);
      await expect(page.getByText('Wave 1', { exact: true })).toBeVisible();
      await settings.getByRole('radio', { name: 'Waves' }).check();
      await expect(page.getByText('Wave 1 · model turn 1', { exact: true })).toBeVisible();
    });

    test('show under "2 calls selected" when several calls are selected', async ({ page }) => {
      await selectCall(page, 'fetch_1');
      await page.locator('.react-flow__node[data-id="fetch_2"]').click({ modifiers: ['Shift'] });
      await expect(inspector(page).getByText('2 calls selected', { exact: true })).toBeVisible();
      await expect(inspector(page).getByRole('group', { name: 'Plan settings' })).toBeVisible();
    });

    test('refuse invalid settings beside the field', async ({ page }) => {
      const settings = inspector(page).getByRole('group', { name: 'Plan settings' });
      await expectEachRefused(settings, [
        ['Concurrency cap', '0', 'must be at least 1'],
        ['Deadline', '-5', 'must be greater than 0'],
        ['Seed', '4294967296', 'must be at most 4294967295'],
        ['Name', '', 'must not be empty'],
      ]);
      const seed = settings.getByLabel('Seed', { exact: true });
      await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
      await settings.getByRole('button', { name: 'New seed' }).click();
      await expect(seed).toHaveAttribute('aria-invalid', 'false');
      await expect(seed).toHaveValue(/^\d+$/);
      await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeEnabled();
    });

    test('the review lists a reference without its edge', async ({ page }) => {
      const form = await selectCall(page, 'summarize');
      await form.getByLabel('Input (JSON arguments)').fill('{"claims": "{{extract.claims}}", "page": "{{fetch_1.text}}"}');
      // A click on empty canvas (top middle, above the bands) clears the selection.
      const pane = page.locator('.react-flow__pane');
      const box = await pane.boundingBox();
      await pane.click({ position: { x: (box?.width ?? 400) / 2, y: 6 } });
      const review = inspector(page).getByRole('list', { name: 'Plan review findings' });
      await expect(review).toContainText('Error:');
      await expect(review).toContainText('summarize uses {{fetch_1.text}}');
    });
  });

  test.describe('faults', () => {
    test('a fault can be added, edited, reordered and removed', async ({ page }) => {
      const form = await selectCall(page, 'fetch_1');
      const list = form.getByRole('list', { name: 'Faults of fetch_1' });
      const kind = form.getByLabel('New fault', { exact: true });
      await kind.selectOption('Slow');
      await form.getByRole('button', { name: 'Add fault' }).click();
      await kind.selectOption('Error');
      await form.getByRole('button', { name: 'Add fault' }).click();
      const legends = list.locator('.tw-insp-fault__legend');
      await expect(legends).toHaveText(['Fault 1 · Slow', 'Fault 2 · Error']);

      const second = list.getByRole('group', { name: 'Fault 2 · Error' });
      const message = second.getByLabel('Error message', { exact: true });
      await message.fill('');
      await expectRefused(message, 'must not be empty');
      await message.fill('502 Bad Gateway');
      const chance = second.getByLabel('Chance per attempt', { exact: true });
      await chance.fill('2');
      await expectRefused(chance, 'must be between 0 and 1');
      await chance.fill('0.5');
      await second.getByRole('radio', { name: 'On attempts' }).check();
      const attempts = second.getByLabel('Fires on attempts', { exact: true });
      await attempts.fill('1, 1');
      await expectRefused(attempts, 'must not repeat an attempt');
      await attempts.fill('1, 2');
      await expect(attempts).toHaveAttribute('aria-invalid', 'false');

      await list.getByRole('button', { name: 'Move fault 2 up' }).click();
      await expect(legends).toHaveText(['Fault 1 · Error', 'Fault 2 · Slow']);
      await expect(list.getByRole('group', { name: 'Fault 1 · Error' }).getByLabel('Error message', { exact: true })).toHaveValue(
        '502 Bad Gateway',
      );
      await list.getByRole('button', { name: 'Move fault 1 down' }).click();
      await expect(legends).toHaveText(['Fault 1 · Slow', 'Fault 2 · Error']);

      await list.getByRole('button', { name: 'Remove fault 1' }).click();
      await expect(legends).toHaveText(['Fault 1 · Error']);
      await list.getByRole('button', { name: 'Remove fault 1' }).click();
      await expect(form.getByText('No faults: every attempt succeeds after its latency.')).toBeVisible();
    });
  });

  test.describe('keyboard and screenshots', () => {
    test('the on-failure policy is a radio group with a sentence per choice', async ({ page }) => {
      const form = await selectCall(page, 'fetch_1');
      const group = form.getByRole('group', { name: 'When retries are used up' });
      const degrade = group.getByRole('radio', { name: 'Degrade' });
      await expect(degrade).toBeChecked();
      await expect(degrade).toHaveAccessibleDescription(/goes on without this result/);
      await degrade.focus();
      await page.keyboard.press('ArrowDown');
      await expect(group.getByRole('radio', { name: 'Abort' })).toBeChecked();
      await expect(page.locator('.react-flow__node[data-id="fetch_1"]')).toContainText('abort');
    });

    for (const scheme of ['light', 'dark'] as const) {
      test(`at 1280×720 in ${scheme}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width: 1280, height: 720 });
        await inspector(page).getByRole('group', { name: 'Plan settings' }).waitFor();
        await expectScreenHolds(page, scheme);
        await page.screenshot({ path: `e2e/artifacts/inspector-settings-1280x720-${scheme}.png` });
        const form = await selectCall(page, 'fetch_1');
        await expectScreenHolds(page, scheme);
        // The form scrolls inside the pane: its first section starts in view, the pane is no wider than the window.
        await expect(form.getByLabel('Attempts', { exact: true })).toBeVisible();
        const paneBox = await page.locator('.tw-pane--right').boundingBox();
        expect(paneBox !== null && paneBox.x + paneBox.width <= 1280 + 1).toBe(true);
        await page.screenshot({ path: `e2e/artifacts/inspector-call-1280x720-${scheme}.png` });
        // The whole form, every section, for review.
        await form.getByLabel('Attempts', { exact: true }).fill('0');
        await page.setViewportSize({ width: 1280, height: 2600 });
        await page.screenshot({ path: `e2e/artifacts/inspector-call-full-${scheme}.png` });
        // The right pane alone, in two halves at full resolution.
        const pane = await page.locator('.tw-pane--right').boundingBox();
        if (pane !== null) {
          for (const [i, y] of [0, 1300].entries()) {
            await page.screenshot({
              path: `e2e/artifacts/inspector-call-pane-${i + 1}-${scheme}.png`,
              clip: { x: pane.x, y, width: pane.width, height: 1300 },
            });
          }
        }
      });
    }
  });
});
