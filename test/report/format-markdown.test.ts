import { describe, expect, it } from 'vitest';
import { formatMarkdown } from '../../src/report/format-markdown.js';
import { handResult, readSample } from './hand-result.js';

describe('formatMarkdown', () => {
  const sample = readSample();
  const md = formatMarkdown(sample);

  it('has a table row per criterion with its weight and result', () => {
    for (const section of sample.sections) {
      for (const c of section.criteria) {
        const value = c.score === null ? c.band!.label : `${c.score}%`;
        expect(md).toContain(`| ${c.id}: ${c.title} | ${c.weight ?? ''} | ${value} |`);
      }
    }
    expect(md).toContain('| **Score for section B** |  | **60%** |');
    expect(md).toContain('| **OVERALL SCORE FOR SECTIONS B–D** |  | **60%** |');
    expect(md).toContain('\n## Section A – Quality of Management\n\n| Criterion | Weight | Result |\n| :-- | :-- | --: |\n');
  });

  it('has the questions, items and targets tables', () => {
    expect(md).toContain(
      '| B1.3 | A satisfactory risk management plan was prepared within five working days of the order, release or assessment as high risk | 3 | 2 | 67% |',
    );
    expect(md).toContain(
      '| A1.npd | The NPD supports the area and holds it to account through business planning and performance monitoring | Strong | not counted: relates to the National Probation Directorate |',
    );
    expect(md).toContain('| Sickness absence: average days absence (SDA 8) | 10 days | 9.1 days | 11.9 days | Met |  |');
    expect(md.endsWith('cases: 10 read, 10 scored (0 relevant to no question), 0 excluded\n')).toBe(true);
  });

  it('escapes markup, marks adjustments, and prints thematics with their summaries', () => {
    const hand = formatMarkdown(handResult());
    expect(hand.split('\n')[0]).toBe('# Hand \\<script\\>alert("x")\\</script\\> \\& "Pack" — Testshire, 2024');
    expect(hand).toContain('| P2: Planning \\& \\<review\\> |  | Fair\\* |');
    expect(hand).toContain('| P3: Rare events |  | not rated (no relevant cases) |');
    expect(hand).toContain('\n\\* adjusted from Poor: the plan was revised after the fieldwork\n');
    expect(hand).toContain('| P1.1 | Was the assessment done on time? | 4 | 3 | 75% | n/a (2) |');
    expect(hand).toContain('## Thematic X \\& friends — Testshire, 2024\n\n### Section T – Thematic work\n\nThematic work in Testshire was fair overall.\n');
    expect(hand).toContain('- excluded case-9 (cases.csv:10): unknown answer "maybe" to P1.2; no date\n');
  });
});
