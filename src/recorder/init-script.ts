import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { RrwebRecorderConfig } from '../config/recorder-config.ts';

const require = createRequire(import.meta.url);

/** The name of the binding the page delivers event batches through. */
export const INGEST_BINDING = '__maskproofIngest';

/** Per-run page settings that are not part of the recorder config. */
export interface SessionOptions {
  /** Seeds the session id that policy.collection.sampleRate draws from, so a run's draws repeat. */
  seed?: string;
}

let cachedRrwebBundle: string | undefined;

/** rrweb's UMD browser bundle (next to its CommonJS entry; the package exports no subpath for it). */
function rrwebBundle(): string {
  // Drop the source map comment: the page would try to fetch the map from the app's origin.
  cachedRrwebBundle ??= readFileSync(join(dirname(require.resolve('rrweb')), 'rrweb.umd.min.cjs'), 'utf8').replace(/\n\/\/# sourceMappingURL=[^\n]*\s*$/, '\n');
  return cachedRrwebBundle;
}

const wrapperSource = readFileSync(new URL('./wrapper.browser.js', import.meta.url), 'utf8');

/**
 * The script added with page.addInitScript. Guarded to the top frame: rrweb creates a hidden
 * about:blank iframe to read untainted prototypes, Playwright runs init scripts in every frame, and
 * loading rrweb there again recurses until the stack overflows. Same-origin iframes are still
 * recorded by rrweb from the top frame.
 */
export function buildInitScript(config: RrwebRecorderConfig, session: SessionOptions = {}): string {
  const pageConfig = { rrweb: config.rrweb, policy: config.policy, sessionSeed: session.seed };
  // A function replacement: a string one would expand $& and friends inside the config's regexes.
  const wrapper = wrapperSource.replace('__MASKPROOF_CONFIG__', () => JSON.stringify(pageConfig));
  // The bundle runs in a function with no `exports`, `module` or `define`, so that an app's own
  // module loader (AMD, CommonJS shims) cannot capture it: it then sets window.rrweb.
  return [
    'if (window === window.top && !window.__maskproofInstalled) {',
    'window.__maskproofInstalled = true;',
    '(function (exports, module, define) {',
    rrwebBundle(),
    '}).call(window);',
    wrapper,
    '}',
  ].join('\n');
}
