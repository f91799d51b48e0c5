// The engine needs nothing from the packs shipped in the repository: this test writes a brand-new
// methodology and a thematic to a temporary folder, then validates and scores an inspection of
// them. Expectations are worked out by hand beside each assertion.
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/pipeline/load-pack.js';
import { scoreInspectionFile } from '../../src/pipeline/score-file.js';

const folder = mkdtempSync(join(tmpdir(), 'criteria-new-'));
mkdirSync(join(folder, 'kitchens'));
mkdirSync(join(folder, 'allergens'));
mkdirSync(join(folder, 'visit'));

writeFileSync(
  join(folder, 'kitchens', 'pack.yaml'),
  `
kind: methodology
id: kitchen-hygiene
version: 2.1.0
title: Kitchen hygiene inspection
status: draft
facts:
  case:
    kitchenSize: { type: enum, values: [small, large], required: true }
    servesChildren: { type: boolean }
    covers: { type: number, minimum: 0 }
scales:
  yesNo:
    levels: [{ id: yes, label: Yes }, { id: no, label: No }]
    met: [yes]
    notApplicable: { id: na, label: Not applicable }
  grade:
    levels: [{ id: a, label: Grade A }, { id: b, label: Grade B }, { id: c, label: Grade C }]
weightClasses: { major: 3, minor: 1 }
bandSets:
  grade:
    scale: grade
    rules:
      - { level: a, when: { all: [{ fact: score, operator: greaterThanInclusive, value: 90 }] } }
      - { level: b, when: { all: [{ fact: score, operator: greaterThanInclusive, value: 60 }] } }
    otherwise: c
criteria:
  - id: K1
    title: Cold storage
    kind: sample
    weight: major
    questions:
      - { id: K1.1, text: Fridges below 5°C, scale: yesNo }
      - { id: K1.2, text: Separate raw and cooked storage, scale: yesNo, appliesWhen: { all: [{ fact: kitchenSize, operator: equal, value: large }] } }
  - id: K2
    title: Capacity
    kind: sample
    weight: minor
    questions:
      - { id: K2.1, text: Staffing fits the covers served, metWhen: { all: [{ fact: covers, operator: lessThanInclusive, value: 120 }] } }
sections:
  - { id: S, title: Storage and capacity, criteria: [K1, K2], score: { method: weightedMean }, band: grade }
rounding: { mode: halfUp, digits: 1, at: [criterion, section] }
`,
);

writeFileSync(
  join(folder, 'allergens', 'pack.yaml'),
  `
kind: thematic
id: allergens
version: 1.0.0
title: Allergen handling
status: draft
attachesTo: { methodology: kitchen-hygiene, versions: ^2.0.0, path: ../kitchens }
criteria:
  - id: L1
    title: Allergen labelling
    kind: sample
    questions:
      - { id: L1.1, text: Allergens labelled on every dish, scale: yesNo, appliesWhen: { all: [{ fact: servesChildren, operator: equal, value: true }] } }
sections:
  - { id: T, title: Allergens, criteria: [L1], score: { method: pooled }, summary: 'Allergen handling: {score}%' }
rounding: { mode: halfUp, digits: 0, at: [section] }
`,
);

writeFileSync(
  join(folder, 'visit', 'inspection.yaml'),
  `
pack: ../kitchens
packVersion: ^2.0.0
thematics: [../allergens]
area: { name: Test town }
cases:
  - { id: k1, facts: { kitchenSize: large, servesChildren: true, covers: 100 }, answers: { K1.1: yes, K1.2: yes, 'allergens:L1.1': yes } }
  - { id: k2, facts: { kitchenSize: large, covers: 150 }, answers: { K1.1: no, K1.2: na } }
  - { id: k3, facts: { kitchenSize: small, servesChildren: true, covers: 60 }, answers: { K1.1: yes, 'allergens:L1.1': no } }
`,
);

describe('a methodology and a thematic written only in YAML, at test time', () => {
  it('validates', () => {
    expect('errors' in loadPack(join(folder, 'kitchens'))).toBe(false);
    expect('errors' in loadPack(join(folder, 'allergens'))).toBe(false);
  });

  it('scores an inspection of them', async () => {
    const scored = await scoreInspectionFile(join(folder, 'visit', 'inspection.yaml'));
    if ('errors' in scored) throw new Error(scored.errors.map((e) => e.message).join('\n'));
    const { result } = scored;
    const s = result.sections[0]!;
    const [k1, k2] = s.criteria;
    // K1.1: k1 yes, k2 no, k3 yes → 2 of 3. K1.2 (large kitchens): k1 yes, k2 N/A → 1 of 1.
    expect(k1!.questions.map((q) => [q.relevant, q.met, q.notApplicable])).toEqual([
      [3, 2, 0],
      [1, 1, 1],
    ]);
    // K1 pooled: 3 met of 4 relevant = 75.0%.
    expect(k1!.score).toBe(75);
    // K2.1 (metWhen covers ≤ 120): k1 100 yes, k2 150 no, k3 60 yes → 2 of 3 = 66.666… → 66.7.
    expect(k2!.score).toBe(66.7);
    // Section: (3 × 75 + 1 × 66.7) / 4 = 291.7 / 4 = 72.925 → 72.9; band: ≥ 60 → Grade B.
    expect(s.score).toBe(72.9);
    expect(s.band).toEqual({ id: 'b', label: 'Grade B' });
    // Thematic: L1.1 applies to k1 and k3 (serve children): 1 of 2 → 50%.
    const t = result.thematics[0]!.sections[0]!;
    expect(t.score).toBe(50);
    expect(t.summary).toBe('Allergen handling: 50%');
    expect(result.provenance.pack).toBe('kitchen-hygiene');
    expect(result.provenance.thematics.map((x) => x.id)).toEqual(['allergens']);
  });

  it('refuses a thematic written for another major version', async () => {
    writeFileSync(
      join(folder, 'allergens', 'pack.yaml'),
      (await import('node:fs')).readFileSync(join(folder, 'allergens', 'pack.yaml'), 'utf8').replace('^2.0.0', '^1.0.0'),
    );
    const scored = await scoreInspectionFile(join(folder, 'visit', 'inspection.yaml'));
    expect('errors' in scored && scored.errors[0]!.code).toBe('THEMATIC_INCOMPATIBLE');
    expect('errors' in scored && scored.errors[0]!.message).toMatch(/\^1\.0\.0.*2\.1\.0|2\.1\.0.*\^1\.0\.0/);
  });
});
