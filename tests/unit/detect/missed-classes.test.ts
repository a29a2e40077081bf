import { describe, expect, it } from 'vitest';
import { scanEvents } from '../../../src/detect/index.ts';
import { isMaskedValue } from '../../../src/detect/masking.ts';
import type { Canary } from '../../../src/detect/types.ts';
import { el, fullSnapshot, text } from './rrweb-events.ts';

const canaries: Canary[] = [
  { kind: 'fullName', value: 'Merritt Flatley', label: 'full name' },
  { kind: 'card', value: '4141 3356 5145 9655', label: 'card' },
];
const scan = (events: unknown[]) => scanEvents(events, { canaries, patterns: false });

describe('text split by inline elements, with whitespace-only elements between the parts', () => {
  it('a name and a card split by elements holding only a space or a newline are found', () => {
    const name = el('p', {}, [el('b', {}, [text('Merritt')]), el('span', {}, [text(' ')]), el('b', {}, [text('Flatley')])]);
    const card = el('div', {}, [el('span', {}, [text('4141')]), text('\n  '), el('span', {}, [text('3356')]), el('i', {}, [text('\u00a0')]), el('span', {}, [text('5145')]), text(' '), el('span', {}, [text('9655')])]);
    const findings = scan([fullSnapshot([name, card])]);
    expect(findings.map((f) => [f.kind, f.encoding, f.nodeId])).toEqual([
      ['fullName', 'split', name.id],
      ['card', 'split', card.id],
    ]);
  });

  it('clean counterpart: masked text between the parts still separates them, whitespace is not masked text', () => {
    const masked = el('p', {}, [el('b', {}, [text('Merritt')]), el('span', {}, [text(' ')]), el('span', { class: 'rr-mask' }, [text('*******')]), el('b', {}, [text('Flatley')])]);
    const other = el('p', {}, [el('b', {}, [text('Merritt')]), el('span', {}, [text(' ')]), el('b', {}, [text('Flatly')])]);
    expect(scan([fullSnapshot([masked, other])])).toEqual([]);
    expect(isMaskedValue('   ', 0)).toBe(false);
    expect(isMaskedValue(' ** ', 0)).toBe(true);
  });
});

describe('a value embedded in an identifier or a file name, next to _ . -', () => {
  const cards = (value: string) => scanEvents([fullSnapshot([el('a', { href: '/files/x', download: value }, [text('Download')])])], { patterns: true }).filter((f) => f.detector === 'card');
  it('an unplanted card number in a download attribute is found whatever separator touches it', () => {
    for (const name of ['receipt_4111111111111111.pdf', 'card-4111111111111111-copy.pdf', '4111111111111111.png', 'stmt.4111111111111111_v2.txt']) {
      expect(cards(name).map((f) => f.kind), name).toEqual(['visa']);
    }
  });
  it('clean counterpart: the same digits continuing another number, or inside a word or hash, are not a card', () => {
    for (const name of ['build-2_4111111111111111.js', 'v1.4111111111111111.css', 'a4111111111111111b.js', 'x_4111111111111111_7.pdf', 'id-41111111111111112.pdf']) {
      expect(cards(name), name).toEqual([]);
    }
  });
});

describe('values in CSS custom properties of style attributes', () => {
  const found = (style: string) => scanEvents([fullSnapshot([el('div', { class: 'avatar', style }, [])])], { patterns: true }).map((f) => f.detector);
  it('an email, a card and a phone held in custom properties are found', () => {
    expect(found("--user-email: 'merritt.flatley@example.org'; color: red")).toEqual(['email']);
    expect(found('width: 10px; --card:"4111 1111 1111 1111"')).toEqual(['card']);
    expect(found("--support-phone: '+1 415-555-2671';")).toEqual(['phone']);
  });
  it('clean counterpart: ordinary style text, custom properties with colors, sizes and data: URLs stay quiet', () => {
    expect(found('--brand: #1f6feb; --gap: 1234567px; --shadow: 0 1px 2px rgba(0,0,0,.2); margin: 12px 16px 20px 24px')).toEqual([]);
    expect(found('--icon: url("data:image/svg+xml;utf8,<svg>a@b.co 4111111111111111</svg>"); --z: 2147483647')).toEqual([]);
    expect(found('background: url(/img/hero@2x.png); transform: translate(1200px, 800px)')).toEqual([]);
  });
});

describe('a planted name turned into a URL slug', () => {
  const named: Canary[] = [{ kind: 'fullName', value: 'José Müller-Brandão', label: 'full name' }];
  const findings = (href: string) => scanEvents([fullSnapshot([el('a', { href }, [text('Profile')])])], { canaries: named, patterns: false });
  it('lower-cased, accents folded, spaces to hyphens: found as a slug', () => {
    expect(findings('/team/jose-muller-brandao').map((f) => [f.kind, f.encoding])).toEqual([['fullName', 'slug']]);
    expect(findings('https://cdn.example.com/u/jose.muller-brandao/avatar@2x.png').map((f) => f.encoding)).toEqual(['slug']);
    expect(scanEvents([fullSnapshot([el('p', {}, [text('Hello José Müller-Brandão')])])], { canaries: named, patterns: false }).map((f) => f.encoding)).toEqual(['plain']);
  });
  it('clean counterpart: another slug, or the name inside longer words, is not it', () => {
    expect(findings('/team/jose-muller-branda')).toEqual([]);
    expect(findings('/team/jose-mullerbrandaos')).toEqual([]);
    expect(findings('/team/josem-muller-brandao')).toEqual([]);
  });
});
