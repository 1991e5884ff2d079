import { defineConfig } from 'vitest/config';

/**
 * Two projects: the server suite (API tests through app.inject on one PGlite per worker, or on
 * PostgreSQL when TEST_DATABASE_URL is set) and the web suite (jsdom).
 * The server project shares modules across files in a worker (isolate: false) so the worker's
 * database opens and migrates once; tests isolate themselves by their own data.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts', 'common/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          maxWorkers: 2,
          isolate: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          setupFiles: ['server/test/setup.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: './web/vite.config.ts',
        test: {
          name: 'web',
          include: ['web/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['web/test/setup.ts'],
          sequence: { groupOrder: 0 },
        },
      },
    ],
  },
});
