import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root, runCli } from '../helpers/run-cli.ts';

// A journey whose page failed proves nothing: Riverside Clinic (fixtures/app2) with a journey that
// lands on a page the server answers 404. The recording of an error page is clean, so without the
// check this row would pass.
describe('a journey page that failed is a harness error, not a pass and not a leak', () => {
  it('exits 2, the row is "error" naming the HTTP status, junit has an <error>, nothing says personal data leaked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maskproof-harness-error-'));
    mkdirSync(join(dir, 'journeys'));
    writeFileSync(
      join(dir, 'journeys', 'gone.yaml'),
      ['name: a page that is gone', 'steps:', '  - goto: /book/no-such-page', '  - expect: { case: pii-form-submit, fields: ["#patient-name"] }', ''].join('\n'),
    );
    const config = {
      baseURL: 'http://127.0.0.1:{port}',
      webServer: { command: `node ${JSON.stringify(join(root, 'fixtures/app2/server.mjs'))} --port 0`, wait: { stdout: 'listening on http://127\\.0\\.0\\.1:(?<maskproof_app_port>\\d+)' }, timeout: 15000 },
      recorder: join(root, 'fixtures/recorders/safe.json'),
      journeys: 'journeys',
    };
    writeFileSync(join(dir, 'maskproof.config.json'), JSON.stringify(config));
    const run = runCli(['run', '--config', join(dir, 'maskproof.config.json'), '--seed', '7']);
    expect(run.status, run.stdout + run.stderr).toBe(2);
    const row = run.results!.cases.find((c) => c.id === 'pii-form-submit')!;
    expect(row.status).toBe('error');
    expect(row.reasons[0]).toMatch(/^harness error: the journey's page \/book\/no-such-page answered HTTP 404/);
    expect(row.title).toMatch(/^Harness error/);
    expect(run.stderr).toMatch(/harness error, not a privacy verdict/);
    const junit = readFileSync(join(run.reportDir, 'junit.xml'), 'utf8');
    expect(junit).toContain('<error type="harness"');
    const html = readFileSync(join(run.reportDir, 'index.html'), 'utf8');
    expect(html).not.toContain('Personal data reaches the session replay');
    expect(html).toContain('HARNESS ERROR');
  });
});
