import { describe, expect, it } from 'vitest';
import { expectRow, rows, runDefaultAndLeaky } from '../helpers/vendor-rows.ts';

/**
 * Highlight (highlight.run 10.7.5) through the five journeys, with the defaults its code ships and
 * with the documented leaky config, run side by side. What is checked is what the SDK really sent
 * (its worker's GraphQL pushes and its OTLP exports), intercepted on a made-up host and decoded.
 */
const noRouteOption = /^Highlight has no option to leave routes unrecorded/;

describe('Highlight (highlight.run)', () => {
  it("highlight-default masks inputs but records every text no regex matches, and full request URLs; highlight-leaky fails every row", async () => {
    const [defaults, leaky] = await runDefaultAndLeaky('highlight');

    expect(defaults.status, defaults.stdout + defaults.stderr).toBe(1);
    expect(defaults.results?.recorderKind).toBe('highlight');
    const row = rows(defaults.results);
    expect(Object.values(row).map((c) => c.recorder)).toEqual(['Highlight', 'Highlight', 'Highlight', 'Highlight', 'Highlight']);
    // 'default' masks every input: the typed form is not in what Highlight sent.
    expectRow(row['pii-form-submit'], 'pass');
    // A name matches none of the 7 regexes: the admin table's names are recorded, and no option blocks the route.
    expectRow(row['admin-route'], 'fail', [noRouteOption, /^planted admin table › user \d name found in (FullSnapshot|IncrementalSnapshot)/]);
    // Network recording is on by default: the resource timings carry the full URL, ?token= included.
    expectRow(row['auth-token'], 'fail', [/^planted session › auth token found in Custom:highlight\/push .* at data\.payload\.payload\.resources\[\d+\]\.name/], [/was not recorded/, /never sent/]);
    // The clicks and the thrown error are recorded (the error in the push's errors); the signed-in name is text.
    expectRow(row['rage-click'], 'fail', [/^planted person › full name found/], [/error thrown by the button was not recorded/, /is not in the recording/]);
    expect(row['rage-click']!.details.errorShapes).toContain('highlight errors');
    expectRow(row['mobile-gestures'], 'fail', [/recorded text nodes carry unmasked text/, /^planted person › full name found/], [/not captured/]);

    expect(leaky.status, leaky.stdout + leaky.stderr).toBe(1);
    const bad = rows(leaky.results);
    // privacySetting 'none': inputs as typed (passwords stay masked).
    expectRow(bad['pii-form-submit'], 'fail', [/^field #full-name recorded unmasked input/, /^field #card-number recorded unmasked input/], [/^field #password recorded unmasked input/]);
    expectRow(bad['admin-route'], 'fail', [noRouteOption, /^planted admin table › user \d name found/]);
    // recordHeadersAndBody: the token and the login body ride in the OTLP spans and the resources' request/response pairs.
    expectRow(bad['auth-token'], 'fail', [/^planted session › auth token found in Custom:highlight\/(otlp\/traces|push)/, /^planted person › password found in Custom:highlight\/(otlp\/traces|push)/]);
    // The typed values and the signed-in name: the first place a run names may be the full snapshot or an input event.
    expectRow(bad['rage-click'], 'fail', [/^planted person › (full name|email) found in (IncrementalSnapshot:Input|FullSnapshot)/]);
    expectRow(bad['mobile-gestures'], 'fail', [/recorded text nodes carry unmasked text/, /^planted person › email found/]);
  });
});
