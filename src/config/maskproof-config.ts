import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../errors.ts';
import { describeAjvErrors, strictAjv } from './ajv-errors.ts';
import { maskproofConfigSchema, type riskClasses } from './maskproof-config.schema.ts';
import { type RecorderConfig, type RrwebPrivacyOptions, loadRecorderConfig, parseRecorderConfig } from './recorder-config.ts';
import { type VendorKind, vendorOf, vendors } from '../recorder/vendors/registry.ts';
import { type ObserveConfig, isObserveConfig, parseObserveConfig } from '../recorder/observe/observe-config.ts';

export type RiskClass = (typeof riskClasses)[number];

/** A route of your app and what it may give a session replay. */
export interface RouteConfig {
  /** A path the drift audit visits, e.g. "/records". */
  path: string;
  /** high: must produce no replay; medium: all text and inputs masked; low: inputs masked. */
  risk: RiskClass;
  /** Regular expression on the URL path for pages of this route; default: the path itself (trailing slash optional). */
  match?: string;
  /** A selector the drift audit waits for before listing the page's elements (the page is "ready"). */
  ready?: string;
}

/** Started before the journeys, as Playwright's webServer. */
export interface WebServerConfig {
  command: string;
  /** Polled until it answers (as in Playwright); or use `wait`. */
  url?: string;
  cwd?: string;
  timeout?: number;
  reuseExistingServer?: boolean;
  env?: Record<string, string>;
  /** Wait for output instead of a URL; a named group `maskproof_app_port` fills "{port}" in baseURL. */
  wait?: { stdout?: string | RegExp; stderr?: string | RegExp };
}

/** An inline recorder config: the same keys as a recorder config JSON file (see "Recorder config file" in docs/configuration.md). */
export interface InlineRecorderConfig {
  name?: string;
  description?: string;
  recorder: VendorKind;
  rrweb?: RrwebPrivacyOptions;
  policy?: Record<string, unknown>;
  options?: Record<string, unknown>;
  project?: Record<string, unknown>;
}

/** Observe mode: the recorder your app ships, read from what it sends to `ingest`. */
export interface ObserveRecorder {
  observe: ObserveConfig['observe'];
  /** rrweb: the endpoint your app posts events to (a Playwright URL glob, or "/regex/"; a RegExp in a .ts config). */
  ingest?: { url?: string | RegExp; format?: 'auto' | 'json' | 'jsonl' };
}

/** maskproof.config.ts / maskproof.config.json. */
export interface MaskproofConfig {
  /** Your app, e.g. "http://localhost:3000"; "{port}" is the port webServer.wait captured. */
  baseURL: string;
  webServer?: WebServerConfig;
  /**
   * A recorder config file (relative to this config), a recorder name (a vendor kind of the registry, e.g. "rrweb": its defaults),
   * an inline recorder config (all three: maskproof injects that recorder), or `{ observe, ingest }`: the app's own
   * recorder is observed, nothing injected.
   */
  recorder: string | InlineRecorderConfig | ObserveRecorder;
  routes?: RouteConfig[];
  /** Selectors of elements known to hold personal data: they must be masked or blocked on every route. */
  pii?: string[];
  /**
   * Known-safe content: `values` (exact, e.g. the support address in the footer) and `patterns`
   * (regular expressions matching a whole value) are not reported by the personal-data detectors
   * that every row runs; `selectors` are elements the drift audit accepts unmasked.
   */
  allow?: { values?: string[]; patterns?: string[]; selectors?: string[] };
  /** Declarative journey files or directories of them (.yaml, .yml, .json), relative to this config. */
  journeys?: string | string[];
}

/** Typed identity, for editor completion in maskproof.config.ts (the Playwright/vitest convention). */
export function defineConfig(config: MaskproofConfig): MaskproofConfig {
  return config;
}

/** A route with its pattern filled in. */
export interface ResolvedRoute extends RouteConfig {
  match: string;
}

/** The config after loading: paths absolute, defaults filled, plain JSON (it is handed to Playwright's workers). */
export interface ResolvedConfig {
  configFile: string;
  baseURL: string;
  webServer?: { command: string; url?: string; cwd: string; timeout: number; reuseExistingServer: boolean; env?: Record<string, string>; waitStdout?: string; waitStderr?: string };
  /**
   * The recorder config file to run with, or the inline one (written to a file by the CLI). In observe
   * mode `observe` is set and `inline` holds the recorder's defaults, named "observed, settings unknown".
   */
  recorder: { file: string; observe?: undefined } | { inline: InlineRecorderConfig; observe?: ObserveConfig };
  routes: ResolvedRoute[];
  pii: string[];
  allow: { values: string[]; patterns: string[]; selectors: string[] };
  journeyFiles: string[];
}

export const CONFIG_FILE_NAMES = ['maskproof.config.ts', 'maskproof.config.mts', 'maskproof.config.json'];
const JOURNEY_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const isRecorderName = (name: string) => vendorOf(name) !== undefined;

const ajv = strictAjv();
const validate = ajv.compile(maskproofConfigSchema);


/** The default route pattern: the path itself, with or without a trailing slash. */
export function defaultRouteMatch(path: string): string {
  const escaped = path.replace(/\/+$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return `^${escaped}/?$`;
}

/** A TS config may write RegExps where JSON writes strings; the schema sees the JSON form. */
function normalizeRegExps(raw: unknown): unknown {
  const wait = (raw as { webServer?: { wait?: Record<string, unknown> } })?.webServer?.wait;
  if (wait && typeof wait === 'object') {
    for (const key of ['stdout', 'stderr']) if (wait[key] instanceof RegExp) wait[key] = (wait[key] as RegExp).source;
  }
  const ingest = (raw as { recorder?: { ingest?: { url?: unknown } } })?.recorder?.ingest;
  if (ingest && typeof ingest === 'object' && ingest.url instanceof RegExp) ingest.url = `/${ingest.url.source}/${ingest.url.flags}`;
  return raw;
}

/** Journey files named by the config: files as given, directories expanded to their journey files (sorted). */
function journeyFilesOf(entries: string[], base: string, source: string): string[] {
  const files: string[] = [];
  entries.forEach((entry, index) => {
    const path = resolve(base, entry);
    if (!existsSync(path)) throw new ConfigError(`${source}: journeys${entries.length > 1 ? `.${index}` : ''} names "${entry}", which does not exist`, `Create it, or fix the path (relative to ${source}).`);
    if (statSync(path).isDirectory()) {
      const found = readdirSync(path).filter((name) => JOURNEY_EXTENSIONS.has(extname(name))).sort().map((name) => join(path, name));
      if (found.length === 0) throw new ConfigError(`${source}: the journeys directory "${entry}" holds no .yaml, .yml or .json file`, 'Add a journey file, or remove the "journeys" key.');
      files.push(...found);
    } else files.push(path);
  });
  return files;
}

/** Validates a config object (already imported or parsed) and resolves its paths against `configFile`. */
export function parseMaskproofConfig(raw: unknown, configFile: string): ResolvedConfig {
  normalizeRegExps(raw);
  if (!validate(raw)) {
    throw new ConfigError(`${configFile}: ${describeAjvErrors(validate.errors)}`, 'Fix the keys named above; "The config file" in docs/configuration.md lists every key and what it expects.');
  }
  const config = raw as MaskproofConfig;
  const base = dirname(configFile);
  let recorder: ResolvedConfig['recorder'];
  if (typeof config.recorder === 'string') {
    if (isRecorderName(config.recorder)) recorder = { inline: { name: `${config.recorder}-defaults`, recorder: config.recorder as InlineRecorderConfig['recorder'] } };
    else {
      const file = resolve(base, config.recorder);
      // Validated now, so a bad recorder config is reported with the config that named it.
      if (!existsSync(file)) throw new ConfigError(`${configFile}: recorder names "${config.recorder}", which does not exist`, `Give the path of a recorder config JSON file (relative to the config), or ${vendors.map((v) => `"${v.kind}"`).join(', ')}.`);
      loadRecorderConfig(file);
      recorder = { file };
    }
  } else if (isObserveConfig(config.recorder)) {
    const observe = parseObserveConfig(config.recorder, `${configFile} (key "recorder")`);
    // A stand-in the report and visual proofs read: that recorder's defaults (rrweb's for a vendor maskproof cannot inject).
    const standIn = (isRecorderName(observe.observe) ? observe.observe : 'rrweb') as InlineRecorderConfig['recorder'];
    recorder = { inline: { name: `observed-${observe.observe}`, description: 'observed, settings unknown', recorder: standIn }, observe };
  } else {
    parseRecorderConfig(config.recorder, `${configFile} (key "recorder")`);
    recorder = { inline: config.recorder as InlineRecorderConfig };
  }
  const server = config.webServer;
  return {
    configFile,
    baseURL: config.baseURL,
    webServer: server && {
      command: server.command,
      url: server.url,
      cwd: resolve(base, server.cwd ?? '.'),
      timeout: server.timeout ?? 30_000,
      reuseExistingServer: server.reuseExistingServer ?? false,
      env: server.env,
      waitStdout: server.wait?.stdout as string | undefined,
      waitStderr: server.wait?.stderr as string | undefined,
    },
    recorder,
    routes: (config.routes ?? []).map((route) => ({ path: route.path, risk: route.risk, match: route.match ?? defaultRouteMatch(route.path), ready: route.ready })),
    pii: config.pii ?? [],
    allow: { values: config.allow?.values ?? [], patterns: config.allow?.patterns ?? [], selectors: config.allow?.selectors ?? [] },
    journeyFiles: journeyFilesOf(config.journeys === undefined ? [] : [config.journeys].flat(), base, configFile),
  };
}

/**
 * Why a TypeScript config failed to load, in one line: esbuild's syntax errors ("Transform failed with 1
 * error:") with their line and column, e.g. "line 4, column 19: Expected "}" but found ",""; else the first line.
 */
export function loadProblem(error: unknown, file: string): string {
  const esbuild = (error as { errors?: { text: string; location?: { line: number; column: number; lineText?: string } | null }[] }).errors;
  const first = Array.isArray(esbuild) ? esbuild[0] : undefined;
  if (first?.location) return `syntax error at line ${first.location.line}, column ${first.location.column + 1}: ${first.text}`;
  const message = ((error as Error).message ?? String(error)).replace(/\u001b\[[0-9;]*m/g, '');
  // "Transform failed with 1 error:\n/path/file.ts:4:19: ERROR: Expected ..." (the error object itself may be lost on the way).
  const located = message.split('\n').map((l) => /^(.*?):(\d+):(\d+): ERROR: (.*)$/.exec(l)).find((m) => m && (m[1] === file || m[1]!.endsWith(file.replace(/^.*[\\/]/, ''))));
  if (located) return `syntax error at line ${located[2]}, column ${Number(located[3]) + 1}: ${located[4]}`;
  return message.split('\n').find((l) => l.trim())?.trim() ?? message;
}

/**
 * What a config imports from maskproof itself: `defineConfig`, an identity. Given by the loader, so a
 * config loads from wherever it lives (even where maskproof is not resolvable, e.g. `maskproof init --dir`).
 */
const SELF_MODULE = 'export function defineConfig(config) { return config; }\n';

/**
 * Imports a TypeScript config the way Vite does: esbuild bundles it (its own relative imports
 * included, packages left as imports) into a module next to it, which Node imports and which is then
 * removed. No TypeScript loader is registered in the process, and nothing is written to node_modules.
 */
async function importTypeScript(file: string): Promise<unknown> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [file],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'maskproof-self',
        setup(on) {
          on.onResolve({ filter: /^maskproof(\/config)?$/ }, (args) => ({ path: args.path, namespace: 'maskproof-self' }));
          on.onLoad({ filter: /.*/, namespace: 'maskproof-self' }, () => ({ contents: SELF_MODULE, loader: 'js' }));
        },
      },
    ],
  });
  const code = result.outputFiles[0]?.text ?? '';
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.mjs`);
  writeFileSync(temporary, code);
  try {
    return ((await import(pathToFileURL(temporary).href)) as { default?: unknown }).default;
  } finally {
    rmSync(temporary, { force: true });
  }
}

async function importConfig(file: string): Promise<unknown> {
  if (extname(file) === '.json') {
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`, 'Fix the JSON syntax of the file.');
    }
  }
  try {
    return await importTypeScript(file);
  } catch (error) {
    throw new ConfigError(`${file} could not be loaded: ${loadProblem(error, file)}`, 'Fix the error above; the file must `export default defineConfig({...})` (from \'maskproof/config\').');
  }
}

/** Finds the config: the given path, else maskproof.config.ts / .mts / .json in `cwd` (undefined when none). */
export function findConfigFile(given: string | undefined, cwd = process.cwd()): string | undefined {
  if (given !== undefined) {
    const file = isAbsolute(given) ? given : resolve(cwd, given);
    if (!existsSync(file)) throw new ConfigError(`config file not found: ${given}`, 'Pass --config with the path of a maskproof.config.ts or .json, or run `maskproof init` to write one.');
    return file;
  }
  return CONFIG_FILE_NAMES.map((name) => resolve(cwd, name)).find((file) => existsSync(file));
}

/** Loads and validates maskproof.config.ts or .json. */
export async function loadMaskproofConfig(file: string): Promise<ResolvedConfig> {
  const raw = await importConfig(file);
  if (raw === undefined || raw === null) throw new ConfigError(`${file} has no default export`, 'End the file with `export default defineConfig({ ... })`.');
  return parseMaskproofConfig(raw, file);
}

/** The recorder config a resolved config runs with (inline ones parsed, files read). */
export function recorderOf(config: ResolvedConfig): RecorderConfig {
  return 'file' in config.recorder ? loadRecorderConfig(config.recorder.file) : parseRecorderConfig(config.recorder.inline, `${config.configFile} (key "recorder")`);
}
