/**
 * What a result says about criteria banded from evidence, beyond their bands (which the golden
 * test checks against the published figures): each item as the inspection rated it, an item left
 * out of the band with the pack's reason, an item whose level comes from another criterion, and a
 * section's count of its criteria's bands — each checked against the inspection file, the pack and
 * the published bands, not against an earlier run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scoreInspectionFile } from '../../src/pipeline/score-file.js';
import type { InspectionResult } from '../../src/model/result.js';

const FOLDER = 'rules/esi-2003/examples/derbyshire-2003';

/**
 * Section A of the Derbyshire result, scored anew by each test: mutation testing runs only the
 * tests that run a mutant's code, so a result scored once at the top of the file would check nothing.
 */
async function sectionA(): Promise<InspectionResult['sections'][number]> {
  const scored = await scoreInspectionFile(`${FOLDER}/inspection.yaml`);
  if ('errors' in scored) throw new Error(scored.errors[0]!.message);
  return scored.result.sections.find((s) => s.id === 'A')!;
}
const inspection = parse(readFileSync(`${FOLDER}/inspection.yaml`, 'utf8')) as { evidence: Record<string, string | { level: string }> };
const published = JSON.parse(readFileSync(new URL('../golden/derbyshire-2003-published.json', import.meta.url), 'utf8')) as {
  sectionA: Record<string, { band: string }>;
};

const criterion = async (id: string) => (await sectionA()).criteria.find((c) => c.id === id)!;

describe('an evidence criterion', () => {
  it('lists its items as rated, in the order of the pack, each counted with its weight', async () => {
    const a3 = await criterion('A3');
    expect(a3).toMatchObject({ kind: 'evidence', score: null, computedScore: null, questions: [], targets: [] });
    const items = a3.items;
    expect(items.map((i) => i.id)).toEqual(['A3.planning', 'A3.supervision', 'A3.objectives', 'A3.training', 'A3.diversity', 'A3.absence']);
    for (const item of items) {
      expect(item.level?.id).toBe(inspection.evidence[item.id]);
      expect(item).toMatchObject({ counted: true, weight: 1 });
      expect(item).not.toHaveProperty('from');
      expect(item).not.toHaveProperty('excludedBecause');
    }
  });

  it("leaves out an item the pack excludes, saying why, and takes an item's level from another criterion", async () => {
    const items = (await criterion('A1')).items;
    const npd = items.find((i) => i.id === 'A1.npd')!;
    expect(npd).toMatchObject({ counted: false, excludedBecause: 'relates to the National Probation Directorate', level: { id: 'strong' } });
    const targets = items.find((i) => i.id === 'A1.targets')!;
    expect(targets).toMatchObject({ counted: true, weight: 2, from: 'A1T' });
    expect(Object.keys(inspection.evidence)).not.toContain('A1.targets');
  });
});

describe('a section of evidence criteria', () => {
  it('counts its criteria by published band', async () => {
    const section = await sectionA();
    const label = (id: string) => section.criteria.find((c) => c.id === id)!.band!.label;
    for (const [id, figure] of Object.entries(published.sectionA)) expect(label(id)).toBe(figure.band);
    const expected: Record<string, number> = {};
    for (const c of section.criteria) {
      const band = c.band!.id;
      expected[band] = (expected[band] ?? 0) + 1;
    }
    expect(section.levelCounts).toEqual(expected);
    expect(Object.values(section.levelCounts!).reduce((a, b) => a + b, 0)).toBe(Object.keys(published.sectionA).length);
  });
});
