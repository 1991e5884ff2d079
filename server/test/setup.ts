/**
 * Server test setup. Tests make no outbound network calls: anything but loopback fails loudly.
 */
import net from 'node:net';

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const first = args[0];
  const options =
    typeof first === 'object' && first !== null
      ? (first as { host?: string; path?: string })
      : null;
  const fromOptions = options?.path ? 'unix' : (options?.host ?? 'localhost');
  const host = options ? fromOptions : typeof args[1] === 'string' ? args[1] : 'localhost';
  if (!['localhost', '127.0.0.1', '::1', 'unix'].includes(host)) {
    throw new Error(`Tests may not connect to ${host}`);
  }
  return (originalConnect as (...a: unknown[]) => net.Socket).apply(this, args);
};
