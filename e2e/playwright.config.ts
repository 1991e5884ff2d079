import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { E2E_ADMIN_PASSWORD, E2E_BASE_URL, E2E_PORT } from './fixtures/env.js';

const REPO_DIR = fileURLToPath(new URL('..', import.meta.url));
const IS_CI = Boolean(process.env.CI);

/**
 * End-to-end flows against the built app (`npm run build` first): the server from dist/server on
 * an in-memory database, serving dist/web. Browsers are never downloaded: the system Chromium runs
 * every project: two phones (the warehouse's main devices) and a desktop window.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: fileURLToPath(new URL('../test-results', import.meta.url)),
  fullyParallel: true,
  forbidOnly: IS_CI,
  retries: IS_CI ? 1 : 0,
  reporter: IS_CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    {
      name: 'pixel-7',
      use: { ...devices['Pixel 7'], browserName: 'chromium' },
    },
    {
      name: 'iphone-14',
      grepInvert: /@narrow/,
      // WebKit is not installed; Chromium with the iPhone 14's screen, touch and user agent.
      use: {
        ...devices['iPhone 14'],
        browserName: 'chromium',
        viewport: { width: 390, height: 844 },
      },
    },
    {
      name: 'desktop',
      grepInvert: /@narrow/,
      use: {
        ...devices['Desktop Chrome'],
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
      },
    },
  ],
  webServer: {
    command: 'node dist/server/main.js',
    cwd: REPO_DIR,
    url: `${E2E_BASE_URL}/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      DATA_DIR: 'memory://',
      ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      SESSION_SECRET: 'e2e-only-session-secret-0123456789abcdefghijklmn',
      LOG_LEVEL: 'warn',
      // Every test signs in its own fresh users; keep the sign-in limits out of the way.
      LOGIN_RATE_PER_IP: '10000',
      LOGIN_RATE_PER_USERNAME: '10000',
      MAX_DISPATCHERS_PER_AREA: '10000',
    },
  },
});
