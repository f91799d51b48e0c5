/**
 * An evidence criterion's items: each rated by the inspectors (or taking the band of the
 * criterion it comes `from`), reported with its label, and counted for the band unless excluded
 * or not applicable.
 */
import type { ItemRating } from '../model/inspection.js';
import type { ItemResult } from '../model/result.js';
import type { CompiledCriterion, CompiledItem, RankedScale } from '../compile/compiled-plan.js';
import { toNumber } from './round-value.js';
import { levelResult, type CountedLevel } from './level-result.js';

export function rateItems(
  c: CompiledCriterion,
  evidence: ReadonlyMap<string, ItemRating>,
  bandOf: (criterion: CompiledCriterion) => string | null,
): { items: ItemResult[]; levels: CountedLevel[] } {
  const scale = c.itemScale!;
  const levels: CountedLevel[] = [];
  const items = c.items.map((item: CompiledItem): ItemResult => {
    const rating = item.from ? undefined : evidence.get(item.key);
    const levelId = item.from ? bandOf(item.from) : (rating?.level ?? null);
    const isNa = levelId !== null && scale.notApplicable?.id === levelId;
    const rank = levelId === null || isNa ? undefined : scale.rank.get(levelId);
    if (item.counted && rank !== undefined) levels.push({ rank, weight: item.weight, id: levelId! });
    return {
      id: item.def.id,
      text: item.def.text,
      level: isNa ? null : levelResult(scale, levelId),
      label: ratingLabel(scale, levelId, rating),
      counted: item.counted && rank !== undefined,
      ...(item.def.excluded !== undefined ? { excludedBecause: item.def.excluded } : {}),
      weight: toNumber(item.weight),
      ...(item.from ? { from: item.from.def.id } : {}),
    };
  });
  return { items, levels };
}

/** A rating as printed, with its count when it carries one (the scale's countLabel, e.g. "… (1 of 2 achieved)"). */
function ratingLabel(scale: RankedScale, levelId: string | null, rating: ItemRating | undefined): string {
  if (levelId === null) return 'not rated';
  const label = levelResult(scale, levelId)!.label;
  if (rating?.achieved === undefined || rating.of === undefined) return label;
  return (scale.scale.countLabel ?? '{label} ({achieved} of {of})')
    .replaceAll('{label}', label)
    .replaceAll('{achieved}', String(rating.achieved))
    .replaceAll('{of}', String(rating.of));
}
