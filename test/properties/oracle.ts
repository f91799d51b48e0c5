/**
 * An independent oracle for the scores of a sample-only pack, in BigInt rationals written here
 * (not fraction.js, not the engine's rounding): pooled = Σmet / Σrelevant × 100, weighted means of
 * the parts (or of every question beneath), not-rated parts left out or making the parent not
 * rated, rounding by the pack's mode at its stages only, and bands over the (rounded) score.
 * Applicability and `metWhen` are read from the compiled plan's predicates: the differential test
 * checks those against json-rules-engine; this checks the arithmetic.
 */
import type { CompiledPlan } from '../../src/compile/compiled-plan.js';
import type { CaseRecord, FactValue } from '../../src/model/inspection.js';
import type { Pack, RoundingMode, RoundingStage, ScoreRule } from '../../src/model/pack.js';

/** An exact rational n/d with d > 0, in lowest terms. */
export class Q {
  readonly n: bigint;
  readonly d: bigint;
  constructor(n: bigint, d = 1n) {
    if (d === 0n) throw new RangeError('zero denominator');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    this.n = g === 0n ? 0n : n / g;
    this.d = g === 0n ? 1n : d / g;
  }
  /** A number from its shortest decimal form (what the author wrote). */
  static of(x: number): Q {
    const [mantissa, exponent = '0'] = String(x).toLowerCase().split('e');
    const negative = mantissa!.startsWith('-');
    const [whole, decimals = ''] = mantissa!.replace('-', '').split('.');
    let n = BigInt(whole! + decimals);
    let d = 1n;
    const e = Number(exponent) - decimals.length;
    if (e >= 0) n *= 10n ** BigInt(e);
    else d = 10n ** BigInt(-e);
    return new Q(negative ? -n : n, d);
  }
  add(o: Q): Q {
    return new Q(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  mul(o: Q): Q {
    return new Q(this.n * o.n, this.d * o.d);
  }
  div(o: Q): Q {
    return new Q(this.n * o.d, this.d * o.n);
  }
  cmp(o: Q): number {
    const a = this.n * o.d;
    const b = o.n * this.d;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  /** `n/d`, or `n` when whole: the form results carry. */
  text(): string {
    return this.d === 1n ? `${this.n}` : `${this.n}/${this.d}`;
  }
  toNumber(): number {
    return Number(this.n) / Number(this.d);
  }
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * Rounds to `digits` places. Written from the modes' definitions on the signed value: halfUp
 * sends a half towards +∞, halfDown towards −∞, halfEven to the even neighbour, up is the
 * ceiling and down the floor.
 */
export function round(x: Q, digits: number, mode: RoundingMode): Q {
  const scale = 10n ** BigInt(digits);
  const scaled = x.mul(new Q(scale));
  // floor of scaled
  let floor = scaled.n / scaled.d;
  if (scaled.n < 0n && scaled.n % scaled.d !== 0n) floor -= 1n;
  const rest = scaled.add(new Q(-floor)); // in [0, 1)
  const half = new Q(1n, 2n);
  let k: bigint;
  if (rest.isZero()) k = floor;
  else {
    const c = rest.cmp(half);
    switch (mode) {
      case 'up':
        k = floor + 1n;
        break;
      case 'down':
        k = floor;
        break;
      case 'halfUp':
        k = c >= 0 ? floor + 1n : floor;
        break;
      case 'halfDown':
        k = c > 0 ? floor + 1n : floor;
        break;
      case 'halfEven':
        k = c > 0 ? floor + 1n : c < 0 ? floor : floor % 2n === 0n ? floor : floor + 1n;
        break;
    }
  }
  return new Q(k, scale);
}

export interface OracleQuestion {
  id: string;
  relevant: number;
  met: number;
  notApplicable: number;
  percent: number | null;
  exact: string | null;
}

export interface OracleNode {
  id: string;
  score: number | null;
  exact: string | null;
  notRated: boolean;
  band: string | null;
}

export interface OracleResult {
  questions: OracleQuestion[];
  criteria: OracleNode[];
  sections: OracleNode[];
  overall: OracleNode | null;
}

interface Value {
  exact: Q | null;
  score: Q | null;
  notRated: boolean;
}

const HUNDRED = new Q(100n);

/** The scores of `cases` under `pack` (sample criteria only), by the pack's rules, computed here. */
export function oracleScores(pack: Pack, plan: CompiledPlan, cases: readonly CaseRecord[], area: Record<string, FactValue>): OracleResult {
  const r = pack.rounding;
  const rounds = (stage: RoundingStage) => r.at.includes(stage);
  const roundAt = (x: Q | null, stage: RoundingStage): Q | null => (x !== null && rounds(stage) ? round(x, r.digits, r.mode) : x);
  const shown = (x: Q | null, stage: RoundingStage): number | null =>
    x === null ? null : (rounds(stage) ? round(x, r.digits, r.mode) : round(x, r.display ?? 2, 'halfEven')).toNumber();
  const weightOf = (w: string | number | undefined): Q | null => (w === undefined ? null : typeof w === 'number' ? Q.of(w) : Q.of(pack.weightClasses![w]!));

  // Counts per question.
  const counts = new Map<string, { relevant: number; met: number; notApplicable: number }>();
  for (const q of plan.questions) counts.set(q.def.id, { relevant: 0, met: 0, notApplicable: 0 });
  for (const c of cases) {
    const facts = c.facts ?? {};
    for (const q of plan.questions) {
      if (q.applies !== null && !q.applies(facts, area)) continue;
      const count = counts.get(q.def.id)!;
      if (q.metWhen !== null) {
        count.relevant++;
        if (q.metWhen(facts, area)) count.met++;
        continue;
      }
      const scale = pack.scales![q.def.scale!]!;
      const answer = c.answers?.[q.def.id];
      if (answer === scale.notApplicable?.id) {
        count.notApplicable++;
        continue;
      }
      count.relevant++;
      if ((scale.met ?? []).includes(answer!)) count.met++;
    }
  }
  const share = (id: string): Q | null => {
    const c = counts.get(id)!;
    return c.relevant === 0 ? null : new Q(BigInt(c.met)).div(new Q(BigInt(c.relevant))).mul(HUNDRED);
  };
  const pooled = (ids: string[]): Q | null => {
    let relevant = 0;
    let met = 0;
    for (const id of ids) {
      relevant += counts.get(id)!.relevant;
      met += counts.get(id)!.met;
    }
    return relevant === 0 ? null : new Q(BigInt(met)).div(new Q(BigInt(relevant))).mul(HUNDRED);
  };
  const weightedMean = (parts: Array<{ value: Q | null; weight: Q | null }>, notRated: ScoreRule['notRated']): { value: Q | null; notRated: boolean } => {
    const weighted = parts.filter((p) => p.weight !== null);
    if (notRated === 'notRated' && weighted.some((p) => p.value === null)) return { value: null, notRated: true };
    let total = new Q(0n);
    let weights = new Q(0n);
    for (const p of weighted) {
      if (p.value === null) continue;
      total = total.add(p.value.mul(p.weight!));
      weights = weights.add(p.weight!);
    }
    return weights.isZero() ? { value: null, notRated: true } : { value: total.div(weights), notRated: false };
  };
  const questionParts = (ids: string[]) =>
    ids.map((id) => {
      const q = plan.questionByKey.get(id)!;
      return { value: roundAt(share(id), 'question'), weight: Q.of(q.def.weight ?? 1) };
    });
  const combine = (
    rule: ScoreRule | undefined,
    questionIds: string[],
    children: Array<{ value: Q | null; weight: Q | null }> | null,
  ): { value: Q | null; notRated: boolean } => {
    if (!rule) return { value: null, notRated: false };
    if (rule.method === 'pooled') {
      const value = pooled(questionIds);
      return { value, notRated: value === null };
    }
    return weightedMean(children === null || rule.over === 'questions' ? questionParts(questionIds) : children, rule.notRated);
  };
  const bandOf = (band: unknown, v: Value): string | null => {
    if (band === undefined || v.notRated) return null;
    const set = pack.bandSets![band as string]!;
    for (const rule of set.rules ?? []) {
      const w = rule.when as { operator: string; value: number };
      const c = v.score === null ? null : v.score.cmp(Q.of(w.value));
      if (c !== null && (w.operator === 'greaterThanInclusive' ? c >= 0 : c > 0)) return rule.level;
    }
    return set.otherwise ?? null;
  };
  const node = (id: string, v: Value, stage: RoundingStage, band: unknown): OracleNode => ({
    id,
    score: shown(v.score, stage),
    exact: v.exact ? v.exact.text() : null,
    notRated: v.notRated,
    band: bandOf(band, v),
  });

  const questions: OracleQuestion[] = plan.questions.map((q) => {
    const c = counts.get(q.def.id)!;
    const s = share(q.def.id);
    return { id: q.def.id, ...c, percent: shown(s, 'question'), exact: s ? s.text() : null };
  });
  const criterionValues = new Map<string, Value>();
  const criteria: OracleNode[] = [];
  for (const c of pack.criteria ?? []) {
    const ids = (c.questions ?? []).map((q) => q.id);
    const combined = combine(c.score ?? { method: 'pooled' }, ids, null);
    const v: Value = { exact: combined.value, score: roundAt(combined.value, 'criterion'), notRated: combined.notRated };
    criterionValues.set(c.id, v);
    criteria.push(node(c.id, v, 'criterion', c.band));
  }
  const sectionValues: Value[] = [];
  const sections: OracleNode[] = pack.sections.map((s) => {
    const members = (s.criteria ?? []).map((id) => pack.criteria!.find((c) => c.id === id)!);
    const ids = members.flatMap((c) => (c.questions ?? []).map((q) => q.id));
    const combined = combine(
      s.score,
      ids,
      members.map((c) => ({ value: criterionValues.get(c.id)!.score, weight: weightOf(c.weight) })),
    );
    const v: Value = { exact: combined.value, score: roundAt(combined.value, 'section'), notRated: combined.notRated };
    sectionValues.push(v);
    return node(s.id, v, 'section', s.band);
  });
  let overall: OracleNode | null = null;
  if (pack.overall) {
    const ids = pack.sections.flatMap((s) => (s.criteria ?? []).flatMap((id) => (pack.criteria!.find((c) => c.id === id)!.questions ?? []).map((q) => q.id)));
    const combined = combine(
      pack.overall.score,
      ids,
      pack.sections.map((s, i) => ({ value: sectionValues[i]!.score, weight: weightOf(s.weight) })),
    );
    overall = node('overall', { exact: combined.value, score: roundAt(combined.value, 'overall'), notRated: combined.notRated }, 'overall', pack.overall.band);
  }
  return { questions, criteria, sections, overall };
}
