/**
 * A pack diff for a methodology board: the verdict on the version, the changes by what they are
 * to, the impact on each inspection (results that moved, cases whose outcomes changed), the band
 * transitions across them, and provenance.
 */
export const DIFF_TEMPLATE = `<% layout('@document') %>
<p class="<%= it.verdict.ok ? 'pass' : 'fail' %>">Version: <%= it.verdict.message %></p>
<h2>Changes</h2>
<% if (it.groups.length === 0) { %><p>No changes.</p><% } %>
<% if (it.groups.length > 0) { %>
<div class="table-box">
<table class="changes reflow">
<thead><tr><th scope="col">Id</th><th scope="col">Change</th><th scope="col">Bump</th><th scope="col">Why</th></tr></thead>
<% it.groups.forEach(function (group) { %>
<tbody class="section">
<tr class="heading"><th scope="rowgroup" colspan="4"><%= group.heading %></th></tr>
<% group.changes.forEach(function (c) { %>
<tr><th scope="row" class="id"><%= c.id %></th><td class="text"><%= c.what %></td><td class="rating" data-label="Bump"><%= c.bump %></td><td class="note"><%= c.reason %></td></tr>
<% }) %>
</tbody>
<% }) %>
</table>
</div>
<% } %>
<% if (it.impact !== null) { %>
<h2>Impact on <%= it.impact.heading %></h2>
<% it.impact.inspections.forEach(function (inspection) { %>
<div class="inspection">
<h3><%= inspection.heading %></h3>
<% if (inspection.note) { %><p class="note">Note: <%= inspection.note %></p><% } %>
<% if (inspection.errors.length > 0) { %>
<p class="fail"><%= inspection.problem %></p>
<ul><% inspection.errors.forEach(function (e) { %><li><%= e %></li><% }) %></ul>
<% } else { %>
<p><%= inspection.summary %></p>
<% if (inspection.changes.length > 0) { %>
<div class="table-box">
<table class="impact reflow">
<thead><tr><th scope="col">Id</th><th scope="col">Result</th><th scope="col" class="value">Before</th><th scope="col" class="value">After</th></tr></thead>
<tbody>
<% inspection.changes.forEach(function (c) { %>
<tr<%~ c.id === 'overall' ? ' class="total"' : '' %>><th scope="row" class="id"><%= c.id %></th><td class="text"><%= c.title %></td><td class="value" data-label="Before"><%= c.before %></td><td class="value" data-label="After"><%= c.after %></td></tr>
<% }) %>
</tbody>
</table>
</div>
<% } %>
<% if (inspection.cases.length > 0) { %>
<h4>Cases whose outcome changed</h4>
<ul class="cases">
<% inspection.cases.forEach(function (line) { %><li><%= line %></li><% }) %>
</ul>
<% } %>
<% } %>
</div>
<% }) %>
<h2>Band transitions</h2>
<% if (it.impact.transitions.length === 0) { %><p>No band changed.</p><% } else { %>
<div class="table-box">
<table class="transitions">
<thead><tr><th scope="col">Id</th><th scope="col">Before</th><th scope="col">After</th><th scope="col" class="num">Inspections</th></tr></thead>
<tbody>
<% it.impact.transitions.forEach(function (t) { %>
<tr><th scope="row" class="id"><%= t.id %></th><td><%= t.before %></td><td><%= t.after %></td><td class="num"><%= t.count %> of <%= t.of %></td></tr>
<% }) %>
</tbody>
</table>
</div>
<% } %>
<% } %>
<%~ include('@provenance', { provenance: it.provenance, cases: null, excluded: [] }) %>
`;
