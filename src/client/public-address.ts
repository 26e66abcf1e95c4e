import { lookup as lookupCallback, promises as dns, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Addresses a download made for a Zap must never reach: whatever a link names, the request
 * leaves from Zapier's servers, so a link (or a redirect) to one of these would read Zapier's
 * own network or cloud metadata and hand it to the Zap as a file.
 */
const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 included
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT (Alibaba's metadata 100.100.100.200 is in it)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local: AWS/GCP/Azure metadata 169.254.169.254, ECS 169.254.170.2
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments (Oracle's metadata 192.0.0.192)
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, 255.255.255.255 included
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv4');
}
INTERNAL.addAddress('168.63.129.16', 'ipv4'); // Azure's host endpoint (a public address)
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible addresses
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local (AWS's IPv6 metadata fd00:ec2::254)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  INTERNAL.addSubnet(network, prefix, 'ipv6');
}

/** Prefixes that carry an IPv4 address in their last 32 bits (IPv4-mapped ones are in BlockList). */
const EMBEDDING_IPV4 = new BlockList();
EMBEDDING_IPV4.addSubnet('64:ff9b::', 96, 'ipv6'); // NAT64
EMBEDDING_IPV4.addSubnet('64:ff9b:1::', 48, 'ipv6'); // local-use NAT64

/** Host names that only ever mean a machine inside (RFC 6761, RFC 6762, cloud metadata). */
const INTERNAL_NAME = /(^|\.)(localhost|local|internal|localdomain|home\.arpa)$/i;

/** Whether an IP address (v4 or v6, IPv4-mapped and NAT64 included) is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !INTERNAL.check(address, 'ipv4');
  if (family !== 6) return false;
  if (INTERNAL.check(address, 'ipv6')) return false;
  if (EMBEDDING_IPV4.check(address, 'ipv6')) return isPublicAddress(embeddedIpv4(address));
  return true;
}

/** The IPv4 address in the last 32 bits of an IPv6 address. */
function embeddedIpv4(address: string): string {
  const groups = expandIpv6(address);
  const high = groups[6] ?? 0;
  const low = groups[7] ?? 0;
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/** The 8 groups of an IPv6 address, a dotted IPv4 tail and `::` expanded. */
function expandIpv6(address: string): number[] {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(address);
  const text = dotted
    ? address.replace(
        dotted[0],
        `${((Number(dotted[1]) << 8) | Number(dotted[2])).toString(16)}:${((Number(dotted[3]) << 8) | Number(dotted[4])).toString(16)}`,
      )
    : address;
  const [head = '', tail] = text.split('::');
  const part = (piece: string) =>
    piece ? piece.split(':').map((group) => parseInt(group, 16)) : [];
  const before = part(head);
  const after = tail === undefined ? [] : part(tail);
  return [...before, ...new Array<number>(8 - before.length - after.length).fill(0), ...after];
}

/** A URL's host as an IP address or name, IPv6 brackets removed. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/**
 * Whether a host is named or written as an internal one, without asking DNS: an IP literal
 * that is not public, or a name such as `localhost` or `metadata.google.internal`.
 */
export function isInternalHostLiteral(host: string): boolean {
  if (isIP(host)) return !isPublicAddress(host);
  return INTERNAL_NAME.test(host.replace(/\.$/, ''));
}

/** Why a host may not be reached, or nothing when every address it resolves to is public. */
export type HostRefusal = { refused: 'internal' } | { refused: 'unresolved'; code: string };

/** Resolves a host with every address it has: one internal address refuses the host. */
export async function checkPublicHost(host: string): Promise<HostRefusal | undefined> {
  if (isInternalHostLiteral(host)) return { refused: 'internal' };
  if (isIP(host)) return undefined;
  let addresses: LookupAddress[];
  try {
    addresses = await dns.lookup(host, { all: true, verbatim: true });
  } catch (error) {
    return { refused: 'unresolved', code: errorCode(error) };
  }
  if (!addresses.length) return { refused: 'unresolved', code: 'ENOTFOUND' };
  return addresses.every(({ address }) => isPublicAddress(address))
    ? undefined
    : { refused: 'internal' };
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'ENOTFOUND';
}

/** The error a connection gets when the address it would use is internal. */
export class InternalAddressError extends Error {
  readonly code = 'EINTERNALADDRESS';
  constructor(host: string) {
    super(`${host} resolves to an internal address`);
    this.name = 'InternalAddressError';
  }
}

/**
 * `lookup` for an http(s) Agent: the socket connects only to addresses checked here, at
 * connection time, so a name that resolved to a public address for `checkPublicHost` and to an
 * internal one a moment later (DNS rebinding) is still refused.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookupCallback(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
    if (error) return callback(error, []);
    if (!addresses.length || !addresses.every(({ address }) => isPublicAddress(address))) {
      return callback(new InternalAddressError(hostname), []);
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    return callback(null, first?.address ?? '', first?.family);
  });
};
