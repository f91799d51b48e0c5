// Bad case data, tried as a new user would: each gets a clear error naming the file, the line and
// the case, and `criteria score` exits 1 without printing a partial result. With
// --exclude-invalid the bad cases are left out and listed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const example = 'rules/esi-2003/examples/derbyshire-2003';
const csv = readFileSync(join(example, 'cases.csv'), 'utf8');
const lines = csv.trimEnd().split('\n');

/** A copy of the Derbyshire inspection whose cases.csv is `text`. */
function inspectionWith(text: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'criteria-bad-'));
  const yaml = readFileSync(join(example, 'inspection.yaml'), 'utf8')
    .replace('pack: ../..', `pack: ${resolve('rules/esi-2003')}`)
    .replace('../../../../thematics/ebs-2003', resolve('thematics/ebs-2003'));
  writeFileSync(join(folder, 'inspection.yaml'), yaml);
  writeFileSync(join(folder, 'cases.csv'), text);
  return join(folder, 'inspection.yaml');
}

function score(file: string, ...args: string[]) {
  const run = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'score', file, ...args], { encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const replaceCell = (row: string, column: string, value: string) => {
  const header = lines[0]!.split(',');
  const cells = row.split(',');
  cells[header.indexOf(column)] = value;
  return cells.join(',');
};

describe('criteria score with bad case data', () => {
  it('a typo in a question id in the CSV header', () => {
    const file = inspectionWith([lines[0]!.replace(',B1.2,', ',B1.22,'), ...lines.slice(1)].join('\n'));
    const r = score(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cases\.csv:1(:\d+)? error CSV_HEADER: column 'B1\.22' is neither a declared case fact nor a question id/);
    expect(r.stdout).toBe('');
  });

  it('an answer off its scale', () => {
    const file = inspectionWith([...lines.slice(0, 5), replaceCell(lines[5]!, 'B1.1', 'exellent'), ...lines.slice(6)].join('\n'));
    const r = score(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cases\.csv:6(:\d+)? error CASE_ANSWER_OFF_SCALE: case D005: answer 'exellent' to B1\.1 is not on its scale 'judgement'/);
    expect(r.stderr).toMatch(/use one of: excellent, sufficient, insufficient, poor, na/);
  });

  it('a duplicated case id', () => {
    const file = inspectionWith([...lines, lines[3]!].join('\n'));
    const r = score(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cases\.csv:102(:\d+)? error CASE_DUPLICATE_ID: case D003: the id 'D003' is used by an earlier case/);
  });

  it('an empty CSV', () => {
    const r = score(inspectionWith(''));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cases\.csv:1(:\d+)? error CSV_HEADER: the CSV file is empty/);
  });

  it('a CSV with a header and no rows', () => {
    const r = score(inspectionWith(lines[0]! + '\n'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/NO_CASES/);
  });

  it('a ragged row and a missing required fact', () => {
    const file = inspectionWith([lines[0]!, lines[1]! + ',extra', replaceCell(lines[2]!, 'riskOfHarm', ''), ...lines.slice(3)].join('\n'));
    const r = score(file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cases\.csv:2(:\d+)? error CSV_SYNTAX: row has \d+ cells but the header has \d+/);
    expect(r.stderr).toMatch(/cases\.csv:3(:\d+)? error CASE_MISSING_FACT: case D002: required fact 'riskOfHarm' is missing/);
    expect(r.stderr).toMatch(/2 of 100 cases have problems; nothing was scored/);
  });

  it('--exclude-invalid scores the rest and lists what it left out', () => {
    const file = inspectionWith([...lines.slice(0, 5), replaceCell(lines[5]!, 'B1.1', 'exellent'), ...lines.slice(6)].join('\n'));
    const r = score(file, '--exclude-invalid', '--format', 'json');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.cases).toMatchObject({ read: 100, scored: 99, excluded: [{ id: 'D005', reasons: [expect.stringMatching(/exellent/)] }] });
    expect(result.cases.excluded[0].location).toMatch(/cases\.csv:6$/);
  });
});
