import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.ts';
import { MaskproofError, formatError } from '../errors.ts';
import { COMMAND_HELP, wantsHelp } from './usage.ts';

const usage = `maskproof: privacy QA for web session replay

Usage:
  maskproof run  [--recorder FILE] [--seed N] [--project desktop|mobile|controls] [--report DIR] [--blob DIR] [-- <playwright args>]
  maskproof scan <recording> [--canaries FILE] [--allow FILE] [--json] [--no-patterns] [--one-thread]
  maskproof matrix [--recorder FILE] [--seed N] [--report DIR] [-- <playwright args>]
  maskproof run  --config FILE [--recorder FILE] [--seed N] [--report DIR] [--blob DIR] [-- <playwright args>]
  maskproof audit [--config FILE] [--baseline FILE] [--update-baseline] [--report DIR] [-- <playwright args>]
  maskproof init [--force] [--dir DIR]
  maskproof merge [--report DIR] <shard report dir>...
  maskproof <command> --help

  run    drives the privacy journeys through the app with the recorder injected and checks each
         expected result; writes DIR/results.json (default reports/). Exit 0 all pass, 1 a row failed,
         2 bad usage, bad config or no browser.
         --project controls: the consent and collection controls (use --recorder
         fixtures/recorders/safe-controls.json for a passing run); not part of the default run.
  scan   scans a recorded rrweb event stream (.json, .jsonl, optionally .gz) for planted values and
         personal data. Exit 0 clean, 1 findings, 2 bad usage or input.
  matrix runs the leak-vector corpus: every vector under the config that protects it and the leaky one;
         prints vector × config → caught / clean / MISSED / FALSE ALARM, writes DIR/matrix.json. Exit 0
         every cell as expected, 1 a MISSED, FALSE ALARM or ERROR cell, 2 bad usage or config.
         --recorder FILE: every vector page under that one config (a vendor's defaults): safe / leaked /
         inapplicable with the reason; writes DIR/matrix-recorder.json. Exit 1 when a vector leaked.
  run --config  runs your own app's declarative journeys (maskproof.config.ts or .json; one in the
         working directory is used when present). --blob DIR also writes Playwright's blob report.
  audit  the drift audit: lists every field and text element of each configured route, classifies it
         under the recorder config; fails on unprotected ones (with a baseline: new ones). Exit 0 clean,
         1 drift, 2 bad usage or config. --update-baseline records the current state.
  init   writes a commented maskproof.config.ts and an example journey (refuses to overwrite without --force).
  merge  joins the report directories of a sharded run (run -- --shard=i/n, same --seed) into one report.

Environment: MASKPROOF_RECORDER, MASKPROOF_SEED, MASKPROOF_REPORT_DIR, MASKPROOF_BASE_URL (your own app),
MASKPROOF_CHROMIUM or CHROME_PATH (browser override). \`maskproof <command> --help\` lists every option.`;

function version(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    // `maskproof <command> --help`: that command's usage, exit 0 (scan prints its own).
    if (command && command !== 'scan' && Object.hasOwn(COMMAND_HELP, command) && wantsHelp(rest)) {
      console.log(COMMAND_HELP[command]);
      return 0;
    }
    switch (command) {
      case 'run':
        return await (await import('./run-command.ts')).runCommand(rest);
      case 'scan': {
        const { runScan } = await import('./scan-command.ts');
        return await runScan(rest);
      }
      case 'matrix':
        return await (await import('./matrix-command.ts')).matrixCommand(rest);
      case 'audit':
        return await (await import('./audit-command.ts')).auditCommand(rest);
      case 'init':
        return await (await import('./init-command.ts')).initCommand(rest);
      case 'merge':
        return await (await import('./merge-command.ts')).mergeCommand(rest);
      case '--version':
      case '-v':
        console.log(version());
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        console.log(usage);
        return command === undefined ? 2 : 0;
      default:
        console.error(`maskproof: unknown command "${command}"\n\n${usage}`);
        return 2;
    }
  } catch (error) {
    console.error(formatError(error));
    return error instanceof MaskproofError ? error.exitCode : 2;
  }
}
