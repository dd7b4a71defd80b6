// What a careless user and an attacker would try, pinned so it keeps holding: two tabs editing one plan, a reload in
// the middle of an edit, a corrupt entry in the library, and hostile share links and files (markup in names, huge
// files and links, a compression bomb, nesting thousands deep). Nothing is lost, nothing runs, every refusal says why.
import { deflateSync } from 'fflate';
import type { Page } from '@playwright/test';
import { TAB_MESSAGES } from '../lib/persist';
import { LIMITS, parsePlanText, serializePlan, type Plan } from '../lib/plan';
import { encodeBase64Url } from '../lib/share/base64url';
import { encodePlanLink, MAX_LINK_CHARS } from '../lib/share/codec';
import { defaultExample, expect, loadExamplePlan, loadExamples, openLibrary, test } from './fixtures';

const examples = loadExamples();
const first = loadExamplePlan(defaultExample(examples) ?? examples[0]);
const HOSTILE_NAME = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

const headerName = (page: Page) => page.locator('.tw-header__name');
const savedPlans = (page: Page) => page.getByRole('list', { name: 'Saved plans' });

/** The plans this browser stores, read straight from storage: name and call count by id. */
async function stored(page: Page): Promise<Record<string, { name: string; calls: number }>> {
  const entries = await page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? '';
      if (key.startsWith('toolwave:plan:')) out[key.slice('toolwave:plan:'.length)] = localStorage.getItem(key) ?? '';
    }
    return out;
  });
  const plans: Record<string, { name: string; calls: number }> = {};
  for (const [id, raw] of Object.entries(entries)) {
    const parsed = parsePlanText((JSON.parse(raw) as { text: string }).text);
    plans[id] = parsed.ok ? { name: parsed.plan.name, calls: parsed.plan.calls.length } : { name: '(damaged)', calls: -1 };
  }
  return plans;
}

async function importText(page: Page, name: string, text: string | Buffer): Promise<void> {
  await page
    .getByLabel('Plan file to import')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });
}

const named = (name: string): Plan => ({ ...first, name });

/** JSON nested `depth` levels deep inside the first call's input. */
function deepPlanText(depth: number): string {
  const text = serializePlan(first);
  return text.replace('"input": {', `"input": { "deep": ${'['.repeat(depth)}${']'.repeat(depth)},`);
}

test.describe('Two tabs, reloads and a damaged library', () => {
  test.beforeEach(async ({ consoleErrors }) => {
    void consoleErrors;
  });

  test('two tabs edit one plan: the tab that saved second is stopped, its version offered, and nothing is overwritten', async ({
    page,
    context,
  }) => {
    await openLibrary(page);
    const second = await context.newPage();
    // Tab two's clock runs as usual, but the test can jump it past the autosave's delay instead of sleeping.
    await second.clock.install();
    await openLibrary(second);
    // Tab one adds a call (saved after the pause); tab two then edits its older copy.
    await page.getByRole('button', { name: 'Add Web search' }).click();
    await expect(page.locator('.tw-save')).toHaveText('Saved');
    const banner = second.getByRole('alert').filter({ hasText: TAB_MESSAGES.changed });
    await expect(banner).toBeVisible();
    await second.getByRole('button', { name: 'Add Fetch URL' }).click();
    await second.getByRole('button', { name: 'Add Fetch URL' }).click();
    // Past the autosave's delay: the save tab two had waiting is tried now.
    await second.clock.fastForward(1500);
    // Tab two's edits did not reach storage: the stored plan is tab one's.
    expect(Object.values(await stored(page))).toEqual([{ name: first.name, calls: first.calls.length + 1 }]);
    await expect(second.locator('.tw-save')).toHaveText('Changed in another tab');
    await banner.getByRole('button', { name: 'Keep mine as a copy' }).click();
    await expect(headerName(second)).toHaveText(`${first.name} (copy)`);
    await expect(second.locator('.tw-save')).toHaveText('Saved');
    const plans = Object.values(await stored(page)).sort((a, b) => a.name.localeCompare(b.name));
    expect(plans).toEqual([
      { name: first.name, calls: first.calls.length + 1 },
      { name: `${first.name} (copy)`, calls: first.calls.length + 2 },
    ]);
  });

  test('a reload in the middle of an edit keeps the edit', async ({ page }) => {
    await openLibrary(page);
    await page.getByRole('button', { name: 'Add Web search' }).click();
    await expect(page.locator('.react-flow__node-toolCall')).toHaveCount(first.calls.length + 1);
    // At once, before autosave's pause is over: the page saves as it is left.
    await page.reload();
    await expect(page.getByText('Loading your plan…')).toHaveCount(0);
    await expect(page.locator('.react-flow__node-toolCall')).toHaveCount(first.calls.length + 1);
    expect(Object.values(await stored(page))).toEqual([{ name: first.name, calls: first.calls.length + 1 }]);
  });

  test('a damaged entry is set apart with a message naming what is wrong, and the rest of the library opens', async ({ page }) => {
    await openLibrary(page);
    await importText(page, 'second.json', serializePlan(named('Second plan')));
    await expect(headerName(page)).toHaveText('Second plan');
    await expect(page.locator('.tw-save')).toHaveText('Saved');
    // The plan open at the reload is damaged in storage once saved: a call that may make no attempt.
    await page.evaluate(() => {
      for (let i = 0; i < localStorage.length; i++) {
        const key = localStorage.key(i) ?? '';
        if (!key.startsWith('toolwave:plan:')) continue;
        const entry = JSON.parse(localStorage.getItem(key) ?? '{}') as { text: string };
        if (!entry.text.includes('"Second plan"')) continue;
        entry.text = entry.text.replace(/"maxAttempts": \d+/, '"maxAttempts": 0');
        localStorage.setItem(key, JSON.stringify(entry));
      }
    });
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: 'The stored plan "Second plan" is damaged and could not be opened.' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Another plan is open instead; the damaged one is listed in the library.');
    await expect(alert.getByRole('listitem').first()).toContainText(/calls\[0\]\.retry\.maxAttempts: must be at least 1/);
    await expect(headerName(page)).toHaveText(first.name);
    await page.getByRole('tab', { name: 'Library', exact: true }).click();
    await expect(savedPlans(page).getByRole('listitem').filter({ hasText: 'damaged: it cannot be opened' })).toContainText('Second plan');
    // The damaged entry is kept as it was (nothing overwrites it), and the good plan still saves.
    await page.getByRole('button', { name: 'Add Web search' }).click();
    await expect(page.locator('.tw-save')).toHaveText('Saved');
    expect(Object.values(await stored(page)).sort((a, b) => a.calls - b.calls)).toEqual([
      { name: '(damaged)', calls: -1 },
      { name: first.name, calls: first.calls.length + 1 },
    ]);
  });
});

test.describe('Hostile share links and files', () => {
  test.beforeEach(async ({ consoleErrors }) => {
    void consoleErrors;
  });

  test('markup in a plan’s name, from a file or a link, is shown as text and never runs', async ({ page }) => {
    const hostile = named(HOSTILE_NAME);
    await openLibrary(page);
    await importText(page, 'hostile.json', serializePlan(hostile));
    await expect(headerName(page)).toHaveText(HOSTILE_NAME);
    await expect(savedPlans(page).getByRole('button', { name: `Open ${HOSTILE_NAME}` })).toBeVisible();
    await page.goto(`/${encodePlanLink(hostile)}`);
    const ask = page.getByRole('dialog', { name: `Open “${HOSTILE_NAME}”?` });
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: 'Open plan' }).click();
    await expect(headerName(page)).toHaveText(HOSTILE_NAME);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"], .tw-header__name script').count()).toBe(0);
  });

  test('a file too large is refused before it is read, and one nested thousands deep is refused by path', async ({ page }) => {
    await openLibrary(page);
    await importText(page, 'huge.json', Buffer.alloc(LIMITS.maxBytes + 1, 32));
    const large = page.getByRole('alert').filter({ hasText: '“huge.json” was not imported' });
    await expect(large).toBeVisible();
    await expect(large.getByRole('listitem')).toHaveText(/^\(file\): is too large: 16\.0 MB \(a plan file is at most 16\.0 MB\)$/);
    await importText(page, 'deep.json', deepPlanText(5000));
    const deep = page.getByRole('alert').filter({ hasText: '“deep.json” was not imported' });
    await expect(deep).toBeVisible();
    await expect(deep.getByRole('listitem').first()).toContainText(
      /^calls\[0\]\.input\.deep(\[0\])+: is nested too deeply \(at most 64 levels\)$/,
    );
    await expect(headerName(page)).toHaveText(first.name);
    await expect(savedPlans(page).getByRole('listitem')).toHaveCount(1);
  });

  test('a link too long, a compression bomb and a link nested thousands deep are refused, and the plans stay', async ({ page }) => {
    const cases: [string, string | RegExp][] = [
      [`#plan=v1.${'A'.repeat(MAX_LINK_CHARS + 4)}`, /^\(link\): is too long: \d+ characters \(at most 2000000\)$/],
      [
        `#plan=v1.${encodeBase64Url(deflateSync(new Uint8Array(LIMITS.maxBytes + 1024 * 1024).fill(32), { level: 9 }))}`,
        /^\(link\): unpacks to more than 16777216 bytes/,
      ],
      [
        `#plan=v1.${encodeBase64Url(deflateSync(new TextEncoder().encode(deepPlanText(5000)), { level: 9 }))}`,
        /^calls\[0\]\.input\.deep(\[0\])+: is nested too deeply/,
      ],
    ];
    await openLibrary(page);
    for (const [hash, message] of cases) {
      await page.evaluate((h) => {
        window.location.hash = h;
      }, hash);
      const alert = page.getByRole('alert').filter({ hasText: 'The share link could not be opened' }).last();
      await expect(alert.getByRole('listitem').first()).toHaveText(message);
      await alert.getByRole('button', { name: 'Dismiss' }).click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
      expect(new URL(page.url()).hash).toBe('');
    }
    await expect(headerName(page)).toHaveText(first.name);
    await expect(savedPlans(page).getByRole('listitem')).toHaveCount(1);
  });
});

test.describe('A dropped connection', () => {
  test('the first run cannot fetch the simulator: it says so, the plan stays, and Run works once the connection is back', async ({
    page,
    consoleErrors,
  }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
    await expect(page.locator('.react-flow__node-toolCall')).toHaveCount(first.calls.length);
    // Everything the page has not fetched yet fails from here on.
    const offline = (route: { abort: () => Promise<void> }) => route.abort();
    await page.route('**/_next/static/chunks/**', offline);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const notice = page.getByText(/^The simulator could not be loaded \(.+\)\. Check the connection and run again\.$/);
    await expect(notice).toBeVisible();
    await expect(page.locator('.react-flow__node-toolCall')).toHaveCount(first.calls.length);
    await expect(headerName(page)).toHaveText(first.name);
    // The browser logs the failed fetches; they are this test's doing.
    consoleErrors.splice(
      0,
      consoleErrors.length,
      ...consoleErrors.filter((e) => !/Failed to load|Failed to fetch|ChunkLoadError|net::ERR_FAILED/i.test(e)),
    );

    await page.unroute('**/_next/static/chunks/**', offline);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByRole('tab', { name: 'Run', exact: true }).click();
    await expect(page.getByText(/^Outcome: /)).toBeVisible();
  });
});
