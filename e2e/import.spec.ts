// Importing what a real agent did, as a person does it: drop a transcript on the canvas and see the plan in its
// waves with the import report, run it and export it as TypeScript; pick several runs with the Import button; a file in no known format is
// refused and the open plan stays as it was.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { simulate, STATUS_LABEL } from '../lib/engine';
import { emitCode } from '../lib/export';
import { importRuns } from '../lib/import';
import type { Plan } from '../lib/plan';
import { downloadFrom, expect, expectScreenHolds, test } from './fixtures';

const fixture = (name: string): string => fileURLToPath(new URL(`../lib/import/fixtures/${name}`, import.meta.url));
const TRANSCRIPT = fixture('synthetic-research-agent.json');

function imported(...paths: string[]): Plan {
  const r = importRuns(paths.map((p) => ({ name: p.replace(/^.*\//, ''), text: readFileSync(p, 'utf8') })));
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.plan;
}

const canvas = (page: Page) => page.getByRole('region', { name: 'Plan graph', exact: true });
const node = (page: Page, id: string) => canvas(page).locator(`.react-flow__node-toolCall[data-id="${id}"]`);
const report = (page: Page) => page.getByRole('region', { name: 'Import report' });
const headerName = (page: Page) => page.locator('.tw-header__name');

async function openEditor(page: Page): Promise<string> {
  await page.goto('/');
  await expect(page.getByText('Loading your plan…')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  return (await headerName(page).textContent()) ?? '';
}

async function drop(page: Page, path: string, type = 'application/json'): Promise<void> {
  const data = await page.evaluateHandle(
    ({ content, name, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], name, { type }));
      return dt;
    },
    { content: readFileSync(path, 'utf8'), name: path.replace(/^.*\//, ''), type },
  );
  const zone = page.locator('.tw-dropzone');
  await zone.dispatchEvent('dragenter', { dataTransfer: data });
  await expect(page.getByText('Drop to import')).toBeVisible();
  await zone.dispatchEvent('drop', { dataTransfer: data });
}

test.describe('Importing recorded agent runs', () => {
  test.beforeEach(({ consoleErrors }) => void consoleErrors);

  test('a transcript dropped on the canvas opens as a new plan in its waves, with its report, and runs', async ({ page }) => {
    const plan = imported(TRANSCRIPT);
    const before = await openEditor(page);
    await drop(page, TRANSCRIPT);

    await expect(headerName(page)).toHaveText('synthetic-research-agent');
    await expect(canvas(page).locator('.react-flow__node-toolCall')).toHaveCount(5);
    // The evidence makes three waves: search and profile, then the fetch (and the translation), then the summary.
    await expect(page.getByText('Wave 3 · model turn 3', { exact: true })).toBeVisible();
    await expect(node(page, 'search_docs')).toHaveAttribute('aria-label', /wave 1/);
    await expect(node(page, 'get_user_profile')).toHaveAttribute('aria-label', /wave 1/);
    await expect(node(page, 'fetch_page')).toHaveAttribute('aria-label', /wave 2/);
    await expect(node(page, 'summarize')).toHaveAttribute('aria-label', /wave 3/);

    const shown = report(page);
    await expect(shown).toContainText('Imported 5 calls from 1 run (Anthropic Messages transcript, synthetic-research-agent.json).');
    await expect(shown).toContainText('4 edges drawn on evidence; 2 turn-order pairs not drawn.');
    await shown.getByText('Turn-order pairs not drawn (2)').click();
    await expect(shown.getByRole('listitem').filter({ hasText: 'get_user_profile (turn 1) → fetch_page (turn 2)' })).toBeVisible();
    await shown.getByText('Inferred fields, and from what').click();
    await expect(shown).toContainText('the default 500 ms where the source has no timing (5 calls)');
    await expect(page.getByText(`“${before}” is unchanged (undo returns to it).`, { exact: false })).toBeVisible();
    // The report is on show, and the canvas it shortened still shows every call of the new plan (the view, not yet
    // moved by the user, stays fitted as the canvas resizes).
    await expect(shown).toBeInViewport();
    await expectScreenHolds(page, 'light');
    await page.screenshot({ path: 'e2e/artifacts/import-report-1280x720.png' });

    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const trace = simulate(plan);
    expect(trace.outcome).toBe('complete');
    for (const call of trace.calls) await expect(node(page, call.id).locator('.tw-node__status')).toContainText(STATUS_LABEL[call.status]);
    await expect(node(page, 'fetch_page').locator('.tw-node__status')).toContainText('after 2 attempts');

    await page.setViewportSize({ width: 1920, height: 1080 });
    for (const call of trace.calls) await expect(node(page, call.id)).toBeInViewport();
    await expectScreenHolds(page, 'light');
    await page.screenshot({ path: 'e2e/artifacts/import-run-1920x1080.png' });

    // …and it leaves as runnable TypeScript: the very module that `sim --emit ts` writes for the imported plan.
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Code…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export as code' });
    await expect(dialog.locator('pre.tw-code')).toContainText('export function runPlan(tools: PlanTools');
    const file = await downloadFrom(dialog.getByRole('button', { name: 'Download' }));
    expect(file.name).toBe('synthetic-research-agent.ts');
    expect(file.text).toBe(emitCode(plan, 'ts'));
  });

  test('several runs picked with Import become one plan; undo returns to the plan before and hides the report', async ({ page }) => {
    const before = await openEditor(page);
    await page
      .getByLabel('Plan file to import')
      .setInputFiles([fixture('langfuse-openai-agents.json'), fixture('langfuse-microsoft-agent.json')]);
    await expect(report(page)).toContainText('Imported 1 call from 2 runs (Langfuse trace export, 2 files).');
    await expect(canvas(page).locator('.react-flow__node-toolCall')).toHaveCount(1);
    await page.getByRole('button', { name: 'Close report' }).click();
    await expect(report(page)).toHaveCount(0);

    await page.getByLabel('Plan file to import').setInputFiles(fixture('otlp-genai-microsoft-agent.json'));
    await expect(report(page)).toContainText('OpenTelemetry trace (OTLP JSON)');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(report(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(headerName(page)).toHaveText(before);
  });

  test('pointing at Import starts the file reader ahead, and the pick that follows is read by it', async ({ page }) => {
    await openEditor(page);
    const started = page.waitForEvent('worker');
    await page.getByRole('button', { name: 'Import', exact: true }).hover();
    const reader = await started;
    const closed = reader.waitForEvent('close');
    await page.getByLabel('Plan file to import').setInputFiles(fixture('langfuse-openai-agents.json'));
    await expect(report(page)).toContainText('Langfuse trace export');
    // The intake lets its worker go once the outcome is in: the one started ahead did the reading.
    await closed;
  });

  test('a file in no known format is refused with the formats accepted, and the open plan stays as it was', async ({ page }) => {
    const before = await openEditor(page);
    await page
      .getByLabel('Plan file to import')
      .setInputFiles({ name: 'rows.json', mimeType: 'application/json', buffer: Buffer.from('{"rows": [1, 2]}') });
    const alert = page.getByRole('alert').filter({ hasText: '“rows.json” was not imported' });
    await expect(alert).toContainText(
      'is not a format Toolwave imports: expected a Toolwave plan (.json), an Anthropic Messages transcript',
    );
    await expect(headerName(page)).toHaveText(before);
    await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
    await expect(report(page)).toHaveCount(0);
  });
});
