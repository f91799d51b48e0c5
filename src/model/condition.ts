/**
 * Conditions, in json-rules-engine's syntax: `all`, `any`, `not`, a reference to a named
 * condition, or a comparison of one fact with a value. Evaluated by our own compiled predicates;
 * json-rules-engine's Engine is kept as the oracle in tests.
 */

/** A literal a fact is compared with. */
export type Scalar = string | number | boolean | null;

/** The operators of json-rules-engine's default set. Decorators and custom operators are not allowed. */
export type Operator =
  'equal' | 'notEqual' | 'lessThan' | 'lessThanInclusive' | 'greaterThan' | 'greaterThanInclusive' | 'in' | 'notIn' | 'contains' | 'doesNotContain';

/** Parameters of a derived fact, e.g. `{ atLeast: strong }` for the share of items at or above a level. */
export type FactParams = Record<string, Scalar>;

/** Compare with another fact's value instead of a literal. */
export interface FactReference {
  /** The name of the fact whose value is compared with. */
  fact: string;
  /** Parameters of that fact, when it is a derived fact. */
  params?: FactParams;
}

/** One comparison: `fact operator value`. */
export interface FactCondition {
  /** A declared fact of the case or of the area, or (in band rules) a derived quantity such as `score`, `count` or `share`. */
  fact: string;
  /** Parameters of a derived fact, e.g. `{ atLeast: strong }`. */
  params?: FactParams;
  /** How the fact is compared with the value. */
  operator: Operator;
  /** The value the fact is compared with: a literal, a list (for `in` and `notIn`), or another fact. */
  value: Scalar | Scalar[] | FactReference;
}

/** Holds when every one of its conditions holds (and when the list is empty). */
export interface AllCondition {
  /** The conditions that must all hold. */
  all: Condition[];
}

/** Holds when at least one of its conditions holds. As in json-rules-engine, an empty list holds. */
export interface AnyCondition {
  /** The conditions of which at least one must hold. */
  any: Condition[];
}

/** Holds when its condition does not. */
export interface NotCondition {
  /** The condition that must not hold. */
  not: Condition;
}

/** Holds when the named condition (declared under `conditions`) holds. */
export interface ConditionReference {
  /** The name of a condition declared under the pack's `conditions`. */
  condition: string;
}

/** A condition in json-rules-engine's syntax. */
export type Condition = AllCondition | AnyCondition | NotCondition | ConditionReference | FactCondition;
