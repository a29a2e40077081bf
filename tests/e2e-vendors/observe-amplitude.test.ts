import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CapturedRecording } from '../../src/capture/recording-capture.ts';
import { recordingOf } from '../helpers/evidence.ts';
import { runCliAsync } from '../helpers/run-cli.ts';

// Saltmarsh Florist (fixtures/observe/amplitude) ships its own @amplitude/session-replay-browser,
// bundled by its own build step: the safe build sends to Amplitude's ingest host, the leaky one
// (defaultMaskLevel 'light') through the app's own /amp-sr path (trackServerUrl), which ingest.url names.
// maskproof answers the remote config "nothing set remotely" and decodes every track request.
const dir = 'fixtures/observe/amplitude';

/**
 * The page's last change (the "Order ... placed" text) is only sent on window blur: the SDK never
 * listens to visibilitychange, and its interval splits a sequence only when a NEXT event arrives,
 * which never comes on the idle page. So its arrival proves the observe lifecycle's blur works live.
 */
function lastChangeSentOnBlur(recording: CapturedRecording): number {
  const last = recording.events.at(-1)!;
  expect(JSON.stringify(last.event)).toMatch(/Order SF-3111 placed/);
  return recording.ingests[last.ingest]!.receivedAt - last.event.timestamp;
}

describe("observe mode: the app's own Amplitude Session Replay", () => {
  it("the safe build passes on track requests it decoded, sent on the lifecycle's window blur; the leaky build ('light', through /amp-sr) fails naming the typed name", async () => {
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
    expect(checkout.ingests.some((i) => (i.metadata as { kind?: string } | undefined)?.kind === 'replay' && i.eventCount > 0)).toBe(true);
    // A full snapshot of the checkout page arrived: the pass rests on a recording, not on silence.
    expect(checkout.events.some((e) => e.event.type === 2)).toBe(true);
    // Sent on the blur, at once: well inside the 3 s bound that a page with nothing to send waits.
    const safeDelay = lastChangeSentOnBlur(checkout);
    expect(safeDelay).toBeLessThan(3_000);

    expect(leaky.status, leaky.stdout + leaky.stderr).toBe(1);
    const reasons = leaky.results!.cases[0]!.reasons.join('\n');
    expect(reasons).toContain('field #full-name recorded unmasked input');
    // 'light' still masks email and tel inputs.
    expect(reasons).not.toContain('field #email recorded unmasked input');
    expect(reasons).not.toContain('field #phone recorded unmasked input');
    const proxied = recordingOf(leaky.reportDir, 'place-an-order');
    const leakyDelay = lastChangeSentOnBlur(proxied);
    expect(leakyDelay).toBeLessThan(3_000);

    const journeyMs = (run: typeof safe) => run.results!.cases[0]!.durationMs;
    console.log(
      `observe-amplitude: safe ${safe.wallMs} ms wall (journey ${journeyMs(safe)} ms, last change sent ${safeDelay} ms after it); ` +
        `leaky ${leaky.wallMs} ms wall (journey ${journeyMs(leaky)} ms, last change sent ${leakyDelay} ms after it)`,
    );
  });
});
