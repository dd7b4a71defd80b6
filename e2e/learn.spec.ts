// The course: offered once on a first visit, opened from the header, each lesson a plan of its own whose steps are
// checked against the real plan and run. One whole lesson is done here by keyboard alone; progress survives a reload
// and a lesson can be reset.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

const canvas = (page: Page) => page.getByRole('region', { name: 'Plan graph' });
const call = (page: Page, id: string) => canvas(page).locator(`.react-flow__node-toolCall[data-id="${id}"]`);
const steps = (page: Page) => page.getByRole('list', { name: 'Steps' }).getByRole('listitem');

/** Presses Tab (or Shift+Tab) until `target` holds the focus: the keyboard's own way there. */
async function tabTo(page: Page, target: Locator, back = false): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

async function home(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
}

test.describe('Learn', () => {
  test('the first visit offers the course once, and No thanks puts it away', async ({ page }) => {
    await home(page);
    const offer = page.getByRole('complementary', { name: 'The course' });
    await expect(offer).toContainText('Take the 7-lesson course');
    // Beside the canvas, never over it.
    const [card, graph] = await Promise.all([offer.boundingBox(), canvas(page).boundingBox()]);
    expect(card!.x + card!.width).toBeLessThanOrEqual(graph!.x);
    await offer.getByRole('button', { name: 'No thanks' }).click();
    await expect(offer).toHaveCount(0);
    await home(page);
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
    await expect(offer).toHaveCount(0);
  });

  test('a whole lesson by keyboard alone: run, fix, run again, each step checked; progress survives a reload; reset starts over', async ({
    page,
  }) => {
    await home(page);
    // Into the course from the header, then the payment lesson.
    await tabTo(page, page.getByRole('button', { name: 'Learn', exact: true }));
    await page.keyboard.press('Enter');
    const start = page.getByRole('button', { name: 'Start lesson 7: A retried payment' });
    await tabTo(page, start);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Lesson 7 of 7: A retried payment' })).toBeVisible();
    await expect(call(page, 'charge_card')).toBeVisible();
    await expect(steps(page)).toHaveCount(3);
    await expect(steps(page).nth(0)).toHaveAttribute('aria-current', 'step');

    // Step 1: run (R). The check reads the run: charge_card may have charged twice.
    await tabTo(page, page.getByRole('button', { name: '‹ All lessons' }));
    await page.keyboard.press('r');
    await expect(steps(page).nth(0)).toHaveAttribute('data-state', 'done');
    await expect(steps(page).nth(0)).toContainText('Why it matters:');
    await expect(steps(page).nth(1)).toHaveAttribute('aria-current', 'step');

    // Step 2: select charge_card from the keyboard and make it idempotent in the inspector.
    await tabTo(page, call(page, 'charge_card'));
    await page.keyboard.press('Enter');
    await expect(call(page, 'charge_card')).toHaveClass(/selected/);
    const inspect = page.getByRole('tab', { name: 'Inspect' });
    if ((await inspect.getAttribute('aria-selected')) !== 'true') {
      await tabTo(page, page.getByRole('tab', { name: 'Run', exact: true }));
      await page.keyboard.press('ArrowLeft');
    }
    const once = page.getByRole('radio', { name: 'Once', exact: true });
    await tabTo(page, once);
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('radio', { name: 'Idempotent', exact: true })).toBeChecked();
    await expect(steps(page).nth(1)).toHaveAttribute('data-state', 'done');
    await expect(steps(page).nth(2)).toHaveAttribute('data-state', 'now');

    // Step 3: run again, from the header's Run button.
    await tabTo(page, page.getByRole('button', { name: 'Run', exact: true }), true);
    await page.keyboard.press('Enter');
    await expect(steps(page).nth(2)).toHaveAttribute('data-state', 'done');
    await expect(page.getByText('Lesson complete.', { exact: false }).first()).toBeVisible();

    // Kept in this browser.
    await page.reload();
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
    await tabTo(page, page.getByRole('button', { name: 'Learn', exact: true }));
    await page.keyboard.press('Enter');
    await expect(page.locator('.tw-learn__step[data-state="done"]')).toHaveCount(3);

    // Reset: every step to do again, and the plan back where the lesson starts.
    await tabTo(page, page.getByRole('button', { name: 'Reset lesson' }));
    await page.keyboard.press('Enter');
    await expect(page.locator('.tw-learn__step[data-state="done"]')).toHaveCount(0);
    await expect(steps(page).nth(0)).toHaveAttribute('aria-current', 'step');
    await expect(call(page, 'charge_card')).toContainText('once');
  });

  test('the timeout lesson: inject, make the input optional, run, and pick the line the model gets for fetch_2', async ({ page }) => {
    await home(page);
    await page.getByRole('button', { name: 'Learn', exact: true }).click();
    await page.getByRole('button', { name: 'Start lesson 3: A timeout, and what the model must be told' }).click();
    await expect(call(page, 'fetch_2')).toBeVisible();

    await call(page, 'fetch_2').click({ button: 'right' });
    await page.getByRole('menu', { name: 'Inject into fetch_2' }).getByRole('menuitem', { name: 'Time out' }).click();
    await expect(steps(page).nth(0)).toHaveAttribute('data-state', 'done');

    await canvas(page).locator('.react-flow__edge[data-id="fetch_2->extract"]').click();
    await page.getByRole('button', { name: 'Make fetch_2 → extract optional' }).click();
    await expect(steps(page).nth(1)).toHaveAttribute('data-state', 'done');

    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(steps(page).nth(2)).toHaveAttribute('data-state', 'done');

    // The choices are the result lines of the real context: a wrong pick is said to be wrong and passes nothing.
    const choices = page.getByRole('group', { name: 'Which line of the context does the model get for fetch_2?' });
    await choices.getByRole('radio', { name: /^result fetch_1 \[ok\]/ }).check();
    await expect(choices.getByRole('status')).toHaveText('Not that one: read the context again.');
    await expect(steps(page).nth(3)).toHaveAttribute('data-state', 'now');
    await choices.getByRole('radio', { name: /^result fetch_2 \[error\]: fetch_2 timed out/ }).click();
    await expect(steps(page).nth(3)).toHaveAttribute('data-state', 'done');
    await expect(steps(page).nth(3)).toContainText('Why it matters: The model must read what failed');
    await page.screenshot({ path: 'e2e/artifacts/learn-timeout-done-1280x720.png' });
  });

  test('the first lesson by keyboard: edges are reached with Tab, selected with Enter and deleted with Delete', async ({ page }) => {
    await home(page);
    await tabTo(page, page.getByRole('button', { name: 'Learn', exact: true }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('button', { name: 'Start lesson 1: Independent calls: one wave' }));
    await page.keyboard.press('Enter');
    for (const id of ['fetch_1->fetch_2', 'fetch_2->fetch_3']) {
      await tabTo(page, canvas(page).locator(`.react-flow__edge[data-id="${id}"]`));
      await page.keyboard.press('Enter');
      await page.keyboard.press('Delete');
      await expect(canvas(page).locator(`.react-flow__edge[data-id="${id}"]`)).toHaveCount(0);
    }
    await expect(steps(page).nth(0)).toHaveAttribute('data-state', 'done');
    await page.keyboard.press('r');
    await expect(steps(page).nth(1)).toHaveAttribute('data-state', 'done');
    await expect(page.getByRole('button', { name: 'Next lesson: A true dependency, and a false one' })).toBeVisible();
  });
});
