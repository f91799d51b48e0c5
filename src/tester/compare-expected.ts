/**
 * Compares a test's expected results with the actual ones, property by property; only the
 * properties the test gives are compared.
 */
import type { ExpectedResult } from '../model/pack-test.js';
import type { IndexedResult } from './index-results.js';

export interface Mismatch {
  id: string;
  property: string;
  expected: unknown;
  actual: unknown;
}

/** The actual value of one expected property, or undefined when the result has no such property. */
function actualValue(entry: IndexedResult, property: keyof ExpectedResult): unknown {
  const node = entry.node as unknown as Record<string, unknown>;
  switch (property) {
    case 'band':
    case 'computedBand':
      return entry.kind === 'item' ? ((node.level as { id: string } | null)?.id ?? null) : ((node[property] as { id: string } | null | undefined)?.id ?? null);
    case 'limitedFrom': {
      if (entry.kind === 'item' || entry.kind === 'question' || entry.kind === 'measure') return undefined;
      const limits = (node.limits as Array<{ from: { id: string } }> | undefined) ?? [];
      return limits[0]?.from.id ?? null;
    }
    case 'limitedBy':
      if (entry.kind === 'item' || entry.kind === 'question' || entry.kind === 'measure') return undefined;
      return ((node.limits as Array<{ id: string }> | undefined) ?? []).map((l) => l.id);
    case 'status':
      return (node.status as { id: string } | null | undefined)?.id ?? null;
    case 'notRated':
      return node.notRated !== undefined;
    case 'summary':
      return node.summary ?? null;
    default:
      return property in node ? node[property] : undefined;
  }
}

export function compareExpected(id: string, expected: ExpectedResult, entry: IndexedResult | undefined): Mismatch[] {
  if (!entry) return [{ id, property: '(result)', expected: 'a result with this id', actual: 'none' }];
  const mismatches: Mismatch[] = [];
  for (const [property, want] of Object.entries(expected) as Array<[keyof ExpectedResult, unknown]>) {
    const got = actualValue(entry, property);
    if (got === undefined) mismatches.push({ id, property, expected: want, actual: `(a ${entry.kind} has no ${property})` });
    else if (JSON.stringify(got) !== JSON.stringify(want)) mismatches.push({ id, property, expected: want, actual: got });
  }
  return mismatches;
}
