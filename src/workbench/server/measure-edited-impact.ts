/**
 * The impact of the editor's texts on a pack against an earlier version (the last commit, another
 * commit, or another pack folder of the workspace), as `criteria diff <old> <new> --cases` reports
 * it: the semantic changes, the bump they need against the versions written, and every example
 * inspection that uses the pack scored under both versions with what moved. Both versions are
 * read through the load overlay; the only difference between the two scorings is the pack.
 */
import { dirname, join, resolve } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import satisfies from 'semver/functions/satisfies.js';
import validRange from 'semver/ranges/valid.js';
import type { Pack } from '../../model/pack.js';
import { hashPack } from '../../compile/hash-pack.js';
import { diffPacks, requiredBump } from '../../diff/diff-packs.js';
import { judgeVersion, type VersionVerdict } from '../../diff/judge-version.js';
import { compareCases, compareResults, type BandTransition, type InspectionImpact } from '../../diff/measure-impact.js';
import type { PackChange } from '../../diff/pack-change.js';
import { loadPack, loadPackFiles } from '../../pipeline/load-pack.js';
import { readDocument } from '../../load/read-document.js';
import { withTextOverlay, type ParsedCache } from '../../load/text-overlay.js';
import { scoreInspectionFile, type ScoredFile } from '../../pipeline/score-file.js';
import { listWorkspacePacks } from './list-workspace-files.js';
import { relativizeDiagnostics, type WorkbenchDiagnostic } from './relativize-diagnostic.js';
import { findRepository, readPackAt, resolveRef } from './read-git-version.js';
import { realWorkspace, resolveWorkspacePath } from './resolve-workspace-path.js';

export type Against = { ref: string } | { pack: string };

export interface ImpactReport {
  pack: string;
  against: { label: string; id: string; version: string; sha256: string };
  now: { id: string; version: string; sha256: string };
  changes: PackChange[];
  verdict: VersionVerdict;
  inspections: Array<Omit<InspectionImpact, 'errors'> & { errors?: { version: 'old' | 'new'; diagnostics: WorkbenchDiagnostic[] } }>;
  bandTransitions: BandTransition[];
}

export type ImpactOutcome = ImpactReport | { pack: string; errors: WorkbenchDiagnostic[]; side: 'old' | 'new' } | { problem: string; status?: number };

export async function measureEditedImpact(
  workspace: string,
  packPath: string,
  against: Against,
  texts: ReadonlyMap<string, string>,
  cache?: ParsedCache,
): Promise<ImpactOutcome> {
  const resolved = resolveWorkspacePath(workspace, packPath);
  if ('problem' in resolved) return { problem: `${packPath}: ${resolved.problem}` };
  const folder = resolved.absolute;
  const old = await readOlderVersion(workspace, folder, against, texts);
  if ('problem' in old) return old;
  const after = withTextOverlay(texts, () => loadWithMethodology(folder), cache);
  const before = withTextOverlay(old.texts, () => loadWithMethodology(old.path ?? folder), cache);
  if ('errors' in before) return { pack: resolved.relative, side: 'old', errors: relativizeDiagnostics(workspace, before.errors) };
  if ('errors' in after) return { pack: resolved.relative, side: 'new', errors: relativizeDiagnostics(workspace, after.errors) };
  const changes = diffPacks(before.pack, after.pack, { before: before.methodology, after: after.methodology });
  const verdict = judgeVersion(before.pack.version, after.pack.version, requiredBump(changes));
  const listed = listWorkspacePacks(workspace).find((p) => p.path === resolved.relative);
  const inspections: ImpactReport['inspections'] = [];
  const transitions = new Map<string, BandTransition>();
  let compared = 0;
  for (const inspection of listed?.inspections ?? []) {
    const file = join(realWorkspace(workspace), ...inspection.split('/'));
    const scoredBefore = await scoreSide(file, old.texts, before.pack, cache, old.path);
    const scoredAfter = 'errors' in scoredBefore.scored ? undefined : await scoreSide(file, texts, after.pack, cache);
    if ('errors' in scoredBefore.scored || !scoredAfter || 'errors' in scoredAfter.scored) {
      const failed =
        'errors' in scoredBefore.scored
          ? { version: 'old' as const, list: scoredBefore.scored.errors }
          : { version: 'new' as const, list: (scoredAfter!.scored as { errors: [] }).errors };
      inspections.push({
        file: inspection,
        area: '',
        errors: { version: failed.version, diagnostics: relativizeDiagnostics(workspace, failed.list) },
        changes: [],
        cases: 0,
        caseChanges: [],
      });
      continue;
    }
    compared++;
    const result = scoredAfter.scored.result;
    const resultChanges = compareResults(scoredBefore.scored.result, result);
    const cases = compareCases(scoredBefore.scored, scoredAfter.scored);
    const note = scoredAfter.note ?? scoredBefore.note;
    inspections.push({
      file: inspection,
      area: result.area.period ? `${result.area.name} (${result.area.period})` : result.area.name,
      ...(note ? { note } : {}),
      changes: resultChanges,
      cases: cases.cases,
      caseChanges: cases.changes,
    });
    for (const c of resultChanges) {
      if (c.bandBefore === undefined || c.bandBefore === c.bandAfter) continue;
      const key = `${c.id}\0${c.bandBefore}\0${c.bandAfter}`;
      const t = transitions.get(key) ?? { id: c.id, before: c.bandBefore ?? 'no band', after: c.bandAfter ?? 'no band', count: 0, of: 0 };
      t.count++;
      transitions.set(key, t);
    }
  }
  return {
    pack: resolved.relative,
    against: { label: old.label, id: before.pack.id, version: before.pack.version, sha256: hashPack(before.pack) },
    now: { id: after.pack.id, version: after.pack.version, sha256: hashPack(after.pack) },
    changes,
    verdict,
    inspections,
    bandTransitions: [...transitions.values()].map((t) => ({ ...t, of: compared })),
  };
}

/** The older version's texts (over the editor's, so that only the pack differs) and, for another folder, its path. */
async function readOlderVersion(
  workspace: string,
  folder: string,
  against: Against,
  texts: ReadonlyMap<string, string>,
): Promise<{ texts: Map<string, string>; path?: string; label: string } | { problem: string; status?: number }> {
  if ('pack' in against) {
    const other = resolveWorkspacePath(workspace, against.pack);
    if ('problem' in other) return { problem: `${against.pack}: ${other.problem}` };
    return { texts: new Map(texts), path: other.absolute, label: other.relative };
  }
  const repository = await findRepository(realWorkspace(workspace));
  if (!repository) return { problem: 'the workspace is not a git repository: compare with another pack folder instead', status: 409 };
  const commit = await resolveRef(repository, against.ref);
  if ('problem' in commit) return commit;
  const older = await readPackAt(repository, commit.commit, folder);
  if (older.size === 0) return { problem: `the pack is not in ${against.ref}`, status: 404 };
  return { texts: new Map([...texts, ...older]), label: `${against.ref} (${commit.commit.slice(0, 7)})` };
}

/** A pack loaded and checked, with its methodology's files for a thematic (it may use their weight classes and scales). */
function loadWithMethodology(path: string): { pack: Pack; methodology?: Pack } | { errors: import('../../model/errors.js').Diagnostic[] } {
  const loaded = loadPack(path);
  if ('errors' in loaded) return loaded;
  const { pack } = loaded;
  if (pack.kind !== 'thematic' || pack.attachesTo?.path === undefined || !pack.files?.[0]) return { pack };
  const methodology = loadPackFiles(join(dirname(pack.files[0]), pack.attachesTo.path));
  return 'errors' in methodology ? { pack } : { pack, methodology: methodology.pack };
}

/**
 * Scores an inspection with `texts` in place. An inspection recorded for other versions of the
 * methodology (its packVersion) is scored with that check set aside, as `criteria diff` does.
 */
async function scoreSide(
  file: string,
  texts: ReadonlyMap<string, string>,
  pack: Pack,
  cache: ParsedCache | undefined,
  packPath?: string,
): Promise<{ scored: ScoredFile | { errors: import('../../model/errors.js').Diagnostic[] }; note?: string }> {
  const overlay = new Map(texts);
  const options = packPath === undefined ? {} : withTextOverlay(texts, () => replacing(file, pack, packPath), cache);
  let note: string | undefined;
  const read = withTextOverlay(texts, () => readDocument(file));
  if (pack.kind === 'methodology' && 'doc' in read) {
    const range = (read.doc.value as { packVersion?: unknown }).packVersion;
    if (typeof range === 'string' && validRange(range) !== null && !satisfies(pack.version, range)) {
      const doc = parseDocument(read.doc.text);
      if (isMap(doc.contents)) doc.delete('packVersion');
      overlay.set(file, doc.toString());
      note = `recorded for ${pack.id} ${range}; scored with ${pack.version} anyway, to compare`;
    }
  }
  const scored = await withTextOverlay(overlay, () => scoreInspectionFile(file, { trace: true, ...options }), cache);
  return { scored, ...(note ? { note } : {}) };
}

/** The options that score an inspection with the pack at `packPath` in place of the one it names (for a thematic, beside its other thematics). */
function replacing(file: string, pack: Pack, packPath: string): { pack?: string; thematics?: string[] } {
  if (pack.kind === 'methodology') return { pack: packPath };
  const read = readDocument(file);
  const named = 'doc' in read ? (read.doc.value as { thematics?: unknown }).thematics : undefined;
  const others = (Array.isArray(named) ? named : [])
    .filter((t): t is string => typeof t === 'string')
    .map((t) => resolve(dirname(file), t))
    .filter((path) => {
      const loaded = loadPackFiles(path);
      return 'errors' in loaded || loaded.pack.id !== pack.id;
    });
  return { thematics: [...others, packPath] };
}
