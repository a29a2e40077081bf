import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMaskproofConfig } from '../../src/config/maskproof-config.ts';
import { loadJourneys } from '../../src/journeys/load-journeys.ts';
import { root, runCli } from '../helpers/run-cli.ts';

// "Point it at your own app" end to end: Riverside Clinic (fixtures/app2) has only a config file,
// YAML journeys and a drift baseline; everything runs through the real CLI.
const config = 'fixtures/app2/maskproof.config.ts';

describe('your own app: fixtures/app2 through maskproof.config.ts', () => {
  it('runs its YAML journeys green: one row per expect step, named after the journey', () => {
    const blob = mkdtempSync(join(tmpdir(), 'maskproof-blob-'));
    // From the app's own directory, as a team would run it: its maskproof.config.ts is found there.
    const run = runCli(['run', '--seed', '7', '--blob', blob], {}, join(root, 'fixtures/app2'));
    expect(run.stderr).not.toMatch(/maskproof: /);
    expect(run.stdout).toMatch(/using maskproof\.config\.ts \(found in the working directory/);
    expect(run.status).toBe(0);
    // The report's header names the app and browser for your own app too (not "not recorded").
    expect(run.results!.appUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(run.results!.browser).toMatch(/^Chromium \d+/);
    const rows = run.results!.cases.map((c) => `${c.journey} › ${c.id}: ${c.status}`).sort();
    expect(rows).toEqual([
      'book an appointment › pii-form-submit: pass',
      'book an appointment › route-risk: pass',
      'medical records are never recorded › admin-route: pass',
      'medical records are never recorded › route-risk: pass',
      'send a secure message › route-risk: pass',
    ]);
    // The placeholders were planted as canaries (kind = faker path), and never printed in full.
    const canaries = JSON.parse(readFileSync(join(run.reportDir, 'canaries.json'), 'utf8')) as { canaries: { kind: string; value: string }[] };
    const planted = canaries.canaries.filter((c) => c.kind.includes('.'));
    expect(planted.map((c) => c.kind)).toEqual(expect.arrayContaining(['person.fullName', 'internet.email', 'phone.number', 'lorem.sentence']));
    for (const canary of planted) expect(run.stdout).not.toContain(canary.value);
    // --blob: Playwright's blob report beside maskproof's own (results.json above), for merge-reports.
    expect(readdirSync(blob).filter((f) => f.endsWith('.zip'))).toHaveLength(1);
  });

  it('the same journeys fail under a leaky recorder, each row for its reason', () => {
    const run = runCli(['run', '--config', config, '--seed', '7', '--recorder', 'fixtures/recorders/leaky.json']);
    expect(run.status).toBe(1);
    const reasons = (journey: string, id: string) => run.results!.cases.find((c) => c.journey === journey && c.id === id)!.reasons.join('\n');
    expect(run.results!.cases.every((c) => c.status === 'fail')).toBe(true);
    expect(reasons('book an appointment', 'pii-form-submit')).toMatch(/field #patient-name recorded unmasked input/);
    expect(reasons('send a secure message', 'route-risk')).toMatch(/\/messages \(medium risk: all text and inputs masked\): \d+ text nodes recorded unmasked/);
    expect(reasons('medical records are never recorded', 'admin-route')).toMatch(/events recorded on \/records/);
  });

  it('drift audit: green against the committed baseline', () => {
    const run = runCli(['audit', '--config', config]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/baseline fixtures\/app2\/maskproof-baseline\.json/);
    expect(run.stdout).toMatch(/\/messages\s+medium\s+0\s+\d+\s+0\s+0\n/);
    expect(run.stdout).toMatch(/0 failing \(new since the baseline\)/);
  });

  it('drift audit: --update-baseline records exactly the committed baseline (sorted, stable selectors)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'maskproof-baseline-')), 'baseline.json');
    const run = runCli(['audit', '--config', config, '--update-baseline', '--baseline', file]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/baseline written/);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(root, 'fixtures/app2/maskproof-baseline.json'), 'utf8'));
  });

  it('drift audit: a new unmasked input fails it, naming the selector and what to add', () => {
    const run = runCli(['audit', '--config', config], { CLINIC_NEW_FEATURE: '1' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✗ NEW /book input #insurance-member-number: unprotected (input type "number" not masked)');
    expect(run.stdout).toContain('→ add `#insurance-member-number` to rrweb.blockSelector, or set rrweb.maskInputOptions["number"] = true');
    expect(run.stdout).toMatch(/1 failing \(new since the baseline\)/);
  });

  it('a bad config exits 2 before any browser starts, naming the key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maskproof-badconfig-'));
    writeFileSync(join(dir, 'maskproof.config.json'), JSON.stringify({ baseURL: 'http://localhost:1', recorder: 'rrweb', routes: [{ path: '/a', risk: 'severe' }] }));
    const run = runCli(['audit', '--config', join(dir, 'maskproof.config.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/routes\.0\.risk must be one of "high", "medium", "low"/);
  });

  it('init writes a starter config and journey that validate, and refuses to overwrite without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maskproof-init-'));
    // As in a project that installed maskproof: the config imports 'maskproof/config'.
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules', 'maskproof'), 'dir');
    const first = runCli(['init', '--dir', dir]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/both validate/);
    expect(existsSync(join(dir, 'journeys', 'home-page.yaml'))).toBe(true);
    const loaded = await loadMaskproofConfig(join(dir, 'maskproof.config.ts'));
    expect(loadJourneys(loaded.journeyFiles).map((j) => j.name)).toEqual(['home page']);

    const again = runCli(['init', '--dir', dir]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already exist[\s\S]*maskproof init --force/);
    expect(runCli(['init', '--dir', dir, '--force']).status).toBe(0);
  });
});
