// The JSON Schema of a pack's case records (`criteria schema cases`) accepts the pack's real cases
// and rejects what the engine would reject: unknown facts or questions, answers off a scale.
import { caseColumnsOf } from '../../src/compile/compiled-plan.js';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { openInspection } from '../../src/pipeline/load-inspection.js';
import { compilePlan } from '../../src/compile/compile-pack.js';
import { buildCaseSchema } from '../../src/compile/build-case-schema.js';

const opened = openInspection('rules/esi-2003/examples/derbyshire-2003/inspection.yaml');
if ('errors' in opened) throw new Error('example does not open');
const plan = compilePlan(opened.methodology, opened.thematics);
const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(buildCaseSchema(plan));
const records: unknown[] = [];
for await (const input of opened.readCases(caseColumnsOf(plan))) {
  if ('record' in input) records.push(JSON.parse(JSON.stringify(input.record)));
}

describe('case record schema', () => {
  it('accepts every case of the Derbyshire sample', () => {
    expect(records).toHaveLength(100);
    for (const record of records) expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects an unknown fact, an unknown question, an answer off its scale and a missing required fact', () => {
    const base = records[0] as { id: string; facts: Record<string, unknown>; answers: Record<string, unknown> };
    expect(validate({ ...base, facts: { ...base.facts, riskLevel: 'high' } })).toBe(false);
    expect(validate({ ...base, answers: { ...base.answers, 'B1.99': 'excellent' } })).toBe(false);
    expect(validate({ ...base, answers: { ...base.answers, 'B1.1': 'exellent' } })).toBe(false);
    const { riskOfHarm: _omit, ...facts } = base.facts;
    expect(validate({ ...base, facts })).toBe(false);
  });

  it('is what `criteria schema cases` prints', () => {
    const run = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'schema', 'cases', 'rules/esi-2003', '--thematic', 'thematics/ebs-2003'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(buildCaseSchema(plan));
  });
});
