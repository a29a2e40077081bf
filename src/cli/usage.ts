/** Each command's `--help`: its usage line, what it does, every option, its exit codes. */
import { DEFAULT_RECORDER_CONFIG } from '../package-root.ts';

const BROWSER_ENV = `Browser: MASKPROOF_CHROMIUM or CHROME_PATH (override), else Playwright's own Chromium, else a system
  Chromium (/usr/bin/chromium...), else the packaged one from npm @sparticuz/chromium (Linux x64).`;

export const COMMAND_HELP: Record<string, string> = {
  run: `Usage:
  maskproof run [--recorder FILE] [--seed N] [--project desktop|mobile|controls] [--report DIR] [--blob DIR] [-- <playwright args>]
  maskproof run --config FILE [--recorder FILE] [--seed N] [--report DIR] [--blob DIR] [-- <playwright args>]

Drives the privacy journeys through the app with the recorder injected and checks each expected result.
Writes DIR/results.json, junit.xml, index.html, canaries.json and the evidence (recordings/, visual/).

  --recorder FILE   recorder config (default ${DEFAULT_RECORDER_CONFIG}; env MASKPROOF_RECORDER)
  --seed N          replay the values of an earlier run (env MASKPROOF_SEED; default: a new seed, printed)
  --project NAME    desktop, mobile or controls (repeatable; controls runs only when named)
  --report DIR      where the report goes (default reports/; env MASKPROOF_REPORT_DIR)
  --config FILE     your own app: maskproof.config.ts or .json (one in the working directory is used)
  --blob DIR        also write Playwright's blob report to DIR
  -h, --help        this help
  -- <args>         passed to \`playwright test\`, e.g. -- --grep @auth-token, -- --shard=1/2

Sharded: run each shard with the same --seed and its own --report, then \`maskproof merge\`.
Your own app without a config: MASKPROOF_BASE_URL.
${BROWSER_ENV}
Exit 0 every row passes, 1 a row failed or is not applicable, 2 bad usage, bad config, no browser or app.`,

  matrix: `Usage: maskproof matrix [--seed N] [--report DIR] [-- <playwright args>]
       maskproof matrix --recorder FILE [--seed N] [--report DIR] [-- <playwright args>]

Runs the leak-vector corpus: every vector under the config that protects it and under the leaky one;
prints vector × config → caught / clean / MISSED / FALSE ALARM and writes DIR/matrix.json.

With --recorder FILE: every vector page under that one recorder config (any registered recorder: a
vendor's defaults, your own config); prints per vector safe / leaked (redacted, at its JSON path) /
inapplicable (the recorder does not send the vector's surface: network, errors, click breadcrumbs, a
server-sent config, and why) and writes DIR/matrix-recorder.json.

  --recorder FILE   run every vector under this recorder config instead of each vector's own pair
  --seed N          replay the values of an earlier run (env MASKPROOF_SEED)
  --report DIR      where matrix.json goes (default reports/; env MASKPROOF_REPORT_DIR)
  -h, --help        this help
  -- <args>         passed to \`playwright test\`, e.g. -- --grep cookie

${BROWSER_ENV}
Exit 0 every cell as expected (--recorder: no vector leaked), 1 a MISSED, FALSE ALARM or ERROR cell
(--recorder: a vector leaked or did not complete), 2 bad usage or config.`,

  audit: `Usage: maskproof audit [--config FILE] [--baseline FILE] [--update-baseline] [--report DIR] [-- <playwright args>]

The drift audit: lists every field and text element of each route in maskproof.config, classifies it
under the recorder config, and fails on unprotected ones (with a baseline: on new ones only).

  --config FILE       maskproof.config.ts or .json (default: the one in the working directory)
  --baseline FILE     the baseline to compare with (default maskproof.baseline.json beside the config)
  --update-baseline   record the current state as the baseline (every route; no Playwright arguments)
  --report DIR        where the audit's report goes (default reports/; env MASKPROOF_REPORT_DIR)
  -h, --help          this help
  -- <args>           passed to \`playwright test\`, e.g. -- --shard=1/2 or -- --grep /book

${BROWSER_ENV}
Exit 0 clean, 1 drift, 2 bad usage or config.`,

  init: `Usage: maskproof init [--force] [--dir DIR]

Writes a commented maskproof.config.ts and an example journey to start testing your own app.

  --dir DIR      where to write them (default: the working directory)
  --force        overwrite files that already exist
  -h, --help     this help

Exit 0 written, 2 the files exist (without --force) or bad usage.`,

  merge: `Usage: maskproof merge [--report DIR] <shard report dir>...

Joins the reports of a sharded run (\`maskproof run --seed N --report DIR_i -- --shard=i/n\`) into one:
results.json with every row, canaries.json, junit.xml (one testcase per row), index.html, and each
shard's evidence files copied beside them. The shards must share seed and recorder config.

  --report DIR   where the merged report goes (default reports/; env MASKPROOF_REPORT_DIR)
  -h, --help     this help

Exit 0 every row passes, 1 a row failed or is not applicable, 2 bad usage or shards of different runs.`,
};

/** True when the arguments before a `--` ask for help: those after it belong to Playwright. */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}
