/**
 * Where a webhook may send (contract: Events and webhooks): http or https, and never an
 * address inside the server's own networks, so a webhook cannot be used to reach the
 * database, a cloud metadata service or anything else only the server can see (SSRF).
 *
 * The URL is checked when the webhook is created (its host resolved, every address
 * checked) and again at every connection (`checkedLookup`), because a DNS name that
 * resolved to a public address yesterday may resolve to 127.0.0.1 today.
 * WEBHOOK_ALLOW_PRIVATE=1 lifts the address rule (local receivers, tests); the scheme
 * rule stays.
 */
import { lookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import type { Problem } from '../model/index.ts';

/** Longer URLs are refused: nobody's receiver needs one, and they end up in every listing. */
const MAX_URL_LENGTH = 2_048;

/**
 * Addresses no webhook may reach. node:net's BlockList also matches the IPv4-mapped form
 * of an IPv4 range (::ffff:10.0.0.1 is in 10.0.0.0/8), so mapped private addresses are
 * refused with their IPv4 range.
 */
const FORBIDDEN = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified (0.0.0.0 reaches the local host on Linux)
  ['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], // private (RFC 1918)
  ['100.64.0.0', 10], // carrier-grade NAT, private to a provider
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, where cloud metadata services answer
  ['192.0.0.0', 24], ['198.18.0.0', 15], // IETF protocol assignments, benchmarking
  ['224.0.0.0', 4], ['240.0.0.0', 4], // multicast, reserved and broadcast
] as const) FORBIDDEN.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], // unspecified, loopback
  ['fe80::', 10], ['fec0::', 10], // link-local, the old site-local
  ['fc00::', 7], // unique local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], ['64:ff9b:1::', 48], // NAT64: would reach any IPv4 address, private ones included
  ['::', 96], // IPv4-compatible (deprecated), ::a.b.c.d
] as const) FORBIDDEN.addSubnet(network, prefix, 'ipv6');

/** Whether `address` (an IPv4 or IPv6 literal) is one a webhook may not reach. */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: nothing to connect to
  return FORBIDDEN.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export interface AddressPolicy {
  /** WEBHOOK_ALLOW_PRIVATE=1: private, loopback and link-local addresses are allowed. */
  allowPrivate: boolean;
}

/** The host of a URL as an address literal when it is one (IPv6 without its brackets), else null. */
export function addressLiteral(url: URL): string | null {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) ? host : null;
}

/**
 * The problems of a webhook URL, with the path `url`: none when it may be used. Resolves
 * the host (every address it has) unless it is an address already. Messages never echo
 * the URL: it is the caller's own input, and may be anything.
 */
export async function urlProblems(text: string, policy: AddressPolicy): Promise<Problem[]> {
  const refuse = (message: string): Problem[] => [{ path: 'url', message }];
  if (text.length > MAX_URL_LENGTH) return refuse(`must be at most ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('must be an absolute http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse('must be an http or https URL');
  // The signature authenticates the sender; credentials in a URL would be shown by every listing.
  if (url.username !== '' || url.password !== '') return refuse('must not carry a user name or password');
  if (url.hostname === '') return refuse('must name a host');
  const literal = addressLiteral(url);
  const addresses = literal ? [literal] : await resolveAll(url.hostname);
  if (addresses === null) return refuse('its host does not resolve');
  if (!policy.allowPrivate && addresses.some(isForbiddenAddress)) {
    return refuse('must not point at a private, loopback, link-local or unspecified address (WEBHOOK_ALLOW_PRIVATE=1 allows them)');
  }
  return [];
}

function resolveAll(host: string): Promise<string[] | null> {
  return new Promise((resolve) => {
    lookup(host, { all: true, verbatim: true }, (err, found) => resolve(err || found.length === 0 ? null : found.map((a) => a.address)));
  });
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:net / node:http that resolves as dns.lookup does and refuses the
 * connection when any address the name has is forbidden: the check happens at connect
 * time, on the addresses the socket will use. (An address literal in the URL is not
 * looked up by Node at all: the sender checks those itself with isForbiddenAddress.)
 */
export function checkedLookup(hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void {
  lookup(hostname, { all: true, verbatim: true, ...(options.family ? { family: Number(options.family) || 0 } : {}) }, (err, found) => {
    if (err) return callback(err, []);
    const bad = found.find((a) => isForbiddenAddress(a.address));
    if (bad || found.length === 0) {
      const refused = Object.assign(new Error(`${hostname} resolves to an address webhooks may not reach`), { code: 'EADDRNOTALLOWED' });
      return callback(refused, []);
    }
    if (options.all) return callback(null, found);
    return callback(null, found[0]!.address, found[0]!.family);
  });
}
