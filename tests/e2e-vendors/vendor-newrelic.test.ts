import { describe, expect, it } from 'vitest';
import { expectRow, rows, runDefaultAndLeaky } from '../helpers/vendor-rows.ts';

/**
 * New Relic session replay (@newrelic/browser-agent BrowserAgent), its code defaults and a documented
 * leaky config side by side, through the five journeys: what is checked is what the agent really sent
 * to its (intercepted, made-up) beacon, decoded: the SessionReplay blobs, and the errors, AJAX events,
 * session trace and RUM call it sends beside them.
 */
const noRouteOption = /^the New Relic browser agent has no option to leave routes unrecorded/;

describe('New Relic session replay (@newrelic/browser-agent)', () => {
  it('newrelic-default passes inputs, text, token and touch; N/A on routes; the error it sends names the user. newrelic-leaky fails every row', async () => {
    const [defaults, leaky] = await runDefaultAndLeaky('newrelic');

    expect(defaults.status, defaults.stdout + defaults.stderr).toBe(1);
    expect(defaults.results?.recorderKind).toBe('newrelic');
    const row = rows(defaults.results);
    expect(Object.values(row).map((c) => c.recorder)).toEqual(Array(5).fill('New Relic'));
    expectRow(row['pii-form-submit'], 'pass');
    expectRow(row['mobile-gestures'], 'pass');
    // Every API call is in the session trace (method, host, path): the agent keeps no query, no header, no body.
    expectRow(row['auth-token'], 'pass');
    expect(row['auth-token']!.details.requestsRecorded).toHaveLength(5);
    expectRow(row['admin-route'], 'inapplicable', [noRouteOption]);
    // Six clicks and the errors captured; the page masked, but the error message sent to /jserrors is not.
    expectRow(row['rage-click'], 'fail', [/^planted person › full name found in Custom:newrelic\/jserrors/], [/not recorded/, /only \d+ clicks/]);
    expect(row['rage-click']!.details.errorsRecorded).toBeGreaterThan(0);

    expect(leaky.status, leaky.stdout + leaky.stderr).toBe(1);
    const bad = rows(leaky.results);
    // mask_all_inputs false: every field but the password as typed.
    expectRow(bad['pii-form-submit'], 'fail', [/^field #full-name recorded unmasked input/, /^field #card-number recorded unmasked input/], [/^field #password recorded unmasked/]);
    // No route blocking, and mask_text_selector null: the admin table is in the replay as shown.
    expectRow(bad['admin-route'], 'fail', [noRouteOption, /^planted admin table › .* found in/]);
    // ajax capture_payloads "all": the token in the AJAX events' response body and query.
    expectRow(bad['auth-token'], 'fail', [/^planted session › auth token found in Custom:newrelic\/events/]);
    expectRow(bad['rage-click'], 'fail', [/^planted person › full name found in/]);
    expectRow(bad['mobile-gestures'], 'fail', [/recorded text nodes carry unmasked text/]);
  }, 420_000);
});
