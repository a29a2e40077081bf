/**
 * Typed errors. Each carries what the user must do next, and the exit code the CLI should use.
 * Exit codes: 1 = a privacy check failed / leaks found, 2 = bad usage, bad input or missing browser.
 */
export class MaskproofError extends Error {
  constructor(
    message: string,
    /** What the user should do about it, one sentence. */
    readonly hint: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad command-line usage. */
export class UsageError extends MaskproofError {}

/** A config file (recorder config, canaries, allow-list) is missing or invalid. */
export class ConfigError extends MaskproofError {}

/** An input recording is unreadable or not an rrweb recording. */
export class RecordingFormatError extends MaskproofError {}

/** No Chromium could be found to drive. */
export class BrowserNotFoundError extends MaskproofError {}

/** The app under test could not be reached. */
export class AppUnreachableError extends MaskproofError {}

/** Formats an error for the terminal: message, then the next step. */
export function formatError(error: unknown): string {
  if (error instanceof MaskproofError) return `maskproof: ${error.message}\n  → ${error.hint}`;
  if (error instanceof Error) return `maskproof: ${error.message}`;
  return `maskproof: ${String(error)}`;
}

/** A browser exists but cannot start, the report directory cannot be written, a run was stopped: the harness, not the recorder. */
export class HarnessError extends MaskproofError {}

/** An optional package the chosen recorder needs (a vendor SDK, an optional peer dependency) is not installed. */
export class DependencyMissingError extends MaskproofError {}
