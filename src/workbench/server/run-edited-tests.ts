/**
 * A pack's tests as data, run on the editor's texts as `criteria test --coverage` runs them:
 * pass or fail per test with expected against actual, and what the tests never exercised, each
 * gap located at the line of the pack that declares it.
 */
import type { Pack } from '../../model/pack.js';
import { loadPack } from '../../pipeline/load-pack.js';
import type { SourceMap } from '../../source/source-map.js';
import { withTextOverlay, type ParsedCache } from '../../load/text-overlay.js';
import { measureCoverage, type CoverageGap } from '../../tester/measure-coverage.js';
import { runPackTests, type TestOutcome } from '../../tester/run-pack-tests.js';
import { relativizeDiagnostics, type WorkbenchDiagnostic } from './relativize-diagnostic.js';
import { resolveWorkspacePath, toWorkspacePath } from './resolve-workspace-path.js';

export type WorkbenchOutcome = Omit<TestOutcome, 'errors' | 'file'> & { file: string; errors: WorkbenchDiagnostic[] };
export type LocatedGap = CoverageGap & { file?: string; line?: number; column?: number };

export type TestsOutcome =
  | {
      pack: string;
      id: string;
      version: string;
      outcomes: WorkbenchOutcome[];
      passed: number;
      failed: number;
      coverage: { gaps: LocatedGap[]; totals: Record<CoverageGap['kind'], number> };
      ms: number;
    }
  | { pack: string; errors: WorkbenchDiagnostic[]; ms: number };

export async function runEditedTests(
  workspace: string,
  packPath: string,
  texts: ReadonlyMap<string, string>,
  cache?: ParsedCache,
): Promise<TestsOutcome | { problem: string }> {
  const resolved = resolveWorkspacePath(workspace, packPath);
  if ('problem' in resolved) return { problem: `${packPath}: ${resolved.problem}` };
  return withTextOverlay(
    texts,
    async () => {
      const began = performance.now();
      const run = await runPackTests(resolved.absolute);
      if ('errors' in run) return { pack: resolved.relative, errors: relativizeDiagnostics(workspace, run.errors), ms: performance.now() - began };
      const coverage = measureCoverage(run.pack, run.results);
      const loaded = loadPack(resolved.absolute);
      const locate = 'errors' in loaded ? () => ({}) : (gap: CoverageGap) => locateGap(workspace, loaded.pack, loaded.sources, gap);
      const outcomes = run.outcomes.map((o) => ({
        ...o,
        file: toWorkspacePath(workspace, o.file) ?? o.file,
        errors: relativizeDiagnostics(workspace, o.errors),
      }));
      return {
        pack: resolved.relative,
        id: run.pack.id,
        version: run.pack.version,
        outcomes,
        passed: outcomes.filter((o) => o.passed).length,
        failed: outcomes.filter((o) => !o.passed).length,
        coverage: { gaps: coverage.gaps.map((g) => ({ ...g, ...locate(g) })), totals: coverage.totals },
        ms: performance.now() - began,
      };
    },
    cache,
  );
}

/** Where the pack declares what a coverage gap names. */
function locateGap(workspace: string, pack: Pack, sources: SourceMap, gap: CoverageGap): { file?: string; line?: number; column?: number } {
  const at = (() => {
    switch (gap.kind) {
      case 'question': {
        for (const c of pack.criteria ?? []) {
          const q = c.questions?.find((x) => x.id === gap.id);
          if (q) return sources.locate(q);
        }
        return undefined;
      }
      case 'bandRule':
      case 'threshold': {
        const [setId, rest] = gap.id.split(gap.kind === 'bandRule' ? '#' : '@') as [string, string];
        const set = pack.bandSets?.[setId];
        if (!set) return undefined;
        // Rule numbers count from 1.
        const rule = gap.kind === 'bandRule' && /^\d+$/.test(rest) ? set.rules?.[Number(rest) - 1] : undefined;
        return (
          (rule ? sources.locate(rule) : undefined) ??
          (gap.kind === 'bandRule' && rest === 'otherwise' ? sources.locate(set, 'otherwise') : undefined) ??
          sources.locate(set)
        );
      }
      case 'weightClass':
        return pack.weightClasses ? sources.locate(pack.weightClasses, gap.id, true) : undefined;
    }
  })();
  if (!at) return {};
  const file = toWorkspacePath(workspace, at.file);
  return { ...(file ? { file } : {}), line: at.line, column: at.column };
}
