import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/fixture/index.ts';
import { type CliRun, runCliPool } from '../helpers/run-cli.ts';
import { journeyFiles } from '../helpers/evidence.ts';
import { rows } from '../helpers/vendor-rows.ts';

/**
 * Amplitude's remote sr_targeting_config and sr_interaction_config, served by the harness to the real
 * SDK (@amplitude/session-replay-browser 1.51.6), on the rage-click journey (sign in on /login, then six
 * clicks on /account). amplitude-default records both pages; amplitude-targeted (record sessions that
 * reach /account, heatmap clicks on) records from /account only and sends each click as a
 * type=interaction record; with the code's ugcFilterRules those records carry the rewritten URL; a
 * flag whose segments never land on 'on' records nothing.
 */
const rage = ['--seed', '7', '--', '--grep', '@rage-click'];
let defaults: CliRun, targeted: CliRun, never: CliRun, rewritten: CliRun;
const REWRITTEN = 'https://app.invalid/account-page';

const evidenceOf = (run: CliRun) => JSON.parse(readFileSync(join(run.reportDir, 'recordings', `${journeyFiles['rage-click']}.evidence.json`), 'utf8')) as Evidence;
const pathsOf = (evidence: Evidence) => new Set(evidence.recording.events.map((e) => new URL((e as unknown as { pageUrl: string }).pageUrl).pathname));

beforeAll(async () => {
  const targetedConfig = JSON.parse(readFileSync('fixtures/recorders/amplitude-targeted.json', 'utf8')) as { remoteConfig: { sr_targeting_config: { segments: unknown[] } } };
  const dir = mkdtempSync(join(tmpdir(), 'maskproof-amplitude-never-'));
  const neverPath = join(dir, 'amplitude-targeting-never.json');
  // The same flag with every segment on 'off'.
  targetedConfig.remoteConfig.sr_targeting_config.segments = [{ variant: 'off' }];
  writeFileSync(neverPath, JSON.stringify({ ...targetedConfig, name: 'amplitude-targeting-never' }));
  const rewrittenPath = join(dir, 'amplitude-targeted-ugc.json');
  const targetedAgain = JSON.parse(readFileSync('fixtures/recorders/amplitude-targeted.json', 'utf8')) as object;
  writeFileSync(rewrittenPath, JSON.stringify({ ...targetedAgain, name: 'amplitude-targeted-ugc', options: { interactionConfig: { ugcFilterRules: [{ selector: 'http://*/account', replacement: REWRITTEN }] } } }));
  const runs = await runCliPool([
    ['run', '--recorder', 'fixtures/recorders/amplitude-default.json', ...rage],
    ['run', '--recorder', 'fixtures/recorders/amplitude-targeted.json', ...rage],
    ['run', '--recorder', neverPath, ...rage],
    ['run', '--recorder', rewrittenPath, ...rage],
  ]);
  [defaults, targeted, never, rewritten] = runs as [CliRun, CliRun, CliRun, CliRun];
});

describe('Amplitude remote targeting and heatmap clicks, live', () => {
  it('amplitude-default records /login and /account; amplitude-targeted only /account, its six clicks with it', () => {
    expect(defaults.status, defaults.stdout + defaults.stderr).toBe(1);
    expect([...pathsOf(evidenceOf(defaults))].sort()).toEqual(['/account', '/login']);
    expect(targeted.status, targeted.stdout + targeted.stderr).toBe(1);
    expect([...pathsOf(evidenceOf(targeted))]).toEqual(['/account']);
    const row = rows(targeted.results)['rage-click']!;
    expect(row.details.clicksRecorded).toBe(6);
    const sessions = targeted.results?.recorderSettings?.find((s) => s.label === 'Sessions recorded')?.value;
    expect(sessions).toMatch(/^only sessions the remote sr_targeting_config puts on 'on' \(page\.url contains \/account → 'on'; otherwise → 'off'\)/);
  });

  it('sr_interaction_config on: each click is also sent as a type=interaction record with its selector and page URL; off by default', () => {
    const kinds = (run: CliRun) => evidenceOf(run).recording.ingests.map((i) => (i.metadata as { kind?: string } | undefined)?.kind);
    expect(kinds(defaults)).not.toContain('interaction');
    const interactions = evidenceOf(targeted).recording.ingests
      .map((i) => i.metadata as { kind?: string; payload?: { events?: { selector?: string; pageUrl?: string; type?: string }[] } } | undefined)
      .filter((m) => m?.kind === 'interaction')
      .flatMap((m) => m!.payload?.events ?? []);
    expect(interactions).toHaveLength(6);
    for (const click of interactions) {
      expect(click).toMatchObject({ type: 'click', selector: '#place-order' });
      expect(new URL(click.pageUrl!).pathname).toBe('/account');
    }
  });

  it("the code's ugcFilterRules rewrite the page URL each click record carries", () => {
    expect(rewritten.status, rewritten.stdout + rewritten.stderr).toBe(1);
    const urls = evidenceOf(rewritten).recording.ingests
      .map((i) => i.metadata as { kind?: string; payload?: { events?: { pageUrl?: string }[] } } | undefined)
      .filter((m) => m?.kind === 'interaction')
      .flatMap((m) => (m!.payload?.events ?? []).map((e) => e.pageUrl));
    expect(urls).toHaveLength(6);
    expect(new Set(urls)).toEqual(new Set([REWRITTEN]));
  });

  it("a targeting flag that never lands on 'on' records nothing: the row fails, never green", () => {
    expect(never.status, never.stdout + never.stderr).toBe(1);
    expect(evidenceOf(never).recording.events).toHaveLength(0);
    const row = rows(never.results)['rage-click']!;
    expect(row.status).toBe('fail');
    expect(never.results?.recorderSettings?.find((s) => s.label === 'Sessions recorded')?.value).toMatch(/^NONE: the remote sr_targeting_config has no segment on its 'on' variant/);
  });
});
