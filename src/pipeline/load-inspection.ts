/**
 * Opens an inspection file for scoring: reads and validates it, loads the methodology pack and
 * thematics it names (relative to the file), and prepares its cases as a stream of records that
 * each know where they were read — listed in the file, or in a CSV, NDJSON, JSON or YAML file.
 */
import type { Hash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import semver from 'semver';
import type { Diagnostic } from '../model/errors.js';
import type { CaseDatabase, CaseFile, CaseRecord, InspectionFile } from '../model/inspection.js';
import type { Pack } from '../model/pack.js';
import { attachLazyCaseLocation } from '../source/case-location.js';
import type { InspectionHeader } from '../evaluate/score-inspection.js';
import { loadInspectionFile, loadPack, outsideRoot } from './load-pack.js';
import { isInsideRoot } from '../load/confine-path.js';
import { readCsvCases, readNdjsonCases, type CaseColumns, type CaseInput } from '../load/read-cases.js';
import { readDocument } from '../load/read-document.js';
import type { SourceDocument } from '../source/source-document.js';

export interface OpenedInspection {
  file: string;
  doc: SourceDocument;
  inspection: InspectionFile;
  methodology: Pack;
  thematics: Pack[];
  header: InspectionHeader;
  /** Reads the cases, feeding the bytes of a case file to `hash`; call once per scoring run. */
  readCases(columns: CaseColumns, hash?: Hash): AsyncIterable<CaseInput>;
  /** Gives a diagnostic that points into the inspection document its file, line and column. */
  locate: (diagnostic: Diagnostic) => Diagnostic;
}

export interface OpenOptions {
  /** Use this methodology pack instead of the one the inspection names. */
  pack?: string;
  /** Use these thematics instead of the ones the inspection names. */
  thematics?: string[];
  /**
   * Read no file outside this folder: the inspection, its packs (and a thematic's methodology)
   * and its case file must lie inside it, symbolic links resolved (READ_OUTSIDE_ROOT otherwise).
   */
  root?: string;
}

function error(code: Diagnostic['code'], message: string, hint: string, file: string, at?: { line: number; column: number }): Diagnostic {
  return { code, severity: 'error', message, hint, file, ...(at ? { line: at.line, column: at.column } : {}) };
}

export function openInspection(path: string, options: OpenOptions = {}): OpenedInspection | { errors: Diagnostic[] } {
  const { root } = options;
  if (root !== undefined && !isInsideRoot(path, root)) return { errors: [outsideRoot(path, root)] };
  const loaded = loadInspectionFile(path);
  if ('errors' in loaded) return loaded;
  const { inspection, doc } = loaded;
  const base = dirname(path);
  const packPath = options.pack ?? resolve(base, inspection.pack);
  if (root !== undefined) {
    // Every file the inspection names, before any is read (or its existence told).
    const named: Array<[string, string, string]> = [
      [packPath, inspection.pack, '/pack'],
      ...(options.thematics ?? (inspection.thematics ?? []).map((t) => resolve(base, t))).map((t, i): [string, string, string] => [
        t,
        inspection.thematics?.[i] ?? t,
        `/thematics/${i}`,
      ]),
      ...(inspection.cases === undefined || Array.isArray(inspection.cases) || !('file' in inspection.cases)
        ? []
        : [[resolve(base, inspection.cases.file), inspection.cases.file, '/cases/file'] as [string, string, string]]),
    ];
    const outside = named.filter(([file]) => !isInsideRoot(file, root));
    if (outside.length > 0)
      return { errors: outside.map(([, written, pointer]) => ({ ...outsideRoot(written, root), file: path, ...(doc.locate(pointer) ?? {}) })) };
  }
  if (options.pack === undefined && !existsSync(packPath)) {
    return {
      errors: [
        error(
          'FILE_NOT_FOUND',
          `the pack '${inspection.pack}' does not exist (looked for ${packPath})`,
          "check pack: the methodology pack's folder, relative to the inspection file",
          path,
          doc.locate('/pack'),
        ),
      ],
    };
  }
  const methodologyLoaded = loadPack(packPath, root !== undefined ? { root } : {});
  if ('errors' in methodologyLoaded) return methodologyLoaded;
  const methodology = methodologyLoaded.pack;
  if (methodology.kind !== 'methodology') {
    return {
      errors: [
        error(
          'THEMATIC_ONLY',
          `${inspection.pack} is a thematic; an inspection's pack must be a methodology`,
          'point pack: at the methodology and list the thematic under thematics:',
          path,
          doc.locate('/pack'),
        ),
      ],
    };
  }
  if (inspection.packVersion !== undefined) {
    const range = semver.validRange(inspection.packVersion);
    if (range === null) {
      return {
        errors: [
          error(
            'BAD_VERSION_RANGE',
            `packVersion '${inspection.packVersion}' is not a semver range`,
            'write packVersion as a semver range, e.g. ^1.0.0',
            path,
            doc.locate('/packVersion'),
          ),
        ],
      };
    }
    if (!semver.satisfies(methodology.version, range)) {
      return {
        errors: [
          error(
            'INSPECTION_PACK_VERSION',
            `the inspection was recorded for ${methodology.id} ${inspection.packVersion} but the pack is ${methodology.version}`,
            'score it with a pack version in that range, or update packVersion after checking what changed (criteria diff)',
            path,
            doc.locate('/packVersion'),
          ),
        ],
      };
    }
  }
  const thematicPaths = options.thematics ?? (inspection.thematics ?? []).map((t) => resolve(base, t));
  const thematics: Pack[] = [];
  const errors: Diagnostic[] = [];
  thematicPaths.forEach((thematicPath, index) => {
    if (options.thematics === undefined && !existsSync(thematicPath)) {
      errors.push(
        error(
          'FILE_NOT_FOUND',
          `the thematic '${inspection.thematics?.[index]}' does not exist (looked for ${thematicPath})`,
          "check thematics: the thematic packs' folders, relative to the inspection file",
          path,
          doc.locate(`/thematics/${index}`),
        ),
      );
      return;
    }
    const t = loadPack(thematicPath, { methodology, ...(root !== undefined ? { root } : {}) });
    if ('errors' in t) {
      errors.push(...t.errors);
      return;
    }
    if (t.pack.kind !== 'thematic' || t.pack.attachesTo?.methodology !== methodology.id) {
      errors.push(
        error(
          t.pack.kind !== 'thematic' ? 'THEMATIC_ONLY' : 'THEMATIC_INCOMPATIBLE',
          t.pack.kind !== 'thematic'
            ? `${thematicPath} is not a thematic pack`
            : `thematic ${t.pack.id} attaches to ${t.pack.attachesTo?.methodology}, not to ${methodology.id}`,
          'list only thematics written for this methodology',
          path,
          doc.locate(`/thematics/${index}`),
        ),
      );
      return;
    }
    if (thematics.some((other) => other.id === t.pack.id)) {
      errors.push(error('DUPLICATE_ID', `thematic ${t.pack.id} is listed twice`, 'list each thematic once', path, doc.locate(`/thematics/${index}`)));
      return;
    }
    thematics.push(t.pack);
  });
  if (errors.length > 0) return { errors };
  return assembleInspection(path, doc, inspection, methodology, thematics);
}

/**
 * An inspection ready to score from its document and the packs it was found to name. `path` names
 * the document in diagnostics (a file, or a request); cases listed in a file are read relative to it.
 */
export function assembleInspection(path: string, doc: SourceDocument, inspection: InspectionFile, methodology: Pack, thematics: Pack[]): OpenedInspection {
  const { cases, pack: _pack, thematics: _thematics, $schema: _schema, ...header } = inspection;
  const locate = (d: Diagnostic): Diagnostic => {
    if (d.file !== undefined || d.pointer === undefined) return d;
    const at = doc.locate(d.pointer, d.pointer.split('/').length > 2) ?? doc.locate(d.pointer);
    return { ...d, file: path, ...(at ? { line: at.line, column: at.column } : {}) };
  };
  return {
    file: path,
    doc,
    inspection,
    methodology,
    thematics,
    header,
    readCases: (columns, hash) => readCases(cases, path, doc, columns, hash),
    locate,
  };
}

async function* inlineCases(records: unknown[], file: string, doc: SourceDocument, pointer: string): AsyncGenerator<CaseInput> {
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    if (record !== null && typeof record === 'object' && !Array.isArray(record)) {
      yield {
        record: attachLazyCaseLocation(record as Record<string, unknown>, () => {
          const at = doc.locate(`${pointer}/${i}`);
          return { file, line: at?.line ?? 1, ...(at ? { column: at.column } : {}) };
        }),
      };
    } else {
      yield {
        problem: error(
          'CASE_MISSING_ID',
          `case ${i + 1} is not a case record`,
          'write each case as a mapping with id, facts and answers',
          file,
          doc.locate(`${pointer}/${i}`),
        ),
      };
    }
  }
}

/** The case file an inspection names, with its format; null when its cases are listed in it. */
export function caseFileOf(
  cases: CaseRecord[] | CaseFile | CaseDatabase | undefined,
  inspectionFile: string,
): { file: string; format: NonNullable<CaseFile['format']> } | null {
  if (cases === undefined || Array.isArray(cases) || !('file' in cases)) return null;
  const file = resolve(dirname(inspectionFile), cases.file);
  return { file, format: cases.format ?? formatOf(file)! };
}

/** The cases of an inspection: listed in its document, or in a file relative to it. */
export function readCases(
  cases: CaseRecord[] | CaseFile | CaseDatabase | undefined,
  inspectionFile: string,
  doc: SourceDocument,
  columns: CaseColumns,
  hash?: Hash,
): AsyncIterable<CaseInput> {
  const only = (problem: Diagnostic) =>
    (async function* (): AsyncGenerator<CaseInput> {
      yield { problem, notACase: true };
    })();
  if (cases !== undefined && !Array.isArray(cases) && 'database' in cases) {
    return only(
      error(
        'SQL_SOURCE',
        'the cases are in a database, which only a SQL engine reads',
        'score with --engine postgres',
        inspectionFile,
        doc.locate('/cases/database'),
      ),
    );
  }
  const source = caseFileOf(cases, inspectionFile);
  if (cases === undefined) return inlineCases([], inspectionFile, doc, '/cases');
  if (Array.isArray(cases) || source === null) return inlineCases(cases as CaseRecord[], inspectionFile, doc, '/cases');
  const { file, format } = source;
  const missing = caseFileProblem(file, cases.file, inspectionFile, doc);
  if (missing) return only(missing);
  if (format === 'parquet')
    return only(
      error(
        'SQL_SOURCE',
        `the case file '${cases.file}' is Parquet, which only a SQL engine reads`,
        'score with --engine duckdb',
        inspectionFile,
        doc.locate('/cases/file'),
      ),
    );
  if (format === 'csv') return readCsvCases(file, columns, hash);
  if (format === 'ndjson') return readNdjsonCases(file, hash);
  return documentCases(file, hash);
}

/** Why the case file cannot be read, located at `cases.file` in the inspection; undefined when it is a file. */
function caseFileProblem(file: string, written: string, inspectionFile: string, doc: SourceDocument): Diagnostic | undefined {
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch {
    return error(
      'FILE_NOT_FOUND',
      `the case file '${written}' does not exist (looked for ${file})`,
      'check cases.file: the path is relative to the inspection file',
      inspectionFile,
      doc.locate('/cases/file'),
    );
  }
  return isFile
    ? undefined
    : error(
        'FILE_UNREADABLE',
        `the case file '${written}' is not a file (${file})`,
        'name a .csv, .ndjson, .json or .yaml file of cases',
        inspectionFile,
        doc.locate('/cases/file'),
      );
}

function formatOf(file: string): CaseFile['format'] {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.ndjson' || ext === '.jsonl') return 'ndjson';
  if (ext === '.parquet') return 'parquet';
  if (ext === '.json') return 'json';
  return 'yaml';
}

/** Cases in a JSON or YAML file: a list of case records, or a mapping with `cases:`. */
async function* documentCases(file: string, hash?: Hash): AsyncGenerator<CaseInput> {
  const read = readDocument(file);
  if ('errors' in read) {
    for (const problem of read.errors) yield { problem, notACase: true };
    return;
  }
  hash?.update(read.doc.text);
  const value = read.doc.value;
  const list = Array.isArray(value) ? value : (value as { cases?: unknown } | null)?.cases;
  if (!Array.isArray(list)) {
    yield {
      problem: error('CASE_MISSING_ID', `${file} holds no list of cases`, 'write a list of case records, or a mapping with cases: [ … ]', file, {
        line: 1,
        column: 1,
      }),
      notACase: true,
    };
    return;
  }
  yield* inlineCases(list, file, read.doc, Array.isArray(value) ? '' : '/cases');
}
