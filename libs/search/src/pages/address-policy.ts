import { isIPv4, isIPv6 } from 'node:net';

/** Why an address may not be fetched, or null when it is a public unicast address. */
export type BlockedRange =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'unique-local'
  | 'shared'
  | 'reserved'
  | 'documentation'
  | 'multicast'
  | 'invalid';

type V4Rule = [base: number, bits: number, range: BlockedRange];

const v4 = (text: string): number =>
  text.split('.').reduce((value, part) => value * 256 + Number(part), 0);

/** IPv4 special-purpose blocks (IANA registry) that a page fetch never needs. */
const V4_RULES: V4Rule[] = (
  [
    ['0.0.0.0', 8, 'unspecified'],
    ['10.0.0.0', 8, 'private'],
    ['100.64.0.0', 10, 'shared'],
    ['127.0.0.0', 8, 'loopback'],
    ['169.254.0.0', 16, 'link-local'],
    ['172.16.0.0', 12, 'private'],
    ['192.0.0.0', 24, 'reserved'],
    ['192.0.2.0', 24, 'documentation'],
    ['192.88.99.0', 24, 'reserved'],
    ['192.168.0.0', 16, 'private'],
    ['198.18.0.0', 15, 'reserved'],
    ['198.51.100.0', 24, 'documentation'],
    ['203.0.113.0', 24, 'documentation'],
    ['224.0.0.0', 4, 'multicast'],
    ['240.0.0.0', 4, 'reserved'],
  ] as const
).map(([base, bits, range]) => [v4(base), bits, range]);

function blockedV4(value: number): BlockedRange | null {
  for (const [base, bits, range] of V4_RULES) {
    const size = 2 ** (32 - bits);
    if (value >= base && value < base + size) return range;
  }
  return null;
}

/** The eight 16-bit groups of an IPv6 address (zone id dropped, dotted tail converted). */
function groupsOf(address: string): number[] | null {
  let text = address.split('%')[0].toLowerCase();
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const value = v4(dotted[1]);
    text = `${text.slice(0, dotted.index)}${(value >>> 16).toString(16)}:${(value & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = part(tail);
  const fill = tail === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...new Array<number>(fill).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => g >= 0 && g <= 0xffff) ? groups : null;
}

const embeddedV4 = (high: number, low: number) => high * 65536 + low;

function blockedV6(g: number[]): BlockedRange | null {
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && g[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::a.b.c.d):
  // the IPv4 address inside is what a connection would reach.
  if (zeroUpTo(5) && (g[5] === 0xffff || g[5] === 0)) return blockedV4(embeddedV4(g[6], g[7]));
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) {
    return blockedV4(embeddedV4(g[6], g[7]));
  }
  // 6to4 (2002:aabb:ccdd::) carries an IPv4 address in its second and third groups.
  if (g[0] === 0x2002) return blockedV4(embeddedV4(g[1], g[2]));
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xffc0) === 0xfec0) return 'private';
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation';
  if (g[0] === 0x0100 && zeroUpTo(4)) return 'reserved';
  if (g[0] === 0x2001 && g[1] < 0x0200) return 'reserved';
  if (g[0] < 0x2000 || g[0] >= 0x4000) return 'reserved';
  return null;
}

/**
 * The range that makes `address` unfit for a page fetch (loopback, private, link-local and
 * cloud metadata, unique-local, unspecified, ... in IPv4 and IPv6, IPv4 inside IPv6
 * included), or null for a public unicast address. Anything that is not an IP is `invalid`.
 */
export function blockedRange(address: string): BlockedRange | null {
  if (isIPv4(address)) return blockedV4(v4(address));
  if (!isIPv6(address)) return 'invalid';
  const groups = groupsOf(address);
  return groups ? blockedV6(groups) : 'invalid';
}
