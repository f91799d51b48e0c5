/** Scales: some levels, unique level ids, `met` among the levels, a not-applicable value apart from them. */
import type { CheckContext } from './check-context.js';
import { didYouMean, listNames } from '../source/suggest-name.js';

export function checkScales(ctx: CheckContext): void {
  const scales = ctx.pack.scales ?? {};
  for (const [name, scale] of Object.entries(scales)) {
    const levels = scale.levels ?? [];
    if (levels.length === 0) {
      ctx.error('EMPTY_SCALE', scales, name, `scale ${name} has no levels`, 'list its levels, best first: levels: [{ id, label }, ...]', true);
      continue;
    }
    const ids = new Set<string>();
    for (const level of levels) {
      if (ids.has(level.id)) ctx.error('DUPLICATE_ID', level, 'id', `scale ${name} has the level '${level.id}' twice`, 'give each level of a scale its own id');
      ids.add(level.id);
    }
    (scale.met ?? []).forEach((id, i) => {
      if (!ids.has(id))
        ctx.error(
          'UNKNOWN_LEVEL',
          scale.met!,
          i,
          `'${id}' in met of scale ${name} is not one of its levels${didYouMean(id, ids)}`,
          `met lists levels of the scale: ${listNames(ids)}`,
        );
    });
    if (scale.notApplicable && ids.has(scale.notApplicable.id)) {
      ctx.error(
        'DUPLICATE_ID',
        scale.notApplicable,
        'id',
        `the not-applicable value '${scale.notApplicable.id}' of scale ${name} is also one of its levels`,
        'give the not-applicable value an id that is not a level (e.g. na)',
      );
    }
    if (scale.countLabel !== undefined) checkCountLabel(ctx, scale, name);
  }
}

const COUNT_LABEL_FIELDS = ['label', 'achieved', 'of'];

function checkCountLabel(ctx: CheckContext, scale: { countLabel?: string }, name: string): void {
  for (const match of scale.countLabel!.matchAll(/\{([^{}]*)\}/g)) {
    const field = match[1]!;
    if (!COUNT_LABEL_FIELDS.includes(field)) {
      ctx.error(
        'BAD_TEMPLATE',
        scale,
        'countLabel',
        `countLabel of scale ${name} names the placeholder {${field}}${didYouMean(field, COUNT_LABEL_FIELDS)}`,
        'countLabel may use {label}, {achieved} and {of}',
      );
    }
  }
}
