/** The shapes the workbench API answers with (see src/workbench/server). */
// The engine's own diagnostic type (a type only: nothing of the model is bundled into the page).
import type { Diagnostic } from '../../model/errors.js';

export type { Diagnostic };

export interface WorkspaceFile {
  path: string;
  role: 'root' | 'include' | 'test' | 'example' | 'data' | 'document';
}

export interface WorkspacePack {
  path: string;
  root: string;
  id: string;
  version: string;
  kind: string;
  title: string;
  files: WorkspaceFile[];
  inspections: string[];
}

export interface FileVersion {
  path: string;
  text: string;
  hash: string;
}

export interface ResultEntry {
  id: string;
  kind: 'criterion' | 'section' | 'question' | 'item' | 'measure' | 'overall';
  title: string;
  pack: string;
}

export interface PackNames {
  scales: string[];
  levels: string[];
  weightClasses: string[];
  conditions: string[];
  criteria: string[];
  facts: string[];
  bandSets: string[];
  sections: string[];
}

export interface CheckOutcome {
  packs: Array<{ path: string; id?: string; version?: string; kind?: string; valid: boolean; diagnostics: Diagnostic[]; names?: PackNames }>;
  sheet?: { inspection: string; html?: string; results?: ResultEntry[]; errors?: Diagnostic[] };
  timings: { checkMs: number; scoreMs: number };
}

export interface TraceNode {
  id: string;
  label: string;
  value: unknown;
  children: TraceNode[];
  provenance?: { pack: string; version: string; sha256: string; engine: string; thematics: Array<{ id: string; version: string }> };
}

export interface Mismatch {
  id: string;
  property: string;
  expected: unknown;
  actual: unknown;
}

export interface TestOutcome {
  file: string;
  line?: number;
  name: string;
  passed: boolean;
  mismatches: Mismatch[];
  errors: Diagnostic[];
  problem?: string;
}

export interface CoverageGap {
  kind: 'question' | 'bandRule' | 'weightClass' | 'threshold' | 'limit';
  id: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export type TestsOutcome =
  | {
      pack: string;
      id: string;
      version: string;
      outcomes: TestOutcome[];
      passed: number;
      failed: number;
      coverage: { gaps: CoverageGap[]; totals: Record<string, number> };
      ms: number;
    }
  | { pack: string; errors: Diagnostic[]; ms: number };

export interface PackChange {
  area: string;
  id: string;
  kind: 'added' | 'removed' | 'changed' | 'moved';
  field?: string;
  before?: string;
  after?: string;
  bump: 'patch' | 'minor' | 'major';
  reason: string;
}

export interface ResultChange {
  id: string;
  kind: string;
  title: string;
  before: string;
  after: string;
  bandBefore?: string | null;
  bandAfter?: string | null;
}

export interface ImpactReport {
  pack: string;
  against: { label: string; id: string; version: string; sha256: string };
  now: { id: string; version: string; sha256: string };
  changes: PackChange[];
  verdict: { before: string; after: string; required: string; written: string; ok: boolean; message: string };
  inspections: Array<{
    file: string;
    area: string;
    note?: string;
    errors?: { version: 'old' | 'new'; diagnostics: Diagnostic[] };
    changes: ResultChange[];
    cases: number;
    caseChanges: Array<{ id: string; questions: Array<{ question: string; before: string; after: string }> }>;
  }>;
  bandTransitions: Array<{ id: string; before: string; after: string; count: number; of: number }>;
}

export type ImpactOutcome = ImpactReport | { pack: string; side: 'old' | 'new'; errors: Diagnostic[] };
