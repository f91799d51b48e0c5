// Scoring on worker threads gives byte-identical results to scoring on one thread: on a larger
// sample with bad rows (excluded, or reported in the same order) and duplicated ids.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreInspectionFile } from '../../src/pipeline/score-file.js';

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

/** A clean copy of the sample for the parallel reading path: CRLF line ends, a byte order mark, ids with a comma and a line break in quoted cells. */
function writeCleanSample(format: 'csv' | 'ndjson'): string {
  const dir = mkdtempSync(join(tmpdir(), `criteria-ranges-${format}-`));
  const names = header!.split(',');
  const lines: string[] = [];
  for (let i = 0; i < 6000; i++) {
    const cells = rows[i % rows.length]!.split(',');
    // Ids that need quoting in CSV (a line break in an id is refused: it would look like another id).
    const id = i === 10 ? 'W,10' : i === 3000 ? 'W"3000' : `W${i}`;
    if (format === 'csv') {
      cells[0] = /[,"]/.test(id) ? `"${id.replace(/"/g, '""')}"` : id;
      lines.push(cells.join(','));
    } else {
      const facts: Record<string, unknown> = {};
      const answers: Record<string, string> = {};
      names.forEach((name, c) => {
        if (c === 0 || cells[c] === '') return;
        if (name.includes('.') || name.includes(':')) answers[name] = cells[c]!;
        else facts[name] = cells[c] === 'true' ? true : cells[c] === 'false' ? false : cells[c];
      });
      lines.push(JSON.stringify({ id, facts, answers }));
    }
  }
  const file = format === 'csv' ? 'cases.csv' : 'cases.ndjson';
  const text = (format === 'csv' ? [header!, ...lines] : lines).join('\r\n') + '\r\n';
  writeFileSync(join(dir, file), `\uFEFF${text}`);
  const yaml = readFileSync(join(example, 'inspection.yaml'), 'utf8')
    .replace('pack: ../..', `pack: ${resolve('rules/esi-2003')}`)
    .replace('../../../../thematics/ebs-2003', resolve('thematics/ebs-2003'))
    .replace('cases: { file: cases.csv }', `cases: { file: ${file} }`);
  writeFileSync(join(dir, 'inspection.yaml'), yaml);
  return join(dir, 'inspection.yaml');
}

describe('--workers reading a clean file in parallel parts', () => {
  it.each(['csv', 'ndjson'] as const)('%s: the parts are read, checked and counted by the workers, and the result is byte-identical', async (format) => {
    const inspection = writeCleanSample(format);
    const one = await scoreInspectionFile(inspection);
    if ('errors' in one) throw new Error(one.errors[0]!.message);
    expect(one.result.cases.read).toBe(6000);

    // The parallel path itself: it must take the file (not fall back to one thread) and count the same.
    const { splitCaseFile } = await import('../../src/parallel/split-case-file.js');
    const { countRangesInWorkers } = await import('../../src/parallel/count-ranges-in-workers.js');
    const { CaseTally } = await import('../../src/evaluate/tally-cases.js');
    const { createHash } = await import('node:crypto');
    const file = join(inspection, '..', format === 'csv' ? 'cases.csv' : 'cases.ndjson');
    const ranges = await splitCaseFile(file, format, 8, createHash('sha256'));
    expect(ranges!.length).toBeGreaterThan(4);
    const tally = new CaseTally(one.plan, { oasysInUse: false });
    const setup = { methodology: resolve('rules/esi-2003/pack.yaml'), thematics: [resolve('thematics/ebs-2003/pack.yaml')], area: { oasysInUse: false } };
    expect(await countRangesInWorkers(file, format, ranges!, tally, setup, 2)).toBe(true);
    expect([...tally.relevant]).toEqual([...one.tally.relevant]);
    expect([...tally.met]).toEqual([...one.tally.met]);
    expect(tally.read).toBe(6000);

    const two = await scoreInspectionFile(inspection, { workers: 2 });
    if ('errors' in two) throw new Error(two.errors[0]!.message);
    expect(JSON.stringify(two.result)).toBe(JSON.stringify(one.result));
  });

  it('falls back to one thread when an id repeats across parts, and reports it at its line', async () => {
    const inspection = writeCleanSample('csv');
    const file = join(inspection, '..', 'cases.csv');
    const text = readFileSync(file, 'utf8').replace('\r\nW5000,', '\r\nW17,');
    writeFileSync(file, text);
    const one = await scoreInspectionFile(inspection);
    const two = await scoreInspectionFile(inspection, { workers: 2 });
    expect('errors' in one && one.errors[0]!.code).toBe('CASE_DUPLICATE_ID');
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });
});

describe('--workers with a case file that cannot be read', () => {
  it('reports it as one thread does, at the inspection line naming it', async () => {
    const inspection = writeCleanSample('csv');
    writeFileSync(inspection, readFileSync(inspection, 'utf8').replace('cases: { file: cases.csv }', 'cases: { file: missing.csv }'));
    const one = await scoreInspectionFile(inspection);
    const two = await scoreInspectionFile(inspection, { workers: 2 });
    expect('errors' in one && one.errors[0]!.code).toBe('FILE_NOT_FOUND');
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });
});
