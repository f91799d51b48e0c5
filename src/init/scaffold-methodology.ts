/**
 * Scaffolds a methodology pack of one of two kinds, ready to validate, test and edit:
 * - `sample`: criteria scored from questions asked of a case sample, banded by percentage, a
 *   weighted section and overall score;
 * - `ratings`: no case sample; sections rated straight from evidence items the inspectors rate,
 *   by counting rules shared through a band set that another extends with a limit, and an overall
 *   rating by the same counting rules.
 * Each comes with an example inspection and tests that pass with full coverage. The words are
 * placeholders for the author to replace; nothing about any particular methodology is known here.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../model/errors.js';
import { schemaLine, type ScaffoldedFile } from './scaffold-paths.js';
import { scalar } from './write-yaml.js';

export type MethodologyKind = 'sample' | 'ratings';

export interface MethodologyScaffoldOptions {
  /** The methodology's id, also its folder's name. */
  name: string;
  kind: MethodologyKind;
  /** The folder the methodology's folder is made in. */
  dir: string;
  title?: string;
}





function samplePack(name: string, title: string): string {
  return `kind: methodology
id: ${name}
version: 0.1.0
title: ${scalar(title)}
description: >-
  A methodology scored from a case sample: each question is asked of the cases it applies to,
  a criterion's score is the percentage of relevant judgements met, banded by percentage, and the
  section and overall scores are weighted means.
status: draft
# sources:
#   - { title: The published document this pack follows, publisher: Who published it, date: 2025-01 }
reconstructions:
  - topic: scaffold
    choice: Written by criteria init methodology as a starting point; replace the placeholders with the methodology's own.

facts:
  case:
    highRisk:
      type: boolean
      description: 'The case was assessed as high risk. Missing: no.'

scales:
  judgement:
    title: The inspector's judgement of a case on a question
    levels:
      - { id: yes, label: Yes }
      - { id: no, label: No }
    met: [yes]
    notApplicable: { id: na, label: N/A }
  band:
    title: A criterion's, a section's or the overall band
    levels:
      - { id: good, label: Good }
      - { id: fair, label: Fair }
      - { id: poor, label: Poor }

weightClasses: { heavy: 2, normal: 1 }

bandSets:
  percentage:
    title: Bands by the percentage of relevant judgements met
    scale: band
    rules:
      - { level: good, note: 80% and over, when: { fact: score, operator: greaterThanInclusive, value: 80 } }
      - { level: fair, note: 60% to 79%, when: { fact: score, operator: greaterThanInclusive, value: 60 } }
    otherwise: poor

criteria:
  - id: C1
    title: Assessment
    kind: sample
    weight: heavy
    band: percentage
    questions:
      - { id: C1.1, text: The case was assessed in time, scale: judgement }
      - id: C1.2
        text: The risk was assessed in depth
        scale: judgement
        appliesWhen: { all: [{ fact: highRisk, operator: equal, value: true }] }
  - id: C2
    title: Review
    kind: sample
    weight: normal
    band: percentage
    questions:
      - { id: C2.1, text: The plan was reviewed when things changed, scale: judgement }

sections:
  - id: A
    title: Quality of work
    criteria: [C1, C2]
    score: { method: weightedMean }
    band: percentage
    weight: 1

overall:
  title: Overall score
  score: { method: weightedMean }
  band: percentage

rounding: { mode: halfUp, digits: 0, at: [criterion, section, overall] }
`;
}

const SAMPLE_EXAMPLE = `area: { name: Example area (invented), period: 2025-01 }
cases:
  - { id: E1, facts: { highRisk: true }, answers: { C1.1: yes, C1.2: yes, C2.1: yes } }
  - { id: E2, facts: { highRisk: true }, answers: { C1.1: yes, C1.2: no, C2.1: yes } }
  - { id: E3, facts: { highRisk: false }, answers: { C1.1: yes, C2.1: no } }
  - { id: E4, facts: { highRisk: false }, answers: { C1.1: no, C2.1: yes } }
  - { id: E5, facts: { highRisk: false }, answers: { C1.1: yes, C2.1: yes } }
`;

const SAMPLE_TESTS = `tests:
  - name: The example
    description: >-
      C1 pools C1.1 (4 of 5 met) and C1.2 (1 of 2, high risk cases only): 5 of 7 = 71.43% → 71 → Fair.
      C2: 4 of 5 = 80% → Good. Section A: (71 × 2 + 80 × 1) / 3 = 74 → Fair; the overall score is A's.
    inspection: ../examples/example/inspection.yaml
    expect:
      C1.2: { relevant: 2, met: 1, percent: 50 }
      C1: { score: 71, band: fair }
      C2: { score: 80, band: good }
      A: { score: 74, band: fair }
      overall: { score: 74, band: fair }

  - name: Every judgement met
    inspection:
      area: { name: All met (invented) }
      cases:
        - { id: M1, facts: { highRisk: true }, answers: { C1.1: yes, C1.2: yes, C2.1: yes } }
        - { id: M2, facts: { highRisk: false }, answers: { C1.1: yes, C2.1: yes } }
    expect:
      C1: { score: 100, band: good }
      A: { score: 100, band: good }

  - name: Few judgements met
    description: 'C1: 0 of 2 → 0 → Poor. C2: 1 of 2 = 50 → Poor. A: (0 × 2 + 50) / 3 = 16.67 → 17 → Poor.'
    inspection:
      area: { name: Few met (invented) }
      cases:
        - { id: F1, facts: { highRisk: false }, answers: { C1.1: no, C2.1: yes } }
        - { id: F2, facts: { highRisk: false }, answers: { C1.1: no, C2.1: no } }
    expect:
      C1: { score: 0, band: poor }
      C2: { score: 50, band: poor }
      A: { score: 17, band: poor }

  - name: A question answered for a case it does not apply to
    inspection:
      area: { name: Wrong answer (invented) }
      cases:
        - { id: W1, facts: { highRisk: false }, answers: { C1.1: yes, C1.2: yes, C2.1: yes } }
    expectError: CASE_ANSWER_NOT_APPLICABLE
`;

function ratingsPack(name: string, title: string): string {
  return `kind: methodology
id: ${name}
version: 0.1.0
title: ${scalar(title)}
description: >-
  A ratings methodology without a case sample: each question is rated from the inspectors'
  ratings of its evidence items by counting rules, the leadership question is capped when the
  area has no named lead, and the overall rating counts the questions' ratings by the same rules.
status: draft
# sources:
#   - { title: The published rating principles this pack follows, publisher: Who published them, date: 2025-01 }
reconstructions:
  - topic: scaffold
    choice: Written by criteria init methodology as a starting point; replace the placeholders with the methodology's own.

facts:
  area:
    noLead:
      type: boolean
      description: 'The service has no named lead. Missing: no.'

scales:
  rating:
    title: A rating of an item, a question or the whole
    levels:
      - { id: excellent, label: Excellent }
      - { id: good, label: Good }
      - { id: fair, label: Fair }
      - { id: poor, label: Poor }

# Named conditions over derived quantities, used by the band rules below.
conditions:
  twoOrMorePoor: { all: [{ fact: count, params: { is: poor }, operator: greaterThanInclusive, value: 2 }] }
  twoOrMoreFairOrWorse: { all: [{ fact: count, params: { atMost: fair }, operator: greaterThanInclusive, value: 2 }] }
  onePoor: { all: [{ fact: count, params: { is: poor }, operator: equal, value: 1 }] }
  twoExcellentTheRestGood:
    all:
      - { fact: count, params: { is: excellent }, operator: greaterThanInclusive, value: 2 }
      - { fact: share, params: { atLeast: good }, operator: equal, value: 1 }

bandSets:
  principles:
    title: The rating principles
    scale: rating
    inputScale: rating
    rules:
      - { level: poor, note: two or more rated Poor, when: { condition: twoOrMorePoor } }
      - { level: fair, note: two or more rated Fair or worse or one Poor, when: { any: [{ condition: twoOrMoreFairOrWorse }, { condition: onePoor }] } }
      - { level: excellent, note: at least two rated Excellent and the rest Good, when: { condition: twoExcellentTheRestGood } }
    otherwise: good
  leadership:
    title: The leadership question's rating, with its limit
    extends: principles
    limits:
      - { id: noLead, cap: fair, when: { fact: noLead, operator: equal, value: true }, note: no named lead }

sections:
  - id: Q1
    title: First question
    itemScale: rating
    band: principles
    adjustable: [band]
    items:
      - { id: Q1.1, text: First item }
      - { id: Q1.2, text: Second item }
      - { id: Q1.3, text: Third item }
  - id: Q2
    title: Second question
    itemScale: rating
    band: principles
    adjustable: [band]
    items:
      - { id: Q2.1, text: First item }
      - { id: Q2.2, text: Second item }
      - { id: Q2.3, text: Third item }
  - id: Q3
    title: Leadership
    itemScale: rating
    band: leadership
    adjustable: [band]
    items:
      - { id: Q3.1, text: First item }
      - { id: Q3.2, text: Second item }
      - { id: Q3.3, text: Third item }

overall:
  title: Overall rating
  band: principles
  summary: '{count:excellent} Excellent, {count:good} Good, {count:fair} Fair, {count:poor} Poor: {band}.'
  adjustable: [band]

rounding: { mode: halfUp, digits: 0, at: [] }
`;
}

const RATINGS_EXAMPLE = `area:
  name: Example service (invented)
  period: 2025-01
  facts: { noLead: false }
evidence:
  Q1.1: excellent
  Q1.2: excellent
  Q1.3: good
  Q2.1: good
  Q2.2: good
  Q2.3: fair
  Q3.1: good
  Q3.2: good
  Q3.3: good
`;

const RATINGS_TESTS = `tests:
  - name: The example
    description: >-
      Q1: two Excellent and one Good → Excellent (rule 3). Q2: one Fair → Good (no rule holds).
      Q3: all Good → Good, and the lead is named. Overall: one Excellent is not two → Good.
    inspection: ../examples/example/inspection.yaml
    expect:
      Q1: { band: excellent }
      Q2: { band: good }
      Q3: { band: good, limitedBy: [] }
      overall: { band: good, summary: '1 Excellent, 2 Good, 0 Fair, 0 Poor: Good.' }

  - name: No named lead caps the leadership question
    description: Q3 is Good by the principles, capped at Fair; the result keeps Good as the rating before the limit. One Fair leaves the whole Good.
    inspection:
      base: ../examples/example/inspection.yaml
      area: { name: No lead (invented), facts: { noLead: true } }
    expect:
      Q3: { band: fair, limitedFrom: good, limitedBy: [noLead] }
      overall: { band: good }

  - name: Two questions Fair or worse make the whole Fair
    description: 'Q2: two Fair → Fair (rule 2). Q3 capped at Fair. Overall: two Fair → Fair (rule 2).'
    inspection:
      base: ../examples/example/inspection.yaml
      area: { name: Two fair (invented), facts: { noLead: true } }
      evidence: { Q2.1: fair }
    expect:
      Q2: { band: fair }
      overall: { band: fair }

  - name: Two questions Poor make the whole Poor
    inspection:
      base: ../examples/example/inspection.yaml
      evidence: { Q1.1: poor, Q1.2: poor, Q2.1: poor, Q2.2: poor }
    expect:
      Q1: { band: poor }
      Q2: { band: poor }
      overall: { band: poor }

  - name: Two questions Excellent and the rest Good make the whole Excellent, and an inspector may adjust it
    inspection:
      base: ../examples/example/inspection.yaml
      evidence: { Q2.1: excellent, Q2.2: excellent, Q2.3: good }
      adjustments:
        - { id: overall, band: good, reason: An example of an adjustment with its reason }
    expect:
      Q2: { band: excellent }
      overall: { band: good, computedBand: excellent }

  - name: A rating off the scale
    inspection:
      base: ../examples/example/inspection.yaml
      evidence: { Q1.1: superb }
    expectError: EVIDENCE_BAD_LEVEL
`;

export function scaffoldMethodology(options: MethodologyScaffoldOptions): { files: ScaffoldedFile[]; folder: string } | { errors: Diagnostic[] } {
  const { name, kind } = options;
  const usage = (message: string, hint: string) => ({ errors: [{ code: 'USAGE' as const, severity: 'error' as const, message, hint }] });
  if (!/^[A-Za-z0-9][A-Za-z0-9._()-]*$/.test(name) || name.length > 64) {
    return usage(`'${name}' cannot be a pack id`, 'use letters, digits and . _ - ( ), starting with a letter or digit, e.g. care-2025');
  }
  const folder = resolve(options.dir, name);
  if (existsSync(folder)) return usage(`${folder} already exists`, 'choose another name or --dir; init never overwrites');
  const title = options.title ?? (kind === 'sample' ? `Inspection methodology: ${name}` : `Ratings methodology: ${name}`);
  const example = join(folder, 'examples', 'example');
  const tests = join(folder, 'tests');
  const header = (path: string, schema: string, lines: string[]) => [schemaLine(path, schema), '#', ...lines.map((l) => `# ${l}`.trimEnd()), ''].join('\n');
  const pack = kind === 'sample' ? samplePack(name, title) : ratingsPack(name, title);
  const inspection = kind === 'sample' ? SAMPLE_EXAMPLE : RATINGS_EXAMPLE;
  const testText = kind === 'sample' ? SAMPLE_TESTS : RATINGS_TESTS;
  return {
    folder,
    files: [
      { path: join(folder, 'pack.yaml'), text: header(folder, 'pack', [title, '', `A ${kind} methodology scaffolded by \`criteria init methodology --kind ${kind}\`: replace the`, 'placeholders with the methodology\'s own, then run its tests.']) + pack },
      { path: join(example, 'inspection.yaml'), text: header(example, 'inspection', ['An invented inspection to score and explain while the pack is written.']) + `pack: ../..\npackVersion: ^0.1.0\n${inspection}` },
      { path: join(tests, 'basic.yaml'), text: header(tests, 'pack-test', ['Hand-worked tests: change them with the pack. `criteria test <pack> --coverage` shows what they miss.']) + testText },
    ],
  };
}
