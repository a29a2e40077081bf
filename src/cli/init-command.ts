import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadMaskproofConfig } from '../config/maskproof-config.ts';
import { UsageError } from '../errors.ts';
import { vendors } from '../recorder/vendors/registry.ts';
import { loadJourneys } from '../journeys/load-journeys.ts';

export const STARTER_CONFIG = `import { defineConfig } from 'maskproof/config';

// maskproof: privacy QA for your session replay. Edit, then run:
//   npx maskproof run      the journeys under journeys/ with the recorder injected, audited
//   npx maskproof audit    the drift audit: every field of every route below, masked or not
export default defineConfig({
  // Your app. With a webServer that prints a free port, write {port} and capture it (see below).
  baseURL: 'http://localhost:3000',

  // Optional: start the app for the run, as Playwright's webServer does.
  // webServer: {
  //   command: 'npm run start',
  //   url: 'http://localhost:3000',
  //   // or: wait: { stdout: /listening on .*:(?<maskproof_app_port>\\d+)/ }, with baseURL 'http://localhost:{port}'
  // },

  // The recorder as your app configures it: a recorder config file ('./recorder.json'), a name with its
  // defaults (${vendors.map((v) => `'${v.kind}'`).join(', ')}), or inline, as here (the keys of a recorder config file).
  recorder: {
    recorder: 'rrweb',
    rrweb: { maskAllInputs: true, maskTextSelector: '[data-private-text]', blockSelector: '[data-private]' },
    policy: { neverRecordOn: ['^/admin(/|$)'] },
  },

  // Risk classes. high: no replay at all; medium: all text and inputs masked; low: inputs masked.
  // "ready" is a selector the drift audit waits for before listing the page's fields.
  routes: [
    { path: '/', risk: 'low' },
    // { path: '/checkout', risk: 'medium', ready: 'form' },
    // { path: '/admin', risk: 'high' },
  ],

  // Elements known to hold personal data: they must be masked or blocked on every route.
  pii: [],
  // Values and selectors known to be safe to record.
  allow: { values: [], selectors: [] },

  // Declarative journeys (YAML or JSON): files, or directories of them.
  journeys: 'journeys',
});
`;

export const STARTER_JOURNEY = `# A journey: steps a user takes, then what the recording must show. Values in {{...}} are faker
# methods; each becomes a planted value ("canary") that must never appear in the recording.
name: home page
steps:
  - goto: /
  - waitFor: body
  # - fill: { selector: '#email', value: '{{internet.email}}' }
  # - type: { selector: '#name', value: '{{person.fullName}}' }
  # - click: '#submit'                     # or { selector: '#save', times: 6 } for a rage click
  # - waitFor: { selector: '#result', attribute: { data-state: done } }
  # - expect: { case: pii-form-submit, fields: [email, name] }
  - expect: route-risk
`;

/** `maskproof init`: writes a commented starter config and one example journey, then validates them. */
export async function initCommand(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { force: { type: 'boolean' }, dir: { type: 'string' } } }));
  } catch (error) {
    throw new UsageError((error as Error).message, 'Run `maskproof init --help` for the options.');
  }
  const dir = resolve(values.dir ?? '.');
  const configFile = join(dir, 'maskproof.config.ts');
  const journeyFile = join(dir, 'journeys', 'home-page.yaml');
  const existing = [configFile, journeyFile].filter((file) => existsSync(file));
  if (existing.length > 0 && !values.force) {
    throw new UsageError(`${existing.map((f) => relative(process.cwd(), f) || f).join(' and ')} already exist${existing.length === 1 ? 's' : ''}`, 'Keep your files, or run `maskproof init --force` to overwrite them.');
  }
  mkdirSync(join(dir, 'journeys'), { recursive: true });
  writeFileSync(configFile, STARTER_CONFIG);
  writeFileSync(journeyFile, STARTER_JOURNEY);
  console.log(`wrote ${relative(process.cwd(), configFile) || configFile}\nwrote ${relative(process.cwd(), journeyFile) || journeyFile}`);
  try {
    const config = await loadMaskproofConfig(configFile);
    loadJourneys(config.journeyFiles);
    console.log('both validate. Next: set baseURL and routes, then `npx maskproof run` and `npx maskproof audit --update-baseline`.');
  } catch (error) {
    // The usual cause: maskproof is not installed where the config lives, so its import does not resolve.
    console.log(`written, but not validated here: ${(error as Error).message.split('\n')[0]}\n  → install maskproof in this project (npm install -D maskproof), then run \`npx maskproof run\`.`);
  }
  return 0;
}
