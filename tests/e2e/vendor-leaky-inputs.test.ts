import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, runCliPool } from '../helpers/run-cli.ts';
import { expectRow, rows } from '../helpers/vendor-rows.ts';

/**
 * Every vendor SDK, run for real in every `npm test` on its PII form row: its SDK bundled from npm,
 * its payloads intercepted and decoded, and its leaky config (typed values recorded) failing the row,
 * naming the fields. Every row under each vendor's default and leaky config, and the vendors'
 * observe-mode fixtures, are tests/e2e-vendors/ (`npm run test:vendors`), kept out of `npm test` to
 * hold CI under 15 minutes (observe mode of rrweb, Sentry and PostHog stays in tests/e2e/observe.test.ts).
 */
const vendors: { kind: string; label: string; passwordsToo?: boolean }[] = [
  { kind: 'sentry', label: 'Sentry' },
  // posthog-leaky unmasks every input, passwords too (maskAllInputs: false); the others keep passwords masked.
  { kind: 'posthog', label: 'PostHog', passwordsToo: true },
  { kind: 'datadog', label: 'Datadog' },
  { kind: 'newrelic', label: 'New Relic' },
  { kind: 'highlight', label: 'Highlight' },
  { kind: 'mixpanel', label: 'Mixpanel' },
  { kind: 'amplitude', label: 'Amplitude' },
];

const runs = new Map<string, CliRun>();
beforeAll(async () => {
  const results = await runCliPool(vendors.map(({ kind }) => ['run', '--recorder', `fixtures/recorders/${kind}-leaky.json`, '--seed', '7', '--', '--grep', '@pii-form-submit']));
  vendors.forEach(({ kind }, index) => runs.set(kind, results[index]!));
});

describe('each vendor SDK, live: its leaky config fails the PII form row on what it really sent', () => {
  for (const { kind, label, passwordsToo } of vendors) {
    it(`${kind}-leaky → pii-form-submit FAIL, the typed name recorded`, () => {
      const run = runs.get(kind)!;
      expect(run.status, run.stdout + run.stderr).toBe(1);
      expect(run.results?.recorderKind).toBe(kind);
      const row = rows(run.results)['pii-form-submit'];
      expect(row?.recorder).toBe(label);
      const password = /^field #password recorded unmasked input/;
      expectRow(row, 'fail', [/^field #full-name recorded unmasked input/, ...(passwordsToo ? [password] : [])], [...(passwordsToo ? [] : [password]), /no recorder traffic/]);
      // The harness never prints a planted value, whatever the SDK sent.
      const { canaries } = JSON.parse(readFileSync(join(run.reportDir, 'canaries.json'), 'utf8')) as { canaries: { value: string }[] };
      for (const { value } of canaries) if (value.length > 6) expect(run.stdout).not.toContain(value);
    });
  }
});
