import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MaskproofError, UsageError } from '../errors.ts';
import { mergeReports } from '../report/merge.ts';
import { renderTable } from '../report/terminal-table.ts';

/** `maskproof merge [--report DIR] <shard dir>...`: one report for a sharded run. */
export async function mergeCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { report: { type: 'string' } } });
  } catch (error) {
    throw new UsageError((error as Error).message, 'Run `maskproof merge --help` for the options.');
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('merge needs the report directory of each shard', 'Run `maskproof merge --report DIR <shard dir>...` (see `maskproof merge --help`).');
  const out = resolve(values.report ?? process.env.MASKPROOF_REPORT_DIR ?? 'reports');
  const { results, html, htmlError } = mergeReports(positionals, out);
  if (results.cases.length === 0) throw new MaskproofError('the shards hold no row', 'Check that each shard ran journeys (its --project and Playwright filters).', 2);
  const where = (file: string) => relative(process.cwd(), resolve(out, file)) || file;
  console.log(`maskproof merge · ${positionals.length} shards · ${results.cases.length} rows · seed ${results.seed} · recorder ${results.recorder}`);
  console.log('');
  console.log(renderTable(results.cases));
  const failed = results.cases.filter((c) => c.status !== 'pass').length;
  console.log('');
  console.log(`${results.cases.length - failed} passed, ${failed} failed · results in ${where('results.json')}`);
  if (html) console.log(`report: ${where('index.html')} (open it in a browser) · junit.xml beside it`);
  else console.log(`maskproof: could not write the HTML report: ${htmlError}`);
  return failed === 0 ? 0 : 1;
}
