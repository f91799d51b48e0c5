import { truncateText } from './truncate-text.js';

/** One value to chart: a score draws a bar; without one, `text` (a band, `not rated`) is written instead. */
export interface ChartValue {
  score: number | null;
  text: string;
}

/** A row of the chart: a label and one value per series. */
export interface ChartInput {
  label: string;
  values: ChartValue[];
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
  /** Where the value's text starts. */
  textX: number;
  text: string;
  /** The accessible description, e.g. `X1: Title — Area: 61%`. */
  title: string;
}

/** A laid-out horizontal bar chart, in the SVG's own units. */
export interface BarChart {
  width: number;
  height: number;
  plotX: number;
  plotWidth: number;
  barHeight: number;
  series: string[];
  /** The series' names and where to draw them, when there is more than one series. */
  legend: Array<{ series: number; x: number; y: number; text: string }>;
  ticks: Array<{ x: number; label: string }>;
  headings: Array<{ y: number; text: string }>;
  labels: Array<{ y: number; text: string; title: string }>;
  marks: ChartMark[];
  /** The top and bottom of the plot, for the grid lines. */
  plotTop: number;
  plotBottom: number;
}

const WIDTH = 760;
const LABEL_CHARS = 46;
const PLOT_X = 320;
const PLOT_WIDTH = 340;
const BAR_HEIGHT = 13;
const BAR_GAP = 3;
const ROW_PAD = 9;
const HEADING_HEIGHT = 28;
const LEGEND_HEIGHT = 22;
const LEGEND_PER_LINE = 4;
const LEGEND_CHARS = 26;
const AXIS_HEIGHT = 20;
const TICK_STEP = 25;
/** Room for the series' colour swatch before a value written as text. */
const SWATCH = 10;

function scaleOf(groups: ChartGroupInput[]): number {
  const scores = groups.flatMap((g) => g.rows.flatMap((r) => r.values.map((v) => v.score ?? 0)));
  return Math.max(100, ...scores);
}

/**
 * Lays out a horizontal bar chart of scores (percentages) grouped under headings, one bar per
 * series in each row; values without a score are written as text where the bar would be.
 */
export function layoutBarChart(groups: ChartGroupInput[], series: string[]): BarChart {
  const scale = scaleOf(groups);
  const toWidth = (score: number) => Math.round((Math.max(0, score) / scale) * PLOT_WIDTH * 10) / 10;
  const rowHeight = series.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP + ROW_PAD;
  const legendLines = series.length > 1 ? Math.ceil(series.length / LEGEND_PER_LINE) : 0;
  const top = legendLines * LEGEND_HEIGHT + AXIS_HEIGHT;
  const chart: BarChart = {
    width: WIDTH,
    height: 0,
    plotX: PLOT_X,
    plotWidth: PLOT_WIDTH,
    barHeight: BAR_HEIGHT,
    series,
    legend:
      legendLines === 0
        ? []
        : series.map((name, i) => ({
            series: i,
            x: (i % LEGEND_PER_LINE) * (WIDTH / LEGEND_PER_LINE),
            y: Math.floor(i / LEGEND_PER_LINE) * LEGEND_HEIGHT + 4,
            text: truncateText(name, LEGEND_CHARS),
          })),
    ticks: [],
    headings: [],
    labels: [],
    marks: [],
    plotTop: top,
    plotBottom: 0,
  };
  for (let tick = 0; tick <= scale; tick += TICK_STEP) chart.ticks.push({ x: PLOT_X + toWidth(tick), label: `${tick}%` });
  let y = top;
  for (const group of groups) {
    chart.headings.push({ y: y + HEADING_HEIGHT - 9, text: group.heading });
    y += HEADING_HEIGHT;
    for (const row of group.rows) {
      chart.labels.push({ y: y + rowHeight / 2, text: truncateText(row.label, LABEL_CHARS), title: row.label });
      row.values.forEach((value, i) => {
        const barY = y + ROW_PAD / 2 + i * (BAR_HEIGHT + BAR_GAP);
        const width = value.score === null ? null : toWidth(value.score);
        const who = series.length > 1 ? ` — ${series[i] ?? ''}` : '';
        chart.marks.push({
          series: i,
          y: barY,
          width,
          textX: PLOT_X + (width ?? (series.length > 1 ? SWATCH : 0)) + 5,
          text: value.text,
          title: `${row.label}${who}: ${value.text}`,
        });
      });
      y += rowHeight;
    }
  }
  chart.plotBottom = y;
  chart.height = y + 6;
  return chart;
}
