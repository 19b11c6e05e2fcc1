import { defineConfig } from '@playwright/test';
import fs from 'node:fs';

/**
 * End-to-end tests drive the real UI in real Chromium against browser mode (tests/e2e), and the
 * real desktop shell through Playwright's Electron support where its binary exists (tests/electron).
 * Playwright cannot download browsers here, so it uses the system Chromium.
 */
const chromium = process.env.CROSSREAD_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  // Downloads the Electron binary where that is possible, so the Electron specs run there.
  globalSetup: './tests/electron/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1600, height: 900 },
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    trace: 'off',
  },
});
