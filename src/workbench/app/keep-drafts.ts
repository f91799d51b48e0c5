/**
 * Unsaved edits kept in the browser's storage, one entry per file, so that a reload or a closed
 * tab never loses them: the text, and the hash of the file as it was when editing began (to tell,
 * on return, whether the file changed on disk meanwhile).
 */
const PREFIX = 'criteria-workbench:draft:';

export interface Draft {
  text: string;
  baseHash: string;
  savedAt: string;
}

export function readDraft(path: string): Draft | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + path);
    if (!raw) return undefined;
    const draft = JSON.parse(raw) as Partial<Draft>;
    return typeof draft.text === 'string' && typeof draft.baseHash === 'string'
      ? { text: draft.text, baseHash: draft.baseHash, savedAt: String(draft.savedAt ?? '') }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a draft; false when the browser refused (storage full or off). */
export function writeDraft(path: string, text: string, baseHash: string): boolean {
  try {
    localStorage.setItem(PREFIX + path, JSON.stringify({ text, baseHash, savedAt: new Date().toISOString() }));
    return true;
  } catch {
    return false;
  }
}

export function dropDraft(path: string): void {
  try {
    localStorage.removeItem(PREFIX + path);
  } catch {
    // nothing kept, nothing to drop
  }
}

/** The paths that have drafts. */
export function listDrafts(): string[] {
  const paths: string[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(PREFIX)) paths.push(key.slice(PREFIX.length));
    }
  } catch {
    // storage off: no drafts
  }
  return paths.sort();
}
