import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecorderMatrixFile } from '../../src/vectors/recorder-matrix.ts';
import { runCliAsync } from '../helpers/run-cli.ts';

// New Relic's init options the rows do not exercise: an obfuscate rule over error messages, and a replay
// that does not start by itself (session_replay.autoStart false), and error-only sampling (the RUM answer's srs 2).
const rows = (reportDir: string) => Object.fromEntries((JSON.parse(readFileSync(join(reportDir, 'matrix-recorder.json'), 'utf8')) as RecorderMatrixFile).rows.map((r) => [r.vector, r]));
const matrix = (config: string, vectors: string) => runCliAsync(['matrix', '--recorder', `fixtures/recorders/${config}.json`, '--seed', '7', '--', '--grep', `@vector-(${vectors})`]);

describe('maskproof matrix --recorder on New Relic: obfuscate rules and autoStart', () => {
  it('the obfuscate rule keeps the thrown name out of /jserrors (newrelic-default sends it); autoStart false and error mode without an error send no replay: ERROR, not safe', async () => {
    const [obfuscated, plain, deferred, errorMode] = await Promise.all([
      matrix('newrelic-obfuscate-errors', 'console-errors'),
      matrix('newrelic-default', 'console-errors'),
      matrix('newrelic-autostart-off', 'attributes|console-errors'),
      matrix('newrelic-error-mode', 'attributes|console-errors'),
    ]);
    expect(obfuscated.status, obfuscated.stdout + obfuscated.stderr).toBe(0);
    expect(rows(obfuscated.reportDir)['console-errors']).toMatchObject({ status: 'safe' });
    expect(plain.status).toBe(1);
    expect(rows(plain.reportDir)['console-errors']).toMatchObject({ status: 'leaked', pathNamed: true });

    expect(deferred.status).toBe(1);
    const off = rows(deferred.reportDir);
    expect(off.attributes).toMatchObject({ status: 'ERROR', reason: expect.stringMatching(/^the recorder sent no snapshot of the page/) });
    expect(off['console-errors']).toMatchObject({ status: 'leaked' });

    // Error mode (srs 2): the replay is sent only from the page that threw.
    const onError = rows(errorMode.reportDir);
    expect(onError.attributes).toMatchObject({ status: 'ERROR' });
    expect(onError['console-errors']).toMatchObject({ status: 'leaked' });
  });
});
