// The glossary where terms appear: a term's tip shows on hover and on keyboard focus and closes with Escape; the help
// opens at its top and lists every term; Present keeps the speaker notes hidden until the presenter opens them; a
// caption gives its reason. Screenshots go to e2e/artifacts/ (git-ignored) for a person to look at.
import type { Page } from '@playwright/test';
import { captionAt, endTime, simulate } from '../lib/engine';
import { GLOSSARY, glossaryTerm } from '../lib/glossary/terms';
import { expect, loadExamplePlan, loadExamples, openExample, settled, test } from './fixtures';

const ARTIFACTS = 'e2e/artifacts';
const presentation = (page: Page) => page.getByRole('dialog', { name: 'Presentation' });

test.describe('Glossary', () => {
  test.beforeEach(async ({ page, consoleErrors }) => {
    void consoleErrors;
    await openExample(page, 'Research agent');
  });

  test.describe('term tips', () => {
    test('a wave band explains "wave" on keyboard focus, and Escape closes the tip', async ({ page }) => {
      const term = page.locator('main .tw-band .tw-term').first();
      await expect(term).toHaveAccessibleDescription(glossaryTerm('wave').definition);
      await term.focus();
      const tip = page.getByRole('tooltip');
      await expect(tip).toBeVisible();
      await expect(tip).toContainText(glossaryTerm('wave').definition);
      await expect(term).toHaveAttribute('aria-describedby', (await tip.getAttribute('id')) ?? 'no id');
      await page.keyboard.press('Escape');
      await expect(tip).toHaveCount(0);
    });

    test('the critical path legend explains itself on hover, and the tip goes when the pointer leaves', async ({ page }) => {
      await page.locator('.tw-legend').getByText('critical path').hover();
      const tip = page.getByRole('tooltip');
      await expect(tip).toContainText(glossaryTerm('critical-path').definition);
      await page.mouse.move(2, 2);
      await expect(tip).toHaveCount(0);
    });

    test('the Many runs tab explains itself on focus, and arrows still move between tabs', async ({ page }) => {
      const tabs = page.getByRole('tablist', { name: 'Inspector' });
      const run = tabs.getByRole('tab', { name: 'Run', exact: true });
      await run.hover();
      await expect(page.getByRole('tooltip')).toContainText(glossaryTerm('run').definition);
      // A click hides the tip, so it never covers the panel the click opened.
      await run.click();
      await expect(page.getByRole('tooltip')).toHaveCount(0);
      await page.keyboard.press('ArrowRight');
      const many = tabs.getByRole('tab', { name: 'Many runs' });
      await expect(many).toBeFocused();
      await expect(many).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByRole('tooltip')).toContainText(glossaryTerm('many-runs').definition);
      await page.screenshot({ path: `${ARTIFACTS}/glossary-tab-tip.png` });
    });

    test('after a run, the outcome, makespan, context and status badges explain themselves', async ({ page }) => {
      await page.keyboard.press('r');
      const pane = page.getByRole('complementary', { name: 'Inspector' });
      await expect(pane.getByText(/^Outcome: /)).toBeVisible();
      await pane.locator('.tw-term', { hasText: 'Makespan' }).hover();
      await expect(page.getByRole('tooltip')).toContainText(glossaryTerm('makespan').definition);
      await pane.locator('.tw-term', { hasText: /^Context$/ }).hover();
      await expect(page.getByRole('tooltip')).toContainText(glossaryTerm('partial-state-context').definition);
      await pane.locator('.tw-calls .tw-term').first().hover();
      await expect(page.getByRole('tooltip')).toBeVisible();
      await settled(page);
      await page.screenshot({ path: `${ARTIFACTS}/glossary-run-tip.png` });
    });
  });

  test.describe('help', () => {
    test('opens at its top with the glossary first, lists every term once, and opens at the top again', async ({ page }) => {
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Help: glossary and keyboard shortcuts' });
      await expect(help).toBeVisible();
      const body = help.getByRole('region', { name: 'Glossary and keyboard shortcuts' });
      await expect(body.getByRole('heading').first()).toHaveText('Glossary');
      const rows = help.getByRole('definition');
      const terms = help.locator('.tw-glossary dt');
      await expect(terms).toHaveCount(GLOSSARY.length);
      await expect(terms).toHaveText(GLOSSARY.map((t) => t.term));
      for (const t of GLOSSARY) await expect(help.locator(`[data-term="${t.id}"] dd`)).toContainText(t.definition);
      expect(await rows.count()).toBeGreaterThanOrEqual(GLOSSARY.length);
      await expect(help.getByRole('heading', { name: 'Keyboard shortcuts', exact: true })).toBeAttached();
      expect(await body.evaluate((el) => el.scrollTop)).toBe(0);
      await page.screenshot({ path: `${ARTIFACTS}/glossary-help.png` });

      // Scrolled to the bottom and closed, it opens at its top again.
      await body.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
      await page.keyboard.press('Escape');
      await expect(help).toHaveCount(0);
      await page.keyboard.press('?');
      await expect(help).toBeVisible();
      expect(await help.getByRole('region', { name: 'Glossary and keyboard shortcuts' }).evaluate((el) => el.scrollTop)).toBe(0);
      await expect(help.getByText('Show or hide the speaker notes', { exact: false })).toBeAttached();
    });
  });

  test('an example’s lesson is clamped to two lines and can be read whole', async ({ page }) => {
    await page.getByRole('tab', { name: 'Examples' }).click();
    const more = page.getByRole('button', { name: 'Read the whole lesson of Book a trip' });
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    const lesson = page.locator(`#${await more.getAttribute('aria-controls')}`);
    const clamped = await lesson.evaluate((el) => el.clientHeight);
    await more.click();
    const less = page.getByRole('button', { name: 'Show less of Book a trip' });
    await expect(less).toHaveAttribute('aria-expanded', 'true');
    await expect.poll(() => lesson.evaluate((el) => el.clientHeight)).toBeGreaterThan(clamped);
    await expect.poll(() => lesson.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
  });
});

test.describe('Present: speaker notes and reasons', () => {
  test('speaker notes stay hidden until the presenter toggles them, by button or N', async ({ page, consoleErrors }) => {
    void consoleErrors;
    const plan = await openExample(page, 'Research agent');
    await page.keyboard.press('p');
    const dialog = presentation(page);
    await expect(dialog).toBeVisible();
    const notes = dialog.getByRole('complementary', { name: /^Speaker notes/ });
    const toggle = dialog.getByRole('button', { name: 'Speaker notes', exact: true });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(notes).toHaveCount(0);
    await expect(dialog.getByText(plan.description ?? 'no description')).toHaveCount(0);

    await page.keyboard.press('n');
    await expect(notes).toBeVisible();
    await expect(notes).toContainText(plan.description ?? 'no description');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await settled(page);
    await page.screenshot({ path: `${ARTIFACTS}/glossary-present-notes.png` });
    // A second window for the presenter's own screen, with the same lesson.
    const [popup] = await Promise.all([page.waitForEvent('popup'), notes.getByRole('button', { name: 'Open in a new window' }).click()]);
    await expect(popup.locator('body')).toContainText(plan.description ?? 'no description');
    await expect(popup).toHaveTitle('Speaker notes · Research agent');
    await popup.close();
    await expect(dialog).toBeVisible();
    // The presentation's keys still work with the notes open.
    await page.keyboard.press('ArrowRight');
    await expect(dialog.getByTestId('presentation-turn')).toContainText('Model turn 1 of');
    await page.keyboard.press('N');
    await expect(notes).toHaveCount(0);
    await toggle.click();
    await expect(notes).toBeVisible();
    await notes.getByRole('button', { name: 'Hide speaker notes' }).click();
    await expect(notes).toHaveCount(0);
    // Leaving and coming back: closed again.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await page.keyboard.press('p');
    await expect(presentation(page).getByRole('button', { name: 'Speaker notes', exact: true })).toHaveAttribute('aria-pressed', 'false');
  });

  test('a caption gives its reason: abort stopped the plan when the token call failed', async ({ page, consoleErrors }) => {
    void consoleErrors;
    const entry = loadExamples().find((e) => e.name === 'Auth failure aborts');
    if (entry === undefined) throw new Error('no Auth failure aborts example');
    const plan = loadExamplePlan(entry);
    const trace = simulate(plan);
    const why = captionAt(trace, plan, endTime(trace)).why;
    expect(why).toMatch(/^abort stopped the plan when \w+ failed/);
    await openExample(page, 'Auth failure aborts');
    await page.keyboard.press('p');
    const dialog = presentation(page);
    await expect(dialog).toBeVisible();
    await page.keyboard.press('End');
    const caption = dialog.getByRole('status', { name: 'Caption' });
    await expect(caption).toContainText(`Why: ${why}.`);
    await expect(dialog.getByTestId('caption-why')).toBeVisible();
    await settled(page);
    await page.screenshot({ path: `${ARTIFACTS}/glossary-present-why.png` });
  });
});
