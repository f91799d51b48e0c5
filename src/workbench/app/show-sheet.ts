/**
 * The scoring sheet — the HTML `criteria score --format html` writes — in a sandboxed frame (no
 * script runs in it). Each figure that has an explain trace becomes a button: the results' ids
 * are matched with the rows and headings the sheet prints for them.
 */
import type { ResultEntry } from './api-types.js';

const FRAME_STYLE = `
button.explain { font: inherit; color: inherit; background: none; border: 0; padding: 0; margin: 0;
  text-align: inherit; cursor: pointer; text-decoration: underline dotted; text-underline-offset: .2em; }
button.explain:hover { background: #eef3fb; }
button.explain:focus-visible { outline: 3px solid #1a56c4; outline-offset: 1px; }
button.explain.chosen { background: #fff3c4; }
main { max-width: none; }
`;

export function showSheet(
  frame: HTMLIFrameElement,
  html: string,
  results: readonly ResultEntry[],
  onExplain: (id: string) => void,
  onShown?: () => void,
): void {
  const current = frame.contentDocument;
  // Once the frame holds a sheet, a new one replaces its head and body in place: no new document
  // to load, and the reader keeps their place.
  if (current?.body?.hasAttribute('data-sheet')) {
    const next = new DOMParser().parseFromString(html, 'text/html');
    current.title = next.title;
    const style = next.head.querySelector('style')?.textContent ?? '';
    const own = current.head.querySelector('style:not([data-workbench])');
    if (own && own.textContent !== style) own.textContent = style;
    const body = current.importNode(next.body, true);
    body.setAttribute('data-sheet', '');
    current.body.replaceWith(body);
    makeFiguresClickable(current, results);
    onShown?.();
    return;
  }
  frame.addEventListener(
    'load',
    () => {
      const doc = frame.contentDocument;
      if (!doc) return;
      const style = doc.createElement('style');
      style.setAttribute('data-workbench', '');
      style.textContent = FRAME_STYLE;
      doc.head.appendChild(style);
      doc.body.setAttribute('data-sheet', '');
      makeFiguresClickable(doc, results);
      // On the document, so it outlives the bodies swapped in later.
      doc.addEventListener('click', (event) => {
        const button = (event.target as Element | null)?.closest?.('button[data-explain]');
        if (!button) return;
        doc.querySelectorAll('button.explain.chosen').forEach((b) => b.classList.remove('chosen'));
        button.classList.add('chosen');
        onExplain(button.getAttribute('data-explain')!);
      });
      onShown?.();
    },
    { once: true },
  );
  frame.srcdoc = html;
}

function makeFiguresClickable(doc: Document, results: readonly ResultEntry[]): void {
  const packIds = [...new Set(results.map((r) => r.pack))];
  doc.querySelectorAll('section.pack').forEach((section, index) => {
    const packId = packIds[index];
    if (packId === undefined) return;
    const own = results.filter((r) => r.pack === packId);
    const prefix = index === 0 ? '' : `${packId}:`;
    const byId = new Map(own.map((r) => [r.id.slice(prefix.length), r]));
    const titled = own.filter((r) => r.kind === 'criterion' || r.kind === 'measure');
    const find = (text: string): ResultEntry | undefined => {
      const t = text.trim();
      const section = /^Score for section (\S+)$/.exec(t);
      if (section) return byId.get(section[1]!);
      return byId.get(t) ?? titled.find((r) => t.startsWith(`${r.id.slice(prefix.length)}: `));
    };
    section.querySelectorAll('tr').forEach((row) => {
      const header = row.querySelector('th[scope="row"]');
      if (!header) return;
      const entry = row.classList.contains('overall') ? byId.get('overall') : find(header.textContent ?? '');
      if (!entry) return;
      const cell = row.querySelector('td.value') ?? header;
      wrap(doc, cell, entry);
    });
    section.querySelectorAll('h3').forEach((heading) => {
      const entry = find((heading.textContent ?? '').split(' — ')[0] ?? '');
      if (entry && (entry.kind === 'criterion' || entry.kind === 'measure')) wrap(doc, heading, entry);
    });
  });
}

function wrap(doc: Document, cell: Element, entry: ResultEntry): void {
  if (cell.querySelector('button.explain')) return;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'explain';
  button.setAttribute('data-explain', entry.id);
  button.title = `Explain ${entry.id}`;
  while (cell.firstChild) button.appendChild(cell.firstChild);
  cell.appendChild(button);
}
