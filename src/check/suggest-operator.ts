/**
 * "Did you mean" for operators, which must never change the meaning: `greaterThanOrEqual` is
 * `greaterThanInclusive`, not `greaterThan`. Names and symbols from other rule languages map to
 * json-rules-engine's; a typo is suggested only when the suggestion compares the same way
 * (greater or less, inclusive or strict, negated or not, a list or a single value).
 */
import { suggestName } from '../source/suggest-name.js';

/** What other languages call json-rules-engine's operators (compared lower case, without spaces, `_` or `-`). */
const SYNONYMS: Record<string, string> = {
  greaterthanorequal: 'greaterThanInclusive',
  greaterthanorequalto: 'greaterThanInclusive',
  greaterorequal: 'greaterThanInclusive',
  greaterthanequal: 'greaterThanInclusive',
  gte: 'greaterThanInclusive',
  ge: 'greaterThanInclusive',
  '>=': 'greaterThanInclusive',
  '≥': 'greaterThanInclusive',
  atleast: 'greaterThanInclusive',
  min: 'greaterThanInclusive',
  lessthanorequal: 'lessThanInclusive',
  lessthanorequalto: 'lessThanInclusive',
  lessorequal: 'lessThanInclusive',
  lessthanequal: 'lessThanInclusive',
  lte: 'lessThanInclusive',
  le: 'lessThanInclusive',
  '<=': 'lessThanInclusive',
  '≤': 'lessThanInclusive',
  atmost: 'lessThanInclusive',
  max: 'lessThanInclusive',
  greater: 'greaterThan',
  gt: 'greaterThan',
  '>': 'greaterThan',
  morethan: 'greaterThan',
  above: 'greaterThan',
  less: 'lessThan',
  lt: 'lessThan',
  '<': 'lessThan',
  fewerthan: 'lessThan',
  below: 'lessThan',
  eq: 'equal',
  equals: 'equal',
  is: 'equal',
  '=': 'equal',
  '==': 'equal',
  '===': 'equal',
  same: 'equal',
  ne: 'notEqual',
  neq: 'notEqual',
  notequals: 'notEqual',
  isnot: 'notEqual',
  '!=': 'notEqual',
  '!==': 'notEqual',
  '<>': 'notEqual',
  '≠': 'notEqual',
  different: 'notEqual',
  oneof: 'in',
  anyof: 'in',
  within: 'in',
  isin: 'in',
  notoneof: 'notIn',
  noneof: 'notIn',
  nin: 'notIn',
  notwithin: 'notIn',
  includes: 'contains',
  has: 'contains',
  notcontains: 'doesNotContain',
  excludes: 'doesNotContain',
  doesnotinclude: 'doesNotContain',
  notincludes: 'doesNotContain',
};

interface Meaning {
  order: 'greater' | 'less' | null;
  inclusive: boolean;
  negated: boolean;
  kind: 'compare' | 'list' | 'contains';
}

/** How an operator's name reads: what it compares and how. */
function meaningOf(name: string): Meaning {
  const n = name.toLowerCase();
  // A typo keeps the first letter more often than the rest: graeterThan still reads greater.
  const order = /great|gt|more|above|>|^g/.test(n) ? 'greater' : /less|lt|fewer|below|<|^l/.test(n) ? 'less' : null;
  return {
    order,
    // gte and lte (and their typos: gtee, ltequal) read inclusive, like eq, incl and =.
    inclusive: order !== null && (/eq|incl|=/.test(n.replace(/^(greater|less)than/, '')) || /^[gl]te/.test(n)),
    negated: /^not|^ne|does?n.?t|dont|!|isnt/.test(n),
    kind: /contain|includ/.test(n) ? 'contains' : /^(not)?in$|^notin|^isin/.test(n) ? 'list' : 'compare',
  };
}

function sameMeaning(a: Meaning, b: Meaning): boolean {
  return a.order === b.order && a.inclusive === b.inclusive && a.negated === b.negated && a.kind === b.kind;
}

/** The operator meant by `written`, or undefined when no operator means the same. */
export function suggestOperator(written: string, operators: readonly string[]): string | undefined {
  const key = written.toLowerCase().replace(/[\s_-]/g, '');
  const synonym = SYNONYMS[key];
  if (synonym !== undefined && operators.includes(synonym)) return synonym;
  const meaning = meaningOf(written);
  const near = suggestName(written, operators);
  if (near !== undefined && sameMeaning(meaning, meaningOf(near))) return near;
  // An ordering whose direction and inclusiveness can be read has exactly one operator: greaterThanEq.
  if (meaning.order === null) return undefined;
  const same = operators.filter((op) => sameMeaning(meaning, meaningOf(op)));
  return same.length === 1 ? same[0] : undefined;
}
