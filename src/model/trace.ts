/**
 * The explanation as data: a tree of nodes, each with an id, a sentence in the methodology's
 * terms, a machine-readable value and the nodes it is derived from. Text and JSON are rendered
 * from the same tree.
 */
import type { Provenance } from './result.js';

/** A value a scoring tool can read: a score, a level id, a count, a truth value, a list of ids. */
export type TraceValue = string | number | boolean | null | string[] | { [key: string]: TraceValue };

/** One step of a derivation. */
export interface TraceNode {
  /** What the node is about: a result id (`C1`, `theme:B2.a`, `overall`), or that id with a suffix for a step (`C1/score`, `C1/band/rule-2`). */
  id: string;
  /** The step as a sentence, e.g. `Q1.4 'Action was taken …': relevant in 36 of 100 cases …`. */
  label: string;
  /** The step's value. */
  value: TraceValue;
  /** The steps it is derived from, in order. */
  children: TraceNode[];
  /** On the root only: where the explained result came from (packs, engine, input). */
  provenance?: Provenance;
}
