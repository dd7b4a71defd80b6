// The story in one go, as a person does it: open an example, break a call with one click, run, and see
// the call time out and its dependent skipped on the canvas and the timeline; the context reports the failure as
// an error (`is_error`) and names the skipped call with its reason; the dropped anti-pattern has no word of it.
import type { Page } from '@playwright/test';
import { expect, openExample, test } from './fixtures';

const canvas = (page: Page) => page.getByRole('region', { name: 'Plan graph', exact: true });
const call = (page: Page, id: string) => canvas(page).locator(`.react-flow__node-toolCall[data-id="${id}"]`);

test('inject a timeout by clicking, run, and read what the model is told', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openExample(page, 'Research agent');

  // One click on the call, one on the injection.
  await call(page, 'extract').click();
  await page.getByRole('button', { name: 'Inject time out into extract' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();

  // The canvas: extract timed out, summarize (which needs it) skipped, and the edge between them broken.
  await expect(call(page, 'extract').locator('.tw-node__status')).toHaveAttribute('data-phase', 'timed_out');
  await expect(call(page, 'summarize').locator('.tw-node__status')).toContainText('skipped');
  await expect(canvas(page).locator('.react-flow__edge[data-id="extract->summarize"] path.react-flow__edge-path')).toHaveAttribute(
    'data-run',
    'broken',
  );

  // The timeline says the same.
  const timeline = page.getByRole('region', { name: 'Timeline', exact: true });
  const show = timeline.getByRole('button', { name: 'Show timeline' });
  if (await show.isVisible()) await show.click();
  await expect(timeline.getByRole('group', { name: /^extract: timed out, 1 attempt/ })).toBeVisible();
  await expect(timeline.getByRole('group', { name: /^summarize: skipped, 0 attempts/ })).toBeVisible();

  // The context: the failure is an error result, and the skipped call is named with its reason.
  await page.getByRole('tab', { name: 'Run', exact: true }).click();
  await expect(page.getByLabel('Context the model is handed')).toContainText('summarize: skipped — needs extract, which timed out');
  await page.getByRole('tablist', { name: 'Context format' }).getByRole('tab', { name: 'Anthropic' }).click();
  const errorBlock = page.getByRole('region', { name: 'Anthropic messages' }).locator('.tw-json-block--error');
  await expect(errorBlock).toHaveCount(1);
  await expect(errorBlock).toContainText('"tool_use_id": "extract"');
  await expect(errorBlock).toContainText('"is_error": true');

  // The anti-pattern that drops failures has no word of extract.
  await page.getByRole('button', { name: 'Compare with the anti-patterns' }).click();
  await page.getByRole('radio', { name: /Dropped/ }).check();
  const box = page.getByRole('region', { name: /beside Dropped, line by line/ });
  const column = async (side: 'left' | 'right') => (await box.locator(`[data-side="${side}"]`).allTextContents()).join('\n');
  await expect.poll(() => column('left')).toContain('extract');
  expect(await column('right')).not.toContain('extract');
});
