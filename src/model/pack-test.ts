/**
 * Tests written as data: a pack may carry `tests/*.yaml`, each test a small inspection and the
 * results expected of it. `criteria test <pack>` runs them.
 */
import type { InspectionFile } from './inspection.js';
import type { ErrorCode } from './errors.js';

/** An inspection written inside a test: the pack under test is implied, so `pack` may be left out. */
export interface TestInspection extends Omit<InspectionFile, 'pack'> {
  /** The methodology pack, relative to the test file. Defaults to the pack under test (or, for a thematic, the methodology it attaches to). */
  pack?: string;
}

/** What a result is expected to be. Only the properties given are compared. */
export interface ExpectedResult {
  /** The expected score; null for not rated or no score. */
  score?: number | null;
  /** The expected band's level id; null for no band. */
  band?: string | null;
  /** The expected band before adjustment. */
  computedBand?: string | null;
  /** For questions: the expected number of relevant cases. */
  relevant?: number;
  /** For questions: the expected number of cases met. */
  met?: number;
  /** For questions: the expected percentage; null when no case was relevant. */
  percent?: number | null;
  /** Whether the result is expected to be not rated. */
  notRated?: boolean;
  /** For sections: the expected summary sentence. */
  summary?: string;
  /** For target measures: the expected status level id. */
  status?: string | null;
}

/** One test. */
export interface PackTest {
  /** The test's name, printed with pass or fail. */
  name: string;
  /** What the test shows. */
  description?: string;
  /** The inspection: written here, or a file relative to the test file. */
  inspection: TestInspection | string;
  /** The expected results, by id: a criterion, section, question or measure id, or `overall`; a thematic's prefixed with its id and a colon. */
  expect?: Record<string, ExpectedResult>;
  /** The error code scoring is expected to fail with, instead of results. */
  expectError?: ErrorCode;
}

/** A file of pack tests. */
export interface PackTestFile {
  /** The JSON Schema this file is written against (for editors). */
  $schema?: string;
  /** The tests. */
  tests: PackTest[];
}
