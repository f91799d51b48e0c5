/**
 * Generates the Derbyshire 2003 example's case sample: 100 cases whose facts and answers
 * reproduce the counts in rules/esi-2003/examples/derbyshire-2003/design.yaml (and those of the
 * thematics listed there), deterministically from a seed.
 *
 * It is a reconstruction consistent with the published figures, not real case data: the report
 * publishes percentages, not cases. Run: npx tsx scripts/generate-derbyshire.ts
 *
 * How: (1) give each case facts so that the report's group sizes hold (20 high risk of harm,
 * 36 needing breach action, 60 with literacy needs …); (2) for each question, find the cases
 * its `appliesWhen` selects with the pack's own compiled condition, check there are as many as
 * the design says, mark `notApplicable` of them N/A, and answer `met` of the rest as met —
 * preferring cases with a higher latent "quality of supervision", so answers within a case hang
 * together as they would in a real sample.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadPack } from '../src/pipeline/load-pack.js';
import { compilePlan } from '../src/compile/compile-pack.js';
import type { Pack } from '../src/model/pack.js';
import type { CompiledQuestion } from '../src/compile/compiled-plan.js';
import { random, shuffled } from './seeded-random.js';

const exampleDir = 'rules/esi-2003/examples/derbyshire-2003';

interface QuestionDesign {
  relevant?: number;
  notApplicable?: number;
  met: number;
  source?: string;
}
interface FactDesign {
  count: number;
  within?: string;
}
interface Design {
  seed: number;
  thematics?: Record<string, { questions: Record<string, QuestionDesign> }>;
  questions: Record<string, QuestionDesign>;
  caseFacts?: Record<string, FactDesign>;
}

type Facts = Record<string, string | boolean>;

/** Marks `count` of the candidate cases (in a seeded order) with fact = value. */
function assign(cases: Facts[], candidates: (f: Facts) => boolean, count: number, name: string, value: string | boolean, rand: () => number): void {
  const pool = shuffled(cases.filter(candidates), rand);
  if (pool.length < count) throw new Error(`only ${pool.length} cases can take ${name}=${value}, ${count} needed`);
  for (const f of pool.slice(0, count)) f[name] = value;
}

/** The sample's facts: group sizes from the report, everything else spread at random. */
function buildFacts(rand: () => number, extra: Record<string, FactDesign>): Facts[] {
  const cases: Facts[] = Array.from({ length: 100 }, () => ({}));
  const all = () => true;
  // Inspection arrangements: 100 cases, 20 of them high risk of harm; about three-quarters low or medium.
  assign(cases, (f) => !f.riskOfHarm, 5, 'riskOfHarm', 'veryHigh', rand);
  assign(cases, (f) => !f.riskOfHarm, 15, 'riskOfHarm', 'high', rand);
  assign(cases, (f) => !f.riskOfHarm, 35, 'riskOfHarm', 'medium', rand);
  assign(cases, (f) => !f.riskOfHarm, 45, 'riskOfHarm', 'low', rand);
  // Most kinds of order and licence; 18 licences (C4: 83% of prison licence cases), 32 CPO/CPRO.
  const orders: Array<[string, number]> = [
    ['licence', 18],
    ['cro', 42],
    ['cpo', 20],
    ['cpro', 12],
    ['dtto', 8],
  ];
  for (const [order, n] of orders) assign(cases, (f) => !f.orderType, n, 'orderType', order, rand);
  assign(cases, all, 14, 'gender', 'female', rand);
  for (const f of cases) f.gender ??= 'male';
  assign(cases, all, 5, 'ethnicity', 'minorityEthnic', rand);
  for (const f of cases) f.ethnicity ??= 'white';
  const high = (f: Facts) => f.riskOfHarm === 'high' || f.riskOfHarm === 'veryHigh';
  assign(cases, high, 10, 'mappa', true, rand); // MAPPA cases are high risk of harm ones.
  assign(cases, (f) => f.mappa === true, 5, 'interAgencyPlan', true, rand); // C5: five inter-agency plans.
  assign(cases, (f) => f.orderType !== 'cpo', 14, 'programmeInRange', true, rand);
  const counts: Record<string, number> = {
    disability: 10,
    ruralAccess: 20,
    childProtection: 15, // C5: 15 child protection cases
    additionalRequirements: 29, // C2: twenty-nine cases
    breachRequired: 36, // C1: required in 36 cases
    hadAbsences: 60,
    riskChanged: 30, // C2: changes to risk of harm in 30 cases
    reintegrationNeeds: 74, // C2: relevant to 74 offenders
    literacyNeeds: 60, // C3: relevant issues with 60 offenders
    significantOthers: 45,
  };
  for (const [name, n] of Object.entries(counts)) assign(cases, all, n, name, true, rand);
  // The thematics' facts, from the design: a count, within another fact's cases where it says so.
  for (const [name, { count, within }] of Object.entries(extra)) assign(cases, within ? (f) => f[within] === true : all, count, name, true, rand);
  for (const f of cases) for (const name of [...Object.keys(counts), ...Object.keys(extra), 'mappa', 'interAgencyPlan', 'programmeInRange']) f[name] ??= false;
  return cases;
}

function answerQuestion(
  q: CompiledQuestion,
  design: QuestionDesign,
  cases: Facts[],
  quality: number[],
  area: Facts,
  rand: () => number,
  answers: Array<Record<string, string>>,
): void {
  const applying = cases.map((f, i) => i).filter((i) => q.applies === null || q.applies(cases[i]!, area));
  const notApplicable = design.notApplicable ?? 0;
  const relevant = design.relevant ?? 100;
  if (applying.length !== relevant + notApplicable) {
    throw new Error(`${q.key}: the facts select ${applying.length} cases; the design needs ${relevant} relevant + ${notApplicable} not applicable`);
  }
  const scale = q.scale!;
  const met = scale.scale.met ?? [];
  const notMet = scale.levels.map((l) => l.id).filter((id) => !met.includes(id));
  // A per-question nudge keeps the cases met from being the same ones for every question.
  const ranked = applying
    .map((i) => ({ i, key: quality[i]! + 0.6 * rand() }))
    .sort((a, b) => b.key - a.key)
    .map((x) => x.i);
  const na = new Set(shuffled(applying, rand).slice(0, notApplicable));
  const rest = ranked.filter((i) => !na.has(i));
  rest.forEach((i, position) => {
    const isMet = position < design.met;
    const levels = isMet ? met : notMet;
    // The best third of the met answers take the scale's best level; the worst fifth of the
    // answers not met take its worst level.
    const within = isMet ? position / Math.max(1, design.met) : (position - design.met) / Math.max(1, rest.length - design.met);
    const index = isMet ? (within < 1 / 3 ? 0 : 1) : within < 0.8 ? 0 : levels.length - 1;
    answers[i]![q.key] = levels[Math.min(levels.length - 1, index)]!;
  });
  for (const i of na) answers[i]![q.key] = scale.notApplicable!.id;
}

function load(path: string, methodology?: Pack): Pack {
  const loaded = loadPack(path, methodology ? { methodology } : {});
  if ('errors' in loaded) throw new Error(`${path} does not load:\n${loaded.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n')}`);
  return loaded.pack;
}

function csvCell(value: string | boolean | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function main(): void {
  const design = parse(readFileSync(join(exampleDir, 'design.yaml'), 'utf8')) as Design;
  const inspection = parse(readFileSync(join(exampleDir, 'inspection.yaml'), 'utf8')) as { area: { facts: Facts }; thematics?: string[] };
  const methodology = load('rules/esi-2003');
  const thematics = (inspection.thematics ?? []).map((t) => load(join(exampleDir, t), methodology));
  const plan = compilePlan(methodology, thematics);
  const rand = random(design.seed);
  const cases = buildFacts(rand, design.caseFacts ?? {});
  const quality = cases.map(() => rand());
  const answers = cases.map((): Record<string, string> => ({}));
  const designs = new Map<string, QuestionDesign>(Object.entries(design.questions));
  for (const [id, t] of Object.entries(design.thematics ?? {})) for (const [q, d] of Object.entries(t.questions)) designs.set(`${id}:${q}`, d);
  for (const q of plan.questions) {
    const d = designs.get(q.key);
    if (!d) throw new Error(`design.yaml has no counts for question ${q.key}`);
    answerQuestion(q, d, cases, quality, inspection.area.facts, rand, answers);
    designs.delete(q.key);
  }
  if (designs.size > 0) throw new Error(`design.yaml names questions the packs do not have: ${[...designs.keys()].join(', ')}`);
  const factNames = [...plan.caseFacts.keys()];
  const header = ['id', ...factNames, ...plan.questions.map((q) => q.key)];
  const rows = cases.map((facts, i) =>
    [`D${String(i + 1).padStart(3, '0')}`, ...factNames.map((n) => facts[n]), ...plan.questions.map((q) => answers[i]![q.key])].map(csvCell).join(','),
  );
  writeFileSync(join(exampleDir, 'cases.csv'), `${header.join(',')}\n${rows.join('\n')}\n`);
  console.log(`${join(exampleDir, 'cases.csv')}: ${cases.length} cases, ${plan.questions.length} questions`);
}

main();
