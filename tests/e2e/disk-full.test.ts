import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from '../helpers/run-cli.ts';

// A disk that fills up during a run: a 400 KiB tmpfs as the report directory (CI runs as root; where
// mounting is not allowed the case is skipped, and the unit test of diskFull still runs).
const mountPoint = mkdtempSync(join(tmpdir(), 'maskproof-full-'));
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=400k', 'tmpfs', mountPoint]).status === 0;

describe('a report directory that fills up during the run', () => {
  it.skipIf(!mounted)('exits 2 with one line naming the full directory, never a privacy verdict', () => {
    try {
      const run = spawnSync(process.execPath, [join(root, 'bin/maskproof.js'), 'run', '--seed', '7', '--report', join(mountPoint, 'r'), '--', '--grep', '@admin-route'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stdout + run.stderr).toBe(2);
      expect(run.stderr).toMatch(/^maskproof: the report directory .* is full \(\d+ KiB free\)/m);
      expect(run.stderr).not.toMatch(/\n\s+at |Personal data/);
    } finally {
      spawnSync('umount', [mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    }
  });
});
