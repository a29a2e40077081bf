import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { HarnessError } from '../errors.ts';
import { playwrightConfigFile } from '../package-root.ts';

const require = createRequire(import.meta.url);

export interface ChildExit {
  code: number;
  /** The signal (SIGINT or SIGTERM) that stopped this maskproof process while Playwright ran, if any. */
  interrupted: NodeJS.Signals | undefined;
}

/**
 * Runs Playwright's CLI as a child. A SIGINT or SIGTERM to maskproof is forwarded as SIGINT (Playwright's
 * runner stops gracefully on SIGINT only: it ends the workers, closes Chromium, stops the webServer and
 * reports the run as interrupted), and maskproof waits for the child before exiting, so nothing is left
 * running and no report is written after maskproof has returned.
 */
export function runPlaywrightChild(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<ChildExit> {
  return new Promise<ChildExit>((done, fail) => {
    let interrupted: NodeJS.Signals | undefined;
    const child: ChildProcess = spawn(process.execPath, args, { cwd: options.cwd, stdio: 'inherit', env: options.env });
    const forward = (signal: NodeJS.Signals) => {
      interrupted ??= signal;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    };
    const onSigint = () => forward('SIGINT');
    const onSigterm = () => forward('SIGTERM');
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigterm);
    const cleanup = () => {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigterm);
    };
    child.on('error', (error) => {
      cleanup();
      fail(error);
    });
    child.on('exit', (code, signal) => {
      cleanup();
      done({ code: code ?? (signal ? 2 : 0), interrupted });
    });
  });
}

/**
 * `playwright test --config <maskproof's playwright.config> ...args`, the one way every command runs
 * Playwright: in the working directory, with this process's environment plus `env`.
 */
export function runPlaywrightTest(args: string[], env: NodeJS.ProcessEnv): Promise<ChildExit> {
  const cli = require.resolve('@playwright/test/cli');
  return runPlaywrightChild([cli, 'test', '--config', playwrightConfigFile, ...args], { cwd: process.cwd(), env: { ...process.env, ...env } });
}

/** For matrix and audit: the child's exit code, or exit 2 (one line) when the run was interrupted. */
export async function runPlaywrightOrInterrupt(args: string[], env: NodeJS.ProcessEnv, what: string): Promise<number> {
  const exit = await runPlaywrightTest(args, env);
  if (exit.interrupted) throw new HarnessError(`the ${what} was interrupted (${exit.interrupted}); Playwright, Chromium and the app server were stopped`, `Run it again to the end: an interrupted ${what} proves nothing.`);
  return exit.code;
}
