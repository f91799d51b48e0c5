/** The page of one inspection: its packs (the methodology, then thematics), provenance and cases. */
export const PAGE_TEMPLATE = `<% layout('@document') %>
<% it.packs.forEach(function (pack, i) { %>
<%~ include('@pack', { pack: pack, level: i === 0 ? 2 : 3, thematic: i > 0 }) %>
<% }) %>
<%~ include('@provenance', it) %>
`;
