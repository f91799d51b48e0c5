const VOID = new Set(['meta', 'link', 'br', 'hr', 'img', 'input', 'col', 'area', 'base', 'wbr', 'source', 'track', 'embed']);
/** Elements whose content is raw text, not markup. */
const RAW = new Set(['style', 'script', 'title']);

/**
 * Checks that an HTML text is one well-nested document: a doctype, then one `html` element holding
 * one `head` and one `body`, every element closed in order. Returns the problems found.
 */
export function checkHtml(html: string): string[] {
  const problems: string[] = [];
  if (!html.startsWith('<!DOCTYPE html>')) problems.push('no doctype first');
  const stack: string[] = [];
  const counts = new Map<string, number>();
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*(\/?)>/g;
  let at = html.indexOf('>') + 1;
  let topLevel = 0;
  for (;;) {
    tag.lastIndex = at;
    const m = tag.exec(html);
    if (m === null) break;
    const between = html.slice(at, m.index);
    if (/[<>]/.test(between)) problems.push(`stray angle bracket in text near ${JSON.stringify(between.slice(0, 40))}`);
    at = tag.lastIndex;
    const [, closing, rawName, , selfClosing] = m;
    const name = rawName!.toLowerCase();
    if (closing === '/') {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
      continue;
    }
    const inSvg = stack.includes('svg');
    if (!inSvg) counts.set(name, (counts.get(name) ?? 0) + 1);
    if (stack.length === 0) topLevel += 1;
    if (VOID.has(name) || selfClosing === '/') continue;
    if (RAW.has(name) && !inSvg) {
      const end = html.indexOf(`</${name}>`, at);
      if (end < 0) problems.push(`<${name}> never closed`);
      else if (name !== 'style' && /[<>]/.test(html.slice(at, end))) problems.push(`markup inside <${name}>`);
      at = end < 0 ? html.length : end + name.length + 3;
      continue;
    }
    stack.push(name);
  }
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (/\S/.test(html.slice(at))) problems.push('text after the document');
  if (topLevel !== 1) problems.push(`${topLevel} top-level elements`);
  for (const name of ['html', 'head', 'body', 'title']) {
    if (counts.get(name) !== 1) problems.push(`${counts.get(name) ?? 0} <${name}> elements`);
  }
  return problems;
}
