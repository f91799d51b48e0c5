// The JSON Schema of a pack's case records (`criteria schema cases`) accepts the pack's real cases
// and rejects what the engine would reject: unknown facts or questions, answers off a scale.
import { caseColumnsOf } from '../../src/compile/compiled-plan.js';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { openInspection } from '../../src/pipeline/load-inspection.js';
import { compilePlan } from '../../src/compile/compile-pack.js';
import { buildCaseSchema } from '../../src/compile/build-case-schema.js';
import type { Pack } from '../../src/model/pack.js';
import { SMALL_SCALES } from './small-scales.js';

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

describe('case record schema of a small pack', () => {
  const pack = {
    kind: 'methodology',
    id: 'small',
    version: '2.1.0',
    title: 'Small',
    facts: {
      case: {
        risk: { type: 'enum', values: ['low', 'high'], description: 'Risk of harm' },
        flag: { type: 'boolean' },
        n: { type: 'number', minimum: 0, maximum: 10, required: true },
        m: { type: 'number' },
        seen: { type: 'date' },
        note: { type: 'string', description: 'Free text' },
      },
    },
    scales: { yn: { ...SMALL_SCALES.yn, notApplicable: { id: 'na', label: 'N/A' } } },
    criteria: [
      {
        id: 'C1',
        title: 'One',
        kind: 'sample',
        questions: [
          { id: 'Q1', text: 'Asked?', scale: 'yn', appliesWhen: { fact: 'n', operator: 'greaterThan', value: 1 } },
          { id: 'Q2', text: 'Flagged?', metWhen: { fact: 'flag', operator: 'equal', value: true } },
        ],
      },
    ],
    sections: [{ id: 'S1', title: 'Section', criteria: ['C1'] }],
  } as unknown as Pack;

  it('gives each fact its type, bounds, pattern and description, and each answered question its levels', () => {
    const schema = buildCaseSchema(compilePlan(pack));
    expect(schema).toEqual({
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: 'Case record for small 2.1.0',
      description: 'One case of an inspection sample: its id, its facts and its answers to the questions that apply to it.',
      type: 'object',
      required: ['id', 'facts'],
      additionalProperties: false,
      properties: {
        id: { type: ['string', 'number'], minLength: 1, description: 'The case id, unique in the inspection.' },
        facts: {
          type: 'object',
          additionalProperties: false,
          required: ['n'],
          properties: {
            risk: { type: 'string', enum: ['low', 'high'], description: 'Risk of harm' },
            flag: { type: 'boolean' },
            n: { type: 'number', minimum: 0, maximum: 10 },
            m: { type: 'number' },
            seen: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
            note: { type: 'string', description: 'Free text' },
          },
        },
        answers: {
          type: 'object',
          additionalProperties: false,
          properties: {
            Q1: {
              type: 'string',
              enum: ['yes', 'no', 'na'],
              description: 'Asked? (answered only when it applies: {"fact":"n","operator":"greaterThan","value":1})',
            },
          },
        },
      },
    });
  });

  it('needs no facts when none is required', () => {
    const optional = { ...pack, facts: { case: { flag: { type: 'boolean' }, n: { type: 'number' } } } } as unknown as Pack;
    expect(buildCaseSchema(compilePlan(optional)).required).toEqual(['id']);
  });
});
