/**
 * What makes a case id valid: text (or a number) of 1 to 128 characters, with no space at either
 * end, no control or invisible (format) character, in Unicode NFC form. Ids that only look alike
 * — `é` composed or decomposed, `c1` and `c1 `, `c1` and `c\u200B1` — would otherwise count as
 * different cases with no warning; under these rules they are refused or are the same id.
 */

/** The longest case id, as the inspection schema allows for cases listed in the inspection. */
export const MAX_ID_LENGTH = 128;

const CONTROL_OR_INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const SPACE_AT_END = /^\s|\s$/u;

/** The id written with its invisible and control characters made visible (`c\u{200B}1`). */
export function showId(id: string): string {
  const shown = id.replace(/[\p{Cc}\p{Cf}\p{Z}]/gu, (c) => (c === ' ' ? ' ' : `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`));
  return shown.length > 80 ? `${shown.slice(0, 77)}…` : shown;
}

/** Printable ASCII, with no space at either end: valid without further tests (the common case). */
const PLAIN = /^[\x21-\x7E](?:[\x20-\x7E]{0,126}[\x21-\x7E])?$/;

/** Why `id` is not a valid case id (it is a string already), or null when it is. */
export function caseIdProblem(id: string): string | null {
  if (PLAIN.test(id)) return null;
  if (id.length > MAX_ID_LENGTH) return `the case id has ${id.length} characters; at most ${MAX_ID_LENGTH} are allowed`;
  if (SPACE_AT_END.test(id)) return `the case id '${showId(id)}' begins or ends with a space, so it would look like another id`;
  if (CONTROL_OR_INVISIBLE.test(id)) return `the case id '${showId(id)}' holds a control or invisible character, so it would look like another id`;
  if (id.normalize('NFC') !== id)
    return `the case id '${showId(id)}' is not in Unicode NFC form (a letter and its accent are written apart), so it would look like '${id.normalize('NFC')}'`;
  return null;
}

/** Whether `id` is a valid case id. */
export function isValidCaseId(id: string): boolean {
  return id.length > 0 && caseIdProblem(id) === null;
}
