// Security headers, against `next start`: every page carries a Content-Security-Policy that runs only this origin's
// scripts and the page's own (hashed) inline scripts, evaluates no string, and lets nothing frame the page; every
// response says nosniff and sends no referrer. And the app does everything under that policy without a violation.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { parsePlanText } from '../lib/plan';
import { createHash } from 'node:crypto';
import { expect, test } from './fixtures';

const VALID = fileURLToPath(new URL('./fixtures/support-triage.plan.json', import.meta.url));
const parsedTriage = parsePlanText(readFileSync(VALID, 'utf8'));
if (!parsedTriage.ok) throw new Error('the fixture plan is invalid');
const triage = parsedTriage.plan;

/** The sources of one directive of a policy. */
function directive(policy: string, name: string): string[] {
  const found = policy
    .split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name);
  return found === undefined ? [] : found.slice(1);
}

/** Records every CSP violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const logged: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) logged.push(`console: ${msg.text()}`);
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return async () => [...logged, ...(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations))];
}

test.describe('Security headers', () => {
  test('the page carries a strict Content-Security-Policy; pages and files say nosniff and send no referrer', async ({ request }) => {
    const page = await request.get('/');
    expect(page.status()).toBe(200);
    const headers = page.headers();
    const policy = headers['content-security-policy'] ?? '';
    const scripts = directive(policy, 'script-src');
    expect(scripts[0]).toBe("'self'");
    expect(scripts.length).toBeGreaterThan(1);
    for (const s of scripts.slice(1)) expect(s).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
    expect(policy).not.toContain('unsafe-eval');
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(directive(policy, 'default-src')).toEqual(["'self'"]);
    expect(directive(policy, 'frame-ancestors')).toEqual(["'none'"]);
    expect(directive(policy, 'object-src')).toEqual(["'none'"]);
    expect(directive(policy, 'worker-src')).toEqual(["'self'"]);
    expect(directive(policy, 'img-src')).toEqual(["'self'", 'data:']);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');

    // Every inline script of the page is one the policy names by hash.
    const html = await page.text();
    const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).filter((t) => t.length > 0);
    expect(inline.length).toBeGreaterThan(0);
    for (const script of inline) expect(scripts).toContain(`'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);

    const chunk = /src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(html)?.[1];
    expect(chunk).toBeDefined();
    for (const path of [chunk as string, '/examples/index.json', '/plan.schema.json', '/no-such-page']) {
      const r = await request.get(path);
      expect(r.headers()['x-content-type-options'], path).toBe('nosniff');
      expect(r.headers()['referrer-policy'], path).toBe('no-referrer');
    }
    expect((await request.get('/no-such-page')).headers()['content-security-policy']).toBe(policy);
  });

  test('under the policy: run, many runs on the workers, chart export, share link and import all work, with no violation', async ({
    page,
    context,
    baseURL,
    consoleErrors,
  }) => {
    void consoleErrors;
    const violations = await watchViolations(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await page.goto('/');
    await expect(page.getByText('Loading your plan…')).toHaveCount(0);

    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Next event' })).toBeEnabled();

    await page.getByRole('tab', { name: 'Many runs' }).click();
    const stats = page.getByRole('tabpanel', { name: 'Many runs' });
    await stats.getByRole('button', { name: '1,000', exact: true }).click();
    await stats.getByRole('button', { name: 'Run 1,000 times' }).click();
    const results = stats.getByRole('region', { name: 'Statistics' });
    await expect(results).toBeVisible();
    const png = page.waitForEvent('download');
    await results.getByRole('button', { name: 'Save chart as PNG' }).click();
    const file = readFileSync(await (await png).path());
    expect(file.subarray(1, 4).toString('ascii')).toBe('PNG');

    await page.getByLabel('Plan file to import').setInputFiles(VALID);
    await expect(page.locator('.tw-header__name')).toHaveText(triage.name);

    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect(page.getByText('Link copied', { exact: false })).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const other = await context.newPage();
    const otherViolations = await watchViolations(other);
    await other.goto(link);
    await other
      .getByRole('dialog', { name: `Open “${triage.name}”?` })
      .getByRole('button', { name: 'Open plan' })
      .click();
    await expect(other.locator('.tw-header__name')).toHaveText(triage.name);

    expect(await violations()).toEqual([]);
    expect(await otherViolations()).toEqual([]);
  });
});
