import { defineConfig } from '@playwright/test';

const PORT = 3100;
const DATA_DIR = '.oila-test/e2e-data';

/**
 * Browser tests in Debian's Chromium (never a downloaded browser) against a
 * real Oila on its embedded PostgreSQL, started fresh with demo data.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'en-GB',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `rm -rf ${DATA_DIR} && node --import tsx src/server/cli.ts serve --demo`,
    env: { OILA_DATA_DIR: DATA_DIR, PORT: String(PORT), LOG_LEVEL: 'warn', DATABASE_URL: '' },
    url: `http://127.0.0.1:${PORT}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    // SIGTERM lets Oila stop its embedded PostgreSQL; a killed one would outlive the run and break the next.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
