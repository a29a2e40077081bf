import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

describe('maskproof run on the bundled app with the safe recorder config', () => {
  // The full safe run (all five rows pass, files written, seed printed, nothing planted printed) is in
  // report.test.ts, where the same run also checks its report.
  it('the same seed plants the same values', () => {
    const a = runCli(['run', '--seed', '5', '--project', 'mobile']);
    const b = runCli(['run', '--seed', '5', '--project', 'mobile']);
    const read = (dir: string) => readFileSync(join(dir, 'canaries.json'), 'utf8');
    expect(read(a.reportDir)).toBe(read(b.reportDir));
  });
});

describe('bad input exits 2 with a message saying what to do', () => {
  it('a recorder config with a typo in a key', () => {
    const run = runCli(['run', '--recorder', 'tests/e2e/fixtures/typo-config.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown key "maskAllInput" at rrweb/);
    expect(run.stderr).toMatch(/→ Fix the key/);
  });

  it('a missing recorder config', () => {
    const run = runCli(['run', '--recorder', 'nope.json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/recorder config not found: nope\.json/);
  });

  it('a bad seed and an unknown project', () => {
    expect(runCli(['run', '--seed', 'abc']).stderr).toMatch(/--seed must be a non-negative integer/);
    expect(runCli(['run', '--project', 'tablet']).status).toBe(2);
  });

  it('a browser override that does not exist', () => {
    const run = runCli(['run'], { MASKPROOF_CHROMIUM: '/nonexistent/chromium' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/MASKPROOF_CHROMIUM points to \/nonexistent\/chromium/);
  });

  it('an unreachable app', () => {
    const run = runCli(['run'], { MASKPROOF_BASE_URL: 'http://127.0.0.1:9' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/could not be reached/);
  });

  it('an unknown command', () => {
    expect(runCli(['frobnicate']).status).toBe(2);
  });
});
