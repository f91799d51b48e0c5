import { Eta } from 'eta/core';
import { escapeHtml } from './escape-html.js';
import { CHART_TEMPLATE } from './templates/chart-template.js';
import { COMPARISON_TEMPLATE } from './templates/comparison-template.js';
import { CRITERION_TEMPLATE } from './templates/criterion-template.js';
import { DOCUMENT_TEMPLATE } from './templates/document-template.js';
import { PACK_TEMPLATE } from './templates/pack-template.js';
import { PAGE_TEMPLATE } from './templates/page-template.js';
import { PROVENANCE_TEMPLATE } from './templates/provenance-template.js';
import { SHEET_TEMPLATE } from './templates/sheet-template.js';
import { TARGETS_TEMPLATE } from './templates/targets-template.js';
import { TRACE_TEMPLATE } from './templates/trace-template.js';
import { DIFF_TEMPLATE } from './templates/diff-template.js';
import { TESTS_TEMPLATE } from './templates/tests-template.js';

/** The templates by name; `<%= … %>` escapes, `<%~ … %>` (only for our own markup) does not. */
const TEMPLATES: Record<string, string> = {
  '@document': DOCUMENT_TEMPLATE,
  '@page': PAGE_TEMPLATE,
  '@pack': PACK_TEMPLATE,
  '@sheet': SHEET_TEMPLATE,
  '@chart': CHART_TEMPLATE,
  '@criterion': CRITERION_TEMPLATE,
  '@targets': TARGETS_TEMPLATE,
  '@comparison': COMPARISON_TEMPLATE,
  '@provenance': PROVENANCE_TEMPLATE,
  '@trace': TRACE_TEMPLATE,
  '@diff': DIFF_TEMPLATE,
  '@tests': TESTS_TEMPLATE,
};

let engine: Eta | undefined;

function loadEngine(): Eta {
  if (engine !== undefined) return engine;
  const eta = new Eta({ autoEscape: true, escapeFunction: escapeHtml, autoTrim: [false, 'nl'] });
  for (const [name, template] of Object.entries(TEMPLATES)) eta.loadTemplate(name, template);
  engine = eta;
  return eta;
}

/** Renders a named template with its data. Templates compile once, on first use. */
export function renderTemplate(name: string, data: object): string {
  return loadEngine().render(name, data);
}
