import { describe, expect, it } from 'vitest';
import { scanEvents } from '../../../src/detect/index.ts';
import { el, fullSnapshot, input, text } from './rrweb-events.ts';

const found = (body: Parameters<typeof fullSnapshot>[0], detector: string) =>
  scanEvents([fullSnapshot(body)], { patterns: true })
    .filter((f) => f.detector === detector)
    .map((f) => f.redacted);
const cell = (value: string) => el('td', {}, [text(value)]);
const row = (...values: string[]) => el('tr', {}, values.map(cell));

describe('person names nobody planted (a staging database in an admin table)', () => {
  it('names in table cells and in sentences are found, never printed in full', () => {
    const table = el('table', {}, [row('Maria Garcia', 'Admin'), row('Nguyen, Thi Mai', 'Viewer'), row("Liam O'Connor", 'Owner'), row('Emma de Vries', 'Editor')]);
    const line = el('p', {}, [text('Signed in as Priya Nair · last seen 3 min ago')]);
    const names = found([table, line], 'person-name');
    expect(names).toHaveLength(5);
    expect(names.every((r) => r === '••••••')).toBe(true);
  });

  it('a name split by inline elements is found as a reader sees it', () => {
    const findings = scanEvents([fullSnapshot([el('td', {}, [el('b', {}, [text('Hans')]), text(' '), el('span', {}, [text('Müller')])])])], { patterns: true });
    expect(findings.map((f) => [f.detector, f.encoding])).toEqual([['person-name', 'split']]);
  });

  it('clean counterpart: UI text (headings, buttons, filters, colours, product names) stays quiet', () => {
    const ui = ['Order Summary', 'Add to Cart', 'Max Price', 'Rose Gold', 'Hunter Green', 'Grant Access', 'Mark as Read', 'Summer Sale', 'Customer Service', 'Sign In With Google', 'Chelsea Boot', 'Getting Started', 'Release Notes'];
    expect(found([el('nav', {}, ui.map((u) => el('button', {}, [text(u)])))], 'person-name')).toEqual([]);
    expect(found([el('table', {}, ui.map((u) => row(u)))], 'person-name')).toEqual([]);
  });
});

describe('street addresses', () => {
  it('English, German, Dutch, French and Southern European addresses are found', () => {
    const addresses = ['Ship to: 221B Baker Street, London', '1600 Amphitheatre Parkway', '12 Elm Court, Springfield', 'Hauptstraße 12', 'Keizersgracht 123', '12 rue de la Paix', 'Calle Mayor 12', 'Via Roma, 10'];
    expect(found([el('table', {}, addresses.map((a) => row(a)))], 'street-address')).toHaveLength(addresses.length);
  });

  it('clean counterpart: numbers next to capitalised words in UI text are not addresses', () => {
    const ui = ['Save 20 Percent Off Court Shoes', 'Step 2 Place Order', 'Top 10 Park Rides', '4 Star Hotel', 'Version 2 Road Map', 'Gate 3 Terminal B'];
    expect(found([el('ul', {}, ui.map((u) => el('li', {}, [text(u)])))], 'street-address')).toEqual([]);
  });
});

describe('engine classes the leak corpus measured', () => {
  const scan = (body: Parameters<typeof fullSnapshot>[0]) => scanEvents([fullSnapshot(body)], { patterns: true });
  it('a value base64-encoded in an attribute is found; a value inside one inline piece is reported once', () => {
    const b64 = el('div', { 'data-state': `s=${Buffer.from('{"email":"jane.doe@gmail.com"}').toString('base64')}` }, []);
    const once = el('p', {}, [text('Contact: '), el('b', {}, [text('jane.doe@gmail.com')]), text(' today')]);
    expect(scan([b64]).map((f) => [f.detector, f.encoding])).toEqual([['email', 'base64']]);
    expect(scan([once]).map((f) => [f.detector, f.encoding])).toEqual([['email', 'plain']]);
  });
  it('a card grouped with no-break spaces and a German mobile with a 7-digit group are found', () => {
    const findings = scan([el('td', {}, [text('4111\u00a01111\u00a01111\u00a01111')]), el('td', {}, [text('+49 1512 3456789')])]);
    expect(findings.map((f) => f.detector)).toEqual(['card', 'phone']);
  });
  it('clean counterpart: hashes, ids and base64 images decode to bytes and stay quiet', () => {
    const quiet = el('div', { 'data-sha': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'data-id': 'prj_8f3kQz91LmVx0aTq', title: 'dXNlcl9hY3Rpdml0eQ' }, [el('img', { src: `data:image/png;base64,${Buffer.from([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13]).toString('base64')}` }, [])]);
    expect(scan([quiet])).toEqual([]);
  });
});

describe('split text and canaries', () => {
  it('a planted name split by inline elements is one canary finding, not also a person-name; an unplanted one is a person-name', () => {
    const split = (a: string, b: string) => el('td', {}, [el('b', {}, [text(a)]), text(' '), el('span', {}, [text(b)])]);
    const findings = scanEvents([fullSnapshot([split('Maria', 'Garcia'), split('Hans', 'Müller')])], { patterns: true, canaries: [{ kind: 'fullName', value: 'Maria Garcia' }] });
    expect(findings.map((f) => [f.detector, f.encoding]).sort()).toEqual([['canary', 'split'], ['person-name', 'split']]);
  });
});

describe('a planted name typed key by key', () => {
  const typing = ['O', 'Od', 'Odie', 'Odie B', 'Odie Ba', 'Odie Bar', 'Odie Bart', 'Odie Bartoletti'];
  const events = [fullSnapshot([el('input', { id: 'name' }, [])]), ...typing.map((value, i) => input(5, value, 1_700_000_000_100 + i))];

  it('its prefixes are the planted value on its way, not unplanted names: one canary finding, no person-name', () => {
    const findings = scanEvents(events, { patterns: true, canaries: [{ kind: 'name', value: 'Odie Bartoletti', label: 'person › full name' }] });
    expect(findings.filter((f) => f.detector === 'person-name')).toEqual([]);
    expect(findings.filter((f) => f.detector === 'canary')).toHaveLength(1);
  });

  it('leak counterpart: without the canary the typed name is unplanted personal data', () => {
    expect(scanEvents(events, { patterns: true }).filter((f) => f.detector === 'person-name').length).toBeGreaterThan(0);
  });
});
