// The shell's layout at 1280×720 and 1920×1080, light and dark: the page never scrolls (each pane scrolls inside
// itself), the side panes and the timeline resize by drag and by keyboard and keep their sizes, the timeline zooms
// and selects a range of time, tables fit their pane, and the canvas's overlays stay out of the way.
import type { Locator, Page } from '@playwright/test';
import { expect, openExample, openTimeline, runPlan, settled, test } from './fixtures';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

type Box = { x: number; y: number; width: number; height: number };

async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  if (b === null) throw new Error('not on screen');
  return b;
}

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function shoot(page: Page, name: string) {
  const v = page.viewportSize();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `e2e/artifacts/layout-${name}-${v?.width}x${v?.height}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const valueOf = async (l: Locator) => Number(await l.getAttribute('aria-valuenow'));

for (const size of SIZES) {
  test.describe(`Layout at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });
    test.beforeEach(async ({ consoleErrors }) => {
      void consoleErrors;
    });

    test('the page never scrolls: after Many runs the document is the window, and the wheel over the header or library moves nothing', async ({
      page,
    }) => {
      await openExample(page, 'Research agent');
      await page.getByRole('tab', { name: 'Many runs' }).click();
      const panel = page.getByRole('tabpanel', { name: 'Many runs' });
      await panel.getByRole('button', { name: /^Run [\d,]+ times$/ }).click();
      await expect(panel.getByRole('region', { name: 'Statistics' }).locator('.tw-stats-results__runs')).toHaveText(/runs · seed/, {
        timeout: 30_000,
      });

      const doc = () =>
        page.evaluate(() => ({ scroll: document.scrollingElement?.scrollHeight ?? 0, inner: window.innerHeight, y: window.scrollY }));
      const before = await doc();
      expect(before.scroll).toBeLessThanOrEqual(before.inner);

      // Counts the wheel events the page receives, so the test waits for both to arrive rather than for a time.
      await page.evaluate(() => {
        const w = window as unknown as { twWheels: number };
        w.twWheels = 0;
        window.addEventListener('wheel', () => void w.twWheels++, { capture: true, passive: true });
      });
      const header = await box(page.locator('header.tw-header'));
      await page.mouse.move(header.x + header.width / 2, header.y + header.height / 2);
      await page.mouse.wheel(0, 600);
      const library = await box(page.getByRole('complementary', { name: 'Library' }));
      await page.mouse.move(library.x + library.width / 2, library.y + library.height - 40);
      await page.mouse.wheel(0, 600);
      await expect.poll(() => page.evaluate(() => (window as unknown as { twWheels: number }).twWheels)).toBe(2);
      await settled(page);
      expect((await doc()).y).toBe(0);

      // The statistics still scroll inside their own pane.
      const body = panel;
      await body.hover();
      await page.mouse.wheel(0, 400);
      await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
      expect((await doc()).y).toBe(0);
      await body.evaluate((el) => el.scrollTo(0, 0));
      await shoot(page, 'many-runs');
    });

    test('the side panes resize by drag and by arrow keys, stay within bounds and are kept for the next visit', async ({ page }) => {
      await openExample(page, 'Research agent');
      const left = page.getByRole('separator', { name: 'Resize the library' });
      const right = page.getByRole('separator', { name: 'Resize the inspector' });
      const library = page.getByRole('complementary', { name: 'Library' });
      const inspector = page.getByRole('complementary', { name: 'Inspector' });
      const canvas = page.getByRole('region', { name: 'Plan graph' });

      const start = await valueOf(left);
      expect(Math.round((await box(library)).width)).toBe(start);
      // Drag the library's edge 100 px to the right.
      const handle = await box(left);
      await page.mouse.move(handle.x + handle.width / 2, handle.y + 200);
      await page.mouse.down();
      await page.mouse.move(handle.x + handle.width / 2 + 100, handle.y + 200, { steps: 5 });
      await page.mouse.up();
      await expect.poll(() => valueOf(left)).toBe(start + 100);
      expect(Math.round((await box(library)).width)).toBe(start + 100);

      // From the keyboard: arrows step, Home and End go to the bounds.
      await left.focus();
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => valueOf(left)).toBe(start + 84);
      await page.keyboard.press('Home');
      await expect.poll(() => valueOf(left)).toBe(Number(await left.getAttribute('aria-valuemin')));

      // The inspector grows leftwards; however far it goes, the canvas keeps a usable width.
      const inspectorStart = await valueOf(right);
      await right.focus();
      await page.keyboard.press('Shift+ArrowLeft');
      await expect.poll(() => valueOf(right)).toBe(inspectorStart + 64);
      await page.keyboard.press('End');
      await left.focus();
      await page.keyboard.press('End');
      expect((await box(canvas)).width).toBeGreaterThanOrEqual(379);
      expect(await valueOf(right)).toBeGreaterThanOrEqual(Number(await right.getAttribute('aria-valuemin')));
      await shoot(page, 'panes-wide');

      // Kept for the next visit in this browser.
      const kept = { left: await valueOf(left), right: await valueOf(right) };
      await page.reload();
      await expect(page.locator('.react-flow__node-toolCall').first()).toBeVisible();
      await expect.poll(() => valueOf(page.getByRole('separator', { name: 'Resize the library' }))).toBe(kept.left);
      expect(await valueOf(page.getByRole('separator', { name: 'Resize the inspector' }))).toBe(kept.right);
      expect(Math.round((await box(inspector)).width)).toBe(kept.right);

      // Enter puts a pane back to its default; a garbled kept value gives the defaults, never an error.
      await page.getByRole('separator', { name: 'Resize the library' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => valueOf(page.getByRole('separator', { name: 'Resize the library' }))).toBe(start);
      await page.evaluate(() => localStorage.setItem('toolwave.paneSizes.v1', '{"left":"wide"'));
      await page.reload();
      await expect.poll(() => valueOf(page.getByRole('separator', { name: 'Resize the inspector' }))).toBe(inspectorStart);
    });

    test('the view stays fitted as the canvas changes size, until the user moves it', async ({ page }) => {
      await openExample(page, 'Research agent');
      const flow = page.locator('.react-flow');
      const viewport = () => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
      const callsInside = async () => {
        const area = await box(flow);
        for (const n of await page.locator('.react-flow__node-toolCall').all()) {
          const b = await box(n);
          if (b.x < area.x - 1 || b.y < area.y - 1 || b.x + b.width > area.x + area.width + 1 || b.y + b.height > area.y + area.height + 1)
            return false;
        }
        return true;
      };
      const right = page.getByRole('separator', { name: 'Resize the inspector' });
      const fitted = await viewport();
      // The inspector grows as far as it goes: the canvas narrows and the plan is fitted again, whole.
      await right.focus();
      await page.keyboard.press('End');
      await expect.poll(viewport).not.toBe(fitted);
      await expect.poll(callsInside).toBe(true);

      // Once the user zooms with the wheel, a resize leaves the view where they put it.
      const area = await box(flow);
      await page.mouse.move(area.x + area.width - 40, area.y + area.height / 2);
      await page.mouse.wheel(0, -240);
      await settled(page);
      const moved = await viewport();
      await right.focus();
      await page.keyboard.press('Home');
      await expect.poll(async () => Math.round((await box(flow)).width)).toBeGreaterThan(Math.round(area.width));
      await settled(page);
      expect(await viewport()).toBe(moved);
    });

    test('the timeline resizes to show more rows, and the Run tab’s calls table fits a narrow inspector', async ({ page }) => {
      await openExample(page, 'Research agent');
      await runPlan(page);
      const panel = await openTimeline(page);
      const sep = panel.getByRole('separator', { name: 'Resize the timeline' });
      const shownRows = () =>
        panel.locator('.tw-tl__body').evaluate((el) => {
          const b = el.getBoundingClientRect();
          return [...el.querySelectorAll('.tw-tl__label')].filter((r) => r.getBoundingClientRect().bottom <= b.bottom).length;
        });
      const rowsBefore = await shownRows();
      const h0 = await valueOf(sep);
      const handle = await box(sep);
      await page.mouse.move(handle.x + 300, handle.y + handle.height / 2);
      await page.mouse.down();
      await page.mouse.move(handle.x + 300, handle.y + handle.height / 2 - 140, { steps: 5 });
      await page.mouse.up();
      await expect.poll(() => valueOf(sep)).toBe(h0 + 140);
      expect(Math.round((await box(panel)).height)).toBe(h0 + 140);
      expect(await shownRows()).toBeGreaterThan(rowsBefore);
      // Arrow up grows it; it never takes the canvas below its least height.
      await sep.focus();
      await page.keyboard.press('ArrowUp');
      await expect.poll(() => valueOf(sep)).toBe(h0 + 156);
      await page.keyboard.press('End');
      expect((await box(page.getByRole('region', { name: 'Plan graph' }))).height).toBeGreaterThanOrEqual(199);
      await page.keyboard.press('Enter');
      await expect.poll(() => valueOf(sep)).toBe(h0);

      // The inspector at its narrowest: the calls table stays inside the pane (scrolling sideways if it must).
      const right = page.getByRole('separator', { name: 'Resize the inspector' });
      await right.focus();
      await page.keyboard.press('Home');
      const pane = await box(page.getByRole('complementary', { name: 'Inspector' }));
      const table = await box(page.locator('.tw-table-scroll').first());
      expect(table.x + table.width).toBeLessThanOrEqual(pane.x + pane.width + 0.5);
      await shoot(page, 'timeline-tall');
    });

    test('the timeline zooms on its time axis and selects a range of time', async ({ page }) => {
      await openExample(page, 'Research agent');
      await runPlan(page);
      const panel = await openTimeline(page);
      const level = panel.locator('output[aria-label="Timeline zoom level"]');
      const ticks = () => panel.locator('.tw-tl-tick').allTextContents();
      const whole = await ticks();
      await expect(level).toHaveText('1.0×');
      await expect(panel.getByRole('button', { name: 'Show the whole run' })).toBeDisabled();

      await panel.getByRole('button', { name: 'Zoom in the timeline' }).click();
      await panel.getByRole('button', { name: 'Zoom in the timeline' }).click();
      await expect(level).toHaveText(/^2\.[23]×$/);
      expect(await ticks()).not.toEqual(whole);
      // Zoomed in, some attempts lie outside the span and draw nothing.
      const widths = await panel.locator('rect[data-attempt]').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('width'))));
      expect(widths.some((w) => w === 0)).toBe(true);
      await panel.getByRole('button', { name: 'Show the whole run' }).click();
      await expect(level).toHaveText('1.0×');
      expect(await ticks()).toEqual(whole);

      // Ctrl + wheel over the chart zooms around the pointer; Shift + wheel pans.
      const chart = await box(panel.locator('svg.tw-tl__svg'));
      await page.mouse.move(chart.x + chart.width * 0.7, chart.y + 80);
      await page.keyboard.down('Control');
      await page.mouse.wheel(0, -100);
      await page.keyboard.up('Control');
      await expect(level).toHaveText('1.5×');
      const zoomedTicks = await ticks();
      await page.keyboard.down('Shift');
      await page.mouse.wheel(0, -200);
      await page.keyboard.up('Shift');
      await expect.poll(ticks).not.toEqual(zoomedTicks);
      await expect(level).toHaveText('1.5×');
      await panel.getByRole('button', { name: 'Show the whole run' }).click();

      // Shift + drag on the axis selects a range: shown as a band and in words, zoomable, clearable.
      const axis = await box(panel.getByTestId('timeline-scrub'));
      const y = axis.y + axis.height / 2;
      await page.mouse.move(axis.x + axis.width * 0.25, y);
      await page.keyboard.down('Shift');
      await page.mouse.down();
      await page.mouse.move(axis.x + axis.width * 0.5, y, { steps: 5 });
      await page.mouse.up();
      await page.keyboard.up('Shift');
      const range = panel.getByTestId('timeline-range');
      await expect(range).toContainText(/^Range \d+\.\d\d s–\d+\.\d\d s \(\d+\.\d\d s\)/);
      await expect(panel.locator('.tw-tl-range__band')).toHaveCount(1);
      const band = await box(panel.locator('.tw-tl-range__band'));
      expect(band.x).toBeCloseTo(axis.x + axis.width * 0.25, -1);
      expect(band.x + band.width).toBeCloseTo(axis.x + axis.width * 0.5, -1);
      await shoot(page, 'timeline-range');
      await panel.getByRole('button', { name: 'Zoom to the range' }).click();
      await expect(level).toHaveText(/^(3\.9|4\.0|4\.1)×$/);
      await panel.getByRole('button', { name: 'Clear the range' }).click();
      await expect(range).toHaveCount(0);
      await expect(panel.locator('.tw-tl-range__band')).toHaveCount(0);

      // From the keyboard: the range's ends at the playback cursor.
      await panel.getByRole('button', { name: 'Show the whole run' }).click();
      await page.getByRole('slider', { name: 'Playback position' }).focus();
      await page.keyboard.press('Home');
      await panel.getByRole('button', { name: 'Start the range at the playback cursor' }).click();
      await expect(range).toContainText(/^Range 0\.00 s–/);
    });

    test('overlays stay out of the way: the inject toolbar, the palette’s tips, the palette in a sub-agent', async ({ page }) => {
      await openExample(page, 'Research agent');
      // fetch_2 sits between fetch_1 and fetch_3: its toolbar covers neither.
      await page.locator('.react-flow__node[data-id="fetch_2"]').click();
      const bar = page.getByRole('group', { name: 'Inject faults into fetch_2' });
      await expect(bar).toBeVisible();
      const barBox = await box(bar);
      for (const id of ['search', 'fetch_1', 'fetch_3', 'extract', 'summarize']) {
        expect(intersects(barBox, await box(page.locator(`.react-flow__node[data-id="${id}"]`))), `the toolbar covers ${id}`).toBe(false);
      }
      await shoot(page, 'inject-toolbar');

      // A palette tip goes away once its button is clicked, and comes back on the next hover.
      const add = page.getByRole('button', { name: 'Add Web search' });
      const tip = () =>
        add.evaluate((el) => getComputedStyle(el, '::after').display !== 'none' && getComputedStyle(el, '::after').content !== 'none');
      await add.hover();
      await expect.poll(tip).toBe(true);
      await add.click();
      await expect.poll(tip).toBe(false);
      await page.mouse.move(5, 400);
      await add.hover();
      await expect.poll(tip).toBe(true);
      await page.keyboard.press('Control+z');

      // The zoom buttons are never under the palette.
      const tools = await box(page.getByRole('group', { name: 'Canvas tools' }));
      for (const name of ['Zoom In', 'Zoom Out']) {
        const zoom = page.getByRole('button', { name, exact: true });
        await expect(zoom).toBeVisible();
        expect(intersects(tools, await box(zoom)), `the palette covers ${name}`).toBe(false);
      }

      // Drilled into a sub-agent, the palette stays above the playback bar.
      await openExample(page, 'Sub-agent hides its failures');
      await runPlan(page);
      await page.getByRole('button', { name: 'Open sub-agent research' }).click();
      await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeVisible();
      const palette = await box(page.getByRole('group', { name: 'Canvas tools' }));
      const play = await box(page.locator('.tw-play'));
      expect(palette.y + palette.height).toBeLessThanOrEqual(play.y);
      const show = page.getByRole('region', { name: 'Timeline', exact: true }).getByRole('button', { name: 'Show timeline' });
      if (await show.isVisible()) await show.click();
      const palette2 = await box(page.getByRole('group', { name: 'Canvas tools' }));
      expect(palette2.y + palette2.height).toBeLessThanOrEqual((await box(page.locator('.tw-play'))).y);
      await shoot(page, 'drill-palette');
    });
  });
}
