/**
 * A case without a valid id (none, too long, a look-alike) is known by its position, never by a
 * stand-in id that a real case could have: the real `#1` is scored, and the excluded entry names
 * no id. Duplicates are found among valid ids only.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreInspectionFile } from '../../src/pipeline/score-file.js';
import { inspectionText, scratch } from './workspace.js';

function ndjsonInspection(ids: unknown[]): string {
  const dir = scratch();
  writeFileSync(
    join(dir, 'cases.ndjson'),
    ids.map((id) => JSON.stringify({ ...(id === undefined ? {} : { id }), facts: { risk: 'low' }, answers: { 'Q1.1': 'yes' } })).join('\n') + '\n',
  );
  writeFileSync(join(dir, 'inspection.yaml'), inspectionText('{ file: cases.ndjson }'));
  return join(dir, 'inspection.yaml');
}

describe('cases without a valid id', () => {
  const ids = ['x'.repeat(200), undefined, 'c\u200B1', '#1', '#2', '#3', 'c1'];

  it('are excluded by position, and take no id from a real case', async () => {
    const scored = await scoreInspectionFile(ndjsonInspection(ids), { excludeInvalid: true });
    if ('errors' in scored) throw new Error(scored.errors[0]!.message);
    const { cases } = scored.result;
    expect(cases.read).toBe(7);
    expect(cases.scored).toBe(4);
    expect(cases.excluded.map((e) => [e.id, e.position])).toEqual([
      [undefined, 1],
      [undefined, 2],
      [undefined, 3],
    ]);
    expect(cases.excluded.map((e) => e.reasons[0])).toEqual([
      expect.stringMatching(/200 characters/),
      expect.stringMatching(/no id/),
      expect.stringMatching(/c\\u\{200B\}1.*invisible/),
    ]);
  });

  it('give diagnostics that carry no caseId and name the position', async () => {
    const scored = await scoreInspectionFile(ndjsonInspection(ids));
    if (!('errors' in scored)) throw new Error('expected errors');
    expect(scored.errors.slice(0, 3).map((e) => [e.code, e.caseId, e.line])).toEqual([
      ['SCHEMA_RANGE', undefined, 1],
      ['CASE_MISSING_ID', undefined, 2],
      ['CASE_BAD_ID', undefined, 3],
    ]);
    expect(scored.errors[0]!.message).toMatch(/^case at position 1: /);
  });
});
