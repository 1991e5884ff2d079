import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies the shipped defaults', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      PORT: 3000,
      DATA_DIR: './data',
      SESSION_ABSOLUTE_MINUTES: 60,
      SESSION_IDLE_MINUTES: 30,
      LOGIN_MAX_FAILURES: 5,
      LOCKOUT_MINUTES: 15,
      LOGIN_RATE_PER_IP: 30,
      LOGIN_RATE_PER_USERNAME: 10,
      MAX_DISPATCHERS_PER_AREA: 10,
      TIME_ZONE: 'Asia/Kolkata',
      secureTransport: false,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DISPATCH_AREAS).toContain('sri_ganganagar');
    expect(config.DISPATCH_AREAS).toHaveLength(10);
  });

  it('converts numbers and booleans from strings', () => {
    const config = loadConfig({ PORT: '8080', TRUST_PROXY_HTTPS: 'true', TRUST_PROXY: 'true' });

    expect(config.PORT).toBe(8080);
    expect(config.secureTransport).toBe(true);
    expect(config.TRUST_PROXY).toBe(true);
  });

  it('lists every invalid setting at once', () => {
    const attempt = () =>
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SESSION_SECRET: 'short',
        SESSION_IDLE_MINUTES: '0',
        DISPATCH_AREAS: 'lucknow,Bad Area',
      });

    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      for (const key of [
        'PORT',
        'DATABASE_URL',
        'SESSION_SECRET',
        'SESSION_IDLE_MINUTES',
        'DISPATCH_AREAS',
      ]) {
        expect(problems).toContain(key);
      }
    }
  });
});
