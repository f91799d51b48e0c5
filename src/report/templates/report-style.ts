/** The page's only stylesheet, inlined: readable on screen and on A4 paper, no background needed to read. */
export const REPORT_STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1a1a1a;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.55rem; line-height: 1.25; margin: 0 0 1rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid #1a1a1a; }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
h4 { font-size: .98rem; margin: 1.1rem 0 .3rem; }
p { margin: .4rem 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
caption { text-align: left; font-weight: 700; padding: .3rem 0; }
th, td { text-align: left; vertical-align: top; padding: .28rem .5rem; border-bottom: 1px solid #c8c8c8; }
thead th { border-bottom: 2px solid #1a1a1a; font-size: .88rem; }
th[scope="row"] { font-weight: 400; }
.num, .value { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.value { font-weight: 600; }
.weight { color: #444; font-size: .9rem; white-space: nowrap; }
.rating, .status { white-space: nowrap; }
.id { white-space: nowrap; font-variant-numeric: tabular-nums; }
tbody.section > tr.heading > th { font-weight: 700; font-size: 1rem; padding-top: .9rem; border-bottom: 1.5px solid #1a1a1a; }
tr.summary td { font-style: italic; color: #333; }
tr.total th, tr.total td { font-weight: 700; border-top: 1.5px solid #1a1a1a; }
tfoot tr.overall th, tfoot tr.overall td { font-weight: 800; border-top: 3px double #1a1a1a; border-bottom: 0;
  text-transform: uppercase; }
.footnote, .note { color: #444; font-size: .88rem; }
.not-counted { color: #555; }
.chart { margin: .5rem 0 1rem; }
.chart svg { width: 100%; height: auto; display: block; }
svg text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; fill: #1a1a1a; }
svg .grid { stroke: #d0d0d0; stroke-width: 1; }
svg .axis { font-size: 11px; fill: #444; }
svg .legend { font-size: 12px; }
svg .heading { font-size: 13px; font-weight: 700; }
svg .label { font-size: 12px; }
svg .mark { font-size: 12px; }
svg .band { font-size: 12px; font-style: italic; }
.series-0 { fill: #2b5d8a; } .series-1 { fill: #b35900; } .series-2 { fill: #3a7a3a; }
.series-3 { fill: #7a3d7a; } .series-4 { fill: #8f2d2d; } .series-5 { fill: #4d4d4d; }
.qbar { width: 10rem; }
.qbar svg { display: inline-block; width: 6rem; height: .75rem; margin-right: .5rem; vertical-align: -.05rem; }
.qbar .track { fill: #fff; stroke: #8a8a8a; stroke-width: 1; }
.criterion, .targets, tbody.section, figure { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 0; }
figcaption { font-size: .88rem; color: #444; }
dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .4rem 0; }
dl.provenance dt { font-weight: 600; }
dl.provenance dd { margin: 0; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9rem; }
.warning { border: 2px solid #8f2d2d; padding: .5rem .75rem; font-weight: 600; }
@page { size: A4; margin: 15mm 14mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; page-break-after: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  section.pack.thematic { break-before: page; page-break-before: always; }
}
`;
