/**
 * The CodeMirror 6 editor: YAML highlighting, the engine's diagnostics as underlines (set from
 * outside after each check), completion and hover from the schemas and the pack, and the
 * workbench's keys.
 */
import { basicSetup } from 'codemirror';
import { yaml, yamlLanguage } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { EditorState, Prec, type Extension } from '@codemirror/state';
import { EditorView, hoverTooltip, keymap } from '@codemirror/view';
import type { Diagnostic, PackNames } from './api-types.js';
import { schemaCompletion, schemaHover, type JsonSchema } from './complete-from-schema.js';
import { h } from './make-element.js';

export interface EditorHooks {
  onChange(text: string): void;
  save(): void;
  nextProblem(): void;
  runTests(): void;
  schema: () => JsonSchema | undefined;
  names: () => PackNames | undefined;
}

export function buildEditor(parent: HTMLElement, hooks: EditorHooks): EditorView {
  const keys = Prec.highest(
    keymap.of([
      { key: 'Mod-s', preventDefault: true, run: () => (hooks.save(), true) },
      { key: 'F8', preventDefault: true, run: () => (hooks.nextProblem(), true) },
      { key: 'Mod-Enter', preventDefault: true, run: () => (hooks.runTests(), true) },
    ]),
  );
  const extensions: Extension[] = [
    keys,
    basicSetup,
    yaml(),
    yamlLanguage.data.of({ autocomplete: schemaCompletion(hooks.schema, hooks.names) }),
    hoverTooltip(schemaHover(hooks.schema, hooks.names)),
    lintGutter(),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) hooks.onChange(update.state.doc.toString());
    }),
    EditorView.lineWrapping,
    // The text is focusable (axe does not count contenteditable as focusable content of the scroller).
    EditorView.contentAttributes.of({ 'aria-label': 'File text', tabindex: '0' }),
  ];
  return new EditorView({ parent, state: EditorState.create({ doc: '', extensions }) });
}

/** Replaces the editor's text without treating it as an edit. */
export function loadText(view: EditorView, text: string, silent: { value: boolean }): void {
  silent.value = true;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } });
  silent.value = false;
}

/** The offset of a 1-based line and column, clamped into the document. */
export function offsetOf(view: EditorView, line: number, column: number): number {
  const doc = view.state.doc;
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(l.from + Math.max(column - 1, 0), l.to);
}

/** Shows diagnostics as underlines: from their column to the end of the word there (or the line). */
export function showDiagnostics(view: EditorView, list: readonly Diagnostic[]): void {
  const doc = view.state.doc;
  const marks: CmDiagnostic[] = list
    .filter((d) => d.line !== undefined)
    .map((d) => {
      const from = offsetOf(view, d.line!, d.column ?? 1);
      const line = doc.lineAt(from);
      const rest = line.text.slice(from - line.from);
      const word = /^[^\s,:\]}#]+/.exec(rest)?.[0].length ?? 0;
      const to = word > 0 ? from + word : line.to > from ? line.to : Math.min(from + 1, doc.length);
      return {
        from,
        to,
        severity: d.severity,
        source: d.code,
        message: `${d.code}: ${d.message}${d.hint ? ` — ${d.hint}` : ''}`,
        renderMessage: () => h('div', { class: 'diagnostic' }, h('strong', {}, d.code), ' ', d.message, d.hint ? h('div', { class: 'hint' }, d.hint) : null),
      };
    });
  view.dispatch(setDiagnostics(view.state, marks));
}
