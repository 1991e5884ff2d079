import { describe, expect, it } from 'vitest';
import { anonymiseIp } from './ip.js';

describe('anonymiseIp', () => {
  it.each([
    ['203.0.113.77', '203.0.113.0'],
    ['127.0.0.1', '127.0.0.0'],
    ['10.1.2.0', '10.1.2.0'],
    ['255.255.255.255', '255.255.255.0'],
  ])('keeps three octets of IPv4 %s', (ip, expected) => {
    expect(anonymiseIp(ip)).toBe(expected);
  });

  it.each([
    ['::ffff:192.168.1.77', '192.168.1.0'],
    ['::FFFF:10.20.30.40', '10.20.30.0'],
  ])('treats IPv4-mapped IPv6 %s as IPv4', (ip, expected) => {
    expect(anonymiseIp(ip)).toBe(expected);
  });

  it.each([
    ['2001:db8:85a3::8a2e:370:7334', '2001:db8:85a3::'],
    ['2001:0DB8:0001:0002:0003:0004:0005:0006', '2001:db8:1::'],
    ['2001:db8::1', '2001:db8:0::'],
    ['::1', '0:0:0::'],
    ['fe80::1%eth0', 'fe80:0:0::'],
  ])('keeps the first 48 bits of IPv6 %s', (ip, expected) => {
    expect(anonymiseIp(ip)).toBe(expected);
  });

  it('never returns more of an IPv6 address than its first three groups', () => {
    const anonymised = anonymiseIp('2001:db8:85a3:1234:5678:9abc:def0:1357') ?? '';

    expect(anonymised).toBe('2001:db8:85a3::');
    expect(anonymised).not.toMatch(/1234|5678|9abc|def0|1357/);
  });

  it.each(['', 'not-an-ip', '999.1.1.1', '1.2.3', '::ffff:999.1.1.1', '2001:db8::zz', 'localhost'])(
    'answers null for junk %j',
    (junk) => {
      expect(anonymiseIp(junk)).toBeNull();
    },
  );

  it.each([undefined, null])('answers null for %s', (missing) => {
    expect(anonymiseIp(missing)).toBeNull();
  });
});
