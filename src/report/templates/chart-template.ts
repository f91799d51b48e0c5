/**
 * A horizontal bar chart in inline SVG, laid out by layoutBarChart twice: a wide shape (labels
 * beside the bars) for screens and paper, a narrow one (labels above) shown instead on a phone.
 * Only one is displayed at a time, so a screen reader meets one picture with one title.
 */
export const CHART_TEMPLATE = `<figure class="chart">
<% it.charts.forEach(function (c) { %>
<svg class="<%= c.shape %>" viewBox="0 0 <%= c.width %> <%= c.height %>" role="img">
<title><%= it.caption %></title>
<% c.legend.forEach(function (l) { %>
<rect class="series-<%= l.series %>" x="<%= l.x %>" y="<%= l.y + 1 %>" width="12" height="12"></rect><% l.lines.forEach(function (t) { %><text class="legend" x="<%= t.x %>" y="<%= t.y %>"><%= t.text %></text><% }) %>
<% }) %>
<% c.ticks.forEach(function (t) { %>
<line class="grid" x1="<%= t.x %>" y1="<%= c.plotTop - 4 %>" x2="<%= t.x %>" y2="<%= c.plotBottom %>"></line><text class="axis" x="<%= t.x %>" y="<%= c.plotTop - 7 %>" text-anchor="middle"><%= t.label %></text>
<% }) %>
<% c.headings.forEach(function (h) { %>
<text class="heading" x="<%= h.x %>" y="<%= h.y %>"><%= h.text %></text>
<% }) %>
<% c.labels.forEach(function (l) { %>
<text class="label" x="<%= l.x %>" y="<%= l.y %>"><%= l.text %></text>
<% }) %>
<% c.marks.forEach(function (m) { if (m.width !== null) { %>
<rect class="bar series-<%= m.series %>" x="<%= c.plotX %>" y="<%= m.y %>" width="<%= m.width %>" height="<%= c.barHeight %>"><title><%= m.title %></title></rect>
<% } }) %>
<% c.boundaries.forEach(function (b) { %>
<g class="boundary"><title><%= b.label %></title><line class="halo" x1="<%= b.x %>" y1="<%= b.y1 %>" x2="<%= b.x %>" y2="<%= b.y2 %>"></line><line x1="<%= b.x %>" y1="<%= b.y1 %>" x2="<%= b.x %>" y2="<%= b.y2 %>"></line></g>
<% }) %>
<% c.marks.forEach(function (m) { %>
<% if (m.width !== null) { %>
<text class="mark" x="<%= m.textX %>" y="<%= m.y + c.barHeight / 2 %>" dominant-baseline="central"><%= m.text %></text>
<% } else { %>
<% if (c.series.length > 1) { %><rect class="series-<%= m.series %>" x="<%= c.plotX %>" y="<%= m.y + 2 %>" width="9" height="9"></rect><% } %>
<text class="band" x="<%= m.textX %>" y="<%= m.y + c.barHeight / 2 %>" dominant-baseline="central"><title><%= m.title %></title><%= m.text %></text>
<% } %>
<% }) %>
</svg>
<% }) %>
<figcaption><%= it.caption %><% if (it.key) { %> <%= it.key %><% } %></figcaption>
</figure>
`;
