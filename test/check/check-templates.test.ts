/**
 * Summary templates (checkTemplates): a summary may name the placeholders of SUMMARY_PLACEHOLDERS
 * and {count:LEVEL}, where LEVEL is a level of the one scale the result counts. Each case edits the
 * base pack of the harness (section A counts the band scale through its banded criteria; the
 * overall result, whose sections have no band, counts nothing) and gives the diagnostics expected:
 * code, message, hint, line and column. The pack is built and checked inside each test.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/errors.js';
import { checkPackText, editedPack } from './pack-harness.js';

/** The diagnostics of the base pack with `edits` applied, reduced to what the cases compare. */
const check = (edits: Array<[string, string]>): Array<Pick<Diagnostic, 'code' | 'message' | 'hint' | 'line' | 'column'>> =>
  checkPackText(editedPack(edits)).map(({ code, message, hint, line, column }) => ({ code, message, hint, line, column }));

const SCORE = '    score: { method: weightedMean }\n';
/** Gives section A (line 55 once added) the summary `text`, written as a double-quoted YAML string. */
const sectionSummary = (text: string): [string, string] => [SCORE, `${SCORE}    summary: "${text}"\n`];
/** Bands E1 by combining its items' levels: section A's children are then banded on two scales (band and perf). */
const MIXED_SCALES: [string, string] = ['    band: itemBands', '    band: { combine: highest }'];
const PLACEHOLDER_HINT = 'summaries may use {rated}, {score}, {percent}, {band}, {points} and {count:LEVEL}';

const cases: Array<{ note: string; edits: Array<[string, string]>; expected: ReturnType<typeof check> }> = [
  {
    note: 'placeholders and a count of a level the section counts are accepted',
    edits: [sectionSummary('{rated} rated, {count:high} high')],
    expected: [],
  },
  {
    note: 'a count of a level the section does not count is reported with the levels it does',
    edits: [sectionSummary('{count:hihg}')],
    expected: [
      {
        code: 'BAD_TEMPLATE',
        message: "{count:hihg} in the summary of section A: 'hihg' is not a level of scale band; did you mean 'high'?",
        hint: 'count one of the levels section A counts: high, low',
        line: 55,
        column: 14,
      },
    ],
  },
  {
    note: 'a count on a result that counts no levels is reported',
    edits: [['rounding:', 'overall: { title: Overall, summary: "{count:high}" }\nrounding:']],
    expected: [
      {
        code: 'BAD_TEMPLATE',
        message: '{count:high} in the summary of overall: overall counts no levels',
        hint: 'use {count:LEVEL} where children are banded or items counted',
        line: 55,
        column: 37,
      },
    ],
  },
  {
    note: 'a name that only contains count: is an unknown placeholder, not a count',
    edits: [sectionSummary('{xcount:high}')],
    expected: [{ code: 'BAD_TEMPLATE', message: 'the summary of section A names the placeholder {xcount:high}', hint: PLACEHOLDER_HINT, line: 55, column: 14 }],
  },
  {
    note: 'a count whose name runs on past a line break is an unknown placeholder',
    edits: [sectionSummary('{count:high\\nx}')],
    expected: [
      {
        code: 'BAD_TEMPLATE',
        message: "the summary of section A names the placeholder {count:high\nx}; did you mean 'count:LEVEL'?",
        hint: PLACEHOLDER_HINT,
        line: 55,
        column: 14,
      },
    ],
  },
  {
    note: 'a misspelt count placeholder is told about {count:LEVEL}',
    edits: [sectionSummary('{cout:LEVEL}')],
    expected: [
      {
        code: 'BAD_TEMPLATE',
        message: "the summary of section A names the placeholder {cout:LEVEL}; did you mean 'count:LEVEL'?",
        hint: PLACEHOLDER_HINT,
        line: 55,
        column: 14,
      },
    ],
  },
  {
    note: 'a count over an undeclared scale is left to the error where the scale is named',
    edits: [
      ['  scoreBands:\n    scale: band', '  scoreBands:\n    scale: bands'],
      ['  itemBands:\n    scale: band', '  itemBands:\n    scale: bands'],
      sectionSummary('{count:high}'),
    ],
    expected: [
      {
        code: 'UNKNOWN_SCALE',
        message: "unknown scale 'bands' in band set scoreBands; did you mean 'band'?",
        hint: 'declare it under scales, or use one of: answer, perf, band',
        line: 24,
        column: 12,
      },
      {
        code: 'UNKNOWN_SCALE',
        message: "unknown scale 'bands' in band set itemBands; did you mean 'band'?",
        hint: 'declare it under scales, or use one of: answer, perf, band',
        line: 29,
        column: 12,
      },
    ],
  },
];

describe('checkTemplates', () => {
  it.each(cases)('$note', ({ edits, expected }) => {
    expect(check(edits)).toEqual(expected);
  });

  it('refuses a count where the children are banded on two scales (levels of two scales have no common count)', () => {
    // S1 is banded on band, E1 (combining its items) on perf: scoring would count neither.
    const diagnostics = check([MIXED_SCALES, sectionSummary('{count:strong} of {count:high}')]);
    const refused = (level: string) => ({
      code: 'BAD_TEMPLATE',
      message: `{count:${level}} in the summary of section A: section A counts levels of different scales (band, perf)`,
      hint: 'band its children (or rate its items) on one scale, or leave the count out of the summary',
      line: 55,
      column: 14,
    });
    expect(diagnostics.filter((d) => d.code === 'BAD_TEMPLATE')).toEqual([refused('strong'), refused('high')]);
  });
});
