/**
 * The placeholders a summary sentence may use, besides `{count:LEVEL}`: the checker accepts these
 * and the evaluator fills them, from this one list.
 */
export const SUMMARY_PLACEHOLDERS = {
  rated: 'how many levels were counted (items, measures or bands)',
  score: 'the score, or "not rated"',
  percent: 'the score followed by %, or "not rated"',
  band: 'the band\'s label, or "not rated"',
  points: 'the points summed from the bands',
} as const;

export type SummaryPlaceholder = keyof typeof SUMMARY_PLACEHOLDERS;
