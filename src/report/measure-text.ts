/** The width of a text in a terminal, counted in code points (the report prints no wide characters). */
export function measureText(text: string): number {
  let width = 0;
  for (const _ of text) width += 1;
  return width;
}
