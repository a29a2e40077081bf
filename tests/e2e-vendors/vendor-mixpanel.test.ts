import { describe, expect, it } from 'vitest';
import { expectRow, rows, runDefaultAndLeaky } from '../helpers/vendor-rows.ts';

/**
 * Mixpanel Session Replay (mixpanel-browser 2.83.0, its default build with the recorder bundled), run
 * through the five journeys with the defaults its code ships and with a documented leaky config, side
 * by side. What is checked is what the SDK really sent to /record (gzip JSON, decoded), and the
 * replay context in its query.
 */
const noRouteOption = /^Mixpanel Session Replay has no option to leave routes unrecorded/;

describe('Mixpanel Session Replay (mixpanel-browser)', () => {
  it('mixpanel-default passes the form; console logs (on by default) carry the name; mixpanel-leaky fails every row', async () => {
    const [defaults, leaky] = await runDefaultAndLeaky('mixpanel');

    expect(defaults.status, defaults.stdout + defaults.stderr).toBe(1);
    expect(defaults.results?.recorderKind).toBe('mixpanel');
    const row = rows(defaults.results);
    expect(Object.values(row).map((c) => c.recorder)).toEqual(['Mixpanel', 'Mixpanel', 'Mixpanel', 'Mixpanel', 'Mixpanel']);
    // All text and all inputs masked by default: nothing typed or shown reaches /record.
    expectRow(row['pii-form-submit'], 'pass');
    // No route option, but everything on /admin is masked: not applicable, never green.
    expectRow(row['admin-route'], 'inapplicable', [noRouteOption], [/planted admin table/]);
    // record_network is off by default: no recorded requests to check.
    expectRow(row['auth-token'], 'inapplicable', [/turns network recording off/]);
    // record_console is on by default: the page's console error carries the signed-in name.
    expectRow(row['rage-click'], 'fail', [/^planted person › full name found in Plugin/], [/not recorded/, /only \d+ clicks/, /FullSnapshot|Mutation/]);
    // Masked, but Mixpanel masks whitespace too ('*'.repeat(length)): the masked replay reflows, so it is no faithful record.
    expectRow(row['mobile-gestures'], 'fail', [/^replay at "after the swipe" differs from the live page/], [/unmasked text/, /not captured/, /planted/]);
    expect(row['mobile-gestures']!.details.unmaskedTextNodes).toBe(0);

    expect(leaky.status, leaky.stdout + leaky.stderr).toBe(1);
    const bad = rows(leaky.results);
    expectRow(bad['pii-form-submit'], 'fail', [/^field #full-name recorded unmasked input/], [/^field #card-number recorded unmasked/, /^field #password recorded unmasked/, /unplanted email/]);
    expectRow(bad['admin-route'], 'fail', [noRouteOption, /^planted admin table › user \d name found/]);
    // The network plugin records the ?token= URL and the Authorization header (which of them a run reports first varies).
    expectRow(bad['auth-token'], 'fail', [/^planted session › auth token found in Plugin #\d+ at data\.payload\.requests\[\d+\]\.(url|requestHeaders\.authorization)/]);
    expectRow(bad['rage-click'], 'fail', [/^planted person › full name found/]);
    expectRow(bad['mobile-gestures'], 'fail', [/recorded text nodes carry unmasked text/]);
  });
});
