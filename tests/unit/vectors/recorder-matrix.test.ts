import { describe, expect, it, vi } from 'vitest';
import { loadRecorderConfig, parseRecorderConfig } from '../../../src/config/recorder-config.ts';
import { inapplicableReason } from '../../../src/vectors/applicability.ts';
import { vectorById, vectors } from '../../../src/vectors/catalog.ts';
import { vectorCanaries } from '../../../src/vectors/planted.ts';
import { NO_SNAPSHOT, applicableVectors, completeRecorderRows, judgeUnderRecorder, renderRecorderTable, summarizeRecorder } from '../../../src/vectors/recorder-matrix.ts';
import { recordedCell } from './cells.ts';

// A vendor registered the way another branch adds Datadog or Mixpanel: its folder and a registry line
// (here a mock of the registry), nothing in src/vectors or src/cli changed.
vi.mock('../../../src/recorder/vendors/registry.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/recorder/vendors/registry.ts')>();
  const { fakeVendor } = await import('../recorder/vendors/fake-vendor/index.ts');
  const vendors = [...real.vendors, fakeVendor];
  const vendorOf = (kind: string) => vendors.find((v) => v.kind === kind);
  return { ...real, vendors, vendorOf, vendorOfConfig: (config: { recorder: string }) => vendorOf(config.recorder)! };
});

const fake = (options: object) => parseRecorderConfig({ recorder: 'fake', name: 'fake-default', options }, 'fake.json');
const surfaceVectors = (config: ReturnType<typeof fake>) => vectors.filter((v) => inapplicableReason(v, config)).map((v) => v.id);

describe('which vectors apply to a recorder: its descriptor decides', () => {
  it('a new vendor without network, errors, breadcrumbs or a remote config: those vectors are inapplicable, with the reason', () => {
    const config = fake({ recordNetwork: false });
    expect(surfaceVectors(config)).toEqual(['console-errors', 'network', 'click-breadcrumbs', 'compressed-bodies', 'remote-config']);
    expect(inapplicableReason(vectorById('network')!, config)).toBe('Fake records no network requests under fake-default');
    expect(inapplicableReason(vectorById('click-breadcrumbs')!, config)).toMatch(/^Fake Replay sends no click breadcrumbs/);
    // Its network on: the network vectors apply again; DOM vectors always apply.
    expect(surfaceVectors(fake({}))).toEqual(['console-errors', 'click-breadcrumbs', 'remote-config']);
    expect(applicableVectors(fake({})).map((v) => v.id)).toContain('attributes');
  });

  it('Sentry sends click breadcrumbs and takes no server config; PostHog takes one and sends no breadcrumbs', () => {
    const sentry = loadRecorderConfig('fixtures/recorders/sentry-default.json');
    const posthog = loadRecorderConfig('fixtures/recorders/posthog-default.json');
    expect(vectors.filter((v) => inapplicableReason(v, sentry)).map((v) => v.id)).toEqual(['remote-config']);
    expect(vectors.filter((v) => inapplicableReason(v, posthog)).map((v) => v.id)).toEqual(['click-breadcrumbs']);
    // rrweb (maskproof's wrapper) has neither.
    const rrweb = loadRecorderConfig('fixtures/recorders/safe.json');
    expect(vectors.filter((v) => inapplicableReason(v, rrweb)).map((v) => v.id)).toEqual(['click-breadcrumbs', 'remote-config']);
  });
});

describe('a vector page under one config: safe, leaked or inapplicable', () => {
  const sentryLeaky = loadRecorderConfig('fixtures/vector-recorders/sentry-leaky-unmask-rows.json');
  const sentryDefault = loadRecorderConfig('fixtures/recorders/sentry-default.json');

  it('leaked: a real recording whose breadcrumbs carry the planted values, found at the vector\'s path', () => {
    const cell = recordedCell('click-breadcrumbs', 'leaky');
    const row = judgeUnderRecorder(cell.definition, sentryLeaky, cell.recording, vectorCanaries('click-breadcrumbs', cell.planted));
    expect(row).toMatchObject({ vector: 'click-breadcrumbs', status: 'leaked', pathNamed: true, config: 'sentry-leaky-unmask-rows', recorder: 'sentry' });
    expect(row.findings[0]!.path).toMatch(/^data\.payload\./);
    // Never the value itself.
    for (const { value } of Object.values(cell.planted)) expect(JSON.stringify(row)).not.toContain(value);
  });

  it('safe: the same page under Sentry\'s defaults sent nothing planted', () => {
    const cell = recordedCell('click-breadcrumbs', 'safe');
    expect(judgeUnderRecorder(cell.definition, sentryDefault, cell.recording, vectorCanaries('click-breadcrumbs', cell.planted))).toMatchObject({ status: 'safe', findings: [] });
  });

  it('ERROR, not safe: a recording without a snapshot of the page (the recorder never started or never flushed) proves nothing', () => {
    const cell = recordedCell('click-breadcrumbs', 'safe');
    const canaries = vectorCanaries('click-breadcrumbs', cell.planted);
    const withoutPage = { ...cell.recording, events: cell.recording.events.filter((e) => e.event.type !== 2) };
    expect(judgeUnderRecorder(cell.definition, sentryDefault, withoutPage, canaries)).toMatchObject({ status: 'ERROR', reason: NO_SNAPSHOT, findings: [] });
    expect(judgeUnderRecorder(cell.definition, sentryDefault, { ...cell.recording, events: [], ingests: [] }, canaries)).toMatchObject({ status: 'ERROR' });
    // A leak is a verdict with or without the snapshot: what was sent leaked.
    const leaky = recordedCell('click-breadcrumbs', 'leaky');
    const leakWithoutPage = { ...leaky.recording, events: leaky.recording.events.filter((e) => e.event.type !== 2) };
    expect(judgeUnderRecorder(leaky.definition, sentryLeaky, leakWithoutPage, vectorCanaries('click-breadcrumbs', leaky.planted)).status).toBe('leaked');
  });

  it('every vector has a row: the ones that ran, inapplicable ones with the reason, a missing one as ERROR (not in a partial run)', () => {
    const cell = recordedCell('click-breadcrumbs', 'leaky');
    const ran = [judgeUnderRecorder(cell.definition, sentryLeaky, cell.recording, vectorCanaries('click-breadcrumbs', cell.planted))];
    const rows = completeRecorderRows(sentryLeaky, ran);
    expect(rows).toHaveLength(vectors.length);
    expect(rows.find((r) => r.vector === 'remote-config')).toMatchObject({ status: 'inapplicable', reason: expect.stringMatching(/takes no privacy settings from its server/) });
    expect(summarizeRecorder(rows)).toEqual({ vectors: vectors.length, safe: 0, leaked: 1, inapplicable: 1, errors: vectors.length - 2 });
    expect(completeRecorderRows(sentryLeaky, ran, true).map((r) => r.status)).toEqual(['leaked', 'inapplicable']);
    const table = renderRecorderTable({ recorder: { name: 'sentry-leaky-unmask-rows', kind: 'sentry', path: 'x' }, summary: summarizeRecorder(rows), rows });
    expect(table).toMatch(/21\. Click breadcrumbs.*✗ leaked .*click-breadcrumbs › \w+ .* at data\.payload\./);
    expect(table).toMatch(/25\. A remote .*– inapplicable .*Sentry Replay takes no privacy settings/);
    expect(table).toContain(`sentry-leaky-unmask-rows (sentry) · ${vectors.length} vectors: 0 safe, 1 leaked, 1 inapplicable, ${vectors.length - 2} ERROR`);
  });
});
