/** ANSI styles for a terminal; identity functions when colour is off. */
export interface TextStyle {
  bold(text: string): string;
  dim(text: string): string;
}

const PLAIN: TextStyle = { bold: (t) => t, dim: (t) => t };

const ANSI: TextStyle = {
  bold: (t) => (t === '' ? t : `\u001b[1m${t}\u001b[22m`),
  dim: (t) => (t === '' ? t : `\u001b[2m${t}\u001b[22m`),
};

/** The styles to use: ANSI only when colour was asked for. */
export function pickStyle(color: boolean): TextStyle {
  return color ? ANSI : PLAIN;
}
