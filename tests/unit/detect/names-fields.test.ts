import { describe, expect, it } from 'vitest';
import { scanEvents } from '../../../src/detect/index.ts';
import { el, fullSnapshot, input, network, text } from './rrweb-events.ts';

const names = (events: unknown[], canaries: { kind: 'fullName'; value: string }[] = []) => scanEvents(events, { patterns: true, canaries }).filter((f) => f.detector === 'person-name');
const inCells = (...values: string[]) => names([fullSnapshot([el('table', {}, values.map((v) => el('tr', {}, [el('td', {}, [text(v)])])))])]);

describe('person names filling a field of their own (a JSON value, a URL parameter, markup)', () => {
  it('names whose first word is no known given name, and "Surname, Given", in a URL, a JSON body and markup: found', () => {
    const found = inCells(
      'https://staging.example.com/customers?q=Wei%20Zhang&page=2',
      '{"customer":{"fullName":"Mohammed Al-Rashid","tier":"gold"}}',
      '{"value":"Garcia,\\u0020Carlos"}',
      `https://crm.example.com/search?${new URLSearchParams({ name: 'Nguyen, Thi Mai' })}#results`,
      '<tr><td>Wei Zhang</td><td>Admin</td></tr>',
    );
    expect(found).toHaveLength(5);
    expect(found.every((f) => f.redacted === '••••••')).toBe(true);
    // A parsed request body: the value is a string of its own (a cell), found as before.
    expect(names([network({ url: 'https://api.example.com/v1/users', method: 'POST', body: { name: 'Wei Zhang' } })])).toHaveLength(1);
  });

  it('clean counterpart: the same words not filling a field, JSON keys, places, companies and breeds stay quiet', () => {
    expect(
      inCells(
        'Wei Zhang and Partners LLP are hiring',
        '{"Wei Zhang":1}',
        '{"city":"San Diego","store":"Santa Clara"}',
        'https://maps.example.com/search?near=Hong%20Kong&radius=5',
        '{"location":"Austin, Texas"}',
        '{"region":"Paris, France"}',
        '{"airline":"Garuda Indonesia"}',
        '{"vendor":"Marvin Group"}',
        '{"breed":"Devon Rex"}',
        '{"place":"Victoria Falls"}',
        'https://shop.example.com/c?collection=Rose%20Gold&sort=price',
        '{"font":"Fira Sans"}',
      ),
    ).toEqual([]);
  });
});

describe('names typed into a field key by key', () => {
  const form = () => el('input', { type: 'text', name: 'city' }, []);
  const typing = (field: { id: number }, value: string) => Array.from({ length: value.length }, (_, k) => input(field.id, value.slice(0, k + 1), 1_700_000_000_100 + k));

  it('a name is reported once, when typing stops there, and also when it is then deleted', () => {
    const field = form();
    const typed = names([fullSnapshot([field]), ...typing(field, 'Maria Garcia')]);
    expect(typed).toHaveLength(1);
    const other = form();
    const deleted = names([fullSnapshot([other]), ...typing(other, 'Maria Garcia'), input(other.id, 'Maria Garci'), input(other.id, '')]);
    expect(deleted).toHaveLength(1);
  });

  it('clean counterpart: a place typed key by key is no person on the way ("Stone Harb", "Marvin Gro")', () => {
    const a = form();
    const b = form();
    expect(names([fullSnapshot([a, b]), ...typing(a, 'Stone Harbor'), ...typing(b, 'Marvin Group')])).toEqual([]);
  });
});
