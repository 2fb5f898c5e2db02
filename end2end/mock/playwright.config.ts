import { defineConfig } from '@playwright/test';

// The app against a mock backend generated from the contract (scripts/mock-test.sh starts Prism
// and end2end/support/app-proxy.mjs, and gives their address in VECHE_MOCK_URL). Its own config, so the
// journeys (end2end/playwright.config.ts, against the reference server) never run it.
export default defineConfig({
  testDir: '.',
  testMatch: 'routes.spec.ts',
  outputDir: '../test-results/mock',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 150_000,
  reporter: [['list']],
  use: {
    baseURL: process.env.VECHE_MOCK_URL ?? 'http://127.0.0.1:18161',
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
});
