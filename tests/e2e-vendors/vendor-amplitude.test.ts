import { describe, expect, it } from 'vitest';
import { expectRow, rows, runDefaultAndLeaky } from '../helpers/vendor-rows.ts';

/**
 * Amplitude Session Replay (standalone @amplitude/session-replay-browser 1.51.6) through the five
 * journeys: with the defaults its code ships, and with a leaky config whose CODE is the strictest
 * level ('conservative') while the project's REMOTE config, which the harness serves from the
 * recorder config and which the SDK joins over its code, says 'light' and turns console and network
 * logging on. The code half alone (amplitude-conservative.json) sends nothing typed: measured on a
 * real capture in tests/unit/observe/observe-mixpanel-amplitude-scan.test.ts ("the remote config is the
 * leak"), kept out of this file so that it runs two configs, not three.
 */
const noRouteOption = /^Amplitude Session Replay has no option to leave routes unrecorded/;

describe('Amplitude Session Replay (@amplitude/session-replay-browser)', () => {
  it("amplitude-default masks inputs but records page text ('medium'); amplitude-leaky fails every row through its remote config", async () => {
    const [defaults, leaky] = await runDefaultAndLeaky('amplitude');

    expect(defaults.status, defaults.stdout + defaults.stderr).toBe(1);
    expect(defaults.results?.recorderKind).toBe('amplitude');
    const row = rows(defaults.results);
    expect(Object.values(row).map((c) => c.recorder)).toEqual(['Amplitude', 'Amplitude', 'Amplitude', 'Amplitude', 'Amplitude']);
    // Every field masked; the name the page echoes back is text, which 'medium' records as shown.
    expectRow(row['pii-form-submit'], 'fail', [/^planted person › full name found in IncrementalSnapshot:Mutation/], [/recorded unmasked input/, /not in the recording/]);
    expectRow(row['admin-route'], 'fail', [noRouteOption, /^planted admin table › user \d name found/]);
    // Network logging only through the remote config, which says nothing here.
    expectRow(row['auth-token'], 'inapplicable', [/turns network recording off/]);
    expectRow(row['rage-click'], 'fail', [/does not record errors/, /^planted person › full name found in FullSnapshot/]);
    expectRow(row['mobile-gestures'], 'fail', [/recorded text nodes carry unmasked text/], [/not captured/]);

    expect(leaky.status, leaky.stdout + leaky.stderr).toBe(1);
    const bad = rows(leaky.results);
    // 'light' masks by type only: the card field (no autocomplete="cc-…") is recorded as typed, unlike the docs' "credit card numbers".
    expectRow(bad['pii-form-submit'], 'fail', [/^field #full-name recorded unmasked input/, /^field #card-number recorded unmasked input/], [/^field #password recorded unmasked/]);
    expectRow(bad['admin-route'], 'fail', [noRouteOption, /^planted admin table › user \d name found/]);
    expectRow(bad['auth-token'], 'fail', [/^planted session › auth token found in Custom:fetch-request/]);
    expectRow(bad['rage-click'], 'fail', [/^planted person › full name found/], [/does not record errors/]);
    expect(bad['rage-click']!.details.errorsRecorded).toBeGreaterThan(0);
    expectRow(bad['mobile-gestures'], 'fail', [/recorded text nodes carry unmasked text/]);
    const settings = JSON.stringify(leaky.results);
    expect(settings).toContain("'light' (remote config, overriding the code's 'conservative')");
  });
});
