// Scoring on worker threads gives byte-identical results to scoring on one thread: on a larger
// sample with bad rows (excluded, or reported in the same order) and duplicated ids.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreInspectionFile } from '../../src/score-file.js';

const example = 'rules/esi-2003/examples/derbyshire-2003';
const [header, ...rows] = readFileSync(join(example, 'cases.csv'), 'utf8').trimEnd().split('\n');
const folder = mkdtempSync(join(tmpdir(), 'criteria-workers-'));

/** 7,000 cases: the example's rows under new ids, with an off-scale answer, a ragged row and a duplicate id among them. */
function writeSample(): string {
  const lines = [header!];
  for (let i = 0; i < 7000; i++) {
    const cells = rows[i % rows.length]!.split(',');
    cells[0] = `W${i}`;
    if (i === 1234) cells[cells.indexOf('sufficient')] = 'sufficent';
    if (i === 4321) cells[0] = 'W17';
    lines.push(i === 5555 ? `${cells.join(',')},extra` : cells.join(','));
  }
  writeFileSync(join(folder, 'cases.csv'), lines.join('\n') + '\n');
  const yaml = readFileSync(join(example, 'inspection.yaml'), 'utf8')
    .replace('pack: ../..', `pack: ${resolve('rules/esi-2003')}`)
    .replace('../../../../thematics/ebs-2003', resolve('thematics/ebs-2003'));
  writeFileSync(join(folder, 'inspection.yaml'), yaml);
  return join(folder, 'inspection.yaml');
}

const file = writeSample();

describe('--workers', () => {
  it('gives the same result, byte for byte, with bad cases excluded', async () => {
    const one = await scoreInspectionFile(file, { excludeInvalid: true });
    const two = await scoreInspectionFile(file, { excludeInvalid: true, workers: 2 });
    if ('errors' in one || 'errors' in two) throw new Error('scoring failed');
    expect(one.result.cases.read).toBe(7000);
    expect(one.result.cases.excluded.map((e) => e.id).sort()).toEqual(['W1234', 'W17', 'W5555']);
    expect(JSON.stringify(two.result)).toBe(JSON.stringify(one.result));
  });

  it('reports the same problems in the same order', async () => {
    const one = await scoreInspectionFile(file);
    const three = await scoreInspectionFile(file, { workers: 3 });
    expect('errors' in one && 'errors' in three).toBe(true);
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
  });
});
