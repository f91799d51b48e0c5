// `criteria diff`: pairs of pack versions built in a temporary folder from rules/esi-2003 (and
// thematics/victims-2003), each with one kind of change — a band threshold, a weight, a question's
// condition, a removed question, a reworded title — checked for the diff lines, the bump each
// calls for, the verdict on the versions written and the exit code; and, with --cases, what the
// change does to the Derbyshire example (and an inspection derived from it), worked out by hand.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadPack } from '../../src/pipeline/load-pack.js';
import { diffPacks, requiredBump } from '../../src/diff/diff-packs.js';
import { judgeVersion } from '../../src/diff/judge-version.js';
import type { PackDiffReport } from '../../src/diff/format-diff.js';

const ESI = 'rules/esi-2003';
const DERBYSHIRE = 'rules/esi-2003/examples/derbyshire-2003';
let root: string;

function run(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'diff', ...args], { encoding: 'utf8', timeout: 60_000 });
}

/** Copies a pack to a new folder and applies text edits to its files (each must match). */
function variant(name: string, from: string, edits: Array<[file: string, find: string, replace: string]>): string {
  const folder = join(root, name);
  cpSync(from, folder, { recursive: true });
  for (const [file, find, replace] of edits) {
    const path = join(folder, file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(find)) throw new Error(`${name}: '${find}' not in ${file}`);
    writeFileSync(path, text.replace(find, replace));
  }
  return folder;
}

const version = (v: string): [string, string, string] => ['pack.yaml', 'version: 1.0.0', `version: ${v}`];

function json(...args: string[]): { status: number | null; report: PackDiffReport } {
  const out = run(...args, '--format', 'json');
  return { status: out.status, report: JSON.parse(out.stdout) as PackDiffReport };
}

let threshold: string;
let weight: string;
let condition: string;
let removed: string;
let reworded: string;
let derived: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'criteria-diff-'));
  // wellMet: strong on every item → strong on at least 60% of the items.
  threshold = variant('threshold', ESI, [
    version('1.1.0'),
    [
      'pack.yaml',
      'when: { all: [{ fact: share, params: { atLeast: strong }, operator: equal, value: 1 }] }',
      'when: { all: [{ fact: share, params: { atLeast: strong }, operator: greaterThanInclusive, value: 0.6 }] }',
    ],
  ]);
  // C1 weighs important (×1) instead of critical (×2).
  weight = variant('weight', ESI, [
    version('1.1.0'),
    [
      'section-c.yaml',
      '    title: Managing attendance and enforcement\n    kind: sample\n    weight: critical',
      '    title: Managing attendance and enforcement\n    kind: sample\n    weight: important',
    ],
  ]);
  // C1.4 applies only to cases at medium risk of harm or above; the version is only minor.
  condition = variant('condition', ESI, [
    version('1.1.0'),
    [
      'section-c.yaml',
      'appliesWhen: { all: [{ fact: breachRequired, operator: equal, value: true }] }',
      'appliesWhen: { all: [{ fact: breachRequired, operator: equal, value: true }, { fact: riskOfHarm, operator: in, value: [medium, high, veryHigh] }] }',
    ],
  ]);
  // D4.2 removed, version only minor.
  const d = readFileSync(join(ESI, 'section-d.yaml'), 'utf8');
  const start = d.indexOf('      - id: D4.2');
  const end =
    d.indexOf('\n      - id:', start + 1) >= 0
      ? d.indexOf('\n      - id:', start + 1) + 1
      : d.indexOf('\n\n', start) >= 0
        ? d.indexOf('\n\n', start) + 1
        : d.length;
  removed = variant('removed', ESI, [version('1.1.0'), ['section-d.yaml', d.slice(start, end), '']]);
  // A title reworded: a patch.
  reworded = variant('reworded', ESI, [
    version('1.0.1'),
    ['section-c.yaml', '    title: Managing attendance and enforcement', '    title: Managing attendance and enforcing the order'],
  ]);
  // A second inspection: Derbyshire with every A3 item strong (so A3 is Well met under both versions).
  const inspection = parse(readFileSync(`${DERBYSHIRE}/inspection.yaml`, 'utf8')) as Record<string, any>;
  inspection.pack = resolve(ESI);
  inspection.thematics = [resolve('thematics/ebs-2003')];
  inspection.area.name = 'Derbyshire revisited';
  inspection.evidence['A3.supervision'] = 'strong';
  inspection.evidence['A3.training'] = 'strong';
  mkdirSync(join(root, 'revisited'));
  copyFileSync(`${DERBYSHIRE}/cases.csv`, join(root, 'revisited', 'cases.csv'));
  derived = join(root, 'revisited', 'inspection.yaml');
  writeFileSync(derived, stringify(inspection));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the semantic diff and the bump it calls for', () => {
  it('a band threshold is a minor change; 1.0.0 → 1.1.0 is enough', () => {
    const out = run(ESI, threshold);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain(
      'Band sets\n  ~ management rule 2 (wellMet) when: share at least strong = 1 → share at least strong ≥ 0.6  [minor: can move a score on the same data]',
    );
    expect(out.stdout).toContain('Version: ok: 1.0.0 → 1.1.0 is a minor bump, as required');
  });

  it('a weight class changed for one of another weight is minor', () => {
    const { status, report } = json(ESI, weight);
    expect(status).toBe(0);
    expect(report.changes).toEqual([
      {
        area: 'criterion',
        id: 'C1',
        kind: 'changed',
        field: 'weight',
        before: 'critical',
        after: 'important',
        bump: 'minor',
        reason: 'can move a score on the same data',
      },
    ]);
    expect(report.verdict).toMatchObject({ required: 'minor', written: 'minor', ok: true });
  });

  it("an answered question's condition is major: answers recorded under the old one may not fit", () => {
    const out = run(ESI, condition);
    expect(out.status).toBe(1);
    expect(out.stdout).toContain(
      'Questions\n  ~ C1.4 appliesWhen: breachRequired = true → breachRequired = true and riskOfHarm in [medium, high, veryHigh]  [major: cases answered under the old condition may not fit the new one',
    );
    expect(out.stdout).toContain('Version: the change needs a major bump but 1.0.0 → 1.1.0 is minor');
  });

  it('a removed question is major, and a minor bump is refused with exit 1', () => {
    const out = run(ESI, removed);
    expect(out.status).toBe(1);
    expect(out.stdout).toMatch(/Questions\n {2}- D4\.2 removed: .*\[major: removes or renames an id, or makes existing data invalid\]/);
    expect(out.stdout).toContain('Version: the change needs a major bump but 1.0.0 → 1.1.0 is minor');
  });

  it('a reworded title is a patch', () => {
    const out = run(ESI, reworded);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain(
      'Criteria\n  ~ C1 title: Managing attendance and enforcement → Managing attendance and enforcing the order  [patch: wording only]',
    );
    expect(out.stdout).toContain('Version: ok: 1.0.0 → 1.0.1 is a patch bump, as required');
  });

  it('no changes and the same version is fine; a rename is a removal and an addition', () => {
    const a = loadPack(ESI);
    const b = loadPack(removed);
    if ('errors' in a || 'errors' in b) throw new Error('load');
    expect(diffPacks(a.pack, a.pack)).toEqual([]);
    const renamed = structuredClone(a.pack);
    renamed.criteria!.find((c) => c.id === 'C1')!.questions![3]!.id = 'C1.4a';
    const changes = diffPacks(a.pack, renamed);
    expect(changes.map((c) => `${c.kind} ${c.id} ${c.bump}`)).toEqual(['removed C1.4 major', 'added C1.4a minor']);
    expect(requiredBump(changes)).toBe('major');
  });

  it("a thematic's weight class is valued through its methodology", () => {
    const esi = loadPack(ESI);
    const victims = loadPack('thematics/victims-2003');
    if ('errors' in esi || 'errors' in victims) throw new Error('load');
    const before = structuredClone(victims.pack);
    const after = structuredClone(victims.pack);
    before.criteria![0]!.weight = 'critical';
    after.criteria![0]!.weight = 2;
    const id = after.criteria![0]!.id;
    // critical weighs 2 in esi-2003: the same weight, written differently.
    expect(diffPacks(before, after, { before: esi.pack, after: esi.pack }).map((c) => `${c.id} ${c.field} ${c.bump}`)).toEqual([`${id} weight patch`]);
    after.criteria![0]!.weight = 'important';
    expect(diffPacks(before, after, { before: esi.pack, after: esi.pack }).map((c) => `${c.id} ${c.field} ${c.bump}`)).toEqual([`${id} weight minor`]);
    // Without the methodology the weights cannot be compared: taken as a change that can move a score.
    after.criteria![0]!.weight = 2;
    expect(diffPacks(before, after).map((c) => c.bump)).toEqual(['minor']);
  });

  it.each([
    ['1.0.0', '2.0.0', 'major', true, 'ok: 1.0.0 → 2.0.0 is a major bump, as required'],
    ['1.0.0', '2.0.0', 'minor', true, 'ok: 1.0.0 → 2.0.0 is a major bump; a minor bump would do'],
    ['1.0.0', '1.0.0', 'patch', false, 'the change needs a patch bump but the version is still 1.0.0'],
    ['1.2.0', '1.1.9', 'patch', false, 'the version goes down: 1.2.0 → 1.1.9'],
    ['0.3.0', '0.4.0', 'major', true, 'ok: 0.3.0 → 0.4.0 is a minor bump, which before 1.0.0 may carry a breaking change'],
    ['1.0.0', '1.0.1', 'none', true, 'ok: no change calls for a bump; 1.0.0 → 1.0.1 is a patch bump'],
  ] as const)('%s → %s needing %s', (before, after, required, ok, message) => {
    expect(judgeVersion(before, after, required)).toMatchObject({ ok, message });
  });

  it('facts, scales and fields judged by what they do to existing data', () => {
    const a = loadPack(ESI);
    if ('errors' in a) throw new Error('load');
    const b = structuredClone(a.pack);
    b.facts!.case!.newRequired = { type: 'boolean', required: true };
    b.facts!.case!.optional = { type: 'boolean' };
    b.facts!.case!.riskOfHarm!.values = ['low', 'medium', 'high'];
    b.scales!.judgement!.levels[0]!.label = 'Outstanding';
    b.rounding = { ...b.rounding, mode: 'halfEven' };
    const lines = diffPacks(a.pack, b).map((c) => `${c.area} ${c.kind} ${c.id}${c.field ? ` ${c.field}` : ''}: ${c.bump}`);
    expect(lines).toEqual([
      'fact changed case.riskOfHarm values: major',
      'fact added case.newRequired: major',
      'fact added case.optional: minor',
      'scale changed judgement.excellent label: patch',
      'rounding changed rounding mode: minor',
    ]);
  });
});

describe('the impact on inspections', () => {
  it('a weight: section C and the overall score move on the Derbyshire example', () => {
    // By hand: C1 weighs 1 instead of 2, so section C = (93·1 + 79·2 + 79·2 + 90·1 + 78·2) / 8
    // = 655/8 = 81.875 → 82 (was 748/9 = 83.11 → 83); overall = (76·30 + 82·40 + 76·30) / 100
    // = 7840/100 = 78.4 → 78 (was 78.8 → 79). No question's counts and no case's outcomes change.
    const out = run(ESI, weight, '--cases', DERBYSHIRE);
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/\n {2}C +83% → 82% +\(Quality of Interventions\)\n/);
    expect(out.stdout).toMatch(/\n {2}overall +79% → 78% +\(Overall score for sections B–D\)\n/);
    expect(out.stdout).toContain('  summary: 1 section, 1 overall result changed; overall 79% → 78%; 0 of 100 cases changed outcome on some question');
    expect(out.stdout).toContain('Band transitions\n  no band changed');
  });

  it('an inspection recorded for the old versions only is scored under the new one too, with a note', () => {
    const inspection = parse(readFileSync(derived, 'utf8')) as Record<string, unknown>;
    inspection.packVersion = '~1.0.0';
    const file = join(root, 'revisited', 'pinned.yaml');
    writeFileSync(file, stringify(inspection));
    const { status, report } = json(ESI, weight, '--cases', file);
    expect(status).toBe(0);
    const impact = report.impact!.inspections[0]!;
    expect(impact.note).toBe('recorded for esi-2003 ~1.0.0; scored with 1.1.0 anyway, to compare');
    expect(impact.changes.map((c) => [c.id, c.before, c.after])).toEqual([
      ['C', '83%', '82%'],
      ['overall', '79%', '78%'],
    ]);
  });

  it('a threshold: the band transition table over two inspections', () => {
    // By hand: under the new wellMet rule (at least 60% strong) Derbyshire's A3 (4 of 6 strong,
    // 67%) is Well met instead of Satisfactorily met; the revisited inspection has all six strong
    // and is Well met under both. D3 (1 of 4 strong) stays Partly met. Nothing else moves.
    const { status, report } = json(ESI, threshold, '--cases', DERBYSHIRE, derived);
    expect(status).toBe(0);
    const [first, second] = report.impact!.inspections;
    expect(first!.changes.map((c) => [c.id, c.before, c.after])).toEqual([['A3', 'Satisfactorily met', 'Well met']]);
    expect(second!.changes).toEqual([]);
    expect(report.impact!.bandTransitions).toEqual([{ id: 'A3', before: 'Satisfactorily met', after: 'Well met', count: 1, of: 2 }]);
    const text = run(ESI, threshold, '--cases', DERBYSHIRE, derived).stdout;
    expect(text).toContain('Band transitions\n  A3: Satisfactorily met → Well met in 1 of 2 inspections');
  });

  it("a question's condition the data no longer fits: the inspection cannot be scored under the new version, and says why", () => {
    const out = run(ESI, condition, '--cases', DERBYSHIRE);
    expect(out.status).toBe(1);
    expect(out.stdout).toContain('rules/esi-2003/examples/derbyshire-2003/inspection.yaml: cannot be scored under the new version');
    expect(out.stdout).toMatch(/error CASE_ANSWER_NOT_APPLICABLE: case D\d+: question C1\.4 does not apply to this case/);
  });

  it("a thematic's question decided by facts: the cases whose outcome changed, and the scores", () => {
    // victims-2003 C2 b is met when the victim was offered contact within 56 days; Eastvale's three
    // cases in the scheme were offered it after 30 (E08), 70 (E09) and 56 (E10) days. Allowing 70
    // days makes E09 met: C2 b 2/3 = 67% → 3/3 = 100%; C2 pooled 9/15 = 60% → 10/15 = 66.67 → 67%;
    // section C pooled 12/19 = 63.16 → 63% → 13/19 = 68.42 → 68%.
    const thematic = variant('victims', 'thematics/victims-2003', [
      version('1.1.0'),
      ['pack.yaml', 'path: ../../rules/esi-2003', `path: ${relative(join(root, 'victims'), resolve(ESI))}`],
      [
        'questions.yaml',
        'metWhen: { all: [{ fact: victimContactDays, operator: lessThanInclusive, value: 56 }] }',
        'metWhen: { all: [{ fact: victimContactDays, operator: lessThanInclusive, value: 70 }] }',
      ],
    ]);
    const { status, report } = json('thematics/victims-2003', thematic, '--cases', 'thematics/victims-2003/examples/eastvale-2003');
    expect(status).toBe(0);
    expect(report.changes.map((c) => [c.id, c.field, c.bump])).toEqual([
      ['victims-2003', 'attachesTo.path', 'patch'],
      ['C2.b', 'metWhen', 'minor'],
    ]);
    const impact = report.impact!.inspections[0]!;
    expect(impact.changes.map((c) => [c.id, c.before, c.after])).toEqual([
      ['victims-2003:C2.b', 'relevant 3, met 2, 67%', 'relevant 3, met 3, 100%'],
      ['victims-2003:C2', '60%', '67%'],
      ['victims-2003:C', '63%', '68%'],
    ]);
    expect(impact.caseChanges).toEqual([{ id: 'E09', questions: [{ question: 'victims-2003:C2.b', before: 'notMet', after: 'met' }] }]);
  });
});
