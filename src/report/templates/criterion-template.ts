/** One criterion's questions (with a bar of the share met) or evidence items. */
export const CRITERION_TEMPLATE = `<% const c = it.criterion; %>
<div class="criterion">
<h<%= it.level %>><%= c.heading %></h<%= it.level %>>
<% if (c.questions.length > 0) { const notes = c.questions.some(function (q) { return q.note !== ''; }); %>
<div class="table-box">
<table class="questions reflow">
<thead><tr><th scope="col">Id</th><th scope="col">Question</th><th scope="col" class="num">Relevant</th><th scope="col" class="num">Met</th><th scope="col" class="num">Percent met</th><% if (notes) { %><th scope="col">Notes</th><% } %></tr></thead>
<tbody>
<% c.questions.forEach(function (q) { %>
<tr><th scope="row" class="id"><%= q.id %></th><td class="text"><%= q.text %></td><td class="num" data-label="Relevant"><%= q.relevant %></td><td class="num" data-label="Met"><%= q.met %></td><td class="num qbar" data-label="Percent met"><% if (q.bar !== null) { %><svg viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true"><rect class="track" x="0" y="0" width="100" height="8" vector-effect="non-scaling-stroke"></rect><rect class="fill series-0" x="0" y="0" width="<%= q.bar %>" height="8"></rect></svg><% } %><%= q.percent %></td><% if (notes) { %><td class="note"><%= q.note %></td><% } %></tr>
<% }) %>
</tbody>
</table>
</div>
<% } %>
<% if (c.items.length > 0) { const notes = c.items.some(function (i) { return i.note !== ''; }); %>
<div class="table-box">
<table class="items reflow">
<thead><tr><th scope="col">Id</th><th scope="col">Evidence</th><th scope="col">Rating</th><% if (notes) { %><th scope="col">Notes</th><% } %></tr></thead>
<tbody>
<% c.items.forEach(function (item) { %>
<tr<%~ item.counted ? '' : ' class="not-counted"' %>><th scope="row" class="id"><%= item.id %></th><td class="text"><%= item.text %></td><td class="rating" data-label="Rating"><%= item.rating %></td><% if (notes) { %><td class="note"><%= item.note %></td><% } %></tr>
<% }) %>
</tbody>
</table>
</div>
<% } %>
</div>
`;
