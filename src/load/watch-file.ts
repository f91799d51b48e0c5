/**
 * Notices a file that changes while it is read: its size, modification time and identity before
 * the read, then after, and the bytes the read took. A case file that grows while several threads
 * read it would otherwise be counted in part and hashed in full.
 */
import { statSync, type Stats } from 'node:fs';
import type { Hash } from 'node:crypto';
import type { Diagnostic } from '../model/errors.js';

export interface FileWatch {
  /** Passes every update on to `hash`, counting the bytes. */
  counting(hash: Hash): Hash;
  /** The problem when the file changed since the watch began, or when the read took another number of bytes than it had. */
  check(options?: { bytes: boolean }): Diagnostic | undefined;
}

function identity(stat: Stats | undefined): string {
  return stat === undefined ? 'none' : `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}`;
}

function statQuietly(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

export function watchFile(file: string): FileWatch {
  const before = statQuietly(file);
  let bytes = 0;
  let counted = false;
  return {
    counting(hash) {
      counted = true;
      const update = hash.update.bind(hash);
      return new Proxy(hash, {
        get(target, key, receiver) {
          if (key !== 'update') {
            const value = Reflect.get(target, key) as unknown;
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          }
          return (data: Buffer | string, ...rest: unknown[]) => {
            bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
            // eslint-disable-next-line @typescript-eslint/no-explicit-any
            (update as (...a: any[]) => Hash)(data, ...rest);
            return receiver as Hash;
          };
        },
      });
    },
    check(options = { bytes: true }) {
      if (before === undefined || !before.isFile()) return undefined;
      const after = statQuietly(file);
      counted &&= options.bytes;
      if (identity(after) === identity(before) && (!counted || bytes === before.size)) return undefined;
      const how =
        after === undefined
          ? 'it was removed'
          : after.ino !== before.ino
            ? 'it was replaced'
            : after.size > before.size
              ? 'it grew'
              : after.size < before.size
                ? 'it shrank'
                : counted && bytes !== before.size
                  ? 'another number of bytes was read than it has'
                  : 'it was written to';
      return {
        code: 'FILE_CHANGED',
        severity: 'error',
        message: `${file} changed while it was read (${how}); the cases counted may not be the cases hashed`,
        hint: 'score a file that nothing is writing to: wait for the writer to finish, or score a copy',
        file,
      };
    },
  };
}
