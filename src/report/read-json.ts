import { existsSync, readFileSync } from 'node:fs';

/** A JSON file of the report directory, or undefined when it is absent or not JSON (a view renders without it). */
export function readJson<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}
