// The small helpers behind the reports' reading aids: section headings without a repeated number,
// periods in words, the change between two areas, rating boundaries read from a band set.
import { describe, expect, it } from 'vitest';
import { describeChange } from '../../src/report/describe-change.js';
import { describePeriod } from '../../src/report/describe-period.js';
import { describeSectionHeading } from '../../src/report/describe-section.js';
import { describeBoundaries, findBoundaries } from '../../src/report/find-boundaries.js';
import type { Pack } from '../../src/model/pack.js';

const value = (score: number | null, band: string | null) => ({ score, band, notRated: null, adjusted: false, text: band ?? `${score}%` });

describe('reading aids', () => {
  it.each([
    ['B', 'Quality of Assessment', 'Section B – Quality of Assessment'],
    ['1.1', '1.1 Leadership', 'Section 1.1 Leadership'],
    ['1.1', '1.10 Leadership', 'Section 1.1 – 1.10 Leadership'],
    ['A', 'Assessment', 'Section A – Assessment'],
  ])('heads section %s titled %s as %s', (id, title, heading) => {
    expect(describeSectionHeading(id, title)).toBe(heading);
  });

  it.each([
    ['2003-10', 'October 2003'],
    ['2019-06-30', '30 June 2019'],
    ['2024', '2024'],
    ['2003-13', '2003-13'],
    ['Q3 2003', 'Q3 2003'],
  ])('writes the period %s as %s', (period, text) => {
    expect(describePeriod(period)).toBe(text);
  });

  it.each([
    [value(61, null), value(72, null), '+11', true],
    [value(72, null), value(61, null), '−11', true],
    [value(70, null), value(70, null), 'same', false],
    [value(58, 'Requires improvement'), value(66, 'Good'), '+8, band changed', true],
    [value(null, 'Very well met'), value(null, 'Not met'), 'changed', true],
    [value(null, 'Well met'), null, '', false],
  ])('says how %j moved to %j', (from, to, text, changed) => {
    expect(describeChange(from, to)).toEqual({ text, changed });
  });

  it('reads rating boundaries from band sets that test the score alone', () => {
    const pack = {
      scales: {
        rating: {
          levels: [
            { id: 'top', label: 'Top' },
            { id: 'mid', label: 'Mid' },
            { id: 'low', label: 'Low' },
          ],
        },
      },
      bandSets: {
        byScore: {
          scale: 'rating',
          rules: [
            { level: 'top', when: { all: [{ fact: 'score', operator: 'greaterThanInclusive', value: 80 }] } },
            { level: 'mid', when: { fact: 'score', operator: 'greaterThanInclusive', value: 50 } },
          ],
          otherwise: 'low',
        },
        byShare: { scale: 'rating', rules: [{ level: 'top', when: { all: [{ fact: 'share', params: { atLeast: 'top' }, operator: 'equal', value: 1 }] } }] },
      },
      criteria: [
        { id: 'X1', title: 'x', kind: 'sample', band: 'byScore' },
        { id: 'X2', title: 'x', kind: 'evidence', band: { set: 'byShare' } },
        { id: 'X3', title: 'x', kind: 'sample' },
      ],
    } as unknown as Pack;
    const found = findBoundaries(pack);
    expect([...found]).toEqual([
      [
        'X1',
        [
          { at: 50, label: 'Mid' },
          { at: 80, label: 'Top' },
        ],
      ],
    ]);
    expect(describeBoundaries(found)).toBe('Dashed marks across a bar: where the rating changes (Mid from 50%, Top from 80%).');
    expect(findBoundaries(undefined).size).toBe(0);
  });
});

describe('the comparison colours', () => {
  /** WCAG relative luminance of a `#rrggbb` colour. */
  function luminance(hex: string): number {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  }
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi! + 0.05) / (lo! + 0.05);
  };

  it('tells the first two areas apart by more than hue: at least 3:1 between them and against the page', async () => {
    const { REPORT_STYLE } = await import('../../src/report/templates/report-style.js');
    const fill = (n: number) => new RegExp(`\\.series-${n} \\{ fill: (#[0-9a-f]{6}); \\}`).exec(REPORT_STYLE)?.[1] ?? '';
    expect(contrast(fill(0), fill(1))).toBeGreaterThanOrEqual(3);
    expect(contrast(fill(0), '#ffffff')).toBeGreaterThanOrEqual(3);
    expect(contrast(fill(1), '#ffffff')).toBeGreaterThanOrEqual(3);
  });
});

describe('the printed footer', () => {
  it('writes the provenance as a CSS string that cannot end the string or the style element', async () => {
    const { stylePage } = await import('../../src/report/style-page.js');
    const style = stylePage('Area "x" </style><script>\\');
    expect(style).not.toContain('</style>');
    expect(style).toContain('@bottom-left { content: "Area \\22 x\\22  \\3c /style\\3e \\3c script\\3e \\5c ";');
    expect(style).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
  });
});
