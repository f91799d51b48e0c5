import type { CriterionResult, InspectionResult, PackResult, ScoredResult, SectionResult } from '../model/result.js';
import { FootnoteList, type Footnote } from './collect-footnotes.js';
import { describeScore, hasRating } from './describe-score.js';
import { describeSectionHeading } from './describe-section.js';

/** One line of a scoring summary sheet. */
export interface SheetRow {
  /** The criterion's or section's id, or empty for the overall line. */
  id: string;
  /** The printed label, e.g. `X1: Title`. */
  label: string;
  /** The weight class (or number) as printed, or empty. */
  weight: string;
  /** The score, band or not-rated text. */
  value: string;
  /** The adjusted-result footnote marker, or empty. */
  marker: string;
  /** The result itself, for charts. */
  result: ScoredResult;
}

/** One section of a sheet. */
export interface SheetSection {
  id: string;
  /** The section's heading; empty for a section rated straight from its own items, whose one line names it. */
  heading: string;
  summary?: string;
  criteria: SheetRow[];
  /** The section's score line, when the section has a score, a band or is not rated. */
  total: SheetRow | null;
}

/** A pack's scoring summary sheet, ready to print in any format. */
export interface SheetModel {
  title: string;
  sections: SheetSection[];
  overall: SheetRow | null;
  overallSummary?: string;
  footnotes: Footnote[];
}

function describeWeight(weight: string | number | null): string {
  return weight === null ? '' : String(weight);
}

function buildCriterionRow(criterion: CriterionResult, notes: FootnoteList): SheetRow {
  return {
    id: criterion.id,
    label: `${criterion.id}: ${criterion.title}`,
    weight: describeWeight(criterion.weight),
    value: describeScore(criterion),
    marker: notes.mark(criterion),
    result: criterion,
  };
}

function buildSection(section: SectionResult, notes: FootnoteList): SheetSection {
  const criteria = section.criteria.map((c) => buildCriterionRow(c, notes));
  // A section rated from its own items has no criteria lines: its rating is its one line, under its title.
  const own = section.items !== undefined;
  const total: SheetRow | null =
    hasRating(section) || own
      ? {
          id: section.id,
          label: own ? section.title : `Score for section ${section.id}`,
          weight: '',
          value: describeScore(section),
          marker: notes.mark(section),
          result: section,
        }
      : null;
  // A summary that only says the section's score (`Title: 57%`) would print it twice.
  const repeats = total !== null && section.summary === `${section.title}: ${total.value}`;
  return {
    id: section.id,
    heading: own ? '' : describeSectionHeading(section.id, section.title),
    ...(section.summary === undefined || repeats ? {} : { summary: section.summary }),
    criteria,
    total,
  };
}

/** The title line of an inspection: pack title, area name and period. */
export function describeTitle(pack: PackResult, area: InspectionResult['area']): string {
  const where = area.period === undefined ? area.name : `${area.name}, ${area.period}`;
  return `${pack.title} — ${where}`;
}

/** Lays out one pack's result as a scoring summary sheet: the rows every format prints. */
export function buildSheet(pack: PackResult, area: InspectionResult['area']): SheetModel {
  const notes = new FootnoteList();
  const sections = pack.sections.map((s) => buildSection(s, notes));
  const overall = pack.overall;
  const overallRow: SheetRow | null =
    overall === null
      ? null
      : {
          id: '',
          label: overall.title,
          weight: '',
          value: describeScore(overall),
          marker: notes.mark(overall),
          result: overall,
        };
  return {
    title: describeTitle(pack, area),
    sections,
    overall: overallRow,
    ...(overall?.summary === undefined ? {} : { overallSummary: overall.summary }),
    footnotes: notes.notes,
  };
}
