/**
 * `maskproof scan <recording>`: streams a recorded rrweb event file through the leak detection engine.
 * Exit 0 clean, 1 findings, 2 bad usage or input. Prints only redacted values, never a found one.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ErrorObject } from 'ajv';
import { describeFirstError, strictAjv } from '../config/ajv-errors.ts';
import type { AllowList, Canary, Finding } from '../detect/types.ts';
import { type ScanReport, type ScanStats, scanRecording } from '../scan/scan-recording.ts';
import { eventTypeName } from '../recording/event-names.ts';
import { ConfigError, MaskproofError, UsageError, formatError } from '../errors.ts';

const USAGE = 'Usage: maskproof scan <recording> [--canaries FILE] [--allow FILE] [--json] [--no-patterns] [--one-thread]';

const HELP = `${USAGE}

Scans a recorded rrweb event stream for personal data: a JSON array of events (.json) or
{"events": [...]}, or one event per line (.jsonl), optionally gzipped (.gz).

  --canaries FILE  planted values to look for in every encoding:
                   {"canaries": [{"kind": "email", "value": "...", "label": "signup form"}]}
  --allow FILE     values known to be safe: {"values": ["..."], "patterns": ["regex", ...]}
  --json           print one JSON object: {"findings": [...], "eventsScanned", "bytesScanned"}
  --no-patterns    only look for the canaries, not for emails, cards, tokens... in general
  --one-thread     never share the scan with a helper thread (it does from 16 MB on, with 2+ cores)

Found values are printed redacted, with their SHA-256. Exit 0 clean, 1 findings, 2 bad usage or input.`;

/** Where the command writes: process.stdout/stderr by default, a collector in tests. */
export interface ScanIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** Progress is printed for files big enough to take a while (or on a terminal). */
const PROGRESS_MIN_FILE = 50 * 1024 * 1024;

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

const ajv = strictAjv({ allErrors: false });
const validateCanaries = ajv.compile(canariesSchema);
const validateAllow = ajv.compile(allowSchema);

/** "/canaries/2/value" → "canaries[2].value". */
const describe = (error: ErrorObject) => describeFirstError(error, { brackets: true });

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
  const canaries = (raw as { canaries: Canary[] }).canaries;
  // A one-character or blank canary matches tag names, attribute names and meta content everywhere.
  const short = canaries.findIndex((c) => c.value.trim().length < 2);
  if (short !== -1) {
    throw new ConfigError(`canaries file ${path}: canaries[${short}] value ${JSON.stringify(canaries[short]!.value)} is ${canaries[short]!.value.trim() ? 'one character' : 'blank'}: it would match everywhere`, 'Plant values of at least 2 non-blank characters (synthetic values are far longer).');
  }
  return canaries;
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
  help: boolean;
  recording: string;
  canaries?: string;
  allow?: string;
  json: boolean;
  patterns: boolean;
  oneThread: boolean;
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
        'one-thread': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, USAGE);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true, recording: '', json: false, patterns: true, oneThread: false };
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'scan needs the path of a recording' : `scan takes one recording, got ${positionals.length}`, USAGE);
  }
  return {
    help: false,
    recording: positionals[0]!,
    ...(values.canaries !== undefined ? { canaries: values.canaries } : {}),
    ...(values.allow !== undefined ? { allow: values.allow } : {}),
    json: values.json,
    patterns: !values['no-patterns'],
    oneThread: values['one-thread'],
  };
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

/** "3 findings in 1,204 events (2.1 MB): canary 2, email 1"; the threads that shared the scan when more than one. */
export function summaryLine(report: ScanReport, threads = 1): string {
  const counts = new Map<string, number>();
  for (const f of report.findings) counts.set(f.detector, (counts.get(f.detector) ?? 0) + 1);
  const n = report.findings.length;
  const size = `${formatBytes(report.bytesScanned)}${threads > 1 ? `, ${threads} threads` : ''}`;
  const head = `${n.toLocaleString('en-US')} finding${n === 1 ? '' : 's'} in ${report.eventsScanned.toLocaleString('en-US')} event${report.eventsScanned === 1 ? '' : 's'} (${size})`;
  if (n === 0) return head;
  return `${head}: ${[...counts].map(([detector, count]) => `${detector} ${count}`).join(', ')}`;
}

/** Findings grouped by detector, one row each: where it is and how it looked, redacted. */
export function renderFindings(findings: Finding[], pathWidth = 60): string {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const group = groups.get(f.detector);
    if (group) group.push(f);
    else groups.set(f.detector, [f]);
  }
  const out: string[] = [];
  for (const [detector, group] of groups) {
    const rows = group.map((f) => [`#${f.eventIndex}`, eventTypeName(f.eventType, { source: f.eventSource }), truncate(f.path, pathWidth), f.encoding, `${f.redacted}${f.label ? `  (${f.label})` : f.kind !== detector ? `  (${f.kind})` : ''}`]);
    const header = ['event', 'type', 'path', 'encoding', 'redacted'];
    const widths = header.map((h, c) => rows.reduce((width, r) => Math.max(width, r[c]!.length), h.length));
    const line = (cells: string[]) => cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ').trimEnd();
    out.push(`${detector} (${group.length})`, `  ${line(header)}`, ...rows.map((r) => `  ${line(r)}`), '');
  }
  return out.join('\n');
}

function progressLine(report: ScanReport): string {
  const n = report.findings.length;
  return `maskproof scan: ${formatBytes(report.bytesScanned)}, ${report.eventsScanned.toLocaleString('en-US')} events, ${n.toLocaleString('en-US')} finding${n === 1 ? '' : 's'} so far\n`;
}

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // the reader reports the missing file
  }
}

/** `maskproof scan`: returns the exit code (0 clean, 1 findings, 2 bad usage or input). */
export async function runScan(argv: string[], io: ScanIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  try {
    const args = parseScanArgs(argv);
    if (args.help) {
      io.stdout.write(`${HELP}\n`);
      return 0;
    }
    const canaries = args.canaries ? loadCanaries(args.canaries) : [];
    const allow = args.allow ? loadAllowList(args.allow) : undefined;
    const showProgress = io.stderr.isTTY === true || fileSize(args.recording) > PROGRESS_MIN_FILE;
    const stats = {} as ScanStats;
    const report = await scanRecording(args.recording, {
      canaries,
      patterns: args.patterns,
      stats,
      ...(args.oneThread ? { threads: false } : {}),
      ...(allow ? { allow } : {}),
      ...(showProgress ? { onProgress: (so: ScanReport) => io.stderr.write(progressLine(so)) } : {}),
    });
    // Printed only once the whole file is read: bad input must leave stdout empty.
    if (args.json) io.stdout.write(`${JSON.stringify(report)}\n`);
    else io.stdout.write(`${report.findings.length ? `${renderFindings(report.findings)}\n` : ''}${summaryLine(report, stats.helperEvents > 0 ? 2 : 1)}\n`);
    return report.findings.length ? 1 : 0;
  } catch (error) {
    io.stderr.write(`${formatError(error)}\n`);
    return error instanceof MaskproofError ? error.exitCode : 2;
  }
}
