import { keccak_256 } from '@noble/hashes/sha3.js';
import { Network, validate as validBitcoinAddress } from 'bitcoin-address-validation';
import type { PatternHit } from './pattern-hit.ts';
import { looksRandom } from './tokens.ts';

/** Bitcoin: legacy/P2SH base58 (1…, 3…) or bech32/bech32m segwit (bc1…). */
const BTC = /(?<![A-Za-z0-9])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![A-Za-z0-9])/g;
const BTC_SEGWIT = /(?<![A-Za-z0-9])(?:bc1[02-9ac-hj-np-z]{11,71}|BC1[02-9AC-HJ-NP-Z]{11,71})(?![A-Za-z0-9])/g;
/** Ethereum (and EVM chains): 0x and 40 hex digits, nothing hex-like after (a 64-hex hash is not an address). */
const ETH = /(?<![A-Za-z0-9])0x[0-9a-fA-F]{40}(?![A-Za-z0-9])/g;

/** EIP-55: a mixed-case address upper-cases each letter whose nibble of keccak256(lower-case hex) is >= 8. */
export function eip55Valid(address: string): boolean {
  const hex = address.slice(2);
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) return true;
  const hash = keccak_256(new TextEncoder().encode(hex.toLowerCase()));
  for (let i = 0; i < 40; i++) {
    const c = hex[i]!;
    if (c >= '0' && c <= '9') continue;
    const nibble = (hash[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 15;
    if ((nibble >= 8) !== (c === c.toUpperCase())) return false;
  }
  return true;
}

function findBitcoin(text: string, pattern: RegExp, out: PatternHit[]): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (!validBitcoinAddress(match[0], Network.mainnet)) continue;
    out.push({ detector: 'crypto', kind: 'bitcoin-address', value: match[0], start: match.index, end: match.index + match[0].length });
  }
}

/**
 * Crypto wallet addresses. Precision: bitcoin mainnet addresses whose base58check or bech32 checksum
 * holds (bitcoin-address-validation); ethereum addresses with a valid EIP-55 checksum when mixed case,
 * random-looking when not (the zero and burn addresses are no one's).
 */
export function findCryptoAddresses(text: string, out: PatternHit[]): void {
  findBitcoin(text, BTC, out);
  if (text.includes('bc1') || text.includes('BC1')) findBitcoin(text, BTC_SEGWIT, out);
  if (!text.includes('0x')) return;
  ETH.lastIndex = 0;
  for (let match = ETH.exec(text); match; match = ETH.exec(text)) {
    if (!eip55Valid(match[0]) || !looksRandom(match[0].slice(2))) continue;
    out.push({ detector: 'crypto', kind: 'ethereum-address', value: match[0], start: match.index, end: match.index + match[0].length });
  }
}
