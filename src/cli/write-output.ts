/**
 * Writes a command's output: to standard output, or atomically to a file (a temporary file in the
 * same folder, then a rename), so an interrupted run never leaves a half-written report.
 *
 * The rules for `--out` (docs/errors.md, the OUTPUT_* codes):
 * - it may not name one of the run's own inputs (the inspection, its case file, a pack file):
 *   OUTPUT_IS_INPUT, and the input is left as it was;
 * - it may name a new file or an existing regular file (also through a symbolic link, which is
 *   kept and written through); a device, a FIFO, a folder or a link to one of them, or to
 *   nothing, is refused: OUTPUT_NOT_FILE;
 * - an existing file keeps its permission bits; a read-only file is refused: OUTPUT_READ_ONLY;
 * - a file with other hard links is refused (replacing it atomically would cut the links, and
 *   writing it in place would not be atomic): OUTPUT_LINKED.
 */
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  fsyncSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { ErrorCode } from '../model/errors.js';
import { safeOutput } from './print-text.js';
import { showPath } from './show-path.js';

/** Why an output file cannot be written. */
export interface OutputProblem {
  code: Extract<ErrorCode, `OUTPUT_${string}`>;
  message: string;
  hint: string;
}

const REASONS: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of its path is not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space is left on the device',
  EDQUOT: 'the disk quota is used up',
  EISDIR: 'it is a folder',
  ENAMETOOLONG: 'the name is too long',
};

/** A failure to write, in words that name no temporary file. */
function writeFailure(out: string, error: unknown): OutputProblem {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return {
    code: 'OUTPUT_WRITE',
    message: `cannot write ${out}: ${REASONS[code] ?? code ?? 'the write failed'}`,
    hint: 'write to a folder that exists and that you may write to',
  };
}

/** The same file (through links and other names): the same device and inode. */
function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * Where to write `out` — the real path, through a symbolic link — or why not. `inputs` are the
 * files the run read; the output may be none of them.
 */
export function checkOutputTarget(out: string, inputs: readonly string[] = []): { path: string; mode?: number } | OutputProblem {
  let link: Stats;
  try {
    link = lstatSync(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path: out };
    return writeFailure(out, error);
  }
  let real: string;
  let stat: Stats;
  try {
    real = link.isSymbolicLink() ? realpathSync(out) : out;
    stat = statSync(real);
  } catch {
    return { code: 'OUTPUT_NOT_FILE', message: `${out} is a symbolic link to nothing`, hint: 'name a regular file, or remove the link' };
  }
  if (!stat.isFile()) {
    const what = stat.isDirectory()
      ? 'a folder'
      : stat.isFIFO()
        ? 'a FIFO (named pipe)'
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? 'a device'
          : stat.isSocket()
            ? 'a socket'
            : 'not a regular file';
    return {
      code: 'OUTPUT_NOT_FILE',
      message: `${out} is ${what}${link.isSymbolicLink() ? ' (through a symbolic link)' : ''}; --out writes regular files only`,
      hint: 'name a regular file; to write to a pipe or a device, leave out --out and redirect standard output',
    };
  }
  for (const input of inputs) {
    let other: Stats;
    try {
      other = statSync(input);
    } catch {
      continue;
    }
    if (sameFile(stat, other)) {
      const same = resolve(input) === resolve(out) ? '' : ` (the same file as ${showPath(input)})`;
      return {
        code: 'OUTPUT_IS_INPUT',
        message: `${out} is one of this run's inputs${same}; writing the output there would destroy it`,
        hint: 'name another file for --out',
      };
    }
  }
  if ((stat.mode & 0o222) === 0 || !writable(real)) {
    return { code: 'OUTPUT_READ_ONLY', message: `${out} is read-only`, hint: 'make it writable (chmod u+w) if it may be replaced, or name another file' };
  }
  if (stat.nlink > 1) {
    return {
      code: 'OUTPUT_LINKED',
      message: `${out} has ${stat.nlink - 1} other hard link${stat.nlink > 2 ? 's' : ''}; replacing it would cut ${stat.nlink > 2 ? 'them' : 'it'}`,
      hint: 'name another file, or remove the other links first',
    };
  }
  return { path: real, mode: stat.mode & 0o7777 };
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Writes `text` to `path` through a temporary file and a rename; `mode` is given to the new file. */
export function writeFileAtomic(path: string, text: string, mode?: number): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  // Opened with 'wx', so it is ours only once opened: what stood at that name before is not removed.
  const fd = openSync(temporary, 'wx', mode ?? 0o666);
  try {
    try {
      if (mode !== undefined) chmodSync(temporary, mode);
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

/** Writes to the file when one is named (by the rules above), else to standard output. Returns the problem, or null. */
export function writeOutput(text: string, out: string | undefined, inputs: readonly string[] = [], format = 'text', color = false): OutputProblem | null {
  // Made safe for a terminal also in a file, which may well be printed to one later.
  text = safeOutput(text, format, color);
  if (out === undefined) {
    process.stdout.write(text);
    return null;
  }
  const target = checkOutputTarget(out, inputs);
  if ('code' in target) return target;
  try {
    writeFileAtomic(target.path, text, target.mode);
    return null;
  } catch (error) {
    return writeFailure(out, error);
  }
}
