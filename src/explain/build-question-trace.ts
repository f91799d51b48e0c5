/**
 * A question's trace: when it applies (with the named conditions spelt out), how it is answered
 * or decided, the cases met, not met and answered not applicable, its percentage and the
 * criterion it counts in; and the one-line question node a criterion's trace lists.
 */
import type { Condition } from '../model/condition.js';
import type { QuestionResult } from '../model/result.js';
import { Outcome, type CompiledQuestion } from '../compile/compiled-plan.js';
import { percent } from '../compile/exact-number.js';
import { describeScore } from '../report/describe-score.js';
import { figure, listIds, plural, settle } from './describe-figures.js';
import { namedConditions, type ExplainContext } from './explain-context.js';
import { renderCondition } from './render-condition.js';
import { node, type TraceNode } from './trace-node.js';

function notMetIds(ctx: ExplainContext, q: CompiledQuestion, outcome: Outcome = Outcome.NotMet): string[] {
  const ids: string[] = [];
  for (const t of ctx.traces) if (t.outcomes[q.index] === outcome) ids.push(t.id);
  return ids;
}

/** `C1.4 'text': relevant in 36 of 100 cases (applies when …), met in 31 (86%); not met: cases …`. */
function questionLine(ctx: ExplainContext, q: CompiledQuestion, r: QuestionResult): string {
  const cases = ctx.result.cases.scored;
  const applies = q.def.appliesWhen ? `applies when ${renderCondition(q.def.appliesWhen)}` : 'applies to every case';
  const decided = q.def.metWhen ? `; met when ${renderCondition(q.def.metWhen)}` : '';
  const na =
    r.notApplicable > 0
      ? `; ${plural(r.notApplicable, 'more case it applied to was', 'more cases it applied to were')} answered not applicable and left out`
      : '';
  const head = `${q.key} '${q.def.text}': relevant in ${r.relevant} of ${plural(cases, 'case', 'cases')} (${applies}${decided})`;
  if (r.relevant === 0) return `${head}${na}: not rated`;
  const notMet = r.met < r.relevant ? `; not met: ${r.relevant - r.met === 1 ? 'case' : 'cases'} ${listIds(notMetIds(ctx, q))}` : '';
  return `${head}, met in ${r.met} (${r.percent}%)${na}${notMet}`;
}

export function questionNode(ctx: ExplainContext, q: CompiledQuestion, r: QuestionResult): TraceNode {
  return node(q.key, questionLine(ctx, q, r), r.percent);
}

export function buildQuestionTrace(ctx: ExplainContext, key: string): TraceNode {
  const q = ctx.questions.get(key)!;
  const found = ctx.index.get(key);
  if (found?.kind !== 'question') throw new Error(`no question ${key}`);
  const r = found.node;
  const children: TraceNode[] = [];
  children.push(
    node(
      `${key}/applies`,
      q.def.appliesWhen ? `applies when ${renderCondition(q.def.appliesWhen)}${namedExpansion(ctx, q)}` : 'applies to every case',
      q.def.appliesWhen ? renderCondition(q.def.appliesWhen) : true,
    ),
  );
  if (q.scale) {
    const met = q.scale.scale.met ?? [];
    const labels = (ids: string[]) => ids.map((id) => `${id} (${q.scale!.levels.find((l) => l.id === id)?.label ?? id})`).join(', ');
    const notMet = q.scale.levels.map((l) => l.id).filter((id) => !met.includes(id));
    const na = q.scale.notApplicable ? `; ${q.scale.notApplicable.id} takes the case out of the count` : '';
    children.push(
      node(`${key}/answer`, `answered on scale '${q.scale.id}': met when ${labels(met) || 'never'}; not met when ${labels(notMet) || 'never'}${na}`, met),
    );
  } else if (q.def.metWhen) {
    children.push(node(`${key}/metWhen`, `decided by the case's facts: met when ${renderCondition(q.def.metWhen)}`, renderCondition(q.def.metWhen)));
  }
  const notMet = notMetIds(ctx, q);
  const met = notMetIds(ctx, q, Outcome.Met);
  const na = notMetIds(ctx, q, Outcome.NotApplicable);
  children.push(node(`${key}/met`, `met in ${plural(met.length, 'case', 'cases')}${met.length > 0 ? `: ${listIds(met)}` : ''}`, met));
  children.push(node(`${key}/notMet`, `not met in ${plural(notMet.length, 'case', 'cases')}${notMet.length > 0 ? `: ${listIds(notMet)}` : ''}`, notMet));
  if (na.length > 0) children.push(node(`${key}/notApplicable`, `answered not applicable in ${plural(na.length, 'case', 'cases')}: ${listIds(na)}`, na));
  if (r.relevant > 0) children.push(node(`${key}/percent`, `percentage: ${r.met} of ${r.relevant} ${settlePhrase(ctx, q, r)}`, r.percent));
  const criterion = ctx.criteria.get(q.module.prefix + found.criterion.id);
  if (criterion) {
    const how =
      criterion.score?.method === 'weightedMean'
        ? `a weighted mean of its questions, this one weighing ${figure(q.weight)}`
        : 'pooled with its other questions';
    children.push(
      node(`${key}/criterion`, `counts in ${criterion.key} ${criterion.def.title} (${how}): ${describeScore(found.criterion)}`, found.criterion.score),
    );
  }
  return node(key, questionLine(ctx, q, r), r.percent, children);
}

function settlePhrase(ctx: ExplainContext, q: CompiledQuestion, r: QuestionResult): string {
  return settle(q.module, 'question', percent(r.met, r.relevant)).replace(
    / \(not rounded at this stage\)$/,
    ` (shown to ${q.module.rounding.display ?? 2} places; not rounded)`,
  );
}

/** The named conditions an applies condition uses, spelt out. */
function namedExpansion(ctx: ExplainContext, q: CompiledQuestion): string {
  const named = namedConditions(ctx.plan, q.module);
  const seen = new Set<string>();
  const visit = (c: Condition) => {
    if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if ('not' in c) visit(c.not);
    else if ('condition' in c && !seen.has(c.condition)) {
      seen.add(c.condition);
      const def = named(c.condition);
      if (def) visit(def);
    }
  };
  visit(q.def.appliesWhen!);
  if (seen.size === 0) return '';
  return `, where ${[...seen].map((name) => `${name} is ${renderCondition(named(name)!)}`).join('; ')}`;
}
