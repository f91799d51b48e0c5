/**
 * The parsed pack files the workbench keeps between requests: an edit changes one file, so the
 * others need not be parsed again. Only pack files are kept (a document that can list cases — an
 * inspection, a test file, a case list — is parsed afresh each time, since scoring marks its
 * case records with their place). Entries are keyed by path and text; the least recently used
 * go first.
 */
import type { ParsedCache } from '../../load/text-overlay.js';

export class PackDocumentCache implements ParsedCache {
  private readonly entries = new Map<string, { text: string; parsed: unknown }>();

  constructor(private readonly capacity = 400) {}

  get(file: string, text: string): unknown {
    const entry = this.entries.get(file);
    if (entry === undefined || entry.text !== text) return undefined;
    this.entries.delete(file);
    this.entries.set(file, entry);
    return entry.parsed;
  }

  set(file: string, text: string, parsed: unknown): void {
    if (!isPackDocument(parsed)) return;
    this.entries.delete(file);
    this.entries.set(file, { text, parsed });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}

/** A parsed mapping that holds no cases or tests (a pack's root file or an included part). */
function isPackDocument(parsed: unknown): boolean {
  const value = (parsed as { doc?: { value?: unknown } }).doc?.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return !('cases' in value) && !('tests' in value);
}
