/**
 * The leak detection engine: planted canaries in every encoding, unplanted personal data by validated
 * patterns, in rrweb events one at a time.
 */
export { createScanner, scanEvents, scanTable } from './scanner.ts';
export { type PatternTable, type PatternTableParts, tableFromParts, tableParts } from './canary-patterns.ts';
export { redact, sha256 } from './redact.ts';
export type * from './types.ts';
