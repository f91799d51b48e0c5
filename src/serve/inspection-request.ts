/**
 * An inspection file as a request to the service: the same data, its packs named by id and
 * version range instead of by path, its cases read (from its CSV or NDJSON file) and listed.
 */
import { caseColumnsOf } from '../compile/compiled-plan.js';
import type { Diagnostic } from '../model/errors.js';
import type { CaseRecord } from '../model/inspection.js';
import type { ScoreRequest } from '../model/service.js';
import { compilePlan } from '../compile/compile-pack.js';
import { openInspection } from '../pipeline/load-inspection.js';

export async function inspectionAsRequest(path: string): Promise<{ request: ScoreRequest } | { errors: Diagnostic[] }> {
  const opened = openInspection(path);
  if ('errors' in opened) return opened;
  const plan = compilePlan(opened.methodology, opened.thematics);
  const cases: CaseRecord[] = [];
  const errors: Diagnostic[] = [];
  for await (const input of opened.readCases(caseColumnsOf(plan))) {
    if ('record' in input) cases.push({ ...input.record } as unknown as CaseRecord);
    else errors.push(input.problem);
  }
  if (errors.length > 0) return { errors };
  const { pack: _pack, thematics: _thematics, cases: _cases, $schema: _schema, packVersion, ...rest } = opened.inspection;
  const request: ScoreRequest = {
    pack: opened.methodology.id,
    ...(packVersion !== undefined ? { packVersion } : {}),
    ...(opened.thematics.length > 0 ? { thematics: opened.thematics.map((t) => t.id) } : {}),
    ...rest,
    cases,
  };
  return { request };
}
