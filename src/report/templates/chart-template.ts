/** A horizontal bar chart in inline SVG, laid out by layoutBarChart; bars carry their own titles. */
export const CHART_TEMPLATE = `<% const c = it.chart; %>
<figure class="chart">
<svg viewBox="0 0 <%= c.width %> <%= c.height %>" role="img">
<title><%= it.caption %></title>
<% c.legend.forEach(function (l) { %>
<rect class="series-<%= l.series %>" x="<%= l.x %>" y="<%= l.y %>" width="12" height="12"></rect><text class="legend" x="<%= l.x + 17 %>" y="<%= l.y + 10 %>"><%= l.text %></text>
<% }) %>
<% c.ticks.forEach(function (t) { %>
<line class="grid" x1="<%= t.x %>" y1="<%= c.plotTop - 4 %>" x2="<%= t.x %>" y2="<%= c.plotBottom %>"></line><text class="axis" x="<%= t.x %>" y="<%= c.plotTop - 7 %>" text-anchor="middle"><%= t.label %></text>
<% }) %>
<% c.headings.forEach(function (h) { %>
<text class="heading" x="0" y="<%= h.y %>"><%= h.text %></text>
<% }) %>
<% c.labels.forEach(function (l) { %>
<text class="label" x="12" y="<%= l.y %>" dominant-baseline="central"><title><%= l.title %></title><%= l.text %></text>
<% }) %>
<% c.marks.forEach(function (m) { %>
<% if (m.width !== null) { %>
<g><title><%= m.title %></title><rect class="bar series-<%= m.series %>" x="<%= c.plotX %>" y="<%= m.y %>" width="<%= m.width %>" height="<%= c.barHeight %>"></rect><text class="mark" x="<%= m.textX %>" y="<%= m.y + c.barHeight / 2 %>" dominant-baseline="central"><%= m.text %></text></g>
<% } else { %>
<% if (c.series.length > 1) { %><rect class="series-<%= m.series %>" x="<%= c.plotX %>" y="<%= m.y + 2 %>" width="9" height="9"></rect><% } %>
<text class="band" x="<%= m.textX %>" y="<%= m.y + c.barHeight / 2 %>" dominant-baseline="central"><title><%= m.title %></title><%= m.text %></text>
<% } %>
<% }) %>
</svg>
<figcaption><%= it.caption %></figcaption>
</figure>
`;
