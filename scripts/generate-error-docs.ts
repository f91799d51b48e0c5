/**
 * Writes docs/errors.md: every error code of ERROR_CODES with what it means, a minimal input that
 * produces it, what the tool prints for it (captured by running the built `criteria` command on
 * that input, never written by hand) and how to mend it. Run: npx tsx scripts/generate-error-docs.ts
 * (it builds dist/ first when dist/ is older than src/). `--check` compares instead of writing.
 *
 * Each example starts from a small valid methodology (BASE_PACK), inspection and case file, and
 * changes one thing; the snippet shown is the changed text, and must appear in the files run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ERROR_CODES, type ErrorCode } from '../src/model/errors.js';

const REPO = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');

/** Writes the rows of a DuckDB query to a Parquet file (with the DuckDB package, in a child process: this script is synchronous there). */
function writeParquet(file: string, select: string): void {
  const copy = `COPY (${select}) TO '${file.replaceAll("'", "''")}' (FORMAT parquet)`;
  const script = `import { DuckDBInstance } from '@duckdb/node-api'; const db = await DuckDBInstance.create(':memory:'); await (await db.connect()).run(${JSON.stringify(copy)});`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the Parquet example could not be written: ${run.stderr}`);
}
export const DOC_PATH = join(REPO, 'docs/errors.md');

export const BASE_PACK = `kind: methodology
id: example
version: 1.0.0
title: Example inspection
status: draft
facts:
  case:
    risk: { type: enum, values: [low, high], required: true }
    age: { type: number }
  area:
    toolInUse: { type: boolean }
scales:
  answer:
    levels: [{ id: yes, label: Yes }, { id: no, label: No }]
    met: [yes]
    notApplicable: { id: na, label: N/A }
  grade:
    levels: [{ id: good, label: Good }, { id: poor, label: Poor }]
  status:
    levels: [{ id: met, label: Met }, { id: near, label: Nearly met }, { id: missed, label: Not met }]
weightClasses: { heavy: 2, light: 1 }
conditions:
  highRisk: { fact: risk, operator: equal, value: high }
bandSets:
  bands:
    scale: grade
    rules:
      - { level: good, when: { fact: score, operator: greaterThanInclusive, value: 75 } }
    otherwise: poor
criteria:
  - id: C1
    title: Casework
    kind: sample
    weight: heavy
    band: bands
    adjustable: [band]
    questions:
      - { id: C1.1, text: Assessed on time, scale: answer }
      - { id: C1.2, text: Plan made for high risk, scale: answer, appliesWhen: { condition: highRisk } }
      - { id: C1.3, text: Seen by someone under 60, metWhen: { fact: age, operator: lessThan, value: 60 } }
  - id: E1
    title: Management
    kind: evidence
    itemScale: grade
    score: { method: shareAtLeast, level: good }
    items:
      - { id: E1.1, text: Plans exist }
  - id: T1
    title: Targets
    kind: targets
    weight: light
    statuses: { scale: status, met: met, nearlyMet: near, notMet: missed }
    score: { method: shareAtLeast, level: near }
    measures:
      - { id: T1.1, measure: Orders started on time, unit: '%', direction: higher, target: 90, tolerance: 5 }
  - id: D1
    title: Value for money
    kind: direct
    weight: light
sections:
  - { id: S1, title: Casework, criteria: [C1, D1], score: { method: weightedMean }, weight: 1 }
  - { id: S2, title: Management, criteria: [E1, T1], score: { method: weightedMean }, weight: 1 }
overall: { title: Overall, score: { method: weightedMean } }
rounding: { mode: halfUp, digits: 0, at: [criterion, section, overall] }
`;

export const BASE_INSPECTION = `pack: pack
area: { name: Testshire, facts: { toolInUse: true } }
evidence: { E1.1: good }
targets: { T1.1: { value: 88 } }
scores: { D1: 70 }
cases: { file: cases.csv }
`;

export const BASE_CASES = `id,risk,age,C1.1,C1.2
c1,high,30,yes,no
c2,low,70,na,
`;

export const BASE_THEMATIC = `kind: thematic
id: theme
version: 1.0.0
title: A thematic
status: draft
attachesTo: { methodology: example, versions: ^1.0.0, path: ../pack }
criteria:
  - id: H1
    title: Theme
    kind: sample
    questions:
      - { id: H1.1, text: Theme addressed, scale: answer }
sections:
  - { id: H, title: Theme, criteria: [H1], score: { method: pooled } }
rounding: { mode: halfUp, digits: 0, at: [section] }
`;

/** Writers an example left running in the background (FILE_CHANGED's), stopped before the examples' folder is removed. */
const WRITERS = new Set<ReturnType<typeof spawn>>();

function stopWriters(): void {
  for (const writer of WRITERS) {
    try {
      // Detached: the writer leads its own process group (timeout, sh and the loop).
      if (writer.pid !== undefined) process.kill(-writer.pid, 'SIGKILL');
    } catch {
      // Already ended.
    }
  }
  WRITERS.clear();
}

/** One example: changes to the base files, the command run, what to show and how to mend. */
export interface Example {
  code: ErrorCode;
  /** Text replacements in pack/pack.yaml, inspection.yaml, cases.csv or thematic/pack.yaml. */
  pack?: Array<[string, string]>;
  inspection?: Array<[string, string]>;
  cases?: Array<[string, string]>;
  thematic?: Array<[string, string]>;
  /** Further files (or whole replacements), by path in the example's folder; a function writes one itself. */
  files?: Record<string, string | Buffer | ((dir: string) => void)>;
  /** The command's arguments, run in the example's folder. Defaults to `validate pack` for pack changes, else `score inspection.yaml`. */
  run?: string[];
  /** The input shown in the document, and its language; by default the replacing text of the first change. */
  snippet?: string;
  lang?: 'yaml' | 'csv' | 'json' | 'ndjson' | 'sh' | 'text';
  /** Where the snippet is, as shown above it. */
  where?: string;
  /** How to mend it. */
  mend: string;
  /** The pattern of the printed block, when it does not carry the code (pack tests print FAIL lines). */
  printed?: RegExp;
}

export const EXAMPLES: Example[] = [
  // Reading files
  {
    code: 'FILE_NOT_FOUND',
    pack: [['status: draft\n', 'status: draft\ninclude: [sections.yaml]\n']],
    mend: 'Check the path and its spelling; paths in `include`, `pack:`, `thematics:` and `cases: { file }` are relative to the file that names them.',
  },
  {
    code: 'FILE_UNREADABLE',
    pack: [['status: draft\n', 'status: draft\ninclude: [parts]\n']],
    files: { 'pack/parts/readme.txt': 'a folder, not a file\n' },
    where: 'pack/pack.yaml (parts is a folder)',
    mend: 'Name a file, not a folder, and check that you may read it.',
  },
  {
    code: 'FILE_TOO_LARGE',
    files: { 'pack/pack.yaml': (dir) => writeFileSync(join(dir, 'pack/pack.yaml'), `${BASE_PACK}padding: [${Array(300_001).fill('0').join(',')}]\n`) },
    snippet: 'padding: [0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, … 300,001 values …]',
    where: 'pack/pack.yaml (a file over 10 MB, or with more than 300,000 line breaks, commas, colons and brackets)',
    mend: 'Split the file: a pack can `include` further files; a large case sample belongs in a CSV or NDJSON file, which is read as a stream.',
  },
  {
    code: 'EMPTY_FILE',
    files: { 'pack/pack.yaml': '# nothing but a comment\n' },
    snippet: '# nothing but a comment',
    mend: 'Write the content: a pack root starts with `kind`, `id`, `version`, `title` and `status`.',
  },
  {
    code: 'NOT_UTF8',
    files: { 'pack/pack.yaml': Buffer.from(BASE_PACK.replace('title: Example inspection', 'title: Caf\u00e9 inspection'), 'latin1') },
    snippet: 'title: Café inspection      # é saved as the single Latin-1 byte 0xE9',
    mend: 'Save the file as UTF-8 (any editor can convert it); a byte order mark is fine.',
  },
  {
    code: 'YAML_SYNTAX',
    pack: [['weightClasses: { heavy: 2, light: 1 }', 'weightClasses: { heavy: 2, light: 1']],
    mend: 'Mend the YAML at the place shown: close brackets and quotes, indent with spaces, and put a space after each `:`.',
  },
  {
    code: 'YAML_DUPLICATE_KEY',
    pack: [['title: Example inspection\n', 'title: Example inspection\ntitle: Another title\n']],
    mend: 'Keep one of the two entries, or rename one.',
  },
  {
    code: 'YAML_UNKNOWN_TAG',
    pack: [['title: Example inspection', 'title: !include title.txt']],
    mend: 'Remove the tag: packs and inspections hold plain strings, numbers, booleans, null, mappings and lists.',
  },
  {
    code: 'YAML_ALIAS_LIMIT',
    files: {
      'pack/pack.yaml': `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n`,
    },
    snippet:
      'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    mend: 'Write the values out; aliases may expand at most 100 times in a file.',
  },
  {
    code: 'YAML_TOO_DEEP',
    files: { 'pack/pack.yaml': `nested: ${'['.repeat(101)}${']'.repeat(101)}\n` },
    snippet: `nested: ${'['.repeat(101)}${']'.repeat(101)}`,
    mend: 'Flatten the structure: mappings and lists may nest 100 levels deep.',
  },
  {
    code: 'YAML_KEY_NOT_TEXT',
    pack: [['weightClasses: { heavy: 2, light: 1 }', 'weightClasses: { heavy: 2, light: 1, 2.10: 3 }']],
    mend: "Quote the key ('2.10'): YAML reads 2.10 as the number 2.1, 007 as 7 and ~ as null.",
  },
  {
    code: 'YAML_MULTIPLE_DOCUMENTS',
    files: { 'pack/pack.yaml': `${BASE_PACK}---\nkind: methodology\n` },
    snippet: 'rounding: { mode: halfUp, digits: 0, at: [criterion, section, overall] }\n---\nkind: methodology',
    mend: 'Keep one document per file: remove the `---` line and what follows, or move it to a file of its own (and `include` it).',
  },
  {
    code: 'JSON_SYNTAX',
    files: { 'pack/pack.json': '{\n  "kind": "methodology",\n  "id": "example",\n}\n' },
    run: ['validate', 'pack/pack.json'],
    snippet: '{\n  "kind": "methodology",\n  "id": "example",\n}',
    lang: 'json',
    where: 'pack/pack.json',
    mend: 'Mend the JSON: keys and strings in double quotes, commas between entries and none after the last, no comments.',
  },
  {
    code: 'FORBIDDEN_KEY',
    pack: [['weightClasses: { heavy: 2, light: 1 }', 'weightClasses: { heavy: 2, light: 1, __proto__: 3 }']],
    mend: 'Rename the key: `__proto__`, `constructor` and `prototype` could tamper with objects, and no id, fact or name may be one of them.',
  },
  {
    code: 'READ_OUTSIDE_ROOT',
    inspection: [['cases: { file: cases.csv }', 'cases: { file: /etc/hostname }']],
    run: ['score', 'inspection.yaml', '--root', '.'],
    snippet: 'cases: { file: /etc/hostname }',
    where: 'inspection.yaml',
    mend: 'Name files inside the folder given with `--root` (symbolic links are followed to where they lead). A deployment that scores inspections it did not write (the scoring service) confines reads to its data folder, so that an inspection cannot name a file of the machine and have its content quoted back; whether a file outside exists is not said. In the library, the option is `root` of `openInspection` and `scoreInspectionFile` (and of `loadPack`).',
  },
  {
    code: 'INCLUDE_OUTSIDE_PACK',
    pack: [['status: draft\n', 'status: draft\ninclude: [../shared/scales.yaml]\n']],
    files: { 'shared/scales.yaml': 'scales: {}\n' },
    mend: "Keep a pack's files in its folder (or beneath it) and include them by paths relative to the root file.",
  },
  {
    code: 'INCLUDE_TWICE',
    pack: [['status: draft\n', 'status: draft\ninclude: [more.yaml, ./more.yaml]\n']],
    files: { 'pack/more.yaml': 'weightClasses: { tiny: 0.5 }\n' },
    mend: 'List each file once in `include`.',
  },
  // Shape
  {
    code: 'SCHEMA_REQUIRED',
    pack: [['title: Example inspection\n', '']],
    snippet: 'kind: methodology\nid: example\nversion: 1.0.0\nstatus: draft',
    mend: 'Add the property; the hint says what it is for.',
  },
  {
    code: 'SCHEMA_UNKNOWN_PROPERTY',
    pack: [['  - id: E1\n    title: Management', '  - id: E1\n    titel: Management']],
    mend: 'Rename it to one of the allowed properties (a near miss is suggested), or remove it.',
  },
  {
    code: 'SCHEMA_TYPE',
    pack: [['weightClasses: { heavy: 2, light: 1 }', "weightClasses: { heavy: '2', light: 1 }"]],
    mend: 'Write a value of the type asked for: here a number, without quotes.',
  },
  { code: 'SCHEMA_ENUM', pack: [['status: draft', 'status: final']], mend: 'Use one of the values the hint lists.' },
  {
    code: 'SCHEMA_PATTERN',
    pack: [['version: 1.0.0', "version: '1.0'"]],
    mend: 'Write the value in the form asked for: versions are semantic versions (1.0.0), ids letters, digits and `._()-`.',
  },
  {
    code: 'SCHEMA_RANGE',
    pack: [['digits: 0,', 'digits: 7,']],
    mend: 'Use a value within the range the hint gives; numbers must also be finite (1e309 and .inf are not).',
  },
  {
    code: 'SCHEMA_INVALID',
    pack: [['    age: { type: number }', '    age: { type: number, values: [young, old] }']],
    mend: 'Make the value fit what its place allows: here, `values` belongs to enum facts only.',
  },
  // Meaning
  {
    code: 'DUPLICATE_ID',
    pack: [['  - id: E1\n', '  - id: C1\n']],
    snippet: '  - id: C1\n    title: Casework\n    ...\n  - id: C1\n    title: Management',
    mend: 'Give each section, criterion, question, evidence item and measure an id of its own (they share one namespace).',
  },
  {
    code: 'UNKNOWN_CRITERION',
    pack: [['criteria: [C1, D1]', 'criteria: [C1, D2]']],
    mend: 'Name a criterion the pack declares (the hint lists them), or declare it.',
  },
  {
    code: 'UNKNOWN_SCALE',
    pack: [['{ id: C1.1, text: Assessed on time, scale: answer }', '{ id: C1.1, text: Assessed on time, scale: answers }']],
    mend: 'Name a declared scale, or declare it under `scales`.',
  },
  { code: 'UNKNOWN_LEVEL', pack: [['    met: [yes]', '    met: [yess]']], mend: 'Use a level of the scale (the hint lists them).' },
  {
    code: 'UNKNOWN_FACT',
    pack: [['highRisk: { fact: risk,', 'highRisk: { fact: riks,']],
    mend: 'Declare the fact under `facts.case` or `facts.area`, or correct its name.',
  },
  {
    code: 'UNKNOWN_OPERATOR',
    pack: [['highRisk: { fact: risk, operator: equal,', 'highRisk: { fact: risk, operator: equals,']],
    mend: "Use one of json-rules-engine's ten default operators; decorators such as `everyFact:` are not allowed.",
  },
  {
    code: 'UNKNOWN_CONDITION',
    pack: [['appliesWhen: { condition: highRisk }', 'appliesWhen: { condition: highRsk }']],
    mend: 'Name a condition declared under `conditions`, or declare it.',
  },
  {
    code: 'CONDITION_CYCLE',
    pack: [
      [
        '  highRisk: { fact: risk, operator: equal, value: high }',
        '  highRisk: { any: [{ condition: urgent }] }\n  urgent: { all: [{ condition: highRisk }] }',
      ],
    ],
    mend: 'Break the circle: write one of the conditions without referring back.',
  },
  {
    code: 'CONDITION_SHAPE',
    pack: [['highRisk: { fact: risk, operator: equal, value: high }', 'highRisk: { fact: risk, operator: equal, value: high, priority: 1 }']],
    mend: 'Write the condition as `all`, `any`, `not`, `condition: name`, or `fact`, `operator` and `value`. A condition may also not grow past 1,000 comparisons or 100 levels through the named conditions it refers to.',
  },
  {
    code: 'PATH_NOT_ALLOWED',
    pack: [['highRisk: { fact: risk, operator: equal, value: high }', 'highRisk: { fact: risk, operator: equal, value: high, path: $.level }']],
    mend: 'Declare the value as a fact of its own and compare that fact.',
  },
  {
    code: 'VALUE_TYPE',
    pack: [['highRisk: { fact: risk, operator: equal, value: high }', 'highRisk: { fact: risk, operator: equal, value: hihg }']],
    mend: "Compare with a value of the fact's type: one of an enum's values, a number for a number fact, a list for `in` and `notIn`.",
  },
  {
    code: 'UNKNOWN_WEIGHT_CLASS',
    pack: [['    weight: heavy\n', '    weight: heavey\n']],
    mend: 'Name a declared weight class (a near miss is suggested), or give a number.',
  },
  { code: 'UNKNOWN_BAND_SET', pack: [['    band: bands\n', '    band: band\n']], mend: 'Name a band set declared under `bandSets`.' },
  {
    code: 'BAD_WEIGHT',
    pack: [['weightClasses: { heavy: 2, light: 1 }', 'weightClasses: { heavy: 2, light: 0 }']],
    mend: 'Give a weight above 0 (leave a part out of a mean by giving it no weight).',
  },
  {
    code: 'EMPTY_SCALE',
    pack: [['    levels: [{ id: good, label: Good }, { id: poor, label: Poor }]', '    levels: []']],
    mend: 'List the levels, best first.',
  },
  {
    code: 'KIND_MISMATCH',
    pack: [['    kind: evidence\n', '    kind: sample\n']],
    mend: 'Give the criterion what its kind needs (sample: questions; evidence: itemScale and items; targets: statuses and measures; direct: nothing) and nothing another kind uses.',
  },
  {
    code: 'CRITERION_UNUSED',
    pack: [['criteria: [E1, T1]', 'criteria: [E1]']],
    mend: "List the criterion in a section, name it as an evidence item's `from`, or remove it.",
  },
  { code: 'CRITERION_SHARED', pack: [['criteria: [E1, T1]', 'criteria: [E1, T1, D1]']], mend: 'List each criterion in one section only.' },
  {
    code: 'FROM_CYCLE',
    pack: [
      ['      - { id: E1.1, text: Plans exist }', '      - { id: E1.1, text: Plans exist }\n      - { id: E1.2, text: As E2 is, from: E2 }'],
      [
        '  - id: T1\n',
        '  - id: E2\n    title: Mirror\n    kind: evidence\n    itemScale: grade\n    band: { combine: lowest }\n    items:\n      - { id: E2.1, text: As E1 is, from: E1 }\n  - id: T1\n',
      ],
      [
        '    score: { method: shareAtLeast, level: good }\n    items:',
        '    score: { method: shareAtLeast, level: good }\n    band: { combine: lowest }\n    items:',
      ],
    ],
    snippet:
      '  - id: E1\n    ...\n    items:\n      - { id: E1.2, text: As E2 is, from: E2 }\n  - id: E2\n    ...\n    items:\n      - { id: E2.1, text: As E1 is, from: E1 }',
    mend: 'Break the circle: one of the criteria must be rated by the inspectors, not take its level from the other.',
  },
  {
    code: 'SCALE_MISMATCH',
    pack: [
      ['      - { id: E1.1, text: Plans exist }', '      - { id: E1.1, text: Plans exist }\n      - { id: E1.2, text: Targets met, from: T1 }'],
      ['    statuses: { scale: status,', '    band: { combine: lowest }\n    statuses: { scale: status,'],
    ],
    snippet:
      '  - id: E1\n    itemScale: grade\n    items:\n      - { id: E1.2, text: Targets met, from: T1 }\n  - id: T1\n    band: { combine: lowest }      # the lowest status: a level of scale status, not grade',
    mend: "Use levels of one scale: an item taking its level `from` a criterion must be rated on that criterion's band scale; a band set's inputScale must be the scale its uses count.",
  },
  {
    code: 'BAD_TEMPLATE',
    pack: [
      [
        '{ id: S1, title: Casework, criteria: [C1, D1], score: { method: weightedMean }, weight: 1 }',
        "{ id: S1, title: Casework, criteria: [C1, D1], score: { method: weightedMean }, weight: 1, summary: 'Casework scored {scor}' }",
      ],
    ],
    mend: 'Use the placeholders the hint lists: {rated}, {count:LEVEL}, {score}, {percent}, {band}, {points}.',
  },
  {
    code: 'BAD_AGGREGATION',
    pack: [['criteria: [E1, T1], score: { method: weightedMean }, weight: 1', 'criteria: [E1, T1], score: { method: pooled, level: good }, weight: 1']],
    mend: 'Use a score method that works where it is used: shareAtLeast needs levels to count and a level; a weighted mean needs weighted parts.',
  },
  {
    code: 'BAD_VERSION_RANGE',
    thematic: [['versions: ^1.0.0', 'versions: latest']],
    run: ['validate', 'thematic'],
    where: 'thematic/pack.yaml',
    mend: 'Write a semver range such as ^1.0.0, ~1.2.0 or >=1.0.0 <2.0.0.',
  },
  {
    code: 'THEMATIC_ONLY',
    pack: [['status: draft\n', 'status: draft\nattachesTo: { methodology: other, versions: ^1.0.0 }\n']],
    mend: "Remove `attachesTo` from a methodology (or make the pack `kind: thematic`); an inspection's `pack:` must be a methodology.",
  },
  {
    code: 'THEMATIC_INCOMPATIBLE',
    thematic: [['versions: ^1.0.0', 'versions: ^2.0.0']],
    run: ['validate', 'thematic'],
    where: 'thematic/pack.yaml',
    mend: 'Check the thematic with a methodology version in its range, or widen `attachesTo.versions` once it has been checked against this one.',
  },
  {
    code: 'METHODOLOGY_NOT_FOUND',
    thematic: [['path: ../pack', 'path: ../methodology']],
    run: ['validate', 'thematic'],
    where: 'thematic/pack.yaml',
    mend: "Correct `attachesTo.path`: the methodology's folder, relative to the thematic's root file.",
  },
  // Inspection data
  {
    code: 'INSPECTION_PACK_VERSION',
    inspection: [['pack: pack\n', 'pack: pack\npackVersion: ^2.0.0\n']],
    mend: 'Score it with a pack version in the range, or update `packVersion` after checking what changed (`criteria diff`).',
  },
  {
    code: 'UNKNOWN_THEMATIC',
    inspection: [['cases: { file: cases.csv }', 'cases:\n  - { id: c1, facts: { risk: low }, answers: { C1.1: yes, theme:H1.1: yes } }']],
    mend: 'List the thematic under `thematics:`, or remove its answers and ratings.',
  },
  {
    code: 'AREA_FACT',
    inspection: [['facts: { toolInUse: true }', "facts: { toolInUse: 'yes' }"]],
    mend: "Give the area's facts by their declared names, with values of their types; give every required one.",
  },
  {
    code: 'EVIDENCE_UNKNOWN_ITEM',
    inspection: [['evidence: { E1.1: good }', 'evidence: { E1.1: good, E1.9: good }']],
    mend: "Rate only the evidence items the pack has (a thematic's prefixed with its id and a colon).",
  },
  {
    code: 'EVIDENCE_MISSING',
    inspection: [['evidence: { E1.1: good }', 'evidence: {}']],
    mend: "Rate every counted item; use the scale's not-applicable level where one does not apply.",
  },
  {
    code: 'EVIDENCE_BAD_LEVEL',
    inspection: [['evidence: { E1.1: good }', 'evidence: { E1.1: excellent }']],
    mend: "Use a level of the item's scale (or its not-applicable value).",
  },
  {
    code: 'TARGET_UNKNOWN',
    inspection: [['targets: { T1.1: { value: 88 } }', 'targets: { T1.1: { value: 88 }, T1.2: { value: 5 } }']],
    mend: 'Give figures only for the measures the pack has.',
  },
  {
    code: 'TARGET_MISSING',
    inspection: [['targets: { T1.1: { value: 88 } }', 'targets: {}']],
    mend: 'Give every measure its figure: `targets: { <id>: { value: … } }`.',
  },
  {
    code: 'TARGET_NO_TARGET',
    pack: [['direction: higher, target: 90, tolerance: 5', 'direction: higher, tolerance: 5']],
    run: ['score', 'inspection.yaml'],
    snippet: "      - { id: T1.1, measure: Orders started on time, unit: '%', direction: higher, tolerance: 5 }",
    where: 'pack/pack.yaml (and no target in the inspection)',
    mend: 'Give the measure a target in the pack, or a `target` beside its value in the inspection.',
  },
  {
    code: 'SCORE_UNKNOWN',
    inspection: [['scores: { D1: 70 }', 'scores: { D1: 70, C1: 50 }']],
    mend: 'Give scores only to `direct` criteria, as numbers from 0 to 100.',
  },
  { code: 'SCORE_MISSING', inspection: [['scores: { D1: 70 }', 'scores: {}']], mend: 'Give every direct criterion its score: `scores: { <id>: <0–100> }`.' },
  {
    code: 'ADJUSTMENT_UNKNOWN',
    inspection: [['scores: { D1: 70 }\n', 'scores: { D1: 70 }\nadjustments: [{ id: C9, band: good, reason: Second visit }]\n']],
    mend: "Name a criterion, section or `overall` of the pack (a thematic's prefixed with its id and a colon).",
  },
  {
    code: 'ADJUSTMENT_NOT_ALLOWED',
    inspection: [['scores: { D1: 70 }\n', 'scores: { D1: 70 }\nadjustments: [{ id: C1, score: 80, reason: Second visit }]\n']],
    mend: "Adjust only what the pack lists under the result's `adjustable` (here C1 allows its band only).",
  },
  {
    code: 'ADJUSTMENT_BAD_LEVEL',
    inspection: [['scores: { D1: 70 }\n', 'scores: { D1: 70 }\nadjustments: [{ id: C1, band: excellent, reason: Second visit }]\n']],
    mend: "Give a level of the result's band scale.",
  },
  {
    code: 'NO_CASES',
    files: { 'cases.csv': 'id,risk,age,C1.1,C1.2\n' },
    snippet: 'id,risk,age,C1.1,C1.2',
    lang: 'csv',
    where: 'cases.csv (a header and no rows)',
    mend: 'Give the cases: rows under the CSV header, lines of NDJSON, or `cases:` in the inspection (an empty list written there is taken as meant).',
  },
  {
    code: 'CASES_NOT_SCORED',
    cases: [['c2,low,70,na,\n', 'c2,medium,70,na,\n']],
    snippet: 'c2,medium,70,na,',
    where: 'cases.csv (one case with a problem)',
    mend: 'Mend each case as the entries above the summary say, or score with `--exclude-invalid` (`excludeInvalid: true` in the library) to leave the bad cases out; the result then lists them and why. Counting diagnostics by code counts each problem once: the summary has a code of its own.',
  },
  { code: 'CASE_DUPLICATE_ID', cases: [['c2,low,70,na,\n', 'c1,low,70,na,\n']], mend: 'Give every case a unique id.' },
  { code: 'CASE_MISSING_ID', cases: [['c2,low,70,na,\n', ',low,70,na,\n']], mend: 'Give every case an id.' },
  {
    code: 'CASE_BAD_ID',
    cases: [['c2,low,70,na,\n', 'c1 ,low,70,na,\n']],
    mend: 'Write the id without spaces at its ends and without invisible or control characters (zero-width spaces, direction marks, byte order marks), in Unicode NFC form, as most editors save text. Ids that only look alike would otherwise count as different cases; under this rule they are refused, or are the same id (and then CASE_DUPLICATE_ID).',
  },
  {
    code: 'CASE_UNKNOWN_FACT',
    inspection: [['cases: { file: cases.csv }', 'cases:\n  - { id: c1, facts: { risk: low, mood: cheerful }, answers: { C1.1: yes } }']],
    mend: 'Give only declared case facts (the hint lists them), or declare the fact in the pack.',
  },
  { code: 'CASE_MISSING_FACT', cases: [['c2,low,70,na,\n', 'c2,,70,na,\n']], mend: 'Give every required fact for every case.' },
  {
    code: 'CASE_BAD_VALUE',
    cases: [['c2,low,70,na,\n', 'c2,medium,70,na,\n']],
    mend: "Give a value of the fact's type: one of an enum's values, a finite number within its bounds, true or false, a date YYYY-MM-DD.",
  },
  {
    code: 'CASE_UNKNOWN_QUESTION',
    inspection: [['cases: { file: cases.csv }', 'cases:\n  - { id: c1, facts: { risk: low }, answers: { C1.1: yes, C1.9: no } }']],
    mend: "Answer only questions the pack has (a thematic's prefixed with its id and a colon).",
  },
  {
    code: 'CASE_ANSWER_OFF_SCALE',
    cases: [['c2,low,70,na,\n', 'c2,low,70,maybe,\n']],
    mend: "Answer with a level of the question's scale or its not-applicable value.",
  },
  {
    code: 'CASE_MISSING_ANSWER',
    cases: [['c1,high,30,yes,no\n', 'c1,high,30,yes,\n']],
    mend: 'Answer every question that applies to the case (with the not-applicable value where the scale has one).',
  },
  {
    code: 'CASE_ANSWER_NOT_APPLICABLE',
    cases: [['c2,low,70,na,\n', 'c2,low,70,na,yes\n']],
    mend: "Remove the answer, or correct the case's facts: the question applies only when its `appliesWhen` holds.",
  },
  {
    code: 'CASE_ANSWER_NOT_ASKED',
    inspection: [['cases: { file: cases.csv }', 'cases:\n  - { id: c1, facts: { risk: low, age: 40 }, answers: { C1.1: yes, C1.3: yes } }']],
    mend: "Remove the answer: the question is decided by the case's facts (`metWhen`).",
  },
  {
    code: 'CSV_SYNTAX',
    cases: [['c2,low,70,na,\n', 'c2,low,70,na\n']],
    mend: 'Give every row one cell per header column, quote cells that hold commas or line breaks, and close every quote.',
  },
  {
    code: 'CSV_HEADER',
    cases: [['id,risk,age,C1.1,C1.2\n', 'case,risk,age,C1.1,C1.2\n']],
    mend: 'Start with a header row: `id`, then a column per declared case fact and per question id.',
  },
  // Counting where the data lives
  {
    code: 'SQL_CONNECTION',
    inspection: [['cases: { file: cases.csv }', 'cases: { database: CASES_DB, table: cases }']],
    run: ['score', 'inspection.yaml', '--engine', 'postgres'],
    mend: 'Set the environment variable the inspection names to the connection URL (`CASES_DB=postgres://user@host:5432/db`), and check that the server runs and accepts the connection.',
  },
  {
    code: 'SQL_SOURCE',
    inspection: [['cases: { file: cases.csv }', 'cases: { file: cases.parquet }']],
    files: { 'cases.parquet': 'PAR1' },
    mend: 'Score a Parquet file or a database table with `--engine duckdb` or `--engine postgres`; check that the file, table or view exists and that the query runs (`criteria sql` prints what is run).',
  },
  {
    code: 'SQL_COLUMN',
    // A Parquet file (a CSV's header is checked as the interpreter checks it: CSV_HEADER).
    inspection: [['cases: { file: cases.csv }', 'cases: { file: cases.parquet }']],
    files: {
      'cases.parquet': (dir) => writeParquet(join(dir, 'cases.parquet'), `SELECT 'c1' AS "case", 'high' AS risk, 30 AS age, 'yes' AS "C1.1", 'no' AS "C1.2"`),
    },
    run: ['score', 'inspection.yaml', '--engine', 'duckdb'],
    snippet: 'cases: { file: cases.parquet }   # its columns: case, risk, age, C1.1, C1.2',
    lang: 'yaml',
    mend: 'Give the table the columns of the CSV case format: `id`, a column per case fact, a column per question id (select and rename them in a view or a query), of types that hold one value each.',
  },
  {
    code: 'SQL_UNSUPPORTED',
    pack: [['values: [low, high]', 'values: [low, high, "hi\\0gh"]']],
    run: ['sql', 'pack'],
    mend: 'Rename the value or name that holds a NUL character (SQL text cannot carry one), or score with the interpreter.',
  },
  // Running
  {
    code: 'USAGE',
    run: ['explain', 'inspection.yaml'],
    snippet: 'criteria explain inspection.yaml',
    lang: 'sh',
    mend: 'Give the command what it needs (see `criteria <command> --help`). Usage errors exit 2; naming a result the inspection does not have (`criteria explain inspection.yaml C9`) is USAGE too. Under `--format json` a usage error is `{ "errors": [ … ] }` on standard error, like every other error.',
  },
  {
    code: 'OUTPUT_WRITE',
    run: ['score', 'inspection.yaml', '--out', 'no-such-folder/result.json'],
    snippet: 'criteria score inspection.yaml --out no-such-folder/result.json',
    lang: 'sh',
    mend: 'Write to a folder that exists and that you may write to.',
  },
  {
    code: 'LINE_TOO_LONG',
    files: { 'cases.csv': (dir: string) => writeFileSync(join(dir, 'cases.csv'), `${BASE_CASES}c3,low,70,${'x'.repeat(1_100_000)}\n`) },
    snippet: 'id,risk,age,C1.1,C1.2\nc1,high,30,yes,no\nc2,low,70,na,\nc3,low,70,xxxxxxxx… (1,100,000 characters on one line)',
    lang: 'csv',
    mend: 'Check that the file is a CSV or NDJSON file of cases with one record per line: a line of a case file may have at most 1,048,576 characters, far more than any case needs, so that a file with no line breaks (or the wrong file) stops at once instead of being read whole into memory.',
  },
  {
    code: 'FILE_CHANGED',
    // A writer appends to the case file for the length of the run (and stops by itself).
    files: {
      'cases.csv': (dir: string) => {
        writeFileSync(join(dir, 'cases.csv'), BASE_CASES);
        const writer = spawn('timeout', ['20', 'sh', '-c', 'while :; do echo "g$$-$RANDOM,low,40,yes," >> cases.csv; done'], {
          cwd: dir,
          stdio: 'ignore',
          detached: true,
        });
        writer.unref();
        WRITERS.add(writer);
      },
    },
    run: ['score', 'inspection.yaml', '--workers', '2'],
    snippet: 'while :; do echo "g$RANDOM,low,40,yes," >> cases.csv; done &\ncriteria score inspection.yaml --workers 2',
    lang: 'sh',
    mend: "Score a file that nothing is writing to: wait for the writer to finish, or score a copy. A run compares the case file's size, time and identity before and after reading it, and the bytes it read; the cases counted must be the bytes hashed, on one thread or on several.",
  },
  {
    code: 'OUTPUT_IS_INPUT',
    run: ['score', 'inspection.yaml', '--out', 'cases.csv'],
    snippet: 'criteria score inspection.yaml --out cases.csv',
    lang: 'sh',
    mend: 'Name another file. `--out` never writes over the inspection, its case file or a file of its packs (also through another name or a link); the input is left as it was.',
  },
  {
    code: 'OUTPUT_NOT_FILE',
    run: ['score', 'inspection.yaml', '--out', 'pack'],
    snippet: 'criteria score inspection.yaml --out pack',
    lang: 'sh',
    mend: 'Name a regular file (new, or one to replace). `--out` refuses folders, devices (`/dev/null` too), FIFOs and symbolic links to any of them or to nothing; to send the output to a pipe or a device, leave out `--out` and redirect standard output. A symbolic link to a regular file is kept and written through.',
  },
  {
    code: 'OUTPUT_READ_ONLY',
    files: {
      'result.json': (dir: string) => {
        writeFileSync(join(dir, 'result.json'), '{}\n');
        chmodSync(join(dir, 'result.json'), 0o444);
      },
    },
    run: ['score', 'inspection.yaml', '--out', 'result.json'],
    snippet: 'chmod a-w result.json\ncriteria score inspection.yaml --out result.json',
    lang: 'sh',
    mend: 'Make the file writable (`chmod u+w result.json`) if it may be replaced, or name another file. A file `--out` replaces keeps its permission bits (a 0600 report stays 0600).',
  },
  {
    code: 'OUTPUT_LINKED',
    files: {
      'result.json': (dir: string) => {
        writeFileSync(join(dir, 'result.json'), '{}\n');
        linkSync(join(dir, 'result.json'), join(dir, 'archive.json'));
      },
    },
    run: ['score', 'inspection.yaml', '--out', 'result.json'],
    snippet: 'ln result.json archive.json\ncriteria score inspection.yaml --out result.json',
    lang: 'sh',
    mend: 'Name another file, or remove the other links first. `--out` writes a new file and renames it into place, so that a run cut short never leaves half a report; that would cut the hard links, so it refuses instead.',
  },
  {
    code: 'TEST_FAILED',
    files: { 'pack/tests/basic.yaml': 'tests:\n  - name: casework scores 60\n    inspection: ../../inspection.yaml\n    expect:\n      C1: { score: 60 }\n' },
    run: ['test', 'pack'],
    snippet: 'tests:\n  - name: casework scores 60\n    inspection: ../../inspection.yaml\n    expect:\n      C1: { score: 60 }',
    where: 'pack/tests/basic.yaml',
    printed: /^ {2}FAIL /m,
    mend: 'Correct the expectation, or the pack: the line under FAIL gives the value expected and the value got. In `criteria test --format json` a failed test carries `code: TEST_FAILED`.',
  },
  {
    code: 'TEST_INVALID',
    files: {
      'pack/tests/basic.yaml': 'tests:\n  - name: no area, no cases\n    inspection: { evidence: { E1.1: good } }\n    expect:\n      C1: { score: 60 }\n',
    },
    run: ['test', 'pack'],
    snippet: 'tests:\n  - name: no area, no cases\n    inspection: { evidence: { E1.1: good } }',
    where: 'pack/tests/basic.yaml',
    mend: 'Give the test inspection an `area` and `cases` (an empty list will do), or a `base` inspection that has them.',
  },
];

function replaceAll(text: string, changes: Array<[string, string]> | undefined, file: string, code: string): string {
  for (const [from, to] of changes ?? []) {
    if (!text.includes(from)) throw new Error(`${code}: '${from}' is not in ${file}`);
    text = text.replace(from, to);
  }
  return text;
}

/** Writes an example's files into a new folder; returns the folder. */
export function writeExample(example: Example, root: string): string {
  const dir = mkdtempSync(join(root, `${example.code.toLowerCase()}-`));
  const write = (path: string, content: string | Buffer) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  };
  write('pack/pack.yaml', replaceAll(BASE_PACK, example.pack, 'the pack', example.code));
  write('inspection.yaml', replaceAll(BASE_INSPECTION, example.inspection, 'the inspection', example.code));
  write('cases.csv', replaceAll(BASE_CASES, example.cases, 'the cases', example.code));
  write('thematic/pack.yaml', replaceAll(BASE_THEMATIC, example.thematic, 'the thematic', example.code));
  for (const [path, content] of Object.entries(example.files ?? {})) {
    if (typeof content === 'function') {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      content(dir);
    } else write(path, content);
  }
  return dir;
}

export function commandOf(example: Example): string[] {
  if (example.run) return example.run;
  const touchesPack = example.pack !== undefined || Object.keys(example.files ?? {}).some((f) => f.startsWith('pack/'));
  return touchesPack && !example.inspection && !example.cases ? ['validate', 'pack'] : ['score', 'inspection.yaml'];
}

export function snippetOf(example: Example): string {
  if (example.snippet !== undefined) return example.snippet;
  const change = example.pack?.[0] ?? example.inspection?.[0] ?? example.cases?.[0] ?? example.thematic?.[0];
  if (!change) throw new Error(`${example.code}: no snippet`);
  return change[1].replace(/\n$/, '');
}

function whereOf(example: Example): string {
  if (example.where) return example.where;
  if (example.pack) return 'pack/pack.yaml';
  if (example.inspection) return 'inspection.yaml';
  if (example.cases) return 'cases.csv';
  if (example.thematic) return 'thematic/pack.yaml';
  return Object.keys(example.files ?? {})[0] ?? '';
}

function langOf(example: Example): string {
  if (example.lang) return example.lang;
  return whereOf(example).startsWith('cases.csv') ? 'csv' : 'yaml';
}

export interface Captured {
  code: ErrorCode;
  /** The command as typed. */
  command: string;
  /** The exit code. */
  status: number | null;
  /** The diagnostic's block as printed: its first line, the source line with its caret, the hint. */
  block: string;
}

/** Runs the built CLI in `cwd`. */
function runCli(cli: string, args: readonly string[], cwd: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    child.stderr.on('data', (b: Buffer) => chunks.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, output: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

/** The first block the output prints for `code` (or matching `printed`), up to the next blank line. */
export function blockFor(output: string, code: string, printed?: RegExp): string | undefined {
  const lines = output.split('\n');
  const start = lines.findIndex((l) => (printed ? printed.test(`${l}\n`) : new RegExp(`(^|\\s)(error|warning) ${code}:`).test(l)));
  if (start < 0) return undefined;
  const block: string[] = [];
  for (let i = start; i < lines.length && lines[i]!.trim() !== ''; i++) {
    // Pack test output: the FAIL line and the lines indented beneath it.
    if (printed && i > start && !/^ {8}/.test(lines[i]!)) break;
    block.push(lines[i]!.replace(/\s+$/, ''));
  }
  return block.join('\n');
}

/** Runs every example with the built CLI, a few at a time. */
export async function captureAll(cli: string, examples: readonly Example[] = EXAMPLES): Promise<Map<ErrorCode, Captured>> {
  const root = mkdtempSync(join(tmpdir(), 'criteria-error-docs-'));
  const out = new Map<ErrorCode, Captured>();
  const failures: string[] = [];
  try {
    const queue = [...examples];
    const worker = async () => {
      for (let example = queue.shift(); example; example = queue.shift()) {
        const dir = writeExample(example, root);
        const args = commandOf(example);
        const { status, output } = await runCli(cli, args, dir);
        // Paths in the temporary folder, and the name of a temporary output file (process id and time), made stable.
        const normalized = output
          .split(`${dir}/`)
          .join('')
          .split(dir)
          .join('.')
          .replace(/\.\d+\.\d+\.tmp\b/g, '.<pid>.<time>.tmp');
        const block = blockFor(normalized, example.code, example.printed);
        if (block === undefined) {
          failures.push(`${example.code}: \`criteria ${args.join(' ')}\` did not print it:\n${normalized.slice(0, 1500)}`);
          continue;
        }
        out.set(example.code, { code: example.code, command: `criteria ${args.join(' ')}`, status, block });
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
    if (failures.length > 0) throw new Error(failures.join('\n\n'));
  } finally {
    stopWriters();
    rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
  return out;
}

/** The codes of ERROR_CODES by the group comment they follow in src/model/errors.ts. */
export function codeGroups(): Array<{ title: string; codes: ErrorCode[] }> {
  const source = readFileSync(join(REPO, 'src/model/errors.ts'), 'utf8');
  const body = source.slice(source.indexOf('export const ERROR_CODES'), source.indexOf('} as const'));
  const groups: Array<{ title: string; codes: ErrorCode[] }> = [];
  for (const line of body.split('\n')) {
    const heading = /^\s*\/\/\s*(.+)$/.exec(line);
    if (heading) groups.push({ title: heading[1]!.trim(), codes: [] });
    const code = /^\s*([A-Z][A-Z0-9_]*):/.exec(line);
    if (code && code[1]! in ERROR_CODES) {
      if (groups.length === 0) groups.push({ title: 'Errors', codes: [] });
      groups.at(-1)!.codes.push(code[1] as ErrorCode);
    }
  }
  return groups;
}

/** The whole document. */
export function renderDoc(captured: ReadonlyMap<ErrorCode, Captured>): string {
  const byCode = new Map(EXAMPLES.map((e) => [e.code, e]));
  const groups = codeGroups();
  const lines: string[] = [
    '# Error codes',
    '',
    '<!-- Generated by scripts/generate-error-docs.ts from real runs of the criteria command: do not edit by hand. -->',
    '',
    'Every problem `criteria` finds is reported with one of a closed set of codes (`ERROR_CODES` in',
    '`src/model/errors.ts`), the file, line and column where it is, what is wrong, and a hint on how to',
    'mend it. `criteria validate` and `criteria test` print to standard output, `criteria score` to',
    'standard error; with `--format json` the same diagnostics come as JSON objects `{ code, severity,',
    'message, hint, file, line, column, pointer, caseId }`. The exit code is 1 for invalid input and 2',
    'for a usage error.',
    '',
    'Each entry below gives the meaning, a minimal input that produces the error (a change to a small',
    'valid pack, inspection or case file), what the tool printed for it when this page was generated, and',
    'how to mend it. Regenerate the page with `npx tsx scripts/generate-error-docs.ts`; a test fails when',
    'a code is missing here, or this page names a code that no longer exists.',
    '',
  ];
  for (const group of groups) lines.push(`- ${group.title}: ${group.codes.map((c) => `[${c}](#${c.toLowerCase()})`).join(', ')}`);
  lines.push('');
  for (const group of groups) {
    lines.push(`## ${group.title}`, '');
    for (const code of group.codes) {
      const example = byCode.get(code);
      const run = captured.get(code);
      if (!example || !run) throw new Error(`no example was run for ${code}`);
      lines.push(`### ${code}`, '', `**Meaning.** ${ERROR_CODES[code]}`, '');
      lines.push(
        langOf(example) === 'sh' ? '**Example**, on the command line:' : `**Example**, in ${whereOf(example)}:`,
        '',
        '```' + langOf(example),
        snippetOf(example),
        '```',
        '',
      );
      lines.push(`**Printed** by \`${run.command}\` (exit ${run.status}):`, '', '```text', run.block, '```', '');
      lines.push(`**To mend it.** ${example.mend}`, '');
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { ensureBuilt } = await import('../test/hostile/built-cli.js');
  const cli = ensureBuilt();
  const missing = Object.keys(ERROR_CODES).filter((c) => !EXAMPLES.some((e) => e.code === c));
  if (missing.length > 0) throw new Error(`no example for: ${missing.join(', ')}`);
  const doc = renderDoc(await captureAll(cli));
  if (process.argv.includes('--check')) {
    const current = readFileSync(DOC_PATH, 'utf8');
    if (current !== doc) {
      process.stderr.write('docs/errors.md is not what the tool prints now: run npx tsx scripts/generate-error-docs.ts\n');
      process.exitCode = 1;
    }
    return;
  }
  mkdirSync(dirname(DOC_PATH), { recursive: true });
  writeFileSync(DOC_PATH, doc);
  process.stdout.write(`wrote ${DOC_PATH} (${Object.keys(ERROR_CODES).length} codes)\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
