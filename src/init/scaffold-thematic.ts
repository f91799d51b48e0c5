/**
 * Scaffolds a thematic pack for a methodology: `pack.yaml` (one section, one sample criterion,
 * one question relevant on one of the methodology's case facts, answered on one of its scales)
 * and `tests/basic.yaml` (one test that passes: three cases of its own on the methodology's
 * example when it has one, else an inspection written out in full). Everything is taken from the
 * methodology pack; nothing about any particular methodology is known here.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../model/errors.js';
import type { FactDeclaration, Pack, Scale } from '../model/pack.js';
import type { FactValue, InspectionFile } from '../model/inspection.js';
import type { CompiledPlan, FactRecord } from '../compile/compiled-plan.js';
import { compilePlan } from '../compile/compile-pack.js';
import { loadInspectionFile, loadPack } from '../pipeline/load-pack.js';
import { checkFolderFree, checkPackName, usage } from './check-new-pack.js';
import { posix, SCHEMAS, type ScaffoldedFile } from './scaffold-paths.js';
import { flowMapping, scalar } from './write-yaml.js';

export interface ScaffoldOptions {
  /** The thematic's id, also its folder's name. */
  name: string;
  /** The methodology pack's folder. */
  methodology: string;
  /** The folder the thematic's folder is made in. */
  dir: string;
  /** The thematic's title. */
  title?: string;
}

/** A fact a question can apply on, with the value that makes it apply and one that does not. */
interface Trigger {
  name: string;
  when: FactValue;
  otherwise: FactValue | null;
}

function pickTrigger(pack: Pack): Trigger | null {
  const facts = Object.entries(pack.facts?.case ?? {});
  const boolean = facts.find(([, d]) => d.type === 'boolean' && !d.required) ?? facts.find(([, d]) => d.type === 'boolean');
  if (boolean) return { name: boolean[0], when: true, otherwise: false };
  const enumFact = facts.find(([, d]) => d.type === 'enum' && (d.values?.length ?? 0) >= 2);
  if (enumFact) return { name: enumFact[0], when: enumFact[1].values![0]!, otherwise: enumFact[1].values![1]! };
  return null;
}

/** A scale that questions are answered on: one with met levels and at least one level that is not. */
function pickScale(pack: Pack): { id: string; scale: Scale; met: string; notMet: string } | null {
  for (const [id, scale] of Object.entries(pack.scales ?? {})) {
    const met = scale.met ?? [];
    const notMet = scale.levels.find((l) => !met.includes(l.id));
    if (met.length > 0 && notMet) return { id, scale, met: met[0]!, notMet: notMet.id };
  }
  return null;
}

/** A value that fits a declaration, for a required fact nothing else sets. */
function sampleValue(d: FactDeclaration): FactValue {
  switch (d.type) {
    case 'enum':
      return d.values?.[0] ?? '';
    case 'boolean':
      return false;
    case 'number':
      return d.minimum ?? (d.maximum !== undefined ? Math.min(0, d.maximum) : 0);
    case 'date':
      return '2000-01-01';
    case 'string':
      return 'sample';
  }
}

/** The methodology's first example inspection, if it has one. */
function findExample(methodologyFolder: string): string | null {
  const examples = join(methodologyFolder, 'examples');
  if (!existsSync(examples)) return null;
  for (const name of readdirSync(examples).sort()) {
    for (const file of ['inspection.yaml', 'inspection.yml', 'inspection.json']) {
      const path = join(examples, name, file);
      if (existsSync(path)) return path;
    }
  }
  return null;
}

/** The inspection written out in full when there is no example to start from: every rating, figure and score the methodology needs. */
function inlineHeader(plan: CompiledPlan): Omit<InspectionFile, 'pack' | 'cases'> {
  const m = plan.methodology;
  const areaFacts = Object.fromEntries([...plan.areaFacts].filter(([, d]) => d.required).map(([n, d]) => [n, sampleValue(d)]));
  const evidence: Record<string, string> = {};
  const targets: NonNullable<InspectionFile['targets']> = {};
  const scores: Record<string, number> = {};
  for (const c of m.criteria) {
    for (const item of c.items) if (item.counted && !item.from && c.itemScale) evidence[item.key] = c.itemScale.levels[0]!.id;
    for (const measure of c.measures) targets[measure.key] = measure.def.target !== undefined ? { value: measure.def.target } : { value: 0, target: 0 };
    if (c.def.kind === 'direct') scores[c.key] = 50;
  }
  return {
    area: { name: 'Sample area', ...(Object.keys(areaFacts).length > 0 ? { facts: areaFacts } : {}) },
    ...(Object.keys(evidence).length > 0 ? { evidence } : {}),
    ...(Object.keys(targets).length > 0 ? { targets } : {}),
    ...(Object.keys(scores).length > 0 ? { scores } : {}),
  };
}

interface SampleCase {
  id: string;
  facts: Record<string, FactValue>;
  answers: Record<string, string>;
}

/** A case with these facts, answering every question that applies to it: met, except the thematic's question, answered `own`. */
function sampleCase(
  plan: CompiledPlan,
  id: string,
  facts: Record<string, FactValue>,
  area: FactRecord,
  questionKey: string,
  own: string,
  metLevels: Map<string, string>,
): SampleCase {
  const answers: Record<string, string> = {};
  for (const q of plan.questions) {
    if (q.applies && !q.applies(facts, area)) continue;
    if (!q.answers) continue;
    answers[q.key] = q.key === questionKey ? own : metLevels.get(q.key)!;
  }
  return { id, facts, answers };
}

export function scaffoldThematic(options: ScaffoldOptions): { files: ScaffoldedFile[]; folder: string } | { errors: Diagnostic[] } {
  const { name } = options;
  const badName = checkPackName(name, 'housing-2003');
  if (badName) return badName;
  const loaded = loadPack(options.methodology);
  if ('errors' in loaded) return loaded;
  const methodology = loaded.pack;
  if (methodology.kind !== 'methodology')
    return usage(`${options.methodology} is a ${methodology.kind}, not a methodology`, 'give --methodology the folder of a methodology pack');
  const methodologyFolder = dirname(resolve(methodology.files?.[0] ?? join(options.methodology, 'pack.yaml')));
  const folder = resolve(options.dir, name);
  const taken = checkFolderFree(folder);
  if (taken) return taken;
  const trigger = pickTrigger(methodology);
  const answered = pickScale(methodology);
  if (!answered)
    return usage(`${methodology.id} has no scale that questions are answered on (one with met levels)`, 'declare such a scale in the thematic and use it');

  const version = methodology.version.replace(/[-+].*$/, '');
  const title = options.title ?? `Thematic element: ${name}`;
  const applies = trigger ? { all: [{ fact: trigger.name, operator: 'equal' as const, value: trigger.when }] } : undefined;
  const rounding = { ...methodology.rounding, at: methodology.rounding.at.filter((s) => s !== 'overall') };
  const summary = 'Sample section: {percent} of relevant judgements met';
  const thematic: Pack = {
    kind: 'thematic',
    id: name,
    version: '0.1.0',
    title,
    status: 'draft',
    attachesTo: { methodology: methodology.id, versions: `^${version}`, path: posix(folder, methodologyFolder) },
    rounding,
    sections: [{ id: 'A', title: 'Sample section', criteria: ['A1'], score: { method: 'pooled' }, summary }],
    criteria: [
      {
        id: 'A1',
        title: 'Sample criterion',
        kind: 'sample',
        questions: [{ id: 'A1.1', text: 'The sample question was answered well', ...(applies ? { appliesWhen: applies } : {}), scale: answered.id }],
      },
    ],
    files: [join(folder, 'pack.yaml')],
  };

  // The test: its area, ratings and figures from the example (or written out), and three cases.
  const plan = compilePlan(methodology, [thematic]);
  const example = findExample(methodologyFolder);
  const exampleFile = example ? loadInspectionFile(example) : null;
  const base = exampleFile && !('errors' in exampleFile) ? exampleFile.inspection : null;
  const header = base ? { area: base.area } : inlineHeader(plan);
  const area = (header.area.facts ?? {}) as FactRecord;
  const required = Object.fromEntries([...plan.caseFacts].filter(([, d]) => d.required).map(([n, d]) => [n, sampleValue(d)]));
  const metLevels = new Map(plan.questions.filter((q) => q.scale).map((q) => [q.key, q.scale!.scale.met![0]!]));
  const key = `${name}:A1.1`;
  const withFact = (value: FactValue | null) => (trigger && value !== null ? { ...required, [trigger.name]: value } : { ...required });
  const cases = [
    sampleCase(plan, 'T1', withFact(trigger?.when ?? null), area, key, answered.met, metLevels),
    sampleCase(plan, 'T2', withFact(trigger?.when ?? null), area, key, answered.notMet, metLevels),
    ...(trigger ? [sampleCase(plan, 'T3', withFact(trigger.otherwise), area, key, answered.met, metLevels)] : []),
  ];
  const testsFolder = join(folder, 'tests');

  const packText = [
    `# yaml-language-server: $schema=${posix(folder, SCHEMAS)}/pack.schema.json`,
    '#',
    // A comment ends at a line break: one in the title would start a line of YAML.
    `# ${title.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ')}`,
    '#',
    `# A thematic module for ${methodology.id} ${methodology.version}, scaffolded by \`criteria init thematic\`.`,
    '# It is scored on the same inspection as the methodology: its questions are asked of the same',
    `# cases (their answers keyed '${name}:<question id>'), and it may use the methodology's facts,`,
    '# scales, weight classes, conditions and band sets by name.',
    'kind: thematic',
    `id: ${scalar(name)}`,
    'version: 0.1.0            # semver: a change that can move a score is at least minor',
    `title: ${scalar(title)}`,
    'status: draft',
    'attachesTo:',
    `  methodology: ${scalar(methodology.id)}`,
    `  versions: ${scalar(`^${version}`)}`,
    `  path: ${scalar(posix(folder, methodologyFolder))}`,
    '',
    '# Where and how scores are rounded: values stay exact until a stage listed in `at`.',
    'rounding:',
    `  mode: ${rounding.mode}`,
    `  digits: ${rounding.digits}`,
    `  at: [${rounding.at.join(', ')}]`,
    '',
    'sections:',
    '  - id: A',
    '    title: Sample section',
    '    criteria: [A1]',
    '    score: { method: pooled }   # met judgements over relevant judgements, summed over its questions',
    `    summary: ${scalar(summary)}`,
    '',
    'criteria:',
    '  - id: A1',
    '    title: Sample criterion',
    '    kind: sample                # scored from the questions asked of each case',
    '    questions:',
    '      - id: A1.1',
    '        text: The sample question was answered well',
    ...(trigger
      ? [
          `        # Relevant only to the cases whose ${trigger.name} is ${String(trigger.when)} (a case fact of ${methodology.id}).`,
          `        appliesWhen: { all: [{ fact: ${trigger.name}, operator: equal, value: ${scalar(trigger.when)} }] }`,
        ]
      : []),
    `        scale: ${answered.id}${' '.repeat(Math.max(1, 22 - answered.id.length))}# ${(answered.scale.met ?? []).join(', ')} count as met`,
    '',
  ].join('\n');

  const expected = { relevant: 2, met: 1 };
  const caseLines = cases.flatMap((c) => [
    `        - id: ${c.id}`,
    flowMapping('          facts: ', Object.entries(c.facts), 12),
    flowMapping('          answers: ', Object.entries(c.answers), 12),
  ]);
  const story = trigger
    ? `Two cases with ${trigger.name} ${String(trigger.when)}, to which A1.1 applies (T1 answered ${answered.met}, T2 ${answered.notMet}), and one with ${trigger.name} ${String(trigger.otherwise)} (T3), to which it does not: 1 met of 2 relevant = 50%.`
    : `Two cases (T1 answered ${answered.met}, T2 ${answered.notMet}): 1 met of 2 relevant = 50%.`;
  const testText = [
    `# yaml-language-server: $schema=${posix(testsFolder, SCHEMAS)}/pack-test.schema.json`,
    '#',
    `# Tests of ${name}, run by \`criteria test\`. Each test scores a small inspection and compares the`,
    "# results it names (a thematic's ids are prefixed with its id and a colon).",
    base
      ? `# This one starts from the methodology's example (its area, ratings and figures) with cases of its own;`
      : '# This one writes its inspection out in full (the methodology has no example to start from);',
    `# every question of ${methodology.id} that applies to a case is answered as met.`,
    'tests:',
    `  - name: ${scalar(`A1.1 is met in ${expected.met} of the ${expected.relevant} cases it applies to`)}`,
    `    description: ${scalar(story)}`,
    '    inspection:',
    ...(base
      ? [`      base: ${scalar(posix(testsFolder, example!))}`]
      : [`      pack: ${scalar(posix(testsFolder, methodologyFolder))}`, ...yamlBlock({ ...header }, 6)]),
    '      thematics: [..]',
    '      cases:',
    ...caseLines,
    '    expect:',
    `      ${scalar(`${name}:A1.1`)}: { relevant: ${expected.relevant}, met: ${expected.met}, percent: 50 }`,
    `      ${scalar(`${name}:A1`)}: { score: 50 }`,
    `      ${scalar(`${name}:A`)}: { score: 50, summary: ${scalar(summary.replace('{percent}', '50%'))} }`,
    '',
  ].join('\n');
  return {
    folder,
    files: [
      { path: join(folder, 'pack.yaml'), text: packText },
      { path: join(testsFolder, 'basic.yaml'), text: testText },
    ],
  };
}

/** A plain mapping (area, evidence, targets, scores) as block YAML at an indent. */
function yamlBlock(value: Record<string, unknown>, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const lines: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      if (entries.every(([, x]) => x === null || typeof x !== 'object')) {
        lines.push(flowMapping(`${pad}${scalar(key)}: `, entries as Array<[string, string | number | boolean | null]>, indent + 2));
      } else {
        lines.push(`${pad}${scalar(key)}:`);
        lines.push(...yamlBlock(v as Record<string, unknown>, indent + 2));
      }
    } else {
      lines.push(`${pad}${scalar(key)}: ${scalar(v as string | number | boolean | null)}`);
    }
  }
  return lines;
}
