/**
 * The SQL `criteria sql` prints: the aggregate query (or its companion) for a table, view or
 * file of cases in the CSV case format, with a header saying what it returns.
 */
import type { CompiledPlan } from '../compile/compiled-plan.js';
import type { Diagnostic } from '../model/errors.js';
import { CaseQuery, type CaseRelation } from './build-case-query.js';
import { fileRelation } from './file-relation.js';
import { ndjsonRelation } from './ndjson-relation.js';
import { SqlConditionError } from './compile-sql-condition.js';
import { DIALECTS, SqlTextError, type DialectName } from './sql-dialect.js';

export interface PrintOptions {
  dialect: DialectName;
  table?: string;
  schema?: string;
  file?: string;
  area?: Record<string, unknown>;
  problems?: boolean;
}

/** Pack text in an SQL comment: on one line, and unable to end the comment. */
const commentText = (text: string): string => text.replace(/[\r\n]+/g, ' ').replaceAll('*/', '* /');

export function printCaseQuery(plan: CompiledPlan, options: PrintOptions): { sql: string } | { errors: Diagnostic[] } {
  const dialect = DIALECTS[options.dialect];
  try {
    let relation: CaseRelation;
    if (options.file !== undefined && /\.ndjson$/i.test(options.file)) {
      relation = ndjsonRelation(options.file, plan, dialect);
    } else if (options.file !== undefined) {
      relation = { from: fileRelation(options.file, /\.parquet$/i.test(options.file) ? 'parquet' : 'csv', dialect), columns: null };
    } else {
      relation = {
        from: `${options.schema !== undefined ? `${dialect.identifier(options.schema)}.` : ''}${dialect.identifier(options.table ?? 'cases')}`,
        columns: null,
      };
    }
    const query = new CaseQuery(plan, options.area ?? {}, dialect, relation);
    const packs = plan.modules.map((m) => `${m.pack.id} ${m.pack.version}`).join(', ');
    const header = options.problems
      ? [
          `-- criteria sql (${dialect.name}): the cases of ${commentText(packs)} that the count leaves to the interpreter, in source order.`,
          '-- Columns: pos (from 0), c_id, c_f<slot> (case facts, as text), c_q<index> (answers).',
        ]
      : [
          `-- criteria sql (${dialect.name}): counts the cases of ${commentText(packs)}.`,
          '-- Row q i + 1 holds question i (in the order below): its clean cases relevant, met and not_applicable.',
          '-- Every row, q 0 included, holds the totals: rows read, counted (clean cases), relevant_to_none (clean',
          '-- cases relevant to no question) and extra (rows beyond the first under a repeated id; when not 0, the',
          '-- engine counts again with those cases left out). Cases not clean are checked and counted by the',
          '-- interpreter (criteria sql --problems).',
          ...(relation.unsure !== undefined
            ? ['-- unsure: lines whose id is a number the query cannot spell as the interpreter does; when not 0, the interpreter reads the file.']
            : []),
          ...plan.questions.map((q) => `--   q ${q.index + 1}: ${commentText(q.key)}`),
        ];
    return { sql: `${header.join('\n')}\n${options.problems ? query.problemQuery() : query.countQuery()};\n` };
  } catch (error) {
    if (error instanceof SqlTextError || error instanceof SqlConditionError) {
      return {
        errors: [
          {
            code: 'SQL_UNSUPPORTED',
            severity: 'error',
            message: `the packs cannot be compiled to SQL: ${error.message}`,
            hint: 'rename what the message names',
          },
        ],
      };
    }
    throw error;
  }
}
