// Side effects through the UI: marking the payment "once" makes the review warn about its retries, and Many runs
// compares one attempt with three on the same seeds, showing B's duplicate rate beside its success, as the CLI does.
import type { Locator, Page } from '@playwright/test';
import { runMonteCarlo } from '../lib/engine/montecarlo';
import { simulate } from '../lib/engine';
import { tickDuration } from '../lib/format/duration';
import type { Plan } from '../lib/plan';
import { formatPercent } from '../components/stats/format';
import { expect, expectScreenHolds, openExample, sim, test } from './fixtures';

const inspector = (page: Page) => page.getByRole('tabpanel', { name: 'Inspect' });
const statsPanel = (page: Page) => page.getByRole('tabpanel', { name: 'Many runs' });

async function selectCall(page: Page, id: string): Promise<Locator> {
  await page.locator(`.react-flow__node[data-id="${id}"]`).click();
  await page.getByRole('tab', { name: 'Inspect' }).click();
  const form = inspector(page).getByRole('group', { name: `Call ${id}` });
  await expect(form).toBeVisible();
  return form;
}

async function clearSelection(page: Page) {
  const pane = page.locator('.react-flow__pane');
  const box = await pane.boundingBox();
  await pane.click({ position: { x: (box?.width ?? 400) / 2, y: 6 } });
}

/** The trip with the slow gateway, charge_card once with `attempts` attempts: what the page should have built. */
function tripWith(plan: Plan, attempts: number): Plan {
  return {
    ...plan,
    settings: { ...plan.settings, scenario: 'slow_gateway' },
    calls: plan.calls.map((c) => (c.id === 'charge_card' ? { ...c, effect: 'once', retry: { ...c.retry, maxAttempts: attempts } } : c)),
  };
}

test.describe('Side effects', () => {
  test.beforeEach(async ({ consoleErrors }) => {
    void consoleErrors;
  });

  test('mark the payment once: the review warns, and Many runs shows the duplicate rate of three attempts', async ({ page }) => {
    const trip = await openExample(page, 'Book a trip');
    await page.getByLabel('Active scenario').selectOption({ label: 'Slow payment gateway' });

    // The charge is idempotent in the example; a careless edit makes it "once" and keeps its 3 attempts.
    let form = await selectCall(page, 'charge_card');
    await form.getByRole('group', { name: 'Effect', exact: true }).getByRole('radio', { name: 'Once' }).check();
    await expect(form.getByRole('button', { name: /Side effect/ })).toContainText('once · undone by refund_payment');
    await clearSelection(page);
    const review = inspector(page).getByRole('list', { name: 'Plan review findings' });
    await expect(review).toContainText('charge_card applies its effect on every attempt (effect "once") and allows 3 attempts');

    // A: one attempt (the warning goes); B: three attempts again.
    form = await selectCall(page, 'charge_card');
    await form.getByLabel('Attempts', { exact: true }).fill('1');
    await clearSelection(page);
    await expect(review).toHaveCount(0);

    await page.getByRole('tab', { name: 'Many runs' }).click();
    const p = statsPanel(page);
    await p.getByRole('button', { name: 'Make variant B from this plan' }).click();
    await p.getByLabel('Max attempts of charge_card').fill('3');
    await p.getByRole('button', { name: '1,000', exact: true }).click();
    await p.getByRole('button', { name: 'Run A and B 1,000 times' }).click();
    const results = p.getByRole('region', { name: 'Statistics' });
    await expect(results.locator('.tw-stats-results__runs')).toHaveText(/^1,000 runs each/, { timeout: 30_000 });

    const a = sim(tripWith(trip, 1), 1000, 'trip-a');
    const b = sim(tripWith(trip, 3), 1000, 'trip-b');
    expect(b).toEqual(JSON.parse(JSON.stringify(runMonteCarlo(tripWith(trip, 3), { runs: 1000 }))));
    const maybeB = b.calls.charge_card.maybeDuplicateRate ?? 0;
    expect(maybeB).toBeGreaterThan(0.1);
    expect(b.outcomes.complete).toBeGreaterThan(a.outcomes.complete);

    // The comparison says B retries a once call, with its success and duplicate rates side by side.
    const warning = results.locator('[data-stat="retried-once"]');
    await expect(warning).toContainText('B retries charge_card (1 → 3 attempts), but its effect is once');
    await expect(warning).toContainText(`succeeds in ${formatPercent(b.calls.charge_card.successRate)} of runs`);
    await expect(warning).toContainText(`maybe twice in ${formatPercent(maybeB)}`);
    // The deltas line never reads as a plain win.
    await expect(results.locator('[data-stat="deltas"]')).toContainText('; but runs with a possible duplicate +');
    const row = (key: string) => results.locator(`.tw-stats-ab tr[data-row="${key}"]`);
    await expect(row('maybeDuplicated').locator('[data-col="b"]')).toHaveText(formatPercent(b.effects?.maybeDuplicated ?? 0));
    await expect(row('maybeDuplicated').locator('[data-col="a"]')).toHaveText(formatPercent(a.effects?.maybeDuplicated ?? 0));
    await expect(row('maybeDuplicated').locator('[data-col="delta"]')).toHaveClass(/tw-stats-delta--worse/);
    // Per call, A → B.
    await expect(results.locator('.tw-stats-effects tr[data-call="charge_card"] [data-col="maybeDuplicateRate"]')).toHaveText(
      `${formatPercent(a.calls.charge_card.maybeDuplicateRate ?? 0)} → ${formatPercent(maybeB)}`,
    );

    await page.mouse.move(1, 1);
    await expectScreenHolds(page, 'light');
    await page.screenshot({ path: 'e2e/artifacts/effects-ab-1280x720.png' });
    await warning.scrollIntoViewIfNeeded();
    await expect(warning).toBeInViewport();
    await expectScreenHolds(page, 'light');
    await page.screenshot({ path: 'e2e/artifacts/effects-ab-warning-1280x720.png' });
  });

  test('the compensation is edited with the call’s own editors', async ({ page }) => {
    await openExample(page, 'Book a trip');
    const form = await selectCall(page, 'reserve_hotel');
    await expect(form.getByText('Undone by', { exact: true })).toBeVisible();
    await form.getByRole('button', { name: 'Edit compensation' }).click();
    await expect(form.getByLabel('Compensation tool')).toHaveValue('cancel_reservation');
    const attempts = form.getByLabel('Compensation attempts');
    await expect(attempts).toHaveValue('3');
    await attempts.fill('0');
    await expect(attempts).toHaveAttribute('aria-invalid', 'true');
    await attempts.fill('5');
    await expect(attempts).toHaveAttribute('aria-invalid', 'false');
    await form.getByRole('button', { name: 'Add compensation fault' }).click();
    await expect(form.getByRole('list', { name: "Faults of reserve_hotel's compensation" }).getByRole('listitem')).toHaveCount(1);
    await expect(form.locator('.tw-insp-comp__summary')).toHaveText('Undone by cancel_reservation · 420 ms · timeout 4 s · ×5 · 1 fault');
    await expectScreenHolds(page, 'light');
    await page.screenshot({ path: 'e2e/artifacts/effects-inspector-1280x720.png' });
    // Removing the effect removes the compensation (one undo step brings both back).
    await form.getByRole('group', { name: 'Effect', exact: true }).getByRole('radio', { name: 'None' }).check();
    await expect(form.getByRole('button', { name: 'Edit compensation' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(form.getByRole('button', { name: /compensation/ }).first()).toBeVisible();
  });
  test('after the card is declined, the timeline shows the reservation undone in its compensation lane', async ({ page }) => {
    const trip = await openExample(page, 'Book a trip');
    await page.getByLabel('Active scenario').selectOption({ label: 'Card declined' });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const declined = simulate({ ...trip, settings: { ...trip.settings, scenario: 'card_declined' } });
    expect(declined.stop?.reason).toBe('abort');
    const due = declined.compensations.map((i) => declined.calls[i]);
    expect(due.length).toBeGreaterThan(0);
    const show = page.getByRole('button', { name: 'Show timeline' });
    if (await show.isVisible()) await show.click();
    const timeline = page.getByRole('group', { name: /^Timeline of the run/ });
    for (const call of due) {
      const comp = call.effect?.compensation;
      await expect(
        timeline.getByRole('group', { name: new RegExp(`^Compensation ${comp?.tool} \\(undoes ${call.id}\\): undone`) }),
      ).toBeVisible();
    }
    // The axis runs on past the stop until the compensations settle.
    await expect(timeline).toHaveAttribute('aria-label', `Timeline of the run, ${tickDuration(declined.settledMs ?? 0)} long`);
    await page.getByRole('button', { name: 'To the end' }).click();
    await page
      .getByRole('button', { name: /^Dismiss/ })
      .first()
      .click();
    const lastLane = timeline.getByRole('group', { name: /^Compensation / }).last();
    await lastLane.scrollIntoViewIfNeeded();
    // The shot shows the compensation lane, inside the timeline's own box.
    await expect(lastLane).toBeInViewport();
    await expect(page.getByRole('region', { name: 'Timeline' })).toBeInViewport();
    await page.getByRole('region', { name: 'Timeline' }).screenshot({ path: 'e2e/artifacts/effects-compensation-lane-1280x720.png' });
  });
});
