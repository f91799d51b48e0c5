import type { ScoredResult } from '../model/result.js';
import { describeComputed } from './describe-score.js';

/** A footnote to an adjusted result: its marker and its text. */
export interface Footnote {
  marker: string;
  text: string;
}

/** `*`, `**`, `***`, then `*4`, `*5`…: the marker of the n-th footnote of a sheet (from 1). */
export function markFootnote(n: number): string {
  return n <= 3 ? '*'.repeat(n) : `*${n}`;
}

/** Collects the footnotes of one sheet as its results are laid out in order. */
export class FootnoteList {
  readonly notes: Footnote[] = [];

  /** The marker for a result: empty when it was not adjusted, else a new footnote's marker. */
  mark(result: ScoredResult): string {
    if (result.adjustment === null) return '';
    const marker = markFootnote(this.notes.length + 1);
    this.notes.push({ marker, text: `adjusted from ${describeComputed(result)}: ${result.adjustment.reason}` });
    return marker;
  }
}
