/**
 * The layering of src/ (docs/architecture.md, "Dependency rules"): every layer imports down to the
 * contract (src/contract), and nothing reaches back up. Checked in `npm test` by
 * tests/unit/contract/dependency-rules.test.ts, and by hand with `node scripts/check-layers.mjs`
 * (dependency-cruiser's own CLI refuses Node 20; its API, which both use, runs on it).
 *
 * TypeScript is read with swc (`parser: 'swc'`): dependency-cruiser's TypeScript reader needs
 * typescript < 7, and the project is on 7. Type-only imports count (tsPreCompilationDeps): a report that
 * imports a fixture's type still depends on the fixture.
 */
const VENDOR_SDKS = '^node_modules/(@sentry|posthog-js|@datadog|@newrelic|highlight\\.run|mixpanel-browser|@amplitude)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'contract-is-a-leaf',
      comment: 'src/contract holds the names and shapes every layer shares; it imports nothing else of src/.',
      severity: 'error',
      from: { path: '^src/contract/' },
      to: { path: '^src/', pathNot: '^src/contract/' },
    },
    {
      name: 'report-renders-only',
      comment: 'src/report renders the result model (src/contract/results.ts); it never re-runs a check, reads a fixture or a recorder, nor reaches its collectors or the CLI.',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: '^src/(fixture|verdict|recorder|journeys|cli|collect|vectors|drift|capture)/' },
    },
    {
      name: 'checks-do-not-render',
      comment: 'The checks and what they read (verdict, journeys, vectors, drift, detect, capture, recorder) hand results up through the contract; none imports the report.',
      severity: 'error',
      from: { path: '^src/(verdict|journeys|vectors|drift|detect|capture|recorder|recording|scan|visual)/' },
      to: { path: '^src/report/' },
    },
    {
      name: 'verdict-reads-evidence',
      comment: 'An audit reads captured evidence (src/contract/recording.ts), not a recorder nor a vendor SDK.',
      severity: 'error',
      from: { path: '^src/verdict/' },
      to: { path: ['^src/recorder/', VENDOR_SDKS] },
    },
    {
      name: 'cli-is-the-top',
      comment: 'Nothing imports src/cli except bin/ and src/cli itself.',
      severity: 'error',
      from: { pathNot: ['^src/cli/', '^bin/'] },
      to: { path: '^src/cli/' },
    },
    {
      name: 'no-runtime-cycle',
      comment: 'No module loads itself through its imports (type-only imports vanish at run time and do not count).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '\\.browser\\.js$'] },
    moduleSystems: ['es6'],
  },
};
