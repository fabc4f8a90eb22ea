import dns from 'node:dns';
import net from 'node:net';
import { badRequest } from '../../../platform/errors.ts';

// The guard against server-side request forgery: a webhook may not reach loopback, private, link-local
// (cloud metadata), unique-local, multicast or unspecified addresses — nor a host name resolving to one —
// unless an admin allow-list names the host or the network. Checked when the URL is saved and again at
// connect time (the `lookup` given to http.request), so a DNS answer that changes later cannot slip past.

const blocked = new net.BlockList();
for (const [net4, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net4, prefix, 'ipv4');
for (const [net6, prefix] of [
  ['::', 96], // unspecified, ::1 and the deprecated IPv4-compatible form
  ['64:ff9b::', 96], // NAT64 of any IPv4 address
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(net6, prefix, 'ipv6');

export interface ResolvedAddress {
  address: string;
  family: number;
}
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = (host) => dns.promises.lookup(host, { all: true, verbatim: true });
let resolver: Resolver = systemResolver;

/** Tests put a fake DNS here (a host that resolves elsewhere after the webhook was saved); null restores. */
export function setWebhookResolver(fn: Resolver | null): void {
  resolver = fn ?? systemResolver;
}

/** An allow-list: exact host names, and addresses or networks (CIDR). */
export class AllowList {
  readonly hosts = new Set<string>();
  readonly nets = new net.BlockList();

  constructor(entries: string[]) {
    for (const raw of entries) {
      const entry = raw.replace(/^\[|\]$/g, '').toLowerCase();
      const [addr, bits] = entry.split('/');
      const family = net.isIP(addr);
      if (family === 0) this.hosts.add(entry);
      else if (bits === undefined) this.nets.addAddress(addr, family === 4 ? 'ipv4' : 'ipv6');
      else if (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128))
        this.nets.addSubnet(addr, Number(bits), family === 4 ? 'ipv4' : 'ipv6');
    }
  }

  allowsHost(host: string): boolean {
    return this.hosts.has(host.toLowerCase());
  }

  allowsAddress(address: string): boolean {
    const family = net.isIP(address) === 4 ? 'ipv4' : 'ipv6';
    return this.nets.check(address, family);
  }
}

/** `::ffff:7f00:1` and `::ffff:127.0.0.1` are 127.0.0.1: an IPv4-mapped address is judged as IPv4. */
function unmap(address: string): string {
  const lower = address.toLowerCase();
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const hi = Number.parseInt(hex[1], 16);
    const lo = Number.parseInt(hex[2], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return lower;
}

/** Why this address may not be reached (null: it may). */
export function blockedAddress(address: string, allow: AllowList): string | null {
  const plain = unmap(address);
  const family = net.isIP(plain);
  if (family === 0) return `not an IP address: ${address}`;
  if (allow.allowsAddress(plain)) return null;
  if (blocked.check(plain, family === 4 ? 'ipv4' : 'ipv6'))
    return `${address} is a loopback, private, link-local or reserved address`;
  return null;
}

/** The host of a URL without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

/** Scheme and shape of a webhook URL: http(s), no credentials, a host. Throws 400 `webhook.url_invalid`. */
export function parseWebhookUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw badRequest('webhook.url_invalid', 'The webhook URL is not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw badRequest('webhook.url_invalid', 'A webhook URL must use http or https');
  if (url.username || url.password)
    throw badRequest('webhook.url_invalid', 'A webhook URL may not carry a user name or password');
  if (!hostOf(url)) throw badRequest('webhook.url_invalid', 'The webhook URL has no host');
  return url;
}

/**
 * Save-time check: the URL's host, or each address it resolves to now, must be reachable. A name that does
 * not resolve yet is accepted (delivery will check again at connect time). Throws 400 `webhook.url_blocked`.
 */
export async function assertWebhookTarget(text: string, allow: AllowList): Promise<URL> {
  const url = parseWebhookUrl(text);
  const host = hostOf(url);
  if (allow.allowsHost(host)) return url;
  let addresses: string[] = [];
  if (net.isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await resolver(host)).map((a) => a.address);
    } catch {
      addresses = [];
    }
  }
  for (const address of addresses) {
    const why = blockedAddress(address, allow);
    if (why)
      throw badRequest('webhook.url_blocked', `The webhook URL may not point at ${host}: ${why}`, {
        host,
        address,
      });
  }
  return url;
}

/** The connect-time error: the delivery fails (and is retried) without sending anything. */
export class BlockedTargetError extends Error {
  readonly code = 'webhook.url_blocked';
}

/** Checks an IP-literal host before connecting (http.request calls no lookup for literals). */
export function assertLiteralAllowed(host: string, allow: AllowList): void {
  if (!net.isIP(host) || allow.allowsHost(host)) return;
  const why = blockedAddress(host, allow);
  if (why) throw new BlockedTargetError(why);
}

/** A `lookup` for http.request that resolves through the guard: every address must be allowed. */
export function guardedLookup(allow: AllowList): net.LookupFunction {
  return ((hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    const allowedByName = allow.allowsHost(hostname);
    resolver(hostname)
      .then((found) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
        const list = wanted ? found.filter((a) => a.family === wanted) : found;
        if (list.length === 0)
          throw Object.assign(new Error(`${hostname} does not resolve`), { code: 'ENOTFOUND' });
        if (!allowedByName)
          for (const a of list) {
            const why = blockedAddress(a.address, allow);
            if (why) throw new BlockedTargetError(`${hostname} resolves to ${why}`);
          }
        if (options.all) callback(null, list);
        else callback(null, list[0].address, list[0].family);
      })
      .catch((error) => callback(error));
  }) as unknown as net.LookupFunction;
}
