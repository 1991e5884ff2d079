import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { setCsrfToken } from '@/lib/api-client';
import { resetSessionState } from '@/lib/session';
import { server } from '@/testing/msw/server';

// The first screen of a file loads its lazy route chunk through Vite's transform: allow for it.
configure({ asyncUtilTimeout: 3_000 });

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
});

afterEach(() => {
  cleanup();
  server.resetHandlers();
  resetSessionState();
  setCsrfToken(null);
});

afterAll(() => {
  server.close();
});
