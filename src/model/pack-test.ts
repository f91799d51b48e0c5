/**
 * Tests written as data: a pack may carry `tests/*.yaml`, each test a small inspection and the
 * results expected of it. `criteria test <pack>` runs them.
 */
import type { InspectionFile } from './inspection.js';
import type { ErrorCode } from './errors.js';

/** An inspection written inside a test: the pack under test is implied, so `pack` may be left out. */
export interface TestInspection extends Omit<InspectionFile, 'pack' | 'area' | 'cases'> {
  /** An inspection file this test starts from (relative to the test file): `evidence`, `targets` and `scores` given here replace the base's entry by entry; `area`, `adjustments` and `cases` given here replace the base's. Entries of the base for a thematic this test does not include are left out. */
  base?: string;
  /** The methodology pack, relative to the test file. Defaults to the base's pack, else the pack under test (or, for a thematic, the methodology it attaches to). */
  pack?: string;
  /** The inspected area; required unless a base gives it. */
  area?: InspectionFile['area'];
  /** The case sample; required unless a base gives it. A list written here may be empty. */
  cases?: InspectionFile['cases'];
}

/** What a result is expected to be. Only the properties given are compared. */
export interface ExpectedResult {
  /** The expected score; null for not rated or no score. */
  score?: number | null;
  /** The expected band's level id; null for no band. */
  band?: string | null;
  /** The expected band before adjustment (after any limits). */
  computedBand?: string | null;
  /** The expected band the rules gave before any limit moved it; null when no limit moved it. */
  limitedFrom?: string | null;
  /** The ids of the limits expected to have moved the band, in order; `[]` for none. */
  limitedBy?: string[];
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
