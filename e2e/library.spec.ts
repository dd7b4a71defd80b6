// Keeping work, through the UI as a person uses it: the library (left pane's "Library" tab), Import / Export / Share
// in the top bar, a file dropped on the canvas, reload, share links, undo across an import, two tabs, full storage.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { STORAGE_MESSAGES, TAB_MESSAGES } from '../lib/persist';
import { parsePlanText, serializePlan, type Plan } from '../lib/plan';
import { defaultExample, expect, expectScreenHolds, exportPlan, loadExamplePlan, loadExamples, openLibrary, test } from './fixtures';

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const VALID = fixture('support-triage.plan.json');
const MALFORMED = fixture('malformed.plan.json');

function parsed(text: string): Plan {
  const result = parsePlanText(text);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.plan;
}
const triage = parsed(readFileSync(VALID, 'utf8'));
const examples = loadExamples();
const first = loadExamplePlan(defaultExample(examples) ?? examples[0]);

const headerName = (page: Page) => page.locator('.tw-header__name');
const saveState = (page: Page) => page.locator('.tw-save');
const savedPlans = (page: Page) => page.getByRole('list', { name: 'Saved plans' });

/** Opens the page and waits until the plan is decided and the library tab is showing. */
async function importFile(page: Page, file: string): Promise<void> {
  await page.getByLabel('Plan file to import').setInputFiles(file);
}

/** Closes a tab as a person does (its beforeunload runs), accepting any dialog; returns the kinds of dialog it asked. */
async function closeTab(tab: Page): Promise<string[]> {
  const asked: string[] = [];
  tab.on('dialog', (d) => {
    asked.push(d.type());
    void d.accept();
  });
  await tab.close({ runBeforeUnload: true });
  await expect.poll(() => tab.isClosed()).toBe(true);
  return asked;
}

async function renameInLibrary(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('button', { name: `Rename ${from}`, exact: true }).click();
  const field = page.getByRole('textbox', { name: `New name for ${from}` });
  await field.fill(to);
  await field.press('Enter');
  await expect(headerName(page)).toHaveText(to);
}

test.describe('Keeping work', () => {
  test.beforeEach(async ({ consoleErrors }) => {
    void consoleErrors;
  });

  test('a reload restores the plan exactly, positions included', async ({ page }) => {
    await openLibrary(page);
    await expect(headerName(page)).toHaveText(first.name);
    await importFile(page, VALID);
    await expect(headerName(page)).toHaveText(triage.name);
    await renameInLibrary(page, triage.name, 'Support triage, renamed');
    await expect(saveState(page)).toHaveText('Saved');
    const before = await exportPlan(page);
    expect(before.text).toBe(serializePlan({ ...triage, name: 'Support triage, renamed' }));

    await page.reload();
    await expect(page.getByText('Loading your plan…')).toHaveCount(0);
    await expect(headerName(page)).toHaveText('Support triage, renamed');
    expect((await exportPlan(page)).text).toBe(before.text);
    await expect(page.getByRole('button', { name: 'Open Support triage, renamed' })).toHaveAttribute('aria-current', 'true');
    await expect(savedPlans(page).getByRole('listitem')).toHaveCount(2);
  });

  test('export then import gives the same plan, as a new plan', async ({ page }) => {
    await openLibrary(page);
    const exported = await exportPlan(page);
    expect(parsed(exported.text).name).toBe(first.name);
    await importFile(page, exported.path);
    await expect(page.getByText(`Imported “${first.name}” as a new plan.`, { exact: false })).toBeVisible();
    await expect(savedPlans(page).getByRole('listitem')).toHaveCount(2);
    expect((await exportPlan(page)).text).toBe(exported.text);
  });

  test('a malformed file is refused with its problems listed, and the plan stays as it was', async ({ page }) => {
    await openLibrary(page);
    const before = await exportPlan(page);
    await importFile(page, MALFORMED);
    const alert = page.getByRole('alert').filter({ hasText: '“malformed.plan.json” was not imported' });
    await expect(alert).toBeVisible();
    const problems = alert.getByRole('list', { name: 'Problems' });
    await expect(problems.getByRole('listitem').filter({ hasText: 'calls[0].latency.ms: must be at least 0' })).toBeVisible();
    await expect(problems.getByRole('listitem').filter({ hasText: 'calls[1].retry.maxAttempts: must be at least 1' })).toBeVisible();
    await expect(problems.getByRole('listitem').filter({ hasText: 'dependencies[0].to: unknown call id "missing_call"' })).toBeVisible();
    await expect(headerName(page)).toHaveText(first.name);
    await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
    await expect(savedPlans(page).getByRole('listitem')).toHaveCount(1);
    expect((await exportPlan(page)).text).toBe(before.text);
  });

  test('undo and redo across an import switch plans, and create nothing new', async ({ page }) => {
    await openLibrary(page);
    await importFile(page, VALID);
    await expect(headerName(page)).toHaveText(triage.name);
    await expect(page.getByRole('button', { name: `Open ${triage.name}` })).toHaveAttribute('aria-current', 'true');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(headerName(page)).toHaveText(first.name);
    await expect(page.getByRole('button', { name: `Open ${first.name}` })).toHaveAttribute('aria-current', 'true');
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(headerName(page)).toHaveText(triage.name);
    // The keyboard does the same.
    await page.locator('body').press('Control+z');
    await expect(headerName(page)).toHaveText(first.name);
    await page.locator('body').press('Control+Shift+z');
    await expect(headerName(page)).toHaveText(triage.name);
    await expect(savedPlans(page).getByRole('listitem')).toHaveCount(2);
    expect((await exportPlan(page)).text).toBe(serializePlan(triage));
  });

  test('a file dropped on the canvas is imported', async ({ page }) => {
    await openLibrary(page);
    const text = readFileSync(VALID, 'utf8');
    const data = await page.evaluateHandle((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], 'support-triage.plan.json', { type: 'application/json' }));
      return dt;
    }, text);
    const zone = page.locator('.tw-dropzone');
    await zone.dispatchEvent('dragenter', { dataTransfer: data });
    await expect(page.getByText('Drop to import')).toBeVisible();
    await zone.dispatchEvent('drop', { dataTransfer: data });
    await expect(page.getByText('Drop to import')).toHaveCount(0);
    await expect(headerName(page)).toHaveText(triage.name);
  });

  test('plans are created, renamed, duplicated, opened and deleted from the keyboard', async ({ page }) => {
    await openLibrary(page);
    const name = first.name;
    // Rename, then cancel with Escape.
    await page.getByRole('button', { name: `Rename ${name}`, exact: true }).focus();
    await page.keyboard.press('Enter');
    const field = page.getByRole('textbox', { name: `New name for ${name}` });
    await expect(field).toBeFocused();
    await page.keyboard.type('Not this');
    await page.keyboard.press('Escape');
    await expect(field).toHaveCount(0);
    await expect(headerName(page)).toHaveText(name);
    await expect(page.getByRole('button', { name: `Open ${name}` })).toBeFocused();

    await page.getByRole('button', { name: `Duplicate ${name}` }).press('Enter');
    await expect(page.getByRole('button', { name: `Open ${name} (copy)` })).toBeVisible();
    await page.getByRole('button', { name: `Open ${name} (copy)` }).press('Enter');
    await expect(headerName(page)).toHaveText(`${name} (copy)`);

    await page.getByRole('button', { name: `Delete ${name} (copy)` }).press('Enter');
    const dialog = page.getByRole('dialog', { name: `Delete “${name} (copy)”?` });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Delete' }).press('Enter');
    await expect(dialog).toHaveCount(0);
    // The open plan was deleted: the most recent other one opens in its place.
    await expect(headerName(page)).toHaveText(name);
    await expect(savedPlans(page).getByRole('listitem')).toHaveCount(1);

    await page.getByRole('button', { name: 'New plan' }).press('Enter');
    await expect(headerName(page)).toHaveText('Untitled plan');
    await expect(savedPlans(page).getByText('saved on the first edit')).toBeVisible();
    // Renaming a plan that is not open changes it in the library only.
    await page.getByRole('button', { name: `Rename ${name}`, exact: true }).press('Enter');
    await page.getByRole('textbox', { name: `New name for ${name}` }).fill(`${name} 2`);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: `Open ${name} 2` })).toBeVisible();
    await expect(headerName(page)).toHaveText('Untitled plan');
    await page.getByRole('button', { name: `Open ${name} 2` }).press('Enter');
    await expect(headerName(page)).toHaveText(`${name} 2`);
  });

  test('a share link opens the same plan in a fresh browser, after asking', async ({ page, context, browser, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await openLibrary(page);
    await importFile(page, VALID);
    await expect(headerName(page)).toHaveText(triage.name);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect(page.getByText('Link copied', { exact: false })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link.startsWith(`${baseURL}/#plan=v1.`)).toBe(true);

    const fresh = await browser.newContext();
    try {
      const other = await fresh.newPage();
      await other.goto(link);
      const ask = other.getByRole('dialog', { name: `Open “${triage.name}”?` });
      await expect(ask).toBeVisible();
      // Asked after the user's own plan is back: it is already there behind the dialog.
      await expect(headerName(other)).toHaveText(first.name);
      await ask.getByRole('button', { name: 'Open plan' }).click();
      await expect(headerName(other)).toHaveText(triage.name);
      expect(new URL(other.url()).hash).toBe('');
      expect((await exportPlan(other)).text).toBe(serializePlan(triage));
      await other.reload();
      await expect(other.getByText('Loading your plan…')).toHaveCount(0);
      await expect(headerName(other)).toHaveText(triage.name);
      await expect(other.getByRole('dialog')).toHaveCount(0);
    } finally {
      await fresh.close();
    }
  });

  test('when the clipboard refuses, the link is shown to copy by hand', async ({ page, baseURL }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
    });
    await openLibrary(page);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this plan' });
    const field = dialog.getByRole('textbox', { name: 'Share link' });
    await expect(field).toBeFocused();
    expect((await field.inputValue()).startsWith(`${baseURL}/#plan=v1.`)).toBe(true);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toHaveCount(0);
  });

  test('a broken share link is refused with its problems, and the plan stays', async ({ page }) => {
    await openLibrary(page, '/#plan=v1.AAAA');
    const alert = page.getByRole('alert').filter({ hasText: 'The share link could not be opened' });
    await expect(alert).toBeVisible();
    await expect(alert.getByRole('listitem').first()).toContainText('(link)');
    await expect(headerName(page)).toHaveText(first.name);
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('two tabs on one plan: the other tab is told and chooses', async ({ page, context }) => {
    await openLibrary(page);
    const second = await context.newPage();
    await openLibrary(second);
    await expect(headerName(second)).toHaveText(first.name);

    await renameInLibrary(page, first.name, 'Edited in tab one');
    const banner = second.getByRole('alert').filter({ hasText: TAB_MESSAGES.changed });
    await expect(banner).toBeVisible();
    await expect(saveState(second)).toHaveText('Changed in another tab');

    // Tab two edits anyway and keeps its version as a copy; tab one's version stays as it is.
    await renameInLibrary(second, first.name, 'Edited in tab two');
    await banner.getByRole('button', { name: 'Keep mine as a copy' }).click();
    await expect(headerName(second)).toHaveText('Edited in tab two (copy)');
    await expect(banner).toHaveCount(0);
    await expect(saveState(second)).toHaveText('Saved');
    await expect(page.getByRole('button', { name: 'Open Edited in tab two (copy)' })).toBeVisible();
    await expect(headerName(page)).toHaveText('Edited in tab one');

    // Tab one changes the copy now open in tab two: tab two loads that version (undo would bring its own back).
    await page.getByRole('button', { name: 'Open Edited in tab two (copy)' }).click();
    await renameInLibrary(page, 'Edited in tab two (copy)', 'Copy, renamed in tab one');
    await expect(banner).toBeVisible();
    await banner.getByRole('button', { name: 'Load their version' }).click();
    await expect(headerName(second)).toHaveText('Copy, renamed in tab one');
    await expect(banner).toHaveCount(0);
  });

  test('closing a tab whose saving is paused asks first, and keeps its version as a copy', async ({ page, context }) => {
    await openLibrary(page);
    const second = await context.newPage();
    await openLibrary(second);
    await renameInLibrary(page, first.name, 'Edited in tab one');
    const banner = second.getByRole('alert').filter({ hasText: TAB_MESSAGES.changed });
    await expect(banner).toBeVisible();
    await renameInLibrary(second, first.name, 'Edited in tab two');

    expect(await closeTab(second)).toEqual(['beforeunload']);
    // Tab one's version stays; tab two's is kept as a copy, listed in tab one.
    await expect(headerName(page)).toHaveText('Edited in tab one');
    await expect(page.getByRole('button', { name: 'Open Edited in tab two (copy)' })).toBeVisible();
  });

  test('closing a tab with every edit saved asks nothing', async ({ page }) => {
    await openLibrary(page);
    await renameInLibrary(page, first.name, 'Saved before closing');
    await expect(saveState(page)).toHaveText('Saved');
    expect(await closeTab(page)).toEqual([]);
  });

  test('closing a tab that cannot save for lack of storage asks first', async ({ page }) => {
    await openLibrary(page);
    await page.evaluate(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await renameInLibrary(page, first.name, 'Only in memory');
    await expect(saveState(page)).toHaveText('Not saved');
    let asked = 0;
    page.on('dialog', (d) => {
      if (d.type() === 'beforeunload') asked++;
      // Stay: the edits are still here to export.
      void d.dismiss();
    });
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toBe(1);
    expect(page.isClosed()).toBe(false);
    await expect(headerName(page)).toHaveText('Only in memory');
  });

  test('full storage is said plainly, and the work in memory is kept', async ({ page }) => {
    await openLibrary(page);
    await page.evaluate(() => {
      const w = window as unknown as { realSetItem?: Storage['setItem'] };
      w.realSetItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await renameInLibrary(page, first.name, 'Kept in memory');
    await expect(page.getByRole('status').filter({ hasText: STORAGE_MESSAGES.quota })).toBeVisible();
    await expect(saveState(page)).toHaveText('Not saved');
    await expect(page.getByRole('note').filter({ hasText: STORAGE_MESSAGES.quota })).toBeVisible();
    await expect(headerName(page)).toHaveText('Kept in memory');

    // Space again: the next edit saves, and a reload finds it.
    await page.evaluate(() => {
      const w = window as unknown as { realSetItem: Storage['setItem'] };
      Storage.prototype.setItem = w.realSetItem;
    });
    await page.getByRole('button', { name: 'Dismiss' }).first().click();
    await renameInLibrary(page, 'Kept in memory', 'Saved at last');
    await expect(saveState(page)).toHaveText('Saved');
    await page.reload();
    await expect(headerName(page)).toHaveText('Saved at last');
  });

  test('a reload with storage full reopens the plan the user had open, not the default example', async ({ page }) => {
    await openLibrary(page);
    await importFile(page, VALID);
    await expect(headerName(page)).toHaveText(triage.name);
    await expect(saveState(page)).toHaveText('Saved');
    // From the next load on, storage refuses every write (reads still work), as a full browser storage does.
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.reload();
    await expect(page.getByText('Loading your plan…')).toHaveCount(0);
    await expect(headerName(page)).toHaveText(triage.name);
    await expect(saveState(page)).toHaveText('Not saved');
    await page.getByRole('tab', { name: 'Library', exact: true }).click();
    await expect(page.getByRole('button', { name: `Open ${first.name}` })).toBeVisible();
  });

  test('a damaged entry is listed as such and can be deleted', async ({ page }) => {
    await openLibrary(page);
    await page.evaluate(() => localStorage.setItem('toolwave:plan:broken-entry', '{ not json'));
    await page.reload();
    await expect(page.getByText('Loading your plan…')).toHaveCount(0);
    await expect(headerName(page)).toHaveText(first.name);
    await expect(savedPlans(page).getByText('damaged: it cannot be opened')).toBeVisible();
    await page.getByRole('button', { name: 'Delete Damaged plan' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect(savedPlans(page).getByRole('listitem')).toHaveCount(1);
  });

  test.describe('screenshots', () => {
    for (const scheme of ['light', 'dark'] as const) {
      test(`the library and examples at 1280×720 in ${scheme}`, async ({ page, context }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await openLibrary(page);
        await importFile(page, VALID);
        await expect(headerName(page)).toHaveText(triage.name);
        await page.getByRole('button', { name: `Duplicate ${triage.name}` }).click();
        await page.getByRole('button', { name: 'Dismiss' }).first().click();
        await expectScreenHolds(page, scheme);
        await page.screenshot({ path: `e2e/artifacts/library-1280x720-${scheme}.png` });

        await page.getByRole('tab', { name: 'Examples', exact: true }).click();
        await expect(page.getByRole('tab', { name: 'Examples', exact: true })).toHaveAttribute('aria-selected', 'true');
        await expectScreenHolds(page, scheme);
        await page.screenshot({ path: `e2e/artifacts/examples-1280x720-${scheme}.png` });

        const second = await context.newPage();
        await second.emulateMedia({ colorScheme: scheme });
        await openLibrary(second);
        await page.getByRole('tab', { name: 'Library', exact: true }).click();
        await renameInLibrary(page, triage.name, 'Support triage v2');
        await expect(second.getByText(TAB_MESSAGES.changed)).toBeVisible();
        await expectScreenHolds(second, scheme);
        await second.screenshot({ path: `e2e/artifacts/library-conflict-1280x720-${scheme}.png` });
      });
    }

    test('renaming, full storage and a file dragged over the canvas at 1920×1080', async ({ page }) => {
      await page.setViewportSize({ width: 1920, height: 1080 });
      await openLibrary(page);
      await page.evaluate(() => {
        Storage.prototype.setItem = function () {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      });
      await importFile(page, VALID);
      await expect(headerName(page)).toHaveText(triage.name);
      await page.getByRole('button', { name: `Rename ${first.name}`, exact: true }).click();
      const data = await page.evaluateHandle(() => {
        const dt = new DataTransfer();
        dt.items.add(new File(['{}'], 'plan.json', { type: 'application/json' }));
        return dt;
      });
      await page.locator('.tw-dropzone').dispatchEvent('dragenter', { dataTransfer: data });
      await expect(page.getByText('Drop to import')).toBeVisible();
      await page.screenshot({ path: 'e2e/artifacts/library-states-1920x1080-light.png' });
    });
  });
});
