// Playwright: end-to-end specs in e2e/, against a production build served on 127.0.0.1:3100, in Debian's Chromium.
import { defineConfig, devices } from '@playwright/test';

const isCI = !!process.env.CI;
// TW_PORT and TW_DIST_DIR let several checkouts' builds and servers run side by side (default 3100, .next).
const port = Number(process.env.TW_PORT ?? 3100);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: isCI ? 1 : 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'on-first-retry',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 720 } } }],
  webServer: {
    command: `npx next start -H 127.0.0.1 -p ${port}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !isCI,
    timeout: 120_000,
    env: { NEXT_TELEMETRY_DISABLED: '1', ...(process.env.TW_DIST_DIR ? { TW_DIST_DIR: process.env.TW_DIST_DIR } : {}) },
  },
});
