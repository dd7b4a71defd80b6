// One-click failure injection and scenarios: the selected call's toolbar, its context menu (mouse and keyboard),
// clearing faults, saving the faults in force as a scenario and switching scenarios from the menu (which re-runs).
import type { Page } from '@playwright/test';
import { expect, expectScreenHolds, loadExamplePlan, loadExamples, openExample, test } from './fixtures';

const research = loadExamples().find((e) => e.name === 'Research agent');
if (research === undefined) throw new Error('no Research agent example');
const plan = loadExamplePlan(research);

const canvas = (page: Page) => page.getByRole('region', { name: 'Plan graph', exact: true });
const call = (page: Page, id: string) => canvas(page).locator(`.react-flow__node-toolCall[data-id="${id}"]`);
const timeline = (page: Page) => page.getByRole('region', { name: 'Timeline', exact: true });
const runButton = (page: Page) => page.getByRole('button', { name: 'Run', exact: true });
const notices = (page: Page) => page.locator('.tw-notices');

async function openResearch(page: Page) {
  await openExample(page, 'Research agent');
}

async function showTimeline(page: Page) {
  const show = timeline(page).getByRole('button', { name: 'Show timeline' });
  if (await show.isVisible()) await show.click();
  await expect(timeline(page).getByRole('button', { name: 'Hide timeline' })).toBeVisible();
}

/** The timeline row of a call: its group is named "search: timed out, 2 attempts[, on the critical path]". */
const row = (page: Page, text: string) => timeline(page).getByRole('group', { name: new RegExp(`^${text}`) });

test.describe('Failure injection', () => {
  test.beforeEach(async ({ page, consoleErrors }) => {
    void consoleErrors;
    await openResearch(page);
  });

  test('a timeout injected on every attempt by clicking times the call out and skips its dependents', async ({ page }) => {
    // search has 2 attempts and every other call needs it: a timeout on every attempt cannot be rescued by a retry.
    expect(plan.calls.find((c) => c.id === 'search')?.retry.maxAttempts).toBe(2);
    await call(page, 'search').click();
    const bar = page.getByRole('group', { name: 'Inject faults into search' });
    await expect(bar).toBeVisible();
    await expect(bar.getByRole('radio', { name: 'Every attempt' })).toBeChecked();
    await bar.getByRole('button', { name: 'Inject time out into search' }).click();
    await expect(notices(page)).toContainText('search now times out on every attempt');
    await expect(call(page, 'search').getByText('timeout fault')).toHaveCount(1);

    await runButton(page).click();
    await expect(call(page, 'search').locator('[data-status="timed_out"]')).toContainText('timed out');
    await expect(call(page, 'fetch_1').locator('[data-status="skipped"]')).toContainText('skipped');
    await expect(call(page, 'summarize').locator('[data-status="skipped"]')).toBeVisible();
    await showTimeline(page);
    await expect(row(page, 'search: timed out, 2 attempts')).toHaveCount(1);
    await expect(row(page, 'fetch_1: skipped')).toHaveCount(1);
    await expect(row(page, 'extract: skipped')).toHaveCount(1);

    // Clear faults from the toolbar; the run is not redone until Run is pressed.
    await call(page, 'search').click();
    await bar.getByRole('button', { name: 'Clear injected faults of search' }).click();
    await expect(notices(page)).toContainText('Cleared 1 injected fault from search; it has no faults now');
    await expect(call(page, 'search').getByText('timeout fault')).toHaveCount(0);
    await expect(call(page, 'search').locator('[data-status="timed_out"]')).toBeVisible();
    await runButton(page).click();
    await expect(row(page, 'search: succeeded')).toHaveCount(1);
    await expect(bar.getByRole('button', { name: 'Clear injected faults of search' })).toBeDisabled();
  });

  test('an injection after a run does not run again: the person presses Run', async ({ page }) => {
    await runButton(page).click();
    await expect(call(page, 'extract').locator('[data-status="succeeded"]')).toBeVisible();
    await call(page, 'extract').click();
    await page
      .getByRole('group', { name: 'Inject faults into extract' })
      .getByRole('button', { name: 'Inject failure into extract' })
      .click();
    await expect(notices(page)).toContainText('extract now fails on every attempt. Press Run to see it.');
    await expect(call(page, 'extract').locator('[data-status="succeeded"]')).toBeVisible();
    await runButton(page).click();
    await expect(call(page, 'extract').locator('[data-status="failed"]')).toBeVisible();
    await expect(call(page, 'summarize').locator('[data-status="skipped"]')).toBeVisible();
  });

  test('the context menu by keyboard: Shift+F10 on a focused call, arrows, a when-choice, Escape', async ({ page }) => {
    const extract = call(page, 'extract');
    await extract.focus();
    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu', { name: 'Inject into extract' });
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Fail' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Time out' })).toBeFocused();
    // To "First attempt only" (past Slow down, Rate-limit, Return partial, Every attempt); choosing it keeps the menu open.
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    const first = menu.getByRole('menuitemradio', { name: 'First attempt only' });
    await expect(first).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(first).toHaveAttribute('aria-checked', 'true');
    await expect(menu.getByRole('menuitemradio', { name: 'Every attempt' })).toHaveAttribute('aria-checked', 'false');
    // Then the two clears (nothing injected, no designed faults: both disabled) and Compare policies; wraps from the last item to the first.
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Clear injected faults' })).toBeFocused();
    await expect(menu.getByRole('menuitem', { name: 'Clear injected faults' })).toHaveAttribute('aria-disabled', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Clear all faults, designed ones too' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Compare policies…' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem', { name: 'Fail' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(menu).toBeHidden();
    await expect(extract).toBeFocused();
    await expect(notices(page)).toContainText('extract now times out on its first attempt only');

    // The toolbar shares the when-choice.
    await expect(
      page.getByRole('group', { name: 'Inject faults into extract' }).getByRole('radio', { name: 'First attempt only' }),
    ).toBeChecked();

    // The ContextMenu key opens it too; Escape closes it and gives focus back to the call.
    await page.keyboard.press('ContextMenu');
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Clear injected faults' })).toHaveAttribute('aria-disabled', 'false');
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(extract).toBeFocused();

    // Clear the injected faults from the menu (type-ahead: C).
    await page.keyboard.press('Shift+F10');
    await page.keyboard.press('c');
    await expect(menu.getByRole('menuitem', { name: 'Clear injected faults' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(notices(page)).toContainText('Cleared 1 injected fault from extract; it has no faults now');
    await expect(extract.getByText('timeout fault')).toHaveCount(0);
  });

  test('the context menu by mouse: right-click a call, a click outside closes it', async ({ page }) => {
    await call(page, 'fetch_2').click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Inject into fetch_2' });
    await expect(menu).toBeVisible();
    // The call is selected for the inspector; its toolbar stays hidden while its menu is open.
    await expect(call(page, 'fetch_2')).toHaveClass(/selected/);
    await expect(page.getByRole('group', { name: 'Inject faults into fetch_2' })).toBeHidden();
    await page.mouse.click(420, 560);
    await expect(menu).toBeHidden();

    await call(page, 'fetch_2').click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Rate-limit' }).click();
    await expect(menu).toBeHidden();
    await expect(notices(page)).toContainText('fetch_2 now is rate-limited (429, retry after 1 s) on every attempt');
    await expect(call(page, 'fetch_2').getByText('rate limit fault')).toHaveCount(1);
  });
});

test.describe('Scenarios', () => {
  test.beforeEach(async ({ page, consoleErrors }) => {
    void consoleErrors;
    await openResearch(page);
  });

  test('switching a scenario from the menu re-runs the plan', async ({ page }) => {
    await runButton(page).click();
    await expect(call(page, 'search').locator('[data-status="succeeded"]')).toBeVisible();
    const button = page.getByRole('button', { name: 'No scenario' });
    await button.click();
    const menu = page.getByRole('menu', { name: 'Scenarios' });
    await expect(menu.getByRole('menuitemradio', { name: /No scenario/ })).toHaveAttribute('aria-checked', 'true');
    await expect(menu.getByRole('menuitemradio', { name: /No scenario/ })).toBeFocused();
    await menu.getByRole('menuitemradio', { name: 'Search API down' }).click();
    await expect(menu).toBeHidden();
    await expect(page.getByRole('button', { name: 'Scenario: Search API down' })).toBeFocused();
    // Re-ran without pressing Run: the search API fails both attempts and everything after it is skipped.
    await expect(call(page, 'search').locator('[data-status="failed"]')).toBeVisible();
    await expect(call(page, 'fetch_1').locator('[data-status="skipped"]')).toBeVisible();
    await showTimeline(page);
    await expect(row(page, 'search: failed, 2 attempts')).toHaveCount(1);

    // By keyboard: open with ArrowDown, move to "No scenario", Enter.
    await page.getByRole('button', { name: 'Scenario: Search API down' }).press('ArrowDown');
    await expect(menu.getByRole('menuitemradio', { name: /No scenario/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'No scenario' })).toBeVisible();
    await expect(call(page, 'search').locator('[data-status="succeeded"]')).toBeVisible();
    await expect(row(page, 'search: succeeded')).toHaveCount(1);

    // One undo step brings the scenario back.
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('button', { name: 'Scenario: Search API down' })).toBeVisible();
  });

  test('saves the current injections as a scenario, validates its name, renames and deletes it', async ({ page }) => {
    await call(page, 'fetch_1').click();
    await page.getByRole('button', { name: 'Inject slow-down into fetch_1' }).click();
    await page.getByRole('button', { name: 'No scenario' }).click();
    await page.getByRole('menuitem', { name: 'Save current faults as a scenario…' }).click();
    const form = page.getByRole('dialog', { name: 'Save current faults as a scenario' });
    const name = form.getByRole('textbox', { name: 'Scenario name' });
    await expect(name).toBeFocused();
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByRole('alert')).toHaveText('Give the scenario a name.');
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await name.fill('everything slow');
    await name.press('Enter');
    await expect(form.getByRole('alert')).toHaveText('There is already a scenario called “Everything slow”.');
    await name.fill('Page one slow');
    await name.press('Enter');
    await expect(form).toBeHidden();
    const active = page.getByRole('button', { name: 'Scenario: Page one slow' });
    await expect(active).toBeVisible();
    await expect(notices(page)).toContainText('Saved the faults in force as the scenario “Page one slow”');
    // The saved scenario holds the injected fault (and fetch_3's own timeout, in force too).
    await expect(call(page, 'fetch_1').getByText('slow fault')).toHaveCount(1);
    await expect(call(page, 'fetch_3').getByText('timeout fault')).toHaveCount(1);

    // The inspector's fault editor sees the scenario's faults replace the call's own.
    await active.click();
    const menu = page.getByRole('menu', { name: 'Scenarios' });
    await expect(menu.getByRole('menuitemradio', { name: 'Page one slow' })).toHaveAttribute('aria-checked', 'true');
    await menu.getByRole('menuitem', { name: 'Rename “Page one slow”…' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename “Page one slow”' });
    await rename.getByRole('textbox', { name: 'Scenario name' }).fill('First page slow');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect(page.getByRole('button', { name: 'Scenario: First page slow' })).toBeVisible();

    await page.getByRole('button', { name: 'Scenario: First page slow' }).click();
    await menu.getByRole('menuitem', { name: 'Delete “First page slow”' }).click();
    await expect(page.getByRole('button', { name: 'No scenario' })).toBeVisible();
    await page.getByRole('button', { name: 'No scenario' }).click();
    await expect(menu.getByRole('menuitemradio')).toHaveText([/No scenario/, /Search API down/, /Everything slow/, /One page gone/]);
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(page.getByRole('button', { name: 'No scenario' })).toBeFocused();
  });

  test('injecting while a scenario is active leaves the scenario as designed: the injection acts on top of it', async ({ page }) => {
    await page.getByRole('button', { name: 'No scenario' }).click();
    await page.getByRole('menuitemradio', { name: 'One page gone (404)' }).click();
    await call(page, 'fetch_2').click();
    await page.getByRole('button', { name: 'Inject partial result into fetch_2' }).click();
    await expect(notices(page)).toContainText('fetch_2 now returns a partial result');
    await expect(call(page, 'fetch_2').getByText('injected partial fault')).toHaveCount(1);
    await expect(call(page, 'fetch_2').getByText('error fault')).toHaveCount(1);
    // Without the scenario, only the injection acts on fetch_2 (it has no faults of its own).
    await page.getByRole('button', { name: 'Scenario: One page gone (404)' }).click();
    await page.getByRole('menuitemradio', { name: /No scenario/ }).click();
    await expect(call(page, 'fetch_2').locator('.tw-node__chips .tw-fault')).toHaveCount(1);
    await expect(call(page, 'fetch_2').locator('.tw-node__chips .tw-fault--injected')).toHaveCount(1);
  });
});

test.describe('Injection inside a sub-agent', () => {
  test('injects into the nested plan and saves its scenario there', async ({ page, consoleErrors }) => {
    void consoleErrors;
    await page.goto('/');
    await expect(runButton(page)).toBeEnabled();
    await page.getByRole('tab', { name: 'Examples' }).click();
    await page.getByRole('button', { name: 'Open example Sub-agent hides its failures' }).click();
    await expect(notices(page)).toContainText('Opened the example “Sub-agent hides its failures”');
    await page.getByRole('button', { name: 'Open sub-agent research' }).click();
    await expect(call(page, 'news_search')).toBeVisible();
    await call(page, 'news_search').click();
    await page.getByRole('button', { name: 'Inject failure into news_search' }).click();
    await expect(notices(page)).toContainText('news_search now fails on every attempt');
    await expect(call(page, 'news_search').getByText('error fault')).toHaveCount(1);
    await page.getByRole('button', { name: 'No scenario' }).click();
    // The nested plan has no scenarios of its own.
    await expect(page.getByRole('menu', { name: 'Scenarios' }).getByRole('menuitemradio')).toHaveCount(1);
    await page.getByRole('menuitem', { name: 'Save current faults as a scenario…' }).click();
    await page.getByRole('textbox', { name: 'Scenario name' }).fill('News down');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Scenario: News down' })).toBeVisible();
    // Undo twice: the scenario, then the injection, both in the nested plan.
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('button', { name: 'No scenario' })).toBeVisible();
    await page.keyboard.press('Control+z');
    await expect(call(page, 'news_search').getByText('error fault')).toHaveCount(0);
  });
});

test.describe('Injection screenshots', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`node toolbar and scenarios menu at 1280×720 (${scheme})`, async ({ page, consoleErrors }) => {
      void consoleErrors;
      await page.emulateMedia({ colorScheme: scheme });
      await openResearch(page);
      await call(page, 'fetch_2').click();
      await page.getByRole('button', { name: 'Inject time out into fetch_2' }).hover();
      await page.getByRole('button', { name: 'No scenario' }).click();
      await expect(page.getByRole('menu', { name: 'Scenarios' })).toBeVisible();
      await expect(page.getByRole('group', { name: 'Inject faults into fetch_2' })).toBeVisible();
      await expectScreenHolds(page, scheme);
      await page.screenshot({ path: `e2e/artifacts/inject-toolbar-scenarios-1280x720-${scheme}.png` });
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Inject time out into fetch_2' }).hover();
      const box = await page.getByRole('group', { name: 'Inject faults into fetch_2' }).boundingBox();
      if (box !== null)
        await page.screenshot({
          path: `e2e/artifacts/inject-toolbar-tip-${scheme}.png`,
          clip: { x: box.x - 20, y: box.y - 60, width: box.width + 60, height: box.height + 140 },
        });
      await call(page, 'extract').click({ button: 'right' });
      await expect(page.getByRole('menu', { name: 'Inject into extract' })).toBeVisible();
      await page.screenshot({ path: `e2e/artifacts/inject-context-menu-1280x720-${scheme}.png` });
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'No scenario' }).click();
      await page.getByRole('menuitem', { name: 'Save current faults as a scenario…' }).click();
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await expect(page.getByRole('textbox', { name: 'Scenario name' })).toBeVisible();
      await expectScreenHolds(page, scheme);
      await page.screenshot({ path: `e2e/artifacts/inject-save-scenario-1280x720-${scheme}.png` });
      await page.getByRole('textbox', { name: 'Scenario name' }).fill('Extract times out');
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: 'Scenario: Extract times out' }).click();
      await expect(page.getByRole('menu', { name: 'Scenarios' })).toBeVisible();
      await expectScreenHolds(page, scheme);
      await page.screenshot({ path: `e2e/artifacts/inject-active-scenario-1280x720-${scheme}.png` });
    });
  }
});
