import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { routeNotFound, sendError } from './error-handler.js';

const API_PREFIXES = ['/api/', '/health', '/metrics'];

/**
 * Serves the built single-page app (dist/web): hashed assets cached for a year, index.html never,
 * and index.html for any other GET that asks for a page (client-side routes). API paths that no
 * route serves answer NOT_FOUND in the API error body.
 */
export default fp(
  async (app: FastifyInstance, { webDir }: { webDir: string }) => {
    const index = join(webDir, 'index.html');
    const built = existsSync(index);
    if (built) {
      await app.register(fastifyStatic, {
        root: webDir,
        wildcard: false,
        index: false,
        setHeaders: (res, path) => {
          const immutable = path.includes('/assets/');
          void res.header(
            'Cache-Control',
            immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      });
    }
    app.setNotFoundHandler(async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      const isApi = API_PREFIXES.some((prefix) => path.startsWith(prefix));
      const wantsPage = request.method === 'GET' || request.method === 'HEAD';
      if (built && wantsPage && !isApi) {
        const asset = path.length > 1 && existsSync(join(webDir, path)) && !path.includes('..');
        return reply
          .header('Cache-Control', asset ? 'public, max-age=3600' : 'no-cache')
          .sendFile(asset ? path.slice(1) : 'index.html');
      }
      return sendError(reply, request, routeNotFound(request));
    });
  },
  { name: 'static-web' },
);
