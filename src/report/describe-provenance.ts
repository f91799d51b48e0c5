import type { Provenance } from '../model/result.js';

/** The first 12 characters of a sha256, enough to tell results apart. */
export function shortenHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/** The provenance as labelled lines: pack, thematics, engine, input. */
export function describeProvenance(provenance: Provenance): Array<[label: string, value: string]> {
  const lines: Array<[string, string]> = [['pack', `${provenance.pack}@${provenance.version} sha256 ${shortenHash(provenance.sha256)}`]];
  for (const t of provenance.thematics) lines.push(['thematic', `${t.id}@${t.version} sha256 ${shortenHash(t.sha256)}`]);
  lines.push(['engine', provenance.engine]);
  if (provenance.inputSha256 !== undefined) lines.push(['input', `sha256 ${shortenHash(provenance.inputSha256)}`]);
  return lines;
}
