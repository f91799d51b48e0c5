/** Where a report's figures come from: labelled provenance lines, the case accounting, excluded cases. */
export const PROVENANCE_TEMPLATE = `<section class="provenance">
<h2><%= it.provenanceHeading || 'Provenance' %></h2>
<% (it.provenanceGroups || [{ heading: '', provenance: it.provenance, cases: it.cases, excluded: it.excluded }]).forEach(function (group) { %>
<% if (group.heading !== '') { %><h3><%= group.heading %></h3><% } %>
<dl class="provenance">
<% group.provenance.forEach(function (entry) { %>
<dt><%= entry[0] %></dt><dd><%= entry[1] %></dd>
<% }) %>
</dl>
<% if (group.cases) { %><p class="cases"><%= group.cases %></p><% } %>
<% if (group.excluded && group.excluded.length > 0) { %>
<ul class="excluded">
<% group.excluded.forEach(function (line) { %>
<li>excluded <%= line %></li>
<% }) %>
</ul>
<% } %>
<% }) %>
</section>
`;
