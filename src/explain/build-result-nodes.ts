/**
 * Pieces every scored result's trace shares: the score as its heading shows it, the weight it
 * carries, and the nodes for its points, its summary and the inspector's adjustment.
 */
import type { ScoredResult } from '../model/result.js';
import type { Fraction } from '../compile/exact-number.js';
import { describeComputed, describeScore } from '../report/describe-score.js';
import { figure } from './describe-figures.js';
import { node, type TraceNode } from './trace-node.js';

export function scoreText(r: ScoredResult): string {
  const text = describeScore(r);
  return r.adjustment ? `${text}, adjusted by the inspector (computed ${describeComputed(r)})` : text;
}

export function weightPhrase(weight: string | number | null | undefined, value: Fraction | null): string {
  if (value === null) return 'no weight';
  return typeof weight === 'string' ? `${weight}, ×${figure(value)}` : `weight ${figure(value)}`;
}

export function adjustmentNode(id: string, r: ScoredResult): TraceNode[] {
  if (!r.adjustment) return [];
  const changes: string[] = [];
  if (r.adjustment.band) changes.push(`band ${r.computedBand?.label ?? 'none'} → ${r.adjustment.band.label}`);
  if (r.adjustment.score !== undefined) changes.push(`score ${r.computedScore ?? 'none'} → ${r.adjustment.score}`);
  return [node(`${id}/adjustment`, `adjusted by the inspector: ${changes.join(', ')}; reason: ${r.adjustment.reason}`, r.adjustment.reason)];
}

export function pointsNode(
  id: string,
  r: ScoredResult,
  points: ReadonlyMap<string, Fraction> | null,
  bands: Array<{ id: string; band: string | null; label: string | null }>,
): TraceNode[] {
  if (!points || r.points === undefined) return [];
  const terms = bands.filter((b) => b.band !== null && points.has(b.band)).map((b) => `${b.id} ${b.label} ${figure(points.get(b.band!)!)}`);
  return [node(`${id}/points`, `points: ${r.points} of at most ${r.maxPoints} (${terms.join(', ')})`, r.points)];
}

export function summaryNode(id: string, summary: string | undefined): TraceNode[] {
  return summary === undefined ? [] : [node(`${id}/summary`, `summary: ${summary}`, summary)];
}
