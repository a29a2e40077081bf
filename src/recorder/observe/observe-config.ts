import { ConfigError } from '../../errors.ts';
import { type VendorKind, vendors } from '../vendors/registry.ts';
import { isRegexText, regexOf } from './ingest-matcher.ts';


/** The body format of a custom rrweb ingest: a JSON array of events, `{events: [...]}`, or JSONL ("auto": any of them). */
export type IngestFormat = 'auto' | 'json' | 'jsonl';

/**
 * maskproof.config `recorder: { observe: ... }`: the app ships its own recorder; maskproof injects
 * nothing and reads what that recorder sends to its ingest.
 */
export interface ObserveConfig {
  /** A vendor of the registry (src/recorder/vendors/registry.ts); the names are for editor completion. */
  observe: VendorKind;
  ingest?: { url?: string; format?: IngestFormat };
}


export function isObserveConfig(value: unknown): value is ObserveConfig {
  return typeof value === 'object' && value !== null && 'observe' in value;
}

/** Checks the observe form of the recorder key; `source` names it in errors. */
export function parseObserveConfig(raw: unknown, source: string): ObserveConfig {
  const hint = 'Write `recorder: { observe: \'rrweb\', ingest: { url: \'**/your-ingest-path\', format: \'auto\' } }` ("Observe your app\'s own recorder" in docs/vendors.md).';
  if (!isObserveConfig(raw)) throw new ConfigError(`${source}: expected { observe, ingest? }`, hint);
  const { observe, ingest, ...rest } = raw as ObserveConfig & Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) throw new ConfigError(`${source}: unknown key "${extra[0]}" next to "observe"`, hint);
  const vendor = typeof observe === 'string' ? vendors.find((v) => v.kind === observe) : undefined;
  if (!vendor) throw new ConfigError(`${source}: observe must be one of ${vendors.map((v) => v.kind).join(', ')}, not ${JSON.stringify(observe)}`, hint);
  if (!vendor.observe) {
    throw new ConfigError(`${source}: observing ${vendor.label} is not built yet`, `Observe an rrweb recorder, or try the ${vendor.label} settings in inject mode (\`recorder: { recorder: '${observe}', ... }\`).`);
  }
  if (ingest !== undefined) {
    if (typeof ingest !== 'object' || ingest === null) throw new ConfigError(`${source}: ingest must be an object`, hint);
    const { url, format, ...others } = ingest as Record<string, unknown>;
    const unknown = Object.keys(others);
    if (unknown.length > 0) throw new ConfigError(`${source}: unknown key "ingest.${unknown[0]}"`, hint);
    if (url !== undefined && (typeof url !== 'string' || url.length === 0)) throw new ConfigError(`${source}: ingest.url must be a URL glob or /regex/`, hint);
    if (typeof url === 'string' && isRegexText(url)) {
      try {
        regexOf(url);
      } catch (error) {
        throw new ConfigError(`${source}: ingest.url ${url} is not a valid regular expression (${(error as Error).message})`, hint);
      }
    }
    if (format !== undefined && !['auto', 'json', 'jsonl'].includes(format as string)) throw new ConfigError(`${source}: ingest.format must be auto, json or jsonl`, hint);
  }
  if (vendor.observe.ingestUrlRequired && !ingest?.url) {
    throw new ConfigError(`${source}: observing ${vendor.label} needs ingest.url, the endpoint your app posts its events to`, hint);
  }
  return raw;
}
