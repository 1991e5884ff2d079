import type { FastifyServerOptions } from 'fastify';

/** pino options: JSON lines, secrets redacted, pretty only on an interactive terminal. */
export function loggerOptions(level: string): FastifyServerOptions['logger'] {
  const pretty = process.stdout.isTTY && level !== 'silent';
  return {
    level,
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        '*.passwordHash',
        '*.token',
      ],
      censor: '[redacted]',
    },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  };
}
