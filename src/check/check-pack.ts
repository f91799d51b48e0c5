/**
 * The semantic checks of a merged pack, after its files have passed the JSON Schema: ids,
 * references, conditions, weights, scales, kinds, bands, usage, templates and thematic
 * attachment. Every diagnostic is located through the pack's source map and carries a hint.
 */
import type { Diagnostic } from '../model/errors.js';
import type { Pack } from '../model/pack.js';
import type { SourceMap } from '../source/source-map.js';
import { checkBands } from './check-bands.js';
import { checkConditions } from './check-conditions.js';
import { CheckContext } from './check-context.js';
import { checkCriteria } from './check-criteria.js';
import { checkFacts } from './check-facts.js';
import { checkIds } from './check-ids.js';
import { checkScales } from './check-scales.js';
import { checkScores } from './check-scores.js';
import { checkTemplates } from './check-templates.js';
import { checkThematic } from './check-thematic.js';
import { checkUsage } from './check-usage.js';
import { checkWeights } from './check-weights.js';
import { findForbiddenKeys } from './find-forbidden-keys.js';
import { validateValue } from './validate-schema.js';

/** The checks, in the order their diagnostics are most useful. */
const CHECKS: ReadonlyArray<(ctx: CheckContext) => void> = [
  checkThematic,
  checkIds,
  checkFacts,
  checkScales,
  checkWeights,
  checkCriteria,
  checkUsage,
  checkBands,
  checkScores,
  checkConditions,
  checkTemplates,
  checkRounding,
];

/**
 * Checks a merged pack. For a thematic, `methodology` is the pack it attaches to: names the
 * thematic does not declare are looked up there.
 */
export function checkPack(pack: Pack, sources: SourceMap, methodology?: Pack): Diagnostic[] {
  // A pack built in code (handed to compilePack, never read by loadPack) has not been through the
  // JSON Schema: check its shape first, or a wrong type or an infinite target throws further on.
  if (!sources.knows(pack)) {
    const { files: _files, ...root } = pack;
    const forbidden = findForbiddenKeys(root);
    if (forbidden.length > 0) return forbidden;
    const shape = validateValue('pack', root);
    if (shape.length > 0) return shape;
  }
  const ctx = new CheckContext(pack, sources, methodology);
  for (const check of CHECKS) check(ctx);
  return ctx.diagnostics;
}

function checkRounding(ctx: CheckContext): void {
  const rounding = ctx.pack.rounding;
  // Decimal places are whole numbers: the schema bounds them, this makes 0.5 an error before scoring.
  for (const key of ['digits', 'display'] as const) {
    const value = rounding?.[key];
    if (typeof value === 'number' && !Number.isInteger(value))
      ctx.error(
        'SCHEMA_TYPE',
        rounding,
        key,
        `rounding.${key} is ${value}, not a whole number of decimal places`,
        `write a whole number, e.g. ${Math.max(0, Math.round(value))}`,
      );
  }
  const at = rounding?.at ?? [];
  at.forEach((stage, i) => {
    if (at.indexOf(stage) !== i) ctx.error('DUPLICATE_ID', at, i, `the rounding stage '${stage}' is listed twice`, 'list each stage once in rounding.at');
  });
}
