import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes a file under a temporary name beside it, then renames it into place: a reader sees the old
 * file or the whole new one, never a half-written one, and a run that dies mid-write leaves no
 * results.json that looks complete.
 */
export function writeFileAtomic(file: string, content: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
