import { isValidCaseId } from '../evaluate/check-case-id.js';

/** The id a case is known by, as the tally reads it; undefined when it has none or one too long to be valid. */
export function caseIdOf(record: unknown): string | undefined {
  const id = record !== null && typeof record === 'object' && !Array.isArray(record) ? (record as { id?: unknown }).id : undefined;
  // An id that is not valid (too long, look-alike) is refused by the case check; it takes no part in duplicates.
  if (typeof id === 'string') return isValidCaseId(id) ? id : undefined;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return undefined;
}
