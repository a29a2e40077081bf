import { describe, expect, it } from 'vitest';
import { expectRow, rows, runDefaultAndLeaky } from '../helpers/vendor-rows.ts';

/**
 * Datadog RUM + Session Replay (@datadog/browser-rum 7.16.2), run for real: its Change-format
 * segments (deflated by its worker, multipart POST to /api/v2/replay) rebuilt as rrweb events, and
 * its RUM batches (resources with full URLs, errors with messages, actions), intercepted on a
 * made-up proxy host and decoded. The code's defaults and a documented leaky config, side by side.
 */

const noRouteOption = /^Datadog Session Replay has no option to leave routes unrecorded/;

describe('Datadog Session Replay (@datadog/browser-rum)', () => {
  it('datadog-default fails every row on what mask-user-input records and RUM sends; datadog-leaky fails each for its own reason', async () => {
    const [defaults, leaky] = await runDefaultAndLeaky('datadog');

    expect(defaults.status, defaults.stdout + defaults.stderr).toBe(1);
    expect(defaults.results?.recorderKind).toBe('datadog');
    const d = rows(defaults.results);
    expect(Object.values(d).map((c) => c.recorder)).toEqual(['Datadog', 'Datadog', 'Datadog', 'Datadog', 'Datadog']);
    // Every input is "***" (the audit's own check passes), but the page text is recorded: the name the page echoes.
    expectRow(d['pii-form-submit'], 'fail', [/^planted person › full name found in IncrementalSnapshot:Mutation/], [/recorded unmasked input/, /not in the recording/]);
    // No route option: the admin table is recorded as page text.
    expectRow(d['admin-route'], 'fail', [noRouteOption, /^planted admin table › user \d name found/]);
    // Requests are recorded (RUM resources, method and URL), with the ?token= query kept.
    expectRow(d['auth-token'], 'fail', [/^planted session › auth token found in Custom:datadog\/rum\/resource/], [/was not recorded/]);
    // The rage click is captured (clicks and RUM errors); the name is on the page and in the error message.
    expectRow(d['rage-click'], 'fail', [/^planted person › full name found/], [/not recorded/, /only \d+ clicks/]);
    expect(d['rage-click']!.details.errorsRecorded).toBeGreaterThan(0);
    expectRow(d['mobile-gestures'], 'fail', [/recorded text nodes carry unmasked text/], [/not captured/]);
    expect(defaults.stdout).toMatch(/recorder Datadog datadog-default/);

    expect(leaky.status, leaky.stdout + leaky.stderr).toBe(1);
    const l = rows(leaky.results);
    // allow: typed values recorded (email, tel and password inputs stay masked whatever the level).
    expectRow(l['pii-form-submit'], 'fail', [/^field #full-name recorded unmasked input/, /^field #card-number recorded unmasked input/], [/^field #password recorded unmasked input/, /^field #email recorded unmasked input/]);
    expectRow(l['admin-route'], 'fail', [noRouteOption, /^planted admin table › user \d name found/]);
    expectRow(l['auth-token'], 'fail', [/^planted session › auth token found in Custom:datadog\/rum\/resource/]);
    expectRow(l['rage-click'], 'fail', [/^planted person › full name found/]);
    expectRow(l['mobile-gestures'], 'fail', [/recorded text nodes carry unmasked text/]);
  });
});
