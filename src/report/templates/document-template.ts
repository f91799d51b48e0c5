/** The HTML document every report page sits in: head, inline style, the title as the first heading, then the page's body. */
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
<%~ it.body %>
</main>
</body>
</html>
`;
