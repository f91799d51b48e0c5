/**
 * Synthetic inspections for ESI 2003 + EBS 2003, from a fixed seed.
 *
 * Each case's facts are drawn independently from the shares of each value in the Derbyshire
 * example's 100 cases (so the sample looks like a real one: about 60% with literacy needs, 36%
 * needing breach action …); an optional fact is left out now and then (missing facts are valid and
 * read as null). Answers are given exactly for the questions whose compiled `applies` predicate
 * holds — as scripts/generate-derbyshire.ts does — and drawn from the question's scale in the shares
 * its Derbyshire answers have (uniformly over the scale for a question Derbyshire never answers).
 *
 * Case i is the same whatever the size asked for: the first 1,000 cases of the 1,000,000 set are
 * the 1,000 set, and the files written for streaming hold the same cases as the in-memory set.
 */
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'yaml';
import type { CompiledPlan, FactRecord } from '../src/compile/compiled-plan.js';
import type { InspectionHeader } from '../src/evaluate/score-inspection.js';
import type { CaseRecord, FactValue } from '../src/model/inspection.js';
import { EXAMPLE_PATH, METHODOLOGY_PATH, THEMATIC_PATH } from './setup.js';
import { random } from '../scripts/seeded-random.js';

export { random };

/** How often an optional (not required) fact is left out of a case. */
const OMIT_OPTIONAL_SHARE = 0.05;

/** Values with cumulative shares, to draw from with one random number. */
interface Choice<T> {
  values: T[];
  cumulative: number[];
}

function choice<T>(counts: Map<T, number>): Choice<T> {
  const values = [...counts.keys()];
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  let sum = 0;
  return { values, cumulative: values.map((v) => (sum += counts.get(v)! / total)) };
}

function draw<T>(c: Choice<T>, r: number): T {
  for (let i = 0; i < c.cumulative.length - 1; i++) if (r < c.cumulative[i]!) return c.values[i]!;
  return c.values[c.values.length - 1]!;
}

interface FactSpec {
  name: string;
  required: boolean;
  values: Choice<FactValue>;
}

interface QuestionSpec {
  key: string;
  applies: ((facts: FactRecord, area: FactRecord) => boolean) | null;
  answers: Choice<string>;
}

/** What the generator draws from: learnt once from the plan and the Derbyshire cases. */
export interface CaseModel {
  facts: FactSpec[];
  questions: QuestionSpec[];
  area: FactRecord;
}

export function caseModel(plan: CompiledPlan, area: FactRecord): CaseModel {
  const rows = parseCsv<Record<string, string>>(readFileSync(join(EXAMPLE_PATH, 'cases.csv')), { columns: true, skip_empty_lines: true });
  const facts = [...plan.caseFacts].map(([name, declaration]): FactSpec => {
    const counts = new Map<FactValue, number>();
    const declared: FactValue[] = declaration.type === 'boolean' ? [true, false] : declaration.type === 'enum' ? (declaration.values ?? []) : [];
    if (declared.length === 0) throw new Error(`fact '${name}' is a ${declaration.type}; the generator draws only booleans and enums`);
    for (const v of declared) counts.set(v, 0.5); // every declared value can occur
    for (const row of rows) {
      const cell = row[name];
      if (cell === undefined || cell === '') continue;
      const value = declaration.type === 'boolean' ? cell === 'true' : cell;
      if (counts.has(value)) counts.set(value, counts.get(value)! + 1);
    }
    return { name, required: declaration.required === true, values: choice(counts) };
  });
  const questions = plan.questions.map((q): QuestionSpec => {
    if (!q.answers) throw new Error(`question ${q.key} is decided by metWhen; the generator only answers scaled questions`);
    const counts = new Map<string, number>([...q.answers.keys()].map((level) => [level, 0]));
    for (const row of rows) {
      const cell = row[q.key];
      if (cell !== undefined && counts.has(cell)) counts.set(cell, counts.get(cell)! + 1);
    }
    if ([...counts.values()].every((n) => n === 0)) for (const level of counts.keys()) counts.set(level, 1);
    return { key: q.key, applies: q.applies, answers: choice(counts) };
  });
  return { facts, questions, area };
}

export function caseId(index: number): string {
  return `S${String(index + 1).padStart(7, '0')}`;
}

/** One generated case as an NDJSON line and, when asked, as a CSV row. */
export interface CaseLine {
  json: string;
  csv: string;
}

/**
 * The cases of a synthetic inspection, one at a time, as text (case i is the same for every count).
 * Writing the text directly is much faster than building objects and serialising them, and
 * JSON.parse of it gives records shaped as a reader of NDJSON or a JSON body would give them.
 */
export function* generateCaseLines(model: CaseModel, count: number, seed: number, options: { csv: boolean }): Generator<CaseLine> {
  const rand = random(seed);
  for (let i = 0; i < count; i++) {
    const id = caseId(i);
    const facts: Record<string, FactValue> = {};
    let json = `{"id":"${id}","facts":{`;
    let csv = id;
    let first = true;
    for (const f of model.facts) {
      const omit = rand() < OMIT_OPTIONAL_SHARE && !f.required;
      const value = draw(f.values, rand());
      if (omit) {
        if (options.csv) csv += ',';
        continue;
      }
      facts[f.name] = value;
      json += `${first ? '' : ','}"${f.name}":${typeof value === 'string' ? `"${value}"` : value}`;
      if (options.csv) csv += `,${value}`;
      first = false;
    }
    json += '},"answers":{';
    first = true;
    for (const q of model.questions) {
      if (q.applies === null || q.applies(facts, model.area)) {
        const answer = draw(q.answers, rand());
        json += `${first ? '' : ','}"${q.key}":"${answer}"`;
        if (options.csv) csv += `,${answer}`;
        first = false;
      } else if (options.csv) {
        csv += ',';
      }
    }
    yield { json: `${json}}}`, csv };
  }
}

/** The cases in memory, as JSON.parse gives them. */
export function generateCaseList(model: CaseModel, count: number, seed: number): CaseRecord[] {
  const cases = new Array<CaseRecord>(count);
  let i = 0;
  for (const line of generateCaseLines(model, count, seed, { csv: false })) cases[i++] = JSON.parse(line.json) as CaseRecord;
  return cases;
}

/** Appends text to a file through a large buffer (each text copied in at once, so it never lives long). */
class BufferedFile {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
  private used = 0;
  bytes = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    if (this.used + 3 * text.length > this.buffer.length) this.flush();
    if (3 * text.length > this.buffer.length) {
      this.bytes += writeSync(this.fd, text);
      return;
    }
    this.used += this.buffer.write(text, this.used);
  }

  flush(): void {
    let written = 0;
    while (written < this.used) written += writeSync(this.fd, this.buffer, written, this.used - written);
    this.bytes += this.used;
    this.used = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export interface CaseFiles {
  ndjson: string;
  csv: string;
  ndjsonInspection: string;
  csvInspection: string;
  ndjsonBytes: number;
  csvBytes: number;
}

/**
 * Writes `count` cases to an NDJSON file and a CSV file (header: id, the case facts, the question
 * keys — thematic ones as `ebs-2003:B2.a`), and an inspection YAML for each, naming the packs by
 * absolute path and carrying the Derbyshire area facts, evidence and targets.
 */
export function writeCaseFiles(model: CaseModel, header: InspectionHeader, count: number, seed: number, folder: string): CaseFiles {
  const paths = {
    ndjson: join(folder, 'cases.ndjson'),
    csv: join(folder, 'cases.csv'),
    ndjsonInspection: join(folder, 'inspection-ndjson.yaml'),
    csvInspection: join(folder, 'inspection-csv.yaml'),
  };
  const ndjson = new BufferedFile(paths.ndjson);
  const csv = new BufferedFile(paths.csv);
  csv.write(`${['id', ...model.facts.map((f) => f.name), ...model.questions.map((q) => q.key)].join(',')}\n`);
  for (const line of generateCaseLines(model, count, seed, { csv: true })) {
    ndjson.write(`${line.json}\n`);
    csv.write(`${line.csv}\n`);
  }
  ndjson.close();
  csv.close();
  const inspection = (file: string) => ({
    pack: METHODOLOGY_PATH,
    ...(header.packVersion !== undefined ? { packVersion: header.packVersion } : {}),
    thematics: [THEMATIC_PATH],
    area: header.area,
    evidence: header.evidence,
    targets: header.targets,
    ...(header.adjustments ? { adjustments: header.adjustments } : {}),
    cases: { file },
  });
  writeFileSync(paths.ndjsonInspection, stringify(inspection('cases.ndjson')));
  writeFileSync(paths.csvInspection, stringify(inspection('cases.csv')));
  return { ...paths, ndjsonBytes: ndjson.bytes, csvBytes: csv.bytes };
}
