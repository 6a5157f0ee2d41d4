import { BlockList, isIP, isIPv4, isIPv6 } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** What the operator said about reverse proxies in front of the server (TRUSTED_PROXIES, CLIENT_ADDRESS_HEADER). */
export interface ClientAddressSettings {
  /** Addresses and networks (`10.0.0.0/8`, `2001:db8::/32`) of the proxies whose forwarding header is believed. */
  trustedProxies: readonly string[];
  /** The header those proxies add the client's address to. Default X-Forwarded-For. */
  header?: string;
}

/** The one rule every rate limit uses to tell clients apart (check-ins, peer requests, supporter sign-in). */
export interface ClientAddressRule {
  /** Null when no proxy is trusted: then only the connection's address counts. */
  trusted: BlockList | null;
  /** Lower-case header name. */
  header: string;
}

export const DEFAULT_CLIENT_ADDRESS_HEADER = 'X-Forwarded-For';

const CIDR = /^([^/]+)\/(\d{1,3})$/;

/**
 * Reads TRUSTED_PROXIES: comma-separated addresses or CIDR networks. Throws with an explanation for anything else,
 * so that a typo stops the start instead of trusting nobody (or everybody).
 */
export function parseTrustedProxies(name: string, value: string | undefined): string[] {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const cidr = CIDR.exec(entry);
    const address = cidr ? cidr[1]! : entry;
    const family = isIP(address);
    const prefix = cidr ? Number(cidr[2]) : undefined;
    if (family === 0 || (prefix !== undefined && prefix > (family === 4 ? 32 : 128))) {
      throw new Error(`${name} must list addresses or networks such as 10.0.0.5 or 10.0.0.0/8; got "${entry}"`);
    }
  }
  return entries;
}

/** The rule for these settings; without trusted proxies the header is never read, whoever sends it. */
export function clientAddressRule(settings: ClientAddressSettings | undefined): ClientAddressRule {
  const header = (settings?.header ?? DEFAULT_CLIENT_ADDRESS_HEADER).toLowerCase();
  if (!settings || settings.trustedProxies.length === 0) return { trusted: null, header };
  const trusted = new BlockList();
  for (const entry of settings.trustedProxies) {
    const cidr = CIDR.exec(entry);
    const address = cidr ? cidr[1]! : entry;
    const type = isIPv4(address) ? 'ipv4' : 'ipv6';
    if (cidr) trusted.addSubnet(address, Number(cidr[2]), type);
    else trusted.addAddress(address, type);
  }
  return { trusted, header };
}

/** An address as a proxy may write it in a forwarding header: "203.0.113.9:5123" and "[2001:db8::1]:443" lose the port. */
function hopAddress(hop: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(hop);
  if (bracketed) return bracketed[1]!;
  const v4WithPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(hop);
  return v4WithPort ? v4WithPort[1]! : hop;
}

function isTrusted(rule: ClientAddressRule, address: string): boolean {
  const family = isIP(address);
  if (!rule.trusted || family === 0) return false;
  return rule.trusted.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

function connectionAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // Not served by @hono/node-server (app.request() in a test): no socket to ask.
    return undefined;
  }
}

/**
 * Where a request comes from, for rate limits only (it is hashed at once and never stored or logged): the
 * connection's address, unless that is a proxy the operator trusts. Then the forwarding header is read from the
 * right, the end the proxy wrote, past every hop that is itself a trusted proxy; the first other address is the
 * client. Whatever a client writes into the header itself sits further left and is never reached, so it cannot
 * pick its own key.
 */
export function clientAddress(c: Context, rule: ClientAddressRule): string {
  const connection = connectionAddress(c);
  if (!connection) return 'unknown';
  let client = connection;
  if (isTrusted(rule, connection)) {
    const hops = (c.req.header(rule.header) ?? '')
      .split(',')
      .map((hop) => hopAddress(hop.trim()))
      .filter((hop) => hop !== '');
    for (let index = hops.length - 1; index >= 0; index -= 1) {
      client = hops[index]!;
      if (!isTrusted(rule, client)) break;
    }
  }
  return addressKey(client);
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
