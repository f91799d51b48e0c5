/**
 * Small pieces of YAML written by hand, so that scaffolded files keep their comments and read like
 * files a person wrote: scalars quoted only when YAML would read them otherwise, and flow
 * mappings wrapped to a line width.
 */
import { parse } from 'yaml';

/** A scalar as YAML text: plain when it reads back as itself, else double-quoted. */
export function scalar(value: string | number | boolean | null): string {
  if (typeof value !== 'string') return String(value);
  const plain = value !== '' && !/^[\s#&*!|>'"%@`{}[\],?:-]|[:#]\s|\s$|[,[\]{}]/.test(value);
  if (plain) {
    try {
      if (parse(value) === value) return value;
    } catch {
      // not plain after all
    }
  }
  return JSON.stringify(value);
}

/** A key in a flow mapping: quoted when it holds a colon (a thematic's prefixed ids). */
export function flowKey(key: string): string {
  return key.includes(':') ? `'${key.replaceAll("'", "''")}'` : scalar(key);
}

/**
 * `{ a: 1, b: 2 }` after `lead` (e.g. `    answers: `), wrapped at `width`; continuation lines are
 * indented by `indent` spaces (deeper than the key, as YAML requires).
 */
export function flowMapping(lead: string, entries: Array<[string, string | number | boolean | null]>, indent: number, width = 100): string {
  if (entries.length === 0) return `${lead}{}`;
  const parts = entries.map(([k, v], i) => `${flowKey(k)}: ${scalar(v)}${i < entries.length - 1 ? ',' : ''}`);
  const lines: string[] = [];
  let line = `${lead}{ `;
  for (const part of parts) {
    if (line.length + part.length + 2 > width && !line.endsWith('{ ')) {
      lines.push(line.trimEnd());
      line = ' '.repeat(indent);
    }
    line += `${part} `;
  }
  lines.push(`${line}}`);
  return lines.join('\n');
}
