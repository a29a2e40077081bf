import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.ts';
import { loadJourneys, parseJourney } from '../../../src/journeys/load-journeys.ts';
import { PlaceholderValues, placeholdersIn } from '../../../src/journeys/placeholders.ts';

const journey = `name: book
steps:
  - goto: /book
  - fill: { selector: '#name', value: '{{person.fullName}}' }
  - type: { selector: '#card', value: '{{ finance.creditCardNumber }}' }
  - click: { selector: '#save', times: 6 }
  - tap: '#tap'
  - swipe: { selector: '#area', direction: left }
  - press: Enter
  - select: { selector: '#reason', option: Vaccination }
  - waitFor: { selector: '#result', attribute: { data-state: done } }
  - keyMoment: form filled
  - expect: { case: pii-form-submit, fields: ['#name', card] }
  - expect: route-risk
`;

function errorOf(text: string): string {
  try {
    parseJourney(text, 'journeys/x.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('declarative journeys', () => {
  it('parses every step, and `expect: route-risk` as the option-less expectation', () => {
    const parsed = parseJourney(journey, 'journeys/x.yaml');
    expect(parsed.steps).toHaveLength(12);
    expect(parsed.steps.at(-1)).toEqual({ expect: { case: 'route-risk' } });
    expect(parsed.steps[3]).toEqual({ click: { selector: '#save', times: 6 } });
  });

  it('parses the JSON form too', () => {
    const parsed = parseJourney(JSON.stringify({ name: 'j', steps: [{ goto: '/' }, { expect: 'route-risk' }] }), 'j.json');
    expect(parsed.name).toBe('j');
  });

  it('names the step and key of each mistake', () => {
    expect(errorOf(journey.replace('- goto:', '- goot:'))).toMatch(/unknown key "goot" at steps\.0/);
    expect(errorOf(journey.replace('times: 6', 'times: many'))).toMatch(/steps\.3\.click\.times must be integer/);
    expect(errorOf(journey.replace('direction: left', 'direction: sideways'))).toMatch(/steps\.5\.swipe\.direction must be one of "left", "right", "up", "down"/);
    expect(errorOf(journey.replace("fields: ['#name', card]", "feilds: [name]"))).toMatch(/steps\.10\.expect/);
    expect(errorOf(journey.replace('case: pii-form-submit', 'case: pii-form'))).toMatch(/steps\.10\.expect\.case must be one of/);
    expect(errorOf(journey.replace('{{person.fullName}}', '{{person.fulName}}'))).toMatch(/steps\.1\.fill: \{\{person\.fulName\}\} is not a faker method/);
    expect(errorOf('name: j\nsteps:\n  - goto: /\n')).toMatch(/no "expect" step/);
    expect(errorOf('name: j\nsteps:\n  - goto: /\n  - waitFor: { state: visible }\n  - expect: route-risk\n')).toMatch(/steps\.1\.waitFor needs "selector" or "url"/);
    expect(errorOf('name: j\nsteps: [goto: /\n')).toMatch(/not valid YAML/);
  });

  it('expands placeholders with a seeded faker: same seed, same values; same placeholder, same value', () => {
    const a = new PlaceholderValues(42, 'book');
    const b = new PlaceholderValues(42, 'book');
    const first = a.expand('{{person.fullName}} <{{internet.email}}>');
    expect(first).toBe(b.expand('{{person.fullName}} <{{internet.email}}>'));
    expect(a.expand('{{person.fullName}}')).toBe(first.split(' <')[0]);
    expect(new PlaceholderValues(43, 'book').expand('{{person.fullName}}')).not.toBe(a.expand('{{person.fullName}}'));
    expect(first).not.toMatch(/\{\{/);
  });

  it('turns every expanded value into a canary whose kind is the faker path', () => {
    const values = new PlaceholderValues(7, 'book');
    const card = values.expand('{{finance.creditCardNumber}}');
    expect(values.canaries()).toEqual([{ kind: 'finance.creditCardNumber', value: card, label: 'book › {{finance.creditCardNumber}}' }]);
    expect(placeholdersIn('{{ person.fullName }} and {{lorem.word}}')).toEqual(['person.fullName', 'lorem.word']);
  });
});

describe('the bundled journeys as declarative examples (examples/journeys)', () => {
  it('every example validates', () => {
    const dir = resolve(import.meta.dirname, '../../../examples/journeys');
    const names = loadJourneys(readdirSync(dir).map((f) => join(dir, f))).map((j) => j.name);
    expect(names.sort()).toEqual(['PII form submit', 'admin route', 'mobile view', 'rage click on an erroring button']);
  });
});
