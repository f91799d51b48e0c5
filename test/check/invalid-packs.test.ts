/**
 * Table-driven: each invalid pack under test/fixtures/packs/invalid/<pack>/ holds one mistake;
 * its first error must have this code, at this line and column, with this message and this hint.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../src/pipeline/load-pack.js';
import { ERROR_CODES } from '../../src/model/errors.js';
import type { ErrorCode } from '../../src/model/errors.js';

const root = 'test/fixtures/packs/invalid';

interface Row {
  pack: string;
  code: ErrorCode;
  /** The file the error is in, relative to the pack folder; pack.yaml when not given. */
  file?: string;
  line: number;
  column: number;
  /** What the error says, and how it says to mend it. */
  message: string;
  hint: string;
}

const rows: Row[] = [
  {
    pack: 'bad-aggregation',
    code: 'BAD_AGGREGATION',
    line: 45,
    column: 22,
    message: 'section B takes a weighted mean, but none of its criteria has a weight',
    hint: 'give its criteria a weight (a weight class or a number), or use another method',
  },
  {
    pack: 'bad-template',
    code: 'BAD_TEMPLATE',
    line: 48,
    column: 14,
    message: "{count:hihg} in the summary of section B: 'hihg' is not a level of scale band; did you mean 'high'?",
    hint: 'count one of the levels section B counts: high, low',
  },
  {
    pack: 'bad-version-range',
    code: 'BAD_VERSION_RANGE',
    line: 8,
    column: 13,
    message: "'one or two' in attachesTo.versions of thematic theme is not a semver range",
    hint: 'write a range such as ^1.0.0, ~1.2.0 or >=1.0.0 <2.0.0',
  },
  {
    pack: 'bad-weight',
    code: 'BAD_WEIGHT',
    line: 22,
    column: 10,
    message: 'weight class heavy is 0, not a positive number',
    hint: 'give the class a weight above 0, e.g. 1 or 2',
  },
  {
    pack: 'band-rule-case-fact',
    code: 'UNKNOWN_FACT',
    line: 29,
    column: 38,
    message:
      "in rule 1 of band set scoreBands, 'riskOfHarm' is a case fact, which band rules cannot see; band rules use: score, count, share, rated, points, maxPoints, meanPoints",
    hint: 'band rules compare derived quantities (score, count, share, rated, points, maxPoints, meanPoints) and area facts',
  },
  {
    pack: 'band-rule-params',
    code: 'CONDITION_SHAPE',
    line: 29,
    column: 45,
    message: 'score in rule 1 of band set scoreBands takes no params',
    hint: 'only count and share (in band rules) take params: atLeast, atMost or is a level',
  },
  {
    pack: 'condition-cycle',
    code: 'CONDITION_CYCLE',
    line: 24,
    column: 3,
    message: 'named conditions refer to each other in a circle: highRisk → veryHighRisk → highRisk',
    hint: 'break the circle: one of these conditions must be written without referring back',
  },
  {
    pack: 'condition-shape',
    code: 'CONDITION_SHAPE',
    line: 24,
    column: 15,
    message: "unknown key 'al' in condition highRisk; did you mean 'all'?",
    hint: 'a condition is one of: all: [conditions], any: [conditions], not: condition, condition: name, or fact, operator and value (with optional params)',
  },
  {
    pack: 'criterion-shared',
    code: 'CRITERION_SHARED',
    line: 49,
    column: 16,
    message: 'criterion B1 is listed in section C and already in section B',
    hint: 'list each criterion in one section only',
  },
  {
    pack: 'criterion-unused',
    code: 'CRITERION_UNUSED',
    line: 32,
    column: 9,
    message: 'criterion B1 is in no section and feeds no evidence item',
    hint: "list it in a section's criteria, name it as an item's from, or remove it",
  },
  {
    pack: 'duplicate-across-files',
    code: 'DUPLICATE_ID',
    file: 'part.yaml',
    line: 3,
    column: 3,
    message: "scale 'band' is declared in test/fixtures/packs/invalid/duplicate-across-files/pack.yaml and again here",
    hint: "keep one declaration of scale 'band', or rename one of them",
  },
  {
    pack: 'duplicate-id',
    code: 'DUPLICATE_ID',
    line: 38,
    column: 13,
    message: "the id 'B1' of this question is already the id of criterion B1",
    hint: 'sections, criteria, questions, evidence items and measures share one namespace: give this one another id',
  },
  {
    pack: 'empty-file',
    code: 'EMPTY_FILE',
    line: 1,
    column: 1,
    message: 'test/fixtures/packs/invalid/empty-file/pack.yaml holds no data',
    hint: 'write a YAML mapping (key: value lines)',
  },
  {
    pack: 'empty-scale',
    code: 'EMPTY_SCALE',
    line: 17,
    column: 3,
    message: 'scale band has no levels',
    hint: 'list its levels, best first: levels: [{ id, label }, ...]',
  },
  {
    pack: 'forbidden-key',
    code: 'FORBIDDEN_KEY',
    line: 23,
    column: 3,
    message: "the key '__proto__' is not allowed",
    hint: "rename the key: '__proto__', 'constructor' and 'prototype' could tamper with objects",
  },
  {
    pack: 'from-cycle',
    code: 'FROM_CYCLE',
    line: 48,
    column: 48,
    message: 'criteria take item levels from each other in a circle: E1 → E2 → E1',
    hint: 'break the circle: one of these criteria must be banded without taking levels from the others',
  },
  {
    pack: 'include-missing',
    code: 'FILE_NOT_FOUND',
    line: 48,
    column: 5,
    message: "the included file 'parts/missing.yaml' does not exist (looked for test/fixtures/packs/invalid/include-missing/parts/missing.yaml)",
    hint: 'check the path, relative to the root file, and its spelling',
  },
  {
    pack: 'include-outside-pack',
    code: 'INCLUDE_OUTSIDE_PACK',
    line: 48,
    column: 5,
    message: "the include '../outside.yaml' points outside the pack folder test/fixtures/packs/invalid/include-outside-pack",
    hint: "keep a pack's files in its folder (or beneath it), and include them by paths relative to the root file",
  },
  {
    pack: 'include-part-invalid',
    code: 'SCHEMA_UNKNOWN_PROPERTY',
    file: 'part.yaml',
    line: 3,
    column: 1,
    message: "unknown property 'scale' in the top level; did you mean 'scales'? Allowed: $schema, facts, scales, weightClasses, conditions, bandSets, criteria",
    hint: 'rename it to one of the allowed properties, or remove it',
  },
  {
    pack: 'include-twice',
    code: 'INCLUDE_TWICE',
    line: 49,
    column: 5,
    message: "'./part.yaml' is included twice (also as entry 1)",
    hint: 'list each file once in include',
  },
  {
    pack: 'json-syntax',
    code: 'JSON_SYNTAX',
    file: 'pack.json',
    line: 5,
    column: 1,
    message: 'not valid JSON: expected double-quoted property name',
    hint: 'check the JSON: quotes around keys and strings, commas between entries and none after the last, no comments',
  },
  {
    pack: 'kind-mismatch',
    code: 'KIND_MISMATCH',
    line: 42,
    column: 5,
    message: 'sample criterion B1 has itemScale, which only evidence criteria use',
    hint: 'remove itemScale, or make the criterion kind: evidence; a sample criterion needs questions (a non-empty list)',
  },
  {
    pack: 'methodology-not-found',
    code: 'METHODOLOGY_NOT_FOUND',
    line: 9,
    column: 9,
    message: 'thematic theme names its methodology at ../../valid/nowhere, but test/fixtures/packs/valid/nowhere does not exist',
    hint: "correct attachesTo.path: the methodology's folder, relative to the thematic's root file",
  },
  {
    pack: 'not-utf8',
    code: 'NOT_UTF8',
    line: 4,
    column: 22,
    message: 'test/fixtures/packs/invalid/not-utf8/pack.yaml is not valid UTF-8 text',
    hint: 'save the file as UTF-8 (without another encoding such as Latin-1 or UTF-16)',
  },
  {
    pack: 'path-not-allowed',
    code: 'PATH_NOT_ALLOWED',
    line: 24,
    column: 63,
    message: "condition highRisk uses 'path', which packs may not use",
    hint: 'declare the value as a fact of its own and compare that fact',
  },
  {
    pack: 'question-scale-and-metwhen',
    code: 'KIND_MISMATCH',
    line: 41,
    column: 9,
    message: 'question B1.1 has both scale and metWhen',
    hint: 'give scale (the answer is recorded on it) or metWhen (the question is decided by the case facts), not both',
  },
  {
    pack: 'reserved-id',
    code: 'DUPLICATE_ID',
    line: 43,
    column: 9,
    message: "the id 'overall' of section is reserved for the overall result",
    hint: 'rename the section',
  },
  {
    pack: 'rounding-stage-twice',
    code: 'DUPLICATE_ID',
    line: 47,
    column: 63,
    message: "the rounding stage 'criterion' is listed twice",
    hint: 'list each stage once in rounding.at',
  },
  {
    pack: 'scale-mismatch',
    code: 'SCALE_MISMATCH',
    line: 41,
    column: 11,
    message: 'band set itemBands counts levels of scale answer, but criterion B1 has no levels to count',
    hint: 'use a band set without inputScale here (e.g. one over score)',
  },
  {
    pack: 'scale-mismatch-from',
    code: 'SCALE_MISMATCH',
    line: 47,
    column: 48,
    message: 'evidence item E1.1 is rated on scale answer, but criterion B1 is banded on scale band',
    hint: "band criterion B1 on answer, or take the item's level from a criterion banded on it",
  },
  {
    pack: 'scale-mismatch-input',
    code: 'SCALE_MISMATCH',
    line: 51,
    column: 11,
    message: 'band set itemBands counts levels of scale answer, but criterion E1 counts levels of band',
    hint: "use a band set whose inputScale is band, or put criterion E1's inputs on answer",
  },
  {
    pack: 'schema-enum',
    code: 'SCHEMA_ENUM',
    line: 34,
    column: 11,
    message: "kind of criterion B1 is the string 'sampel', not one of the allowed values; did you mean 'sample'?",
    hint: 'use one of: sample, evidence, targets, direct',
  },
  {
    pack: 'schema-invalid',
    code: 'SCHEMA_INVALID',
    line: 10,
    column: 26,
    message: 'case fact age is of type number but lists values',
    hint: "only enum facts list values: remove 'values' or make the type enum",
  },
  {
    pack: 'schema-pattern',
    code: 'SCHEMA_PATTERN',
    line: 32,
    column: 9,
    message: "id of criterion B 1 is the string 'B 1', which does not have the required form",
    hint: 'write an identifier: letters, digits and `.`, `_`, `-`, `(`, `)`; it starts with a letter or digit.',
  },
  {
    pack: 'schema-range',
    code: 'SCHEMA_RANGE',
    line: 47,
    column: 35,
    message: 'rounding.digits is 7; it must be <= 6',
    hint: 'use a value <= 6; digits: decimal places kept.',
  },
  {
    pack: 'schema-required',
    code: 'SCHEMA_REQUIRED',
    line: 32,
    column: 5,
    message: "criterion B1 lacks the required property 'title'",
    hint: "add 'title': the criterion's title as the scoring sheet prints it.",
  },
  {
    pack: 'schema-type',
    code: 'SCHEMA_TYPE',
    line: 47,
    column: 35,
    message: "rounding.digits must be a number, not the string 'two'",
    hint: 'write a number; digits: decimal places kept.',
  },
  {
    pack: 'schema-unknown-property',
    code: 'SCHEMA_UNKNOWN_PROPERTY',
    line: 33,
    column: 5,
    message:
      "unknown property 'titel' in criterion B1; did you mean 'title'? Allowed: id, title, description, source, kind, weight, questions, score, itemScale, items, statuses, measures, band, limits, adjustable",
    hint: 'rename it to one of the allowed properties, or remove it',
  },
  {
    pack: 'thematic-incompatible',
    code: 'THEMATIC_INCOMPATIBLE',
    line: 8,
    column: 13,
    message: 'thematic theme requires fixture-full ^2.0.0 but fixture-full is 1.2.0',
    hint: 'use a version of fixture-full in ^2.0.0, or widen attachesTo.versions once the thematic is checked against 1.2.0',
  },
  {
    pack: 'thematic-only',
    code: 'THEMATIC_ONLY',
    line: 6,
    column: 1,
    message: 'methodology base has attachesTo, which only thematics have',
    hint: 'remove attachesTo, or make the pack kind: thematic',
  },
  {
    pack: 'thematic-unknown-scale',
    code: 'UNKNOWN_SCALE',
    line: 17,
    column: 59,
    message: "unknown scale 'answr' in question TQ1.1; did you mean 'answer'?",
    hint: 'declare it under scales, or use one of: answer, performance, band, status',
  },
  {
    pack: 'unknown-band-set',
    code: 'UNKNOWN_BAND_SET',
    line: 36,
    column: 11,
    message: "unknown band set 'scoreBand' for criterion B1; did you mean 'scoreBands'?",
    hint: 'declare it under bandSets, or use one of: scoreBands',
  },
  {
    pack: 'unknown-condition',
    code: 'UNKNOWN_CONDITION',
    line: 41,
    column: 35,
    message: "unknown condition 'highRisc' in B1.1.appliesWhen; did you mean 'highRisk'?",
    hint: 'declare it under conditions, or name one of: highRisk',
  },
  {
    pack: 'unknown-criterion',
    code: 'UNKNOWN_CRITERION',
    line: 45,
    column: 20,
    message: "section B lists the unknown criterion 'B2'; did you mean 'B1'?",
    hint: 'declare the criterion under criteria, or list one of: B1',
  },
  {
    pack: 'unknown-fact',
    code: 'UNKNOWN_FACT',
    line: 24,
    column: 21,
    message: "unknown fact 'riskLevel' in condition highRisk; declared facts: riskOfHarm, orderType, age; did you mean 'riskOfHarm'?",
    hint: 'declare the fact under facts.case or facts.area, or correct its name',
  },
  {
    pack: 'unknown-level',
    code: 'UNKNOWN_LEVEL',
    line: 16,
    column: 17,
    message: "'fair' in met of scale answer is not one of its levels",
    hint: 'met lists levels of the scale: good, poor',
  },
  {
    pack: 'unknown-level-in-band-rule',
    code: 'UNKNOWN_LEVEL',
    line: 30,
    column: 16,
    message: "'lowest' in otherwise of band set scoreBands is not a level of scale band; did you mean 'low'?",
    hint: 'use one of the levels of band: high, low',
  },
  {
    pack: 'unknown-operator',
    code: 'UNKNOWN_OPERATOR',
    line: 24,
    column: 43,
    message: "unknown operator 'equals' in condition highRisk; did you mean 'equal'?",
    hint: "use one of json-rules-engine's operators: equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn, contains, doesNotContain",
  },
  {
    pack: 'unknown-scale',
    code: 'UNKNOWN_SCALE',
    line: 40,
    column: 16,
    message: "unknown scale 'answers' in question B1.1; did you mean 'answer'?",
    hint: 'declare it under scales, or use one of: answer, band',
  },
  {
    pack: 'unknown-weight-class',
    code: 'UNKNOWN_WEIGHT_CLASS',
    line: 35,
    column: 13,
    message: "unknown weight class 'heavey' for criterion B1; did you mean 'heavy'?",
    hint: 'declare it under weightClasses, or use one of: heavy',
  },
  {
    pack: 'value-type',
    code: 'VALUE_TYPE',
    line: 24,
    column: 57,
    message: "the string 'hihg' is not a value of riskOfHarm in condition highRisk; did you mean 'high'?",
    hint: 'use one of the declared values of riskOfHarm: low, medium, high',
  },
  {
    pack: 'value-type-list',
    code: 'VALUE_TYPE',
    line: 24,
    column: 54,
    message: "in needs a list of values, but riskOfHarm in condition highRisk is compared with the string 'high'",
    hint: 'write value: [ ... ], or use equal for a single value',
  },
  {
    pack: 'weight-union',
    code: 'SCHEMA_TYPE',
    line: 35,
    column: 13,
    message: 'weight of criterion B1 must be a string or a number, not a list',
    hint: "write a string or a number; weight: the criterion's weight in its section: a weight class name or a number. Absent: the criterion is reported but does not count in a weighted mean.",
  },
  {
    pack: 'yaml-alias-limit',
    code: 'YAML_ALIAS_LIMIT',
    line: 24,
    column: 13,
    message: 'more than 100 aliases are expanded (an alias bomb?)',
    hint: 'write the values out instead of repeating them through aliases',
  },
  {
    pack: 'yaml-duplicate-key',
    code: 'YAML_DUPLICATE_KEY',
    line: 35,
    column: 5,
    message: "the key 'title' appears twice in this mapping",
    hint: 'remove or rename one of the two entries',
  },
  {
    pack: 'yaml-key-not-text',
    code: 'YAML_KEY_NOT_TEXT',
    line: 22,
    column: 3,
    message: 'the key 2.10 is read as the number 2.1, not as written',
    hint: "put the key in quotes: '2.10'",
  },
  {
    pack: 'yaml-multiple-documents',
    code: 'YAML_MULTIPLE_DOCUMENTS',
    line: 48,
    column: 1,
    message: 'test/fixtures/packs/invalid/yaml-multiple-documents/pack.yaml holds more than one document',
    hint: "keep one document per file: remove the '---' line and what follows, or move it to its own file",
  },
  { pack: 'yaml-syntax', code: 'YAML_SYNTAX', line: 48, column: 1, message: 'missing closing "quote', hint: 'add the missing closing character' },
  {
    pack: 'yaml-too-deep',
    code: 'YAML_TOO_DEEP',
    line: 23,
    column: 106,
    message: 'mappings and lists are nested more than 100 levels deep',
    hint: 'flatten the structure; no rule pack or inspection needs this depth',
  },
  {
    pack: 'yaml-unknown-tag',
    code: 'YAML_UNKNOWN_TAG',
    line: 35,
    column: 13,
    message: 'the tag !weight is not allowed here',
    hint: 'remove the tag: files hold plain strings, numbers, booleans, null, mappings and lists',
  },
];

describe('invalid packs', () => {
  it.each(rows)('$pack: $code at $line:$column', ({ pack, code, file, line, column, message, hint }) => {
    const loaded = loadPack(join(root, pack));
    expect('errors' in loaded, 'the pack should not load').toBe(true);
    if (!('errors' in loaded)) return;
    const first = loaded.errors[0]!;
    expect({
      code: first.code,
      severity: first.severity,
      file: first.file,
      line: first.line,
      column: first.column,
      message: first.message,
      hint: first.hint,
    }).toEqual({ code, severity: 'error', file: join(root, pack, file ?? 'pack.yaml'), line, column, message, hint });
  });

  it('has a row for every fixture folder, and at least 30 of them', () => {
    const folders = readdirSync(root).sort();
    expect(rows.map((r) => r.pack).sort()).toEqual(folders);
    expect(rows.length).toBeGreaterThanOrEqual(30);
  });

  it('covers every reading, shape and meaning code a pack can reach', () => {
    // Case-file codes (a line too long, a file changed while read) and reads confined by a root are met in test/hostile.
    const unreachable = new Set<ErrorCode>(['FILE_UNREADABLE', 'FILE_TOO_LARGE', 'SCHEMA_INVALID', 'LINE_TOO_LONG', 'FILE_CHANGED', 'READ_OUTSIDE_ROOT']);
    const packCodes = (Object.keys(ERROR_CODES) as ErrorCode[]).slice(0, (Object.keys(ERROR_CODES) as ErrorCode[]).indexOf('METHODOLOGY_NOT_FOUND') + 1);
    const covered = new Set(rows.map((r) => r.code));
    const missing = packCodes.filter((c) => !covered.has(c) && !unreachable.has(c));
    expect(missing).toEqual([]);
  });

  it('suggests the nearest name for a typo', () => {
    const messages = ['schema-unknown-property', 'unknown-fact', 'unknown-operator', 'value-type', 'unknown-band-set', 'schema-enum'].map((pack) => {
      const loaded = loadPack(join(root, pack));
      return 'errors' in loaded ? loaded.errors[0]!.message : '';
    });
    expect(messages).toEqual([
      expect.stringContaining("unknown property 'titel' in criterion B1; did you mean 'title'? Allowed: id, title,"),
      expect.stringContaining("unknown fact 'riskLevel' in condition highRisk; declared facts: riskOfHarm, orderType, age; did you mean 'riskOfHarm'?"),
      expect.stringContaining("did you mean 'equal'?"),
      expect.stringContaining("did you mean 'high'?"),
      expect.stringContaining("did you mean 'scoreBands'?"),
      expect.stringContaining("did you mean 'sample'?"),
    ]);
  });

  it('names the whole cycle of named conditions', () => {
    const loaded = loadPack(join(root, 'condition-cycle'));
    expect('errors' in loaded && loaded.errors[0]!.message).toContain('highRisk → veryHighRisk → highRisk');
  });

  it('names both packs when a thematic does not fit its methodology', () => {
    const loaded = loadPack(join(root, 'thematic-incompatible'));
    expect('errors' in loaded && loaded.errors[0]!.message).toBe('thematic theme requires fixture-full ^2.0.0 but fixture-full is 1.2.0');
  });

  it('gives one error per bad condition, not the noise of the schema union', () => {
    for (const pack of ['condition-shape', 'unknown-operator', 'path-not-allowed']) {
      const loaded = loadPack(join(root, pack));
      expect('errors' in loaded && loaded.errors.length).toBe(1);
    }
  });
});
