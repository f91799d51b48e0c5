/**
 * A pack's content hash: sha256 of its canonical JSON (keys sorted, criteria sorted by id, the
 * list of files it was read from left out), so that reformatting, reordering keys or splitting a
 * pack into other files keeps the hash, and any change of meaning changes it.
 */
import { createHash } from 'node:crypto';
import type { Pack } from '../model/pack.js';

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function hashPack(pack: Pack): string {
  const { files: _files, $schema: _schema, include: _include, ...content } = pack;
  const criteria = [...(content.criteria ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sha256(canonicalJson({ ...content, criteria }));
}
