// Playback: the playback bar over the timeline, stepping by event and by model turn,
// the scrubber, playing to the end, the timeline's cursor and hover card, the keys, and the context at the cursor.
import type { Page } from '@playwright/test';
import { buildContext, endTime, eventTimes, nextEventTime, nextTurnTime, simulate } from '../lib/engine';
import { expect, expectScreenHolds, loadExamplePlan, loadExamples, openExample, openTimeline, runPlan, test } from './fixtures';

const research = loadExamples().find((e) => e.name === 'Research agent');
if (research === undefined) throw new Error('no Research agent example');
const plan = loadExamplePlan(research);
const trace = simulate(plan);
const END = endTime(trace);
const TIMES = eventTimes(trace);

const clock = (ms: number) => `${(Math.max(0, ms) / 1000).toFixed(2)} s`;
const readout = (ms: number) => `${clock(ms)} / ${clock(END)}`;
/** The context the panel shows at t: built at the last event instant ≤ t (the whole run's at the end). */
function contextAt(t: number): string {
  if (t >= END) return buildContext(plan, trace, 'text').text;
  let at = 0;
  for (const x of TIMES) if (x <= t) at = x;
  return buildContext(plan, trace, 'text', { atMs: at }).text;
}

const bar = (page: Page) => page.getByRole('group', { name: 'Playback' });
const status = (page: Page) => page.getByTestId('playback-status');
const contextText = (page: Page) => page.getByLabel('Context the model is handed');
const instant = (page: Page) => page.getByTestId('context-instant');

async function openResearch(page: Page) {
  await openExample(page, 'Research agent');
}

/** Nothing focused, as after a click on an empty part of the page: the page's keys apply. */
async function blur(page: Page) {
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
}

test.describe('Playback', () => {
  test.beforeEach(async ({ page }) => {
    await openResearch(page);
  });

  test('before the first run the bar is there, disabled, with a hint', async ({ page }) => {
    const b = bar(page);
    await expect(b).toBeVisible();
    await expect(b.getByRole('button', { name: 'Play', exact: true })).toBeDisabled();
    await expect(b.getByRole('slider', { name: 'Playback position' })).toBeDisabled();
    await expect(b.getByRole('combobox', { name: 'Playback speed' })).toBeDisabled();
    await expect(b.getByText('Run the plan to play it back.')).toBeVisible();
    await expectScreenHolds(page, 'light');
    await page.screenshot({ path: 'e2e/artifacts/playback-before-run-1280x720.png' });
    // A key does nothing yet, and logs no error.
    await blur(page);
    await page.keyboard.press('Space');
    await expect(b.getByRole('button', { name: 'Play', exact: true })).toBeDisabled();
  });

  test('steps by event and by model turn; the context follows the cursor', async ({ page }) => {
    await runPlan(page);
    const b = bar(page);
    // At 720 px tall the timeline stays closed after the run; the bar is there all the same.
    await expect(page.getByRole('button', { name: 'Show timeline' })).toHaveAttribute('aria-expanded', 'false');
    await expect(b.getByRole('button', { name: 'Play', exact: true })).toBeEnabled();
    // After a run the cursor sits at the end: the final state and the whole run's context.
    await expect(status(page)).toContainText(readout(END));
    await expect(instant(page)).toHaveText('Context after the run');
    expect(await contextText(page).textContent()).toBe(buildContext(plan, trace, 'text').text);
    await expect(contextText(page)).toContainText('result search [ok]');

    await b.getByRole('button', { name: 'Back to start' }).click();
    await expect(status(page)).toContainText(readout(0));
    await expect(status(page)).toContainText('Model turn 1 · thinking');
    await expect(instant(page)).toHaveText('Context at 0.00 s (model turn 1)');
    await expect(contextText(page)).toContainText('no results yet');
    await expect(contextText(page)).not.toContainText('result search');
    expect(await contextText(page).textContent()).toBe(contextAt(0));

    const t1 = nextEventTime(trace, 0) as number;
    await b.getByRole('button', { name: 'Next event' }).click();
    await expect(status(page)).toContainText(readout(t1));
    expect(await contextText(page).textContent()).toBe(contextAt(t1));

    const t2 = nextTurnTime(trace, t1) as number;
    await b.getByRole('button', { name: 'Next model turn' }).click();
    await expect(status(page)).toContainText(readout(t2));
    await expect(status(page)).toContainText('Model turn 2 · executing');
    await expect(instant(page)).toHaveText(`Context at ${clock(t2)} (model turn 2)`);
    // Model turn 1's result is in by now; turn 2's calls are still running.
    await expect(contextText(page)).toContainText('result search [ok]');
    await expect(contextText(page)).not.toContainText('result fetch_1');
    await expect(contextText(page)).toContainText('- fetch_1: running (attempt 1)');
    expect(await contextText(page).textContent()).toBe(contextAt(t2));

    await b.getByRole('button', { name: 'Previous model turn' }).click();
    await expect(status(page)).toContainText(readout(trace.turns[0].emitMs));
    await b.getByRole('button', { name: 'Previous event' }).click();
    await expect(status(page)).toContainText(readout(0));

    await b.getByRole('button', { name: 'To the end' }).click();
    await expect(status(page)).toContainText(readout(END));
    await expect(instant(page)).toHaveText('Context after the run');
    await expect(contextText(page)).toContainText('result summarize [ok]');
  });

  test('the scrubber sets the cursor, by value and by keyboard', async ({ page }) => {
    await runPlan(page);
    const slider = bar(page).getByRole('slider', { name: 'Playback position' });
    await expect(slider).toHaveAttribute('aria-valuetext', `${clock(END)} of ${clock(END)}`);
    const mid = 3200;
    await slider.fill(String(mid));
    await expect(status(page)).toContainText(readout(mid));
    await expect(slider).toHaveAttribute('aria-valuetext', `${clock(mid)} of ${clock(END)}`);
    await expect(instant(page)).toHaveText(`Context at ${clock(mid)} (model turn 2)`);
    expect(await contextText(page).textContent()).toBe(contextAt(mid));

    await slider.focus();
    await page.keyboard.press('Home');
    await expect(status(page)).toContainText(readout(0));
    await page.keyboard.press('ArrowRight');
    await expect(status(page)).toContainText(readout(END / 100));
    await page.keyboard.press('End');
    await expect(status(page)).toContainText(readout(END));
    // The playback keys work with the scrubber focused, too.
    await page.keyboard.press('Home');
    await page.keyboard.press('.');
    await expect(status(page)).toContainText(readout(nextEventTime(trace, 0) as number));
  });

  test('plays at 4× to the end, then offers Play again', async ({ page }) => {
    await runPlan(page);
    const b = bar(page);
    await b.getByRole('combobox', { name: 'Playback speed' }).selectOption({ label: '4×' });
    await b.getByRole('button', { name: 'Back to start' }).click();
    await b.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(b.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    // It moves: the context is rebuilt along the way.
    await expect(instant(page)).not.toHaveText('Context at 0.00 s (model turn 1)');
    await expect(b.getByRole('button', { name: 'Play', exact: true })).toBeVisible({ timeout: END / 4 + 8000 });
    await expect(status(page)).toContainText(readout(END));
    await expect(instant(page)).toHaveText('Context after the run');
    expect(await contextText(page).textContent()).toBe(buildContext(plan, trace, 'text').text);
  });

  test('the timeline: a cursor that follows, scrubbing on the axis, a card on hover', async ({ page }) => {
    await runPlan(page);
    const panel = await openTimeline(page);
    const cursor = panel.locator('.tw-tl__cursor');
    const scrub = panel.getByTestId('timeline-scrub');
    const box = await scrub.boundingBox();
    if (box === null) throw new Error('no scrub area');
    // At the end the cursor is at the axis's right end (the cursor's x is in the chart's own coordinates).
    const svg = await panel.locator('svg.tw-tl__svg').boundingBox();
    if (svg === null) throw new Error('no chart');
    expect(svg.x + Number(await cursor.getAttribute('data-cursor-x'))).toBeCloseTo(box.x + box.width, 0);

    // Press on the middle of the axis: the cursor goes to the middle of the run.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const text = (await status(page).textContent()) ?? '';
    const shown = Number(/^([\d.]+) s/.exec(text)?.[1]) * 1000;
    expect(Math.abs(shown - END / 2)).toBeLessThan(END / 50);
    // Drag to the left end.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 4, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x - 40, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect(status(page)).toContainText(readout(0));

    // Hover a bar: a card with its details, as text. fetch_2's first attempt timed out and was retried.
    const first = trace.calls.find((c) => c.id === 'fetch_2')?.attempts[0];
    expect(first?.result).toBe('timeout');
    await panel.locator('rect[data-attempt="fetch_2:1"]').hover();
    const card = page.getByRole('tooltip');
    await expect(card).toBeVisible();
    await expect(card).toContainText('fetch_2 · attempt 1 of 2');
    await expect(card).toContainText('Resulttimed out after 3000 ms');
    await expect(card).toContainText('Retryableyes');
    await expect(card).toContainText(`Retry wait${Math.round(first!.retryWaitMs!)} ms, then attempt 2`);
    await page.mouse.move(5, 5);
    await expect(card).toBeHidden();

    // A click on a row still selects the call.
    await panel.getByRole('button', { name: 'Select extract in the timeline' }).click();
    await expect(panel.getByRole('button', { name: 'Select extract in the timeline' })).toHaveAttribute('aria-pressed', 'true');
  });

  test('keys: Space plays and pauses, . and ] step, Home and End jump', async ({ page }) => {
    await runPlan(page);
    const b = bar(page);
    await blur(page);
    await page.keyboard.press('Home');
    await expect(status(page)).toContainText(readout(0));
    await page.keyboard.press('.');
    const t1 = nextEventTime(trace, 0) as number;
    await expect(status(page)).toContainText(readout(t1));
    await page.keyboard.press(']');
    await expect(status(page)).toContainText(readout(nextTurnTime(trace, t1) as number));
    await page.keyboard.press('[');
    await expect(status(page)).toContainText(readout(trace.turns[0].emitMs));
    await page.keyboard.press(',');
    await expect(status(page)).toContainText(readout(0));
    await page.keyboard.press('End');
    await expect(status(page)).toContainText(readout(END));

    await page.keyboard.press('Home');
    await page.keyboard.press('Space');
    await expect(b.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await page.keyboard.press('Space');
    await expect(b.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    const text = (await status(page).textContent()) ?? '';
    expect(text).not.toContain(readout(END));
  });
});

test.describe('Playback in a sub-agent', () => {
  test('drilled in, the timeline and the clock show the nested run on its own clock', async ({ page, consoleErrors }) => {
    void consoleErrors;
    const entry = loadExamples().find((e) => e.file.includes('subagent'));
    if (entry === undefined) throw new Error('no sub-agent example');
    const top = loadExamplePlan(entry);
    const topTrace = simulate(top);
    const agent = topTrace.calls.find((c) => c.attempts.some((a) => a.nested !== undefined));
    if (agent === undefined) throw new Error('no sub-agent run');
    const attempt = [...agent.attempts].reverse().find((a) => a.nested !== undefined)!;
    const nested = attempt.nested!;
    const nestedEnd = endTime(nested);

    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
    await page.getByRole('tab', { name: 'Examples' }).click();
    await page.getByRole('button', { name: `Open example ${entry.name}` }).click();
    await expect(page.getByText(`Opened the example “${entry.name}” as a new plan.`, { exact: false })).toBeVisible();
    await expect(page.locator('.react-flow__node-toolCall')).toHaveCount(top.calls.length);
    await runPlan(page);
    const panel = await openTimeline(page);
    await expect(panel.locator('rect[data-attempt]')).toHaveCount(topTrace.calls.reduce((n, c) => n + c.attempts.length, 0));

    await page.getByRole('button', { name: `Open sub-agent ${agent.id}` }).click();
    await expect(panel.locator('rect[data-attempt]')).toHaveCount(nested.calls.reduce((n, c) => n + c.attempts.length, 0));
    await expect(panel.locator(`rect[data-attempt^="${nested.calls[0].id}:"]`).first()).toBeAttached();
    // The top run ends after the sub-agent: on its clock the cursor is at its end.
    await expect(status(page)).toContainText(`${clock(nestedEnd)} / ${clock(nestedEnd)}`);
    await bar(page)
      .getByRole('slider', { name: 'Playback position' })
      .fill(String(nestedEnd / 2));
    await expect(status(page)).toContainText(`${clock(nestedEnd / 2)} / ${clock(nestedEnd)}`);
    await expect(instant(page)).toHaveText(new RegExp(`^Context at ${clock(nestedEnd / 2).replace('.', '\\.')}`));
  });
});

for (const [w, h] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test.describe(`Playback at ${w}×${h}`, () => {
    test.use({ viewport: { width: w, height: h } });
    test('mid-playback, everything fits', async ({ page, consoleErrors }) => {
      void consoleErrors;
      await openResearch(page);
      await runPlan(page);
      await openTimeline(page);
      const b = bar(page);
      // The bar fits on one line in the centre column, both side panes open.
      const barBox = await b.boundingBox();
      const center = await page.locator('.tw-center').boundingBox();
      expect(barBox && center && barBox.width <= center.width + 1).toBe(true);
      expect(barBox && barBox.height < 48).toBe(true);
      const slider = await b.getByRole('slider', { name: 'Playback position' }).boundingBox();
      expect(slider && slider.width >= 100).toBe(true);

      await b.getByRole('combobox', { name: 'Playback speed' }).selectOption({ label: '2×' });
      await bar(page).getByRole('slider', { name: 'Playback position' }).fill('2600');
      await b.getByRole('button', { name: 'Play', exact: true }).click();
      const position = b.getByRole('slider', { name: 'Playback position' });
      await expect.poll(async () => Number(await position.inputValue())).toBeGreaterThan(2700);
      await b.getByRole('button', { name: 'Pause', exact: true }).click();
      await page.locator('rect[data-attempt="fetch_2:1"]').hover();
      await expect(page.getByRole('tooltip')).toContainText('fetch_2 · attempt 1');
      await expect(page.getByRole('tooltip')).toBeInViewport({ ratio: 1 });
      await expectScreenHolds(page, 'light');
      await page.screenshot({ path: `e2e/artifacts/playback-${w}x${h}.png` });
    });
  });
}
