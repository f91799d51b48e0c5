/**
 * A section's heading, `Section B – Quality of Assessment`; when the title already starts with the
 * section's id (`1.1 Leadership`), the id is not printed twice: `Section 1.1 Leadership`.
 */
export function describeSectionHeading(id: string, title: string): string {
  const rest = title.startsWith(id) ? title.slice(id.length) : null;
  if (rest !== null && (rest === '' || /^[\s.:–—-]/.test(rest))) return `Section ${title}`;
  return `Section ${id} – ${title}`;
}
