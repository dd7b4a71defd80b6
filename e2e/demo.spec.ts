// The demo-ready pass, through the page at 1280×720: injected faults kept apart from the design and marked where they
// act, nodes readable at the zoom a plan opens at, side effects on nodes, and words and numbers that agree.
import type { Page } from '@playwright/test';
import { expect, openExample, test } from './fixtures';

const canvas = (page: Page) => page.getByRole('region', { name: 'Plan graph', exact: true });
const call = (page: Page, id: string) => canvas(page).locator(`.react-flow__node-toolCall[data-id="${id}"]`);
const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });
const shot = (page: Page, name: string) => page.screenshot({ path: `e2e/artifacts/demo-${name}.png` });

test.describe('Demo-ready', () => {
  test('injected faults are kept apart from the design, marked on the canvas, the Run tab and Many runs, and cleared alone', async ({
    page,
  }) => {
    await openExample(page, 'Research agent');
    await call(page, 'fetch_2').click();
    const bar = page.getByRole('group', { name: 'Inject faults into fetch_2' });
    await bar.getByRole('button', { name: 'Inject failure into fetch_2' }).click();
    await call(page, 'search').click();
    await page
      .getByRole('group', { name: 'Inject faults into search' })
      .getByRole('button', { name: 'Inject slow-down into search' })
      .click();
    const chip = page.getByRole('group', { name: 'Injected faults' });
    await expect(chip).toContainText('2 injected faults');
    await expect(call(page, 'fetch_2').locator('.tw-node__far .tw-fault--injected')).toBeVisible();
    await shot(page, 'injected-canvas');

    await runButton(page).click();
    const note = page.locator('.tw-injected--note').first();
    await expect(note).toContainText('This run: 2 injected faults in force on search and fetch_2');
    await shot(page, 'injected-run');

    await page.getByRole('tab', { name: 'Many runs' }).click();
    await page.getByRole('button', { name: /^Run .* times$/ }).click();
    await expect(page.getByRole('region', { name: 'Statistics' }).locator('.tw-injected--note')).toContainText(
      'These runs: 2 injected faults in force',
    );
    await shot(page, 'injected-many');

    // Clear takes the injected faults only: the plan's designed faults stay.
    await chip.getByRole('button', { name: 'Clear injected faults' }).click();
    await expect(chip).toHaveCount(0);
    await expect(canvas(page).locator('.tw-fault--injected')).toHaveCount(0);
  });

  test('at the fitted zoom a node shows state, fault and policy in words, a long title in full on hover, and its handles draw an edge', async ({
    page,
  }) => {
    await openExample(page, 'Research agent');
    await expect(canvas(page).locator('.tw-flow--far')).toHaveCount(1);
    await runButton(page).click();
    await expect(call(page, 'search').locator('[data-status]')).toBeVisible();
    await expect(call(page, 'search').locator('.tw-node__far')).toBeVisible();
    await expect(call(page, 'search').locator('.tw-node__far')).toContainText('↻2 degrade');
    await call(page, 'extract').hover();
    await expect(call(page, 'extract').locator('.tw-node__fulltitle')).toBeVisible();
    await shot(page, 'fit-run');
    // A long title shows in full on keyboard focus too.
    await call(page, 'summarize').focus();
    await expect(call(page, 'summarize').locator('.tw-node__fulltitle')).toBeVisible();

    // At this zoom, dragging from search's output handle to summarize's input draws an edge.
    const edges = canvas(page).locator('.react-flow__edge');
    const before = await edges.count();
    const from = await call(page, 'search').locator('.react-flow__handle.source').boundingBox();
    const to = await call(page, 'summarize').locator('.react-flow__handle.target').boundingBox();
    if (from === null || to === null) throw new Error('handles not laid out');
    expect(from.width).toBeGreaterThanOrEqual(8);
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, to.y + 40, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect(edges).toHaveCount(before + 1);
  });

  test('side effects show on nodes at every zoom, with the compensation and the state at the cursor', async ({ page }) => {
    await openExample(page, 'Book a trip');
    await expect(call(page, 'charge_card').locator('.tw-node-effect')).toContainText('idempotent');
    await expect(call(page, 'reserve_hotel').locator('.tw-node-effect')).toContainText('once');
    await expect(call(page, 'reserve_hotel').locator('.tw-node-effect__comp')).toHaveAttribute('title', /cancel_reservation/);
    await shot(page, 'effects-fit');
    await runButton(page).click();
    await expect(call(page, 'reserve_hotel').locator('[data-effect-state="applied"]')).toBeVisible();
    await shot(page, 'effects-run');
    // Card declined: the charge aborts and the reservations are undone.
    await page.getByRole('button', { name: 'No scenario' }).click();
    await page.getByRole('menuitemradio', { name: /Card declined/ }).click();
    await expect(call(page, 'reserve_hotel').locator('[data-effect-state="undone"]')).toBeVisible();
    // Zoomed in, every part of the node is readable: effect, compensation, chips.
    await canvas(page)
      .locator('.react-flow__pane')
      .hover({ position: { x: 260, y: 300 } });
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -200);
    await expect(canvas(page).locator('.tw-flow--far')).toHaveCount(0);
    await shot(page, 'effects-zoomed');
  });

  test('an opaque sub-agent’s context is labelled a blind view, and the Run pane shows one level at a time, named', async ({ page }) => {
    await openExample(page, 'Sub-agent hides its failures');
    await runButton(page).click();
    await page.getByRole('button', { name: 'Compare with the anti-patterns' }).click();
    const blind = page.getByRole('region', { name: 'Blind view: the orchestrator’s context' });
    await expect(blind).toContainText('research’s opaque report hid');
    await expect(page.getByRole('region', { name: 'Correct context' })).toHaveCount(0);
    await shot(page, 'blind-view');
    await page.getByRole('button', { name: 'Open sub-agent research' }).click();
    await expect(page.locator('.tw-results__level')).toHaveText('Sub-agent research: its own run, inside the plan’s');
    await expect(page.getByRole('heading', { name: 'Calls of research' })).toBeVisible();
    await shot(page, 'drill-run');
  });

  test('a plan that was run reopens with its run after a reload', async ({ page }) => {
    await openExample(page, 'Flaky API');
    await runButton(page).click();
    const outcome = page.locator('.tw-outcome__value');
    const words = await outcome.textContent();
    // Wait for the autosave to keep the plan, then reload.
    await expect(page.getByText('Saved', { exact: true })).toBeVisible();
    await page.reload();
    await expect(outcome).toHaveText(words ?? '');
    await shot(page, 'reload-run');
  });

  test('what hurts most names its baseline, and B values are coloured by better or worse', async ({ page }) => {
    await openExample(page, 'Research agent');
    await page.getByRole('tab', { name: 'Many runs' }).click();
    await page.getByRole('checkbox', { name: /Rank what hurts most/ }).check();
    // With the ranking on, the button also says what the ranking will run.
    await page.getByRole('button', { name: /^Run .* times \+ rank / }).click();
    const stats = page.getByRole('region', { name: 'Statistics' });
    await expect(stats.locator('.tw-stats-hurts')).toContainText('over those the plan succeeds in');
    await stats.locator('.tw-stats-hurts').scrollIntoViewIfNeeded();
    await shot(page, 'hurts');
  });
});
