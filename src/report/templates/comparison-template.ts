/** Several inspections side by side: a table with a column per area, then a grouped bar chart. */
export const COMPARISON_TEMPLATE = `<% layout('@document') %>
<% if (it.warning !== null) { %>
<p class="warning" role="alert">Warning: <%= it.warning %></p>
<% } %>
<h2>Results by area</h2>
<table class="comparison">
<thead><tr><th scope="col">Criterion</th><% it.areas.forEach(function (area) { %><th scope="col" class="value"><%= area %></th><% }) %></tr></thead>
<% it.groups.forEach(function (group) { %>
<tbody class="section">
<% if (group.heading !== '') { %>
<tr class="heading"><th scope="rowgroup" colspan="<%= it.areas.length + 1 %>"><%= group.heading %></th></tr>
<% } %>
<% group.rows.forEach(function (row) { %>
<tr<%~ row.total ? ' class="total"' : '' %>><th scope="row"><%= row.label %></th><% row.values.forEach(function (value) { %><td class="value"><%= value.text %></td><% }) %></tr>
<% }) %>
</tbody>
<% }) %>
</table>
<% if (it.note !== null) { %>
<p class="footnote"><%= it.note %></p>
<% } %>
<h2>Scores by area</h2>
<%~ include('@chart', { chart: it.chart, caption: 'Scores by criterion and area, grouped by section; results without a score are written in place of a bar.' }) %>
`;
