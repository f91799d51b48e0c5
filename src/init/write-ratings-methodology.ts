/**
 * The files of a scaffolded `ratings` methodology: no case sample; sections rated from evidence
 * items by counting rules shared through a band set that another extends with a limit, and an
 * overall rating by the same rules; an invented example inspection, and hand-worked tests that
 * pass with full coverage. Placeholder words only.
 */
import { scalar } from './write-yaml.js';

export function ratingsPack(name: string, title: string): string {
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

export const RATINGS_EXAMPLE = `area:
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

export const RATINGS_TESTS = `tests:
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
