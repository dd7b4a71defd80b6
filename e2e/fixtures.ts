// Shared e2e fixtures: the built-in examples read from disk (the same files the page fetches), and, for every test,
// a page that fails it if the browser logs any console error or uncaught exception.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { MonteCarloStats } from '../lib/engine/montecarlo';
import { parsePlanText, serializePlan, type Plan } from '../lib/plan';
import { defaultExample, parseExampleIndex, type ExampleEntry } from '../lib/store/examples';

export { defaultExample };

const EXAMPLES_DIR = fileURLToPath(new URL('../public/examples/', import.meta.url));

export function loadExamples(): ExampleEntry[] {
  const index = parseExampleIndex(JSON.parse(readFileSync(path.join(EXAMPLES_DIR, 'index.json'), 'utf8')));
  if (!index.ok) throw new Error(index.message);
  return index.examples;
}

export function loadExamplePlan(entry: ExampleEntry): Plan {
  const result = parsePlanText(readFileSync(path.join(EXAMPLES_DIR, entry.file), 'utf8'));
  if (!result.ok) throw new Error(`${entry.file}: ${result.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return result.plan;
}

/**
 * Every test fails if the page logs a console error or throws: the fixture is automatic, so no spec can forget it.
 * A test that expects an error on purpose (a hostile file, say) empties the list it is given before it ends.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, provide) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      await provide(errors);
      expect(errors, 'the page logged errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens a built-in example from the Examples tab and waits for the opening itself (the default plan may be the same example, so its calls alone could show before it, and a run made in between would be cleared when it opens). */
export async function openExample(page: Page, name: string): Promise<Plan> {
  const entry = loadExamples().find((e) => e.name === name);
  if (entry === undefined) throw new Error(`no example “${name}”`);
  const plan = loadExamplePlan(entry);
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await page.getByRole('tab', { name: 'Examples' }).click();
  await page.getByRole('button', { name: `Open example ${name}` }).click();
  await expect(page.getByText(`Opened the example “${name}”`, { exact: false })).toBeVisible();
  await expect(page.locator('.react-flow__node-toolCall')).toHaveCount(plan.calls.length);
  return plan;
}

/** Runs the open plan (the Run button) and shows the Run tab with its outcome. */
export async function runPlan(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.getByRole('tab', { name: 'Run', exact: true }).click();
  await expect(page.getByText(/^Outcome: /)).toBeVisible();
}

/** Opens the timeline under the canvas (when it is closed) and waits for its attempt bars; returns its region. */
export async function openTimeline(page: Page): Promise<Locator> {
  const panel = page.getByRole('region', { name: 'Timeline', exact: true });
  const show = panel.getByRole('button', { name: 'Show timeline' });
  if (await show.isVisible()) await show.click();
  await expect(panel.locator('rect[data-attempt]').first()).toBeVisible();
  return panel;
}

/** Loads the editor at `url`, waits for the plan to load, and shows the Library tab. */
export async function openLibrary(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await expect(page.getByText('Loading your plan…')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Library', exact: true }).click();
}

/** Resolves once the page has painted twice and no CSS animation or transition is still running (not an infinite one). */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document.getAnimations().filter((a) => a.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    await new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
  });
}

/** sRGB relative luminance of a computed CSS colour (`rgb(…)` / `rgba(…)`), 0 black … 1 white. */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * What a screenshot of the editor must show, asserted rather than only written to disk: the page itself does not
 * scroll (every pane scrolls inside itself), the colour scheme asked for is the one painted, and every call on the
 * canvas lies inside the canvas's box.
 */
export async function expectScreenHolds(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await settled(page);
  const shot = await page.evaluate(() => {
    const doc = document.scrollingElement ?? document.documentElement;
    const flow = document.querySelector('.react-flow')?.getBoundingClientRect() ?? null;
    const nodes = [...document.querySelectorAll('.react-flow__node-toolCall, .react-flow__node-note, .tw-band')].map((n) =>
      n.getBoundingClientRect(),
    );
    return {
      overflowX: doc.scrollWidth - window.innerWidth,
      overflowY: doc.scrollHeight - window.innerHeight,
      background: getComputedStyle(document.body).backgroundColor,
      flow: flow && { left: flow.left, top: flow.top, right: flow.right, bottom: flow.bottom },
      nodes: nodes.map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })),
    };
  });
  expect(shot.overflowX, 'the page scrolls sideways').toBeLessThanOrEqual(1);
  expect(shot.overflowY, 'the page scrolls down').toBeLessThanOrEqual(1);
  const light = luminance(shot.background);
  if (scheme === 'dark') expect(light, `a dark page, not ${shot.background}`).toBeLessThan(0.2);
  else expect(light, `a light page, not ${shot.background}`).toBeGreaterThan(0.6);
  if (shot.flow !== null) {
    for (const n of shot.nodes) {
      expect(n.left).toBeGreaterThanOrEqual(shot.flow.left - 1);
      expect(n.right).toBeLessThanOrEqual(shot.flow.right + 1);
      expect(n.top).toBeGreaterThanOrEqual(shot.flow.top - 1);
      expect(n.bottom).toBeLessThanOrEqual(shot.flow.bottom + 1);
    }
  }
}

/** Where a canvas node is drawn, in flow coordinates (from its transform). */
export async function flowPosition(node: Locator): Promise<{ x: number; y: number }> {
  const transform = await node.evaluate((el) => (el as HTMLElement).style.transform);
  const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(transform);
  if (m === null) throw new Error(`no position in "${transform}"`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

/** Presses the mouse at `start`, moves through each offset from it in turn (`steps` small moves each), and lets go. */
export async function dragThrough(page: Page, start: { x: number; y: number }, offsets: [number, number][], steps = 10): Promise<void> {
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (const [dx, dy] of offsets) await page.mouse.move(start.x + dx, start.y + dy, { steps });
  await page.mouse.up();
}

/** Exports the plan file (Export › Plan file) and returns the downloaded file's text, and where it was saved under the name the page gave it. */
export async function exportPlan(page: Page): Promise<{ text: string; path: string }> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  return downloadFrom(page.getByRole('menuitem', { name: 'Plan file (JSON)' }));
}

/** Clicks `control`, waits for the download it starts, and returns the file's text, the name the page gave it, and where it was saved. */
export async function downloadFrom(control: Locator): Promise<{ text: string; name: string; path: string }> {
  const download = control.page().waitForEvent('download');
  await control.click();
  const file = await download;
  const saved = test.info().outputPath(`${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(saved);
  return { text: readFileSync(saved, 'utf8'), name: file.suggestedFilename(), path: saved };
}

/** The screen sizes every screenshot is taken at, the smallest supported first. */
export const SCREEN_SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

interface ScreenCase {
  page: Page;
  scheme: 'light' | 'dark';
  /**
   * Asserts that the editor's screen holds (see expectScreenHolds; `holds: false` where a dialog covers the editor), then
   * writes `e2e/artifacts/<name>-<width>x<height>-<scheme>.png`.
   */
  shot: (name: string, options?: { holds: boolean }) => Promise<void>;
}

/** One test per screen size and colour scheme, each opening the page at that size in that scheme before `body` runs. */
export function screenshotTests(body: (c: ScreenCase) => Promise<void>): void {
  for (const size of SCREEN_SIZES) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`at ${size.width}×${size.height} in ${scheme}`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize(size);
        const shot = async (name: string, options = { holds: true }) => {
          if (options.holds) await expectScreenHolds(page, scheme);
          await page.screenshot({ path: `e2e/artifacts/${name}-${size.width}x${size.height}-${scheme}.png` });
        };
        await body({ page, scheme, shot });
      });
    }
  }
}

/** Runs the CLI on a plan, as a user would: `npm run --silent sim -- plan.json --runs N --format json`. */
export function sim(p: Plan, runs: number, name: string): MonteCarloStats {
  const file = test.info().outputPath(`${name}.json`);
  writeFileSync(file, serializePlan(p));
  const out = execFileSync('npm', ['run', '--silent', 'sim', '--', file, '--runs', String(runs), '--format', 'json'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return JSON.parse(out) as MonteCarloStats;
}
