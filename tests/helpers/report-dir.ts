import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Canary } from '../../src/detect/types.ts';
import type { Evidence } from '../../src/fixture/index.ts';
import { privacySettings } from '../../src/recorder/vendors/privacy-settings.ts';
import type { CaseResult, RunResults } from '../../src/report/results.ts';
import { loadRecorderConfig } from '../../src/config/recorder-config.ts';
import { privacyCase } from '../../src/verdict/cases.ts';
import { summarizeRecording } from '../../src/verdict/evidence-summary.ts';
import { journeyFiles, loadEvidence } from './evidence.ts';
import { root } from './run-cli.ts';

/**
 * A report directory built from evidence captured in a real run (fixtures/recordings/rrweb-<config>,
 * seed 7): results.json as the reporter writes it, the evidence and recording files, canaries.json.
 */
export function reportDirFromEvidence(config: string): { dir: string; results: RunResults; canaries: Canary[] } {
  const dir = mkdtempSync(join(tmpdir(), `maskproof-report-${config}-`));
  const source = join(root, 'fixtures/recordings', `rrweb-${config}`);
  mkdirSync(join(dir, 'recordings'));
  const cases: CaseResult[] = [];
  const canaries: Canary[] = [];
  for (const [id, name] of Object.entries(journeyFiles) as [keyof typeof journeyFiles, string][]) {
    const { evidence } = loadEvidence(config, id);
    copyFileSync(join(source, `${name}.json`), join(dir, 'recordings', `${name}.json`));
    // The evidence as the capture writes it today (requests and errors read at capture time, the report's summary computed then).
    writeFileSync(join(dir, 'recordings', `${name}.evidence.json`), JSON.stringify({ ...evidence, summary: summarizeRecording(evidence.recording) }));
    const verdict = evidence.verdicts.find((v) => v.id === id)!;
    const row = privacyCase(id);
    canaries.push(...(evidence as Evidence).canaries);
    cases.push({
      id,
      journey: row.journey,
      expected: row.expected,
      project: name.startsWith('mobile') ? 'mobile' : 'desktop',
      status: verdict.status,
      title: verdict.title,
      reasons: verdict.reasons,
      durationMs: 1500,
      findings: verdict.findings,
      details: verdict.details,
      recording: `recordings/${name}.json`,
      recorder: 'rrweb',
      evidence: { recording: `recordings/${name}.json`, evidence: `recordings/${name}.evidence.json`, visual: [] },
    });
  }
  const recorderConfig = join(root, 'fixtures/recorders', `${config}.json`);
  const results: RunResults = {
    seed: 7,
    recorder: config,
    recorderKind: 'rrweb',
    recorderConfig,
    startedAt: '2026-05-04T09:30:00.000Z',
    durationMs: 12_345,
    cases,
    appUrl: 'http://127.0.0.1:4173',
    browser: 'Chromium 140.0.0.0',
    recorderSettings: privacySettings(loadRecorderConfig(recorderConfig)),
  };
  writeFileSync(join(dir, 'results.json'), JSON.stringify(results, null, 2));
  copyFileSync(join(source, 'canaries.json'), join(dir, 'canaries.json'));
  canaries.push(...(JSON.parse(readFileSync(join(source, 'canaries.json'), 'utf8')) as { canaries: Canary[] }).canaries);
  return { dir, results, canaries };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Planted values that appear in `text`: long ones anywhere, short ones (a 3-digit CVV) as whole tokens. */
export function canariesIn(text: string, canaries: readonly Canary[]): string[] {
  const lower = text.toLowerCase();
  return [...new Set(canaries.map((c) => c.value))].filter((value) =>
    value.length >= 5 ? lower.includes(value.toLowerCase()) : new RegExp(`(?<![\\w.])${escapeRegExp(value)}(?![\\w.])`, 'i').test(text),
  );
}
