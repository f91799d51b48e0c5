/** The formats a result can be printed in. */
export type ReportFormat = 'table' | 'markdown' | 'json' | 'html';

/** Options of the plain-text sheet (the other formats take none). */
export interface SheetOptions {
  /** ANSI bold headings and dim provenance. Default false. */
  color?: boolean;
  /** The page width in characters. Default 100. */
  width?: number;
  /** Print the questions, items and targets after the sheet. Default true. */
  detail?: boolean;
}

/** The options with their defaults filled in. */
export interface ResolvedSheetOptions {
  color: boolean;
  width: number;
  detail: boolean;
}

export const DEFAULT_WIDTH = 100;

/** Fills in the defaults: no colour, 100 characters, detail on. */
export function resolveSheetOptions(options: SheetOptions = {}): ResolvedSheetOptions {
  return {
    color: options.color ?? false,
    width: options.width ?? DEFAULT_WIDTH,
    detail: options.detail ?? true,
  };
}

/** Options of the HTML page. */
export interface HtmlOptions {
  /** The packs the result was scored with (methodology, then thematics), for the rating boundaries on charts. */
  packs?: import('../model/pack.js').Pack[];
  /** The day the report is produced, `YYYY-MM-DD`, printed under the title. Absent: no date is printed. */
  date?: string;
}
