import { describe, expect, it } from 'vitest';
import { formatComparison } from '../../src/report/format-comparison.js';
import { checkHtml } from './check-html.js';
import { handResult, readSample, readSecondArea } from './hand-result.js';

interface ComparisonJson {
  warning?: string;
  areas: Array<{ name: string; period?: string; pack: string; version: string }>;
  rows: Array<{ id: string; title: string; kind: string; values: Array<{ score: number | null; band: string | null; adjusted: boolean } | null> }>;
}

describe('formatComparison of two areas on the same pack', () => {
  const results = [readSample(), readSecondArea()];

  it('puts the two areas in two right-aligned columns with their values', () => {
    const text = formatComparison(results, 'table');
    const lines = text.split('\n');
    const header = lines.find((l) => l.startsWith('id '))!;
    expect(header).toMatch(/title +Derbyshire \(2003-10\) +Kentshire \(2004-02\)$/);
    const firstEnd = header.indexOf('Derbyshire (2003-10)') + 'Derbyshire (2003-10)'.length;
    const b1 = lines.find((l) => l.startsWith('B1 '))!;
    expect(b1).toMatch(/Assessment of risk of harm +61% +72%$/);
    expect(b1.indexOf('61%') + 3).toBe(firstEnd);
    expect(b1.length).toBe(header.length);
    expect(lines.find((l) => l.startsWith('A3 '))).toMatch(/Satisfactorily met +Well met\*$/);
    expect(lines.find((l) => l.startsWith('B '))).toMatch(/Score for section B +60% +65%$/);
    expect(lines.find((l) => l.startsWith('overall '))).toMatch(/Overall score for sections B–D +60% +71%$/);
    expect(text).toContain('\nSection B – Quality of Assessment\n');
    expect(text).toContain('* adjusted by the inspector');
    expect(text).not.toContain('warning');
  });

  it('gives JSON areas and rows with a value per area', () => {
    const doc = JSON.parse(formatComparison(results, 'json')) as ComparisonJson;
    expect(doc.warning).toBeUndefined();
    expect(doc.areas.map((a) => a.name)).toEqual(['Derbyshire', 'Kentshire']);
    const row = (id: string) => doc.rows.find((r) => r.id === id)!;
    expect(row('B1')).toMatchObject({ title: 'Assessment of risk of harm', kind: 'criterion' });
    expect(row('B1').values.map((v) => v?.score)).toEqual([61, 72]);
    expect(row('A3').values.map((v) => v?.band)).toEqual(['Satisfactorily met', 'Well met']);
    expect(row('A3').values.map((v) => v?.adjusted)).toEqual([false, true]);
    expect(row('B').kind).toBe('section');
    expect(row('overall').values.map((v) => v?.score)).toEqual([60, 71]);
    expect(doc.rows.map((r) => r.id).slice(0, 6)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'B1']);
  });

  it('gives a Markdown table with a column per area', () => {
    const md = formatComparison(results, 'markdown');
    expect(md).toContain('| Id | Title | Derbyshire (2003-10) | Kentshire (2004-02) |');
    expect(md).toContain('| B1 | Assessment of risk of harm | 61% | 72% |');
    expect(md).toContain('| **B** | **Score for section B** | **60%** | **65%** |');
  });

  it('gives an HTML table with the change marked, a grouped bar chart, provenance and cases', () => {
    const html = formatComparison(results, 'html');
    expect(checkHtml(html)).toEqual([]);
    expect(html).not.toMatch(/\s(src|href)=/i);
    expect(html).toContain(
      '<th scope="col" class="value">Derbyshire (October 2003)</th><th scope="col" class="value">Kentshire (February 2004)</th><th scope="col" class="change">Change</th>',
    );
    expect(html).toContain(
      '<tr class="changed"><th scope="row" class="label">B1: Assessment of risk of harm</th><td class="value" data-label="Derbyshire (October 2003)">61%</td><td class="value" data-label="Kentshire (February 2004)">72%</td><td class="change" data-label="Change">+11</td></tr>',
    );
    expect(html).toMatch(
      /<tr class="changed"><th scope="row" class="label">A3: [^<]*<\/th><td class="value" data-label="[^"]*">Satisfactorily met<\/td><td class="value" data-label="[^"]*">Well met\*<\/td><td class="change" data-label="Change">changed<\/td><\/tr>/,
    );
    // no internal ids: a thematic's rows are headed by its title, not prefixed with its id
    expect(html).not.toMatch(/<th scope="row" class="label">[a-z0-9-]+\//);
    // each chart is laid out twice (wide for screen and paper, narrow for a phone), a bar per area on
    // each scored row: 12 criteria and 3 sections (the overall result is the table's)
    const wide = html.slice(html.indexOf('<svg class="wide"'), html.indexOf('<svg class="narrow"'));
    expect(wide.match(/<rect class="bar series-0"/g)?.length).toBe(15);
    expect(wide.match(/<rect class="bar series-1"/g)?.length).toBe(15);
    expect(html).toContain('<title>B1: Assessment of risk of harm — Kentshire (February 2004): 72%</title>');
    expect(html).toContain('>Kentshire (February 2004)</text>');
    expect(html).not.toContain('…');
    expect(html).toContain('<h3>Kentshire (February 2004)</h3>');
    expect(html.match(/<p class="cases">cases: /g)?.length).toBe(2);
  });
});

describe('formatComparison across packs', () => {
  const results = [readSample(), handResult()];

  it('says which packs differ at the top of every format', () => {
    const expected = 'different packs: esi-2003@1.0.0 (Derbyshire); hand-pack@2.1.0 (Testshire)';
    const table = formatComparison(results, 'table');
    expect(table.split('\n').slice(0, 4).join(' ')).toContain(expected);
    expect(formatComparison(results, 'markdown').split('\n')[2]).toContain(expected);
    expect((JSON.parse(formatComparison(results, 'json')) as ComparisonJson).warning).toContain(expected);
    expect(formatComparison(results, 'html')).toContain(`<p class="warning" role="alert">Warning: These results come from ${expected}`);
  });

  it('keeps rows only one area has, with a dash for the other', () => {
    const doc = JSON.parse(formatComparison(results, 'json')) as ComparisonJson;
    const p3 = doc.rows.find((r) => r.id === 'P3')!;
    expect(p3.values[0]).toBeNull();
    expect(p3.values[1]).toMatchObject({ score: null, band: null, notRated: 'no relevant cases' });
    expect(doc.rows.find((r) => r.id === 'theme-x/T1')!.values[1]).toMatchObject({ band: 'Fair' });
    expect(formatComparison(results, 'table')).toMatch(/\nP3 +Rare events +— +not rated \(no relevant cases\)\n/);
  });

  it('notes differing versions of one pack', () => {
    const newer = readSecondArea();
    newer.provenance.version = '1.1.0';
    expect(formatComparison([readSample(), newer], 'table').replace(/\n/g, ' ')).toContain(
      'different versions of the pack: esi-2003@1.0.0 (Derbyshire); esi-2003@1.1.0 (Kentshire)',
    );
  });
});
