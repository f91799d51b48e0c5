/** An explanation of one figure: the figure's sentence, then the steps it is derived from as a nested list. */
export const TRACE_TEMPLATE = `<% layout('@document') %>
<p class="lead"><%= it.tree.label %></p>
<% if (it.tree.children.length > 0) { %>
<h2>How it was derived</h2>
<% function walk(nodes, depth) { %>
<ul<%~ depth === 0 ? ' class="trace"' : '' %>>
<% nodes.forEach(function (n) { %>
<li><%= n.label %><% if (n.children.length > 0 && depth + 1 < it.maxDepth) { walk(n.children, depth + 1); } %></li>
<% }) %>
</ul>
<% } walk(it.tree.children, 0); %>
<% } %>
<% if (it.provenance.length > 0) { %>
<%~ include('@provenance', { provenance: it.provenance, cases: null, excluded: [] }) %>
<% } %>
`;
