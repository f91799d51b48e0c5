/**
 * One case through every question: relevant or not and which comparison of the question's
 * condition decided it (evaluated over the case's facts with the compiler's operators), the
 * answer, and met or not. The outcome scoring recorded for the case is checked against the
 * trace, so an explanation can never quietly disagree with a score.
 */
import type { Diagnostic } from '../model/errors.js';
import { caseColumnsOf, Outcome, type CompiledQuestion, type FactRecord } from '../compile/compiled-plan.js';
import { namedConditions, type ExplainContext } from './explain-context.js';
import { renderActual, renderCondition } from './render-condition.js';
import { decidingLeaves, describeOutcome, traceCondition, type ConditionTrace, type TraceScope } from './trace-condition.js';
import { listIds, plural } from './describe-figures.js';
import { node, type TraceNode } from './trace-node.js';
import { didYouMeanAny } from '../source/suggest-name.js';

const OUTCOME_NAMES: Record<Outcome, string> = {
  [Outcome.NotRelevant]: 'notRelevant',
  [Outcome.Met]: 'met',
  [Outcome.NotMet]: 'notMet',
  [Outcome.NotApplicable]: 'notApplicable',
};

export function outcomeName(outcome: number): string {
  return OUTCOME_NAMES[outcome as Outcome] ?? 'unknown';
}

/** A case record as read: its id, facts and answers. */
export interface CaseRecordRead {
  id: string;
  facts: FactRecord;
  answers: Readonly<Record<string, unknown>>;
}

/** Reads the inspection's cases again until the one with this id. */
export async function findCase(ctx: ExplainContext, id: string): Promise<CaseRecordRead | { errors: Diagnostic[] }> {
  const { plan, scored } = ctx;
  const columns = caseColumnsOf(plan);
  for await (const input of scored.opened.readCases(columns)) {
    if (!('record' in input)) continue;
    const record = input.record;
    if (String(record.id) !== id) continue;
    const facts = (record.facts ?? {}) as FactRecord;
    const answers = (record.answers ?? {}) as Record<string, unknown>;
    return { id, facts, answers };
  }
  const known = ctx.traces.map((t) => t.id);
  return {
    errors: [
      {
        code: 'USAGE',
        severity: 'error',
        message: `the inspection has no scored case '${id}'${didYouMeanAny(id, known)}`,
        hint: known.length > 0 ? `cases: ${listIds(known, 12)}` : 'the inspection has no scored cases',
      },
    ],
  };
}

function caseScope(ctx: ExplainContext, record: CaseRecordRead, q: CompiledQuestion): TraceScope {
  const own = (facts: FactRecord, name: string) => (Object.hasOwn(facts, name) && facts[name] !== undefined ? facts[name] : null);
  return {
    fact: (name) => (ctx.plan.caseFacts.has(name) ? own(record.facts, name) : own(ctx.area, name)),
    named: namedConditions(ctx.plan, q.module),
  };
}

function leafNodes(id: string, trace: ConditionTrace): TraceNode[] {
  return decidingLeaves(trace).map((d, i) => {
    const fact = d.leaf.condition.fact;
    return node(
      `${id}/${i + 1}`,
      `${d.via.length > 0 ? `${d.via.join(' → ')}: ` : ''}${renderCondition(d.leaf.condition)} is ${d.leaf.holds}${d.negated ? ' (under not)' : ''} (${fact} = ${renderActual(d.leaf.actual)})`,
      d.leaf.holds,
    );
  });
}

/** The case's path through one question. */
function questionStep(ctx: ExplainContext, record: CaseRecordRead, q: CompiledQuestion, recorded: number | undefined): TraceNode {
  const scope = caseScope(ctx, record, q);
  const head = `${q.key} '${q.def.text}'`;
  const children: TraceNode[] = [];
  let outcome: Outcome;
  let label: string;
  let relevance = 'relevant (applies to every case)';
  if (q.def.appliesWhen) {
    const trace = traceCondition(q.def.appliesWhen, scope);
    children.push(
      node(`${q.key}/applies`, `applies when ${renderCondition(q.def.appliesWhen)}: ${trace.holds}`, trace.holds, leafNodes(`${q.key}/applies`, trace)),
    );
    relevance = trace.holds ? `relevant: ${describeOutcome(q.def.appliesWhen, trace)}` : `not relevant: ${describeOutcome(q.def.appliesWhen, trace)}`;
    if (!trace.holds) {
      return finish(node(q.key, `${head}: ${relevance}`, outcomeName(Outcome.NotRelevant), children), Outcome.NotRelevant, recorded);
    }
  }
  if (q.answers) {
    const answer = record.answers[q.key];
    const text = typeof answer === 'string' ? answer : '';
    outcome = q.answers.get(text) ?? Outcome.NotRelevant;
    const level = q.scale?.levels.find((l) => l.id === text) ?? (q.scale?.notApplicable?.id === text ? q.scale.notApplicable : undefined);
    const said = `answered ${text || 'nothing'}${level ? ` (${level.label})` : ''}`;
    const result =
      outcome === Outcome.Met
        ? 'met'
        : outcome === Outcome.NotMet
          ? 'not met'
          : outcome === Outcome.NotApplicable
            ? 'not applicable, left out of the count'
            : 'no usable answer';
    children.push(node(`${q.key}/answer`, said, text || null));
    label = `${head}: ${relevance}; ${said} → ${result}`;
  } else {
    const trace = traceCondition(q.def.metWhen!, scope);
    outcome = trace.holds ? Outcome.Met : Outcome.NotMet;
    children.push(node(`${q.key}/metWhen`, `met when ${renderCondition(q.def.metWhen!)}: ${trace.holds}`, trace.holds, leafNodes(`${q.key}/metWhen`, trace)));
    label = `${head}: ${relevance}; ${trace.holds ? 'met' : 'not met'}: ${describeOutcome(q.def.metWhen!, trace)}`;
  }
  return finish(node(q.key, label, outcomeName(outcome), children), outcome, recorded);
}

function finish(step: TraceNode, outcome: Outcome, recorded: number | undefined): TraceNode {
  if (recorded !== undefined && recorded !== outcome) {
    step.children.push(node(`${step.id}/disagreement`, `note: scoring recorded ${outcomeName(recorded)} for this case`, outcomeName(recorded)));
  }
  return step;
}

/** Every question for one case, grouped by criterion. */
export function buildCaseTrace(ctx: ExplainContext, record: CaseRecordRead): TraceNode {
  const recorded = ctx.traces.find((t) => t.id === record.id)?.outcomes;
  const counts = { met: 0, notMet: 0, notApplicable: 0, notRelevant: 0 };
  const groups: TraceNode[] = [];
  for (const module of ctx.plan.modules) {
    for (const criterion of module.criteria) {
      if (criterion.questions.length === 0) continue;
      const steps = criterion.questions.map((q) => questionStep(ctx, record, q, recorded?.[q.index]));
      for (const s of steps) counts[s.value as keyof typeof counts]++;
      const relevant = steps.filter((s) => s.value === 'met' || s.value === 'notMet').length;
      groups.push(
        node(
          criterion.key,
          `${criterion.key} ${criterion.def.title}: relevant to ${relevant} of ${plural(steps.length, 'question', 'questions')}`,
          relevant,
          steps,
        ),
      );
    }
  }
  const facts = Object.entries(record.facts)
    .map(([k, v]) => `${k} = ${renderActual(v)}`)
    .join(', ');
  const area = Object.entries(ctx.area)
    .map(([k, v]) => `${k} = ${renderActual(v)}`)
    .join(', ');
  const excluded = recorded === undefined ? ' (not scored: its data has problems)' : '';
  const label = `case ${record.id}${excluded}: ${facts || 'no facts'}${area ? `; area: ${area}` : ''} — ${counts.met} met, ${counts.notMet} not met, ${counts.notApplicable} not applicable, ${counts.notRelevant} not relevant`;
  return node(
    `case:${record.id}`,
    label,
    { met: counts.met, notMet: counts.notMet, notApplicable: counts.notApplicable, notRelevant: counts.notRelevant },
    groups,
  );
}
