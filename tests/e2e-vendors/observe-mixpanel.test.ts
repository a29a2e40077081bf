import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CapturedRecording } from '../../src/capture/recording-capture.ts';
import { recordingOf } from '../helpers/evidence.ts';
import { runCliAsync } from '../helpers/run-cli.ts';

// Tidewater Bakery (fixtures/observe/mixpanel) ships its own mixpanel-browser with Session Replay,
// bundled by its own build step: the safe build posts to Mixpanel's API host, the leaky one
// (record_mask_all_inputs/text false) through the app's own reverse proxy /mp, which keeps the
// /record/ route. maskproof answers every request locally and decodes it.
const dir = 'fixtures/observe/mixpanel';

/** How long after the last recorded event its /record request arrived: the SDK sends only on its 10 s timer. */
function sendDelayMs(recording: CapturedRecording): number {
  const last = recording.events.at(-1)!;
  return recording.ingests[last.ingest]!.receivedAt - last.event.timestamp;
}

describe("observe mode: the app's own Mixpanel Session Replay", () => {
  it('the safe build passes on /record batches it decoded; the leaky build (masking off, through /mp) fails naming the typed name', async () => {
    const started = Date.now();
    const timed = async (config: string) => {
      const run = await runCliAsync(['run', '--config', `${dir}/${config}`, '--seed', '11']);
      return { ...run, wallMs: Date.now() - started };
    };
    const [safe, leaky] = await Promise.all([timed('maskproof.config.ts'), timed('maskproof.leaky.config.ts')]);
    expect(safe.status, safe.stdout + safe.stderr).toBe(0);
    expect(safe.results!.cases.map((c) => `${c.id}: ${c.status}`)).toEqual(['pii-form-submit: pass']);
    const checkout = recordingOf(safe.reportDir, 'place-an-order');
    expect(checkout.malformedPayloads).toEqual([]);
    expect(checkout.ingests.some((i) => (i.metadata as { kind?: string } | undefined)?.kind === 'record' && i.eventCount > 0)).toBe(true);
    // A full snapshot of the checkout page arrived: the pass rests on a recording, not on silence.
    expect(checkout.events.some((e) => e.event.type === 2)).toBe(true);

    expect(leaky.status, leaky.stdout + leaky.stderr).toBe(1);
    const reasons = leaky.results!.cases[0]!.reasons.join('\n');
    expect(reasons).toContain('field #full-name recorded unmasked input');
    // mixpanel-browser masks email and tel inputs whatever the options say.
    expect(reasons).not.toContain('field #email recorded unmasked input');
    expect(reasons).not.toContain('field #phone recorded unmasked input');
    // The leaky build's batches came through the app's proxy path, matched without ingest.url.
    const proxied = recordingOf(leaky.reportDir, 'place-an-order');
    expect(proxied.ingests.map((i) => (i.metadata as { payload?: { $current_url?: string } }).payload?.$current_url)).toContain(`${leaky.results!.appUrl}/checkout`);

    const journeyMs = (run: typeof safe) => run.results!.cases[0]!.durationMs;
    console.log(
      `observe-mixpanel: safe ${safe.wallMs} ms wall (journey ${journeyMs(safe)} ms, /record ${sendDelayMs(checkout)} ms after the last event); ` +
        `leaky ${leaky.wallMs} ms wall (journey ${journeyMs(leaky)} ms, /record ${sendDelayMs(proxied)} ms after the last event)`,
    );
  });
});
