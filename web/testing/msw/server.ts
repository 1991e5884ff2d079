import { setupServer } from 'msw/node';
import { handlers } from '@/testing/msw/handlers';

/** One MSW server for the web test run; tests add per-case handlers with `server.use(...)`. */
export const server = setupServer(...handlers);
