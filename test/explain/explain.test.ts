// `criteria explain`: the derivation of a result in the methodology's terms, and one case through
// every question, on the Derbyshire example (rules/esi-2003/examples/derbyshire-2003), checked
// against figures worked out here from cases.csv and the pack itself.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Condition } from '../../src/model/condition.js';
import { compileCondition } from '../../src/compile/compile-condition.js';
import { Fraction } from '../../src/compile/exact-number.js';
import { openExplanation, type ExplainContext } from '../../src/explain/explain-context.js';
import { buildNodeTrace } from '../../src/explain/build-node-trace.js';
import { buildCaseTrace, findCase } from '../../src/explain/build-case-trace.js';
import { explainInspection } from '../../src/explain/explain-inspection.js';
import { renderTraceText } from '../../src/explain/render-trace.js';
import { decidingLeaves, describeOutcome, traceCondition, type TraceScope } from '../../src/explain/trace-condition.js';
import { renderCondition } from '../../src/explain/render-condition.js';
import type { TraceNode } from '../../src/explain/trace-node.js';

const DERBYSHIRE = 'rules/esi-2003/examples/derbyshire-2003/inspection.yaml';
const NORTHMOOR = 'rules/probation-2018/examples/northmoor-2019/inspection.yaml';
const EASTVALE = 'thematics/victims-2003/examples/eastvale-2003/inspection.yaml';

/** The Derbyshire cases as rows keyed by column. */
function readRows(): Array<Record<string, string>> {
  const [header, ...rows] = readFileSync('rules/esi-2003/examples/derbyshire-2003/cases.csv', 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  return rows.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
}

function explain(ctx: ExplainContext, id: string): TraceNode {
  const explained = buildNodeTrace(ctx, id);
  if (!('trace' in explained)) throw new Error(`no result ${id}`);
  return explained.trace;
}

function text(ctx: ExplainContext, id: string): string {
  return renderTraceText(explain(ctx, id));
}

function walk(n: TraceNode, visit: (n: TraceNode) => void): void {
  visit(n);
  n.children.forEach((c) => walk(c, visit));
}

let derbyshire: ExplainContext;

beforeAll(async () => {
  const opened = await openExplanation(DERBYSHIRE);
  if ('errors' in opened) throw new Error(opened.errors[0]!.message);
  derbyshire = opened;
});

describe('a sample criterion', () => {
  it('C1 says its score, weight class and section, and how its questions pooled', () => {
    const lines = text(derbyshire, 'C1').split('\n');
    expect(lines[0]).toBe('C1 Managing attendance and enforcement: 93% (critical, ×2 in section C)');
    // Pooled: 89 + 97 + 58 + 31 = 275 met of 100 + 100 + 60 + 36 = 296 relevant; 275/296 = 92.905… → 93.
    expect(lines).toContain('  pooled over 4 questions: 275 met of 296 relevant judgements ≈ 92.91% → 93 (half up)');
  });

  it('C1.4 is relevant in 36 cases, met in 31, and lists exactly the cases not met', () => {
    const rows = readRows();
    const relevant = rows.filter((r) => r.breachRequired === 'true' && r['C1.4'] !== 'na');
    const notMet = relevant.filter((r) => r['C1.4'] === 'insufficient' || r['C1.4'] === 'poor').map((r) => r.id);
    expect(relevant).toHaveLength(36);
    expect(notMet).toHaveLength(5);
    const line = text(derbyshire, 'C1')
      .split('\n')
      .find((l) => l.startsWith('  C1.4 '));
    expect(line).toBe(
      `  C1.4 'Breach or recall action was taken where required': relevant in 36 of 100 cases (applies when breachRequired = true), met in 31 (86%); not met: cases ${notMet.join(', ')}`,
    );
  });

  it('lists up to ten cases not met, then how many more', () => {
    const rows = readRows();
    const notMet = rows.filter((r) => r['C1.1'] === 'insufficient' || r['C1.1'] === 'poor').map((r) => r.id);
    expect(notMet).toHaveLength(11);
    const line = text(derbyshire, 'C1')
      .split('\n')
      .find((l) => l.startsWith('  C1.1 '));
    expect(line).toMatch(new RegExp(`not met: cases ${notMet.slice(0, 10).join(', ')} and 1 more$`));
  });

  it('a question explained alone gives its condition, scale, the cases met and not met, and its criterion', () => {
    const t = explain(derbyshire, 'C1.4');
    const byId = new Map(t.children.map((c) => [c.id, c]));
    expect(byId.get('C1.4/applies')?.label).toBe('applies when breachRequired = true');
    expect(byId.get('C1.4/notMet')?.value).toEqual(['D001', 'D017', 'D019', 'D024', 'D098']);
    expect((byId.get('C1.4/met')?.value as string[]).length).toBe(31);
    expect(byId.get('C1.4/percent')?.label).toBe('percentage: 31 of 36 ≈ 86.11% → 86 (half up)');
    expect(byId.get('C1.4/criterion')?.label).toBe('counts in C1 Managing attendance and enforcement (pooled with its other questions): 93%');
  });
});

describe('an evidence criterion and its band', () => {
  it('A3 lists its items and why each rule above the matching one fails', () => {
    expect(text(derbyshire, 'A3')).toBe(
      [
        'A3 Management and supervision of staff: Satisfactorily met (in section A)',
        "  A3.planning 'Human resources planning linked to the business and training plans, with an annual staffing report': Strong",
        "  A3.supervision 'Supervision and appraisal of every grade of staff, implemented consistently': Satisfactory",
        "  A3.objectives 'Individual objectives for every member of staff, reviewed': Strong",
        "  A3.training 'Training that supports national agendas, including the victim's perspective': Satisfactory",
        "  A3.diversity 'Staff diversity policy, recruitment and support': Strong",
        "  A3.absence 'Sickness absence managed against the national target': Strong",
        '  band: Satisfactorily met — rule 3 of Quality of management bands (Scoring approach), the first that holds (later rules are not tried)',
        '    Very well met (very strong performance on each item): share at least veryStrong = 1 — fails (0 of 6 items)',
        '    Well met (strong performance on each item): share at least strong = 1 — fails (4 of 6 items)',
        '    Satisfactorily met (strong performance on the majority of items and at least satisfactory performance on the others): share at least strong > 0.5 and share at least satisfactory = 1 — holds',
        '      share at least strong > 0.5 — holds (4 of 6 items)',
        '      share at least satisfactory = 1 — holds (6 of 6 items)',
        '',
      ].join('\n'),
    );
  });

  it('A1 shows the excluded item and why, and the item taken from the targets table with that band, counted twice', () => {
    const t = text(derbyshire, 'A1');
    expect(t).toContain(
      "A1.npd 'The NPD supports the area and holds it to account through business planning and performance monitoring': Strong — not counted: relates to the National Probation Directorate",
    );
    expect(t).toMatch(/A1\.targets '.*': Strong \(counts ×2\) — from A1T, whose band is Strong/);
    // Four counted items rated, plus the targets item weighing 2: 6; very strong on A1.plan and A1.performance only.
    expect(t).toContain('Very well met (very strong performance on each item): share at least veryStrong = 1 — fails (2 of 6 items, by weight)');
    expect(t).toContain('Well met (strong performance on each item): share at least strong = 1 — holds (6 of 6 items, by weight)');
  });

  it('the targets table judges each measure by direction and tolerance', () => {
    const t = text(derbyshire, 'A1T');
    expect(t).toContain(
      "SDA1a 'Proportion of magistrates' courts PSRs prepared in 15 working days (SDA 1a)': 87% against target 90% (higher is better, tolerance 10) → Nearly met, below the target, within the tolerance (at least 80%); comparator 78%",
    );
    expect(t).toContain('→ Not met, below the target by more than the tolerance (under 90%); comparator 85%');
    expect(t).toMatch(/SDA1b '.*': .*— not counted in the band/);
    // Counted: 8 measures; met 5 (SDA2starts, SDA4, SDA6, SDA8, SPM1), nearly met 2 (SDA1a, SDA3), not met 1.
    expect(t).toContain('Very strong (every target met): share at least met = 1 — fails (5 of 8 measures)');
    expect(t).toContain('Strong (at least three in four targets met or nearly met): share at least nearlyMet ≥ 0.75 — holds (7 of 8 measures)');
  });
});

describe('an adjusted result', () => {
  it('shows the computed band, the adjusted one and the reason; the band rules explain the computed band', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'criteria-explain-'));
    try {
      const inspection = parse(readFileSync(DERBYSHIRE, 'utf8')) as Record<string, any>;
      inspection.pack = resolve('rules/esi-2003');
      inspection.thematics = [resolve('thematics/ebs-2003')];
      inspection.cases = { file: resolve('rules/esi-2003/examples/derbyshire-2003/cases.csv') };
      inspection.adjustments = [{ id: 'A3', band: 'wellMet', reason: 'Contextual evidence from the second week' }];
      writeFileSync(join(folder, 'inspection.yaml'), stringify(inspection));
      const ctx = await openExplanation(join(folder, 'inspection.yaml'));
      if ('errors' in ctx) throw new Error(ctx.errors[0]!.message);
      const lines = text(ctx, 'A3').split('\n');
      expect(lines[0]).toBe('A3 Management and supervision of staff: Well met, adjusted by the inspector (computed Satisfactorily met) (in section A)');
      expect(lines).toContain(
        '  band: Satisfactorily met — rule 3 of Quality of management bands (Scoring approach), the first that holds (later rules are not tried)',
      );
      expect(lines).toContain('  adjusted by the inspector: band Satisfactorily met → Well met; reason: Contextual evidence from the second week');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('sections and the overall score', () => {
  it('section C is the weighted mean of its criteria with each weight', () => {
    const lines = text(derbyshire, 'C').split('\n');
    expect(lines[0]).toBe('C Quality of Interventions: 83% (weight 40 in the overall score)');
    // (93·2 + 79·2 + 79·2 + 90 + 78·2) / 9 = 748/9 = 83.11 → 83.
    expect(lines[1]).toBe("  weighted mean of the criteria's scores: (93×2 + 79×2 + 79×2 + 90×1 + 78×2) / 9 = 748/9 ≈ 83.11% → 83 (half up)");
    expect(lines).toContain('    C4 Responsivity: 90% × 1 (important)');
  });

  it('the overall score is the weighted mean of the sections by their weights', () => {
    // (76·30 + 83·40 + 76·30) / 100 = 78.8 → 79.
    expect(text(derbyshire, 'overall').split('\n').slice(0, 2)).toEqual([
      'overall Overall score for sections B–D: 79%',
      "  weighted mean of the sections' scores: (76×30 + 83×40 + 76×30) / 100 = 7880/100 = 78.8% → 79 (half up)",
    ]);
  });

  it('a thematic section over its questions, with prefixed ids', () => {
    // EBS B: (54 + 2·80 + 51 + 55 + 43 + 53 + 42) / 8 = 57.25 → 57 (the pack's reconstruction).
    expect(text(derbyshire, 'ebs-2003:B')).toContain(
      "weighted mean of the questions' percentages: (54×1 + 80×2 + 51×1 + 55×1 + 43×1 + 53×1 + 42×1) / 8 = 458/8 = 57.25% → 57 (half up)",
    );
  });

  it('an id that names nothing is refused with a hint', async () => {
    const outcome = await explainInspection(DERBYSHIRE, { id: 'c1' });
    expect('errors' in outcome && outcome.errors[0]!.hint).toBe('did you mean C1?');
  });
});

describe('one case through every question', () => {
  it('a question that does not apply names the comparison that decided it, with the fact', async () => {
    const record = await findCase(derbyshire, 'D004');
    if ('errors' in record) throw new Error('no D004');
    const t = buildCaseTrace(derbyshire, record);
    const steps = new Map<string, TraceNode>();
    walk(t, (n) => steps.set(n.id, n));
    expect(steps.get('C1.4')?.label).toBe(
      "C1.4 'Breach or recall action was taken where required': not relevant: breachRequired = true is false (breachRequired = false)",
    );
    expect(steps.get('C1.4')?.value).toBe('notRelevant');
    // B1.3 applies through the named condition highRiskOfHarm.
    expect(steps.get('B1.3')?.label).toMatch(/: not relevant: highRiskOfHarm: riskOfHarm in \[high, veryHigh\] is false \(riskOfHarm = low\)$/);
    expect(steps.get('C1.3')?.label).toMatch(
      /: relevant: hadAbsences = true is true \(hadAbsences = true\); answered insufficient \(Insufficient\) → not met$/,
    );
    expect(steps.get('B1.1')?.label).toMatch(/: relevant \(applies to every case\); answered insufficient \(Insufficient\) → not met$/);
  });

  it('agrees with the outcome scoring recorded, for every case and question of three examples', async () => {
    for (const file of [DERBYSHIRE, NORTHMOOR, EASTVALE]) {
      const ctx = await openExplanation(file);
      if ('errors' in ctx) throw new Error(ctx.errors[0]!.message);
      let steps = 0;
      for (const t of ctx.traces) {
        const record = await findCase(ctx, t.id);
        if ('errors' in record) throw new Error(t.id);
        walk(buildCaseTrace(ctx, record), (n) => {
          if (n.id.endsWith('/disagreement')) throw new Error(`${file} ${t.id}: ${n.label}`);
          if (ctx.questions.has(n.id)) steps++;
        });
      }
      expect(steps).toBe(ctx.traces.length * ctx.plan.questions.length);
    }
  });

  it('an unknown case is refused, listing some that exist', async () => {
    const outcome = await explainInspection(DERBYSHIRE, { caseId: 'X1' });
    expect('errors' in outcome && outcome.errors[0]!.message).toBe("the inspection has no scored case 'X1'");
  });

  it.each([
    ['d42', "the inspection has no scored case 'd42'; did you mean 'D042'?"],
    ['D0042', "the inspection has no scored case 'D0042'; did you mean 'D002', 'D004' or 'D042'?"],
  ])('a misspelt case id %s is refused with the ids it is nearest to', async (caseId, message) => {
    const outcome = await explainInspection(DERBYSHIRE, { caseId });
    expect('errors' in outcome && outcome.errors[0]!.message).toBe(message);
  });
});

describe('every result of three examples is explained, and agrees with its score and band', () => {
  it.each([DERBYSHIRE, NORTHMOOR, EASTVALE])('%s', async (file) => {
    const ctx = await openExplanation(file);
    if ('errors' in ctx) throw new Error(ctx.errors[0]!.message);
    for (const id of ctx.index.keys()) {
      walk(explain(ctx, id), (n) => {
        expect(n.id.endsWith('/disagreement') ? `${id}: ${n.label}` : '').toBe('');
        expect(Object.keys(n)).toEqual(['id', 'label', 'value', 'children']);
      });
    }
  });

  it('the probation overall rating by mean points per standard', async () => {
    const ctx = await openExplanation(NORTHMOOR);
    if ('errors' in ctx) throw new Error('northmoor');
    const t = text(ctx, 'overall');
    expect(t).toContain(
      'Good (16–25 points of ten standards; mean points per rated standard 1.6 or more): meanPoints ≥ 1.6 — fails (15 points over 10 rated sections = 1.5)',
    );
    expect(t).toContain(
      'Requires improvement (6–15 points of ten standards; mean points per rated standard 0.6 or more): meanPoints ≥ 0.6 — holds (15 points over 10 rated sections = 1.5)',
    );
    expect(text(ctx, '2.1')).toContain('band: Requires improvement — the lowest band of its parts (2.1.1 Outstanding, 2.1.2 Good, 2.1.3 Requires improvement)');
  });
});

describe('the tracing evaluator agrees with the compiled predicate', () => {
  const named: Record<string, Condition> = {
    high: { any: [{ fact: 'risk', operator: 'in', value: ['high', 'veryHigh'] }] },
    highAndBreach: { all: [{ condition: 'high' }, { fact: 'breach', operator: 'equal', value: true }] },
  };
  /** Each condition, and what the trace says decided it for each of the fact sets below, in order. */
  const conditions: Array<[Condition, string[]]> = [
    [
      { all: [] },
      [
        'always holds (an empty condition always holds)',
        'always holds (an empty condition always holds)',
        'always holds (an empty condition always holds)',
        'always holds (an empty condition always holds)',
      ],
    ],
    [
      { any: [] },
      [
        'always holds (an empty condition always holds)',
        'always holds (an empty condition always holds)',
        'always holds (an empty condition always holds)',
        'always holds (an empty condition always holds)',
      ],
    ],
    [
      { fact: 'risk', operator: 'in', value: ['high', 'veryHigh'] },
      [
        'risk in [high, veryHigh] is false (risk = low)',
        'risk in [high, veryHigh] is true (risk = high)',
        'risk in [high, veryHigh] is true (risk = veryHigh)',
        'risk in [high, veryHigh] is false (risk = not given)',
      ],
    ],
    [
      { not: { condition: 'high' } },
      [
        'high: risk in [high, veryHigh] is false (risk = low), under not',
        'high: risk in [high, veryHigh] is true (risk = high), under not',
        'high: risk in [high, veryHigh] is true (risk = veryHigh), under not',
        'high: risk in [high, veryHigh] is false (risk = not given), under not',
      ],
    ],
    [
      { condition: 'highAndBreach' },
      [
        'highAndBreach → high: risk in [high, veryHigh] is false (risk = low)',
        'highAndBreach → high: risk in [high, veryHigh] is true (risk = high) and highAndBreach: breach = true is true (breach = true)',
        'highAndBreach: breach = true is false (breach = not given)',
        'highAndBreach → high: risk in [high, veryHigh] is false (risk = not given)',
      ],
    ],
    [
      { any: [{ fact: 'days', operator: 'lessThanInclusive', value: 56 }, { not: { fact: 'breach', operator: 'notEqual', value: true } }] },
      [
        'days ≤ 56 is true (days = 10)',
        'breach ≠ true is false (breach = true), under not',
        'days ≤ 56 is false (days = not given) and breach ≠ true is true (breach = not given), under not',
        'breach ≠ true is false (breach = true), under not',
      ],
    ],
    [
      {
        all: [
          { fact: 'days', operator: 'greaterThan', value: { fact: 'limit' } },
          { fact: 'risk', operator: 'notIn', value: ['low'] },
        ],
      },
      [
        'risk not in [low] is false (risk = low)',
        'days > limit is false (days = 60, limit = 70)',
        'days > limit is false (days = not given, limit = 0)',
        'days > limit is true (days = 56.5, limit = 56) and risk not in [low] is true (risk = not given)',
      ],
    ],
    [
      { fact: 'tags', operator: 'contains', value: 'x' },
      [
        'tags contains x is true (tags = [x])',
        'tags contains x is false (tags = [])',
        'tags contains x is false (tags = not given)',
        'tags contains x is false (tags = not given)',
      ],
    ],
  ];
  const factSets: Array<Record<string, unknown>> = [
    { risk: 'low', breach: false, days: 10, limit: 5, tags: ['x'] },
    { risk: 'high', breach: true, days: 60, limit: 70, tags: [] },
    { risk: 'veryHigh', breach: null, days: null, limit: 0 },
    { risk: null, breach: true, days: new Fraction(113, 2), limit: new Fraction(56) },
  ];
  it.each(conditions.map(([c, said]) => [renderCondition(c), c, said] as const))('%s', (_name, condition, said) => {
    const predicate = compileCondition<Record<string, unknown>, null>(condition, { fact: (name) => (facts) => facts[name] ?? null, named: (n) => named[n] });
    const described = factSets.map((facts) => {
      const scope: TraceScope = { fact: (name) => facts[name] ?? null, named: (n) => named[n] };
      const trace = traceCondition(condition, scope);
      expect(trace.holds).toBe(predicate(facts, null));
      return describeOutcome(condition, trace);
    });
    expect(described).toEqual(said);
  });

  it('a false all is decided by its first false part; a true any by its first true part', () => {
    const scope: TraceScope = { fact: (name) => (({ a: 1, b: 2 }) as Record<string, unknown>)[name] ?? null, named: () => undefined };
    const all = traceCondition(
      {
        all: [
          { fact: 'a', operator: 'equal', value: 1 },
          { fact: 'b', operator: 'equal', value: 3 },
          { fact: 'a', operator: 'equal', value: 9 },
        ],
      },
      scope,
    );
    expect(decidingLeaves(all).map((d) => d.leaf.condition.value)).toEqual([3]);
    const any = traceCondition(
      {
        any: [
          { fact: 'a', operator: 'equal', value: 0 },
          { fact: 'b', operator: 'equal', value: 2 },
          { fact: 'a', operator: 'equal', value: 1 },
        ],
      },
      scope,
    );
    expect(decidingLeaves(any).map((d) => d.leaf.condition.value)).toEqual([2]);
    const not = traceCondition({ not: { fact: 'a', operator: 'equal', value: 1 } }, scope);
    expect(describeOutcome({ not: { fact: 'a', operator: 'equal', value: 1 } }, not)).toBe('a = 1 is true (a = 1), under not');
  });

  it('renders conditions readably', () => {
    expect(
      renderCondition({
        all: [
          { fact: 'riskOfHarm', operator: 'in', value: ['high', 'veryHigh'] },
          { not: { any: [{ condition: 'x' }, { fact: 'share', params: { atLeast: 'strong' }, operator: 'greaterThan', value: 0.5 }] } },
        ],
      }),
    ).toBe('riskOfHarm in [high, veryHigh] and not (x or share at least strong > 0.5)');
  });
});

describe('the command', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'explain', ...args], { encoding: 'utf8', timeout: 30_000 });

  it('prints text, and JSON as a trace tree', () => {
    const plain = run('rules/esi-2003/examples/derbyshire-2003', 'C1.4');
    expect(plain.status).toBe(0);
    expect(plain.stdout.split('\n')[0]).toMatch(/^C1\.4 'Breach or recall action was taken where required': relevant in 36 of 100 cases/);
    const json = run(DERBYSHIRE, 'A3', '--format', 'json');
    expect(json.status).toBe(0);
    const tree = JSON.parse(json.stdout) as TraceNode;
    expect(tree).toMatchObject({ id: 'A3', value: 'satisfactorilyMet' });
    expect(tree.children.find((c) => c.id === 'A3/band')?.children.map((c) => [c.id, c.value])).toEqual([
      ['A3/band/rule-1', false],
      ['A3/band/rule-2', false],
      ['A3/band/rule-3', true],
    ]);
  });

  it('--case prints the case, its criteria and each question', () => {
    const out = run(DERBYSHIRE, '--case', 'D004');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain(
      "    C1.4 'Breach or recall action was taken where required': not relevant: breachRequired = true is false (breachRequired = false)\n",
    );
  });

  it('exits 2 (a usage error) on an unknown id and with neither an id nor --case', () => {
    expect(run(DERBYSHIRE, 'Z9').status).toBe(2);
    expect(run(DERBYSHIRE).status).toBe(2);
  });
});
