/**
 * Writes a command's output: to standard output, or atomically to a file (a temporary file in the
 * same folder, then a rename), so an interrupted run never leaves a half-written report.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomic(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** Writes to the file when one is named, else to standard output. Returns an error message, or null. */
export function writeOutput(text: string, out: string | undefined): string | null {
  if (out === undefined) {
    process.stdout.write(text);
    return null;
  }
  try {
    writeFileAtomic(out, text);
    return null;
  } catch (error) {
    return `cannot write ${out}: ${(error as Error).message}`;
  }
}
