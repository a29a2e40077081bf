import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunResults } from '../../src/report/results.ts';

export const root = resolve(import.meta.dirname, '../..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  reportDir: string;
  results?: RunResults;
}

/** Runs bin/maskproof.js as a user would, with its own report directory (from `cwd`, the repository by default). */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, cwd = root): CliRun {
  const reportDir = mkdtempSync(join(tmpdir(), 'maskproof-e2e-'));
  const child = spawnSync(process.execPath, [join(root, 'bin/maskproof.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, MASKPROOF_REPORT_DIR: reportDir, ...env },
    timeout: 200_000,
  });
  const resultsFile = join(reportDir, 'results.json');
  return {
    status: child.status,
    stdout: child.stdout,
    stderr: child.stderr,
    reportDir,
    results: existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as RunResults) : undefined,
  };
}

/** runCli without blocking: two runs of it proceed side by side (a vendor's default and leaky configs on 2 cores). */
export function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}, cwd = root): Promise<CliRun> {
  const reportDir = mkdtempSync(join(tmpdir(), 'maskproof-e2e-'));
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/maskproof.js'), ...args], {
      cwd,
      env: { ...process.env, MASKPROOF_REPORT_DIR: reportDir, ...env },
      timeout: 200_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const resultsFile = join(reportDir, 'results.json');
      resolvePromise({
        status,
        stdout,
        stderr,
        reportDir,
        results: existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as RunResults) : undefined,
      });
    });
  });
}

/** Runs every argument list through runCliAsync, `concurrency` at a time (2: both cores), results in input order. */
export async function runCliPool(argLists: string[][], concurrency = 2): Promise<CliRun[]> {
  const results: CliRun[] = new Array(argLists.length);
  let next = 0;
  const lane = async () => {
    while (next < argLists.length) {
      const index = next++;
      results[index] = await runCliAsync(argLists[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, argLists.length) }, lane));
  return results;
}
