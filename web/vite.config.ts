import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const WEB_DIR = fileURLToPath(new URL('.', import.meta.url));
const COMMON_DIR = fileURLToPath(new URL('../common', import.meta.url));
const REPO_DIR = fileURLToPath(new URL('..', import.meta.url));
const API_TARGET = 'http://127.0.0.1:3000';

/**
 * The SPA. Built into dist/web, which the server serves. Vitest's `web` project extends this file;
 * under Vitest the root stays the repository root so the project's `include` globs (web/**) match.
 * Common files import each other with `.js` suffixes; Vite resolves those to the `.ts` sources.
 */
export default defineConfig(({ mode }) => ({
  root: mode === 'test' ? REPO_DIR : WEB_DIR,
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@common\//, replacement: `${COMMON_DIR}/` },
      { find: /^@\//, replacement: WEB_DIR },
    ],
  },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // .vite/manifest.json: lets web/scripts/route-size.mjs add up each screen's JavaScript.
    manifest: true,
    // The polyfill would be bundled anyway, but keep the output free of anything CSP-sensitive.
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      '/api': { target: API_TARGET, changeOrigin: false },
      '/health': { target: API_TARGET, changeOrigin: false },
    },
  },
}));
