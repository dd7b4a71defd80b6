// The shell fits the window: a long plan name is cut short in the top bar (the whole name on hover and on focus),
// and at 1280×800 and 1024×768 the page never grows wider than the window, every top-bar control on screen.
import type { Page } from '@playwright/test';
import { defaultExample, expect, expectScreenHolds, loadExamples, test } from './fixtures';

const examples = loadExamples();
const first = defaultExample(examples) ?? examples[0];
const LONG_NAME = 'Quarterly research agent for the EMEA enterprise accounts v2'; // 60 characters

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
];

async function openEditor(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByText('Loading your plan…')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
}

async function rename(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('tab', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: `Rename ${from}`, exact: true }).click();
  const field = page.getByRole('textbox', { name: `New name for ${from}` });
  await field.fill(to);
  await field.press('Enter');
}

/** The page is no wider than the window, and each top-bar control lies wholly inside it. */
async function expectFits(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
  const controls = [
    page.getByRole('button', { name: 'Run', exact: true }),
    page.getByRole('button', { name: 'Present' }),
    page.getByRole('button', { name: 'Keyboard shortcuts' }),
    page.getByRole('button', { name: /^(Hide|Show) inspector$/ }),
  ];
  for (const control of controls) {
    const box = await control.boundingBox();
    expect(box, 'the control is laid out').not.toBeNull();
    if (box !== null) expect(box.x + box.width).toBeLessThanOrEqual(widths.inner);
  }
}

test.describe('The shell fits the window', () => {
  test.beforeEach(async ({ consoleErrors }) => {
    void consoleErrors;
  });

  for (const size of SIZES) {
    test(`at ${size.width}×${size.height}: the built-in example`, async ({ page }) => {
      await page.setViewportSize(size);
      await openEditor(page);
      await expectFits(page);
      await expectScreenHolds(page, 'light');
      await page.screenshot({ path: `e2e/artifacts/shell-example-${size.width}x${size.height}.png` });
    });

    test(`at ${size.width}×${size.height}: a 60-character plan name is cut short, whole on hover and on focus`, async ({ page }) => {
      expect(LONG_NAME).toHaveLength(60);
      await page.setViewportSize(size);
      await openEditor(page);
      await rename(page, first.name, LONG_NAME);
      const name = page.locator('.tw-header__name');
      await expect(name).toHaveText(LONG_NAME);
      await expectFits(page);
      // Cut short with an ellipsis; the whole name in a tip on hover and on focus (it is reached with Tab), and in its title.
      expect(await name.locator('.tw-header__name-text').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      await expect(name).toHaveAttribute('title', LONG_NAME);
      const tip = () => name.evaluate((el) => getComputedStyle(el, '::after').content);
      await name.hover();
      expect(await tip()).toBe(JSON.stringify(LONG_NAME));
      await page.mouse.move(0, 400);
      expect(await tip()).toBe('none');
      await page.getByRole('button', { name: 'Run', exact: true }).focus();
      for (let i = 0; i < 30 && !(await name.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Shift+Tab');
      await expect(name).toBeFocused();
      expect(await tip()).toBe(JSON.stringify(LONG_NAME));
      // In the library too: the row cuts the name short and keeps its buttons inside the pane.
      const pane = await page.getByRole('complementary', { name: 'Library' }).boundingBox();
      const del = await page.getByRole('button', { name: `Delete ${LONG_NAME}` }).boundingBox();
      expect(pane !== null && del !== null && del.x + del.width <= pane.x + pane.width).toBe(true);
      await expectFits(page);
      await expectScreenHolds(page, 'light');
      await page.screenshot({ path: `e2e/artifacts/shell-long-name-${size.width}x${size.height}.png` });
    });
  }
});
