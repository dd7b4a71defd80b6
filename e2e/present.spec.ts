// Presentation mode: P (or the Present button) opens the run full screen with a narrated caption;
// ←/→ step by model turn, End goes to the end, Escape leaves — and the editor is exactly as it was.
import type { Page } from '@playwright/test';
import { captionAt, captionText, endTime, simulate } from '../lib/engine';
import { expect, loadExamplePlan, loadExamples, test, openExample, SCREEN_SIZES, settled } from './fixtures';

const research = loadExamples().find((e) => e.name === 'Research agent');
if (research === undefined) throw new Error('no Research agent example');
const plan = loadExamplePlan(research);
const trace = simulate(plan);
/** The caption the page must show at instant t (the engine is deterministic, so Node and the page agree). */
const captionFor = (t: number) => captionText(captionAt(trace, plan, t));

async function openResearch(page: Page) {
  await openExample(page, 'Research agent');
}

const presentation = (page: Page) => page.getByRole('dialog', { name: 'Presentation' });
const caption = (page: Page) => presentation(page).getByRole('status', { name: 'Caption' });
const editorNode = (page: Page, id: string) => page.locator(`main .react-flow__node[data-id="${id}"]`);

test.describe('Presentation mode', () => {
  test.beforeEach(async ({ page, consoleErrors }) => {
    void consoleErrors;
    await openResearch(page);
  });

  test('by keyboard: P runs the plan and opens it at the start, arrows step by model turn, Escape restores the editor', async ({
    page,
  }) => {
    expect(trace.turns.length).toBeGreaterThanOrEqual(3);
    // The editor as the presenter left it: the library pane closed, fetch_2 selected, the timeline closed.
    await page.getByRole('button', { name: 'Hide library' }).click();
    await expect(page.getByRole('button', { name: 'Show library' })).toBeVisible();
    await editorNode(page, 'fetch_2').click();
    await expect(editorNode(page, 'fetch_2')).toHaveClass(/selected/);
    const viewport = await page.locator('main .react-flow__viewport').getAttribute('style');
    const nodeAt = await editorNode(page, 'fetch_2').getAttribute('style');

    await page.keyboard.press('p');
    const dialog = presentation(page);
    await expect(dialog).toBeVisible();
    await expect(caption(page)).toHaveText(captionFor(0));
    await expect(caption(page)).toHaveText(/^The run begins: nothing has started yet\./);
    await expect(dialog.getByTestId('presentation-turn')).toHaveText('Model turn 1 of 4 · thinking');
    await expect(dialog.getByText('model turns · Esc to leave')).toBeVisible();
    // The stage: the plan graph, the timeline and the context at the cursor.
    await expect(dialog.getByRole('region', { name: 'Plan graph' }).locator('.react-flow__node-toolCall')).toHaveCount(plan.calls.length);
    await expect(dialog.getByRole('img', { name: /^Timeline of the run/ })).toBeVisible();
    await expect(dialog.getByRole('region', { name: 'Context' })).toBeVisible();

    // → steps to each model turn's emit instant; the caption narrates it.
    for (let k = 0; k < 3; k++) {
      await page.keyboard.press('ArrowRight');
      await expect(caption(page)).toHaveText(captionFor(trace.turns[k].emitMs));
      await expect(dialog.getByTestId('presentation-turn')).toHaveText(`Model turn ${k + 1} of ${trace.turns.length} · calls running`);
    }
    await expect(caption(page)).toContainText('Model turn 3 emits extract');
    // Shift+← goes back one event: fetch_2's second attempt returning.
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(caption(page)).toHaveText(captionFor(trace.turns[2].emitMs - 1));
    await expect(caption(page)).toContainText('fetch_2 succeeded after 2 attempts');
    // ← back to model turn 2 (the retry of fetch_2 happened inside it).
    await page.keyboard.press('ArrowLeft');
    await expect(caption(page)).toContainText('Model turn 2 emits fetch_1, fetch_2 and fetch_3');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('.');
    await page.keyboard.press('.');
    await expect(caption(page)).toHaveText(/fetch_2 timed out — retryable — retry 1 in \d+ ms\./);

    // End: the whole run in one sentence.
    await page.keyboard.press('End');
    await expect(caption(page)).toHaveText(captionFor(endTime(trace)));
    await expect(caption(page)).toHaveText(/^Run complete in 8\.9 s: 6 succeeded\./);
    await expect(dialog.getByTestId('presentation-turn')).toHaveText('Model turn 4 of 4 · done');

    // The arrow keys never moved a call on the canvas.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Show library' })).toBeVisible();
    await expect(editorNode(page, 'fetch_2')).toHaveClass(/selected/);
    expect(await editorNode(page, 'fetch_2').getAttribute('style')).toBe(nodeAt);
    expect(await page.locator('main .react-flow__viewport').getAttribute('style')).toBe(viewport);
    await expect(
      page.getByRole('region', { name: 'Timeline', exact: true }).getByRole('button', { name: 'Show timeline' }),
    ).toHaveAttribute('aria-expanded', 'false');
    // The plan was run for the presentation: the editor now holds that run, at its end, as after Run.
    await expect(page.getByRole('slider', { name: 'Playback position' })).toHaveAttribute('aria-valuetext', /^8\.93 s of 8\.93 s$/);
  });

  test('the Present button, its on-screen controls, and a cursor put back where it was', async ({ page }) => {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.keyboard.press('Home');
    await expect(page.getByRole('slider', { name: 'Playback position' })).toHaveAttribute('aria-valuetext', /^0\.00 s of/);

    const present = page.getByRole('button', { name: 'Present', exact: true });
    await expect(present).toHaveAttribute('title', 'Presentation mode (P)');
    await present.click();
    const dialog = presentation(page);
    await expect(caption(page)).toHaveText(captionFor(0));
    await dialog.getByRole('button', { name: 'Next turn', exact: true }).click();
    await dialog.getByRole('button', { name: 'Next turn', exact: true }).click();
    await expect(caption(page)).toHaveText(captionFor(trace.turns[1].emitMs));
    // After a click the arrow keys still step (the controls never keep the focus from a mouse press).
    await page.keyboard.press('ArrowRight');
    await expect(caption(page)).toHaveText(captionFor(trace.turns[2].emitMs));
    await dialog.getByRole('button', { name: 'Previous turn', exact: true }).click();
    await expect(caption(page)).toHaveText(captionFor(trace.turns[1].emitMs));
    // Space plays at the editor's one playback clock (real time at 1×, never twice as fast), Space again pauses.
    await page.keyboard.press('Home');
    const clock = dialog.locator('.tw-present__clock');
    await expect(clock).toHaveText(/^0\.00 s \//);
    const started = Date.now();
    await page.keyboard.press(' ');
    await expect(dialog.getByRole('button', { name: 'Pause presentation' })).toBeVisible();
    // Wait for the clock itself to pass 0.6 s, then pause.
    await expect.poll(async () => Number.parseFloat((await clock.textContent()) ?? ''), { timeout: 10_000 }).toBeGreaterThan(0.6);
    await page.keyboard.press(' ');
    const elapsed = (Date.now() - started) / 1000;
    await expect(dialog.getByRole('button', { name: 'Play presentation' })).toBeVisible();
    const played = Number.parseFloat((await clock.textContent()) ?? '');
    expect(played).toBeGreaterThan(0.5);
    expect(played).toBeLessThanOrEqual(elapsed + 0.05);
    // Editor keys do nothing behind it: R would re-run, ? would open the help.
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);

    await dialog.getByRole('button', { name: 'Leave presentation' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('slider', { name: 'Playback position' })).toHaveAttribute('aria-valuetext', /^0\.00 s of/);
    await expect(present).toBeFocused();
  });
});

test('leaving full screen leaves the presentation too (where the browser grants full screen)', async ({ page, consoleErrors }) => {
  void consoleErrors;
  await openResearch(page);
  await page.keyboard.press('p');
  await expect(presentation(page)).toBeVisible();
  const fullscreen = await page
    .waitForFunction(() => document.fullscreenElement !== null, undefined, { timeout: 2000 })
    .then(
      () => true,
      () => false,
    );
  test.skip(!fullscreen, 'this browser refused full screen; the overlay covers the window instead');
  await page.evaluate(() => document.exitFullscreen());
  await expect(presentation(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeVisible();
});

for (const size of SCREEN_SIZES) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`Presentation at ${size.width}×${size.height}, ${colorScheme}`, () => {
      test.use({ viewport: size, colorScheme });
      test('fits the stage, the timeline and the caption on one screen', async ({ page }) => {
        await openResearch(page);
        await page.keyboard.press('p');
        const dialog = presentation(page);
        await expect(dialog).toBeVisible();
        for (let k = 0; k < 2; k++) await page.keyboard.press('ArrowRight');
        await page.keyboard.press('.');
        await page.keyboard.press('.');
        await page.keyboard.press('.');
        await expect(caption(page)).toContainText('fetch_2 timed out');
        // Everything inside the window, nothing under the caption.
        const box = await dialog.boundingBox();
        expect(box).toEqual({ x: 0, y: 0, width: size.width, height: size.height });
        const cap = await caption(page).boundingBox();
        const timeline = await dialog.getByRole('region', { name: 'Timeline' }).boundingBox();
        expect(cap && timeline && timeline.y + timeline.height <= cap.y).toBe(true);
        expect(cap && cap.y + cap.height <= size.height).toBe(true);
        await settled(page);
        await page.screenshot({ path: `e2e/artifacts/present-${size.width}x${size.height}-${colorScheme}.png` });
      });
    });
  }
}
