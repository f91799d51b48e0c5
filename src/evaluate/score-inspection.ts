/**
 * Scores an inspection against a compiled plan: checks its area-level data, counts its cases,
 * then scores the methodology and each thematic. Synchronous, no I/O, deterministic: the same
 * plan and inspection give byte-identical JSON whatever the order of cases or keys.
 *
 * A ScoringSession takes cases one at a time, so a caller can stream them from a file; the
 * session keeps counters, not cases.
 */
import { usedAreaFacts } from './used-area-facts.js';
import type { Diagnostic } from '../model/errors.js';
import type { CaseRecord, Inspection } from '../model/inspection.js';
import type { InspectionResult } from '../model/result.js';
import type { CompiledPlan } from '../compile/compiled-plan.js';
import { ENGINE } from '../engine-version.js';
import { checkInspection, type CheckedInspection } from './check-inspection.js';
import { CaseTally, type TallyOptions } from './tally-cases.js';
import { scoreModule } from './score-module.js';
import { InputHash } from './hash-input.js';

export interface ScoreOptions extends TallyOptions {
  /** The hash of the input, stamped on the result's provenance (scoreInspectionFile gives the sha256 of the files it read). */
  inputSha256?: string;
  /** For in-memory inspections without `inputSha256`: hash their content, independent of case and key order (costs time per case). */
  hashInput?: boolean;
}

export type ScoreOutcome = { result: InspectionResult } | { errors: Diagnostic[] };

/** The inspection without its cases: what a session needs up front. */
export type InspectionHeader = Omit<Inspection, 'cases'>;

/**
 * A session is open until `finish`: cases go in with `add` (or `reject`), then `finish` gives the
 * result once. A case added after that, or a second `finish`, throws: it would be a miscount.
 */
export class ScoringSession {
  readonly tally: CaseTally;
  /** Hashes the cases as they come, only when asked to (see ScoreOptions.hashInput). */
  private readonly hash: InputHash | null;
  private finished = false;

  private constructor(
    readonly plan: CompiledPlan,
    readonly inspection: InspectionHeader,
    readonly checked: CheckedInspection,
    private readonly options: ScoreOptions,
  ) {
    this.tally = new CaseTally(plan, checked.area, options);
    this.hash = options.inputSha256 === undefined && options.hashInput ? new InputHash(inspection) : null;
  }

  /** Checks the inspection's area-level data; returns a session ready for cases, or the errors. */
  static start(plan: CompiledPlan, inspection: InspectionHeader, options: ScoreOptions = {}): { session: ScoringSession } | { errors: Diagnostic[] } {
    const { checked, errors } = checkInspection(plan, { ...inspection, cases: [] });
    return errors.length > 0 ? { errors } : { session: new ScoringSession(plan, inspection, checked, options) };
  }

  /** Checks and counts one case; false when it has problems (they are in the tally's diagnostics). */
  add(record: CaseRecord | Record<string, unknown>): boolean {
    this.assertOpen('add a case');
    this.hash?.addCase(record);
    return this.tally.add(record);
  }

  /** Records a row a reader could not make into a case (it counts as read and as having problems), or, with `notACase`, a problem with the input as a whole. */
  reject(problem: Diagnostic, notACase = false): void {
    this.assertOpen('reject a case');
    this.hash?.addCase({ rejected: problem.message });
    this.tally.rejectProblem(problem, notACase);
  }

  /** The result, or every error that stops it (bad cases unless excluded, no cases at all). `inputSha256`: the input's hash, when known only once it has been read. */
  finish(inputSha256?: string): ScoreOutcome {
    this.assertOpen('finish');
    this.finished = true;
    const errors = tallyErrors(this.plan, this.tally);
    if (errors.length > 0) return { errors };
    return { result: buildResult(this.plan, this.inspection, this.checked, this.tally, inputSha256 ?? this.options.inputSha256 ?? this.hash?.digest()) };
  }

  private assertOpen(what: string): void {
    if (this.finished) throw new Error(`ScoringSession: cannot ${what} after finish(); start a new session`);
  }
}

export function tallyErrors(plan: CompiledPlan, tally: CaseTally): Diagnostic[] {
  // A problem with the input as a whole (a bad header, an unreadable file) stops scoring even
  // when bad cases may be excluded: what was read is not the whole input.
  if (tally.inputProblems > 0) {
    return [
      ...tally.diagnostics,
      {
        code: 'CASES_NOT_SCORED',
        severity: 'error',
        message: 'the cases could not be read as a whole; nothing was scored',
        hint: 'mend the case file as the errors above say',
      },
    ];
  }
  if (tally.invalid > 0 && !tally.excludesInvalid) {
    const more = tally.diagnosticCount - tally.diagnostics.length;
    const summary: Diagnostic = {
      code: 'CASES_NOT_SCORED',
      severity: 'error',
      message: `${tally.invalid} of ${tally.read} cases have problems${more > 0 ? ` (${more} more problems not listed)` : ''}; nothing was scored`,
      hint: 'mend the cases, or leave them out with excludeInvalid (--exclude-invalid on the command line); the result then lists them and why',
    };
    return [...tally.diagnostics, summary];
  }
  // An empty list written in the inspection is deliberate; an empty file, or only bad cases, is not.
  if (tally.scored === 0 && plan.questions.length > 0 && (tally.requiresCases || tally.read > 0)) {
    return [
      {
        code: 'NO_CASES',
        severity: 'error',
        message: tally.read === 0 ? 'the inspection has no cases' : 'no case could be scored',
        hint: 'list the cases under cases:, or point cases: { file: … } at a CSV or NDJSON file with a header and at least one row',
      },
    ];
  }
  return [];
}

/** The area facts the packs' conditions read, with the values scoring used (null: not given). */
function areaFactsOf(plan: CompiledPlan, area: Readonly<Record<string, unknown>>): { facts?: Record<string, string | number | boolean | null> } {
  const names = usedAreaFacts(plan);
  if (names.length === 0) return {};
  return { facts: Object.fromEntries(names.map((name) => [name, Object.hasOwn(area, name) ? (area[name] as string | number | boolean | null) : null])) };
}

export function buildResult(
  plan: CompiledPlan,
  inspection: InspectionHeader,
  checked: CheckedInspection,
  tally: CaseTally,
  inputSha256: string | undefined,
): InspectionResult {
  const inputs = { relevant: tally.relevant, met: tally.met, notApplicable: tally.notApplicable, ...checked };
  const [core, ...thematics] = plan.modules.map((m) => scoreModule(m, inputs));
  const methodology = plan.methodology;
  return {
    provenance: {
      pack: methodology.pack.id,
      version: methodology.pack.version,
      sha256: methodology.sha256,
      thematics: plan.thematics.map((t) => ({ id: t.pack.id, version: t.pack.version, sha256: t.sha256 })),
      engine: ENGINE,
      ...(inputSha256 !== undefined ? { inputSha256 } : {}),
    },
    area: {
      name: inspection.area.name,
      ...(inspection.area.period !== undefined ? { period: inspection.area.period } : {}),
      ...areaFactsOf(plan, checked.area),
    },
    ...core!,
    cases: {
      read: tally.read,
      scored: tally.scored,
      relevantToNone: tally.relevantToNone,
      // By id, then the cases without a valid id by position.
      excluded: [...tally.excluded].sort((a, b) =>
        a.id === b.id ? a.position - b.position : a.id === undefined ? 1 : b.id === undefined ? -1 : a.id < b.id ? -1 : 1,
      ),
    },
    thematics,
  };
}

/** Scores an inspection whose cases are at hand (an array or any iterable). */
export function scoreInspection(plan: CompiledPlan, inspection: Inspection, options: ScoreOptions = {}): ScoreOutcome {
  const { cases, ...header } = inspection ?? {};
  const started = ScoringSession.start(plan, header, options);
  if ('errors' in started) return started;
  if (cases === null || typeof cases !== 'object' || typeof (cases as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    return {
      errors: [
        {
          code: 'SCHEMA_TYPE',
          severity: 'error',
          message: "the inspection's cases must be a list (or any iterable) of case records",
          hint: 'give cases: [ { id, facts, answers }, … ]',
          pointer: '/cases',
        },
      ],
    };
  }
  for (const record of cases) started.session.add(record);
  return started.session.finish();
}
