import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script, no type declarations
import { brokenLinks, checkDocs, extractTerms, loadHelp, missingTerms, staleHints, unknownCommands } from '../../../scripts/check-docs.mjs';

const OLD = [
  '# tool',
  '## Point it at your own app',
  'Set `maskAllInputs` and `policy.collection.sampleRate`, or `MASKPROOF_SEED`; run with `--update-baseline`.',
  '```sh',
  'npx maskproof run --seed 7 -- --shard=1/2',
  '```',
  '```json',
  '{ "policy": { "neverRecordOn": ["^/admin"] } }',
  '```',
].join('\n');

describe('docs check', () => {
  it('finds nothing missing, broken or untrue in the repository docs', () => {
    expect(checkDocs()).toEqual([]);
  });

  it('takes headings, flags, environment variables and code-span terms from an old README', () => {
    const terms = extractTerms(OLD);
    expect(terms.headings).toEqual(['tool', 'Point it at your own app']);
    expect(terms.flags).toEqual(['--seed', '--shard', '--update-baseline']);
    expect(terms.env).toEqual(['MASKPROOF_SEED']);
    expect(terms.terms).toEqual(expect.arrayContaining(['maskAllInputs', 'policy.collection.sampleRate', 'policy', 'neverRecordOn']));
  });

  it('fails when a section, a flag or a config key the old README had is nowhere in the new docs', () => {
    const terms = extractTerms(OLD);
    const kept = '# tool\n## Point it at your own app\n`maskAllInputs` `policy.collection.sampleRate` `neverRecordOn` MASKPROOF_SEED --update-baseline --seed --shard';
    expect(missingTerms(terms, [kept])).toEqual([]);
    const lost = '# tool\n`maskAllInputs` MASKPROOF_SEED --seed --shard';
    expect(missingTerms(terms, [lost])).toEqual([
      'heading "Point it at your own app"',
      'flag --update-baseline',
      'term `neverRecordOn`',
      'term `policy`',
      'term `policy.collection.sampleRate`',
    ]);
  });

  it('fails on a link to a missing file or a missing heading, passes on good ones', () => {
    const files = new Map([
      ['/d/README.md', 'See [ci](docs/ci.md#sharding), [gone](docs/gone.md), [bad](docs/ci.md#nope), [web](https://x.org) and [self](#see).\n# See'],
      ['/d/docs/ci.md', '# CI\n## Sharding\n```\n[not a link](nowhere.md)\n```'],
    ]);
    expect(brokenLinks(files, () => false)).toEqual([
      '/d/README.md: link to docs/gone.md: no file /d/docs/gone.md',
      '/d/README.md: link to docs/ci.md#nope: no heading #nope in /d/docs/ci.md',
    ]);
  });

  it("fails on a command or an option the CLI's help does not have", () => {
    const help = loadHelp();
    const files = new Map([
      ['README.md', '`maskproof run --seed 7 -- --grep x` and `maskproof audit --update-baseline`\n```sh\nnpx maskproof matrix --report out/   # a comment --nope\n```'],
    ]);
    expect(unknownCommands(files, help)).toEqual([]);
    files.set('bad.md', '`maskproof run --sed 7` and `maskproof scan x --jsn`, `maskproof verify`');
    expect(unknownCommands(files, help)).toEqual([
      'bad.md: `maskproof run --sed`: not an option of run',
      'bad.md: `maskproof scan --jsn`: not an option of scan',
      'bad.md: `maskproof verify`: no such command',
    ]);
  });

  it('fails on an error hint that sends the user to a section its page does not have', () => {
    const sources = new Map([
      ['a.ts', `hint('Fix it; "Journeys without code (YAML)" in docs/journeys.md lists every step.')`],
      ['b.ts', `hint('see "Configuration" in the README for every key')`],
      ['c.ts', `hint('("Observe your app\\'s own recorder" in docs/vendors.md)')`],
    ]);
    expect(staleHints(sources)).toEqual(['b.ts: sends the user to "Configuration" in README.md, which has no such heading']);
  });
});
