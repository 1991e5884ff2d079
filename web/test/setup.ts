import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { setCsrfToken } from '@/lib/api-client';
import { resetSessionState } from '@/lib/session';
import { server } from '@/testing/msw/server';

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
