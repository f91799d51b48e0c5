/** One targets table: each measure's target, figure, comparator and status. */
export const TARGETS_TEMPLATE = `<% const g = it.group; const notes = g.targets.some(function (t) { return t.note !== ''; }); %>
<div class="targets">
<h<%= it.level %>><%= g.heading %></h<%= it.level %>>
<div class="table-box">
<table class="targets reflow">
<thead><tr><th scope="col">Measure</th><th scope="col" class="num">Target</th><th scope="col" class="num">Value</th><th scope="col" class="num">Comparator</th><th scope="col">Status</th><% if (notes) { %><th scope="col">Notes</th><% } %></tr></thead>
<tbody>
<% g.targets.forEach(function (t) { %>
<tr><th scope="row" class="text"><%= t.measure %></th><td class="num" data-label="Target"><%= t.target %></td><td class="num" data-label="Value"><%= t.value %></td><td class="num" data-label="Comparator"><%= t.comparator %></td><td class="status" data-label="Status"><%= t.status %></td><% if (notes) { %><td class="note"><%= t.note %></td><% } %></tr>
<% }) %>
</tbody>
</table>
</div>
</div>
`;
