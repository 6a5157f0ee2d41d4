import { isIPv4, isIPv6 } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * Where a request comes from, for rate limits only (it is hashed at once and never stored or logged). By default
 * the connection's address; behind a reverse proxy, every connection comes from the proxy, so a deployment names
 * the header the proxy sets (`CLIENT_ADDRESS_HEADER`, e.g. X-Real-IP), and its last value counts: the one the proxy
 * added (a client may send earlier ones itself).
 */
export function clientAddress(c: Context, header: string | undefined): string {
  if (header) {
    const value = c.req.header(header);
    const last = value?.split(',').at(-1)?.trim();
    return last ? addressKey(last) : 'unknown';
  }
  let address: string | undefined;
  try {
    address = getConnInfo(c).remote.address;
  } catch {
    // Not served by @hono/node-server (app.request() in a test): no socket to ask.
  }
  return address ? addressKey(address) : 'unknown';
}

/** The eight 16-bit groups of an IPv6 address, "::" expanded (an embedded IPv4 tail counts as two groups). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().split('%')[0]!;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
    text = `${text.slice(0, -v4[1]!.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::') as [string, string | undefined];
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * What identifies one client for a rate limit: an IPv4 address as it is (IPv4-mapped IPv6 included), and for IPv6
 * the /64 network, since one household or phone is given a whole /64 and can pick a new address in it at will.
 */
export function addressKey(address: string): string {
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return address.toLowerCase();
  const groups = ipv6Groups(address);
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mapped) return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}
