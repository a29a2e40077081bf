import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CapturedRecording } from '../../../src/capture/recording-capture.ts';
import { loadRecorderConfig } from '../../../src/config/recorder-config.ts';
import { createSyntheticData } from '../../../src/data/synthetic-data.ts';
import { type VectorId, vectorById } from '../../../src/vectors/catalog.ts';
import { plantedValues, vectorCanaries } from '../../../src/vectors/planted.ts';
import { NO_SNAPSHOT, judgeUnderRecorder } from '../../../src/vectors/recorder-matrix.ts';

/** A cell of a real `matrix --recorder` run under a vendor's config (fixtures/recordings/vectors/recorder/, capture.ts there). */
function vendorCell(vector: VectorId, config: string) {
  const cell = JSON.parse(readFileSync(new URL(`../../../fixtures/recordings/vectors/recorder/${vector}-${config}.json`, import.meta.url), 'utf8')) as { seed: number; scope: string; recording: CapturedRecording };
  const planted = plantedValues(vector, createSyntheticData(cell.seed, cell.scope));
  const definition = vectorById(vector)!;
  const row = judgeUnderRecorder(definition, loadRecorderConfig(`fixtures/recorders/${config}.json`), cell.recording, vectorCanaries(vector, planted));
  const at = (label: string) => row.findings.filter((f) => f.label === `${vector} › ${label}`).map((f) => f.path);
  return { row, at, planted };
}

describe('vector 21 (click breadcrumbs) on real vendor payloads: the breadcrumb itself is judged', () => {
  it('Datadog, its defaults: the RUM click action is named after the row (mask-user-input leaves action names as shown)', () => {
    const { row, at } = vendorCell('click-breadcrumbs', 'datadog-default');
    expect(row).toMatchObject({ status: 'leaked', pathNamed: true });
    expect(at('rowName')).toContainEqual(expect.stringMatching(/^data\.payload\.payload\[\d+\]\.action\.target\.name$/));
  });

  it('Highlight, its defaults: the "Click" custom event and the click span carry the row\'s text, whatever privacySetting says', () => {
    const { row, at } = vendorCell('click-breadcrumbs', 'highlight-default');
    expect(row).toMatchObject({ status: 'leaked', pathNamed: true });
    expect(at('rowName')).toEqual(expect.arrayContaining(['data.payload.clickTextContent', expect.stringMatching(/^data\.payload\.payload\.resourceSpans\[0\]\.scopeSpans\[\d+\]\.spans\[\d+\]\.attributes\[\d+\]\.value\.stringValue$/)]));
  });

  it('New Relic, its defaults: the click routes the app, so the soft navigation sends the row\'s title as actionText, unmasked (mask_text_selector \'*\' masks only the replay)', () => {
    const { row, at } = vendorCell('click-breadcrumbs', 'newrelic-default');
    expect(row).toMatchObject({ status: 'leaked', pathNamed: true });
    expect(at('rowTitleName')).toContain('data.payload.payload.body');
  });
});

describe('vector 25 (remote config) on real Amplitude payloads: the server\'s sr_privacy_config wins', () => {
  it('amplitude-default (nothing set remotely, medium): the typed newsletter fields are masked', () => {
    expect(vendorCell('remote-config', 'amplitude-default').row).toMatchObject({ status: 'safe', findings: [] });
  });

  it('amplitude-leaky (code conservative, remote light): the typed name is recorded at the input event; the email stays masked by its type', () => {
    const { row, at } = vendorCell('remote-config', 'amplitude-leaky');
    expect(row).toMatchObject({ status: 'leaked', pathNamed: true });
    expect(at('newsletterName')).toContain('data.text');
    expect(at('newsletterEmail')).toEqual([]);
  });
});

describe('vectors 11, 12 and 23 on real vendor payloads: each vendor\'s own error and network shapes are the vector\'s path', () => {
  it.each([
    ['datadog-leaky', /^data\.payload\.payload\[\d+\]\.error\.message$/],
    ['newrelic-leaky', /^data\.payload\.payload\.body\.err\[0\]\.params\.message$/],
    ['highlight-leaky', /^data\.payload\.payload\.messages\[\d+\]\.value\[0\]$/],
    ['mixpanel-leaky', /^data\.payload\.payload\[0\]$/],
    ['amplitude-leaky', /^data\.payload\.payload\[0\]$/],
  ])('console and errors under %s: leaked at its error or console event', (config, path) => {
    const { row } = vendorCell('console-errors', config);
    expect(row).toMatchObject({ status: 'leaked', pathNamed: true });
    expect(row.findings.map((f) => f.path)).toContainEqual(expect.stringMatching(path));
  });

  it.each([
    ['newrelic-leaky', /^data\.payload\.payload\.body$/],
    ['highlight-leaky', /^data\.payload\.payload\.resources\[\d+\]\.requestResponsePairs\.request\.headers\["x-api-key"\]$/],
    ['mixpanel-leaky', /^data\.payload\.requests\[0\]\.requestHeaders\.authorization$/],
    ['amplitude-leaky', /^data\.payload\.requestHeaders\.authorization$/],
  ])('network under %s: leaked at its recorded request', (config, path) => {
    const { row } = vendorCell('network', config);
    expect(row).toMatchObject({ status: 'leaked', pathNamed: true });
    expect(row.findings.map((f) => f.path)).toContainEqual(expect.stringMatching(path));
  });

  it('Datadog records requests as RUM resources with their URL only: the network page\'s headers and bodies are not sent, even under allow', () => {
    expect(vendorCell('network', 'datadog-leaky').row).toMatchObject({ status: 'safe', findings: [] });
  });

  it.each(['highlight-leaky', 'newrelic-leaky'])('compressed bodies under %s: the gzip field inflated and found in the recorded body', (config) => {
    const { row } = vendorCell('compressed-bodies', config);
    expect(row).toMatchObject({ status: 'leaked', pathNamed: true });
    expect(row.findings.some((f) => f.encoding === 'gzip')).toBe(true);
  });
});

describe('New Relic options on real payloads: obfuscate rules and autoStart', () => {
  it('an obfuscate rule over the thrown message: /jserrors and the session trace carry "[redacted]", nothing planted (without the rule the name is there: newrelic-leaky, same journey)', () => {
    const cell = vendorCell('console-errors', 'newrelic-obfuscate-errors');
    expect(cell.row).toMatchObject({ status: 'safe', findings: [] });
    // The error was sent, rewritten: the rule ran, the errors did not just go missing.
    const sent = JSON.stringify(JSON.parse(readFileSync(new URL('../../../fixtures/recordings/vectors/recorder/console-errors-newrelic-obfuscate-errors.json', import.meta.url), 'utf8')).recording.ingests);
    expect(sent).toContain('Lookup failed for [redacted]');
    expect(vendorCell('console-errors', 'newrelic-leaky').row.status).toBe('leaked');
  });

  it('session_replay.autoStart false: the agent sends its RUM, trace and error harvests but no replay, so the cell is ERROR (no snapshot), not safe', () => {
    const { row } = vendorCell('attributes', 'newrelic-autostart-off');
    expect(row).toMatchObject({ status: 'ERROR', reason: NO_SNAPSHOT });
  });
});

describe('New Relic error mode (the RUM answer\'s srs 2) on real payloads', () => {
  it('a page that throws sends its replay after the error (a full snapshot arrives); a page that does not sends none: ERROR, not safe', () => {
    const thrown = vendorCell('console-errors', 'newrelic-error-mode');
    expect(thrown.row.status).toBe('leaked');
    const cell = JSON.parse(readFileSync(new URL('../../../fixtures/recordings/vectors/recorder/console-errors-newrelic-error-mode.json', import.meta.url), 'utf8')) as { recording: CapturedRecording };
    expect(cell.recording.events.some((e) => e.event.type === 2)).toBe(true);
    expect(vendorCell('attributes', 'newrelic-error-mode').row).toMatchObject({ status: 'ERROR', reason: NO_SNAPSHOT });
  });
});

describe('Amplitude heatmaps (remote sr_interaction_config) on real payloads: vector 21 runs', () => {
  it('the click is sent as an interaction with its selector only; the row\'s name leaks as page attributes, not through the click data', () => {
    const { row } = vendorCell('click-breadcrumbs', 'amplitude-heatmaps');
    expect(row).toMatchObject({ status: 'leaked', pathNamed: false });
    const cell = JSON.parse(readFileSync(new URL('../../../fixtures/recordings/vectors/recorder/click-breadcrumbs-amplitude-heatmaps.json', import.meta.url), 'utf8')) as { recording: CapturedRecording };
    const interactions = cell.recording.ingests.filter((i) => (i.metadata as { kind?: string } | undefined)?.kind === 'interaction');
    expect(interactions.length).toBeGreaterThan(0);
    expect(JSON.stringify(interactions)).toContain('"selector":"#row-1"');
    for (const f of row.findings) expect(f.path).toMatch(/^data\.node\./);
  });
});
