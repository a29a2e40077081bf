/**
 * `maskproof scan <recording>`: streams a recorded rrweb event file through the leak detection engine.
 * Exit 0 clean, 1 findings, 2 bad usage or input. Prints only redacted values, never a found one.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Ajv, type ErrorObject } from 'ajv';
import { createScanner } from '../detect/index.ts';
import type { AllowList, Canary, Finding } from '../detect/types.ts';
import { ConfigError, MaskproofError, UsageError, formatError } from '../errors.ts';
import { readRecording } from '../recording/read-recording.ts';

const USAGE = 'Usage: maskproof scan <recording> [--canaries FILE] [--allow FILE] [--json] [--no-patterns]';

export interface ScanReport {
  findings: Finding[];
  eventsScanned: number;
  bytesScanned: number;
}

const canariesSchema = {
  type: 'object',
  required: ['canaries'],
  additionalProperties: false,
  properties: {
    // reports/canaries.json carries the run seed alongside; accept it so that file can be passed as is.
    seed: { type: ['integer', 'string'] },
    canaries: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'value'],
        additionalProperties: false,
        properties: { kind: { type: 'string', minLength: 1 }, value: { type: 'string', minLength: 1 }, label: { type: 'string' } },
      },
    },
  },
} as const;

const allowSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    values: { type: 'array', items: { type: 'string' } },
    patterns: { type: 'array', items: { type: 'string' } },
  },
} as const;

const ajv = new Ajv({ allErrors: false, strict: true, allowUnionTypes: true });
const validateCanaries = ajv.compile(canariesSchema);
const validateAllow = ajv.compile(allowSchema);

/** "/canaries/2/value" → "canaries[2].value". */
function keyPath(instancePath: string): string {
  if (!instancePath) return '(top level)';
  return instancePath
    .slice(1)
    .split('/')
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

function describe(error: ErrorObject): string {
  const where = keyPath(error.instancePath);
  if (error.keyword === 'additionalProperties') return `unknown key "${String(error.params.additionalProperty)}" at ${where}`;
  if (error.keyword === 'required') return `${where} is missing "${String(error.params.missingProperty)}"`;
  return `${where} ${error.message ?? 'is invalid'}`;
}

function readJson(path: string, what: string, hint: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError(`${what} not found: ${path}`, hint);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${what} ${path} is not valid JSON: ${(error as Error).message}`, hint);
  }
}

const CANARIES_HINT = 'Pass a JSON file like {"canaries":[{"kind":"email","value":"jo@example.com","label":"signup form"}]}.';
const ALLOW_HINT = 'Pass a JSON file like {"values":["support@example.com"],"patterns":["test-\\\\d+@example\\\\.com"]}; patterns are JavaScript regular expressions.';

export function loadCanaries(path: string): Canary[] {
  const raw = readJson(path, 'canaries file', CANARIES_HINT);
  if (!validateCanaries(raw)) throw new ConfigError(`canaries file ${path}: ${describe(validateCanaries.errors![0]!)}`, CANARIES_HINT);
  return (raw as { canaries: Canary[] }).canaries;
}

export function loadAllowList(path: string): AllowList {
  const raw = readJson(path, 'allow file', ALLOW_HINT);
  if (!validateAllow(raw)) throw new ConfigError(`allow file ${path}: ${describe(validateAllow.errors![0]!)}`, ALLOW_HINT);
  const allow = raw as AllowList;
  // The engine compiles these the same way: check them here so a bad one is named, not a stack trace.
  (allow.patterns ?? []).forEach((pattern, i) => {
    try {
      new RegExp(`^(?:${pattern})$`, 'i');
    } catch (error) {
      throw new ConfigError(`allow file ${path}: patterns[${i}] ${JSON.stringify(pattern)} does not compile: ${(error as Error).message}`, ALLOW_HINT);
    }
  });
  return allow;
}

interface ScanArgs {
  recording: string;
  canaries?: string;
  allow?: string;
  json: boolean;
  patterns: boolean;
}

function parseScanArgs(argv: string[]): ScanArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        canaries: { type: 'string' },
        allow: { type: 'string' },
        json: { type: 'boolean', default: false },
        'no-patterns': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, USAGE);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'scan needs the path of a recording' : `scan takes one recording, got ${positionals.length}`, USAGE);
  }
  return {
    recording: positionals[0]!,
    ...(values.canaries !== undefined ? { canaries: values.canaries } : {}),
    ...(values.allow !== undefined ? { allow: values.allow } : {}),
    json: values.json,
    patterns: !values['no-patterns'],
  };
}

/** Scans a recording file; all findings are collected before anything is printed. */
export async function scanRecording(path: string, options: { canaries: Canary[]; allow?: AllowList; patterns: boolean }): Promise<ScanReport> {
  const scanner = createScanner({ canaries: options.canaries, patterns: options.patterns, ...(options.allow ? { allow: options.allow } : {}) });
  const findings: Finding[] = [];
  let bytesScanned = 0;
  for await (const { event, index, bytes } of readRecording(path)) {
    bytesScanned += bytes;
    for (const finding of scanner.scanEvent(event, index)) findings.push(finding);
  }
  for (const finding of scanner.finish()) findings.push(finding);
  return { findings, eventsScanned: scanner.eventsScanned, bytesScanned };
}

const EVENT_TYPES = ['DomContentLoaded', 'Load', 'FullSnapshot', 'Incremental', 'Meta', 'Custom', 'Plugin'];
const SOURCES = ['Mutation', 'MouseMove', 'MouseInteraction', 'Scroll', 'ViewportResize', 'Input', 'TouchMove', 'MediaInteraction', 'StyleSheetRule', 'CanvasMutation', 'Font', 'Log', 'Drag', 'StyleDeclaration', 'Selection', 'AdoptedStyleSheet', 'CustomElement'];

function eventTypeName(finding: Finding): string {
  const type = EVENT_TYPES[finding.eventType] ?? `type ${finding.eventType}`;
  if (finding.eventSource === undefined) return type;
  return `${type}/${SOURCES[finding.eventSource] ?? finding.eventSource}`;
}

/** Keeps the end of a long path: the leaf is what tells where the value sat. */
function truncate(text: string, width: number): string {
  return text.length <= width ? text : `…${text.slice(text.length - width + 1)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function summaryLine(report: ScanReport): string {
  const counts = new Map<string, number>();
  for (const f of report.findings) counts.set(f.detector, (counts.get(f.detector) ?? 0) + 1);
  const n = report.findings.length;
  const head = `${n.toLocaleString('en-US')} finding${n === 1 ? '' : 's'} in ${report.eventsScanned.toLocaleString('en-US')} event${report.eventsScanned === 1 ? '' : 's'} (${formatBytes(report.bytesScanned)})`;
  if (n === 0) return head;
  return `${head}: ${[...counts].map(([detector, count]) => `${detector} ${count}`).join(', ')}`;
}

/** Findings grouped by detector, one row each: where it is and how it looked, redacted. */
export function renderFindings(findings: Finding[], pathWidth = 60): string {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) groups.set(f.detector, [...(groups.get(f.detector) ?? []), f]);
  const out: string[] = [];
  for (const [detector, group] of groups) {
    const rows = group.map((f) => [`#${f.eventIndex}`, eventTypeName(f), truncate(f.path, pathWidth), f.encoding, `${f.redacted}${f.label ? `  (${f.label})` : f.kind !== detector ? `  (${f.kind})` : ''}`]);
    const header = ['event', 'type', 'path', 'encoding', 'redacted'];
    const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
    const line = (cells: string[]) => cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ').trimEnd();
    out.push(`${detector} (${group.length})`, `  ${line(header)}`, ...rows.map((r) => `  ${line(r)}`), '');
  }
  return out.join('\n');
}

export async function runScan(argv: string[]): Promise<number> {
  try {
    const args = parseScanArgs(argv);
    const canaries = args.canaries ? loadCanaries(args.canaries) : [];
    const allow = args.allow ? loadAllowList(args.allow) : undefined;
    const report = await scanRecording(args.recording, { canaries, patterns: args.patterns, ...(allow ? { allow } : {}) });
    if (args.json) console.log(JSON.stringify(report));
    else {
      if (report.findings.length) console.log(renderFindings(report.findings));
      console.log(summaryLine(report));
    }
    return report.findings.length ? 1 : 0;
  } catch (error) {
    console.error(formatError(error));
    return error instanceof MaskproofError ? error.exitCode : 2;
  }
}
