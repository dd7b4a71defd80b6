// Export › Code…, through the UI as a person uses it: the plan as highlighted code, copied and downloaded; loaded only
// when asked for; and a plan name holding markup shown as text.
import type { Page, Response } from '@playwright/test';
import { downloadFrom, expect, expectScreenHolds, openExample, test } from './fixtures';

async function openCodeDialog(page: Page) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Code…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export as code' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('Export as code', () => {
  test.beforeEach(async ({ consoleErrors }) => {
    void consoleErrors;
  });

  test('shows highlighted TypeScript, copies it and downloads it; Python is one pick away', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openExample(page, 'Research agent');
    const dialog = await openCodeDialog(page);
    const code = dialog.locator('pre.tw-code');
    await expect(code).toContainText('// Research agent: a tool plan exported from Toolwave as runnable TypeScript.');
    await expect(code).toContainText('export function runPlan(tools: PlanTools, options: RunOptions = {}): Promise<RunReport> {');
    await expect(code.locator('.hljs-keyword').first()).toBeVisible();
    await expect(code.locator('.hljs-string').first()).toBeVisible();
    await expect(dialog.getByText('research-agent.ts ·')).toBeVisible();
    await expect(dialog).toBeInViewport({ ratio: 1 });
    await expectScreenHolds(page, 'light');
    await page.screenshot({ path: 'e2e/artifacts/export-code-ts.png' });

    await dialog.getByRole('button', { name: 'Copy' }).click();
    await expect(dialog.getByRole('status')).toContainText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith('// Research agent: a tool plan exported from Toolwave')).toBe(true);

    const file = await downloadFrom(dialog.getByRole('button', { name: 'Download' }));
    expect(file.name).toBe('research-agent.ts');
    expect(file.text).toBe(copied);

    await dialog.getByLabel('Format').selectOption({ label: 'Python (asyncio + tenacity)' });
    await expect(code).toContainText('from tenacity import AsyncRetrying');
    await expect(dialog.getByText('research_agent.py ·')).toBeVisible();
    await expect(dialog).toBeInViewport({ ratio: 1 });
    await expectScreenHolds(page, 'light');
    await page.screenshot({ path: 'e2e/artifacts/export-code-python.png' });

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeFocused();
  });

  test('works from the keyboard: the menu opens with ArrowDown, Escape closes it', async ({ page }) => {
    await openExample(page, 'Flaky API');
    const exportButton = page.getByRole('button', { name: 'Export', exact: true });
    await exportButton.focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'Plan file (JSON)' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu', { name: 'Export' })).toHaveCount(0);
    await expect(exportButton).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('menuitem', { name: 'Code…' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Export as code' })).toBeVisible();
  });

  test('loads the code export only when it is asked for, not with the editor', async ({ page }) => {
    const scripts: Response[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script') scripts.push(r);
    });
    await openExample(page, 'Flaky API');
    const bodies = async () => Promise.all(scripts.map(async (r) => (await r.body().catch(() => Buffer.from(''))).toString('utf8')));
    const firstLoad = await bodies();
    expect(firstLoad.length).toBeGreaterThan(0);
    expect(firstLoad.some((js) => js.includes('runPlanSpec'))).toBe(false);
    expect(firstLoad.some((js) => js.includes('hljs-'))).toBe(false);
    await openCodeDialog(page);
    const after = await bodies();
    expect(after.some((js) => js.includes('runPlanSpec'))).toBe(true);
  });

  test('shows a plan name holding markup as text, never as an element', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
    const name = '<img src=x onerror="window.__exported=1">';
    const plan = {
      format: 'toolwave.plan',
      version: 1,
      name,
      calls: [{ id: 'look_up', tool: 'db_query', latency: { kind: 'fixed', ms: 100 } }],
      dependencies: [],
    };
    await page
      .getByLabel('Plan file to import')
      .setInputFiles({ name: 'markup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan)) });
    await expect(page.locator('.react-flow__node-toolCall')).toHaveCount(1);
    const dialog = await openCodeDialog(page);
    await expect(dialog.locator('pre.tw-code')).toContainText(`// ${name}: a tool plan exported from Toolwave`);
    await expect(dialog.locator('img')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __exported?: number }).__exported)).toBeUndefined();
  });
});

test.describe('Export as code at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('the dialog holds its layout on a large screen', async ({ page, consoleErrors }) => {
    void consoleErrors;
    await openExample(page, 'Book a trip');
    const dialog = await openCodeDialog(page);
    await expect(dialog.locator('pre.tw-code')).toContainText('export type PlanCompensations = {');
    const box = await dialog.boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(1100);
    await expect(dialog).toBeInViewport({ ratio: 1 });
    await expectScreenHolds(page, 'light');
    await page.screenshot({ path: 'e2e/artifacts/export-code-1920.png' });
  });
});
