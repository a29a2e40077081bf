import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CapturedRecording } from '../../../src/capture/recording-capture.ts';
import { loadRecorderConfig } from '../../../src/config/recorder-config.ts';
import { createSyntheticData } from '../../../src/data/synthetic-data.ts';
import { type VectorId, vectorById } from '../../../src/vectors/catalog.ts';
import { plantedValues, vectorCanaries } from '../../../src/vectors/planted.ts';
import { judgeUnderRecorder } from '../../../src/vectors/recorder-matrix.ts';

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

  it('New Relic, its defaults: the row\'s title and aria-label leak as DOM attributes, not through a breadcrumb (a click without a URL change sends no actionText)', () => {
    const { row } = vendorCell('click-breadcrumbs', 'newrelic-default');
    expect(row).toMatchObject({ status: 'leaked', pathNamed: false });
    for (const f of row.findings) expect(f.path).toMatch(/\.attributes(\.title|\["aria-label"\])$/);
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
