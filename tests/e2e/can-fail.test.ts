import { beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, runCliPool } from '../helpers/run-cli.ts';

/**
 * Every check must be able to fail. Each deliberately leaky recorder config turns one protection off,
 * and the journeys it breaks must FAIL for the stated reason (and the others must not be blamed).
 */
const proofs: { config: string; cases: Record<string, RegExp[]> }[] = [
  {
    config: 'leaky-inputs',
    cases: { 'pii-form-submit': [/field #email recorded unmasked input/, /field #card-number recorded unmasked input/, /planted person › card number found/] },
  },
  { config: 'leaky-text', cases: { 'mobile-gestures': [/recorded text nodes carry unmasked text/, /planted person › full name found/] } },
  // Text stays masked under this config: the failure is the recording itself, not a planted value.
  { config: 'leaky-spa-admin', cases: { 'admin-route': [/^\d+ events recorded on \/app\/admin$/, /ingest requests sent from \/app\/admin/] } },
  { config: 'leaky-headers', cases: { 'auth-token': [/planted session › auth token found in Custom:maskproof\/network #\d+ at \S*headers\S*authorization/i] } },
  { config: 'leaky-query', cases: { 'auth-token': [/planted session › auth token found in Custom:maskproof\/network #\d+ at \S*url/] } },
  { config: 'leaky-bodies', cases: { 'auth-token': [/planted session › auth token found in Custom:maskproof\/network #\d+ at \S*body/] } },
  { config: 'leaky-cookies', cases: { 'auth-token': [/planted session › auth token found in Custom:maskproof\/network #\d+ at \S*cookies/] } },
  { config: 'leaky-errors', cases: { 'rage-click': [/planted person › full name found in Custom:maskproof\/(error|console)/] } },
  {
    config: 'no-interactions',
    cases: {
      'rage-click': [/only 0 clicks on #place-order recorded/],
      'mobile-gestures': [/tap on #tap-target not captured as TouchStart \+ TouchEnd/],
    },
  },
];

describe('each narrow misconfiguration fails the journeys it breaks', () => {
  // Each run greps only the journeys its config breaks; two run side by side (one per core).
  let runs: CliRun[] = [];
  beforeAll(async () => {
    runs = await runCliPool(proofs.map(({ config, cases }) => ['run', '--recorder', `fixtures/recorders/${config}.json`, '--seed', '7', '--', '--grep', Object.keys(cases).map((id) => `@${id}`).join('|')]));
  });

  proofs.forEach(({ config, cases }, index) => {
    it(`${config} → ${Object.keys(cases).join(', ')} FAIL`, () => {
      const run = runs[index]!;
      expect(run.status, run.stdout + run.stderr).toBe(1);
      for (const [id, reasons] of Object.entries(cases)) {
        const row = run.results?.cases.find((c) => c.id === id);
        expect(row?.status, `${id}: ${JSON.stringify(row?.reasons)}`).toBe('fail');
        for (const reason of reasons) expect(row?.reasons.some((r) => reason.test(r)), `${id} reasons ${JSON.stringify(row?.reasons)} should match ${reason}`).toBe(true);
      }
    });
  });
});

// leaky.json, which fails all five rows at once, is proven in report.test.ts (the same run checks its report).
