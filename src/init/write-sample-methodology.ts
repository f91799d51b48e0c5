/**
 * The files of a scaffolded `sample` methodology: criteria scored from questions asked of a case
 * sample, banded by percentage, with a weighted section and overall score; an invented example
 * inspection, and hand-worked tests that pass with full coverage. Placeholder words only.
 */
import { scalar } from './write-yaml.js';

export function samplePack(name: string, title: string): string {
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

export const SAMPLE_EXAMPLE = `area: { name: Example area (invented), period: 2025-01 }
cases:
  - { id: E1, facts: { highRisk: true }, answers: { C1.1: yes, C1.2: yes, C2.1: yes } }
  - { id: E2, facts: { highRisk: true }, answers: { C1.1: yes, C1.2: no, C2.1: yes } }
  - { id: E3, facts: { highRisk: false }, answers: { C1.1: yes, C2.1: no } }
  - { id: E4, facts: { highRisk: false }, answers: { C1.1: no, C2.1: yes } }
  - { id: E5, facts: { highRisk: false }, answers: { C1.1: yes, C2.1: yes } }
`;

export const SAMPLE_TESTS = `tests:
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
