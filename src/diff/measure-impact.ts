/**
 * What a new pack version does to real inspections: each is scored under the old and the new
 * version (for a thematic, with the inspection's other thematics unchanged), and every question,
 * criterion, section and overall result whose value changed is listed, with the cases whose
 * outcome on some question changed and how bands moved across all the inspections.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import satisfies from 'semver/functions/satisfies.js';
import type { Diagnostic } from '../model/errors.js';
import type { Pack } from '../model/pack.js';
import type { InspectionResult } from '../model/result.js';
import { loadInspectionFile, loadPackFiles } from '../pipeline/load-pack.js';
import { scoreInspectionFile, type ScoredFile } from '../pipeline/score-file.js';
import { openInspection } from '../pipeline/load-inspection.js';
import { compilePlan } from '../compile/compile-pack.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import { indexResults, type IndexedResult } from '../tester/index-results.js';
import { describeScore } from '../report/describe-score.js';
import { outcomeName } from '../explain/build-case-trace.js';

/** One result before and after. */
export interface ResultChange {
  id: string;
  kind: IndexedResult['kind'];
  title: string;
  before: string;
  after: string;
  /** The bands before and after, for criteria, sections and the overall result that have one. */
  bandBefore?: string | null;
  bandAfter?: string | null;
}

const KIND_NAMES: Record<IndexedResult['kind'], [string, string]> = {
  question: ['question', 'questions'],
  item: ['item', 'items'],
  measure: ['measure', 'measures'],
  criterion: ['criterion', 'criteria'],
  section: ['section', 'sections'],
  overall: ['overall result', 'overall results'],
};

/** How many results of each kind changed, in words (`3 questions, 1 criterion`); '' when none did. */
export function countChangedKinds(changes: readonly ResultChange[]): string {
  const counts = new Map<IndexedResult['kind'], number>();
  for (const c of changes) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  return [...counts].map(([kind, k]) => `${k} ${KIND_NAMES[kind][k === 1 ? 0 : 1]}`).join(', ');
}

/** One case's outcomes that changed, question by question. */
export interface CaseChange {
  id: string;
  questions: Array<{ question: string; before: string; after: string }>;
}

export interface InspectionImpact {
  file: string;
  area: string;
  /** Why the inspection could not be scored under one of the versions. */
  errors?: { version: 'old' | 'new'; diagnostics: Diagnostic[] };
  /** Set when the inspection's packVersion had to be set aside to score it under a version it was not recorded for. */
  note?: string;
  changes: ResultChange[];
  /** Cases scored under both versions. */
  cases: number;
  caseChanges: CaseChange[];
}

export interface BandTransition {
  id: string;
  before: string;
  after: string;
  count: number;
  of: number;
}

export interface Impact {
  inspections: InspectionImpact[];
  bandTransitions: BandTransition[];
}

/** The two versions compared: their folders and loaded packs. */
export interface Versions {
  before: { path: string; pack: Pack };
  after: { path: string; pack: Pack };
}

function resultTitle(entry: IndexedResult): string {
  switch (entry.kind) {
    case 'question':
      return entry.node.text;
    case 'item':
      return entry.node.text;
    case 'measure':
      return entry.node.measure;
    default:
      return entry.node.title;
  }
}

function describeEntry(entry: IndexedResult | undefined): string {
  if (!entry) return '(absent)';
  switch (entry.kind) {
    case 'question': {
      const q = entry.node;
      return q.relevant === 0 ? `relevant 0: not rated` : `relevant ${q.relevant}, met ${q.met}, ${q.percent}%`;
    }
    case 'item':
      return entry.node.label + (entry.node.counted ? '' : ' (not counted)');
    case 'measure':
      return entry.node.status?.label ?? 'not judged';
    default:
      return describeScore(entry.node) + (entry.node.adjustment ? ' (adjusted)' : '');
  }
}

function bandOf(entry: IndexedResult | undefined): string | null | undefined {
  if (!entry || entry.kind === 'question' || entry.kind === 'item' || entry.kind === 'measure') return undefined;
  return entry.node.band?.label ?? null;
}

/** The results that differ between two scorings of one inspection, in the order of the new result. */
export function compareResults(before: InspectionResult, after: InspectionResult): ResultChange[] {
  const a = indexResults(before);
  const b = indexResults(after);
  const ids = [...b.keys(), ...[...a.keys()].filter((k) => !b.has(k))];
  const changes: ResultChange[] = [];
  for (const id of ids) {
    const old = a.get(id);
    const now = b.get(id);
    const was = describeEntry(old);
    const is = describeEntry(now);
    if (was === is) continue;
    const entry = (now ?? old)!;
    const bandBefore = bandOf(old);
    const bandAfter = bandOf(now);
    changes.push({
      id,
      kind: entry.kind,
      title: resultTitle(entry),
      before: was,
      after: is,
      ...(bandBefore !== undefined || bandAfter !== undefined ? { bandBefore: bandBefore ?? null, bandAfter: bandAfter ?? null } : {}),
    });
  }
  const order: Record<IndexedResult['kind'], number> = { question: 0, item: 1, measure: 2, criterion: 3, section: 4, overall: 5 };
  return changes.sort((x, y) => order[x.kind] - order[y.kind]);
}

/**
 * The outcomes of every case scored under the old version, packed (a row of bytes per case), to
 * compare the new version's with as they come: the sample is never held twice, nor as an object
 * per case.
 */
class OutcomeTable {
  private rows = new Uint8Array(0);
  private count = 0;
  private readonly rowOf = new Map<string, number>();
  constructor(readonly width: number) {}

  add(id: string, outcomes: Uint8Array): void {
    if ((this.count + 1) * this.width > this.rows.length) {
      const grown = new Uint8Array(Math.max(1024, this.rows.length * 2, (this.count + 1) * this.width));
      grown.set(this.rows);
      this.rows = grown;
    }
    this.rows.set(outcomes.subarray(0, this.width), this.count * this.width);
    this.rowOf.set(id, this.count++);
  }

  get(id: string): Uint8Array | undefined {
    const row = this.rowOf.get(id);
    return row === undefined ? undefined : this.rows.subarray(row * this.width, (row + 1) * this.width);
  }
}

/** Compares each case of the new scoring with the same case under the old one, as it is counted. */
class CaseComparison {
  cases = 0;
  readonly changes: CaseChange[] = [];
  private keys: string[] = [];
  private oldIndex = new Map<string, number>();
  private newIndex = new Map<string, number>();

  constructor(private readonly before: OutcomeTable) {}

  /** The plans' questions, known once both versions are compiled. */
  setPlans(before: CompiledPlan, after: CompiledPlan): void {
    this.keys = [...new Set([...before.questions.map((q) => q.key), ...after.questions.map((q) => q.key)])];
    this.oldIndex = new Map(before.questions.map((q) => [q.key, q.index]));
    this.newIndex = new Map(after.questions.map((q) => [q.key, q.index]));
  }

  add(id: string, outcomes: Uint8Array, plans: () => void): void {
    const was = this.before.get(id);
    if (!was) return;
    plans();
    this.cases++;
    const questions: CaseChange['questions'] = [];
    for (const key of this.keys) {
      const x = this.oldIndex.has(key) ? outcomeName(was[this.oldIndex.get(key)!]!) : 'absent';
      const y = this.newIndex.has(key) ? outcomeName(outcomes[this.newIndex.get(key)!]!) : 'absent';
      if (x !== y) questions.push({ question: key, before: x, after: y });
    }
    if (questions.length > 0) this.changes.push({ id, questions });
  }
}

/** Compares the cases of two scorings made with their traces kept (`trace: true`), as `diff --cases` does while it streams. */
export function compareCases(before: ScoredFile, after: ScoredFile): { cases: number; changes: CaseChange[] } {
  const table = new OutcomeTable(before.plan.questions.length);
  for (const trace of before.tally.traces) table.add(trace.id, trace.outcomes);
  const comparison = new CaseComparison(table);
  comparison.setPlans(before.plan, after.plan);
  for (const trace of after.tally.traces) comparison.add(trace.id, trace.outcomes, () => undefined);
  return { cases: comparison.cases, changes: comparison.changes };
}

/** The paths of an inspection's thematics with their ids. */
function thematicsOf(file: string): Array<{ path: string; id: string | null }> {
  const loaded = loadInspectionFile(file);
  if ('errors' in loaded) return [];
  return (loaded.inspection.thematics ?? []).map((t) => {
    const path = resolve(dirname(file), t);
    const pack = loadPackFiles(path);
    return { path, id: 'errors' in pack ? null : pack.pack.id };
  });
}

/**
 * An inspection recorded for other pack versions (`packVersion`) is scored from a copy without
 * that check, written to a temporary folder with its paths made absolute.
 */
function withoutVersionCheck(file: string, pack: Pack, folder: string): { file: string; note?: string } {
  const loaded = loadInspectionFile(file);
  if ('errors' in loaded) return { file };
  const { inspection } = loaded;
  if (inspection.packVersion === undefined || satisfies(pack.version, inspection.packVersion)) return { file };
  const base = dirname(file);
  const { packVersion: _range, ...rest } = inspection;
  const copy = {
    ...rest,
    pack: resolve(base, inspection.pack),
    ...(inspection.thematics ? { thematics: inspection.thematics.map((t) => resolve(base, t)) } : {}),
    ...(inspection.cases === undefined
      ? {}
      : {
          cases:
            Array.isArray(inspection.cases) || !('file' in inspection.cases)
              ? inspection.cases
              : { ...inspection.cases, file: resolve(base, inspection.cases.file) },
        }),
  };
  const target = join(folder, `${pack.version}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(target, JSON.stringify(copy));
  return { file: target, note: `recorded for ${pack.id} ${inspection.packVersion}; scored with ${pack.version} anyway, to compare` };
}

async function scoreWith(
  file: string,
  versions: Versions,
  side: 'before' | 'after',
  folder: string,
  onOutcomes: (id: string, outcomes: Uint8Array) => void,
): Promise<{ scored: ScoredFile; note?: string } | { errors: Diagnostic[] }> {
  const { path, pack } = versions[side];
  if (pack.kind === 'methodology') {
    const target = withoutVersionCheck(file, pack, folder);
    const scored = await scoreInspectionFile(target.file, { pack: path, onOutcomes });
    // Problems in the temporary copy are the inspection's: they name its file, never the copy's.
    if ('errors' in scored)
      return { errors: scored.errors.map((d) => (d.file === target.file ? (({ line: _l, column: _c, ...rest }) => ({ ...rest, file }))(d) : d)) };
    return { scored, ...(target.note ? { note: target.note } : {}) };
  }
  const thematics = thematicsOf(file);
  const others = thematics.filter((t) => t.id !== pack.id).map((t) => t.path);
  const scored = await scoreInspectionFile(file, { thematics: [...others, resolve(path)], onOutcomes });
  return 'errors' in scored ? scored : { scored };
}

/** The plan a version of an inspection is scored with, to know its questions before its cases. */
function planOf(file: string, versions: Versions, side: 'before' | 'after', folder: string): CompiledPlan | null {
  const { path, pack } = versions[side];
  const opened =
    pack.kind === 'methodology'
      ? openInspection(withoutVersionCheck(file, pack, folder).file, { pack: path })
      : openInspection(file, {
          thematics: [
            ...thematicsOf(file)
              .filter((t) => t.id !== pack.id)
              .map((t) => t.path),
            resolve(path),
          ],
        });
  return 'errors' in opened ? null : compilePlan(opened.methodology, opened.thematics);
}

/** Scores each inspection under both versions and gathers what changed. */
export async function measureImpact(files: readonly string[], versions: Versions): Promise<Impact> {
  const folder = mkdtempSync(join(tmpdir(), 'criteria-impact-'));
  const inspections: InspectionImpact[] = [];
  const transitions = new Map<string, BandTransition>();
  let compared = 0;
  try {
    for (const file of files) {
      const beforePlan = planOf(file, versions, 'before', folder);
      const table = new OutcomeTable(beforePlan?.questions.length ?? 0);
      const before = await scoreWith(file, versions, 'before', folder, (id, outcomes) => table.add(id, outcomes));
      const comparison = new CaseComparison(table);
      let planned = false;
      const afterPlan = 'errors' in before ? null : planOf(file, versions, 'after', folder);
      const plans = () => {
        if (planned || !beforePlan || !afterPlan) return;
        comparison.setPlans(beforePlan, afterPlan);
        planned = true;
      };
      const after = 'errors' in before ? null : await scoreWith(file, versions, 'after', folder, (id, outcomes) => comparison.add(id, outcomes, plans));
      if ('errors' in before || after === null || 'errors' in after) {
        const errors =
          'errors' in before
            ? { version: 'old' as const, diagnostics: before.errors }
            : { version: 'new' as const, diagnostics: (after as { errors: Diagnostic[] }).errors };
        inspections.push({ file, area: '', errors, changes: [], cases: 0, caseChanges: [] });
        continue;
      }
      compared++;
      const result = after.scored.result;
      const changes = compareResults(before.scored.result, result);
      const cases = { cases: comparison.cases, changes: comparison.changes };
      const note = after.note ?? before.note;
      inspections.push({
        file,
        area: result.area.period ? `${result.area.name} (${result.area.period})` : result.area.name,
        ...(note ? { note } : {}),
        changes,
        cases: cases.cases,
        caseChanges: cases.changes,
      });
      for (const c of changes) {
        if (c.bandBefore === undefined || c.bandBefore === c.bandAfter) continue;
        const key = `${c.id}\0${c.bandBefore}\0${c.bandAfter}`;
        const t = transitions.get(key) ?? { id: c.id, before: c.bandBefore ?? 'no band', after: c.bandAfter ?? 'no band', count: 0, of: 0 };
        t.count++;
        transitions.set(key, t);
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  const bandTransitions = [...transitions.values()].map((t) => ({ ...t, of: compared }));
  return { inspections, bandTransitions };
}
