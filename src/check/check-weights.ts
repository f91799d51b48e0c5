/** Weights: classes and numbers positive and finite; named classes declared. */
import type { CheckContext } from './check-context.js';
import { didYouMean, listNames } from '../source/suggest-name.js';

export function checkWeights(ctx: CheckContext): void {
  const classes = ctx.pack.weightClasses ?? {};
  for (const [name, value] of Object.entries(classes)) {
    if (!isPositive(value))
      ctx.error('BAD_WEIGHT', classes, name, `weight class ${name} is ${value}, not a positive number`, 'give the class a weight above 0, e.g. 1 or 2');
  }
  for (const criterion of ctx.pack.criteria ?? []) {
    checkWeight(ctx, criterion, `criterion ${criterion.id}`);
    for (const question of criterion.questions ?? []) checkWeight(ctx, question, `question ${question.id}`);
    for (const item of criterion.items ?? []) checkWeight(ctx, item, `evidence item ${item.id}`);
  }
  for (const section of ctx.pack.sections ?? []) {
    for (const item of section.items ?? []) checkWeight(ctx, item, `evidence item ${item.id}`);
  }
  for (const section of ctx.pack.sections ?? []) checkWeight(ctx, section, `section ${section.id}`);
}

function checkWeight(ctx: CheckContext, node: { weight?: string | number }, what: string): void {
  const weight = node.weight;
  if (weight === undefined) return;
  if (typeof weight === 'number') {
    if (!isPositive(weight))
      ctx.error('BAD_WEIGHT', node, 'weight', `the weight of ${what} is ${weight}, not a positive number`, 'give a weight above 0, or leave weight out');
    return;
  }
  if (ctx.weightClass(weight) === undefined) {
    const names = ctx.names('weightClasses');
    ctx.error(
      'UNKNOWN_WEIGHT_CLASS',
      node,
      'weight',
      `unknown weight class '${weight}' for ${what}${didYouMean(weight, names)}`,
      `declare it under weightClasses, or use one of: ${listNames(names)}`,
    );
  }
}

function isPositive(value: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
