/** Summary sentences: only the placeholders of SUMMARY_PLACEHOLDERS and {count:LEVEL} with LEVEL a counted level. */
import { SUMMARY_PLACEHOLDERS } from '../model/summary.js';
import type { CheckContext } from './check-context.js';
import { allDeclared, countedScales, subjectsOf } from './pack-structure.js';
import { didYouMean } from '../source/suggest-name.js';

const PLACEHOLDERS = Object.keys(SUMMARY_PLACEHOLDERS);

export function checkTemplates(ctx: CheckContext): void {
  for (const subject of subjectsOf(ctx)) {
    if (subject.kind === 'criterion' || subject.node.summary === undefined) continue;
    const summary = subject.node.summary;
    const what = `the summary of ${subject.label}`;
    if (/[{}]/.test(summary.replace(/\{[^{}]*\}/g, ''))) {
      ctx.error('BAD_TEMPLATE', subject.node, 'summary', `${what} has an unmatched brace`, 'write placeholders as {name}, e.g. {rated} or {count:LEVEL}');
      continue;
    }
    const scales = countedScales(ctx, subject);
    // An undeclared scale is reported where it is named; its levels are not guessed at here.
    const known = allDeclared(ctx, scales);
    for (const match of summary.matchAll(/\{([^{}]*)\}/g)) {
      const name = match[1]!;
      if (PLACEHOLDERS.includes(name)) continue;
      const count = /^count:(.+)$/.exec(name);
      if (!count) {
        ctx.error(
          'BAD_TEMPLATE',
          subject.node,
          'summary',
          `${what} names the placeholder {${name}}${didYouMean(name, [...PLACEHOLDERS, 'count:LEVEL'])}`,
          `summaries may use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')} and {count:LEVEL}`,
        );
        continue;
      }
      if (!known) continue;
      if (scales.length === 1) {
        const levels = ctx.levels(scales[0]!) ?? [];
        if (!levels.includes(count[1]!)) {
          ctx.error(
            'BAD_TEMPLATE',
            subject.node,
            'summary',
            `{${name}} in ${what}: '${count[1]}' is not a level of scale ${scales[0]}${didYouMean(count[1]!, levels)}`,
            `count one of the levels ${subject.label} counts: ${levels.join(', ')}`,
          );
        }
      } else if (scales.length === 0) {
        ctx.error(
          'BAD_TEMPLATE',
          subject.node,
          'summary',
          `{${name}} in ${what}: ${subject.label} counts no levels`,
          'use {count:LEVEL} where children are banded or items counted',
        );
      } else {
        // Scoring counts no levels (or one scale's alone) where they are of different scales.
        ctx.error(
          'BAD_TEMPLATE',
          subject.node,
          'summary',
          `{${name}} in ${what}: ${subject.label} counts levels of different scales (${scales.join(', ')})`,
          'band its children (or rate its items) on one scale, or leave the count out of the summary',
        );
      }
    }
  }
}
