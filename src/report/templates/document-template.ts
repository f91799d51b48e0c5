/**
 * The HTML document every report page sits in: head, inline style, the title as the first heading
 * with the lines that say what the page is about (`meta`), then the page's body.
 */
export const DOCUMENT_TEMPLATE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><%= it.title %></title>
<style><%~ it.style %></style>
</head>
<body>
<main>
<h1><%= it.title %></h1>
<% if (it.meta && it.meta.length > 0) { %>
<p class="meta"><% it.meta.forEach(function (line, i) { %><% if (i > 0) { %><span aria-hidden="true"> · </span><% } %><span><%= line %></span><% }) %></p>
<% } %>
<%~ it.body %>
</main>
</body>
</html>
`;
