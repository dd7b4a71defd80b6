// The first page: the editor opens the default example, drawn in its waves, and a Run shows outcome and context.
import { compareStrategies, simulate } from '../lib/engine';
import { strategyFigure, strategySaving } from '../components/run/strategy-words';
import { buildContext } from '../lib/engine/context';
import { layoutPlan } from '../lib/plan/layout';
import { OUTCOME_LABEL } from '../components/format';
import { exactMs } from '../lib/format/duration';
import { defaultExample, expect, loadExamplePlan, loadExamples, screenshotTests, test } from './fixtures';

const examples = loadExamples();
const first = defaultExample(examples) ?? examples[0];
const plan = loadExamplePlan(first);
const visibleName = (c: (typeof plan.calls)[number]) => c.label ?? c.id;

test.describe('Home page', () => {
  test.beforeEach(async ({ page, consoleErrors }) => {
    void consoleErrors;
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1, name: 'Toolwave' })).toBeVisible();
    await expect(page.locator('.react-flow__node-toolCall')).toHaveCount(plan.calls.length);
    // Run is enabled once the page is hydrated and the example has loaded: before that a key press is lost.
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  });

  test.describe('the plan graph', () => {
    test('shows every call of the default example by its text', async ({ page }) => {
      const canvas = page.getByRole('region', { name: 'Plan graph', exact: true });
      for (const call of plan.calls) {
        await expect(
          canvas
            .locator('.react-flow__node-toolCall')
            .filter({ hasText: visibleName(call) })
            .first(),
        ).toBeVisible();
      }
      await expect(canvas.locator('.react-flow__node-toolCall')).toHaveCount(plan.calls.length);
      await expect(canvas.locator('.react-flow__edge')).toHaveCount(plan.dependencies.length);
    });

    test('draws a labelled band for each wave, numbered from 1', async ({ page }) => {
      const waves = layoutPlan(plan).bands.length;
      expect(waves).toBeGreaterThan(1);
      for (let n = 1; n <= waves; n++) {
        const label = plan.settings.strategy === 'waves' ? `Wave ${n} · model turn ${n}` : `Wave ${n}`;
        await expect(page.getByText(label, { exact: true })).toBeVisible();
      }
      await expect(page.getByText(`Wave ${waves + 1}`, { exact: false })).toHaveCount(0);
    });

    test('names each call for assistive technology', async ({ page }) => {
      const call = plan.calls[0];
      const node = page.locator(`.react-flow__node[data-id="${call.id}"]`);
      await expect(node).toHaveAttribute('aria-label', new RegExp(`tool ${call.tool}`));
    });
  });

  test.describe('running', () => {
    test('Run shows the outcome, each call and the context', async ({ page }) => {
      // The engine is deterministic: the page must show exactly what it gives in Node for the same plan and seed.
      const trace = simulate(plan);
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(page.getByText(`Outcome: ${OUTCOME_LABEL[trace.outcome]}`, { exact: true })).toBeVisible();
      const makespan = trace.makespanMs === null ? 'none (stuck)' : exactMs(trace.makespanMs);
      await expect(page.getByText(`Makespan: ${makespan}`, { exact: true })).toBeVisible();
      const table = page.getByRole('table');
      for (const call of plan.calls) await expect(table.getByRole('rowheader', { name: call.id, exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Context' })).toBeVisible();
      const context = page.getByLabel('Context the model is handed');
      await expect(context).toBeVisible();
      expect(await context.textContent()).toBe(buildContext(plan, trace, 'text').text);
      // Each node now carries its run status.
      await expect(page.locator('.react-flow__node-toolCall [data-status]')).toHaveCount(plan.calls.length);
    });

    test('Run sets the three strategies side by side, the one in use marked', async ({ page }) => {
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const strategies = page.getByRole('region', { name: 'Makespan by strategy' });
      for (const r of compareStrategies(plan)) await expect(strategies).toContainText(strategyFigure(r));
      await expect(strategies.locator('[aria-current="true"]')).toHaveText(new RegExp(`^${plan.settings.strategy} `));
      const saving = strategySaving(compareStrategies(plan), plan.settings.strategy);
      if (saving !== null) await expect(strategies).toContainText(saving);
    });

    test('keys do not reach the editor behind a modal dialog; once it is closed, R runs', async ({ page }) => {
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await expect(help).toBeVisible();
      for (const key of ['r', 'Shift+R', 'p', 'Control+z', '.']) await page.keyboard.press(key);
      await expect(help).toBeVisible();
      await expect(page.getByText(/^Outcome: /)).toHaveCount(0);
      await expect(page.getByRole('dialog', { name: /presentation/i })).toHaveCount(0);
      // "?" still closes the help it opened.
      await page.keyboard.press('?');
      await expect(help).toHaveCount(0);
      await page.keyboard.press('r');
      await expect(page.getByText(/^Outcome: /)).toBeVisible();
    });

    test('Run works from the keyboard', async ({ page }) => {
      await page.getByRole('button', { name: 'Run', exact: true }).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByText(/^Outcome: /)).toBeVisible();
    });
  });

  test.describe('the example gallery', () => {
    test('opens another example as a new plan, and undo returns to the first', async ({ page }) => {
      const other = examples.find((e) => e.id !== first.id);
      test.skip(other === undefined, 'only one example');
      if (other === undefined) return;
      const otherPlan = loadExamplePlan(other);
      await page.getByRole('tab', { name: 'Examples' }).click();
      await page.getByRole('button', { name: `Open example ${other.name}` }).click();
      const canvas = page.getByRole('region', { name: 'Plan graph', exact: true });
      await expect(canvas.locator('.react-flow__node-toolCall')).toHaveCount(otherPlan.calls.length);
      await expect(
        canvas
          .locator('.react-flow__node-toolCall')
          .filter({ hasText: visibleName(otherPlan.calls[0]) })
          .first(),
      ).toBeVisible();
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect(canvas.locator('.react-flow__node-toolCall')).toHaveCount(plan.calls.length);
    });
  });

  test.describe('screenshots', () => {
    screenshotTests(async ({ page, shot }) => {
      await page.reload();
      await expect(page.locator('.react-flow__node-toolCall')).toHaveCount(plan.calls.length);
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(page.getByText(/^Outcome: /)).toBeVisible();
      // The shot shows the plan's name, every call, and the run's outcome; the screen holds once fitView has settled.
      await expect(page.getByRole('heading', { level: 1, name: 'Toolwave' })).toBeVisible();
      for (const call of plan.calls) await expect(page.locator(`.react-flow__node-toolCall[data-id="${call.id}"]`)).toBeInViewport();
      await shot('home');
    });
  });
});
