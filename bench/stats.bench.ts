// `npm run bench:stats`: many runs in headless Chromium. Imports a layered plan through the Import picker,
// opens "Many runs", sets the number of runs, lets the workers start (as opening the tab does), then times from the
// click on Run to the results on screen, and watches the main thread for long tasks (PerformanceObserver
// 'longtask': every task over 50 ms) from the click to the results. Cases: 10,000 runs of a 50-call plan and
// 100,000 runs of a 200-call plan (targets: under 300 ms and under 5 s, no main-thread task over 50 ms).
// Needs a production build: it uses the server on BASE_URL (default http://127.0.0.1:3100) or starts one.
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM, VIEWPORT, ensureServer, importPlanAndWait, openEditor, printTable, stopServer } from './browser';

const CASES = (process.env.CASES ?? '50x10000,200x100000').split(',').map((c) => c.split('x').map(Number) as [number, number]);
const TARGETS: Record<string, number> = { '50x10000': 300, '200x100000': 5000 };
const REPEAT = Number(process.env.REPEAT ?? 3);

async function open(page: Page, calls: number, runs: number): Promise<void> {
  await importPlanAndWait(page, calls);
  await page.getByRole('tab', { name: 'Many runs' }).click();
  await page.getByLabel('Number of runs').fill(String(runs));
  await page.getByRole('button', { name: `Run ${runs.toLocaleString('en-US')} times` }).waitFor();
  // The tab warms the workers when it opens; give them the moment a person takes to read the button.
  await page.waitForTimeout(1500);
}

/** Clicks Run and resolves when the results of this batch are on screen: ms from the click, and the long tasks meanwhile. */
async function timeRun(page: Page, runs: number, round: number): Promise<{ ms: number; longest: number; long: number }> {
  return page.evaluate(
    ({ runs, round }) =>
      new Promise<{ ms: number; longest: number; long: number }>((resolve, reject) => {
        const label = `Run ${runs.toLocaleString('en-US')} times`;
        const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
        if (button === undefined) {
          reject(new Error(`no “${label}” button`));
          return;
        }
        const tasks: number[] = [];
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) tasks.push(e.duration);
        });
        observer.observe({ type: 'longtask' });
        const want = `${runs.toLocaleString('en-US')} runs`;
        // Results of an earlier round stay on screen while the next batch runs: the batch is running while its
        // Cancel button shows; done once that has gone and the results are there.
        const cancelShown = () => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Cancel');
        let started = false;
        const watch = new MutationObserver(() => {
          if (cancelShown()) started = true;
        });
        watch.observe(document.body, { childList: true, subtree: true });
        const t0 = performance.now();
        button.click();
        const check = () => {
          const region = document.querySelector('[aria-label="Statistics"]');
          const running = cancelShown();
          if (running) started = true;
          if ((started || round === 0) && !running && region?.textContent?.includes(want)) {
            const ms = performance.now() - t0;
            // Long tasks are reported after they end: let the last one land.
            setTimeout(() => {
              observer.disconnect();
              watch.disconnect();
              resolve({ ms, longest: tasks.length === 0 ? 0 : Math.max(...tasks), long: tasks.length });
            }, 100);
            return;
          }
          if (performance.now() - t0 > 120_000) reject(new Error('no results after 120 s'));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    { runs, round },
  );
}

async function main() {
  const server = await ensureServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  const rows: string[][] = [];
  try {
    for (const [calls, runs] of CASES) {
      const { page, errors, close } = await openEditor(browser);
      await open(page, calls, runs);
      const times: number[] = [];
      let longest = 0;
      let long = 0;
      for (let i = 0; i < REPEAT; i++) {
        const r = await timeRun(page, runs, i);
        times.push(r.ms);
        longest = Math.max(longest, r.longest);
        long += r.long;
        await page.waitForTimeout(500);
      }
      const key = `${calls}x${runs}`;
      const target = TARGETS[key];
      const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
      rows.push([
        `${runs.toLocaleString('en-US')} × ${calls} calls`,
        times.map((t) => t.toFixed(0)).join(' / '),
        median.toFixed(0),
        String(long),
        longest.toFixed(0),
        target === undefined ? '–' : `< ${target}, no task > 50`,
        target === undefined ? '' : median < target && longest <= 50 ? 'ok' : 'MISSED',
      ]);
      if (errors.length > 0) console.error(`${key}: page errors: ${errors.join('; ')}`);
      await close();
    }
  } finally {
    await browser.close();
    stopServer(server);
  }
  console.log(
    `Many-runs benchmark, headless Chromium, ${VIEWPORT.width}×${VIEWPORT.height}, click on Run to results on screen, ${REPEAT} rounds each.`,
  );
  printTable(['case', 'click → results ms (each round)', 'median ms', 'long tasks', 'longest task ms', 'target', ''], rows);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
