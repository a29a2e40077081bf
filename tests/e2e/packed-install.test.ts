import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBrowser } from '../../src/browser/resolve-browser.ts';
import type { RunResults } from '../../src/report/results.ts';
import { root } from '../helpers/run-cli.ts';

// maskproof as a user gets it: `npm pack`, installed with its own Playwright into a fresh project outside
// the repository, next to a small app that embeds rrweb in its own pages and posts to its own /ingest.
// Everything below runs there, through `npx`, with no TypeScript loader and nothing of the repository.

const playwrightVersion = (JSON.parse(readFileSync(join(root, 'node_modules/@playwright/test/package.json'), 'utf8')) as { version: string }).version;

/** The app's own page: rrweb from the project's node_modules, batches posted as a JSON array to /ingest on hide. */
const APP_SERVER = `import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

// APP_BUILD=leaky: the same app with maskAllInputs dropped from its own recorder options.
const leaky = process.env.APP_BUILD === 'leaky';
const rrwebOptions = leaky ? {} : { maskAllInputs: true };
const rrweb = readFileSync(new URL('./node_modules/rrweb/dist/rrweb.umd.min.cjs', import.meta.url), 'utf8');
const ingested = [];

const page = \`<!doctype html><html><head><meta charset="utf-8"><title>Acme sign-up</title>
<script src="/rrweb.js"></script></head><body>
<main><h1>Sign up</h1>
<label for="email">Email</label><input id="email" name="email" type="email">
<label for="full-name">Name</label><input id="full-name" name="full-name">
<button id="save" type="button">Save</button><p id="state">idle</p></main>
<script>
  const buffer = [];
  rrweb.record({ emit: (event) => buffer.push(event), ...\${JSON.stringify(rrwebOptions)} });
  function send() {
    if (buffer.length === 0) return;
    fetch('/ingest', { method: 'POST', keepalive: true, headers: { 'content-type': 'application/json' }, body: JSON.stringify(buffer.splice(0)) });
  }
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') send(); });
  addEventListener('pagehide', send);
  document.getElementById('save').addEventListener('click', () => { const state = document.getElementById('state'); state.textContent = 'saved'; state.dataset.state = 'saved'; });
</script></body></html>\`;

createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/ingest') {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => { ingested.push(...JSON.parse(body)); res.writeHead(204).end(); });
  } else if (req.url === '/ingested') res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(ingested));
  else if (req.url === '/rrweb.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(rrweb);
  else if (req.url === '/' || req.url?.startsWith('/?')) res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  else res.writeHead(404).end();
}).listen(Number(process.argv[process.argv.indexOf('--port') + 1] || 0), '127.0.0.1', function () {
  console.log('listening on http://127.0.0.1:' + this.address().port);
});
`;

const WEB_SERVER = `{ command: 'node server.mjs --port 0', wait: { stdout: /listening on http:\\/\\/127\\.0\\.0\\.1:(?<maskproof_app_port>\\d+)/ }, timeout: 15_000 }`;

/** Inject mode: maskproof injects rrweb with these settings (the app's own recorder runs beside it). */
const MASKPROOF_CONFIG = `import { defineConfig } from 'maskproof/config';

export default defineConfig({
  baseURL: 'http://127.0.0.1:{port}',
  webServer: ${WEB_SERVER},
  recorder: { recorder: 'rrweb', rrweb: { maskAllInputs: true } },
  routes: [{ path: '/', risk: 'low', ready: '#email' }],
  journeys: 'journeys',
});
`;

/** Observe mode: maskproof injects nothing and reads what the app's own rrweb posts to its /ingest. */
const OBSERVE_CONFIG = MASKPROOF_CONFIG.replace("recorder: { recorder: 'rrweb', rrweb: { maskAllInputs: true } }", "recorder: { observe: 'rrweb', ingest: { url: '**/ingest' } }");

const JOURNEY = `name: sign up
steps:
  - goto: /
  - fill: { selector: '#email', value: '{{internet.email}}' }
  - type: { selector: '#full-name', value: '{{person.fullName}}' }
  - click: '#save'
  - waitFor: { selector: '#state', attribute: { data-state: saved } }
  - expect: { case: pii-form-submit, fields: [email, full-name] }
`;

const LEAKY_RECORDER = JSON.stringify({ name: 'leaky-inputs', recorder: 'rrweb', rrweb: { maskAllInputs: false } });

/** The user's own Playwright suite, importing the fixture from 'maskproof'. */
const PLAYWRIGHT_CONFIG = `import { defineConfig } from '@playwright/test';

const port = process.env.APP_PORT;
export default defineConfig({
  testDir: 'tests',
  reporter: 'list',
  use: { baseURL: 'http://127.0.0.1:' + port, launchOptions: { executablePath: process.env.USER_CHROMIUM || undefined } },
  webServer: { command: 'node server.mjs --port ' + port, url: 'http://127.0.0.1:' + port, timeout: 15_000 },
});
`;

const OWN_SPEC = `import { expect, test } from 'maskproof';

test('sign-up form: typed values reach the replay masked', async ({ page, maskproof }) => {
  await page.goto('/');
  await page.locator('#email').fill(maskproof.person.email);
  await page.locator('#full-name').pressSequentially(maskproof.person.fullName);
  await expect(maskproof).toPassPrivacyAudit('pii-form-submit', { fields: ['email', 'full-name'] });
});
`;

export interface ProjectRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** <project>/<report>/results.json, when the command wrote one. */
  results?: RunResults;
}

let work = '';
let project = '';
let installSeconds = 0;
let nodeModulesBefore: string[] = [];

/** The environment of a user's shell: none of the repository's or this test run's maskproof settings, no NODE_OPTIONS. */
function userEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('MASKPROOF_') && key !== 'NODE_OPTIONS' && !key.startsWith('VITEST')));
  return { ...env, ...extra };
}

/**
 * Runs `command args` in the installed project and reads what it reported (reports/ by default, or `report`).
 * The app's build is picked by env: `inProject('npx', ['maskproof', 'run', '--config', 'observe.config.ts'],
 * { env: { APP_BUILD: 'leaky' }, report: ... })` runs the leaky build (its own rrweb without maskAllInputs).
 */
function inProject(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; report?: string } = {}): ProjectRun {
  const child: SpawnSyncReturns<string> = spawnSync(command, args, { cwd: project, encoding: 'utf8', env: userEnv(options.env ?? {}), timeout: 200_000 });
  const resultsFile = join(project, options.report ?? 'reports', 'results.json');
  return {
    status: child.status,
    stdout: child.stdout,
    stderr: child.stderr,
    results: existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as RunResults) : undefined,
  };
}

/** Every file under node_modules, with its size: what a run must leave as the install left it. */
function listing(dir: string): string[] {
  const out: string[] = [];
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(`${relative(dir, full)} ${entry.isFile() ? statSync(full).size : 'link'}`);
    }
  };
  walk(dir);
  return out.sort();
}

describe('the packed package, installed into a fresh project', () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'maskproof-packed-'));
    const pack = spawnSync('npm', ['pack', '--pack-destination', work, '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
    if (pack.status !== 0) throw new Error(`npm pack failed: ${pack.stderr}`);
    const tarball = join(work, (JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string }[])[0]!.filename);
    project = join(work, 'acme-app');
    mkdirSync(join(project, 'tests'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'acme-app', private: true, type: 'module' }, null, 2));
    writeFileSync(join(project, 'server.mjs'), APP_SERVER);
    const started = Date.now();
    const install = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '-D', `@playwright/test@${playwrightVersion}`, tarball], { cwd: project, encoding: 'utf8', env: userEnv({}) });
    installSeconds = (Date.now() - started) / 1000;
    if (install.status !== 0) throw new Error(`npm install failed: ${install.stderr}`);
    nodeModulesBefore = listing(join(project, 'node_modules'));
  });

  afterAll(() => {
    console.log(`packed install: npm install ${installSeconds.toFixed(1)}s`);
    // About 70 MB per run: removed unless kept for a look (MASKPROOF_KEEP_PACKED=1).
    if (work && !process.env.MASKPROOF_KEEP_PACKED) rmSync(work, { recursive: true, force: true });
  });

  it('installs one Playwright, no vendor SDK, no TypeScript loader', () => {
    const maskproofDir = join(project, 'node_modules/maskproof');
    expect(existsSync(join(maskproofDir, 'dist/src/index.js'))).toBe(true);
    expect(existsSync(join(maskproofDir, 'dist/src/index.d.ts'))).toBe(true);
    // Sources, tests and corpora stay in the repository.
    for (const absent of ['src', 'tests', 'bench', '.ci', 'fixtures/recordings', 'fixtures/vendor-payloads', 'fixtures/app2']) expect(existsSync(join(maskproofDir, absent)), absent).toBe(false);
    for (const absent of ['tsx', '@sentry/browser', 'posthog-js', 'maskproof/node_modules/@playwright', 'maskproof/node_modules/playwright']) expect(existsSync(join(project, 'node_modules', absent)), absent).toBe(false);
  });

  it('init, run (safe and leaky), audit and the own suite all work where the user is', () => {
    // init: a starter config and journey that validate here.
    const init = inProject('npx', ['maskproof', 'init']);
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(init.stdout).toMatch(/both validate/);

    writeFileSync(join(project, 'maskproof.config.ts'), MASKPROOF_CONFIG);
    writeFileSync(join(project, 'journeys', 'home-page.yaml'), JOURNEY);
    writeFileSync(join(project, 'leaky-recorder.json'), LEAKY_RECORDER);

    // Inject mode, the config's recorder: green, reports under the project, paths printed relative to it.
    const safe = inProject('npx', ['maskproof', 'run', '--config', 'maskproof.config.ts', '--seed', '11']);
    expect(safe.stderr).not.toMatch(/ERR_UNKNOWN_FILE_EXTENSION|second time|maskproof: /);
    expect(safe.status).toBe(0);
    expect(safe.results!.cases.map((c) => `${c.journey} › ${c.id}: ${c.status}`)).toEqual(['sign up › pii-form-submit: pass']);
    expect(safe.stdout).toMatch(/report in reports\//);
    for (const file of ['reports/results.json', 'reports/index.html', 'reports/junit.xml']) expect(existsSync(join(project, file)), file).toBe(true);
    // Playwright's own artifacts hold raw planted values: not in the report folder unless asked.
    expect(existsSync(join(project, 'reports/playwright-report'))).toBe(false);

    // A leaky recorder: exit 1, the row fails naming the field that leaked.
    const leaky = inProject('npx', ['maskproof', 'run', '--config', 'maskproof.config.ts', '--seed', '11', '--recorder', 'leaky-recorder.json', '--report', 'reports-leaky'], { report: 'reports-leaky' });
    expect(leaky.status).toBe(1);
    const reasons = leaky.results!.cases.find((c) => c.id === 'pii-form-submit')!.reasons.join('\n');
    expect(reasons).toMatch(/#email recorded unmasked input/);

    // Observe mode, the app's own recorder as it ships: the safe build passes; the leaky build (its own
    // rrweb without maskAllInputs) fails naming the fields, though maskproof's config never changed.
    writeFileSync(join(project, 'observe.config.ts'), OBSERVE_CONFIG);
    const observedSafe = inProject('npx', ['maskproof', 'run', '--config', 'observe.config.ts', '--seed', '11', '--report', 'reports-observe'], { report: 'reports-observe' });
    expect(observedSafe.stderr).not.toMatch(/maskproof: /);
    expect(observedSafe.status, observedSafe.stdout).toBe(0);
    expect(observedSafe.results!.cases.map((c) => `${c.id}: ${c.status}`)).toEqual(['pii-form-submit: pass']);
    const observedLeaky = inProject('npx', ['maskproof', 'run', '--config', 'observe.config.ts', '--seed', '11', '--report', 'reports-observe-leaky'], { env: { APP_BUILD: 'leaky' }, report: 'reports-observe-leaky' });
    expect(observedLeaky.status, observedLeaky.stdout).toBe(1);
    const observedReasons = observedLeaky.results!.cases.find((c) => c.id === 'pii-form-submit')!.reasons.join('\n');
    expect(observedReasons).toMatch(/#email recorded unmasked input/);
    expect(observedReasons).toMatch(/#full-name recorded unmasked input/);

    // The drift audit: inputs masked, clean.
    const audit = inProject('npx', ['maskproof', 'audit', '--config', 'maskproof.config.ts']);
    expect(audit.stderr).not.toMatch(/maskproof: /);
    expect(audit.status).toBe(0);
    expect(audit.stdout).toMatch(/0 failing/);

    // The user's own suite with plain `npx playwright test`: the fixture reads maskproof.config.ts here.
    writeFileSync(join(project, 'playwright.config.ts'), PLAYWRIGHT_CONFIG);
    writeFileSync(join(project, 'tests', 'signup.spec.ts'), OWN_SPEC);
    const port = String(20_000 + (process.pid % 20_000));
    const own = inProject('npx', ['playwright', 'test'], { env: { APP_PORT: port, USER_CHROMIUM: resolveBrowser().executablePath ?? '' } });
    expect(`${own.stdout}${own.stderr}`).not.toMatch(/Requiring @playwright\/test second time|__name is not defined/);
    expect(own.stdout).toMatch(/1 passed/);
    expect(own.status).toBe(0);
    expect(existsSync(join(project, 'reports', 'recordings'))).toBe(true);

    // No TypeScript loader anywhere, and node_modules exactly as npm left it.
    expect(listing(join(project, 'node_modules'))).toEqual(nodeModulesBefore);
    expect(readdirSync(project).filter((name) => name.startsWith('.maskproof'))).toEqual([]);
  });
});
