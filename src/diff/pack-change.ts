/**
 * What a semantic diff of two pack versions is made of: changes to named things (facts, scales,
 * weight classes, conditions, band sets) and to ordered things (sections, criteria, questions,
 * items, measures), each with the version bump it calls for and why.
 */

/** The semver bumps, least first. */
export const BUMPS = ['none', 'patch', 'minor', 'major'] as const;
export type Bump = (typeof BUMPS)[number];

export function maxBump(a: Bump, b: Bump): Bump {
  return BUMPS.indexOf(a) >= BUMPS.indexOf(b) ? a : b;
}

/** What a change is to. Their order is the order a diff is printed in. */
export const AREAS = [
  'pack',
  'fact',
  'scale',
  'weightClass',
  'condition',
  'bandSet',
  'section',
  'criterion',
  'question',
  'item',
  'measure',
  'overall',
  'rounding',
] as const;
export type ChangeArea = (typeof AREAS)[number];

export const AREA_TITLES: Record<ChangeArea, string> = {
  pack: 'Pack',
  fact: 'Facts',
  scale: 'Scales',
  weightClass: 'Weight classes',
  condition: 'Named conditions',
  bandSet: 'Band sets',
  section: 'Sections',
  criterion: 'Criteria',
  question: 'Questions',
  item: 'Evidence items',
  measure: 'Target measures',
  overall: 'Overall result',
  rounding: 'Rounding',
};

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

/** One change between two versions of a pack. */
export interface PackChange {
  area: ChangeArea;
  /** The thing's id or name (a fact as `case.name` or `area.name`, a band rule as `set#2`). */
  id: string;
  kind: ChangeKind;
  /** For `changed`: the property that changed (`appliesWhen`, `weight`, `levels`, …). */
  field?: string;
  /** The old and new values, as readable text. */
  before?: string;
  after?: string;
  /** The bump the change calls for on its own. */
  bump: Exclude<Bump, 'none'>;
  /** Why it calls for that bump. */
  reason: string;
}

export const REASONS = {
  major: 'removes or renames an id, or makes existing data invalid',
  minor: 'can move a score on the same data',
  patch: 'wording only',
} as const;
