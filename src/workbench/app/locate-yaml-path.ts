/**
 * Where the cursor is in a YAML document, read from the text around it (it may not parse while
 * being typed): the path of keys and list items above it, and whether a key or a value is being
 * written. Block style by indentation, and one level of flow style (`{ a: 1, b: |`) on the line.
 */
export interface YamlPlace {
  /** Keys, and '[]' for a list item, from the document's root to the mapping or list the cursor is in. */
  path: string[];
  /** A key is being written, or the value of `key`. */
  at: 'key' | 'value';
  key?: string;
  /** At the start of a list item: it may also be a scalar entry of the list held by this key. */
  listOf?: string;
  /** Where the word being written starts, and the word so far. */
  from: number;
  word: string;
}

interface Line {
  indent: number;
  /** Columns of the list dashes that open the line. */
  dashes: number[];
  key?: string;
  keyCol: number;
  /** What follows `key:` (or the whole content when there is no key). */
  rest: string;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'[^']*'|[^\s:#'"{}[\],-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?=\s|$)/;

export function parseLine(text: string): Line {
  const indent = text.length - text.trimStart().length;
  let col = indent;
  const dashes: number[] = [];
  while (/^-(\s|$)/.test(text.slice(col))) {
    dashes.push(col);
    col += 1;
    while (text[col] === ' ') col++;
  }
  const content = text.slice(col);
  const match = KEY.exec(content);
  if (!match) return { indent, dashes, keyCol: col, rest: content };
  return { indent, dashes, key: unquote(match[1]!.trim()), keyCol: col, rest: content.slice(match[0].length).trim() };
}

function unquote(key: string): string {
  return /^(["']).*\1$/.test(key) ? key.slice(1, -1) : key;
}

function isBlank(text: string): boolean {
  const t = text.trim();
  return t === '' || t.startsWith('#');
}

/** The keys and list items that hold a line whose content starts at column `target`, looking upward from line `index`. */
function parentPath(lines: readonly string[], index: number, target: number): string[] {
  const path: string[] = [];
  for (let i = index - 1; i >= 0 && target > 0; i--) {
    if (isBlank(lines[i]!)) continue;
    const line = parseLine(lines[i]!);
    const lastDash = line.dashes[line.dashes.length - 1];
    if (line.key !== undefined && line.keyCol < target) {
      path.unshift(line.key);
      target = line.keyCol;
      // The key may itself open a list item.
      if (lastDash !== undefined) {
        path.unshift('[]');
        target = lastDash;
      }
    } else if (lastDash !== undefined && lastDash < target) {
      path.unshift('[]');
      target = lastDash;
    } else if (line.key === undefined && line.indent < target && line.dashes.length === 0) {
      // A plain scalar line shallower than us: not a parent; keep looking.
      continue;
    }
  }
  return path;
}

/** The place of the cursor at `offset` in `text`. */
export function locateYamlPath(text: string, offset: number): YamlPlace {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lines = text.slice(0, lineStart).split('\n');
  lines.pop(); // the empty piece after the last newline
  const before = text.slice(lineStart, offset);
  const line = parseLine(before);
  const base = parentPath(lines, lines.length, line.dashes[0] ?? line.keyCol);
  const path = [...base, ...line.dashes.map(() => '[]')];
  const wordMatch = /[\w$.:@-]*$/.exec(before)!;
  const word = wordMatch[0];
  const from = offset - word.length;
  if (line.key === undefined) {
    // A key being typed; after a dash, perhaps a scalar entry of the list instead.
    const listKey = base[base.length - 1];
    if (line.dashes.length > 0 && listKey !== undefined && listKey !== '[]') return { path, at: 'key', listOf: listKey, from, word };
    return { path, at: 'key', from, word };
  }
  // After `key:` on this line: a value, or a flow collection.
  return inFlow([...path], line.key, line.rest, from, word);
}

/** Inside `{ … }` or `[ … ]` written after a key on one line. */
function inFlow(path: string[], key: string, rest: string, from: number, word: string): YamlPlace {
  const stack: Array<{ kind: '{' | '['; key: string }> = [];
  let currentKey = key;
  let expectingKey = false;
  let token = '';
  for (const ch of rest) {
    if (ch === '{' || ch === '[') {
      stack.push({ kind: ch, key: currentKey });
      expectingKey = ch === '{';
      token = '';
    } else if (ch === '}' || ch === ']') {
      stack.pop();
      expectingKey = false;
      token = '';
    } else if (ch === ',') {
      expectingKey = stack[stack.length - 1]?.kind === '{';
      token = '';
    } else if (ch === ':') {
      if (expectingKey) {
        currentKey = token.trim().replace(/^["']|["']$/g, '');
        expectingKey = false;
      }
      token = '';
    } else {
      token += ch;
    }
  }
  if (stack.length === 0) return { path, at: 'value', key, from, word };
  const flowPath = [...path];
  for (const level of stack) flowPath.push(level.key, ...(level.kind === '[' ? ['[]'] : []));
  const top = stack[stack.length - 1]!;
  if (top.kind === '[') return { path: flowPath.slice(0, -2), at: 'value', key: top.key, from, word };
  if (expectingKey) return { path: flowPath, at: 'key', from, word };
  return { path: flowPath, at: 'value', key: currentKey, from, word };
}
