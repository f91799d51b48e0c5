/**
 * The scoring summary sheet as one table: a row group per section, the overall result in a last
 * row group of its own (not a `tfoot`, which a browser repeats at the foot of every printed page).
 */
export const SHEET_TEMPLATE = `<%
const withWeight = it.sheet.sections.some(function (s) { return s.criteria.some(function (r) { return r.weight !== ''; }); });
const span = withWeight ? 3 : 2;
function row(r, cls) { %>
<tr<%~ cls ? ' class="' + cls + '"' : '' %>><th scope="row"><%= r.label %></th><% if (withWeight) { %><td class="weight"><%= r.weight %></td><% } %><td class="value"><%= r.value + r.marker %></td></tr>
<% } %>
<section class="table-box" aria-label="<%= it.label %>" tabindex="0">
<table class="sheet">
<thead><tr><th scope="col">Criterion</th><% if (withWeight) { %><th scope="col">Weight</th><% } %><th scope="col" class="value">Result</th></tr></thead>
<% it.sheet.sections.forEach(function (section) { %>
<tbody class="section">
<% if (section.heading !== '') { %>
<tr class="heading"><th scope="rowgroup" colspan="<%= span %>"><%= section.heading %></th></tr>
<% } %>
<% if (section.summary !== undefined) { %>
<tr class="summary"><td colspan="<%= span %>"><%= section.summary %></td></tr>
<% } %>
<% section.criteria.forEach(function (r) { row(r, ''); }) %>
<% if (section.total !== null) { row(section.total, section.heading !== '' ? 'total' : ''); } %>
</tbody>
<% }) %>
<% if (it.sheet.overall !== null) { %>
<tbody class="overall"><% row(it.sheet.overall, 'overall'); %></tbody>
<% } %>
</table>
</section>
<% if (it.sheet.overallSummary !== undefined) { %>
<p class="summary"><%= it.sheet.overallSummary %></p>
<% } %>
<% it.sheet.footnotes.forEach(function (note) { %>
<p class="footnote"><%= note.marker %> <%= note.text %></p>
<% }) %>
<% if (it.key.length > 0) { %>
<dl class="key">
<% it.key.forEach(function (entry) { %>
<dt><%= entry[0] %></dt><dd><%= entry[1] %></dd>
<% }) %>
</dl>
<% } %>
`;
