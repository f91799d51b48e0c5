/** Several inspections side by side: a table with a column per area and the change, a grouped bar chart, provenance. */
export const COMPARISON_TEMPLATE = `<% layout('@document') %>
<% if (it.warning !== null) { %>
<p class="warning" role="alert">Warning: <%= it.warning %></p>
<% } %>
<h2>Results by area</h2>
<section class="table-box" aria-label="Results by area" tabindex="0">
<table class="comparison reflow">
<thead><tr><th scope="col">Criterion</th><% it.areas.forEach(function (area) { %><th scope="col" class="value"><%= area %></th><% }) %><% if (it.withChange) { %><th scope="col" class="change">Change</th><% } %></tr></thead>
<% it.groups.forEach(function (group) { %>
<tbody class="section">
<% if (group.heading !== '') { %>
<tr class="heading"><th scope="rowgroup" colspan="<%= it.areas.length + (it.withChange ? 2 : 1) %>"><%= group.heading %></th></tr>
<% } %>
<% group.rows.forEach(function (row) { const cls = [row.total ? 'total' : '', row.change && row.change.changed ? 'changed' : ''].filter(Boolean).join(' '); %>
<tr<%~ cls ? ' class="' + cls + '"' : '' %>><th scope="row" class="label"><%= row.label %></th><% row.values.forEach(function (value, i) { %><td class="value" data-label="<%= it.areas[i] %>"><%= value.text %></td><% }) %><% if (it.withChange) { %><td class="change" data-label="Change"><%= row.change.text %></td><% } %></tr>
<% }) %>
</tbody>
<% }) %>
</table>
</section>
<% if (it.changeNote !== null) { %>
<p class="footnote"><%= it.changeNote %></p>
<% } %>
<% if (it.note !== null) { %>
<p class="footnote"><%= it.note %></p>
<% } %>
<h2>Scores by area</h2>
<%~ include('@chart', { charts: it.charts, caption: 'Scores by criterion and area, grouped by section; results without a score are written in place of a bar.', key: null }) %>
<%~ include('@provenance', { provenanceHeading: 'Provenance and cases', provenanceGroups: it.provenanceGroups }) %>
`;
