// `npm run bench:playback`: playback speed in headless Chromium. For layered plans of 100 and 500 calls
// it imports the plan through the Import picker, runs it, goes back to the start and presses Play, then reports the
// median and 95th-percentile frame time (between animation frames, so React, React Flow, the timeline, the context
// and paint all count) while the cursor moves, and how much virtual time was played.
// Needs a production build: it uses the server on BASE_URL (default http://127.0.0.1:3100) or starts one.
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM, VIEWPORT, ensureServer, importPlanAndWait, openEditor, percentile, printTable, stopServer } from './browser';

const SIZES = (process.env.SIZES ?? '100,500').split(',').map(Number);
/** Real time to record while playing. */
const RECORD_MS = Number(process.env.RECORD_MS ?? 5000);
const TARGETS: Record<number, number> = { 100: 33, 500: 50 };

/** Plays from the start at `speed` and records frame intervals for RECORD_MS (or until playback ends). */
async function playFrames(page: Page, speed: string): Promise<{ frames: number[]; playedMs: string; readout: string }> {
  await page.getByRole('button', { name: 'Back to start' }).click();
  await page.getByRole('combobox', { name: 'Playback speed' }).selectOption(speed);
  await page.waitForTimeout(300);
  const frames = await page.evaluate(
    (recordMs) =>
      new Promise<number[]>((resolve) => {
        const out: number[] = [];
        const play = [...document.querySelectorAll('button')].find(
          (b) => b.getAttribute('aria-label') === 'Play' || b.textContent?.trim() === 'Play',
        );
        if (play === undefined) throw new Error('no Play button');
        let last = -1;
        let start = -1;
        const tick = () => {
          const now = performance.now();
          if (last >= 0) out.push(now - last);
          else start = now;
          last = now;
          const stillPlaying = [...document.querySelectorAll('button')].some(
            (b) => b.getAttribute('aria-label') === 'Pause' || b.textContent?.trim() === 'Pause',
          );
          if (now - start >= recordMs || (out.length > 5 && !stillPlaying)) resolve(out);
          else requestAnimationFrame(tick);
        };
        play.click();
        requestAnimationFrame(tick);
      }),
    RECORD_MS,
  );
  const position = page.getByRole('slider', { name: 'Playback position' });
  const readout = (await position.getAttribute('aria-valuetext')) ?? '';
  const playedMs = (await position.inputValue()) ?? '';
  const pause = page.getByRole('button', { name: 'Pause' });
  if (await pause.isVisible()) await pause.click();
  return { frames: frames.sort((a, b) => a - b), playedMs, readout };
}

async function main() {
  const server = await ensureServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  const rows: string[][] = [];
  const speed = process.env.SPEED ?? '1';
  try {
    for (const calls of SIZES) {
      const { page, errors, close } = await openEditor(browser);
      await importPlanAndWait(page, calls);
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      await page.getByRole('slider', { name: 'Playback position' }).waitFor();
      await page.waitForTimeout(500);
      const { frames, readout } = await playFrames(page, speed);
      const median = percentile(frames, 50);
      const target = TARGETS[calls];
      rows.push([
        String(calls),
        String(frames.length),
        median.toFixed(1),
        percentile(frames, 95).toFixed(1),
        percentile(frames, 100).toFixed(1),
        readout,
        target === undefined ? '–' : `< ${target}`,
        target === undefined ? '' : median < target ? 'ok' : 'MISSED',
      ]);
      if (errors.length > 0) console.error(`${calls} calls: page errors: ${errors.join('; ')}`);
      await close();
    }
  } finally {
    await browser.close();
    stopServer(server);
  }
  console.log(
    `Playback benchmark, headless Chromium (software rendering), ${VIEWPORT.width}×${VIEWPORT.height}, speed ${speed}×, up to ${RECORD_MS} ms recorded.`,
  );
  printTable(['calls', 'frames', 'median ms', 'p95 ms', 'max ms', 'position at the end of recording', 'target (median)', ''], rows);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
