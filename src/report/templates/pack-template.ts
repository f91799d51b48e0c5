/** One pack's result: its sheet, chart, questions and evidence, targets. `level` is its sub-headings' level. */
export const PACK_TEMPLATE = `<section class="pack<%= it.thematic ? ' thematic' : '' %>">
<% if (it.thematic) { %>
<h2><%= it.pack.sheet.title %></h2>
<% } %>
<div class="summary-sheet">
<h<%= it.level %>>Scoring summary sheet</h<%= it.level %>>
<%~ include('@sheet', { sheet: it.pack.sheet, key: it.pack.key, label: 'Scoring summary sheet' + (it.thematic ? ': ' + it.pack.sheet.title : '') }) %>
</div>
<h<%= it.level %>>Scores by criterion</h<%= it.level %>>
<%~ include('@chart', { charts: it.pack.charts, caption: 'Scores by criterion, grouped by section; results without a score are written in place of a bar.', key: it.pack.chartKey }) %>
<% if (it.pack.criteria.length > 0) { %>
<h<%= it.level %>>Questions and evidence</h<%= it.level %>>
<% it.pack.criteria.forEach(function (criterion) { %>
<%~ include('@criterion', { criterion: criterion, level: it.level + 1 }) %>
<% }) %>
<% } %>
<% if (it.pack.targetGroups.length > 0) { %>
<h<%= it.level %>>Targets</h<%= it.level %>>
<% it.pack.targetGroups.forEach(function (group) { %>
<%~ include('@targets', { group: group, level: it.level + 1 }) %>
<% }) %>
<% } %>
</section>
`;
