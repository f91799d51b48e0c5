import type { CaseAccount, InspectionResult, PackResult, Provenance, ScoredResult } from '../model/result.js';
import { describeScore, hasRating } from './describe-score.js';
import { describeSectionHeading } from './describe-section.js';

/** One area's result on a row. */
export interface ComparisonValue {
  score: number | null;
  band: string | null;
  notRated: string | null;
  adjusted: boolean;
  /** As printed: `70%`, a band, `not rated (reason)`, with `*` when adjusted. */
  text: string;
}

/** A criterion, section, overall or thematic result, one value per area (null when the area has none). */
export interface ComparisonRow {
  id: string;
  /** The id within its own pack (a thematic's without its prefix), as a reader knows it. */
  localId: string;
  title: string;
  kind: 'criterion' | 'section' | 'overall';
  /** The heading the row is printed under: its section, the thematic's title, or empty for the overall result. */
  group: string;
  values: Array<ComparisonValue | null>;
}

/** An inspection compared: its area and pack. */
export interface ComparisonArea {
  name: string;
  period?: string;
  pack: string;
  version: string;
}

/** Several inspections side by side. */
export interface Comparison {
  title: string;
  areas: ComparisonArea[];
  /** Set when the results come from different packs (or versions), saying which. */
  warning: string | null;
  rows: ComparisonRow[];
  /** Where each area's figures come from, in the areas' order. */
  sources: Array<{ provenance: Provenance; cases: CaseAccount }>;
}

type KeyedRow = Omit<ComparisonRow, 'values'> & { key: string; value: ComparisonValue };

function valueOf(result: ScoredResult): ComparisonValue {
  const adjusted = result.adjustment !== null;
  return {
    score: result.score,
    band: result.band?.label ?? null,
    notRated: result.notRated?.reason ?? null,
    adjusted,
    text: describeScore(result) + (adjusted ? '*' : ''),
  };
}

function listRows(pack: PackResult, prefix: string, titlePrefix: string): KeyedRow[] {
  const rows: KeyedRow[] = [];
  for (const section of pack.sections) {
    const group = `${titlePrefix}${describeSectionHeading(section.id, section.title)}`;
    for (const c of section.criteria) {
      const id = prefix + c.id;
      rows.push({ key: `c:${id}`, id, localId: c.id, title: c.title, kind: 'criterion', group, value: valueOf(c) });
    }
    if (hasRating(section)) {
      const id = prefix + section.id;
      rows.push({ key: `s:${id}`, id, localId: section.id, title: `Score for section ${section.id}`, kind: 'section', group, value: valueOf(section) });
    }
  }
  if (pack.overall !== null && hasRating(pack.overall)) {
    const id = `${prefix}overall`;
    const group = titlePrefix.replace(/: $/, '');
    rows.push({ key: `o:${id}`, id, localId: 'overall', title: pack.overall.title, kind: 'overall', group, value: valueOf(pack.overall) });
  }
  return rows;
}

function listAllRows(result: InspectionResult): KeyedRow[] {
  return [...listRows(result, '', ''), ...result.thematics.flatMap((t) => listRows(t, `${t.id}/`, `${t.title}: `))];
}

/** Merges the areas' rows in order: a row only some areas have goes after the row before it. */
function mergeRows(results: InspectionResult[]): ComparisonRow[] {
  const rows: Array<ComparisonRow & { key: string }> = [];
  results.forEach((result, area) => {
    const own = listAllRows(result);
    // rows new to the comparison go before the first row it already has, or at the end
    const first = rows.findIndex((r) => own.some((o) => o.key === r.key));
    let at = first < 0 ? rows.length - 1 : first - 1;
    for (const row of own) {
      let index = rows.findIndex((r) => r.key === row.key);
      if (index < 0) {
        index = at + 1;
        const { value: _value, ...rest } = row;
        rows.splice(index, 0, { ...rest, values: results.map(() => null) });
      }
      rows[index]!.values[area] = row.value;
      at = index;
    }
  });
  return rows.map(({ key: _key, ...row }) => row);
}

function describeMismatch(results: InspectionResult[]): string | null {
  const byPack = new Map<string, string[]>();
  for (const r of results) {
    const key = `${r.provenance.pack}@${r.provenance.version}`;
    byPack.set(key, [...(byPack.get(key) ?? []), r.area.name]);
  }
  if (byPack.size <= 1) {
    // The same id and version, yet different content: one of the packs was changed without a new version.
    const hashes = new Set(results.map((r) => r.provenance.sha256));
    const first = results[0];
    return hashes.size > 1 && first
      ? `These results come from ${first.provenance.pack} ${first.provenance.version} with different content (${hashes.size} different sha256): the pack was changed without a new version, so the same rows may not mean the same.`
      : null;
  }
  const list = [...byPack].map(([pack, areas]) => `${pack} (${areas.join(', ')})`).join('; ');
  const ids = new Set(results.map((r) => r.provenance.pack));
  return ids.size > 1
    ? `These results come from different packs: ${list}. Rows are matched by id only.`
    : `These results come from different versions of the pack: ${list}.`;
}

/** Lines several inspections up: one value per area on each criterion, section, overall and thematic row. */
export function buildComparison(results: InspectionResult[]): Comparison {
  const first = results[0];
  return {
    title: first === undefined ? 'Comparison' : `${first.title} — comparison of ${results.length} inspections`,
    areas: results.map((r) => ({
      name: r.area.name,
      ...(r.area.period === undefined ? {} : { period: r.area.period }),
      pack: r.provenance.pack,
      version: r.provenance.version,
    })),
    warning: describeMismatch(results),
    rows: mergeRows(results),
    sources: results.map((r) => ({ provenance: r.provenance, cases: r.cases })),
  };
}

/** An area's column heading: its name, and its period when it has one. */
export function describeArea(area: ComparisonArea): string {
  return area.period === undefined ? area.name : `${area.name} (${area.period})`;
}

/** The rows under their group headings, a heading each time the group changes (an empty one before the overall result). */
export function groupRows<T>(rows: ComparisonRow[], heading: (group: string) => T, row: (r: ComparisonRow) => T): T[] {
  const out: T[] = [];
  let group: string | undefined;
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group;
      out.push(heading(group));
    }
    out.push(row(r));
  }
  return out;
}

/** Whether any value in the comparison was adjusted (and so carries a `*`). */
export function hasAdjusted(comparison: Comparison): boolean {
  return comparison.rows.some((r) => r.values.some((v) => v?.adjusted === true));
}

export const ADJUSTED_NOTE = '* adjusted by the inspector';
