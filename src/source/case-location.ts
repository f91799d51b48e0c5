/**
 * Where a case was read. Loaders attach it to each record under a symbol, so it travels with the
 * record without becoming data: it is not enumerable and never appears in JSON.
 */
export interface CaseLocation {
  file: string;
  line: number;
  column?: number;
}

const LOCATION = Symbol.for('criteria.caseLocation');

export function attachCaseLocation<T extends object>(record: T, location: CaseLocation): T {
  // Configurable: a record listed in an inspection is the same object each time its cases are read (explain reads them twice).
  Object.defineProperty(record, LOCATION, { value: location, enumerable: false, configurable: true });
  return record;
}

/** Attaches a location found only when asked for (finding it can cost more than scoring the case, and only a case with problems is asked). */
export function attachLazyCaseLocation<T extends object>(record: T, find: () => CaseLocation): T {
  let found: CaseLocation | undefined;
  Object.defineProperty(record, LOCATION, { get: () => (found ??= find()), enumerable: false, configurable: true });
  return record;
}

export function caseLocation(record: unknown): CaseLocation | undefined {
  return record !== null && typeof record === 'object' ? (record as { [LOCATION]?: CaseLocation })[LOCATION] : undefined;
}

export function formatCaseLocation(location: CaseLocation | undefined): string | undefined {
  return location ? `${location.file}:${location.line}${location.column ? `:${location.column}` : ''}` : undefined;
}
