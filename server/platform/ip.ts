import { isIPv4, isIPv6 } from 'node:net';

/**
 * Anonymises an address for the audit log: IPv4 keeps three octets (last → 0), IPv6 keeps its
 * first 48 bits. IPv4-mapped IPv6 addresses are treated as IPv4.
 */
export function anonymiseIp(ip: string | undefined | null): string | null {
  if (!ip) {
    return null;
  }
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const v4 = mapped?.[1] ?? ip;
  if (isIPv4(v4)) {
    return v4.replace(/\.\d+$/, '.0');
  }
  if (isIPv6(ip)) {
    const full = expandIpv6(ip);
    return `${full.slice(0, 3).join(':')}::`;
  }
  return null;
}

function expandIpv6(ip: string): string[] {
  const [head = '', tail = ''] = ip.split('::');
  const headParts = head ? head.split(':') : [];
  const tailParts = ip.includes('::') && tail ? tail.split(':') : [];
  const missing = 8 - headParts.length - tailParts.length;
  const parts = [...headParts, ...Array<string>(Math.max(missing, 0)).fill('0'), ...tailParts];
  return parts.map((p) => p.toLowerCase().replace(/^0+(?=.)/, ''));
}
