// Shared pieces of the browser benchmarks: the server (reused or started), the layered plan files they import,
// percentiles and the table they print. Run benchmarks alone: builds or other browsers skew the numbers.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { layeredPlan } from '../lib/engine/layered';
import { applyLayout } from '../lib/plan/layout';
import { parsePlan, serializePlan } from '../lib/plan';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:3100';
export const VIEWPORT = { width: Number(process.env.WIDTH ?? 1280), height: Number(process.env.HEIGHT ?? 720) };
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function serverUp(): Promise<boolean> {
  try {
    return (await fetch(BASE_URL)).ok;
  } catch {
    return false;
  }
}

/** The server on BASE_URL, started with `next start` if none answers (needs a fresh build); null if it was running. */
export async function ensureServer(): Promise<ChildProcess | null> {
  if (await serverUp()) return null;
  const url = new URL(BASE_URL);
  console.log(`Starting next start on ${url.host} (needs a fresh \`npx next build\`)…`);
  const child = spawn('npx', ['next', 'start', '-H', url.hostname, '-p', url.port || '3100'], {
    stdio: 'ignore',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    if (await serverUp()) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the server on ${BASE_URL} did not start`);
}

export function stopServer(server: ChildProcess | null): void {
  if (server?.pid !== undefined) process.kill(-server.pid);
}

/** A layered plan of `calls` calls, laid out, as the bytes of a plan file. */
export function planFile(calls: number): Buffer {
  const parsed = parsePlan(layeredPlan({ calls }));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return Buffer.from(serializePlan(applyLayout(parsed.plan)));
}

/** Imports a plan file through the Import picker, the path a user takes. */
export async function importPlan(page: Page, calls: number): Promise<void> {
  await page.setInputFiles('input[type="file"][aria-label="Plan file to import"]', {
    name: `layered-${calls}.json`,
    mimeType: 'application/json',
    buffer: planFile(calls),
  });
}

/** A layered plan imported, and opened: the header names it (“Layered 200-call plan”). */
export async function importPlanAndWait(page: Page, calls: number): Promise<void> {
  await importPlan(page, calls);
  await page.waitForFunction((n) => document.querySelector('.tw-header__name')?.textContent?.includes(`${n}-call`), calls, {
    timeout: 60_000,
  });
}

/**
 * A fresh browser context on the editor, loaded (Run enabled, the first plan drawn), with the page's uncaught
 * errors collected. Close it with `close()`.
 */
export async function openEditor(browser: Browser): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  // tsx compiles the functions passed to page.evaluate with esbuild's name helper: give the page one.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(BASE_URL);
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
  await page.locator('.react-flow__node-toolCall').first().waitFor();
  return { page, errors, close: () => context.close() };
}

/** Nearest-rank percentile of an ascending list. */
export const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/** Prints rows under a header, first column left-aligned, the rest right-aligned. */
export function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(head));
  for (const r of rows) console.log(line(r));
}
