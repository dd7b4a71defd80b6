// `npx tsx bench/canvas.bench.ts`: canvas speed in headless Chromium. For layered plans of 100, 500 and
// 1,000 calls it imports the plan file through the Import picker (the path a user takes), then reports the time
// until every call that falls inside the canvas is drawn and the frame times while a call is dragged in the fitted view.
// Needs a production build: it uses the server on BASE_URL (default http://127.0.0.1:3100) or starts `next start`
// there itself. Run it alone: builds or other browsers on the machine skew the numbers.
import { chromium, type Page } from '@playwright/test';
import { DEFAULT_LAYOUT } from '../lib/plan/layout-core';
import { CHROMIUM, VIEWPORT, ensureServer, importPlan, openEditor, percentile, planFile, printTable, stopServer } from './browser';

const SIZES = (process.env.SIZES ?? '100,500,1000').split(',').map(Number);
/** Mouse moves in one scripted drag (each one a pointer event the canvas must follow). */
const DRAG_MOVES = 90;
const TARGETS: Record<number, { load: number; median: number }> = { 100: { load: 3000, median: 33 }, 500: { load: 3000, median: 50 } };

/**
 * Imports the plan and returns ms from choosing the file to every call that falls inside the canvas drawn there.
 * A plan that fits is drawn whole; past 800 calls it opens zoomed in on part of it, and past 400 only the calls in
 * view are drawn: which calls fall inside is worked out from the plan's positions and the view's transform.
 */
async function loadTime(page: Page, calls: number): Promise<number> {
  const positions = (JSON.parse(planFile(calls).toString()) as { calls: { position: { x: number; y: number } }[] }).calls.map(
    (c) => [c.position.x, c.position.y] as const,
  );
  const t0 = await page.evaluate(() => performance.now());
  await importPlan(page, calls);
  return page.evaluate(
    ({ calls, t0, positions, size }) =>
      new Promise<number>((resolve, reject) => {
        const deadline = performance.now() + 60_000;
        /** How many calls' boxes lie inside the canvas at the view's transform (null before the view is set). */
        const expected = (region: DOMRect): number | null => {
          const m = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([-\d.]+)\)/.exec(
            document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '',
          );
          if (m === null) return null;
          const [tx, ty, k] = [Number(m[1]), Number(m[2]), Number(m[3])];
          let n = 0;
          for (const [x, y] of positions) {
            const left = region.left + tx + x * k;
            const top = region.top + ty + y * k;
            if (left < region.right && left + size.width * k > region.left && top < region.bottom && top + size.height * k > region.top)
              n++;
          }
          return n;
        };
        const check = () => {
          const region = document.querySelector('[aria-label="Plan graph"]')?.getBoundingClientRect();
          const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node-toolCall');
          const want = region === undefined || nodes.length === 0 ? null : expected(region);
          if (region !== undefined && want !== null && want > 0) {
            let inside = 0;
            for (const n of nodes) {
              const r = n.getBoundingClientRect();
              if (
                n.style.visibility !== 'hidden' &&
                r.width > 0 &&
                r.left < region.right &&
                r.right > region.left &&
                r.top < region.bottom &&
                r.bottom > region.top
              )
                inside++;
            }
            if (inside >= want) {
              resolve(performance.now() - t0);
              return;
            }
          }
          if (performance.now() > deadline) reject(new Error(`only ${nodes.length} of ${calls} calls drawn after 60 s`));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { calls, t0, positions, size: { width: DEFAULT_LAYOUT.nodeWidth, height: DEFAULT_LAYOUT.nodeHeight } },
  );
}

/** The call nearest the middle of the canvas (the plan is fitted), and a point on it to grab. */
async function middleCall(page: Page): Promise<{ id: string; x: number; y: number }> {
  const target = await page.evaluate(() => {
    const region = document.querySelector('[aria-label="Plan graph"]')?.getBoundingClientRect();
    if (region === undefined) return null;
    const cx = region.left + region.width / 2;
    const cy = region.top + region.height / 2;
    let best: { id: string; x: number; y: number; d: number } | null = null;
    for (const n of document.querySelectorAll<HTMLElement>('.react-flow__node-toolCall')) {
      const r = n.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height * 0.3;
      const d = Math.hypot(x - cx, y - cy);
      if (best === null || d < best.d) best = { id: n.dataset.id ?? '', x, y, d };
    }
    return best;
  });
  if (target === null) throw new Error('no call to drag');
  return target;
}

const transformOf = (page: Page, id: string) =>
  page.locator(`.react-flow__node-toolCall[data-id="${id}"]`).evaluate((el) => (el as HTMLElement).style.transform);

/**
 * Frame times with a drag move on EVERY animation frame: the mouse is pressed on a call (real input), then each frame
 * dispatches the next mousemove before timing the next frame (performance.now() between callbacks, so the work of
 * the move, React Flow, the bands, style, layout and paint all count). The strict figure.
 */
async function dragEveryFrame(page: Page): Promise<number[]> {
  const target = await middleCall(page);
  const before = await transformOf(page, target.id);
  await page.mouse.move(target.x, target.y);
  await page.mouse.down();
  await page.mouse.move(target.x + 6, target.y + 4, { steps: 2 });
  const frames = await page.evaluate(
    ({ x, y, moves }) =>
      new Promise<number[]>((resolve) => {
        const out: number[] = [];
        let i = 0;
        let last = -1;
        const tick = () => {
          const now = performance.now();
          if (last >= 0) out.push(now - last);
          last = now;
          if (i === moves) {
            resolve(out);
            return;
          }
          i++;
          const a = (i / moves) * Math.PI * 2;
          window.dispatchEvent(
            new MouseEvent('mousemove', {
              clientX: x + 6 + 60 * Math.sin(a) + i * 0.5,
              clientY: y + 4 + 40 * (1 - Math.cos(a)),
              bubbles: true,
              buttons: 1,
            }),
          );
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { x: target.x, y: target.y, moves: DRAG_MOVES },
  );
  const during = await transformOf(page, target.id);
  await page.mouse.up();
  if (during === before) throw new Error(`the drag did not move ${target.id}`);
  // The dragged call stays selected, and its injection toolbar (screen-sized, over a fitted plan's small calls)
  // would cover the next drag's grip: clear the selection, as a person clicking away would.
  await page.keyboard.press('Escape');
  return frames;
}

/**
 * Frame times with Playwright's own mouse moves (each awaited, so input comes at whatever pace the page allows):
 * the frames that moved the dragged call or painted that move. Closer to a person's drag; usually the gentler figure.
 */
async function dragPaced(page: Page): Promise<number[]> {
  const target = await middleCall(page);
  const before = await transformOf(page, target.id);
  await page.evaluate((id) => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    const el = document.querySelector<HTMLElement>(`.react-flow__node-toolCall[data-id="${id}"]`);
    w.__frames = [];
    w.__recording = true;
    let last = performance.now();
    let seen = el?.style.transform ?? '';
    let movedBefore = false;
    const tick = () => {
      if (!w.__recording) return;
      const t = performance.now();
      const now = el?.style.transform ?? '';
      const moved = now !== seen;
      if (moved || movedBefore) w.__frames.push(t - last);
      movedBefore = moved;
      seen = now;
      last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, target.id);
  await page.mouse.move(target.x, target.y);
  await page.mouse.down();
  for (let i = 1; i <= DRAG_MOVES; i++) {
    const a = (i / DRAG_MOVES) * Math.PI * 2;
    await page.mouse.move(target.x + 60 * Math.sin(a) + i * 0.5, target.y + 40 * (1 - Math.cos(a)));
  }
  const during = await transformOf(page, target.id);
  await page.mouse.up();
  if (during === before) throw new Error(`the drag did not move ${target.id}`);
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __recording: boolean };
    w.__recording = false;
    return w.__frames;
  });
}

async function main() {
  const server = await ensureServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  const rows: string[][] = [];
  try {
    for (const calls of SIZES) {
      const { page, errors, close } = await openEditor(browser);
      const load = await loadTime(page, calls);
      await page.waitForTimeout(500);
      const strict = (await dragEveryFrame(page)).sort((a, b) => a - b);
      await page.waitForTimeout(500);
      const paced = (await dragPaced(page)).sort((a, b) => a - b);
      const median = percentile(strict, 50);
      const target = TARGETS[calls];
      const verdict = target === undefined ? '' : load <= target.load && median <= target.median ? 'ok' : 'MISSED';
      rows.push([
        String(calls),
        load.toFixed(0),
        median.toFixed(1),
        percentile(strict, 95).toFixed(1),
        percentile(paced, 50).toFixed(1),
        percentile(paced, 95).toFixed(1),
        target === undefined ? '–' : `${target.load} / ${target.median}`,
        verdict,
      ]);
      if (errors.length > 0) console.error(`${calls} calls: page errors: ${errors.join('; ')}`);
      await close();
    }
  } finally {
    await browser.close();
    stopServer(server);
  }
  const head = ['calls', 'on screen ms', 'drag median ms', 'drag p95 ms', 'paced median', 'paced p95', 'target (on screen / median)', ''];
  console.log(
    `Canvas benchmark, headless Chromium (software rendering), ${VIEWPORT.width}×${VIEWPORT.height}, ${DRAG_MOVES} moves per drag.`,
  );
  console.log(
    'drag: a move on every animation frame (the strict figure); paced: Playwright mouse moves, frames that moved or painted the call.',
  );
  printTable(head, rows);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
