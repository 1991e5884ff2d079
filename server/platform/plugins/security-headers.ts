import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

export interface SecurityHeadersOptions {
  /** HSTS only where the app is really served over HTTPS. */
  hsts: boolean;
}

/** The browser may not use these (SPEC §4: no camera, ever). */
const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'magnetometer=()',
  'gyroscope=()',
  'accelerometer=()',
].join(', ');

/**
 * The headers helmet sets for `options`, computed once. They do not depend on the request, and
 * @fastify/helmet rebuilt the helmet middleware (parsing the CSP directives again) on every
 * request: 2.4 % of the server's samples under lookup load (--cpu-prof, BENCHMARKS.md).
 */
export function helmetHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number) {
      headers[name] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name];
    },
  };
  let failure: Error | undefined;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error) => {
    failure = error instanceof Error ? error : undefined;
  });
  if (failure) {
    throw failure;
  }
  return headers;
}

/**
 * Security headers of SPEC §10: a CSP without inline script, frame-ancestors none, nosniff,
 * Referrer-Policy, Permissions-Policy, HSTS in production; no-store on API answers. Set on every
 * answer, errors and 404s included.
 */
export default fp(
  async (app: FastifyInstance, options: SecurityHeadersOptions) => {
    const headers = {
      ...helmetHeaders({
        contentSecurityPolicy: {
          useDefaults: false,
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'"],
            styleSrc: ["'self'"],
            imgSrc: ["'self'", 'data:'],
            fontSrc: ["'self'", 'data:'],
            connectSrc: ["'self'"],
            objectSrc: ["'none'"],
            baseUri: ["'self'"],
            formAction: ["'self'"],
            frameAncestors: ["'none'"],
            manifestSrc: ["'self'"],
            workerSrc: ["'self'"],
          },
        },
        strictTransportSecurity: options.hsts
          ? { maxAge: 31_536_000, includeSubDomains: true }
          : false,
        referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
        crossOriginEmbedderPolicy: false,
        xFrameOptions: { action: 'deny' },
      }),
      'Permissions-Policy': PERMISSIONS_POLICY,
    };
    app.addHook('onRequest', (_request, reply, done) => {
      void reply.headers(headers);
      done();
    });
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
        void reply.header('Cache-Control', 'no-store');
      }
      return payload;
    });
  },
  { name: 'security-headers' },
);
