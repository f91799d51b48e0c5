/**
 * A ratings result on every sheet: a section rated from its own items is one line under its title
 * (not a heading and a score line), a limited rating says why, an adjusted one footnotes the
 * computed rating with its limit, and nothing accounts for a case sample there was none of.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { scoreInspectionFile } from '../../src/pipeline/score-file.js';
import { formatResult } from '../../src/report/index.js';
import type { InspectionResult } from '../../src/model/result.js';
import { checkHtml } from './check-html.js';

let result: InspectionResult;

beforeAll(async () => {
  const scored = await scoreInspectionFile('rules/cqc-asc-2022/examples/oakfield-house/inspection.yaml');
  if ('errors' in scored) throw new Error(scored.errors[0]!.message);
  result = scored.result;
});

const LIMITED = 'Requires improvement — limited: no registered manager in post';

describe('a ratings result', () => {
  it('prints each key question once, the limited one with its note, and no case line (text)', () => {
    const text = formatResult(result, 'table', { detail: false });
    const lines = text.split('\n');
    expect(lines.filter((l) => l.startsWith('Safe ')).length).toBe(1);
    expect(lines.find((l) => l.startsWith('Well-led '))).toMatch(new RegExp(`${LIMITED}$`));
    expect(text).not.toContain('Score for section');
    expect(text).not.toContain('Section safe');
    expect(text).not.toContain('cases:');
  });

  it('in Markdown, the key questions share one table', () => {
    const md = formatResult(result, 'markdown', { detail: false });
    expect(md).toContain(`| Well-led | ${LIMITED} |`);
    expect(md).not.toContain('## Section');
    expect(md).not.toContain('cases:');
  });

  it('in HTML, a well-formed page with the limited rating and no case line', () => {
    const html = formatResult(result, 'html', {});
    expect(checkHtml(html)).toEqual([]);
    expect(html).toContain(LIMITED);
    expect(html).not.toContain('class="cases"');
  });

  it('an adjusted limited rating is footnoted with the computed rating and its limit', () => {
    const adjusted: InspectionResult = structuredClone(result);
    const wellLed = adjusted.sections.find((s) => s.id === 'wellLed')!;
    wellLed.adjustment = { band: { id: 'good', label: 'Good' }, reason: 'A manager starts next week' };
    wellLed.band = { id: 'good', label: 'Good' };
    const text = formatResult(adjusted, 'table', { detail: false });
    expect(text).toMatch(/Well-led +Good\*/);
    expect(text.replace(/\s+/g, ' ')).toContain(`* adjusted from ${LIMITED}: A manager starts next week`);
  });

  it('the JSON result names the limit, keeps the rating before it and carries the area facts read', () => {
    const json = JSON.parse(formatResult(result, 'json', {})) as InspectionResult;
    expect(json.sections.find((s) => s.id === 'wellLed')).toMatchObject({
      band: { id: 'requiresImprovement' },
      computedBand: { id: 'requiresImprovement' },
      bandRule: 'otherwise',
      limits: [{ id: 'registeredManager', kind: 'cap', from: { id: 'good' }, band: { id: 'requiresImprovement' }, note: 'no registered manager in post' }],
    });
    expect(json.area.facts).toEqual({
      noRegisteredManager: true,
      conditionNotMet: null,
      notificationsMissing: null,
      providerInformationMissing: null,
      breachOfRegulations: false,
    });
  });
});
