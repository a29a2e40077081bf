import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingOf } from '../helpers/evidence.ts';
import { runCliAsync } from '../helpers/run-cli.ts';

// Quayside Prints (fixtures/observe/newrelic) ships its own @newrelic/browser-agent with session
// replay, bundled by its own build step; maskproof answers its RUM call with the replay flags and
// decodes what its agent sends, to New Relic's beacon (safe build) or its own /nr proxy (leaky build).
const dir = 'fixtures/observe/newrelic';

describe("observe mode: the app's own New Relic browser agent", () => {
  it('the safe build (agent defaults, to the beacon) passes on the replay it decoded; the leaky build (masking off, through /nr) fails naming every field', async () => {
    const [safe, leaky] = await Promise.all([
      runCliAsync(['run', '--config', `${dir}/maskproof.config.ts`, '--seed', '11']),
      runCliAsync(['run', '--config', `${dir}/maskproof.leaky.config.ts`, '--seed', '11']),
    ]);
    expect(safe.status, safe.stdout + safe.stderr).toBe(0);
    expect(safe.results!.cases.map((c) => `${c.id}: ${c.status}`)).toEqual(['pii-form-submit: pass']);
    const checkout = recordingOf(safe.reportDir, 'place-an-order');
    expect(checkout.malformedPayloads).toEqual([]);
    // A full snapshot of the checkout page arrived in a SessionReplay blob: the pass rests on a recording.
    expect(checkout.ingests.some((i) => (i.metadata as { kind?: string } | undefined)?.kind === 'SessionReplay' && i.eventCount > 0)).toBe(true);
    expect(checkout.events.some((e) => e.event.type === 2)).toBe(true);

    expect(leaky.status, leaky.stdout + leaky.stderr).toBe(1);
    const reasons = leaky.results!.cases[0]!.reasons.join('\n');
    for (const field of ['full-name', 'email', 'phone']) expect(reasons).toContain(`field #${field} recorded unmasked input`);
  }, 300_000);
});
