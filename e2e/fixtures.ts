// Shared e2e fixtures: the built-in examples read from disk (the same files the page fetches), and, for every test,
// a page that fails it if the browser logs any console error or uncaught exception.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { parsePlanText, type Plan } from '../lib/plan';
import { defaultExample, parseExampleIndex, type ExampleEntry } from '../lib/store/examples';

export { defaultExample };

const EXAMPLES_DIR = fileURLToPath(new URL('../public/examples/', import.meta.url));

export function loadExamples(): ExampleEntry[] {
  const index = parseExampleIndex(JSON.parse(readFileSync(path.join(EXAMPLES_DIR, 'index.json'), 'utf8')));
  if (!index.ok) throw new Error(index.message);
  return index.examples;
}

export function loadExamplePlan(entry: ExampleEntry): Plan {
  const result = parsePlanText(readFileSync(path.join(EXAMPLES_DIR, entry.file), 'utf8'));
  if (!result.ok) throw new Error(`${entry.file}: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return result.plan;
}

/**
 * Every test fails if the page logs a console error or throws: the fixture is automatic, so no spec can forget it.
 * A test that expects an error on purpose (a hostile file, say) empties the list it is given before it ends.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, provide) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      await provide(errors);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens a built-in example from the Examples tab and waits for the opening itself (the default plan may be the same example, so its calls alone could show before it, and a run made in between would be cleared when it opens). */
export async function openExample(page: Page, name: string): Promise<Plan> {
  const entry = loadExamples().find((e) => e.name === name);
  if (entry === undefined) throw new Error(`no example “${name}”`);
  const plan = loadExamplePlan(entry);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await page.getByRole('tab', { name: 'Examples' }).click();
  await page.getByRole('button', { name: `Open example ${name}` }).click();
  await expect(page.getByText(`Opened the example “${name}”`, { exact: false })).toBeVisible();
  await expect(page.locator('.react-flow__node-toolCall')).toHaveCount(plan.calls.length);
  return plan;
}
