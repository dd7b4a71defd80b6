// First-load JavaScript of the editor: every script the browser fetches from a fresh visit to `/` until the
// editor's first screen is on view and the network is quiet, each gzipped (level 6, what `next start` sends) and
// summed. Needs a fresh `npx next build`; run alone. Target: at most 250 kB gzip.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { BASE_URL, CHROMIUM, VIEWPORT, ensureServer, stopServer } from './browser';

const DIST = process.env.TW_DIST_DIR ?? '.next';
const TARGET_KB = 250;

/** The built file behind a `/_next/static/…` URL, gzipped, in bytes (null for a script from elsewhere). */
function gzippedSize(url: string): number | null {
  const path = new URL(url).pathname;
  if (!path.startsWith('/_next/static/')) return null;
  const file = join(DIST, 'static', decodeURIComponent(path.slice('/_next/static/'.length)));
  return gzipSync(readFileSync(file), { level: 6 }).length;
}

async function main(): Promise<void> {
  const server = await ensureServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const scripts = new Set<string>();
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.add(r.url());
    });
    await page.goto(BASE_URL, { waitUntil: 'load' });
    await page.locator('.react-flow__node-toolCall').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const rows = [...scripts].map((url) => ({ url, bytes: gzippedSize(url) }));
    const total = rows.reduce((n, r) => n + (r.bytes ?? 0), 0);
    rows.sort((a, b) => (b.bytes ?? 0) - (a.bytes ?? 0));
    console.log(`First load of ${BASE_URL}/ until the editor is on view: ${rows.length} scripts`);
    for (const r of rows.slice(0, 12)) console.log(`${((r.bytes ?? 0) / 1024).toFixed(1).padStart(8)} kB  ${new URL(r.url).pathname}`);
    if (rows.length > 12) console.log(`         … and ${rows.length - 12} smaller`);
    console.log(`first-load JavaScript: ${(total / 1024).toFixed(1)} kB gzip (target <= ${TARGET_KB} kB)`);
  } finally {
    await browser.close();
    stopServer(server);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
