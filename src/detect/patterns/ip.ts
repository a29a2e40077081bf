import ipaddr from 'ipaddr.js';
import type { PatternHit } from './pattern-hit.ts';

/** Dotted quads, not inside a longer dotted run ("1.2.3.4.5", "v10.1.2.3") or a word. */
const IPV4 = /(?<![\w.@-]|\d\.)(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\w]|\.\d)/g;
/** Eight hex groups, or fewer around one "::"; not inside a word or a longer colon run (times, CSS "::"). */
const IPV6 = /(?<![\w:.])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![\w:])|(?<![\w:.])(?:[0-9A-Fa-f]{1,4}:){1,6}(?::[0-9A-Fa-f]{1,4}){1,6}(?![\w:])/g;

const isDigit = (code: number) => code >= 48 && code <= 57;
const isHex = (code: number) => isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);

/** What a candidate has somewhere, by indexOf (a regex would cost as much as the detector): digit.digit, hex:hex or "::". */
function maybe(text: string, separator: string, around: (code: number) => boolean): boolean {
  for (let i = text.indexOf(separator, 1); i >= 0; i = text.indexOf(separator, i + 1)) {
    const after = text.charCodeAt(i + 1);
    if (around(text.charCodeAt(i - 1)) && (around(after) || (separator === ':' && after === 58))) return true;
  }
  return false;
}

/**
 * A public address points at a subscriber (GDPR recital 30 counts it as personal data). Private,
 * loopback, link-local, carrier-grade NAT, multicast, reserved and the documentation ranges
 * (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) name no person: a recording full
 * of 10.0.0.12 or ::1 is an app talking to its own infrastructure, not a leak.
 */
const PUBLIC_V4 = 'unicast';
const PUBLIC_V6 = 'unicast';
const DOCS_V4 = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'].map((cidr) => ipaddr.IPv4.parseCIDR(cidr));

export function publicIpv4(text: string): boolean {
  const address = ipaddr.IPv4.parse(text);
  if (address.range() !== PUBLIC_V4 || DOCS_V4.some((cidr) => address.match(cidr))) return false;
  // "1.2.3.4", "2.0.0.1": version numbers far more often than an address; a real one has a 2-digit part.
  return address.octets.some((octet) => octet >= 10);
}

export function publicIpv6(text: string): boolean {
  if (!ipaddr.IPv6.isValid(text)) return false;
  const address = ipaddr.IPv6.parse(text);
  // Global unicast is 2000::/3; ipaddr names the documentation prefix 'reserved'.
  return address.range() === PUBLIC_V6 && (address.parts[0]! & 0xe000) === 0x2000;
}

/** IP addresses, v4 and v6. Precision: a valid address in public unicast space, documentation ranges excluded. */
export function findIps(text: string, out: PatternHit[]): void {
  if (maybe(text, '.', isDigit)) {
    IPV4.lastIndex = 0;
    for (let match = IPV4.exec(text); match; match = IPV4.exec(text)) {
      if (!publicIpv4(match[0])) continue;
      out.push({ detector: 'ip', kind: 'ipv4', value: match[0], start: match.index, end: match.index + match[0].length });
    }
  }
  if (maybe(text, ':', isHex) || text.startsWith('::')) {
    IPV6.lastIndex = 0;
    for (let match = IPV6.exec(text); match; match = IPV6.exec(text)) {
      if (!publicIpv6(match[0])) continue;
      out.push({ detector: 'ip', kind: 'ipv6', value: match[0], start: match.index, end: match.index + match[0].length });
    }
  }
}
