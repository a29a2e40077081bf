import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { describeAjvErrors, strictAjv } from './ajv-errors.ts';
import { ConfigError } from '../errors.ts';
import { DEFAULT_RECORDER_CONFIG } from '../package-root.ts';
import type { CollectionPolicy } from './collection-policy.ts';
import { recorderConfigSchemaOf } from './recorder-config.schema.ts';
import { vendorOf, vendorOfConfig, vendors } from '../recorder/vendors/registry.ts';
import { isRrwebConfig } from '../contract/recorder-config.ts';

/** rrweb record() options that can be written in JSON. */
export interface RrwebPrivacyOptions {
  maskAllInputs?: boolean;
  maskInputOptions?: Record<string, boolean>;
  maskTextClass?: string;
  maskTextSelector?: string;
  blockClass?: string;
  blockSelector?: string;
  ignoreClass?: string;
  ignoreSelector?: string;
  inlineStylesheet?: boolean;
  inlineImages?: boolean;
  collectFonts?: boolean;
  recordCanvas?: boolean;
  recordCrossOriginIframes?: boolean;
  userTriggeredOnInput?: boolean;
  checkoutEveryNth?: number;
  checkoutEveryNms?: number;
  slimDOMOptions?: Record<string, boolean> | 'all' | true;
  sampling?: {
    mousemove?: boolean | number;
    mousemoveCallback?: number;
    mouseInteraction?: boolean | Record<string, boolean>;
    scroll?: number;
    media?: number;
    input?: 'all' | 'last';
  };
}

export interface NetworkPolicy {
  /** Record fetch/XHR requests as custom events at all. */
  record: boolean;
  /** Header names kept (case-insensitive), or "all". Default: none. */
  requestHeaders: string[] | 'all';
  responseHeaders: string[] | 'all';
  /** Record request and response bodies. */
  bodies: boolean;
  /** Attach document.cookie to each recorded request. */
  cookies: boolean;
  /** Query parameters whose values are replaced by "[Filtered]", or "all". */
  scrubQueryParams: string[] | 'all';
}

export interface RecorderPolicy {
  /** Regular expressions on the URL path where recording must never run. */
  neverRecordOn: string[];
  network: NetworkPolicy;
  errors: { record: boolean; maskMessages: boolean };
  /** Consent, opt-out and URL stripping (absent: record from page load, URLs as they are). */
  collection?: CollectionPolicy;
}

/** rrweb driven directly, with maskproof's wrapper enforcing the policy. */
export interface RrwebRecorderConfig {
  name: string;
  description?: string;
  recorder: 'rrweb';
  /** Where the config was read from, for reports. */
  source: string;
  rrweb: RrwebPrivacyOptions;
  policy: RecorderPolicy;
}

/**
 * A vendor SDK's recorder config: `{"recorder": "<kind>", ...}` with the vendor's own keys (its descriptor
 * types and validates them: src/recorder/vendors/<kind>/config.ts).
 */
export interface VendorRecorderConfig {
  name: string;
  description?: string;
  recorder: string;
  source: string;
  options: object;
}


/** Any recorder config; `recorder` tells which. */
export type RecorderConfig = RrwebRecorderConfig | VendorRecorderConfig;

export type RecorderKind = RecorderConfig['recorder'];

/** How one-line messages name a recorder (its descriptor's name). */
export function recorderName(kind: string): string {
  const vendor = vendorOf(kind);
  return vendor ? (vendor.name ?? vendor.label) : kind;
}

export { isRrwebConfig };

/** The config as an rrweb config, for code that only works with rrweb (throws for a vendor config). */
export function rrwebConfig(config: RecorderConfig): RrwebRecorderConfig {
  if (!isRrwebConfig(config)) throw new ConfigError(`recorder config ${config.source} is a ${recorderName(config.recorder)} config, not an rrweb one`, 'Use an rrweb recorder config here.');
  return config;
}

const ajv = strictAjv();
/** Compiled on first use, from the registry's descriptors. */
let validateConfig: ValidateFunction | undefined;


function describe(error: ErrorObject): string {
  const where = error.instancePath ? error.instancePath.slice(1).replaceAll('/', '.') : '(top level)';
  if (error.keyword === 'additionalProperties') {
    return `unknown key "${String(error.params.additionalProperty)}" at ${where}`;
  }
  if (error.keyword === 'format') return `${where} is not a valid regular expression`;
  if (error.keyword === 'const') return `${where} must be ${JSON.stringify(error.params.allowedValue)}`;
  if (error.keyword === 'enum') return `${where} must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return `${where} ${error.message ?? 'is invalid'}`;
}

/** Validates a parsed config object and fills in the defaults. */
export function parseRecorderConfig(raw: unknown, source: string): RecorderConfig {
  const validate = (validateConfig ??= ajv.compile(recorderConfigSchemaOf(vendors)));
  if (!validate(raw)) {
    // Every problem at once; "if" (the recorder dispatch) and "anyOf" only repeat that something under
    // them failed: each is reported as its real problem, e.g. the bad regexp inside {"regexp": ...}.
    throw new ConfigError(
      `recorder config ${source}: ${describeAjvErrors(validate.errors, describe)}`,
      'Fix the key named above; see "Recorder config file" in docs/configuration.md for every key and its meaning.',
    );
  }
  const vendor = raw as { recorder: string; name?: string; description?: string };
  const name = vendor.name ?? source.replace(/^.*\//, '').replace(/\.json$/, '');
  return vendorOfConfig({ recorder: vendor.recorder, source }).parseConfig(raw, { name, description: vendor.description, source });
}

/** Reads and validates a recorder config file. */
export function loadRecorderConfig(path: string): RecorderConfig {
  const absolute = resolve(path);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch {
    throw new ConfigError(`recorder config not found: ${path}`, `Pass --recorder with the path of a recorder config JSON file, e.g. ${DEFAULT_RECORDER_CONFIG}.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`recorder config ${path} is not valid JSON: ${(error as Error).message}`, 'Fix the JSON syntax of the file.');
  }
  return parseRecorderConfig(raw, path);
}
