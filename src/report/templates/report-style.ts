/**
 * The page's only stylesheet, inlined: readable on screen, on a phone (tables reflow or scroll in
 * their own box, the chart swaps to its narrow shape) and on A4 paper (the summary sheet on the
 * first page, nothing repeated, page numbers and provenance in the page margin).
 */
export const REPORT_STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1a1a1a;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.55rem; line-height: 1.25; margin: 0 0 .4rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
h4 { font-size: .98rem; margin: 1.1rem 0 .3rem; }
p { margin: .4rem 0; }
p.meta { color: #333; margin: 0 0 1rem; }
.table-box { overflow-x: auto; margin: .4rem 0 1rem; }
.table-box:focus-visible { outline: 2px solid #1f3b57; outline-offset: 2px; }
table { border-collapse: collapse; width: 100%; margin: 0; }
caption { text-align: left; font-weight: 700; padding: .3rem 0; }
th, td { text-align: left; vertical-align: top; padding: .28rem .5rem; border-bottom: 1px solid #c8c8c8; }
thead th { border-bottom: 2px solid #1a1a1a; font-size: .88rem; }
th[scope="row"] { font-weight: 400; }
.num, .value, .change { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.value { font-weight: 600; }
.weight { color: #444; font-size: .9rem; white-space: nowrap; }
.rating, .status { white-space: nowrap; }
.id { white-space: nowrap; font-variant-numeric: tabular-nums; }
tbody.section > tr.heading > th { font-weight: 700; font-size: 1rem; padding-top: .9rem; border-bottom: 1.5px solid #1a1a1a; }
tr.summary td { font-style: italic; color: #333; }
tr.total th, tr.total td { font-weight: 700; border-top: 1.5px solid #1a1a1a; }
tr.overall th, tr.overall td { font-weight: 800; border-top: 3px double #1a1a1a; border-bottom: 0; text-transform: uppercase; }
tr.changed th, tr.changed td { background: #fff4e0; }
tr.changed .change { font-weight: 700; }
table.comparison thead th.value { white-space: normal; }
.footnote, .note { color: #444; font-size: .88rem; }
.not-counted { color: #555; }
dl.key { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .3rem 0 1rem;
  font-size: .88rem; color: #333; }
dl.key dt { font-weight: 700; }
dl.key dd { margin: 0; }
.chart { margin: .5rem 0 1rem; }
.chart svg { width: 100%; height: auto; display: block; }
.chart svg.narrow { display: none; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; fill: #1a1a1a; }
svg .grid { stroke: #d0d0d0; stroke-width: 1; }
svg .axis { font-size: 11px; fill: #333; }
svg .legend { font-size: 12px; }
svg .heading { font-size: 13px; font-weight: 700; }
svg .label { font-size: 12px; }
svg .mark { font-size: 12px; }
svg .band { font-size: 12px; font-style: italic; }
svg .boundary line { stroke: #1a1a1a; stroke-width: 1.5; stroke-dasharray: 3 2; }
svg .boundary line.halo { stroke: #fff; stroke-width: 4; stroke-dasharray: none; }
.series-0 { fill: #1f3b57; } .series-1 { fill: #c77322; } .series-2 { fill: #3a7a3a; }
.series-3 { fill: #7a3d7a; } .series-4 { fill: #8f2d2d; } .series-5 { fill: #4d4d4d; }
.qbar { width: 10rem; }
.qbar svg { display: inline-block; width: 6rem; height: .75rem; margin-right: .5rem; vertical-align: -.05rem; }
.qbar .track { fill: #fff; stroke: #8a8a8a; stroke-width: 1; }
.criterion, .targets, tbody.section, figure { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 0; }
figcaption { font-size: .88rem; color: #444; }
dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .4rem 0; }
dl.provenance dt { font-weight: 600; }
dl.provenance dd { margin: 0; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9rem;
  overflow-wrap: anywhere; }
.warning { border: 2px solid #8f2d2d; padding: .5rem .75rem; font-weight: 600; }
.pass { color: #1d5e20; font-weight: 700; } .fail { color: #8f2d2d; font-weight: 700; }
ul.trace, ul.trace ul { list-style: none; margin: 0; padding-left: 1.1rem; border-left: 1px solid #c8c8c8; }
ul.trace { padding-left: 0; border-left: 0; }
ul.trace li { margin: .25rem 0; }
ul.trace .value { font-weight: 400; color: #333; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media screen and (max-width: 47.99rem) {
  .chart svg.wide { display: none; }
  .chart svg.narrow { display: block; max-width: 34rem; }
}
@media screen and (max-width: 40rem) {
  body { font-size: 14px; }
  main { padding: 1rem .75rem 2rem; }
  h1 { font-size: 1.3rem; }
  th, td { padding: .25rem .35rem; }
  thead th { white-space: normal; }
  .value, .weight, .rating, .status, .change { white-space: normal; }
  dl.key, dl.provenance { grid-template-columns: 1fr; }
  dl.key dd, dl.provenance dd { margin: 0 0 .3rem; }
  table.reflow, table.reflow tbody { display: block; }
  table.reflow thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  table.reflow tr { display: flex; flex-wrap: wrap; column-gap: .9rem; padding: .35rem 0; border-bottom: 1px solid #c8c8c8; }
  table.reflow th, table.reflow td { display: block; border: 0; padding: .05rem 0; text-align: left; width: auto; }
  table.reflow .id { min-width: 2.6rem; }
  table.reflow .text { flex: 1 1 12rem; }
  table.reflow .note, table.reflow .label, table.reflow tr.heading > th { flex: 1 1 100%; }
  table.reflow tr.changed { background: #fff4e0; }
  table.reflow td[data-label]::before { content: attr(data-label) ": "; color: #444; font-weight: 400; }
  table.reflow .qbar svg { display: none; }
}
@page { size: A4; margin: 14mm 13mm 16mm; }
@media print {
  body { font-size: 9.5pt; line-height: 1.3; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 15pt; }
  h2 { font-size: 12pt; margin: 1rem 0 .3rem; }
  h3 { font-size: 10.5pt; margin: .8rem 0 .3rem; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  th, td { padding: .12rem .35rem; }
  tbody.section > tr.heading > th { padding-top: .35rem; font-size: 9.5pt; }
  .table-box { overflow: visible; }
  .num, .change { white-space: normal; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .summary-sheet { break-after: page; page-break-after: always; }
  tr.changed th, tr.changed td { background: none; }
  section.pack.thematic { break-before: page; page-break-before: always; }
  section.provenance { break-inside: avoid; }
}
`;
