/**
 * Criteria: each kind has what it needs and nothing another kind uses; questions have a scale or
 * a `metWhen`; the scales and levels criteria name exist.
 */
import type { Criterion, CriterionKind } from '../model/pack.js';
import type { CheckContext } from './check-context.js';

/** The properties that belong to one kind of criterion, and whether they must be non-empty lists. */
const KIND_PARTS: Readonly<Record<Exclude<CriterionKind, 'direct'>, ReadonlyArray<{ key: keyof Criterion; list: boolean }>>> = {
  sample: [{ key: 'questions', list: true }],
  evidence: [
    { key: 'itemScale', list: false },
    { key: 'items', list: true },
  ],
  targets: [
    { key: 'statuses', list: false },
    { key: 'measures', list: true },
  ],
};

const NEEDS: Readonly<Record<CriterionKind, string>> = {
  sample: 'a sample criterion needs questions (a non-empty list)',
  evidence: 'an evidence criterion needs itemScale and items (a non-empty list)',
  targets: 'a targets criterion needs statuses and measures (a non-empty list)',
  direct: 'a direct criterion takes its score from the inspection: it has no questions, items, itemScale, statuses or measures',
};

export function checkCriteria(ctx: CheckContext): void {
  for (const criterion of ctx.pack.criteria ?? []) {
    checkKind(ctx, criterion);
    for (const question of criterion.questions ?? []) {
      const has = [question.scale !== undefined, question.metWhen !== undefined];
      if (has[0] === has[1]) {
        ctx.error(
          'KIND_MISMATCH',
          question,
          has[0] ? 'metWhen' : undefined,
          `question ${question.id} has ${has[0] ? 'both scale and metWhen' : 'neither scale nor metWhen'}`,
          'give scale (the answer is recorded on it) or metWhen (the question is decided by the case facts), not both',
          has[0],
        );
      }
      if (question.scale !== undefined) ctx.requireScale(question.scale, question, 'scale', `question ${question.id}`);
    }
    if (criterion.itemScale !== undefined) ctx.requireScale(criterion.itemScale, criterion, 'itemScale', `criterion ${criterion.id}`);
    const statuses = criterion.statuses;
    if (statuses && ctx.requireScale(statuses.scale, statuses, 'scale', `statuses of criterion ${criterion.id}`)) {
      for (const key of ['met', 'nearlyMet', 'notMet'] as const)
        ctx.requireLevel(statuses[key], statuses.scale, statuses, key, `statuses.${key} of criterion ${criterion.id}`);
    }
  }
}

function checkKind(ctx: CheckContext, criterion: Criterion): void {
  const kind = criterion.kind;
  const own = kind === 'direct' ? [] : KIND_PARTS[kind];
  for (const { key, list } of own) {
    const value = criterion[key];
    if (value === undefined || (list && Array.isArray(value) && value.length === 0)) {
      ctx.error(
        'KIND_MISMATCH',
        criterion,
        value === undefined ? undefined : key,
        `${kind} criterion ${criterion.id} has ${value === undefined ? `no ${key}` : `an empty ${key} list`}`,
        NEEDS[kind],
      );
      return;
    }
  }
  for (const [other, parts] of Object.entries(KIND_PARTS)) {
    if (other === kind) continue;
    for (const { key } of parts) {
      if (criterion[key] !== undefined) {
        ctx.error(
          'KIND_MISMATCH',
          criterion,
          key,
          `${kind} criterion ${criterion.id} has ${key}, which only ${other} criteria use`,
          `remove ${key}, or make the criterion kind: ${other}; ${NEEDS[kind]}`,
          true,
        );
        return;
      }
    }
  }
}
