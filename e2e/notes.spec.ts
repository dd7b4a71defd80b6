// Sticky notes on the canvas, as a person uses them: add one by keyboard and by mouse, write and edit its text, move
// it, recolour it, delete it and undo; it survives a reload and an export → import, and shows read-only in Present.
import type { Page } from '@playwright/test';
import { parsePlanText, type Plan } from '../lib/plan';
import { dragThrough, expect, exportPlan, flowPosition, screenshotTests, test } from './fixtures';

const canvas = (page: Page) => page.getByRole('region', { name: 'Plan graph', exact: true });
const notes = (page: Page) => canvas(page).locator('.react-flow__node-note');
const note = (page: Page, id: string) => canvas(page).locator(`.react-flow__node-note[data-id="note:${id}"]`);
const pane = (page: Page) => canvas(page).locator('.react-flow__pane');
const addNote = (page: Page) => page.getByRole('button', { name: 'Add note', exact: true });
const textbox = (page: Page) => canvas(page).getByRole('textbox', { name: 'Note text' });

async function openHome(page: Page) {
  await page.goto('/');
  await expect(canvas(page).locator('.react-flow__node-toolCall').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
}

async function clickEmpty(page: Page) {
  const box = await pane(page).boundingBox();
  if (box === null) throw new Error('no pane');
  await page.mouse.click(box.x + box.width - 40, box.y + box.height - 40);
}

function parsed(text: string): Plan {
  const result = parsePlanText(text);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return result.plan;
}

/** Adds a note with the toolbar button and types its text, finishing with Escape. */
async function writeNote(page: Page, text: string) {
  await addNote(page).click();
  await expect(textbox(page)).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await expect(textbox(page)).toHaveCount(0);
}

test.describe('Sticky notes', () => {
  test.beforeEach(({ consoleErrors }) => void consoleErrors);

  test('by keyboard: add, write, move with the arrows, delete, undo', async ({ page }) => {
    await openHome(page);
    const calls = await canvas(page).locator('.react-flow__node-toolCall').count();
    await addNote(page).focus();
    await page.keyboard.press('Enter');
    await expect(textbox(page)).toBeFocused();
    await page.keyboard.type('Search is the slow one.');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type('<b>not bold</b>');
    await page.keyboard.press('Escape');
    const n = note(page, 'note_1');
    // Escape commits and hands focus back to the note itself, selected, so the next keys act on it.
    await expect(n).toBeFocused();
    await expect(n).toHaveClass(/selected/);
    await expect(n.locator('.tw-note__text')).toHaveText('Search is the slow one.\n<b>not bold</b>');
    await expect(n.locator('b')).toHaveCount(0);
    await expect(n).toHaveAttribute('aria-label', 'Note: Search is the slow one. <b>not bold</b>');
    const start = await flowPosition(n);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => flowPosition(n)).toEqual({ x: start.x + 10, y: start.y + 50 });
    // A note is not a call: the calls are untouched and Ctrl+A selects calls only.
    await expect(canvas(page).locator('.react-flow__node-toolCall')).toHaveCount(calls);
    await page.keyboard.press('Delete');
    await expect(notes(page)).toHaveCount(0);
    await expect(canvas(page).locator('.react-flow__node-toolCall')).toHaveCount(calls);
    await page.keyboard.press('ControlOrMeta+Z');
    await expect(notes(page)).toHaveCount(1);
    await expect(note(page, 'note_1').locator('.tw-note__text')).toHaveText('Search is the slow one.\n<b>not bold</b>');
    await page.keyboard.press('ControlOrMeta+Z');
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => flowPosition(note(page, 'note_1'))).toEqual(start);
  });

  test('by mouse: add, edit the text by double-click, recolour, drag, delete with its button, undo and redo', async ({ page }) => {
    await openHome(page);
    await writeNote(page, 'First draft');
    const n = note(page, 'note_1');
    await expect(n.locator('.tw-note')).toHaveClass(/tw-note--yellow/);

    await n.locator('.tw-note__text').dblclick();
    await expect(textbox(page)).toBeFocused();
    await textbox(page).fill('Ask about the retry budget');
    // Clicking elsewhere commits too.
    await clickEmpty(page);
    await expect(n.locator('.tw-note__text')).toHaveText('Ask about the retry budget');

    await n.hover();
    await n.getByRole('button', { name: 'Pink note' }).click();
    await expect(n.locator('.tw-note')).toHaveClass(/tw-note--pink/);
    await expect(n.getByRole('button', { name: 'Pink note' })).toHaveAttribute('aria-pressed', 'true');

    const before = await flowPosition(n);
    const box = await n.locator('.tw-note__text').boundingBox();
    if (box === null) throw new Error('note not on screen');
    // Left and down, into open canvas (a note dragged to the right edge is its own test, below).
    await dragThrough(
      page,
      { x: box.x + 20, y: box.y + 8 },
      [
        [-60, 32],
        [-120, 92],
      ],
      8,
    );
    const after = await flowPosition(n);
    expect(after.x).toBeLessThan(before.x - 60);

    await n.hover();
    await n.getByRole('button', { name: 'Delete note' }).click();
    await expect(notes(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(notes(page)).toHaveCount(1);
    await expect.poll(() => flowPosition(note(page, 'note_1'))).toEqual(after);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => flowPosition(note(page, 'note_1'))).toEqual(before);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => flowPosition(note(page, 'note_1'))).toEqual(after);
  });

  test('dragged to the canvas’s right edge, a note keeps its controls inside the canvas, where Delete is reached', async ({ page }) => {
    await openHome(page);
    await writeNote(page, 'By the edge');
    const n = note(page, 'note_1');
    const area = await canvas(page).boundingBox();
    const grip = await n.locator('.tw-note__text').boundingBox();
    const box = await n.boundingBox();
    if (area === null || grip === null || box === null) throw new Error('note not on screen');
    const dx = Math.round(area.x + area.width - 16 - (box.x + box.width));
    await dragThrough(
      page,
      { x: grip.x + 20, y: grip.y + 8 },
      [
        [Math.round(dx / 2), 0],
        [dx, 0],
      ],
      8,
    );
    const bar = n.getByRole('group', { name: 'Note' });
    await expect(bar).toBeVisible();
    const barBox = await bar.boundingBox();
    if (barBox === null) throw new Error('controls not on screen');
    expect(barBox.x + barBox.width).toBeLessThanOrEqual(area.x + area.width + 1);
    await n.getByRole('button', { name: 'Delete note' }).click();
    await expect(notes(page)).toHaveCount(0);
  });

  test('a note is not a call: it has no handles to connect', async ({ page }) => {
    await openHome(page);
    await writeNote(page, 'Not a call');
    await expect(note(page, 'note_1').locator('.react-flow__handle')).toHaveCount(0);
  });

  test('survives a reload, and an export → import', async ({ page }) => {
    await openHome(page);
    await writeNote(page, 'Kept across reloads');
    const n = note(page, 'note_1');
    await n.hover();
    await n.getByRole('button', { name: 'Blue note' }).click();
    await n.getByRole('button', { name: 'Wider note' }).click();
    await expect(n).toHaveCSS('width', '280px');
    await expect(page.locator('.tw-save')).toHaveText('Saved');
    const exported = await exportPlan(page);
    const plan = parsed(exported.text);
    expect(plan.notes).toEqual([expect.objectContaining({ id: 'note_1', text: 'Kept across reloads', color: 'blue', width: 280 })]);

    await page.reload();
    await expect(note(page, 'note_1').locator('.tw-note__text')).toHaveText('Kept across reloads');
    await expect(note(page, 'note_1').locator('.tw-note')).toHaveClass(/tw-note--blue/);

    await note(page, 'note_1').hover();
    await note(page, 'note_1').getByRole('button', { name: 'Delete note' }).click();
    await expect(notes(page)).toHaveCount(0);
    await page.getByLabel('Plan file to import').setInputFiles(exported.path);
    await expect(note(page, 'note_1').locator('.tw-note__text')).toHaveText('Kept across reloads');
    expect((await exportPlan(page)).text).toBe(exported.text);
  });

  test('shows read-only in Present, and is as it was back in the editor', async ({ page }) => {
    await openHome(page);
    await writeNote(page, 'Watch the second wave');
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Presentation' });
    const shown = dialog.locator('.react-flow__node-note[data-id="note:note_1"]');
    await expect(shown).toBeVisible();
    await expect(shown.locator('.tw-note__text')).toHaveText('Watch the second wave');
    await expect(shown.getByRole('button')).toHaveCount(0);
    await shown.locator('.tw-note__text').dblclick();
    await expect(dialog.getByRole('textbox', { name: 'Note text' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Leave presentation' }).click();
    await expect(dialog).toBeHidden();
    await expect(note(page, 'note_1').locator('.tw-note__text')).toHaveText('Watch the second wave');
  });

  test.describe('screenshots', () => {
    screenshotTests(async ({ page, shot }) => {
      await openHome(page);
      await writeNote(page, 'Search is the single point of failure: every fetch waits on it.');
      await note(page, 'note_1').hover();
      await note(page, 'note_1').getByRole('button', { name: 'Pink note' }).click();
      await writeNote(page, 'The three fetches go out in one model turn.');
      await addNote(page).click();
      await page.keyboard.type('Being written…');
      await shot('notes');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Present', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Presentation' });
      await expect(dialog.locator('.react-flow__node-note')).toHaveCount(3);
      await expect(dialog).toContainText('The three fetches go out in one model turn.');
      // The presentation covers the editor, whose layout this shot does not show.
      await shot('notes-present', { holds: false });
    });
  });
});
