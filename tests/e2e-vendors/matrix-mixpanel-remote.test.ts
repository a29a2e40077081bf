import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecorderMatrixFile } from '../../src/vectors/recorder-matrix.ts';
import { runCliAsync } from '../helpers/run-cli.ts';

// Mixpanel's remote settings (remote_settings_mode 'fallback'): the page keeps every default, the server
// unblocks media and turns network recording on. The server's keys win; masking cannot be set remotely.
const rows = (reportDir: string) => Object.fromEntries((JSON.parse(readFileSync(join(reportDir, 'matrix-recorder.json'), 'utf8')) as RecorderMatrixFile).rows.map((r) => [r.vector, r]));
const grep = ['--', '--grep', '@vector-(network|media-signed-urls|remote-config)'];

describe('maskproof matrix --recorder on Mixpanel: remote settings weaker than the page\'s', () => {
  it('mixpanel-remote-leaky leaks the signed media URL and the Authorization header; mixpanel-default sends neither; masking holds under both', async () => {
    const [leaky, safe] = await Promise.all([
      runCliAsync(['matrix', '--recorder', 'fixtures/recorders/mixpanel-remote-leaky.json', '--seed', '7', ...grep]),
      runCliAsync(['matrix', '--recorder', 'fixtures/recorders/mixpanel-default.json', '--seed', '7', ...grep]),
    ]);
    expect(leaky.status, leaky.stdout + leaky.stderr).toBe(1);
    const remote = rows(leaky.reportDir);
    expect(remote['media-signed-urls']).toMatchObject({ status: 'leaked', pathNamed: true });
    expect(remote.network).toMatchObject({ status: 'leaked', pathNamed: true });
    expect(remote.network!.findings.map((f) => f.path)).toContain('data.payload.requests[0].requestHeaders.authorization');
    // The typed newsletter fields stay masked: the server cannot change masking.
    expect(remote['remote-config']).toMatchObject({ status: 'safe' });

    expect(safe.status, safe.stdout + safe.stderr).toBe(0);
    const local = rows(safe.reportDir);
    expect(local['media-signed-urls']).toMatchObject({ status: 'safe' });
    expect(local.network).toMatchObject({ status: 'inapplicable', reason: expect.stringMatching(/records no network requests/) });
    expect(local['remote-config']).toMatchObject({ status: 'inapplicable', reason: expect.stringMatching(/remote_settings_mode 'disabled'/) });
  });
});
