/** A test run of packs: per pack a table of its tests, pass or fail with what differed, and what no test exercised. */
export const TESTS_TEMPLATE = `<% layout('@document') %>
<p class="<%= it.failed === 0 ? 'pass' : 'fail' %>"><%= it.passed %> passed, <%= it.failed %> failed</p>
<% it.packs.forEach(function (pack) { %>
<section class="tests">
<h2><%= pack.heading %></h2>
<% if (pack.errors.length > 0) { %>
<p class="fail">The pack's tests could not run:</p>
<ul><% pack.errors.forEach(function (e) { %><li><%= e %></li><% }) %></ul>
<% } else if (pack.outcomes.length === 0) { %>
<p>No tests.</p>
<% } else { %>
<div class="table-box">
<table class="outcomes reflow">
<thead><tr><th scope="col">Test</th><th scope="col">Result</th><th scope="col">Details</th></tr></thead>
<tbody>
<% pack.outcomes.forEach(function (o) { %>
<tr><th scope="row" class="text"><%= o.name %></th><td class="<%= o.passed ? 'pass' : 'fail' %>" data-label="Result"><%= o.passed ? 'pass' : 'FAIL' %></td><td class="note"><% o.details.forEach(function (d, i) { %><% if (i > 0) { %><br><% } %><%= d %><% }) %></td></tr>
<% }) %>
</tbody>
</table>
</div>
<% } %>
<% if (pack.coverage !== null) { %>
<p><%= pack.coverage.line %></p>
<% if (pack.coverage.gaps.length > 0) { %><ul><% pack.coverage.gaps.forEach(function (g) { %><li>not exercised: <%= g %></li><% }) %></ul><% } %>
<% } %>
</section>
<% }) %>
`;
