/**
 * Checks the columns of a relation of cases before anything is counted: an `id` column, no
 * column that is neither a case fact nor a question, and types that can hold what the column
 * means. A problem here is about the source as a whole, so it stops scoring.
 */
import type { CompiledPlan } from '../compile/compiled-plan.js';
import type { Diagnostic } from '../model/errors.js';
import type { FactDeclaration } from '../model/pack.js';
import { didYouMean, listNames } from '../source/suggest-name.js';
import type { SqlColumn } from './sql-engine.js';

const TEXT = /^(VARCHAR|TEXT|CHARACTER VARYING|CHARACTER|BPCHAR|"CHAR"|NAME)(\(\d+\))?$/;
const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;
const NUMBER =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DOUBLE PRECISION|DECIMAL(\(\d+,\s*\d+\))?|NUMERIC(\(\d+,\s*\d+\))?)$/;

/** Whether a column of this SQL type can hold a fact of this declaration. */
function typeFits(type: string, declaration: FactDeclaration | 'id' | 'answer'): boolean {
  if (TEXT.test(type)) return true;
  if (declaration === 'id') return INTEGER.test(type);
  if (declaration === 'answer') return false;
  switch (declaration.type) {
    case 'boolean':
      return type === 'BOOLEAN';
    case 'number':
      return NUMBER.test(type);
    case 'date':
      return type === 'DATE';
    default:
      return false;
  }
}

function wants(declaration: FactDeclaration | 'id' | 'answer'): string {
  if (declaration === 'id') return 'text or an integer';
  if (declaration === 'answer') return 'text (a level id)';
  return declaration.type === 'boolean'
    ? 'BOOLEAN or text'
    : declaration.type === 'number'
      ? 'a number type or text'
      : declaration.type === 'date'
        ? 'DATE or text'
        : 'text';
}

export function checkColumns(plan: CompiledPlan, columns: SqlColumn[], source: string): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const add = (message: string, hint: string) => problems.push({ code: 'SQL_COLUMN', severity: 'error', message: `${source}: ${message}`, hint });
  if (!columns.some((c) => c.name === 'id')) add("there is no 'id' column", "name the column of case ids 'id' (in a query: SELECT case_ref AS id, …)");
  const known = [...plan.caseFacts.keys(), ...plan.questionByKey.keys()];
  for (const column of columns) {
    const role = column.name === 'id' ? 'id' : (plan.caseFacts.get(column.name) ?? (plan.questionByKey.has(column.name) ? 'answer' : undefined));
    if (role === undefined) {
      add(
        `column '${column.name}' is neither a declared case fact nor a question id${didYouMean(column.name, known)}`,
        `facts: ${listNames(plan.caseFacts.keys(), 30)}; questions: ${listNames(plan.questionByKey.keys(), 8)} (leave other columns out with a view or a query)`,
      );
    } else if (!typeFits(column.type, role)) {
      const what = role === 'id' ? 'the case id' : role === 'answer' ? `question ${column.name}'s answer` : `the ${role.type} fact '${column.name}'`;
      add(`column '${column.name}' is of type ${column.type}, which cannot hold ${what}`, `give it ${wants(role)}, e.g. with a view or a CAST in a query`);
    }
  }
  return problems;
}
