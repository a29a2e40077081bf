import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { COMMAND_HELP, wantsHelp } from '../../../src/cli/usage.ts';

const root = resolve(import.meta.dirname, '../../..');

/** Runs the CLI in-process, returning its exit code and what it printed. */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  try {
    return { code: await main(argv), out: out.join('\n'), err: err.join('\n') };
  } finally {
    stdout.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

/** The options the README's CLI block lists for each command. */
function readmeOptions(): Map<string, Set<string>> {
  const readme = readFileSync(resolve(root, 'README.md'), 'utf8');
  const block = readme.split('## CLI')[1]!.split('```')[1]!;
  const options = new Map<string, Set<string>>();
  for (const line of block.split('\n')) {
    const command = /^maskproof (\w+)/.exec(line.trim())?.[1];
    if (!command) continue;
    const set = options.get(command) ?? new Set<string>();
    for (const [option] of line.matchAll(/--[a-z][a-z-]*/g)) set.add(option);
    options.set(command, set);
  }
  return options;
}

describe('maskproof <command> --help', () => {
  for (const command of ['run', 'audit', 'scan', 'matrix', 'init', 'merge']) {
    it(`${command} --help and -h print its usage and exit 0`, async () => {
      for (const flag of ['--help', '-h']) {
        const { code, out, err } = await cli(command, flag);
        expect(code).toBe(0);
        expect(err).toBe('');
        expect(out).toContain(`maskproof ${command}`);
        expect(out).toMatch(/Exit 0/);
      }
    });
  }

  it('lists every option the README lists for that command', async () => {
    const options = readmeOptions();
    expect([...options.keys()].sort()).toEqual(['audit', 'init', 'matrix', 'merge', 'run', 'scan']);
    for (const [command, set] of options) {
      const { out } = await cli(command, '--help');
      for (const option of set) expect(out, `${command} --help lists ${option}`).toContain(option);
    }
  });

  it('lists every option each command parses', () => {
    const parsed: Record<string, string[]> = {
      run: ['--recorder', '--seed', '--project', '--report', '--config', '--blob'],
      audit: ['--config', '--baseline', '--update-baseline', '--report'],
      matrix: ['--seed', '--report'],
      init: ['--force', '--dir'],
      merge: ['--report'],
    };
    for (const [command, list] of Object.entries(parsed)) for (const option of list) expect(COMMAND_HELP[command], `${command}: ${option}`).toContain(option);
  });

  it('leaves a --help after -- to Playwright', () => {
    expect(wantsHelp(['--seed', '3', '--', '--help'])).toBe(false);
    expect(wantsHelp(['-h'])).toBe(true);
  });

  it('an unknown option points at the command\'s own help', async () => {
    const { code, err } = await cli('matrix', '--sed', '3');
    expect(code).toBe(2);
    expect(err).toContain('maskproof matrix --help');
  });

  it('the top-level usage names merge and the per-command help', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    expect(out).toContain('maskproof merge');
    expect(out).toContain('maskproof <command> --help');
  });
});
