/** The page of one inspection: its packs (the methodology, then thematics), provenance and cases. */
export const PAGE_TEMPLATE = `<% layout('@document') %>
<% it.packs.forEach(function (pack, i) { %>
<%~ include('@pack', { pack: pack, level: i === 0 ? 2 : 3, thematic: i > 0 }) %>
<% }) %>
<section class="provenance">
<h2>Provenance</h2>
<dl class="provenance">
<% it.provenance.forEach(function (entry) { %>
<dt><%= entry[0] %></dt><dd><%= entry[1] %></dd>
<% }) %>
</dl>
<% if (it.cases) { %><p class="cases"><%= it.cases %></p><% } %>
<% if (it.excluded.length > 0) { %>
<ul class="excluded">
<% it.excluded.forEach(function (line) { %>
<li>excluded <%= line %></li>
<% }) %>
</ul>
<% } %>
</section>
`;
