import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordingOf } from '../helpers/evidence.ts';
import { runCliAsync } from '../helpers/run-cli.ts';

// Copper Kettle (fixtures/observe/highlight) ships its own highlight.run, bundled by its own build
// step, with backendUrl on its own path (/highlight) and spans to otel.highlight.io; maskproof answers
// initializeSession locally and decodes every push. The safe and the leaky build differ by one option.
const dir = 'fixtures/observe/highlight';
const rows = (run: Awaited<ReturnType<typeof runCliAsync>>) => run.results!.cases.map((c) => `${c.journey} › ${c.id}: ${c.status}`).sort();

describe("observe mode: the app's own Highlight", () => {
  it("the safe build (privacySetting 'default') passes on pushes it decoded; the leaky build ('none') fails naming every field", async () => {
    const [safe, leaky] = await Promise.all([
      runCliAsync(['run', '--config', `${dir}/maskproof.config.ts`, '--seed', '11']),
      runCliAsync(['run', '--config', `${dir}/maskproof.leaky.config.ts`, '--seed', '11']),
    ]);
    expect(safe.status, safe.stdout + safe.stderr).toBe(0);
    expect(rows(safe)).toEqual(['place an order › pii-form-submit: pass']);
    const checkout = recordingOf(safe.reportDir, 'place-an-order');
    expect(checkout.malformedPayloads).toEqual([]);
    expect(checkout.ingests.some((i) => (i.metadata as { kind?: string } | undefined)?.kind === 'push')).toBe(true);
    // A full snapshot of the checkout page arrived: the pass rests on a recording, not on silence.
    expect(checkout.events.some((e) => e.event.type === 2)).toBe(true);

    expect(leaky.status, leaky.stdout + leaky.stderr).toBe(1);
    expect(rows(leaky)).toEqual(['place an order › pii-form-submit: fail']);
    const reasons = leaky.results!.cases[0]!.reasons.join('\n');
    for (const field of ['full-name', 'email', 'phone']) expect(reasons).toContain(`field #${field} recorded unmasked input`);
  });
});
