/**
 * How a diff shows the values it compares: a stable text of any value (keys sorted, so equal
 * values compare equal), a condition rendered, a list in brackets, long text cut short, and the
 * few words that name a thing added or removed.
 */
import type { Condition } from '../model/condition.js';
import type { EvidenceItem, Limit, Question, TargetMeasure } from '../model/pack.js';
import { renderCondition } from '../explain/render-condition.js';

/** A stable text of any value: keys sorted, so equal values give equal texts. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** Whether the ids both lists hold come in another order in the second. */
export function reordered(before: readonly string[], after: readonly string[]): boolean {
  const inBefore = new Set(before);
  const inAfter = new Set(after);
  const a = before.filter((id) => inAfter.has(id));
  const b = after.filter((id) => inBefore.has(id));
  return a.length !== b.length || a.some((id, i) => id !== b[i]);
}

/** A value as a reader wants to see it: a condition rendered, a list in brackets, text as is. */
export function show(field: string, value: unknown): string {
  if (value === undefined) return '(none)';
  if (/^(appliesWhen|metWhen|when|condition)$/.test(field) && value !== null && typeof value === 'object') return renderCondition(value as Condition);
  if (field === 'limits' && Array.isArray(value)) {
    return value.length === 0
      ? '(none)'
      : (value as Limit[]).map((l) => `${l.id}: ${l.cap !== undefined ? `cap ${l.cap}` : `floor ${l.floor}`} when ${renderCondition(l.when)}`).join('; ');
  }
  if (typeof value === 'string') return value.length > 120 ? `${value.slice(0, 117)}…` : value;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return `[${value.join(', ')}]`;
  return canonical(value);
}

export function describeThing(thing: unknown): string {
  if (thing === null || typeof thing !== 'object') return String(thing);
  const t = thing as Record<string, unknown> & { q?: Question; i?: EvidenceItem; m?: TargetMeasure };
  if (t.q) return t.q.text;
  if (t.i) return t.i.text;
  if (t.m) return t.m.measure;
  if (typeof t.title === 'string') return t.title;
  if (typeof t.type === 'string') return `${t.type}${t.required ? ', required' : ''}`;
  if ('all' in t || 'any' in t || 'not' in t || 'fact' in t || 'condition' in t) return renderCondition(t as unknown as Condition);
  if (Array.isArray(t.levels)) return `levels ${(t.levels as Array<{ id: string }>).map((l) => l.id).join(', ')}`;
  return canonical(thing);
}
