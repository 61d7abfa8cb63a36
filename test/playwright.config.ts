import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real browser mode (`out/node/web.js`, started per
 * test by test/e2e/fixtures.ts) in Debian's Chromium. Run `npm run build` first.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: '../test-results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 60_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1600, height: 1000 },
    actionTimeout: 15_000,
    acceptDownloads: true,
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
