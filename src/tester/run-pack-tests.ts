/**
 * Runs a pack's tests written as data (`tests/*.yaml` beside its `pack.yaml`): each test scores a
 * small inspection (written in the test or in a file) and compares the results it names, or
 * expects scoring to fail with an error code.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../model/errors.js';
import type { Pack } from '../model/pack.js';
import type { PackTest, PackTestFile, TestInspection } from '../model/pack-test.js';
import type { InspectionResult } from '../model/result.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import { compilePlan } from '../compile/compile-pack.js';
import { ScoringSession } from '../evaluate/score-inspection.js';
import { loadInspectionFile, loadPack } from '../pipeline/load-pack.js';
import { readCases } from '../pipeline/load-inspection.js';
import type { CaseInput } from '../load/read-cases.js';
import type { InspectionFile } from '../model/inspection.js';
import type { InspectionHeader } from '../evaluate/score-inspection.js';
import { readDocument } from '../load/read-document.js';
import type { SourceDocument } from '../source/source-document.js';
import { validateDocument } from '../check/validate-schema.js';
import { feedCases, scoreInspectionFile } from '../pipeline/score-file.js';
import { compareExpected, type Mismatch } from './compare-expected.js';
import { indexResults } from './index-results.js';
import { methodologyToScore, thematicsToScore, type Substitution } from './substitute-pack.js';

export interface TestOutcome {
  file: string;
  line?: number;
  name: string;
  passed: boolean;
  /** TEST_FAILED when the test failed (the error code tools see in `criteria test --format json`). */
  code?: 'TEST_FAILED';
  mismatches: Mismatch[];
  /** Errors scoring gave when none was expected, or the errors given when another was expected. */
  errors: Diagnostic[];
  /** What was expected but did not happen, in words (e.g. an expected error code that did not come). */
  problem?: string;
  /** Set when the test's inspection named another pack of the pack under test's kind and id: the pack under test was scored in its place. */
  substituted?: string;
}

export interface PackTestRun {
  pack: Pack;
  outcomes: TestOutcome[];
  /** Each scored result, for coverage. */
  results: Array<{ plan: CompiledPlan; result: InspectionResult }>;
}

/** The test files of a pack folder, sorted. */
export function findTestFiles(packFolder: string): string[] {
  const folder = join(packFolder, 'tests');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(folder, f));
}

function packFolderOf(pack: Pack): string {
  return dirname(pack.files?.[0] ?? '.');
}

type Scored = ({ result: InspectionResult; plan: CompiledPlan } | { errors: Diagnostic[] }) & { substitution?: Substitution };

class PlanCache {
  private readonly plans = new Map<string, { plan: CompiledPlan } | { errors: Diagnostic[] }>();

  get(methodologyPath: string, thematicPaths: string[]): { plan: CompiledPlan } | { errors: Diagnostic[] } {
    const key = [methodologyPath, ...thematicPaths].join('\0');
    let entry = this.plans.get(key);
    if (!entry) {
      entry = this.build(methodologyPath, thematicPaths);
      this.plans.set(key, entry);
    }
    return entry;
  }

  private build(methodologyPath: string, thematicPaths: string[]): { plan: CompiledPlan } | { errors: Diagnostic[] } {
    const methodology = loadPack(methodologyPath);
    if ('errors' in methodology) return methodology;
    const thematics: Pack[] = [];
    for (const path of thematicPaths) {
      const t = loadPack(path, { methodology: methodology.pack });
      if ('errors' in t) return t;
      thematics.push(t.pack);
    }
    return { plan: compilePlan(methodology.pack, thematics) };
  }
}

function testError(message: string, file: string, line?: number): { errors: Diagnostic[] } {
  return {
    errors: [
      {
        code: 'TEST_INVALID',
        severity: 'error',
        message,
        hint: 'give the test inspection an area and cases, or a base inspection that has them',
        file,
        ...(line !== undefined ? { line } : {}),
      },
    ],
  };
}

async function scoreInline(
  inspection: TestInspection,
  testFile: string,
  doc: SourceDocument,
  pointer: string,
  underTest: Pack,
  cache: PlanCache,
): Promise<Scored> {
  const here = dirname(testFile);
  let base: { inspection: InspectionFile; path: string; doc: SourceDocument } | null = null;
  if (inspection.base !== undefined) {
    const path = resolve(here, inspection.base);
    const loaded = loadInspectionFile(path);
    if ('errors' in loaded) return loaded;
    base = { inspection: loaded.inspection, path, doc: loaded.doc };
  }
  const baseDir = base ? dirname(base.path) : here;
  const folder = resolve(packFolderOf(underTest));
  const namedMethodology =
    inspection.pack !== undefined
      ? resolve(here, inspection.pack)
      : base
        ? resolve(baseDir, base.inspection.pack)
        : underTest.kind === 'methodology'
          ? folder
          : resolve(folder, underTest.attachesTo?.path ?? '.');
  const namedThematics =
    inspection.thematics !== undefined
      ? inspection.thematics.map((t) => resolve(here, t))
      : base?.inspection.thematics !== undefined
        ? base.inspection.thematics.map((t) => resolve(baseDir, t))
        : [];
  // The pack under test is scored in the place of the pack the inspection names.
  const methodology = methodologyToScore(namedMethodology, underTest, folder);
  const thematicsChosen = thematicsToScore(namedThematics, underTest, folder);
  const substitution =
    methodology.substitution ?? (inspection.thematics !== undefined || base?.inspection.thematics !== undefined ? thematicsChosen.substitution : undefined);
  const withNote = <T extends object>(scored: T): T & { substitution?: Substitution } => (substitution ? { ...scored, substitution } : scored);
  const built = cache.get(methodology.path, thematicsChosen.paths);
  if ('errors' in built) return withNote(built);
  const area = inspection.area ?? base?.inspection.area;
  if (area === undefined) return testError('the test inspection has no area', testFile, doc.locate(pointer)?.line);
  // Entries of the base that belong to a thematic this test leaves out are dropped with it.
  const included = new Set(built.plan.thematics.map((t) => t.prefix));
  const kept = <T>(entries: Record<string, T> | undefined) =>
    entries && Object.fromEntries(Object.entries(entries).filter(([key]) => !key.includes(':') || included.has(key.slice(0, key.indexOf(':') + 1))));
  const merge = <T>(a: Record<string, T> | undefined, b: Record<string, T> | undefined) => (a || b ? { ...kept(a), ...b } : undefined);
  const header: InspectionHeader = {
    area,
    ...(inspection.packVersion !== undefined ? { packVersion: inspection.packVersion } : {}),
    ...optional('evidence', merge(base?.inspection.evidence, inspection.evidence)),
    ...optional('targets', merge(base?.inspection.targets, inspection.targets)),
    ...optional('scores', merge(base?.inspection.scores, inspection.scores)),
    ...optional('adjustments', inspection.adjustments ?? base?.inspection.adjustments),
  };
  const columns = { caseFacts: built.plan.caseFacts, questionKeys: new Set(built.plan.questionByKey.keys()) };
  let cases: AsyncIterable<CaseInput>;
  let fromFile: boolean;
  if (inspection.cases !== undefined) {
    const caseDoc = { ...doc, locate: (p: string, onKey?: boolean) => doc.locate(`${pointer}${p}`, onKey) };
    cases = readCases(inspection.cases, testFile, caseDoc, columns);
    fromFile = !Array.isArray(inspection.cases);
  } else if (base) {
    cases = readCases(base.inspection.cases, base.path, base.doc, columns);
    fromFile = !Array.isArray(base.inspection.cases);
  } else if (built.plan.questions.length === 0) {
    // A methodology that asks no sample questions needs no cases.
    cases = readCases([], testFile, doc, columns);
    fromFile = false;
  } else {
    return testError('the test inspection has no cases (write cases: [] for none)', testFile, doc.locate(pointer)?.line);
  }
  const started = ScoringSession.start(built.plan, header, { requireCases: fromFile });
  if ('errors' in started) return withNote(started);
  await feedCases(started.session, cases);
  const finished = started.session.finish();
  return withNote('errors' in finished ? finished : { result: finished.result, plan: built.plan });
}

/** Scores an inspection file with the pack under test in the place of the pack of its kind and id. */
async function scoreFileUnderTest(path: string, underTest: Pack): Promise<Scored> {
  const folder = resolve(packFolderOf(underTest));
  const loaded = loadInspectionFile(path);
  if ('errors' in loaded) return loaded;
  const here = dirname(path);
  const methodology = methodologyToScore(resolve(here, loaded.inspection.pack), underTest, folder);
  const thematics = thematicsToScore(
    (loaded.inspection.thematics ?? []).map((t) => resolve(here, t)),
    underTest,
    folder,
  );
  const substitution = methodology.substitution ?? thematics.substitution;
  const s = await scoreInspectionFile(path, { pack: methodology.path, thematics: thematics.paths });
  const scored: Scored = 'errors' in s ? s : { result: s.result, plan: s.plan };
  return substitution ? { ...scored, substitution } : scored;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

async function runTest(
  test: PackTest,
  index: number,
  file: string,
  doc: SourceDocument,
  underTest: Pack,
  cache: PlanCache,
): Promise<{ outcome: TestOutcome; scored: Scored }> {
  const line = doc.locate(`/tests/${index}`)?.line;
  const base = { file, ...(line !== undefined ? { line } : {}), name: test.name };
  const scoredWithNote: Scored =
    typeof test.inspection === 'string'
      ? await scoreFileUnderTest(resolve(dirname(file), test.inspection), underTest)
      : await scoreInline(test.inspection, file, doc, `/tests/${index}/inspection`, underTest, cache);
  const { substitution, ...scored } = scoredWithNote;
  const note = substitution ? { substituted: substitution.named } : {};
  if (test.expectError !== undefined) {
    const errors = 'errors' in scored ? scored.errors : [];
    const passed = errors.some((e) => e.code === test.expectError);
    return {
      outcome: {
        ...base,
        ...note,
        passed,
        mismatches: [],
        errors: passed ? [] : errors,
        ...(passed
          ? {}
          : {
              problem: `expected an error ${test.expectError}, ${errors.length > 0 ? `got ${[...new Set(errors.map((e) => e.code))].join(', ')}` : 'but it scored without errors'}`,
            }),
      },
      scored,
    };
  }
  if ('errors' in scored) return { outcome: { ...base, ...note, passed: false, mismatches: [], errors: scored.errors, problem: 'scoring failed' }, scored };
  const index_ = indexResults(scored.result);
  const mismatches = Object.entries(test.expect ?? {}).flatMap(([id, expected]) => compareExpected(id, expected, index_.get(id)));
  return { outcome: { ...base, ...note, passed: mismatches.length === 0, mismatches, errors: [] }, scored };
}

/** Runs every test of the pack at `path`. */
/** Marks a failed outcome with its error code. */
function coded(outcome: TestOutcome): TestOutcome {
  return outcome.passed ? outcome : { ...outcome, code: 'TEST_FAILED' };
}

export async function runPackTests(path: string): Promise<PackTestRun | { errors: Diagnostic[] }> {
  const loaded = loadPack(path);
  if ('errors' in loaded) return loaded;
  const cache = new PlanCache();
  const outcomes: TestOutcome[] = [];
  const results: PackTestRun['results'] = [];
  const errors: Diagnostic[] = [];
  for (const file of findTestFiles(packFolderOf(loaded.pack))) {
    const read = readDocument(file);
    if ('errors' in read) {
      errors.push(...read.errors);
      continue;
    }
    const invalid = validateDocument('pack-test', read.doc);
    if (invalid.length > 0) {
      errors.push(...invalid);
      continue;
    }
    const tests = (read.doc.value as PackTestFile).tests;
    for (let i = 0; i < tests.length; i++) {
      const { outcome, scored } = await runTest(tests[i]!, i, file, read.doc, loaded.pack, cache);
      outcomes.push(coded(outcome));
      if (!('errors' in scored)) results.push(scored);
    }
  }
  if (errors.length > 0) return { errors };
  return { pack: loaded.pack, outcomes, results };
}
