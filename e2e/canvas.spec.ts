// The plan canvas as a person uses it: draw a plan with the mouse from an empty canvas, see its waves, have a cycle
// refused with its message, delete, duplicate, move with undo and redo, and do it all from the keyboard too.
import type { Locator, Page } from '@playwright/test';
import { dragThrough, expect, flowPosition, screenshotTests, test } from './fixtures';

const canvas = (page: Page) => page.getByRole('region', { name: 'Plan graph', exact: true });
const calls = (page: Page) => canvas(page).locator('.react-flow__node-toolCall');
const call = (page: Page, id: string) => canvas(page).locator(`.react-flow__node-toolCall[data-id="${id}"]`);
const edges = (page: Page) => canvas(page).locator('.react-flow__edge');
const edge = (page: Page, from: string, to: string) => canvas(page).locator(`.react-flow__edge[data-id="${from}->${to}"]`);
const pane = (page: Page) => canvas(page).locator('.react-flow__pane');

async function centre(l: Locator): Promise<{ x: number; y: number }> {
  const box = await l.boundingBox();
  if (box === null) throw new Error('not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Clicks empty canvas, so nothing is focused and nothing selected. */
async function clickEmpty(page: Page) {
  const box = await pane(page).boundingBox();
  if (box === null) throw new Error('no pane');
  await page.mouse.click(box.x + box.width - 60, box.y + 60);
}

/** Drags from one call's output handle to another's input handle, as a person does. */
async function connect(page: Page, from: string, to: string) {
  const a = await centre(call(page, from).locator('.react-flow__handle.source'));
  const b = await centre(call(page, to).locator('.react-flow__handle.target'));
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 20, { steps: 5 });
  await page.mouse.move(b.x, b.y, { steps: 5 });
  await page.mouse.up();
}

async function openHome(page: Page) {
  await page.goto('/');
  await expect(calls(page).first()).toBeVisible();
  // Run is enabled once the page is hydrated and the first plan has loaded.
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
}

/** Starts from an empty canvas: the opened example, every call selected and deleted. */
async function emptyCanvas(page: Page) {
  await openHome(page);
  await clickEmpty(page);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await expect(calls(page)).toHaveCount(0);
  await expect(page.getByRole('note', { name: 'Empty plan' })).toContainText('Add a tool call from the palette');
}

/** Auto-layout loads its layout code on first use: waits until the calls stand in one column per wave. */
async function autoLayout(page: Page, waves: number) {
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await expect
    .poll(async () => new Set(await Promise.all((await calls(page).all()).map(async (c) => Math.round((await flowPosition(c)).x)))).size)
    .toBe(waves);
  // The view is fitted to the new positions a frame later: wait until it holds still.
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const transform = () => document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform;
        const first = transform();
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(transform() === first)));
      }),
  );
}

/** After a first call: two Fetch URL calls by clicking the palette, and the fourth, Code run, by drag and drop onto empty canvas. */
async function addFetchesAndCodeRun(page: Page) {
  await page.getByRole('button', { name: 'Add Fetch URL' }).click();
  await page.getByRole('button', { name: 'Add Fetch URL' }).click();
  const box = await pane(page).boundingBox();
  if (box === null) throw new Error('no pane');
  await page
    .getByRole('button', { name: 'Add Code run' })
    .dragTo(pane(page), { targetPosition: { x: box.width - 140, y: box.height - 160 } });
  await expect(calls(page)).toHaveCount(4);
}

/** A three-wave plan drawn with the mouse: search → fetch_url and fetch_url_2 → code_run. */
async function drawFourCalls(page: Page) {
  await page.getByRole('button', { name: 'Add Web search' }).click();
  await expect(call(page, 'web_search')).toBeVisible();
  await addFetchesAndCodeRun(page);
  await autoLayout(page, 1);
  await connect(page, 'web_search', 'fetch_url');
  await expect(edges(page)).toHaveCount(1);
  await connect(page, 'web_search', 'fetch_url_2');
  await connect(page, 'fetch_url', 'code_run');
  await connect(page, 'fetch_url_2', 'code_run');
  await expect(edges(page)).toHaveCount(4);
  await autoLayout(page, 3);
}

test.describe('Canvas', () => {
  test.beforeEach(({ consoleErrors }) => void consoleErrors);

  test.describe('drawing a plan', () => {
    test('draws a four-call plan from an empty canvas with the mouse, and its waves appear', async ({ page }) => {
      await emptyCanvas(page);
      await page.getByRole('button', { name: 'Add Web search' }).click();
      // One call, one wave.
      await expect(page.getByText('Wave 1 · model turn 1', { exact: true })).toBeVisible();
      await expect(page.getByText('Wave 2 · model turn 2', { exact: true })).toHaveCount(0);
      await addFetchesAndCodeRun(page);
      // Clicked calls never land on one another.
      const a = await flowPosition(call(page, 'fetch_url'));
      const b = await flowPosition(call(page, 'fetch_url_2'));
      expect(Math.abs(a.x - b.x) >= 232 || Math.abs(a.y - b.y) >= 116).toBe(true);

      await autoLayout(page, 1);
      await connect(page, 'web_search', 'fetch_url');
      await expect(edges(page)).toHaveCount(1);
      await expect(page.getByText('Wave 2 · model turn 2', { exact: true })).toBeVisible();
      await expect(call(page, 'fetch_url')).toHaveAttribute('aria-label', /wave 2/);
      await connect(page, 'web_search', 'fetch_url_2');
      await connect(page, 'fetch_url', 'code_run');
      await connect(page, 'fetch_url_2', 'code_run');
      await expect(edges(page)).toHaveCount(4);
      await expect(page.getByText('Wave 3 · model turn 3', { exact: true })).toBeVisible();
      await expect(call(page, 'code_run')).toHaveAttribute('aria-label', /wave 3/);
      await autoLayout(page, 3);
      // Laid out by waves: left to right.
      const xs = await Promise.all(['web_search', 'fetch_url', 'code_run'].map(async (id) => (await flowPosition(call(page, id))).x));
      expect(xs[0]).toBeLessThan(xs[1]);
      expect(xs[1]).toBeLessThan(xs[2]);
      // The critical path runs through the slowest fetch to code_run.
      await expect(call(page, 'code_run').locator('.tw-node--critical')).toHaveCount(1);
      await expect(call(page, 'web_search').locator('.tw-node--critical')).toHaveCount(1);
    });

    test('refuses a connection that would close a cycle, naming it', async ({ page }) => {
      await emptyCanvas(page);
      await drawFourCalls(page);
      await connect(page, 'code_run', 'web_search');
      await expect(page.getByRole('alert').filter({ hasText: 'Cannot connect code_run → web_search' })).toContainText(
        'would close a cycle: web_search → fetch_url → code_run → web_search',
      );
      await expect(edges(page)).toHaveCount(4);
    });

    test('refuses a duplicate edge and a self-edge with their reasons', async ({ page }) => {
      await emptyCanvas(page);
      await drawFourCalls(page);
      await connect(page, 'web_search', 'fetch_url');
      await expect(page.getByRole('alert').filter({ hasText: 'fetch_url already needs web_search' })).toBeVisible();
      await connect(page, 'fetch_url', 'fetch_url');
      await expect(page.getByRole('alert').filter({ hasText: 'a call cannot need its own output' })).toBeVisible();
      await expect(edges(page)).toHaveCount(4);
    });

    test('a selected edge can be made optional, and deleted', async ({ page }) => {
      await emptyCanvas(page);
      await drawFourCalls(page);
      await edge(page, 'fetch_url', 'code_run').click();
      await page.getByRole('button', { name: 'Make fetch_url → code_run optional' }).click();
      await expect(edge(page, 'fetch_url', 'code_run')).toHaveClass(/tw-edge--optional/);
      await page.getByRole('button', { name: 'Make fetch_url → code_run required' }).click();
      await expect(edge(page, 'fetch_url', 'code_run')).not.toHaveClass(/tw-edge--optional/);
      await page.getByRole('button', { name: 'Delete dependency fetch_url → code_run' }).click();
      await expect(edges(page)).toHaveCount(3);
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect(edges(page)).toHaveCount(4);
    });
  });

  test.describe('editing', () => {
    test('deletes and duplicates the selection, each one undo step', async ({ page }) => {
      await emptyCanvas(page);
      await drawFourCalls(page);
      await call(page, 'code_run').click();
      await expect(call(page, 'code_run')).toHaveClass(/selected/);
      await page.keyboard.press('ControlOrMeta+D');
      await expect(calls(page)).toHaveCount(5);
      await expect(call(page, 'code_run_copy')).toHaveClass(/selected/);
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(calls(page)).toHaveCount(4);
      // Shift-click adds to the selection; the toolbar's Duplicate copies both with the edge between them.
      await call(page, 'fetch_url').click();
      await call(page, 'code_run').click({ modifiers: ['Shift'] });
      await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
      await expect(calls(page)).toHaveCount(6);
      await expect(edge(page, 'fetch_url_copy', 'code_run_copy')).toHaveCount(1);
      await page.keyboard.press('Delete');
      await expect(calls(page)).toHaveCount(4);
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect(calls(page)).toHaveCount(6);
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect(calls(page)).toHaveCount(4);
    });

    test('box selection with Shift-drag selects the calls inside', async ({ page }) => {
      await emptyCanvas(page);
      await drawFourCalls(page);
      const a = await call(page, 'fetch_url').boundingBox();
      const b = await call(page, 'fetch_url_2').boundingBox();
      if (a === null || b === null) throw new Error('not on screen');
      const top = Math.min(a.y, b.y) - 10;
      const bottom = Math.max(a.y + a.height, b.y + b.height) + 10;
      await page.keyboard.down('Shift');
      await page.mouse.move(a.x - 10, top);
      await page.mouse.down();
      await page.mouse.move(a.x + a.width + 10, bottom, { steps: 6 });
      await page.mouse.up();
      await page.keyboard.up('Shift');
      await expect(canvas(page).locator('.react-flow__node-toolCall.selected')).toHaveCount(2);
      await page.keyboard.press('Delete');
      await expect(calls(page)).toHaveCount(2);
    });

    test('moves a call by dragging: one undo step back, one redo step forward', async ({ page }) => {
      await emptyCanvas(page);
      await drawFourCalls(page);
      const node = call(page, 'code_run');
      const before = await flowPosition(node);
      const from = await centre(node.locator('.tw-node__title'));
      await dragThrough(page, from, [
        [40, 60],
        [40, 120],
      ]);
      const after = await flowPosition(node);
      expect(after.y).toBeGreaterThan(before.y + 50);
      // The band follows the node.
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => flowPosition(node)).toEqual(before);
      await page.getByRole('button', { name: 'Redo' }).click();
      await expect.poll(() => flowPosition(node)).toEqual(after);
    });
  });

  test.describe('a plan without positions', () => {
    test('is drawn in its waves, and the first edit moves nothing but what it edits', async ({ page }) => {
      // The built-in examples carry no positions.
      await openHome(page);
      const ids = await calls(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''));
      const before = await Promise.all(ids.map((id) => flowPosition(call(page, id))));
      const moved = ids[ids.length - 1];
      const from = await centre(call(page, moved));
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(from.x + 30, from.y + 80, { steps: 8 });
      await page.mouse.up();
      const after = await Promise.all(ids.map((id) => flowPosition(call(page, id))));
      ids.forEach((id, i) => (id === moved ? expect(after[i]).not.toEqual(before[i]) : expect(after[i]).toEqual(before[i])));
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => flowPosition(call(page, moved))).toEqual(before[ids.length - 1]);
    });
  });

  test.describe('keyboard', () => {
    test('adds, selects, moves and deletes without a mouse', async ({ page }) => {
      await emptyCanvas(page);
      const add = page.getByRole('button', { name: 'Add Database query' });
      await add.focus();
      await page.keyboard.press('Enter');
      await expect(call(page, 'db_query')).toHaveClass(/selected/);
      await page.keyboard.press('Enter');
      await expect(calls(page)).toHaveCount(2);
      // Arrow keys move the selection by 10 px, Shift by 50; each a commit.
      const node = call(page, 'db_query_2');
      const start = await flowPosition(node);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Shift+ArrowDown');
      await expect.poll(() => flowPosition(node)).toEqual({ x: start.x + 10, y: start.y + 50 });
      await page.keyboard.press('Delete');
      await expect(calls(page)).toHaveCount(1);
      // Tab reaches the remaining call; Enter selects it; Delete removes it.
      await add.focus();
      let guard = 0;
      while (!(await call(page, 'db_query').evaluate((el) => el === document.activeElement)) && guard++ < 30)
        await page.keyboard.press('Tab');
      await expect(call(page, 'db_query')).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(call(page, 'db_query')).toHaveClass(/selected/);
      await page.keyboard.press('Delete');
      await expect(calls(page)).toHaveCount(0);
      await page.keyboard.press('ControlOrMeta+Z');
      await expect(calls(page)).toHaveCount(1);
    });

    test('shortcuts never fire while typing in a field', async ({ page }) => {
      await openHome(page);
      const count = await calls(page).count();
      await clickEmpty(page);
      await page.keyboard.press('ControlOrMeta+A');
      // A text field outside the canvas (made for the test): Delete and Ctrl+A belong to it.
      await page.evaluate(() => {
        const input = document.createElement('input');
        input.id = 'tw-test-input';
        input.value = 'abc';
        document.body.append(input);
      });
      await page.locator('#tw-test-input').focus();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      await expect(page.locator('#tw-test-input')).toHaveValue('');
      await expect(calls(page)).toHaveCount(count);
    });

    test('F fits and L lays out; the help overlay lists them', async ({ page }) => {
      await openHome(page);
      await clickEmpty(page);
      await page.keyboard.press('l');
      await page.keyboard.press('f');
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await expect(help).toContainText('Auto-layout by waves');
      await expect(help).toContainText('Fit the plan to the view');
      await expect(help).toContainText('Duplicate the selected calls');
    });
  });

  test.describe('accessible names', () => {
    test('names the flow, the palette, the actions and each call', async ({ page }) => {
      await openHome(page);
      await expect(canvas(page).locator('.react-flow')).toHaveAttribute('aria-label', /^Plan graph: .+/);
      for (const name of [
        'Add Web search',
        'Add Fetch URL',
        'Add Database query',
        'Add HTTP API',
        'Add Code run',
        'Add Sub-agent',
        'Auto-layout',
        'Fit to view',
        'Duplicate',
        'Delete',
      ]) {
        await expect(page.getByRole('button', { name, exact: true })).toHaveCount(1);
      }
      const first = calls(page).first();
      await expect(first).toHaveAttribute('aria-label', /tool .+, wave \d+, .*on failure (degrade|abort|ignore), (no faults|faults: )/);
    });
  });

  test.describe('screenshots', () => {
    screenshotTests(async ({ page, shot }) => {
      await emptyCanvas(page);
      await shot('canvas-empty');
      await drawFourCalls(page);
      await edge(page, 'web_search', 'fetch_url').click();
      await call(page, 'code_run').hover();
      await expect(calls(page)).toHaveCount(4);
      await expect(page.locator('.react-flow__edge.selected')).toHaveCount(1);
      await shot('canvas');
    });
  });
});
