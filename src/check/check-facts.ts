/**
 * Fact declarations: enum facts have values and only they do; a name is a case or an area fact,
 * never both, and no question's id; a thematic declares no fact its methodology declares otherwise.
 */
import type { CheckContext } from './check-context.js';

export function checkFacts(ctx: CheckContext): void {
  const facts = ctx.pack.facts;
  if (!facts) return;
  const questionIds = new Set((ctx.pack.criteria ?? []).flatMap((c) => (c.questions ?? []).map((q) => q.id)));
  for (const of of ['case', 'area'] as const) {
    const declarations = facts[of];
    if (!declarations) continue;
    for (const [name, declaration] of Object.entries(declarations)) {
      const what = `${of} fact ${name}`;
      if (declaration.type === 'enum') {
        if (!declaration.values || declaration.values.length === 0) {
          ctx.error(
            'SCHEMA_REQUIRED',
            declarations,
            name,
            `${what} is an enum but lists no values`,
            'add values: [ ... ] with the values the fact may take',
            true,
          );
        } else {
          const seen = new Set<string>();
          declaration.values.forEach((value, i) => {
            if (seen.has(value))
              ctx.error('DUPLICATE_ID', declaration.values!, i, `the value '${value}' is listed more than once in ${what}`, 'list each value once');
            seen.add(value);
          });
        }
      } else if (declaration.values !== undefined) {
        ctx.error(
          'SCHEMA_INVALID',
          declaration,
          'values',
          `${what} is of type ${declaration.type} but lists values`,
          "only enum facts list values: remove 'values' or make the type enum",
          true,
        );
      }
      for (const bound of ['minimum', 'maximum'] as const) {
        if (declaration[bound] !== undefined && declaration.type !== 'number') {
          ctx.error(
            'SCHEMA_INVALID',
            declaration,
            bound,
            `${what} is of type ${declaration.type} but has a ${bound}`,
            `only number facts have a ${bound}: remove it`,
            true,
          );
        }
      }
      if (declaration.minimum !== undefined && declaration.maximum !== undefined && declaration.minimum > declaration.maximum) {
        ctx.error(
          'SCHEMA_RANGE',
          declaration,
          'minimum',
          `${what} has a minimum (${declaration.minimum}) above its maximum (${declaration.maximum})`,
          'swap or correct the bounds',
        );
      }
      if (of === 'area' && facts.case && Object.hasOwn(facts.case, name)) {
        ctx.error(
          'DUPLICATE_ID',
          declarations,
          name,
          `'${name}' is declared both as a case fact and as an area fact`,
          'conditions name facts without saying whose they are: rename one of the two',
          true,
        );
      }
      const theirs = ctx.methodology?.facts?.[of]?.[name] ?? ctx.methodology?.facts?.[of === 'case' ? 'area' : 'case']?.[name];
      if (theirs && (theirs.type !== declaration.type || !ctx.methodology?.facts?.[of]?.[name])) {
        ctx.error(
          'DUPLICATE_ID',
          declarations,
          name,
          `${what} is declared differently by methodology ${ctx.methodology!.id} (as ${theirs.type === 'enum' ? 'an' : 'a'} ${theirs.type} fact${ctx.methodology?.facts?.[of]?.[name] ? '' : ` of the ${of === 'case' ? 'area' : 'case'}`})`,
          "a thematic shares the inspection's facts with its methodology: use the methodology's fact (remove this declaration) or give this one another name",
          true,
        );
      }
      if (questionIds.has(name)) {
        ctx.error('DUPLICATE_ID', declarations, name, `the fact '${name}' has the same name as question ${name}`, 'rename the fact or the question', true);
      }
    }
  }
}
