import type { TraceNode } from '../model/trace.js';
import { describeProvenance, shortenHash } from './describe-provenance.js';
import { describeMeta } from './format-html.js';
import { renderTemplate } from './render-template.js';
import { stylePage } from './style-page.js';

/** What the explanation page says about itself. */
export interface TracePageOptions {
  /** The inspection explained, as the reader named it. */
  inspection: string;
  /** Leave out steps deeper than this (a case's trace stops at its questions). */
  maxDepth?: number;
  /** The day the page is produced, `YYYY-MM-DD`. */
  date?: string;
}

/**
 * An explanation as one self-contained HTML page for a reader (an author showing a board how a
 * figure comes about): the figure's sentence, the steps beneath it as nested lists, provenance.
 */
export function formatTraceHtml(tree: TraceNode, options: TracePageOptions): string {
  const p = tree.provenance;
  return renderTemplate('@trace', {
    title: `How ${tree.id} is derived`,
    meta: [`Inspection: ${options.inspection}`, ...describeMeta(options.date)],
    style: stylePage(
      p === undefined ? `explanation of ${tree.id}` : `explanation of ${tree.id} · ${p.pack}@${p.version} sha256 ${shortenHash(p.sha256)} · ${p.engine}`,
    ),
    tree,
    maxDepth: options.maxDepth ?? Number.POSITIVE_INFINITY,
    provenance: p === undefined ? [] : describeProvenance(p),
  });
}
