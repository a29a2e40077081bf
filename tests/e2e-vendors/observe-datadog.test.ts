import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingOf } from '../helpers/evidence.ts';
import { runCliAsync } from '../helpers/run-cli.ts';

// Quay Coffee (fixtures/observe/datadog) ships its own @datadog/browser-rum, bundled by its own build
// step: the safe build sends to Datadog's intake host, the leaky one (defaultPrivacyLevel allow)
// through the app's own /dd-proxy. maskproof answers every request locally and decodes it.
const dir = 'fixtures/observe/datadog';

describe("observe mode: the app's own Datadog Session Replay", () => {
  it('the safe build passes on segments it decoded; the leaky build (allow, through /dd-proxy) fails naming the typed name', async () => {
    const [safe, leaky] = await Promise.all([
      runCliAsync(['run', '--config', `${dir}/maskproof.config.ts`, '--seed', '11']),
      runCliAsync(['run', '--config', `${dir}/maskproof.leaky.config.ts`, '--seed', '11']),
    ]);
    expect(safe.status, safe.stdout + safe.stderr).toBe(0);
    expect(safe.results!.cases.map((c) => `${c.id}: ${c.status}`)).toEqual(['pii-form-submit: pass']);
    const checkout = recordingOf(safe.reportDir, 'place-an-order');
    expect(checkout.malformedPayloads).toEqual([]);
    expect(checkout.ingests.some((i) => (i.metadata as { kind?: string } | undefined)?.kind === 'replay_segment')).toBe(true);
    // A full snapshot of the checkout page arrived: the pass rests on a recording, not on silence.
    expect(checkout.events.some((e) => e.event.type === 2)).toBe(true);

    expect(leaky.status, leaky.stdout + leaky.stderr).toBe(1);
    const reasons = leaky.results!.cases[0]!.reasons.join('\n');
    expect(reasons).toContain('field #full-name recorded unmasked input');
    // Datadog masks email and tel inputs at every privacy level, allow included.
    expect(reasons).not.toContain('field #email recorded unmasked input');
    expect(reasons).not.toContain('field #phone recorded unmasked input');
  });
});
