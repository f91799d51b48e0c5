import { wrapText } from './wrap-text.js';

/** One value to chart: a score draws a bar; without one, `text` (a band, `not rated`) is written instead. */
export interface ChartValue {
  score: number | null;
  text: string;
}

/** A score at which a row's rating changes, e.g. `{ at: 65, label: 'Good' }` (Good from 65%). */
export interface ChartBoundary {
  at: number;
  label: string;
}

/** A row of the chart: a label, one value per series, and the rating boundaries of its scale when it has them. */
export interface ChartInput {
  label: string;
  values: ChartValue[];
  boundaries?: ChartBoundary[];
}

/** A group of rows under a heading (a section). */
export interface ChartGroupInput {
  heading: string;
  rows: ChartInput[];
}

/** A bar (or, with no score, a text in its place), positioned. */
export interface ChartMark {
  series: number;
  y: number;
  /** The bar's width, or null when the value is written as text. */
  width: number | null;
  /** Where the value's text starts: after the bar, or after the row's last boundary mark. */
  textX: number;
  text: string;
  /** The accessible description, e.g. `X1: Title — Area: 61%`. */
  title: string;
}

/** A line of text placed in the chart. */
export interface ChartText {
  x: number;
  y: number;
  text: string;
}

/** How the chart is laid out: `wide` puts labels left of the bars, `narrow` (for a phone) above them. */
export type ChartShape = 'wide' | 'narrow';

/** A laid-out horizontal bar chart, in the SVG's own units. */
export interface BarChart {
  shape: ChartShape;
  width: number;
  height: number;
  plotX: number;
  plotWidth: number;
  barHeight: number;
  series: string[];
  /** The series' names (in full) and where to draw them, when there is more than one series. */
  legend: Array<{ series: number; x: number; y: number; lines: ChartText[] }>;
  ticks: Array<{ x: number; label: string }>;
  headings: ChartText[];
  /** Each row's label, wrapped onto as many lines as it needs (never cut). */
  labels: ChartText[];
  marks: ChartMark[];
  /** Short dashed marks across a row's bars where its rating changes. */
  boundaries: Array<{ x: number; y1: number; y2: number; label: string }>;
  /** The top and bottom of the plot, for the grid lines. */
  plotTop: number;
  plotBottom: number;
}

interface Metrics {
  width: number;
  /** Where the bars start; in the narrow shape labels sit above the bars, so this is small. */
  plotX: number;
  /** The characters of a label's line, and the characters of a heading's line. */
  labelChars: number;
  headingChars: number;
}

const SHAPES: Record<ChartShape, Metrics> = {
  wide: { width: 760, plotX: 330, labelChars: 48, headingChars: 100 },
  narrow: { width: 360, plotX: 14, labelChars: 52, headingChars: 46 },
};
/** The average advance of a 12-unit character, rounded up, to leave room for a value's text. */
const CHAR = 6.8;
const LINE = 15;
const BAR_HEIGHT = 13;
const BAR_GAP = 3;
const ROW_PAD = 9;
const HEADING_LINE = 17;
const HEADING_PAD = 11;
const LEGEND_LINE = 16;
const LEGEND_GAP = 4;
const AXIS_HEIGHT = 20;
const TICK_STEP = 25;
const MIN_PLOT = 150;
/** Room for the series' colour swatch before a value written as text. */
const SWATCH = 10;

function scaleOf(groups: ChartGroupInput[]): number {
  const scores = groups.flatMap((g) => g.rows.flatMap((r) => r.values.map((v) => v.score ?? 0)));
  return Math.max(100, ...scores);
}

/** The plot's width: what is left once the longest value's text has room after a full bar. */
function plotWidthOf(groups: ChartGroupInput[], metrics: Metrics): number {
  const longest = Math.max(0, ...groups.flatMap((g) => g.rows.flatMap((r) => r.values.map((v) => v.text.length))));
  const room = metrics.width - metrics.plotX - SWATCH - 8 - Math.ceil(longest * CHAR);
  return Math.max(MIN_PLOT, Math.min(metrics.width - metrics.plotX - 20, room));
}

/**
 * Lays out a horizontal bar chart of scores (percentages) grouped under headings, one bar per
 * series in each row; values without a score are written as text where the bar would be. Labels
 * and legend names wrap rather than being cut; rows with rating boundaries get a mark at each.
 */
export function layoutBarChart(groups: ChartGroupInput[], series: string[], shape: ChartShape = 'wide'): BarChart {
  const metrics = SHAPES[shape];
  const plotX = metrics.plotX;
  const plotWidth = plotWidthOf(groups, metrics);
  const scale = scaleOf(groups);
  const toWidth = (score: number) => Math.round((Math.max(0, score) / scale) * plotWidth * 10) / 10;
  const barsHeight = series.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
  const chart: BarChart = {
    shape,
    width: metrics.width,
    height: 0,
    plotX,
    plotWidth,
    barHeight: BAR_HEIGHT,
    series,
    legend: [],
    ticks: [],
    headings: [],
    labels: [],
    marks: [],
    boundaries: [],
    plotTop: 0,
    plotBottom: 0,
  };
  let y = 4;
  if (series.length > 1) {
    series.forEach((name, i) => {
      const lines = wrapText(name, Math.floor((metrics.width - 20) / CHAR));
      chart.legend.push({ series: i, x: 0, y, lines: lines.map((text, k) => ({ x: 17, y: y + 10 + k * LEGEND_LINE, text })) });
      y += lines.length * LEGEND_LINE + LEGEND_GAP;
    });
  }
  const top = y + AXIS_HEIGHT - 4;
  chart.plotTop = top;
  for (let tick = 0; tick <= scale; tick += TICK_STEP) chart.ticks.push({ x: plotX + toWidth(tick), label: `${tick}%` });
  y = top;
  for (const group of groups) {
    const heading = wrapText(group.heading, metrics.headingChars);
    heading.forEach((text, k) => chart.headings.push({ x: 0, y: y + HEADING_PAD + 6 + k * HEADING_LINE, text }));
    y += HEADING_PAD + heading.length * HEADING_LINE;
    for (const row of group.rows) {
      const label = wrapText(row.label, metrics.labelChars);
      let barsTop: number;
      if (shape === 'narrow') {
        label.forEach((text, k) => chart.labels.push({ x: 0, y: y + 12 + k * LINE, text }));
        barsTop = y + label.length * LINE + 4;
        y = barsTop + barsHeight + ROW_PAD;
      } else {
        const rowHeight = Math.max(barsHeight, label.length * LINE) + ROW_PAD;
        const labelTop = y + (rowHeight - label.length * LINE) / 2;
        label.forEach((text, k) => chart.labels.push({ x: 12, y: labelTop + 11 + k * LINE, text }));
        barsTop = y + (rowHeight - barsHeight) / 2;
        y += rowHeight;
      }
      // a bar's value is written past the row's last boundary mark, so no mark runs through it
      const marked = row.values.some((v) => v.score !== null) ? (row.boundaries ?? []) : [];
      const reach = Math.max(0, ...marked.map((b) => toWidth(b.at) + 2));
      row.values.forEach((value, i) => {
        const barY = barsTop + i * (BAR_HEIGHT + BAR_GAP);
        const width = value.score === null ? null : toWidth(value.score);
        const who = series.length > 1 ? ` — ${series[i] ?? ''}` : '';
        chart.marks.push({
          series: i,
          y: barY,
          width,
          textX: plotX + (width === null ? (series.length > 1 ? SWATCH : 0) : Math.max(width, reach)) + 5,
          text: value.text,
          title: `${row.label}${who}: ${value.text}`,
        });
      });
      for (const b of marked) {
        chart.boundaries.push({ x: plotX + toWidth(b.at), y1: barsTop - 3, y2: barsTop + barsHeight + 3, label: `${b.label} from ${b.at}%` });
      }
    }
  }
  chart.plotBottom = y;
  chart.height = Math.ceil(y + 6);
  return chart;
}
